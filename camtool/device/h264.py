"""Low-latency H.264 decoding of `screenrecord --output-format=h264` (Annex-B) with PyAV.

PyAV's own parser holds each frame back until the next one starts (one frame of
latency). camtool instead splits the byte stream into NAL units itself, groups them into
access units, and feeds each complete access unit as one `av.Packet` to a one-thread,
low-delay decoder, so a frame is decoded as soon as its last byte arrives. The end of the
last access unit is known either when the next one starts or when the stream goes idle
right after a slice (screenrecord writes one frame per write).
"""

from __future__ import annotations

from typing import NamedTuple

import av
import cv2
import numpy as np
from av.video.reformatter import VideoReformatter

from camtool.device.preview import preview_size

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
    """Bytes in, complete access units (bytes, Annex-B) out.

    With `feed_timed`, each unit also comes with the time its last byte reached the host (the
    time given with the read that brought it), for the latency `camtool bench` reports."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._arrivals: list[tuple[int, int | None]] = []   # (end offset in the buffer, time) per read
        self._unit: list[bytes] = []
        self._unit_has_slice = False
        self._unit_time: int | None = None

    def feed(self, data: bytes, idle: bool = False) -> list[bytes]:
        """Add stream bytes. `idle`: no more bytes are waiting right now (end of a write)."""
        return [unit for unit, _ in self.feed_timed(data, idle)]

    def feed_timed(self, data: bytes, idle: bool = False, received_ns: int | None = None) -> list[tuple[bytes, int | None]]:
        """`feed`, each unit with the `received_ns` of the read that brought its last byte."""
        self._buffer.extend(data)
        self._arrivals.append((len(self._buffer), received_ns))
        units: list[tuple[bytes, int | None]] = []
        for nal, arrived in self._complete_nals():
            units.extend(self._add_nal(nal, arrived))
        if idle and self._buffer.startswith(b"\x00\x00") and _nal_type(bytes(self._buffer[:6])) in _VCL:
            units.extend(self._add_nal(bytes(self._buffer), self._arrivals[-1][1]))
            self._drop(len(self._buffer))
            if self._unit_has_slice:
                units.append(self._close_unit())
        return units

    def flush(self) -> list[bytes]:
        units = []
        if self._buffer:
            units.extend(self._add_nal(bytes(self._buffer), self._arrivals[-1][1]))
            self._drop(len(self._buffer))
        if self._unit:
            units.append(self._close_unit())
        return [unit for unit, _ in units]

    def _complete_nals(self) -> list[tuple[bytes, int | None]]:
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
            nals.append((bytes(self._buffer[start:end]), self._arrived_by(end)))
            start = end
        self._drop(start)
        return nals

    def _arrived_by(self, end: int) -> int | None:
        """The time of the read that brought the byte before offset `end`."""
        return next((when for offset, when in self._arrivals if offset >= end), self._arrivals[-1][1])

    def _drop(self, count: int) -> None:
        del self._buffer[:count]
        self._arrivals = [(offset - count, when) for offset, when in self._arrivals if offset > count]

    def _add_nal(self, nal: bytes, arrived: int | None) -> list[tuple[bytes, int | None]]:
        kind = _nal_type(nal)
        done: list[tuple[bytes, int | None]] = []
        starts_new = kind in _AU_OPENERS or (kind in _VCL and _first_slice_of_picture(nal))
        if self._unit_has_slice and starts_new:
            done.append(self._close_unit())
        self._unit.append(nal)
        self._unit_time = arrived
        self._unit_has_slice = self._unit_has_slice or kind in _VCL
        return done

    def _close_unit(self) -> tuple[bytes, int | None]:
        unit = b"".join(self._unit)
        arrived = self._unit_time
        self._unit = []
        self._unit_has_slice = False
        self._unit_time = None
        return unit, arrived


class DecodedPicture(NamedTuple):
    image: np.ndarray              # BGR, full size
    received_ns: int | None        # when the last byte of its access unit reached the host
    preview: np.ndarray | None     # BGR shrunk to `preview_box` (C-contiguous, a new array), or None


class H264Decoder:
    """Access units in, BGR frames out (one thread, low delay).

    With `preview_box` set (a view's size in pixels), each picture also comes shrunk to fit it,
    scaled by swscale from the decoded YUV (about a millisecond for 1080p, without the GIL),
    so no other thread resizes the full BGR picture for the view (issue 14: OpenCV's area
    resize of every 1080p frame took 4-9 ms of CPU per frame and end)."""

    def __init__(self, max_width: int | None = None, max_height: int | None = None) -> None:
        self._codec = av.CodecContext.create("h264", "r")
        self._codec.flags = self._codec.flags | av.codec.context.Flags.low_delay
        self._codec.thread_count = 1
        self._assembler = AccessUnitAssembler()
        self._max_width = max_width
        self._max_height = max_height
        self.preview_box: tuple[int, int] | None = None
        # One swscale context each for the full picture and the preview: sharing one made it
        # set itself up again for every conversion, 4.4 ms a frame instead of 1 ms at 720p.
        self._full_scaler = VideoReformatter()
        self._preview_scaler = VideoReformatter()

    def feed(self, data: bytes, idle: bool = False) -> list[np.ndarray]:
        return [image for image, _ in self.feed_timed(data, idle)]

    def feed_timed(self, data: bytes, idle: bool = False, received_ns: int | None = None) -> list[tuple[np.ndarray, int | None]]:
        """`feed`, each frame with the time the last byte of its access unit reached the host."""
        return [(picture.image, picture.received_ns) for picture in self.feed_pictures(data, idle, received_ns)]

    def feed_pictures(self, data: bytes, idle: bool = False, received_ns: int | None = None) -> list[DecodedPicture]:
        """`feed_timed`, each frame with its preview for `preview_box` when one is asked for."""
        pictures: list[DecodedPicture] = []
        for unit, arrived in self._assembler.feed_timed(data, idle, received_ns):
            for frame in self.decode_unit(unit):
                pictures.append(DecodedPicture(self._to_bgr(frame), arrived, self._preview(frame)))
        return pictures

    def _preview(self, frame: "av.VideoFrame") -> np.ndarray | None:
        size = preview_size(frame.width, frame.height, self.preview_box)
        if size is None:
            return None
        small = self._preview_scaler.reformat(frame, width=size[0], height=size[1], format="bgr24", interpolation="AREA")
        return np.ascontiguousarray(small.to_ndarray())

    def decode_unit(self, unit: bytes) -> list["av.VideoFrame"]:
        """One access unit to decoded pictures, not yet converted (the bench times the two apart)."""
        try:
            return self._codec.decode(av.Packet(unit))
        except av.error.FFmpegError:   # InvalidDataError included: garbage from a device
            return []

    def to_bgr(self, frame: "av.VideoFrame") -> np.ndarray:
        return self._to_bgr(frame)

    def flush(self) -> list[np.ndarray]:
        frames: list[np.ndarray] = []
        for unit in self._assembler.flush():
            frames.extend(self._decode(unit))
        return frames

    def _decode(self, unit: bytes) -> list[np.ndarray]:
        # A unit that does not decode is dropped: the next keyframe recovers.
        return [self._to_bgr(frame) for frame in self.decode_unit(unit)]

    def _to_bgr(self, frame: "av.VideoFrame") -> np.ndarray:
        # swscale (in PyAV, without the GIL) converts a 1080p frame several times faster than
        # to_ndarray("yuv420p") + cv2.cvtColor, whose numpy plane copies hold the GIL that the
        # window's GUI thread waits for (issue 14). Same BT.601 matrix: pixels differ by <= 3.
        if self._max_height and frame.height > self._max_height:
            # A consumer that shows the picture smaller (a clip panel) gets it scaled in the same
            # swscale pass: cheaper than converting the full picture and resizing it after.
            width = max(2, round(frame.width * self._max_height / frame.height))
            return np.ascontiguousarray(self._full_scaler.reformat(
                frame, format="bgr24", width=width, height=self._max_height).to_ndarray())
        bgr = np.ascontiguousarray(self._full_scaler.reformat(frame, format="bgr24").to_ndarray())
        if self._max_width and bgr.shape[1] > self._max_width:
            scale = self._max_width / bgr.shape[1]
            bgr = cv2.resize(bgr, (self._max_width, max(1, round(bgr.shape[0] * scale))), interpolation=cv2.INTER_AREA)
        return bgr
