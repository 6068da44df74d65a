"""The virtual device's `sync:` service (what `adb push` speaks) and the files pushed to it.

Sync protocol v1, as adbd serves it: requests are a 4-byte id, a little-endian u32 length and
that many bytes. STAT answers mode/size/mtime (zeros when the path does not exist); SEND
"path,mode" is followed by DATA chunks (at most 64 KiB each) and DONE with the mtime, and is
answered OKAY or FAIL with a message; LIST answers DENT entries and DONE; RECV answers DATA
chunks and DONE; QUIT ends the stream. Only /data/local/tmp is writable for the shell user,
as on a real device; everything else answers FAIL with the reason adbd gives.
"""

from __future__ import annotations

import stat
import struct
import threading
import time
from dataclasses import dataclass

from camtool.virtual.adbd import Stream

WRITABLE_DIR = "/data/local/tmp"
MAX_DATA = 64 * 1024
#: A pushed file larger than this is refused (the virtual device keeps files in memory).
MAX_FILE = 64 * 1024 * 1024
_REQUEST = struct.Struct("<4sI")


@dataclass(frozen=True)
class PushedFile:
    data: bytes
    mode: int
    mtime: int


class DeviceFiles:
    """Files pushed to one end of the virtual device, by absolute path (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, PushedFile] = {}

    def get(self, path: str) -> PushedFile | None:
        with self._lock:
            return self._files.get(path)

    def put(self, path: str, data: bytes, mode: int, mtime: int) -> None:
        with self._lock:
            self._files[path] = PushedFile(bytes(data), mode, mtime)

    def remove(self, path: str) -> bool:
        with self._lock:
            return self._files.pop(path, None) is not None

    def in_dir(self, directory: str) -> dict[str, PushedFile]:
        prefix = directory.rstrip("/") + "/"
        with self._lock:
            return {p[len(prefix):]: f for p, f in self._files.items()
                    if p.startswith(prefix) and "/" not in p[len(prefix):]}


def writable(path: str) -> bool:
    parts = path.split("/")
    return path.startswith(WRITABLE_DIR + "/") and ".." not in parts and len(path) > len(WRITABLE_DIR) + 1


class _Reader:
    """Exact-length reads from a stream's input queue (WRTE payloads arrive in any sizes)."""

    def __init__(self, stream: Stream) -> None:
        self._stream = stream
        self._buffer = bytearray()

    async def exactly(self, n: int) -> bytes:
        while len(self._buffer) < n:
            self._buffer += await self._stream.input.get()
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data


def _dir_mode() -> int:
    return stat.S_IFDIR | 0o771


async def serve_sync(stream: Stream, files: DeviceFiles) -> None:
    reader = _Reader(stream)
    while True:
        ident, length = _REQUEST.unpack(await reader.exactly(8))
        if ident == b"QUIT":
            return
        if length > 1024:
            await _fail(stream, "path too long")
            return
        path = (await reader.exactly(length)).decode("utf-8", "replace")
        if ident in (b"STAT", b"LSTA"):
            await stream.write(b"STAT" + struct.pack("<III", *_stat(files, path)))
        elif ident == b"LIST":
            for name, f in files.in_dir(path).items():
                raw = name.encode("utf-8")
                await stream.write(b"DENT" + struct.pack("<IIII", f.mode, len(f.data), f.mtime, len(raw)) + raw)
            await stream.write(b"DONE" + bytes(16))
        elif ident == b"RECV":
            f = files.get(path)
            if f is None:
                await _fail(stream, "No such file or directory")
                continue
            for i in range(0, len(f.data), MAX_DATA):
                chunk = f.data[i:i + MAX_DATA]
                await stream.write(b"DATA" + struct.pack("<I", len(chunk)) + chunk)
            await stream.write(b"DONE" + bytes(4))
        elif ident == b"SEND":
            if not await _receive(stream, reader, files, path):
                return
        else:
            await _fail(stream, f"unknown sync command {ident!r}")
            return


async def _receive(stream: Stream, reader: _Reader, files: DeviceFiles, spec: str) -> bool:
    """One SEND: read DATA chunks up to DONE; False when the stream must end (a protocol error)."""
    path, _, mode_text = spec.rpartition(",")
    if not path:
        path, mode_text = spec, "33188"
    data = bytearray()
    too_big = False
    while True:
        ident, length = _REQUEST.unpack(await reader.exactly(8))
        if ident == b"DATA":
            if length > MAX_DATA:
                await _fail(stream, "data chunk larger than 64 KiB")
                return False
            chunk = await reader.exactly(length)
            if len(data) + len(chunk) > MAX_FILE:
                too_big = True
            elif not too_big:
                data += chunk
        elif ident == b"DONE":
            break
        else:
            await _fail(stream, f"expected DATA or DONE, got {ident!r}")
            return False
    if not writable(path):
        await _fail(stream, f"couldn't create file: Read-only file system: {path}")
    elif too_big:
        await _fail(stream, "No space left on device")
    else:
        mode = int(mode_text) if mode_text.isdigit() else 0o100644
        files.put(path, bytes(data), mode, length or int(time.time()))
        await stream.write(b"OKAY" + bytes(4))
    return True


def _stat(files: DeviceFiles, path: str) -> tuple[int, int, int]:
    f = files.get(path)
    if f is not None:
        return f.mode, len(f.data), f.mtime
    if path.rstrip("/") in ("/data/local/tmp", "/data/local", "/data", "", "/sdcard"):
        return _dir_mode(), 4096, 0
    return 0, 0, 0


async def _fail(stream: Stream, message: str) -> None:
    raw = message.encode("utf-8")
    await stream.write(b"FAIL" + struct.pack("<I", len(raw)) + raw)
