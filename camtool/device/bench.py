"""`camtool bench`: how well the live preview keeps up, measured on the virtual device by default.

One run per stream size (720p30 and 1080p30) through the real adb server:
- pipeline frames/s delivered to the consumer, against the rate the device rendered;
- latency from frame render to frame delivered (p50/p95/max), from the frame stamps
  (the render time is the host's monotonic clock, the same one the arrival is taken from);
- the latency camtool adds: from the last byte of a frame arriving at the host to the frame
  ready to paint (decoded, converted to BGR, shrunk for a PREVIEW_BOX view as the window asks,
  stamp read), p50/p95/max; needs no stamp;
- dropped frames: gaps in the stamps' frame numbers (numbering restarts with each recording);
- two ceilings from the same recorded bytes decoded again with nothing else running: decode
  + colour conversion (what the pipeline does per frame) and decode alone;
- keeps up: delivered >= 90% of min(rendered rate, decode + conversion ceiling);
- CPU per stream: this process's CPU time / wall time while streaming (the virtual device
  runs in a child process, so this is the pipeline alone; the capture thread's own share
  is given too where the platform has per-thread clocks).
A real device (`--serial`) has no stamps: latency and drops are then unknown (null).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from camtool.device.adb_io import DeviceIO
from camtool.device.capture import Frame, ScreenrecordSource
from camtool.device.cpu_priority import VIRTUAL_DEVICE_NICE
from camtool.device.errors import AdbUnavailable, DeviceNotFound
from camtool.device.h264 import AccessUnitAssembler, H264Decoder
from camtool.i18n import N_, tr
from camtool.printable import printable

DEFAULT_SIZES = ((1280, 720), (1920, 1080))
DEFAULT_SECONDS = 5.0
DEFAULT_SCENARIO = "tablet-a12"
KEEP_UP = 0.9                  # delivered / min(rendered, ceiling) that counts as keeping up
#: The view the frames are made ready for, as the window asks its source for them: a picture
#: is ready to paint once it is also shrunk to this (about one end's view at 1366x768).
PREVIEW_BOX = (480, 360)
FIRST_FRAME_TIMEOUT_S = 20.0

Progress = Callable[[str], None]


#: Fresh ports tried when starting the bench's own virtual device.
_START_ATTEMPTS = 3


class BenchCancelled(Exception):
    """Ctrl+C or a cancel event: the run stopped cleanly, nothing is reported."""


@dataclass
class StreamFigures:
    size: str
    seconds: float
    frames_delivered: int
    delivered_fps: float
    source_fps: float | None          # frames the device rendered per second (from the stamps)
    delivered_ratio: float | None     # delivered / rendered
    decode_convert_fps: float | None  # ceiling: decode + colour conversion to BGR, nothing else running
    decode_convert_ms_p95: float | None   # per frame
    pure_decode_fps: float | None     # decode alone
    pure_decode_ms_p95: float | None
    keeps_up: bool | None             # delivered >= KEEP_UP x min(rendered rate, decode + conversion ceiling)
    latency_ms: dict[str, float] | None   # p50 / p95 / max render -> delivered
    added_latency_ms: dict[str, float] | None   # p50 / p95 / max last byte arrived -> frame ready
    dropped_frames: int | None
    restarts: int
    cpu_fraction: float               # this process's CPU time / wall time (1.0 = one core)
    capture_thread_cpu_fraction: float | None   # the capture thread's share, where measurable


@dataclass
class BenchReport:
    serial: str
    virtual: bool
    streams: list[StreamFigures] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"serial": self.serial, "virtual": self.virtual, "streams": [asdict(s) for s in self.streams]}


class _RecordingIO:
    """Wraps a DeviceIO and keeps the first stream's chunks, for the decode-only ceiling."""

    def __init__(self, io: DeviceIO, limit_bytes: int = 256 << 20) -> None:
        self._io = io
        self.chunks: list[bytes] = []
        self._limit = limit_bytes
        self._recorded = 0
        self._taken = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._io, name)

    def stream(self, serial, command, timeout=10.0):
        inner = self._io.stream(serial, command, timeout=timeout)
        if self._taken:
            return inner
        self._taken = True
        return _TeeStream(inner, self)


class _TeeStream:
    def __init__(self, inner, owner: _RecordingIO) -> None:
        self._inner, self._owner = inner, owner
        self._connection = getattr(inner, "_connection", None)   # capture polls its socket

    def read(self, size: int) -> bytes:
        data = self._inner.read(size)
        owner = self._owner
        if data and owner._recorded < owner._limit:
            owner.chunks.append(data)
            owner._recorded += len(data)
        return data

    def close(self) -> None:
        self._inner.close()


def _thread_cpu_clock(thread: threading.Thread | None) -> Callable[[], float] | None:
    getter = getattr(time, "pthread_getcpuclockid", None)
    if thread is None or thread.ident is None or getter is None:
        return None
    try:
        clock = getter(thread.ident)
        time.clock_gettime(clock)
    except (OSError, OverflowError):
        return None
    return lambda: time.clock_gettime(clock)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


@dataclass(frozen=True)
class Ceilings:
    """Frames/s and per-frame p95 (ms) of decoding the recorded bytes again, nothing else running."""

    decode_convert_fps: float | None = None
    decode_convert_ms_p95: float | None = None
    pure_decode_fps: float | None = None
    pure_decode_ms_p95: float | None = None


def decode_ceilings(chunks: list[bytes]) -> Ceilings:
    """Decode + colour conversion (the pipeline's per-frame work) and decode alone, timed apart."""
    if not chunks:
        return Ceilings()
    # Split into access units first (as the live decoder's assembler does between reads), so
    # each is fed whole: how the recorded bytes happened to arrive must not change the figure.
    splitter = AccessUnitAssembler()
    units = splitter.feed(b"".join(chunks)) + splitter.flush()
    decoder = H264Decoder()
    decode_s: list[float] = []
    convert_s: list[float] = []
    for unit in units:
        t0 = time.perf_counter()
        pictures = decoder.decode_unit(unit)
        t1 = time.perf_counter()
        for picture in pictures:
            decoder.to_bgr(picture)
        t2 = time.perf_counter()
        for _ in pictures:   # per frame (a unit gives one picture with the low-delay decoder)
            decode_s.append((t1 - t0) / len(pictures))
            convert_s.append((t2 - t1) / len(pictures))
    if not decode_s:
        return Ceilings()
    both = [d + c for d, c in zip(decode_s, convert_s)]
    return Ceilings(len(both) / sum(both), _percentile(both, 95) * 1000,
                    len(decode_s) / sum(decode_s), _percentile(decode_s, 95) * 1000)


def _added_latency(frames: list[Frame]) -> dict[str, float] | None:
    """p50 / p95 / max of last byte arrived -> frame ready (ms): what decoding and conversion add."""
    added = [(f.arrival_ns - f.received_ns) / 1e6 for f in frames if f.received_ns is not None]
    if not added:
        return None
    return {"p50": _percentile(added, 50), "p95": _percentile(added, 95), "max": max(added)}


def _stamp_figures(frames: list[Frame]) -> tuple[dict[str, float] | None, int | None, int | None]:
    """(latency p50/p95/max ms, dropped frames, frames rendered) from the stamped frames."""
    stamped = [f for f in frames if f.stamp is not None]
    if not stamped:
        return None, None, None
    latencies = [(f.arrival_ns - f.stamp.render_time_ns) / 1e6 for f in stamped]
    dropped = rendered = 0
    run_first = previous = None
    for f in stamped:
        number = f.stamp.frame_number
        if previous is not None and number <= previous:    # a new recording: numbering restarts
            rendered += previous - run_first + 1
            run_first = number
        elif previous is None:
            run_first = number
        else:
            dropped += number - previous - 1
        previous = number
    rendered += previous - run_first + 1
    latency = {"p50": _percentile(latencies, 50), "p95": _percentile(latencies, 95), "max": max(latencies)}
    return latency, dropped, rendered


#: Makes the source a stream is measured on: (io, serial, size, on_frame) -> a capture source.
SourceFactory = Callable[[DeviceIO, str, "tuple[int, int] | None", Callable[[Frame], None]], Any]


def screen_source(io: DeviceIO, serial: str, size, on_frame) -> ScreenrecordSource:
    return ScreenrecordSource(io, serial, size=size, on_frame=on_frame)


def bench_stream(io: DeviceIO, serial: str, size: tuple[int, int] | None, seconds: float,
                 progress: Progress, cancel: threading.Event,
                 make_source: SourceFactory = screen_source) -> StreamFigures:
    recording = _RecordingIO(io)
    frames: list[Frame] = []
    first = threading.Event()

    def on_frame(frame: Frame) -> None:
        # Keep the stamp and times only: holding every image would measure memory, not the pipeline.
        frames.append(Frame(None, frame.arrival_ns, frame.index, frame.stamp, frame.received_ns))
        first.set()

    label = f"{size[0]}x{size[1]}" if size else "?"
    source = make_source(recording, serial, size, on_frame)
    if hasattr(source, "preview_box"):
        source.preview_box = PREVIEW_BOX
    prepare = getattr(source, "prepare", None)
    if prepare is not None:
        prepare()  # a source that can refuse (the camera) says so before anything streams
    source.start()
    try:
        deadline = time.monotonic() + FIRST_FRAME_TIMEOUT_S
        while not first.wait(0.2):
            if cancel.is_set():
                raise BenchCancelled()
            if getattr(source, "refusal", None) is not None:
                raise source.refusal
            if time.monotonic() > deadline:
                raise TimeoutError(tr(N_("No frame arrived from {serial} within {seconds} s: {detail}"),
                                      serial=serial, seconds=int(FIRST_FRAME_TIMEOUT_S), detail=source.state_detail))
        head = getattr(source, "head", None)
        if size is None and head is not None:
            label = f"{head.width}x{head.height}"
        thread_clock = _thread_cpu_clock(source._thread)
        thread0 = thread_clock() if thread_clock else 0.0
        start_count, cpu0, wall0 = len(frames), time.process_time(), time.monotonic()
        elapsed = 0.0
        while elapsed < seconds:
            if cancel.wait(min(1.0, seconds - elapsed)):
                raise BenchCancelled()
            elapsed = time.monotonic() - wall0
            progress(tr(N_("{size}: {seconds:.0f} s of {total:.0f} s, {frames} frames"), size=label,
                        seconds=elapsed, total=seconds, frames=len(frames) - start_count))
        cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
        thread_cpu = (thread_clock() - thread0) if thread_clock else None
        measured = frames[start_count:]
        restarts = source.restarts
    finally:
        source.stop()
    latency, dropped, rendered = _stamp_figures(measured)
    # A camera source reads its own socket, not a recorded exec stream: it keeps its packets.
    ceilings = decode_ceilings(getattr(source, "packets", None) or recording.chunks)
    delivered_fps = len(measured) / wall
    source_fps = (rendered / wall) if rendered else None
    return StreamFigures(
        size=label, seconds=round(wall, 3), frames_delivered=len(measured),
        delivered_fps=delivered_fps, source_fps=source_fps,
        delivered_ratio=(len(measured) / rendered) if rendered else None,
        decode_convert_fps=ceilings.decode_convert_fps, decode_convert_ms_p95=ceilings.decode_convert_ms_p95,
        pure_decode_fps=ceilings.pure_decode_fps, pure_decode_ms_p95=ceilings.pure_decode_ms_p95,
        keeps_up=keeps_up(delivered_fps, source_fps, ceilings.decode_convert_fps),
        latency_ms=latency, added_latency_ms=_added_latency(measured), dropped_frames=dropped,
        restarts=restarts, cpu_fraction=cpu / wall if wall > 0 else 0.0,
        capture_thread_cpu_fraction=(thread_cpu / wall) if thread_cpu is not None and wall > 0 else None)


def keeps_up(delivered_fps: float, source_fps: float | None, ceiling_fps: float | None) -> bool | None:
    """delivered >= 90% of what could be delivered: the slower of the source and the ceiling.

    None when it cannot be told: without frame stamps (a real device) the rate the device
    rendered is unknown, and delivering less than the ceiling may be all it sent. Reaching
    90% of the ceiling keeps up whatever the source did."""
    if not source_fps:
        return True if ceiling_fps and delivered_fps >= KEEP_UP * ceiling_fps else None
    limits = [rate for rate in (source_fps, ceiling_fps) if rate]
    return delivered_fps >= KEEP_UP * min(limits)


def run_bench(io: DeviceIO, serial: str, *, virtual: bool, seconds: float = DEFAULT_SECONDS,
              sizes=DEFAULT_SIZES, progress: Progress | None = None,
              cancel: threading.Event | None = None, make_source: SourceFactory = screen_source) -> BenchReport:
    progress = progress or (lambda line: print(line, file=sys.stderr, flush=True))
    cancel = cancel or threading.Event()
    report = BenchReport(serial, virtual)
    for size in sizes:
        report.streams.append(bench_stream(io, serial, size, seconds, progress, cancel, make_source))
    return report


class VirtualBench:
    """A private adb server and the virtual device for one bench run; stops both on exit.

    The virtual device runs in a child process (`camtool virtual start`), as a real device
    would be elsewhere: its rendering and encoding then neither share this process's GIL
    nor count in its CPU time, so the figures are the preview pipeline's own.
    """

    def __init__(self, scenario: str = DEFAULT_SCENARIO, attach_timeout: float = 30.0) -> None:
        self._scenario = scenario
        self._timeout = attach_timeout
        self._server = self._child = self._home = None

    def __enter__(self) -> tuple[DeviceIO, str]:
        import tempfile

        from camtool.device.adb_io import AdbDeviceIO
        from camtool.device.adb_server import AdbServer, AdbServerError

        self._home = tempfile.TemporaryDirectory(prefix="camtool-bench-")
        try:
            self._server = AdbServer(home=Path(self._home.name))
            serial = self._start_child()
        except AdbServerError as exc:
            self.__exit__()
            raise (exc.failure or AdbUnavailable(detail=str(exc))) from None
        except BaseException:
            self.__exit__()
            raise
        return AdbDeviceIO(port=self._server.port), serial

    def _start_child(self) -> str:
        # A free port can be taken by someone else before the child binds it (other programs,
        # parallel test runs): try a few fresh ports before giving up.
        for attempt in range(_START_ATTEMPTS):
            try:
                return self._start_child_once()
            except DeviceNotFound as exc:
                if attempt == _START_ATTEMPTS - 1 or "address already in use" not in exc.describe():
                    raise
        raise AssertionError("unreachable")

    def _start_child_once(self) -> str:
        import subprocess

        from camtool.device.adb_server import free_port

        port = free_port()
        # The WeChat end on a free port of its own too: port + 1 may be in use.
        argv = [sys.executable, "-m", "camtool", "virtual", "start", "--scenario", self._scenario, "--port", str(port),
                "--wechat-port", "0", "--nice", str(VIRTUAL_DEVICE_NICE)]   # it stands in for other hardware
        flags = subprocess.CREATE_NEW_PROCESS_GROUP if sys.platform.startswith("win") else 0
        self._child = subprocess.Popen(argv, env=self._server.env, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, creationflags=flags)
        serial = f"127.0.0.1:{port}"
        deadline = time.monotonic() + self._timeout
        while self._server.state(serial) != "device":
            if self._child.poll() is not None or time.monotonic() > deadline:
                detail = self._child.stderr.read().decode("utf-8", "replace") if self._child.poll() is not None else ""
                _stop_child(self._child)
                self._child = None
                raise DeviceNotFound(serial, detail or tr(N_("the virtual device did not attach")))
            time.sleep(0.1)
        return serial

    def __exit__(self, *exc: object) -> None:
        if self._child is not None:
            _stop_child(self._child)
            self._child = None
        if self._server is not None:
            self._server.kill()
            self._server = None
        if self._home is not None:
            self._home.cleanup()
            self._home = None


def _stop_child(child) -> None:
    """SIGTERM makes `camtool virtual start` detach from adb and stop; kill it if it does not."""
    import subprocess

    if child.poll() is None:
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(5)
    if child.stderr is not None:
        child.stderr.close()


def _figure(value: float | None, spec: str) -> str:
    return spec.format(value) if value is not None else "?"


def format_report(report: BenchReport) -> str:
    lines = [tr(N_("Preview benchmark on {serial} ({kind}):"), serial=printable(report.serial),
                kind=tr(N_("virtual device")) if report.virtual else tr(N_("device")))]
    unknown = tr(N_("unknown (no frame stamps)"))
    for s in report.streams:
        latency = (tr(N_("{p50:.1f} / {p95:.1f} / {max:.1f} ms"), **s.latency_ms) if s.latency_ms else unknown)
        lines += [
            f"  {s.size}:",
            tr(N_("    delivered {fps:.1f} frames/s of {source} rendered ({ratio}); restarts {restarts}"),
               fps=s.delivered_fps, source=f"{s.source_fps:.1f}" if s.source_fps else "?",
               ratio=f"{s.delivered_ratio:.0%}" if s.delivered_ratio else "?", restarts=s.restarts),
            tr(N_("    ceiling, decode + colour conversion: {fps} frames/s (p95 {ms} ms per frame); decode alone: "
                  "{decode_fps} frames/s (p95 {decode_ms} ms)"),
               fps=_figure(s.decode_convert_fps, "{:.0f}"), ms=_figure(s.decode_convert_ms_p95, "{:.1f}"),
               decode_fps=_figure(s.pure_decode_fps, "{:.0f}"), decode_ms=_figure(s.pure_decode_ms_p95, "{:.1f}")),
            tr(N_("    keeps up (delivered >= 90% of the slower of rendered and ceiling): {answer}"),
               answer=unknown if s.keeps_up is None else tr(N_("yes")) if s.keeps_up else tr(N_("no"))),
            tr(N_("    latency render to delivered p50 / p95 / max: {latency}"), latency=latency),
            tr(N_("    added latency, last byte arrived to frame ready p50 / p95 / max: {latency}"),
               latency=tr(N_("{p50:.1f} / {p95:.1f} / {max:.1f} ms"), **s.added_latency_ms)
               if s.added_latency_ms else "?"),
            tr(N_("    dropped frames: {dropped}"), dropped=s.dropped_frames if s.dropped_frames is not None else unknown),
            tr(N_("    CPU: {cpu:.0%} of one core (capture thread {thread})"), cpu=s.cpu_fraction,
               thread=f"{s.capture_thread_cpu_fraction:.0%}" if s.capture_thread_cpu_fraction is not None else "?"),
        ]
    return "\n".join(lines)
