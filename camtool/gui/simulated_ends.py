"""Simulated ends: what both screens would show for the form's config, from a virtual camera.

Qt-free and pure apart from a cache of the camera's pictures, so it runs on the render worker
thread. The camera's own picture comes from the virtual scene as a camera mounted with
`mounting` would take it; WMPF's semantics (one function, contracts.md section 1) decide
what each end does to it. Later the live device's picture replaces the virtual scene.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from camtool.config.semantics import DEFAULT_BEHAVIOUR, Turn, WmpfBehaviour

if TYPE_CHECKING:   # imported by the render thread, not by the window at start-up
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
    behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR
    device_screen: tuple[int, int] = DEVICE_SCREEN
    wechat_screen: tuple[int, int] = WECHAT_SCREEN
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

        picture = self.camera_picture(request.mounting)
        device_img, wechat_img = render_ends(picture, request.config, request.wmpf_version, request.behaviour,
                                             device_screen=request.device_screen,
                                             wechat_screen=request.wechat_screen)
        return EndsPictures(device_img, wechat_img)
