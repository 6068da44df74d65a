"""adb's shell protocol v2 read by camtool itself, to know whether an answer arrived whole.

A v2 shell stream is a sequence of packets (1-byte id: 1 stdout, 2 stderr, 3 exit; 4-byte
little-endian length; payload). The exit packet comes last, after all output: a stream that
ends without it was cut (adb's own `adb shell` then reports 255). adbutils' shell2() reads
the same packets but reports a missing exit status as 255, which cannot be told from a
command that exits 255, so camtool reads them here.
"""

from __future__ import annotations

from dataclasses import dataclass

import adbutils

ID_STDOUT, ID_STDERR, ID_EXIT = 1, 2, 3


@dataclass(frozen=True)
class ShellV2Answer:
    stdout: bytes
    stderr: bytes
    exit_code: int | None   # None: the stream ended before the exit status, the answer is cut


def run_shell_v2(device: adbutils.AdbDevice, line: str, timeout: float) -> ShellV2Answer:
    """Run one command line on `device`; AdbTimeout/AdbError/OSError pass through to the caller."""
    connection = device.open_transport(timeout=timeout)
    stdout, stderr = bytearray(), bytearray()
    try:
        connection.send_command(f"shell,v2:{line}")
        connection.check_okay()
        while True:
            header = _read(connection, 5)
            if len(header) < 5:
                return ShellV2Answer(bytes(stdout), bytes(stderr), None)
            kind, length = header[0], int.from_bytes(header[1:5], "little")
            payload = _read(connection, length)
            if len(payload) < length:
                return ShellV2Answer(bytes(stdout), bytes(stderr), None)
            if kind == ID_STDOUT:
                stdout += payload
            elif kind == ID_STDERR:
                stderr += payload
            elif kind == ID_EXIT and payload:
                return ShellV2Answer(bytes(stdout), bytes(stderr), payload[0])
    finally:
        connection.close()


def _read(connection: adbutils.AdbConnection, size: int) -> bytes:
    """Up to `size` bytes; fewer only when the stream has ended."""
    try:
        return connection.read_exact(size) if size else b""
    except EOFError:
        return b""
