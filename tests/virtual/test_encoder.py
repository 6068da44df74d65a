"""The screenrecord stream decodes like a real one: Annex-B, keyframes, no B-frames, stops on time."""

from __future__ import annotations

import threading

import av
import cv2
import numpy as np
import pytest

from camtool.virtual.encoder import H264Encoder, png_bytes, screenrecord_stream
from camtool.device.frame_stamp import Stamp, draw_stamp, read_stamp

NAL_SPS, NAL_PPS, NAL_IDR = 7, 8, 5


def _nal_types(data: bytes) -> list[int]:
    types, i = [], data.find(b"\x00\x00\x01")
    while i >= 0:
        types.append(data[i + 3] & 0x1F)
        i = data.find(b"\x00\x00\x01", i + 3)
    return types


def _numbered(width: int, height: int):
    def render(n: int) -> np.ndarray:
        img = np.full((height, width, 3), 60, np.uint8)
        x = (n * 7) % (width - 20)
        img[height // 3:height // 3 + 20, x:x + 20] = (0, 200, 255)
        return draw_stamp(img, Stamp(n, n, 0))
    return render


def _decode(chunks) -> list[av.VideoFrame]:
    decoder = av.CodecContext.create("h264", "r")
    frames = []
    for chunk in list(chunks) + [None]:
        for packet in decoder.parse(chunk):
            frames.extend(decoder.decode(packet))
    frames.extend(decoder.decode(None))
    return frames


def test_stream_is_annex_b_with_headers_first():
    encoder = H264Encoder(320, 240, fps=30)
    first = encoder.encode(_numbered(320, 240)(0))
    assert first.startswith(b"\x00\x00\x00\x01")
    types = _nal_types(first)
    assert types.index(NAL_SPS) < types.index(NAL_PPS) < types.index(NAL_IDR)


def test_keyframe_every_two_seconds_and_no_b_frames():
    encoder = H264Encoder(320, 240, fps=10)
    render = _numbered(320, 240)
    chunks = [encoder.encode(render(n)) for n in range(45)]
    idr_frames = [n for n, chunk in enumerate(chunks) if NAL_IDR in _nal_types(chunk)]
    assert idr_frames == [0, 20, 40]
    assert all(chunks), "every frame comes out at once (zerolatency): nothing held back"
    frames = _decode(chunks)
    # No B-frames: decode order is display order, so the stamps come out 0, 1, 2, ...
    assert [read_stamp(f.to_ndarray(format="bgr24")).frame_number for f in frames] == list(range(45))


def test_encoder_scales_frames_of_another_size():
    encoder = H264Encoder(640, 360)
    data = encoder.encode(_numbered(1280, 720)(3)) + encoder.flush()
    (frame,) = _decode([data])
    assert (frame.width, frame.height) == (640, 360)
    assert read_stamp(frame.to_ndarray(format="bgr24")) == Stamp(3, 3, 0)


@pytest.mark.parametrize("size", [(641, 480), (8, 8)])
def test_odd_or_tiny_sizes_are_refused_with_a_reason(size):
    with pytest.raises(ValueError, match="must be even"):
        H264Encoder(*size)


def test_screenrecord_stops_when_asked_and_frames_are_continuous():
    stop = threading.Event()
    inner = _numbered(320, 240)
    rendered = []

    def render(n):
        rendered.append(n)
        if n == 11:
            stop.set()
        return inner(n)

    chunks = list(screenrecord_stream(render, 320, 240, fps=60, time_limit_s=None, stop=stop))
    assert rendered == list(range(12))
    frames = _decode(chunks)
    assert [read_stamp(f.to_ndarray(format="bgr24")).frame_number for f in frames] == list(range(12))
    assert (frames[0].width, frames[0].height) == (320, 240)


def test_screenrecord_ends_at_its_time_limit():
    rendered = []

    def render(n):
        rendered.append(n)
        return _numbered(160, 120)(n)

    chunks = list(screenrecord_stream(render, 160, 120, fps=30, time_limit_s=0.3))
    assert rendered and rendered == list(range(len(rendered)))
    assert len(_decode(chunks)) == len(rendered)


def test_png_bytes_round_trip():
    img = _numbered(200, 150)(9)
    data = png_bytes(img)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert np.array_equal(cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR), img)
