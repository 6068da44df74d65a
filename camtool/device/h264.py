"""Low-latency H.264 decoding of `screenrecord --output-format=h264` (Annex-B) with PyAV.

PyAV's own parser holds each frame back until the next one starts (one frame of
latency). camtool instead splits the byte stream into NAL units itself, groups them into
access units, and feeds each complete access unit as one `av.Packet` to a one-thread,
low-delay decoder, so a frame is decoded as soon as its last byte arrives. The end of the
last access unit is known either when the next one starts or when the stream goes idle
right after a slice (screenrecord writes one frame per write).
"""

from __future__ import annotations

import av
import cv2
import numpy as np

_START = b"\x00\x00\x01"
_VCL = {1, 5}                 # coded slices (non-IDR, IDR)
_AU_OPENERS = {6, 7, 8, 9}    # SEI, SPS, PPS, access unit delimiter: start a new access unit


def _header_at(nal: bytes) -> int:
    """Index of the NAL header byte, after a 4- or 3-byte start code."""
    return 4 if nal.startswith(b"\x00\x00\x00\x01") else 3


def _nal_type(nal: bytes) -> int:
    offset = _header_at(nal)
    return nal[offset] & 0x1F if len(nal) > offset else -1


def _first_slice_of_picture(nal: bytes) -> bool:
    """first_mb_in_slice == 0 is coded as the single bit '1' (ue(v)) right after the header."""
    offset = _header_at(nal)
    return len(nal) > offset + 1 and bool(nal[offset + 1] & 0x80)


class AccessUnitAssembler:
    """Bytes in, complete access units (bytes, Annex-B) out."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._unit: list[bytes] = []
        self._unit_has_slice = False

    def feed(self, data: bytes, idle: bool = False) -> list[bytes]:
        """Add stream bytes. `idle`: no more bytes are waiting right now (end of a write)."""
        self._buffer.extend(data)
        units: list[bytes] = []
        for nal in self._complete_nals():
            units.extend(self._add_nal(nal))
        if idle and self._buffer.startswith(b"\x00\x00") and _nal_type(bytes(self._buffer[:6])) in _VCL:
            units.extend(self._add_nal(bytes(self._buffer)))
            self._buffer.clear()
            if self._unit_has_slice:
                units.append(self._close_unit())
        return units

    def flush(self) -> list[bytes]:
        units = []
        if self._buffer:
            units.extend(self._add_nal(bytes(self._buffer)))
            self._buffer.clear()
        if self._unit:
            units.append(self._close_unit())
        return units

    def _complete_nals(self) -> list[bytes]:
        """NAL units followed by another start code (the last one may still be growing)."""
        nals = []
        first = self._buffer.find(_START)
        if first < 0:
            return nals
        start = first - 1 if first > 0 and self._buffer[first - 1] == 0 else first
        while True:
            nxt = self._buffer.find(_START, start + 4)
            if nxt < 0:
                break
            end = nxt - 1 if self._buffer[nxt - 1] == 0 else nxt
            nals.append(bytes(self._buffer[start:end]))
            start = end
        del self._buffer[:start]
        return nals

    def _add_nal(self, nal: bytes) -> list[bytes]:
        kind = _nal_type(nal)
        done: list[bytes] = []
        starts_new = kind in _AU_OPENERS or (kind in _VCL and _first_slice_of_picture(nal))
        if self._unit_has_slice and starts_new:
            done.append(self._close_unit())
        self._unit.append(nal)
        self._unit_has_slice = self._unit_has_slice or kind in _VCL
        return done

    def _close_unit(self) -> bytes:
        unit = b"".join(self._unit)
        self._unit = []
        self._unit_has_slice = False
        return unit


class H264Decoder:
    """Access units in, BGR frames out (one thread, low delay)."""

    def __init__(self, max_width: int | None = None) -> None:
        self._codec = av.CodecContext.create("h264", "r")
        self._codec.flags = self._codec.flags | av.codec.context.Flags.low_delay
        self._codec.thread_count = 1
        self._assembler = AccessUnitAssembler()
        self._max_width = max_width

    def feed(self, data: bytes, idle: bool = False) -> list[np.ndarray]:
        frames: list[np.ndarray] = []
        for unit in self._assembler.feed(data, idle):
            frames.extend(self._decode(unit))
        return frames

    def flush(self) -> list[np.ndarray]:
        frames: list[np.ndarray] = []
        for unit in self._assembler.flush():
            frames.extend(self._decode(unit))
        return frames

    def _decode(self, unit: bytes) -> list[np.ndarray]:
        try:
            decoded = self._codec.decode(av.Packet(unit))
        except av.error.InvalidDataError:
            return []  # garbage from a device: drop the unit, the next keyframe recovers
        except av.error.FFmpegError:
            return []
        return [self._to_bgr(frame) for frame in decoded]

    def _to_bgr(self, frame: "av.VideoFrame") -> np.ndarray:
        yuv = frame.to_ndarray(format="yuv420p")
        bgr = cv2.cvtColor(yuv, cv2.COLOR_YUV2BGR_I420)
        if self._max_width and bgr.shape[1] > self._max_width:
            scale = self._max_width / bgr.shape[1]
            bgr = cv2.resize(bgr, (self._max_width, max(1, round(bgr.shape[0] * scale))), interpolation=cv2.INTER_AREA)
        return bgr
