"""`screencap` and `screenrecord` of one end of the virtual device: its rendered screen, as PNG or H.264.

Rendering and encoding run on worker threads (they take milliseconds per frame and would stall
every other stream on the event loop); the encoder's chunks hop back to the loop one at a time,
so a slow adb reader slows the encoder instead of growing a queue.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Callable, Coroutine, Generator
from dataclasses import dataclass
from typing import Any

import numpy as np

from camtool.virtual.adbd import Stream, StreamClosed
from camtool.virtual.encoder import png_bytes, screenrecord_stream
from camtool.virtual.frames import DEFAULT_MAX_SIDE, EndFrames
from camtool.virtual.screens import fit_screen_size
from camtool.virtual.shell import ShellIO

#: Real screenrecord stops after 180 s unless told otherwise, and refuses longer limits.
DEFAULT_TIME_LIMIT_S = 180
MAX_TIME_LIMIT_S = 180
#: Android 9's default; later releases use 20 Mbit/s, which costs the host CPU for nothing here.
DEFAULT_BIT_RATE = 4_000_000
FPS = 30
_CHUNK_WAIT_S = 0.25


@dataclass
class RecordOptions:
    width: int
    height: int
    bit_rate: int = DEFAULT_BIT_RATE
    time_limit_s: int = DEFAULT_TIME_LIMIT_S


class UsageError(Exception):
    """Bad screenrecord arguments; the text is what screenrecord prints, the status its exit code."""

    def __init__(self, text: str, status: int = 2):
        super().__init__(text)
        self.status = status


def _rate(text: str) -> int:
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:].lower(), 1)
    digits = text[:-1] if scale != 1 else text
    if not digits.isdigit() or int(digits) == 0:
        raise UsageError(f"Invalid bit rate '{text}'\n")
    return int(digits) * scale


def parse_screenrecord(argv: list[str], screen: tuple[int, int]) -> RecordOptions:
    """Options of `screenrecord` as the real tool reads them (`--opt=value` or `--opt value`)."""
    options = RecordOptions(*screen)
    output_format = "mp4"
    positional: list[str] = []
    args = list(argv[1:])
    while args:
        arg = args.pop(0)
        if not arg.startswith("--") or arg == "-":
            positional.append(arg)
            continue
        name, has_value, value = arg.partition("=")
        if name in ("--verbose", "--bugreport", "--rotate"):
            continue
        if name not in ("--size", "--bit-rate", "--time-limit", "--output-format", "--codec-name", "--display-id"):
            raise UsageError(f"Unknown option '{arg}'\n")
        if not has_value:
            if not args:
                raise UsageError(f"screenrecord: option '{name}' requires an argument\n")
            value = args.pop(0)
        if name == "--size":
            w, sep, h = value.lower().partition("x")
            if not (sep and w.isdigit() and h.isdigit()) or int(w) < 16 or int(h) < 16:
                raise UsageError(f"Invalid size '{value}', must be width x height\n")
            if int(w) % 2 or int(h) % 2:
                raise UsageError(f"Invalid size '{value}': H.264 needs even width and height\n")
            options.width, options.height = int(w), int(h)
        elif name == "--bit-rate":
            options.bit_rate = _rate(value)
        elif name == "--time-limit":
            if not value.isdigit() or not 1 <= int(value) <= MAX_TIME_LIMIT_S:
                raise UsageError(f"Time limit {value}s outside acceptable range [1,{MAX_TIME_LIMIT_S}]\n")
            options.time_limit_s = int(value)
        elif name == "--output-format":
            output_format = value
    if output_format != "h264" or positional != ["-"]:
        raise UsageError("screenrecord: the virtual device writes no files on the device; "
                         "use screenrecord --output-format=h264 - (stream to stdout)\n", 1)
    return options


class EndMedia:
    """The screen of one end, as `screencap` and `screenrecord` deliver it."""

    def __init__(self, state, role: str, screen: tuple[int, int]):
        self.state = state
        self.role = role
        self.screen = screen
        self._shot_frames = None
        self._shot_lock = threading.Lock()
        self._shot_number = 0
        self.active: set[threading.Event] = set()

    @property
    def record_size(self) -> tuple[int, int]:
        """screenrecord's default size: the screen, scaled to fit 1280 on its long side.

        Phone encoders top out around there too; a 1080x2400 stream would cost the host a
        core for pixels nobody needs. `--size` still asks for any size.
        """
        return fit_screen_size(self.screen, DEFAULT_MAX_SIDE)

    def _frames(self) -> EndFrames:
        return EndFrames(self.state, self.role)

    def _render(self, frames, n: int, size: tuple[int, int]) -> np.ndarray:
        import cv2

        img = frames.frame(n)
        if (img.shape[1], img.shape[0]) != size:
            img = cv2.resize(img, size, interpolation=cv2.INTER_LINEAR)  # AREA costs 3x at 30 fps
        return img

    def screenshot(self) -> np.ndarray:
        """The current screen of this end (BGR), numbered like a frame."""
        with self._shot_lock:
            if self._shot_frames is None:
                self._shot_frames = self._frames()
            self._shot_number += 1
            return self._render(self._shot_frames, self._shot_number, self.screen)

    async def screencap(self, argv: list[str], io: ShellIO, executor: concurrent.futures.Executor) -> int:
        args = argv[1:]
        files = [a for a in args if not a.startswith("-")]
        if files:
            await io.err(f"Error opening file: {files[0]} (Read-only file system)\n".encode())
            return 1
        png = "-p" in args
        loop = asyncio.get_running_loop()
        data = await loop.run_in_executor(executor, self._capture, png)
        await io.out(data)
        return 0

    def _capture(self, png: bool) -> bytes:
        img = self.screenshot()
        if png:
            return png_bytes(img)
        import cv2

        # Raw screencap: width, height, format (1 = RGBA_8888), dataspace, then the pixels.
        rgba = cv2.cvtColor(img, cv2.COLOR_BGR2RGBA)
        header = np.array([img.shape[1], img.shape[0], 1, 0], "<u4").tobytes()
        return header + rgba.tobytes()

    async def screenrecord(self, argv: list[str], io: ShellIO, stream: Stream,
                           executor: concurrent.futures.Executor) -> int:
        try:
            options = parse_screenrecord(argv, self.record_size)
        except UsageError as exc:
            await io.err(str(exc).encode())
            return exc.status
        await run_encoder(executor, self.active, lambda loop, stop: self._record(options, io, loop, stop))
        return 0

    def _record(self, options: RecordOptions, io: ShellIO, loop: asyncio.AbstractEventLoop,
                stop: threading.Event) -> None:
        frames = self._frames()  # its own: a stream's scene cache is not shared across threads
        size = (options.width, options.height)
        chunks = screenrecord_stream(lambda n: self._render(frames, n, size), options.width, options.height,
                                     FPS, options.bit_rate, options.time_limit_s, stop)
        pump(chunks, io.out, loop, stop)

    def stop_all(self) -> None:
        for stop in list(self.active):
            stop.set()


async def run_encoder(executor: concurrent.futures.Executor, running: set[threading.Event],
                      encode: Callable[[asyncio.AbstractEventLoop, threading.Event], None]) -> None:
    """Run `encode(loop, stop)` on the executor; its stop is in `running` meanwhile (stop_all sets them)."""
    loop = asyncio.get_running_loop()
    stop = threading.Event()
    running.add(stop)
    try:
        await loop.run_in_executor(executor, encode, loop, stop)
    finally:
        stop.set()  # also when the host closed the stream and the task was cancelled
        running.discard(stop)


def pump(chunks: Generator[bytes, None, None], write: Callable[[bytes], Coroutine[Any, Any, Any]],
         loop: asyncio.AbstractEventLoop, stop: threading.Event) -> None:
    """Hand each encoded chunk to the stream (`write(chunk)`, a coroutine run on the loop) until the
    stream closes or the end must stop; the encoder is closed either way."""
    try:
        for chunk in chunks:
            if not _deliver(loop, write, chunk, stop):
                return
    except StreamClosed:
        return
    finally:
        chunks.close()


def _deliver(loop: asyncio.AbstractEventLoop, write: Callable[[bytes], Coroutine[Any, Any, Any]], chunk: bytes,
             stop: threading.Event) -> bool:
    """Hand one chunk to the loop and wait until the stream took it; False if the end must stop.

    The write's coroutine is made on the loop when it gets to it, not here: one made here and
    cancelled before the loop ran it was never awaited ("RuntimeWarning: coroutine ... was never
    awaited" on the virtual device's stderr when an end stopped)."""
    took: concurrent.futures.Future = concurrent.futures.Future()
    writing: list[asyncio.Task] = []

    def start() -> None:
        if not took.set_running_or_notify_cancel():
            return                          # cancelled before the loop got to it: nothing to write
        task = loop.create_task(write(chunk))
        writing.append(task)
        task.add_done_callback(lambda done: _settle(took, done))

    try:
        loop.call_soon_threadsafe(start)
    except RuntimeError:  # the loop is gone
        return False
    while True:
        try:
            took.result(timeout=_CHUNK_WAIT_S)
            return True
        except concurrent.futures.TimeoutError:
            if stop.is_set():
                if not took.cancel():       # the write has started: cancel it on the loop
                    with contextlib.suppress(RuntimeError):
                        loop.call_soon_threadsafe(lambda: [task.cancel() for task in writing])
                return False
        except (StreamClosed, concurrent.futures.CancelledError):
            return False


def _settle(took: concurrent.futures.Future, task: asyncio.Task) -> None:
    """Pass a finished write's outcome to the encoder thread waiting on `took`."""
    if task.cancelled():
        took.set_exception(concurrent.futures.CancelledError())
    elif task.exception() is not None:
        took.set_exception(task.exception())
    else:
        took.set_result(task.result())
