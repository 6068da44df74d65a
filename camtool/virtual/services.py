"""What one end of the virtual device answers: its banner, its shell services and their commands.

`EndEndpoint` is the adbd's view of the device (role "device") or of the WeChat phone (role
"wechat"). It runs each shell line through the small shell, serving `screencap` and
`screenrecord` from the rendered screen of that end, recorded answers when replaying a capture,
and the scenario's answers (`camtool.virtual.commands.answer`) for everything else.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Awaitable, Callable

from camtool.virtual import media
from camtool.virtual.adbd import Stream
from camtool.virtual.commands import answer
from camtool.virtual.faults import Faults
from camtool.virtual.shell import SH, Shell, ShellIO, SimpleCommand, normalise

log = logging.getLogger(__name__)

ID_STDIN, ID_STDOUT, ID_STDERR, ID_EXIT, ID_CLOSE_STDIN = 0, 1, 2, 3, 4


class EndEndpoint:
    """One adb endpoint of a virtual device; shares the device's state with the other end."""

    def __init__(self, role: str, state, scenario, executor: concurrent.futures.Executor,
                 replay=None, faults: Faults | None = None):
        self.role = role
        self.state = state
        self.scenario = scenario
        self.replay = replay if role == "device" else None
        self.faults = faults or Faults()
        self.executor = executor
        self.media = media.EndMedia(state, role, self.screen_size)

    # --- what the host sees first -------------------------------------------------------
    @property
    def info(self):
        return self.scenario.device if self.role == "device" else self.scenario.wechat_phone

    @property
    def screen_size(self) -> tuple[int, int]:
        return self.info.screen.width, self.info.screen.height

    def banner(self) -> bytes:
        info = self.info
        model, product, device = info.model, info.product, info.device
        if self.replay is not None:
            recorded = getattr(self.replay, "device_info", None) or {}
            model = recorded.get("model", model) if isinstance(recorded, dict) else model
        # adb reads these three props for `adb devices -l`; "features" switches on shell v2.
        props = {"ro.product.name": product, "ro.product.model": model, "ro.product.device": device}
        text = "device::" + "".join(f"{k}={_banner_safe(v)};" for k, v in props.items()) + "features=shell_v2,cmd"
        return text.encode("utf-8")

    def service(self, name: str) -> Callable[[Stream], Awaitable[None]] | None:
        if name.startswith("shell,") or name.startswith("shell:"):
            options, _, command = name.partition(":")
            v2 = "v2" in options.split(",")[1:]
            if not command.strip():
                # adbd's rule: no command means a pty unless the host asked for raw.
                pty = not v2 or "raw" not in options.split(",")
                return lambda stream: self._interactive(stream, v2, pty)
            return lambda stream: self._run(stream, command, v2)
        if name.startswith("exec:"):
            return lambda stream: self._run(stream, name[5:], False)
        return None

    # --- one command line per stream ---------------------------------------------------
    async def _run(self, stream: Stream, command: str, v2: bool) -> None:
        if self.faults.latency_ms:
            await asyncio.sleep(self.faults.latency_ms / 1000)
        io = _StreamIO(stream, v2, self.faults.truncate_bytes)
        shell = Shell(self._runner(stream))
        status = await shell.run_line(command, io.shell_io())
        await io.finish(status)

    async def _interactive(self, stream: Stream, v2: bool, pty: bool) -> None:
        """`adb shell` with no command: sh reading lines from stdin.

        On a pty (a terminal on the host) it prompts and echoes what is typed, with CRLF line
        ends; raw (stdin piped into adb) it just runs the lines, as adbd's sh does.
        """
        io = _StreamIO(stream, v2, None)
        shell = Shell(self._runner(stream))
        prompt = f"{self.info.device}:/ $ ".encode() if pty else b""
        await io.write(ID_STDOUT, prompt)
        line = bytearray()
        closed = False
        while not closed:
            data = await stream.input.get()
            if v2:
                data, closed = _stdin_of_v2(data)
            for byte in data:
                if byte in (0x0D, 0x0A):
                    if pty:
                        await io.write(ID_STDOUT, b"\r\n")
                    text = line.decode("utf-8", "replace").strip()
                    line.clear()
                    if text:
                        await shell.run_line(text, io.shell_io(crlf=pty))
                        if shell.exited:
                            await io.finish(shell.status)
                            return
                    await io.write(ID_STDOUT, prompt)
                elif byte == 0x04 and pty and not line:  # Ctrl+D on an empty line
                    closed = True
                    break
                elif byte in (0x7F, 0x08) and pty:
                    if line:
                        line.pop()
                        await io.write(ID_STDOUT, b"\b \b")
                else:
                    line.append(byte)
                    if pty:
                        await io.write(ID_STDOUT, bytes([byte]))
        if line.strip():
            await shell.run_line(line.decode("utf-8", "replace"), io.shell_io(crlf=pty))
        await io.finish(shell.status)

    def _runner(self, stream: Stream):
        async def run(argv: list[str], command: SimpleCommand, io: ShellIO) -> int:
            return await self.run_command(argv, command, io, stream)

        return run

    async def run_command(self, argv: list[str], command: SimpleCommand, io: ShellIO, stream: Stream) -> int:
        name = argv[0]
        if self.replay is not None:
            for line in (normalise(command.text), normalise(" ".join(argv))):
                result = self.replay.answer(line)
                if result is not None:
                    return await _emit(result, io)
        if name == "screencap":
            return await self.media.screencap(argv, io, self.executor)
        if name == "screenrecord":
            return await self.media.screenrecord(argv, io, stream, self.executor)
        if name in _FILTERS and io.piped:
            return await _FILTERS[name](argv, io)
        if self.replay is None or name == "am":
            result = answer(self.state, argv, self.role, stdin=io.stdin)
            if result is not None:
                return await _emit(result, io)
        await io.err(f"{SH}: {name}: not found\n".encode("utf-8", "surrogateescape"))
        return 127


async def _emit(result, io: ShellIO) -> int:
    if result.stdout:
        await io.out(bytes(result.stdout))
    if result.stderr:
        await io.err(bytes(result.stderr))
    return int(result.exit_code)


def _banner_safe(value: object) -> str:
    # ';' and ':' would split the banner; a model name never needs them.
    return str(value).replace(";", " ").replace(":", " ").strip()


def _stdin_of_v2(data: bytes) -> tuple[bytes, bool]:
    """Unpack shell-v2 packets from the host: (stdin bytes, whether stdin is now closed)."""
    out = bytearray()
    closed = False
    i = 0
    while i + 5 <= len(data):
        kind = data[i]
        length = int.from_bytes(data[i + 1:i + 5], "little")
        payload = data[i + 5:i + 5 + length]
        i += 5 + length
        if kind == ID_STDIN:
            out += payload
        elif kind == ID_CLOSE_STDIN:
            closed = True
    return bytes(out), closed


class _StreamIO:
    """Shell output onto an adb stream: v2 frames (stdout/stderr/exit) or raw bytes, with truncation.

    A truncated answer ends the way a real device's cut answer does: the stream closes after
    the last byte that got through, without the v2 exit status (adb's own `adb shell` then
    reports 255); without v2 the `echo $?` marker a client appends is cut off with the rest.
    """

    def __init__(self, stream: Stream, v2: bool, limit: int | None):
        self.stream = stream
        self.v2 = v2
        self.remaining = limit
        self.cut = False

    async def write(self, kind: int, data: bytes) -> None:
        if self.remaining is not None:
            if len(data) > self.remaining:
                self.cut = True
            data = data[:self.remaining]
            self.remaining -= len(data)
        if not data:
            return
        if self.v2:
            await self.stream.write(bytes([kind]) + len(data).to_bytes(4, "little") + data)
        else:
            await self.stream.write(data)  # raw: stdout and stderr share the pty, as on a device

    def shell_io(self, crlf: bool = False) -> ShellIO:
        async def out(data: bytes) -> None:
            await self.write(ID_STDOUT, data.replace(b"\n", b"\r\n") if crlf else data)

        async def err(data: bytes) -> None:
            await self.write(ID_STDERR, data.replace(b"\n", b"\r\n") if crlf else data)

        return ShellIO(out, err)

    async def finish(self, status: int) -> None:
        if self.v2 and not self.cut:
            await self.stream.write(bytes([ID_EXIT]) + (1).to_bytes(4, "little") + bytes([status & 0xFF]))
        await self.stream.close()


# --- filters after `|` (grep is the scenario's own, as it also reads sysfs files) ------------
async def _head_tail(argv: list[str], io: ShellIO) -> int:
    count = 10
    for i, arg in enumerate(argv[1:], start=1):
        if arg == "-n" and i + 1 < len(argv) and argv[i + 1].isdigit():
            count = int(argv[i + 1])
        elif arg.startswith("-") and arg[1:].isdigit():
            count = int(arg[1:])
    lines = io.stdin.splitlines(keepends=True)
    await io.out(b"".join(lines[:count] if argv[0] == "head" else lines[-count:] if count else []))
    return 0


async def _wc(argv: list[str], io: ShellIO) -> int:
    lines = io.stdin.count(b"\n")
    await io.out(f"{lines}\n".encode())
    return 0


_FILTERS = {"head": _head_tail, "tail": _head_tail, "wc": _wc}
