"""Both ends of a call as screens: the device's own preview and the WeChat phone's received push.

One pure function over `ends_for` (camtool.config.semantics): the device screen shows the
preview turned by the device end and letterboxed; the phone (portrait) shows the push
turned by the WeChat end and letterboxed. No stamp here: frames.py draws it last.
"""

from __future__ import annotations

import cv2
import numpy as np

from camtool.config.ends import DEFAULT_BEHAVIOUR, Bases, WmpfBehaviour
from camtool.config.semantics import EndsEffect, ends_for
from camtool.config.turns import Turn
from camtool.device.frame_stamp import stamp_area_height
from camtool.vision.transforms import turn_and_fit

__all__ = ["render_ends", "render_end_screens", "end_screen", "idle_screen", "fit_screen_size"]

_IDLE_GREY = 38


def end_screen(camera_picture: np.ndarray, turn: Turn, screen: tuple[int, int],
               stamp_area: bool = True) -> np.ndarray:
    """One end's screen: the picture turned and letterboxed into `screen` = (width, height).

    With `stamp_area`, the bottom rows the frame stamp covers stay black, like a navigation
    bar, so the stamp never hides a part of the picture (corner cues, the chart's edge).
    """
    width, height = screen
    reserved = stamp_area_height(width) if stamp_area else 0
    if reserved <= 0 or height - reserved < 16:
        return turn_and_fit(camera_picture, turn, screen)
    out = np.zeros((height, width, 3), np.uint8)
    out[:height - reserved] = turn_and_fit(camera_picture, turn, (width, height - reserved))
    return out


def render_end_screens(camera_picture: np.ndarray, effect: EndsEffect,
                       device_screen: tuple[int, int], wechat_screen: tuple[int, int],
                       stamp_area: bool = True, bases: Bases = Bases()) -> tuple[np.ndarray, np.ndarray]:
    """`render_ends` for an `EndsEffect` already worked out."""
    device_turn, wechat_turn = effect.seen(bases)
    return (end_screen(camera_picture, device_turn, device_screen, stamp_area),
            end_screen(camera_picture, wechat_turn, wechat_screen, stamp_area))


def render_ends(camera_picture: np.ndarray, config: dict | None, wmpf_version: str | None,
                behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR,
                device_screen: tuple[int, int] = (1280, 720),
                wechat_screen: tuple[int, int] = (720, 1280),
                stamp_area: bool = True, bases: Bases = Bases()) -> tuple[np.ndarray, np.ndarray]:
    """(device screen, WeChat phone screen) for a camera's own BGR picture under `config`.

    `bases`: what the preview path and the push path each do to `camera_picture` before any
    key (default: nothing). Screen sizes are (width, height). The bottom stamp area is left
    black (see `end_screen`); the stamp itself is drawn by frames.py. Pure: the same input
    gives the same pictures.
    """
    effect = ends_for(config, wmpf_version, behaviour)
    return render_end_screens(camera_picture, effect, device_screen, wechat_screen, stamp_area, bases)


def idle_screen(size: tuple[int, int]) -> np.ndarray:
    """A screen with no camera picture (no camera, or no WMPF call): dark, a crossed-out camera.

    Drawn as a symbol, not words, because pixels cannot follow the language setting.
    """
    width, height = size
    img = np.full((height, width, 3), _IDLE_GREY, np.uint8)
    side = max(8, min(width, height) // 5)
    cx, cy = width // 2, height // 2
    ink, line = (150, 150, 150), max(2, side // 14)
    body = (cx - side // 2, cy - side // 3, cx + side // 3, cy + side // 3)
    cv2.rectangle(img, body[:2], body[2:], ink, line)
    lens = np.array([[body[2], cy - side // 8], [cx + side // 2, cy - side // 4],
                     [cx + side // 2, cy + side // 4], [body[2], cy + side // 8]], np.int32)
    cv2.polylines(img, [lens], True, ink, line)
    cv2.line(img, (cx - side * 2 // 3, cy + side // 2), (cx + side * 2 // 3, cy - side // 2),
             (80, 80, 200), line + 1, cv2.LINE_AA)
    return img


def fit_screen_size(size: tuple[int, int], max_side: int | None) -> tuple[int, int]:
    """`size` scaled down (aspect kept, even numbers for H.264) so its long side <= `max_side`."""
    width, height = size
    if max_side and max(width, height) > max_side:
        scale = max_side / max(width, height)
        width, height = width * scale, height * scale
    return max(16, int(round(width)) // 2 * 2), max(16, int(round(height)) // 2 * 2)
