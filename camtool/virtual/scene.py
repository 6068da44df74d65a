"""The upright scene in front of the virtual cameras, and what a mounted camera makes of it.

The scene has an unmistakable up and left, for people and for code: a sky-to-ground
background, a big "TOP" with an up arrow, a figure with its head above its body, an "L" at
the left, and one colour per corner (red top-left, green top-right, blue bottom-left,
yellow bottom-right). When the orientation chart exists (camtool.vision.chart), it sits in
the centre so the orientation check can read the ends; without it the scene still works.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from camtool.config.turns import Turn
from camtool.vision.chart import MIN_CHART_SIDE, render_chart_image
from camtool.vision.transforms import apply_turn

__all__ = ["CORNER_COLOURS", "SceneLayout", "scene_layout", "render_scene", "camera_picture",
           "picture_of_mounted_camera", "DEFAULT_CAMERA_SIZE"]

log = logging.getLogger(__name__)

#: BGR colour of each corner cue: (top-left, top-right, bottom-left, bottom-right).
CORNER_COLOURS: dict[str, tuple[int, int, int]] = {
    "top_left": (0, 0, 255),       # red
    "top_right": (0, 200, 0),      # green
    "bottom_left": (255, 0, 0),    # blue
    "bottom_right": (0, 255, 255),  # yellow
}
#: A camera's own picture: landscape 720p, as most UVC and tablet cameras deliver by default.
DEFAULT_CAMERA_SIZE = (1280, 720)
_WHITE, _INK = (255, 255, 255), (40, 40, 40)
_FONT = cv2.FONT_HERSHEY_DUPLEX


@dataclass(frozen=True)
class SceneLayout:
    """Boxes (x, y, w, h) of the scene's parts, for a given size; tests use it to find them."""
    width: int
    height: int
    corner: int                          # side of each corner cue square
    title: tuple[int, int, int, int]     # arrow + TOP
    chart: tuple[int, int, int, int]
    left_marker: tuple[int, int, int, int]
    figure: tuple[int, int, int, int]


def scene_layout(width: int, height: int) -> SceneLayout:
    """Landscape: L | chart | figure side by side. Portrait: chart on top, L and figure below.

    Everything keeps clear of the bottom tenth, where the frame stamp may cover the picture.
    """
    w, h = width, height
    corner = max(8, round(0.09 * min(w, h)))
    title = (round(0.2 * w), round(0.015 * h), round(0.6 * w), round(0.12 * h))
    if w >= h:
        chart = (round(0.19 * w), round(0.15 * h), round(0.62 * w), round(0.74 * h))
        left_marker = (round(0.03 * w), round(0.35 * h), round(0.13 * w), round(0.3 * h))
        figure = (round(0.84 * w), round(0.3 * h), round(0.13 * w), round(0.5 * h))
    else:
        chart = (round(0.04 * w), round(0.15 * h), round(0.92 * w), round(0.5 * h))
        left_marker = (round(0.06 * w), round(0.68 * h), round(0.3 * w), round(0.18 * h))
        figure = (round(0.6 * w), round(0.67 * h), round(0.3 * w), round(0.22 * h))
    return SceneLayout(w, h, corner, title, chart, left_marker, figure)


def _background(width: int, height: int) -> np.ndarray:
    # Sky at the top, ground at the bottom: "up" is visible even in a small, blurred preview.
    sky, ground = np.array([235, 206, 160], np.float32), np.array([70, 110, 140], np.float32)
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    column = (sky * (1 - t) + ground * t).astype(np.uint8)
    return np.repeat(column[:, None, :], width, axis=1)


def _put_text_in_box(img: np.ndarray, text: str, box: tuple[int, int, int, int],
                     colour: tuple[int, int, int]) -> None:
    x, y, w, h = box
    thickness = max(1, round(h / 12))
    (tw, th), _ = cv2.getTextSize(text, _FONT, 1.0, thickness)
    scale = min(w / max(tw, 1), h / max(th, 1)) * 0.9
    thickness = max(1, round(thickness * scale))
    (tw, th), _ = cv2.getTextSize(text, _FONT, scale, thickness)
    cv2.putText(img, text, (x + (w - tw) // 2, y + (h + th) // 2), _FONT, scale, colour, thickness, cv2.LINE_AA)


def _draw_title(img: np.ndarray, box: tuple[int, int, int, int]) -> None:
    x, y, w, h = box
    arrow_w = h
    cx = x + arrow_w // 2
    cv2.arrowedLine(img, (cx, y + h - 2), (cx, y + 2), _INK, max(2, h // 8), cv2.LINE_AA, tipLength=0.45)
    _put_text_in_box(img, "TOP", (x + arrow_w, y, w - 2 * arrow_w, h), _INK)
    cx = x + w - arrow_w // 2
    cv2.arrowedLine(img, (cx, y + h - 2), (cx, y + 2), _INK, max(2, h // 8), cv2.LINE_AA, tipLength=0.45)


def _draw_figure(img: np.ndarray, box: tuple[int, int, int, int]) -> None:
    """A person: head above body, arms down, legs at the bottom."""
    x, y, w, h = box
    cx = x + w // 2
    head_r = max(3, min(w, h) // 6)
    line = max(2, w // 12)
    skin, shirt = (150, 190, 240), (60, 60, 200)
    cv2.circle(img, (cx, y + head_r), head_r, skin, -1, cv2.LINE_AA)
    body_top, body_bottom = y + 2 * head_r + line, y + int(h * 0.68)
    cv2.rectangle(img, (cx - w // 4, body_top), (cx + w // 4, body_bottom), shirt, -1)
    cv2.line(img, (cx - w // 4, body_top), (x, body_bottom - line), shirt, line, cv2.LINE_AA)
    cv2.line(img, (cx + w // 4, body_top), (x + w, body_bottom - line), shirt, line, cv2.LINE_AA)
    cv2.line(img, (cx - w // 8, body_bottom), (cx - w // 4, y + h), _INK, line, cv2.LINE_AA)
    cv2.line(img, (cx + w // 8, body_bottom), (cx + w // 4, y + h), _INK, line, cv2.LINE_AA)


def _draw_left_marker(img: np.ndarray, box: tuple[int, int, int, int]) -> None:
    x, y, w, h = box
    cv2.rectangle(img, (x, y), (x + w, y + h), _INK, -1)
    _put_text_in_box(img, "L", box, _WHITE)


def _draw_chart_or_arrow(img: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """The orientation chart in `box`; in a box too small for a chart, a big up arrow."""
    x, y, w, h = box
    if min(w, h) >= MIN_CHART_SIDE:
        img[y:y + h, x:x + w] = render_chart_image(w, h)
        return True
    # Without the chart: a big up arrow on a white card says the same to a person.
    cv2.rectangle(img, (x, y), (x + w, y + h), _WHITE, -1)
    cx = x + w // 2
    cv2.arrowedLine(img, (cx, y + h - h // 10), (cx, y + h // 10), _INK, max(3, w // 20),
                    cv2.LINE_AA, tipLength=0.3)
    return False


def render_scene(width: int, height: int) -> np.ndarray:
    """The upright scene as a BGR picture of `width` x `height` (any aspect)."""
    layout = scene_layout(width, height)
    img = _background(width, height)
    _draw_chart_or_arrow(img, layout.chart)
    _draw_title(img, layout.title)
    _draw_left_marker(img, layout.left_marker)
    _draw_figure(img, layout.figure)
    c = layout.corner
    img[:c, :c] = CORNER_COLOURS["top_left"]
    img[:c, -c:] = CORNER_COLOURS["top_right"]
    img[-c:, :c] = CORNER_COLOURS["bottom_left"]
    img[-c:, -c:] = CORNER_COLOURS["bottom_right"]
    return img


def camera_picture(scene: np.ndarray, mounting: Turn) -> np.ndarray:
    """What a camera mounted with this turn produces from the upright `scene`."""
    return apply_turn(scene, mounting)


def picture_of_mounted_camera(mounting: Turn, camera_size: tuple[int, int] = DEFAULT_CAMERA_SIZE) -> np.ndarray:
    """The camera's own `camera_size` picture when it is mounted with `mounting`.

    A sensor turned a quarter sees a scene of the other aspect, so the scene is rendered in
    that aspect and turned: the camera's picture keeps its native size, like a real one.
    """
    width, height = camera_size
    quarter = mounting.rotation in (90, 270)
    scene = render_scene(height, width) if quarter else render_scene(width, height)
    return camera_picture(scene, mounting)
