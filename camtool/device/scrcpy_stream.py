"""The byte stream of a scrcpy server's video socket, as scrcpy documents it for servers 2.2 and later.

On the first socket of a forward tunnel: one dummy byte, the device name in 64 bytes (NUL
padded), the codec id as a big-endian u32, then the first video size (two u32 in 2.2 to 3.x;
a 12-byte session packet in the layout documented for 4.x). Then packets, each behind a
12-byte header (`PacketHeader`). Facts only: no scrcpy code is used.
"""

from __future__ import annotations

import struct
import threading
import time
from dataclasses import dataclass

from camtool.device.errors import DeviceGone, DeviceTimeout
from camtool.i18n import N_, tr

CODEC_H264 = 0x68323634
DEVICE_NAME_BYTES = 64
STALL_TIMEOUT_S = 10.0                   # no byte for this long: the stream is lost


@dataclass(frozen=True)
class StreamHead:
    device_name: str
    codec: int
    width: int
    height: int


@dataclass(frozen=True)
class PacketHeader:
    """The 12-byte header before each packet: PTS with flags in its top bits, then the size.

    Servers 2.2 to 3.x: bit 63 = config packet, bit 62 = key frame. Version 4's documentation
    adds session packets (bit 63 set, the new video size in the next 8 bytes) and moves the
    flags down one bit; camtool reads that layout from a 4.x server too.
    """
    pts_us: int
    size: int
    config: bool
    key_frame: bool
    session: bool = False

    @classmethod
    def parse(cls, raw: bytes, layout_v4: bool) -> "PacketHeader":
        value, size = struct.unpack(">QI", raw)
        if layout_v4:
            if value >> 63:
                return cls(0, 0, False, False, session=True)
            return cls(value & ((1 << 61) - 1), size, bool(value >> 62 & 1), bool(value >> 61 & 1))
        return cls(value & ((1 << 62) - 1), size, bool(value >> 63 & 1), bool(value >> 62 & 1))


def read_exactly(stream, n: int, stop: threading.Event | None = None, stall_s: float = STALL_TIMEOUT_S,
                 serial: str = "?") -> bytes:
    """n bytes from a stream read with short timeouts; ends early (DeviceGone) at EOF or `stop`."""
    data = bytearray()
    idle_since = time.monotonic()
    while len(data) < n:
        if stop is not None and stop.is_set():
            raise Stopped()
        try:
            chunk = stream.read(n - len(data))
        except DeviceTimeout:
            if time.monotonic() - idle_since > stall_s:
                raise
            continue
        if not chunk:
            raise DeviceGone(serial, tr(N_("the scrcpy server closed its stream")))
        data += chunk
        idle_since = time.monotonic()
    return bytes(data)


class Stopped(Exception):
    """The source was stopped while waiting for bytes."""


def read_stream_head(stream, layout_v4: bool, serial: str = "?", stop: threading.Event | None = None) -> StreamHead:
    """Dummy byte, device name (64 bytes), codec id and the first video size."""
    if read_exactly(stream, 1, stop, serial=serial) != b"\0":
        raise DeviceGone(serial, tr(N_("the scrcpy server's stream does not start as documented")))
    name = read_exactly(stream, DEVICE_NAME_BYTES, stop, serial=serial).split(b"\0", 1)[0].decode("utf-8", "replace")
    codec = struct.unpack(">I", read_exactly(stream, 4, stop, serial=serial))[0]
    first = read_exactly(stream, 4, stop, serial=serial)
    if layout_v4 and first[0] & 0x80:
        width, height = struct.unpack(">II", read_exactly(stream, 8, stop, serial=serial))
    else:
        width = struct.unpack(">I", first)[0]
        height = struct.unpack(">I", read_exactly(stream, 4, stop, serial=serial))[0]
    return StreamHead(name, codec, width, height)
