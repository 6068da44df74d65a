"""Recording both ends into a clip: a constant-rate clock that takes each end's newest picture.

The pictures come from whatever shows the ends live: the CLI starts the device layer's
low-latency screenrecord capture (the window's own), the window passes the frames it shows.
Each end is a `latest()` callable (None until its first picture). On every tick (1/fps) the
newest picture of each end is composed and encoded; an end without a new picture repeats its
last one, so the clip runs at wall-clock speed. When encoding falls behind, late ticks are
skipped (a gap in the timestamps) rather than queued, so the clip's duration stays the
recording's duration. Stopping (the time is up, `stop` set, or Ctrl+C) always finishes the file.
"""

from __future__ import annotations

import datetime as _dt
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from camtool.i18n import N_, tr
from camtool.vision.clip import DEFAULT_FPS, DEFAULT_PANEL_HEIGHT, ClipWriter, SideBySide, panels_for

#: How long the recording waits for the device end's first picture before it gives up.
FIRST_PICTURE_TIMEOUT_S = 20.0
#: After the device end's first picture, how long the WeChat end may take to show one before the
#: recording starts with a placeholder for it.
OTHER_END_GRACE_S = 5.0

Latest = Callable[[], "np.ndarray | None"]


class NoPicture(Exception):
    """An end never showed a picture; the message says which and what to do."""


@dataclass
class RecordingFigures:
    path: Path | None
    frames: int            # frames in the clip
    seconds: float         # the clip's duration (last timestamp + one frame)
    skipped_ticks: int     # ticks dropped because encoding fell behind
    repeated: int          # frames in which the device end showed no new picture
    interrupted: bool      # ended by `stop` or Ctrl+C before the time was up


@dataclass(frozen=True)
class EndFeed:
    label: str
    latest: Latest
    fallback_label: str | None = None   # English, for a machine without a font for the label's script


def wait_for_first_pictures(ends: Sequence[EndFeed], stop: threading.Event,
                            timeout: float | None = None) -> list[np.ndarray | None]:
    """The first picture of each end: the first end must show one, the others get a short grace."""
    timeout = FIRST_PICTURE_TIMEOUT_S if timeout is None else timeout
    deadline = time.monotonic() + timeout
    while ends[0].latest() is None:
        if stop.wait(0.05) or time.monotonic() > deadline:
            raise NoPicture(tr(N_("{end} showed no picture within {seconds} seconds. Check that its screen is on "
                                  "and that `camtool devices` lists it as ready, then try again."),
                               end=ends[0].label, seconds=int(timeout)))
    grace = time.monotonic() + OTHER_END_GRACE_S
    while any(e.latest() is None for e in ends[1:]) and time.monotonic() < grace and not stop.wait(0.05):
        pass
    return [e.latest() for e in ends]


def record_ends(ends: Sequence[EndFeed], target: Path, *, seconds: float | None, stop: threading.Event,
                fps: int = DEFAULT_FPS, panel_height: int = DEFAULT_PANEL_HEIGHT,
                progress: Callable[[float], None] | None = None, preset: str = "ultrafast") -> RecordingFigures:
    """Record until `seconds` of clip are written or `stop` is set (KeyboardInterrupt counts as stop).

    Raises NoPicture when the first end never shows a picture (no file is written then).
    """
    firsts = wait_for_first_pictures(ends, stop)
    layout = SideBySide(panels_for([e.label for e in ends], firsts, panel_height, [e.fallback_label for e in ends]))
    writer = ClipWriter(target, layout.width, layout.height, fps, preset=preset)
    ticks_total = None if seconds is None else max(1, round(seconds * fps))
    last: list[np.ndarray | None] = list(firsts)
    skipped = repeated = 0
    interrupted = False
    started = time.monotonic()
    wall_start = _dt.datetime.now().astimezone()
    tick = 0
    reported = -1
    try:
        while ticks_total is None or tick < ticks_total:
            due = started + tick / fps
            if stop.wait(max(0.0, due - time.monotonic())):
                interrupted = True
                break
            now = [e.latest() for e in ends]
            if now[0] is last[0]:
                repeated += 1
            last = [n if n is not None else old for n, old in zip(now, last)]
            elapsed = tick / fps
            writer.write(layout.compose(last, elapsed, wall_start + _dt.timedelta(seconds=elapsed)), tick)
            if progress is not None and int(elapsed) != reported:
                reported = int(elapsed)
                progress(elapsed)
            following = max(tick + 1, int((time.monotonic() - started) * fps))   # late: jump to the due tick
            if ticks_total is not None and following >= ticks_total > tick + 1:
                following = ticks_total - 1    # the last tick is always written: the clip lasts `seconds`
            skipped += following - tick - 1
            tick = following
    except KeyboardInterrupt:
        interrupted = True
    path = writer.close()
    return RecordingFigures(path=path, frames=writer.frames, seconds=(writer.last_pts + 1) / fps,
                            skipped_ticks=skipped, repeated=repeated, interrupted=interrupted)
