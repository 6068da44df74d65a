"""Recording both ends into a clip: a 30 frames/s clock that shows every picture the ends give.

The pictures come from whatever shows the ends live: the CLI starts the device layer's
low-latency screenrecord capture (the window's own), the window passes the frames it shows.
Each end is a `latest()` callable (None until its first picture); an end fed by a capture source
also has a `PictureQueue` that the source pushes every picture into, so none is lost between two
looks (other ends are looked at every few milliseconds).

The clip has at most one frame per tick (1/fps), and the device end (the first) drives it: each
tick takes the oldest picture waiting of each end, so pictures that come two in one tick, or in a
burst after a stall (a busy adb link or host), go to consecutive ticks instead of all but the
last being lost. A picture waits at most `MAX_LAG_S` (a source faster than the clip is shown that
much late, never stretched), and may be composed up to `AHEAD_TICKS` before its tick: the cushion
that keeps a recording thread woken late by a busy scheduler from skipping ticks. A tick in which
the device end shows nothing new repeats its last picture once the tick has mostly passed (the
clock in the label bar goes on), so the clip runs at wall-clock speed. Encoding runs on its own
thread (x264 and the colour conversion release the GIL), so composing the next frame overlaps
encoding this one. When the work still falls behind, late ticks are skipped (a gap in the
timestamps) rather than queued, so the clip's duration stays the recording's duration. Stopping
(the time is up, `stop` set, or Ctrl+C) always finishes the file.
"""

from __future__ import annotations

import datetime as _dt
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from camtool.i18n import N_, tr
from camtool.printable import printable
from camtool.vision.clip import DEFAULT_FPS, DEFAULT_PANEL_HEIGHT, ClipWriter, SideBySide, panels_for

#: How long the recording waits for the device end's first picture before it gives up.
FIRST_PICTURE_TIMEOUT_S = 20.0
#: After the device end's first picture, how long the WeChat end may take to show one before the
#: recording starts with a placeholder for it.
OTHER_END_GRACE_S = 5.0

#: Without a new picture of the device end, a tick's frame is composed this far into the tick
#: (leaving the rest of the tick for composing and handing it over), repeating its last picture.
_SETTLE_FRACTION = 0.6
#: The longest a picture waits for its tick: a burst after a stall plays out over the next ticks
#: up to this much late, and older pictures are dropped (a source faster than the clip lags by this).
MAX_LAG_S = 0.3
#: A waiting picture is composed up to this many ticks before its tick opens: the cushion that keeps
#: a recording thread that the scheduler wakes late (a busy host) from skipping ticks. Pictures
#: are then shown that much later than they came, which no one watching a clip can tell.
AHEAD_TICKS = 3
#: Pictures an end keeps waiting at most (memory: a picture at the clip's panel size is ~2.5 MB).
_BACKLOG = 12
#: How often the clock looks for a new picture while it waits within a tick.
_POLL_S = 0.002
#: Frames composed but not yet encoded; when encoding falls this far behind, composing waits
#: (and the clock then skips the ticks it missed).
_ENCODE_QUEUE = 3

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


class PictureQueue:
    """The pictures of one end that the clip has not shown yet, oldest first, with when each came.

    `push` is called by whoever has a new picture (a capture source's thread, or the recording's
    own look at `latest()`); the recording thread takes them. deque's append and popleft are atomic.
    """

    def __init__(self) -> None:
        self._pending: deque[tuple[np.ndarray, float]] = deque(maxlen=_BACKLOG)
        self._latest: np.ndarray | None = None

    def push(self, image: np.ndarray) -> None:
        self._pending.append((image, time.monotonic()))
        self._latest = image

    def on_frame(self, frame) -> None:
        """A capture source's `on_frame` (device layer Frame)."""
        self.push(frame.image)

    def latest(self) -> np.ndarray | None:
        return self._latest

    def waiting(self, now: float) -> bool:
        """Is a picture waiting (pictures older than MAX_LAG_S are dropped first)?"""
        while self._pending and now - self._pending[0][1] > MAX_LAG_S and len(self._pending) > 1:
            self._pending.popleft()
        return bool(self._pending)

    def take(self, now: float) -> np.ndarray | None:
        """The oldest waiting picture, or None when none is."""
        return self._pending.popleft()[0] if self.waiting(now) else None


@dataclass(frozen=True)
class EndFeed:
    label: str
    latest: Latest
    fallback_label: str | None = None   # English, for a machine without a font for the label's script
    #: Every picture of the end, pushed by its source; without one the recording looks at `latest()`.
    pictures: PictureQueue | None = None


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


class _EncoderThread:
    """Encodes the frames handed to it, in order, on its own thread; `close()` finishes the file.

    An error while encoding or writing (a full disk) is raised again by the next `put` or by `close`.
    """

    def __init__(self, writer: ClipWriter) -> None:
        self.writer = writer
        self._queue: queue.Queue = queue.Queue(maxsize=_ENCODE_QUEUE)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="clip-encoder", daemon=True)
        self._thread.start()

    def put(self, canvas: np.ndarray, pts: int) -> None:
        self._raise_error()
        # The composer reuses its canvas for the next frame: the encoder gets a copy (a plain memory
        # copy that the frame wraps; from_ndarray's own copy costs several times more).
        self._queue.put((av.VideoFrame.from_numpy_buffer(canvas.copy(), format="bgr24"), pts))

    def close(self) -> Path | None:
        self._finish()
        if self._error is not None:
            self.writer.abort()
            self._raise_error()
        return self.writer.close()

    def abort(self) -> None:
        """Stop encoding and leave nothing behind (the recording failed)."""
        self._finish()
        self.writer.abort()

    def _finish(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self.writer.write_frame(*item)
                except BaseException as exc:   # handed to the recording thread: it says what happened
                    self._error = exc


def record_ends(ends: Sequence[EndFeed], target: Path, *, seconds: float | None, stop: threading.Event,
                fps: int = DEFAULT_FPS, panel_height: int = DEFAULT_PANEL_HEIGHT,
                progress: Callable[[float], None] | None = None, preset: str = "ultrafast",
                crf: int = 23) -> RecordingFigures:
    """Record until `seconds` of clip are written or `stop` is set (KeyboardInterrupt counts as stop).

    Raises NoPicture when the first end never shows a picture (no file is written then).
    """
    firsts = wait_for_first_pictures(ends, stop)
    layout = SideBySide(panels_for([e.label for e in ends], firsts, panel_height, [e.fallback_label for e in ends]))
    writer = ClipWriter(target, layout.width, layout.height, fps, preset=preset, crf=crf)
    encoder = _EncoderThread(writer)
    ticks_total = None if seconds is None else max(1, round(seconds * fps))
    # Ends without a queue of their own get one that this thread fills from `latest()` as it looks.
    queues = [e.pictures if e.pictures is not None else PictureQueue() for e in ends]
    looked: list[np.ndarray | None] = [None] * len(ends)
    for index, (end, first) in enumerate(zip(ends, firsts)):
        if end.pictures is None and first is not None:
            queues[index].push(first)
            looked[index] = first
    shown: list[np.ndarray | None] = list(firsts)   # the pictures of the last frame written

    def look() -> None:
        for index, end in enumerate(ends):
            if end.pictures is None:
                image = end.latest()
                if image is not None and image is not looked[index]:
                    looked[index] = image
                    queues[index].push(image)

    skipped = repeated = 0
    interrupted = False
    started = time.monotonic()
    wall_start = _dt.datetime.now().astimezone()
    pts = -1            # the last tick written
    reported = -1
    try:
        while ticks_total is None or pts + 1 < ticks_total:
            slot = pts + 1
            opens = started + slot / fps
            settled = opens + _SETTLE_FRACTION / fps   # no new device picture by then: repeat the last one
            while True:
                look()
                clock = time.monotonic()
                due = int((clock - started) * fps)
                if clock >= settled or (queues[0].waiting(clock) and slot <= due + AHEAD_TICKS):
                    break
                if stop.wait(_POLL_S):
                    interrupted = True
                    break
            if interrupted:
                break
            tick = max(slot, due)   # late: the ticks in between are skipped
            if ticks_total is not None:
                tick = min(tick, ticks_total - 1)   # the last tick is always written: the clip lasts `seconds`
            skipped += tick - slot
            taken = [q.take(clock) for q in queues]
            if pts >= 0 and taken[0] is None:
                repeated += 1
            shown = [new if new is not None else old for new, old in zip(taken, shown)]
            elapsed = tick / fps
            encoder.put(layout.compose(shown, elapsed, wall_start + _dt.timedelta(seconds=elapsed)), tick)
            pts = tick
            if progress is not None and int(elapsed) != reported:
                reported = int(elapsed)
                progress(elapsed)
    except KeyboardInterrupt:
        interrupted = True
    except BaseException:   # the disk filled up, the encoder failed: no half-written file stays behind
        encoder.abort()
        raise
    path = encoder.close()
    return RecordingFigures(path=path, frames=writer.frames, seconds=(writer.last_pts + 1) / fps,
                            skipped_ticks=skipped, repeated=repeated, interrupted=interrupted)


#: The label over an end in a clip recorded from devices ({serial}: the end's adb serial).
DEVICE_END_LABEL = N_("Device end {serial}")
WECHAT_END_LABEL = N_("WeChat end {serial}")
CAMERA_END_LABEL = N_("Camera {camera} of {serial}")


def source_feed(label: str, **fields: str) -> EndFeed:
    """An end fed by a live capture source of the device layer: give the source
    `on_frame=feed.pictures.on_frame`, so every picture it decodes reaches the clip.

    The label is said in the current language, with the English one kept for a machine whose
    fonts do not draw the language's script; serials are made printable (they come from adb).
    """
    fields = {k: printable(v) for k, v in fields.items()}
    pictures = PictureQueue()
    return EndFeed(tr(label, **fields), pictures.latest, label.format(**fields), pictures)


def record_sources(sources: Sequence, feeds: Sequence[EndFeed], target: Path, *, seconds: float | None,
                   stop: threading.Event, **options) -> RecordingFigures:
    """`record_ends` over capture sources it starts first and always stops again (options: record_ends's)."""
    try:
        for source in sources:
            source.start()
        return record_ends(feeds, target, seconds=seconds, stop=stop, **options)
    finally:
        for source in sources:
            source.stop()
