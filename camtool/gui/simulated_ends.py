"""The simulated ends: both ends' pictures for a config, rendered off the GUI thread (no Qt here).

Each end has its own base (docs/domain.md, "Two ends, two bases"). With a live device end, the
picture the device end's keys turn is that end's own (its newest screen with the config it
runs undone), and the WeChat end's is the live WeChat end's own when a phone is attached;
without one, the push is assumed to show the camera like the preview. With no device, the
virtual camera stands in (mounted with the chosen turn, its push path turned by the chosen
extra turn). `gui/ends_panel.py` shows the pictures; its worker thread calls `render`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from camtool.config.ends import DEFAULT_BEHAVIOUR, WECHAT_END, WmpfBehaviour
from camtool.config.turns import Turn

if TYPE_CHECKING:   # numpy and OpenCV are loaded by the render thread, not at start-up
    import numpy as np

#: Sizes of the simulated screens: a landscape device and a portrait phone, kept small so a
#: render costs a few milliseconds; the views scale them.
DEVICE_SCREEN = (800, 480)
WECHAT_SCREEN = (360, 640)
CAMERA_SIZE = (960, 540)


@dataclass(frozen=True)
class EndsRequest:
    """Everything a render depends on; equal requests give equal pictures."""

    config: dict
    wmpf_version: str | None
    mounting: Turn = Turn(0, False)
    push_turn: Turn = Turn(0, False)   # what the virtual camera's push path adds (no device attached)
    behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR
    device_screen: tuple[int, int] = DEVICE_SCREEN
    wechat_screen: tuple[int, int] = WECHAT_SCREEN
    # From a live device end: its newest screen (compared by picture_serial) and the config it runs.
    device_screen_frame: np.ndarray | None = field(default=None, compare=False, repr=False)
    device_runs: dict | None = None
    picture_serial: int = 0
    # From a live WeChat end: its newest screen (the push as the phone shows it), same config.
    wechat_screen_frame: np.ndarray | None = field(default=None, compare=False, repr=False)
    wechat_picture_serial: int = 0
    serial: int = field(default=0, compare=False)   # counts requests, to drop stale answers


@dataclass(frozen=True)
class EndsPictures:
    device_end: np.ndarray
    wechat_end: np.ndarray


class SimulatedEnds:
    """Renders both ends for a request; the scene and camera pictures are cached per mounting."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pictures: dict[Turn, np.ndarray] = {}

    def camera_picture(self, mounting: Turn) -> np.ndarray:
        """The virtual camera's own picture (CAMERA_SIZE, like a sensor), cached per mounting."""
        from camtool.virtual.scene import picture_of_mounted_camera

        with self._lock:
            if mounting not in self._pictures:
                self._pictures[mounting] = picture_of_mounted_camera(mounting, CAMERA_SIZE)
            return self._pictures[mounting]

    def forget_pictures(self) -> None:
        """Drop the cached pictures (the scene's chart caption follows the UI language)."""
        with self._lock:
            self._pictures.clear()

    def render(self, request: EndsRequest) -> EndsPictures:
        from camtool.virtual.screens import render_ends

        from camtool.vision.recover import recover_camera_picture

        from camtool.config.ends import Bases

        if request.device_screen_frame is None:
            # The virtual camera: both ends start from its picture; the push path may add a turn.
            picture = self.camera_picture(request.mounting)
            device_img, wechat_img = render_ends(picture, request.config, request.wmpf_version, request.behaviour,
                                                 device_screen=request.device_screen,
                                                 wechat_screen=request.wechat_screen,
                                                 bases=Bases(Turn(), request.push_turn))
            return EndsPictures(device_img, wechat_img)
        # A live device: each end from its own picture (its base), the keys it runs undone.
        preview = recover_camera_picture(request.device_screen_frame, request.device_runs,
                                         request.wmpf_version, request.behaviour)
        push = preview if request.wechat_screen_frame is None else recover_camera_picture(
            request.wechat_screen_frame, request.device_runs, request.wmpf_version, request.behaviour,
            end=WECHAT_END)
        device_img = render_ends(preview, request.config, request.wmpf_version, request.behaviour,
                                 device_screen=request.device_screen, wechat_screen=request.wechat_screen)[0]
        wechat_img = render_ends(push, request.config, request.wmpf_version, request.behaviour,
                                 device_screen=request.device_screen, wechat_screen=request.wechat_screen)[1]
        return EndsPictures(device_img, wechat_img)
