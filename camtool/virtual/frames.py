"""The final, stamped screen of one end of the virtual device, frame after frame.

`EndFrames(state, role)` reads the virtual device's state snapshot (active camera, its
mounting and what its preview or push path turns, applied config, WMPF version and behaviour, config generation, screen sizes) and
renders the device's screen (role "device") or the WeChat phone's screen (role "wechat").
The expensive part (scene, camera picture, turn and fit) is cached until the snapshot
changes what is shown; a frame then costs a copy, the ticker and the stamp.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from camtool.config.keys import USB_TRIPLE, Family
from camtool.config.ends import WmpfBehaviour
from camtool.config.semantics import ends_for
from camtool.config.turns import Turn
from camtool.virtual.device_state import DeviceSnapshot
from camtool.virtual.scenario import Mounting, Scenario
from camtool.virtual.scene import DEFAULT_CAMERA_SIZE, picture_of_mounted_camera
from camtool.virtual.screens import end_screen, fit_screen_size, idle_screen
from camtool.device.frame_stamp import Stamp, draw_stamp, draw_ticker

__all__ = ["EndFrames", "EndView", "end_view", "ROLES", "DEFAULT_MAX_SIDE"]

ROLES = ("device", "wechat")
#: Screens are rendered with their long side at most this (a 1080x2400 phone becomes 576x1280):
#: keeps a 720p-class stream within its CPU budget; the picture's content is the same.
DEFAULT_MAX_SIDE = 1280


class StateWithSnapshot(Protocol):
    def snapshot(self) -> DeviceSnapshot: ...


@dataclass(frozen=True)
class EndView:
    """What one end shows, read from a snapshot: everything that decides the picture."""
    camera_kind: str | None          # "builtin" | "usb" | None (no camera, or WMPF not running)
    mounting: Turn
    path_turn: Turn                  # what this end's path (preview or push) does before any key
    config: dict | None
    wmpf_version: str | None
    behaviour: WmpfBehaviour
    generation: int
    screen: tuple[int, int]          # (width, height) as rendered

    def picture_key(self) -> tuple:
        # The config only changes with the generation, so the generation stands for it.
        return (self.camera_kind, self.mounting, self.path_turn, self.generation, self.wmpf_version,
                self.behaviour, self.screen)


def _turn_of(mounting: Mounting | None) -> Turn:
    if mounting is None:   # an active camera without a mounting: no camera at all
        return Turn()
    return Turn(mounting.rotation % 360, mounting.mirrored)


def _screen_of(scenario: Scenario, role: str) -> tuple[int, int]:
    screen = scenario.device.screen if role == "device" else scenario.wechat_phone.screen
    return screen.width, screen.height


def end_view(snapshot: DeviceSnapshot, role: str, max_side: int | None = DEFAULT_MAX_SIDE) -> EndView:
    """What one end shows, read from the virtual device's state snapshot."""
    scenario, camera = snapshot.scenario, snapshot.active_camera
    behaviour = scenario.behaviour
    return EndView(
        camera_kind=camera.kind if snapshot.wmpf_installed else None,
        mounting=_turn_of(camera.mounting),
        path_turn=_turn_of(camera.preview_turn if role == "device" else camera.push_turn),
        config=snapshot.config,
        wmpf_version=snapshot.wmpf_version,
        behaviour=WmpfBehaviour(behaviour.rotation_direction, behaviour.push_flip),
        generation=snapshot.config_generation,
        screen=fit_screen_size(_screen_of(scenario, role), max_side),
    )


def config_as_used(config: dict | None, camera_kind: str | None) -> dict | None:
    """The config as WMPF acts on it for the camera it actually opened.

    A USB selection that matches no plugged camera leaves WMPF on a built-in camera (the
    device state decides that); then the built-in keys are the ones that take effect.
    """
    if camera_kind != "builtin" or not isinstance(config, dict):
        return config
    if ends_for(config).family is not Family.USB:
        return config
    return {k: v for k, v in config.items() if k not in ("usbCameraName",) + USB_TRIPLE}


class EndFrames:
    """Final stamped screens of one end (role "device" or "wechat") of a virtual device."""

    def __init__(self, state: StateWithSnapshot, role: str, *, max_side: int | None = DEFAULT_MAX_SIDE,
                 camera_size: tuple[int, int] = DEFAULT_CAMERA_SIZE):
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {role!r}")
        self._state, self._role, self._max_side = state, role, max_side
        self._camera_size = camera_size
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._screen: np.ndarray | None = None
        self._camera_pictures: dict[Turn, np.ndarray] = {}

    @property
    def role(self) -> str:
        return self._role

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of the frames as the state is now."""
        return end_view(self._state.snapshot(), self._role, self._max_side).screen

    def frame(self, n: int) -> np.ndarray:
        """Frame number `n` of this end: a new BGR array the caller owns, stamped last."""
        view = end_view(self._state.snapshot(), self._role, self._max_side)
        with self._lock:
            if view.picture_key() != self._key:
                self._screen = self._render(view)
                self._key = view.picture_key()
            out = self._screen.copy()
        draw_ticker(out, n)
        return draw_stamp(out, Stamp(n, time.monotonic_ns(), view.generation))

    def _camera_picture(self, mounting: Turn) -> np.ndarray:
        picture = self._camera_pictures.get(mounting)
        if picture is None:
            picture = picture_of_mounted_camera(mounting, self._camera_size)
            self._camera_pictures[mounting] = picture
        return picture

    def _render(self, view: EndView) -> np.ndarray:
        if view.camera_kind is None:
            return idle_screen(view.screen)
        effect = ends_for(config_as_used(view.config, view.camera_kind), view.wmpf_version, view.behaviour)
        # Only this end is rendered: the camera's picture, then this end's path, then the keys.
        keys = effect.device_end if self._role == "device" else effect.wechat_end
        return end_screen(self._camera_picture(view.mounting), view.path_turn.then(keys), view.screen)
