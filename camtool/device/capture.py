"""Live capture sources: decoded frames of a device's screen, newest only, on their own thread.

`ScreenrecordSource` streams `screenrecord --output-format=h264 ... -` over `exec:` (raw
bytes, no PTY) and decodes it with `H264Decoder`. screenrecord stops at its time limit
(180 s at most on real devices), so the source starts the next recording shortly before
the limit and switches over at that recording's first frame: the consumer sees at most
one frame gap. `ScreencapSource` is the fallback for devices without screenrecord (a
`screencap -p` PNG about once a second). Device loss is a state, not an exception: the
source reports it and keeps retrying until the device is back or it is stopped.
"""

from __future__ import annotations

import logging
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import numpy as np

from camtool.device.adb_io import DeviceIO
from camtool.device.answer_checks import png_is_cut
from camtool.device.errors import DeviceError
from camtool.device.frame_stamp import Stamp, read_stamp
from camtool.device.h264 import DecodedPicture, H264Decoder
from camtool.device.screencap import decode_picture
from camtool.i18n import N_, tr

log = logging.getLogger(__name__)

SCREENRECORD_LIMIT_S = 180    # the real screenrecord's maximum
RETRY_S = 1.0
#: Recordings in a row that end without a single picture before the source gives up on
#: screenrecord (missing, or refusing the options) and falls back to screencap.
EMPTY_RECORDINGS_BEFORE_FALLBACK = 2


class SourceState(str, Enum):
    STARTING = "starting"
    STREAMING = "streaming"
    LOST = "lost"          # the device went away or stopped answering; retrying
    STOPPED = "stopped"


@dataclass(frozen=True)
class Frame:
    image: np.ndarray         # BGR, owned by the consumer once delivered
    arrival_ns: int           # time.monotonic_ns() when decoded
    index: int                # running count of frames this source delivered
    stamp: Stamp | None       # the virtual device's frame stamp, when present
    #: time.monotonic_ns() when the last byte of the frame's access unit was read from adb
    #: (None for screencap): arrival_ns - received_ns is what decoding and conversion add.
    received_ns: int | None = None
    #: The picture shrunk to the consumer's `preview_box` (BGR, a new C-contiguous array), when
    #: it asked for one and the source can make it cheaply (screenrecord); else None.
    preview: np.ndarray | None = None


def _read_stamp(image: np.ndarray) -> Stamp | None:
    # read_stamp answers None for a frame without a stamp (every real device's), never raises.
    return read_stamp(image)


class _SourceBase:
    def __init__(self, on_frame: Callable[[Frame], None] | None = None,
                 on_state: Callable[[SourceState, str], None] | None = None, read_stamps: bool = True) -> None:
        self._on_frame = on_frame
        self._on_state = on_state
        self._read_stamps = read_stamps
        # One stop event per capture thread: a thread still inside a slow adb call when stop()
        # gave up waiting keeps its own (set) event, so a quick start() again cannot revive it
        # as a second, orphaned thread that streams on unseen (found by the suite's socket
        # leak check after issue 14's stop-and-start of the live view).
        self._current_stop = threading.Event()
        self._thread_stops: dict[int, threading.Event] = {}
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._count = 0
        self._thread: threading.Thread | None = None
        #: A view's size in pixels that frames should also come shrunk to (see Frame.preview);
        #: set from any thread, read by the capture thread at the next frame.
        self.preview_box: tuple[int, int] | None = None
        self.state = SourceState.STOPPED
        self.state_detail = ""
        self.streaming_note = ""   # said with STREAMING, e.g. that a slower fallback is in use

    @property
    def _stop(self) -> threading.Event:
        """The calling capture thread's own stop event; elsewhere, the newest thread's."""
        return self._thread_stops.get(threading.get_ident(), self._current_stop)

    def start(self) -> "_SourceBase":
        self._current_stop.set()   # an older thread still running ends rather than joins this one
        stop = self._current_stop = threading.Event()
        self._set_state(SourceState.STARTING)
        self._thread = threading.Thread(target=self._run_with, args=(stop,), name=type(self).__name__, daemon=True)
        self._thread.start()
        return self

    def _run_with(self, stop: threading.Event) -> None:
        self._thread_stops[threading.get_ident()] = stop
        try:
            self._run_guarded()
        finally:
            self._thread_stops.pop(threading.get_ident(), None)

    def stop(self, timeout: float = 5.0) -> None:
        self._current_stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._set_state(SourceState.STOPPED)

    def __enter__(self) -> "_SourceBase":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def latest(self) -> Frame | None:
        with self._lock:
            return self._latest

    @property
    def frames_delivered(self) -> int:
        return self._count

    def _deliver(self, image: np.ndarray, received_ns: int | None = None, preview: np.ndarray | None = None) -> None:
        if self._stop.is_set():
            return   # told to stop: whoever took the frames may be gone (a closed window's view)
        stamp = _read_stamp(image) if self._read_stamps else None
        with self._lock:
            self._count += 1
            frame = Frame(image, time.monotonic_ns(), self._count, stamp, received_ns, preview)
            self._latest = frame  # only the newest is kept: a slow consumer never builds a backlog
        if self.state is not SourceState.STREAMING:
            self._set_state(SourceState.STREAMING, self.streaming_note)
        if self._on_frame is not None:
            self._on_frame(frame)

    def _set_state(self, state: SourceState, detail: str = "") -> None:
        changed = state is not self.state or detail != self.state_detail
        self.state, self.state_detail = state, detail
        if changed and self._on_state is not None:
            self._on_state(state, detail)

    def _run_guarded(self) -> None:
        while not self._stop.is_set():
            try:
                self._run()
            except DeviceError as exc:
                if self._stop.is_set():
                    break   # the device went away because we were leaving: nobody to tell
                self._set_state(SourceState.LOST, exc.describe())
                self._stop.wait(RETRY_S)
            except Exception as exc:  # garbage from a device must not kill the thread silently
                log.exception("capture source failed")
                if self._stop.is_set():
                    break
                self._set_state(SourceState.LOST, str(exc))
                self._stop.wait(RETRY_S)

    def _run(self) -> None:
        raise NotImplementedError


class ScreenrecordSource(_SourceBase):
    """The device screen as H.264 through screenrecord: about the device's frame rate."""

    def __init__(self, io: DeviceIO, serial: str, size: tuple[int, int] | None = None, bit_rate: int = 4_000_000,
                 time_limit: int = SCREENRECORD_LIMIT_S, overlap_s: float = 1.5,
                 fallback_to_screencap: bool = True, max_height: int | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._io, self._serial = io, serial
        #: Pictures taller than this are delivered scaled down to it (the device still sends its full size).
        self._max_height = max_height
        self._size, self._bit_rate = size, bit_rate
        self._time_limit = max(2, min(int(time_limit), SCREENRECORD_LIMIT_S))
        self._overlap = min(overlap_s, self._time_limit / 2)
        self._fallback_allowed = fallback_to_screencap
        self._empty_recordings = 0
        self.restarts = 0
        #: True once screenrecord gave no picture and screencap (about 1 frame/s) took over.
        self.using_screencap = False

    def command(self) -> list[str]:
        argv = ["screenrecord", "--output-format=h264"]
        if self._size:
            argv += ["--size", f"{int(self._size[0])}x{int(self._size[1])}"]
        argv += ["--bit-rate", str(int(self._bit_rate)), "--time-limit", str(self._time_limit), "-"]
        return argv

    def _run(self) -> None:
        if self.using_screencap:
            _screencap_loop(self._io, self._serial, 1.0, self._stop, self._deliver)
            return
        current = self._io.stream(self._serial, self.command(), timeout=10.0)
        started = time.monotonic()
        delivered_before = self._count
        following = None
        decoder = H264Decoder(max_height=self._max_height)
        try:
            while not self._stop.is_set():
                # Start the next recording before this one hits its limit; switch at its first frame.
                if following is None and time.monotonic() - started >= self._time_limit - self._overlap:
                    following = _Recording(self._io.stream(self._serial, self.command(), timeout=10.0),
                                           self._max_height)
                if following is not None:
                    following.decoder.preview_box = self.preview_box
                    frames = following.poll()
                    if frames:
                        current.close()
                        current, started, decoder = following.stream, following.started, following.decoder
                        following = None
                        self.restarts += 1
                        for picture in frames:
                            self._deliver(*picture)
                        continue
                data, idle = _read_available(current, 0.05)
                received = time.monotonic_ns()
                if data is None:
                    if following is None:  # ended early (device limit, drop): start again at once
                        self._recording_ended(self._count > delivered_before)
                        return
                    continue
                decoder.preview_box = self.preview_box
                for picture in decoder.feed_pictures(data, idle, received):
                    self._deliver(*picture)
        finally:
            current.close()
            if following is not None:
                following.stream.close()


    def _recording_ended(self, gave_pictures: bool) -> None:
        self.restarts += 1
        if gave_pictures:
            self._empty_recordings = 0
            return
        # No picture at all: screenrecord is missing or refuses (e.g. "not found", a codec
        # error). Starting it again at once would spin; after a few, screencap takes over.
        self._empty_recordings += 1
        if self._fallback_allowed and self._empty_recordings >= EMPTY_RECORDINGS_BEFORE_FALLBACK:
            self.using_screencap = True
            self.streaming_note = tr(N_(
                "screenrecord gives no picture on this device: showing screencap instead, about one frame per second."))
            self._set_state(SourceState.STARTING, self.streaming_note)
            return
        self._stop.wait(RETRY_S)


class _Recording:
    """A recording started in advance; decoded without delivering until the switch."""

    def __init__(self, stream, max_height: int | None = None) -> None:
        self.stream = stream
        self.decoder = H264Decoder(max_height=max_height)
        self.started = time.monotonic()

    def poll(self) -> list[DecodedPicture]:
        data, idle = _read_available(self.stream, 0.0)
        if not data:
            return []
        return self.decoder.feed_pictures(data, idle, time.monotonic_ns())


def _read_available(stream, wait_s: float) -> tuple[bytes | None, bool]:
    """(bytes, idle) when data came; (b"", False) when nothing yet; (None, _) at end of stream."""
    sock = getattr(getattr(stream, "_connection", None), "conn", None)
    if sock is not None:
        ready, _, _ = select.select([sock], [], [], wait_s)
        if not ready:
            return b"", False
    data = stream.read(1 << 20)
    if not data:
        return None, False
    idle = True
    if sock is not None:
        ready, _, _ = select.select([sock], [], [], 0)
        idle = not ready
    return data, idle


class ScreencapSource(_SourceBase):
    """The fallback for devices without screenrecord: one `screencap -p` PNG about every second."""

    def __init__(self, io: DeviceIO, serial: str, interval_s: float = 1.0, **kwargs) -> None:
        super().__init__(**kwargs)
        self._io, self._serial, self._interval = io, serial, interval_s

    def _run(self) -> None:
        _screencap_loop(self._io, self._serial, self._interval, self._stop, self._deliver)


def _screencap_loop(io: DeviceIO, serial: str, interval: float, stop: threading.Event,
                    deliver: Callable[[np.ndarray], None]) -> None:
    """One `screencap -p` PNG every `interval` seconds until `stop`; a PNG that does not decode is skipped."""
    while not stop.is_set():
        began = time.monotonic()
        png = io.exec_out(serial, ["screencap", "-p"], timeout=10.0)
        image = None if png_is_cut(png) else decode_picture(png)  # a cut PNG is no frame
        if image is not None:
            deliver(image)
        stop.wait(max(0.0, interval - (time.monotonic() - began)))
