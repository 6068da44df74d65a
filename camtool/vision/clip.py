"""An evidence clip: both ends of a call side by side, labelled and timed, as an H.264 MP4.

Device end on the left, WeChat end on the right (or the device end alone), each letterboxed
into a panel of fixed size under a label bar with the end's name, its serial and the time,
so a clip shows at a glance which end did what and when. Encoded with PyAV's libx264 (its
wheel carries it) at a constant frame rate. The file is written beside the target under a
temporary name and renamed when it is complete, so the target is never a half-written clip;
`close()` always finishes the MP4 (its index), which is what makes an interrupted recording
playable.
"""

from __future__ import annotations

import datetime as _dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import av
import cv2
import numpy as np

from camtool.config.atomic import TEMP_SUFFIX
from camtool.vision.chart import text_ink

DEFAULT_FPS = 30
DEFAULT_PANEL_HEIGHT = 720
#: A missing end is drawn with a phone's shape (9:16) until its first picture comes.
PLACEHOLDER_ASPECT = 9 / 16
#: The bar over each end: its label on the first line, the clock on the second (fits a narrow phone panel).
_BAR_FRACTION = 0.11
_CLOCK_SAMPLE = "00:00:00.000  +000.00s"
_BACKGROUND = (24, 24, 24)
_BAR = (48, 48, 48)
_INK = (240, 240, 240)


def _even(value: float) -> int:
    return max(2, int(round(value / 2)) * 2)


@dataclass(frozen=True)
class Panel:
    """One end in the clip: its label and the size of its picture area."""

    label: str
    width: int
    height: int
    fallback: str | None = None   # the English label, drawn when no installed font has the label's script


def panels_for(labels: list[str], firsts: list[np.ndarray | None], height: int = DEFAULT_PANEL_HEIGHT,
               fallbacks: list[str | None] | None = None) -> list[Panel]:
    """Panels as wide as each end's first picture is (same height for all)."""
    out = []
    for index, (label, image) in enumerate(zip(labels, firsts)):
        aspect = image.shape[1] / image.shape[0] if image is not None else PLACEHOLDER_ASPECT
        fallback = fallbacks[index] if fallbacks else None
        out.append(Panel(label, _even(height * aspect), _even(height), fallback))
    return out


class SideBySide:
    """Draws one clip frame from the newest picture of each end.

    At 30 frames/s on a busy machine every millisecond counts: the label bar is drawn once,
    and an end's letterboxed panel is redrawn only when that end gave a new picture (a
    repeated picture is the same array object).
    """

    def __init__(self, panels: list[Panel]) -> None:
        self.panels = panels
        height = panels[0].height
        self.bar = _even(height * _BAR_FRACTION)
        self.width = sum(p.width for p in panels)
        self.height = height + self.bar
        self._lefts = [sum(p.width for p in panels[:i]) for i in range(len(panels))]
        self._canvas = np.empty((self.height, self.width, 3), np.uint8)
        self._canvas[:] = _BACKGROUND
        self._shown: list[int | None] = [None] * len(panels)
        self._bar = np.empty((self.bar, self.width, 3), np.uint8)
        self._bar[:] = _BAR
        margin = max(2, self.bar // 8)
        line = (self.bar - 3 * margin) // 2
        self._clocks = []
        for panel, x in zip(panels, self._lefts):
            # Labels are fixed for the whole clip: drawn once (a CJK label goes through Pillow).
            room = max(8, panel.width - 2 * margin)
            ink = text_ink(panel.label, room, max(4, line), fallback=panel.fallback)
            _paste_ink(self._bar, ink, x + margin, margin)
            self._clocks.append((x + margin, self.bar - margin, _clock_scale(room, line)))
            if x:
                self._canvas[:, x] = _BAR   # a line between the ends

    def compose(self, images: list[np.ndarray | None], elapsed_s: float, wall: _dt.datetime) -> np.ndarray:
        """The frame (an array this object reuses: encode it before the next call)."""
        canvas = self._canvas
        canvas[: self.bar] = self._bar
        clock = f"{wall.strftime('%H:%M:%S')}.{wall.microsecond // 1000:03d}  +{elapsed_s:5.2f}s"
        for i, (panel, x, image) in enumerate(zip(self.panels, self._lefts, images)):
            left, baseline, (scale, thickness) = self._clocks[i]
            cv2.putText(canvas, clock, (left, baseline), cv2.FONT_HERSHEY_SIMPLEX, scale, _INK, thickness, cv2.LINE_AA)
            if image is not None and id(image) != self._shown[i]:
                _letterbox(canvas[self.bar:, x + (1 if x else 0):x + panel.width], image)
                self._shown[i] = id(image)
        return canvas


def _clock_scale(max_w: int, max_h: int) -> tuple[float, int]:
    """Hershey scale and thickness at which the clock fills max_w x max_h (worked out once per panel)."""
    (tw, th), _base = cv2.getTextSize(_CLOCK_SAMPLE, cv2.FONT_HERSHEY_SIMPLEX, 1.0, 1)
    scale = max(0.2, min(max_w / tw, max_h / th))
    return scale, max(1, round(scale * 1.5))


def _paste_ink(canvas: np.ndarray, ink: np.ndarray, x: int, y: int) -> None:
    h = min(ink.shape[0], canvas.shape[0] - y)
    w = min(ink.shape[1], canvas.shape[1] - x)
    if h <= 0 or w <= 0:
        return
    region = canvas[y:y + h, x:x + w].astype(np.float32)
    alpha = ink[:h, :w, None].astype(np.float32) / 255.0
    canvas[y:y + h, x:x + w] = (region * (1 - alpha) + np.array(_INK, np.float32) * alpha).astype(np.uint8)


def _letterbox(area: np.ndarray, image: np.ndarray) -> None:
    """The image centred in the area at the largest size that fits; the bands beside it in the background colour."""
    ah, aw = area.shape[:2]
    ih, iw = image.shape[:2]
    scale = min(aw / iw, ah / ih)
    size = (min(aw, max(1, round(iw * scale))), min(ah, max(1, round(ih * scale))))
    if abs(size[0] - iw) <= 1 and abs(size[1] - ih) <= 1:
        size = (min(iw, aw), min(ih, ah))   # a picture decoded at the panel's size: copied, not resampled
        image = image[:size[1], :size[0]]
    elif size != (iw, ih):
        # Area averaging only where it matters (strong shrinking); linear is several times faster.
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA if scale < 0.5 else cv2.INTER_LINEAR)
    y, x = (ah - size[1]) // 2, (aw - size[0]) // 2
    # Only the bands are filled: filling the whole area first costs more than the copy itself.
    for band in (area[:y], area[y + size[1]:], area[y:y + size[1], :x], area[y:y + size[1], x + size[0]:]):
        if band.size:
            band[:] = _BACKGROUND
    area[y:y + size[1], x:x + size[0]] = image[:, :, :3]


class ClipWriter:
    """Frames in, an H.264 MP4 out; the target appears only when `close()` has finished the file."""

    def __init__(self, target: Path, width: int, height: int, fps: int = DEFAULT_FPS, *,
                 crf: int = 23, preset: str = "ultrafast") -> None:
        self.target = Path(target)
        self.fps = fps
        self.temp = self.target.with_name(f".{self.target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        self._container = av.open(str(self.temp), mode="w", format="mp4")
        try:
            self._stream = self._container.add_stream("libx264", rate=fps)
            self._stream.width, self._stream.height = width, height
            self._stream.pix_fmt = "yuv420p"
            self._stream.options = {"crf": str(crf), "preset": preset}
        except BaseException:
            self._discard()
            raise
        self.frames = 0
        self.last_pts = -1
        self._closed = False

    def write(self, bgr: np.ndarray, pts: int) -> None:
        """One frame at `pts` (in 1/fps units, increasing; a gap is a frame that was skipped)."""
        self.write_frame(av.VideoFrame.from_ndarray(bgr, format="bgr24"), pts)

    def write_frame(self, frame: "av.VideoFrame", pts: int) -> None:
        """`write` for a frame already copied out of the composing canvas (encoding on another thread)."""
        if pts <= self.last_pts:
            return
        frame.pts = pts
        for packet in self._stream.encode(frame):
            self._container.mux(packet)
        self.frames += 1
        self.last_pts = pts

    def close(self) -> Path | None:
        """Finish the MP4 and move it to the target; None (and nothing left behind) when no frame was written."""
        if self._closed:
            return self.target if self.frames else None
        self._closed = True
        if not self.frames:
            self._discard()
            return None
        try:
            for packet in self._stream.encode():
                self._container.mux(packet)
            self._container.close()
            os.replace(self.temp, self.target)
        except BaseException:
            self._discard()
            raise
        return self.target

    def abort(self) -> None:
        self._closed = True
        self._discard()

    def _discard(self) -> None:
        try:
            self._container.close()
        except Exception:   # already broken: only the temporary file matters now
            pass
        try:
            self.temp.unlink()
        except FileNotFoundError:
            pass
