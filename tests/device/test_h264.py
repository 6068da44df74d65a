"""The low-latency H.264 path: every frame decoded, at once when the stream goes idle, whatever the chunking."""

from __future__ import annotations

import fractions

import av
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from camtool.device.h264 import H264Decoder


def _encode(count: int, width: int = 160, height: int = 120) -> list[bytes]:
    enc = av.CodecContext.create("libx264", "w")
    enc.width, enc.height, enc.pix_fmt = width, height, "yuv420p"
    enc.framerate = 30
    enc.time_base = fractions.Fraction(1, 30)
    enc.options = {"preset": "ultrafast", "tune": "zerolatency", "bframes": "0"}
    units = []
    for i in range(count):
        frame = av.VideoFrame.from_ndarray(np.full((height, width, 3), i * 10 % 250, np.uint8), format="bgr24")
        frame = frame.reformat(format="yuv420p")
        frame.pts = i
        units.extend(bytes(p) for p in enc.encode(frame))
    units.extend(bytes(p) for p in enc.encode(None))
    return units


UNITS = _encode(12)


def test_each_frame_comes_out_as_soon_as_its_write_ends():
    decoder = H264Decoder()
    for i, unit in enumerate(UNITS):
        frames = decoder.feed(unit, idle=True)
        assert len(frames) == 1, f"frame {i} held back"
        assert frames[0].shape == (120, 160, 3)
        assert abs(float(frames[0].mean()) - i * 10 % 250) < 6


@settings(max_examples=30, deadline=None)
@given(cuts=st.lists(st.integers(min_value=1, max_value=700), min_size=1, max_size=40))
def test_any_chunking_decodes_every_frame_in_order(cuts):
    stream = b"".join(UNITS)
    decoder, frames, pos, i = H264Decoder(), [], 0, 0
    while pos < len(stream):
        size = cuts[i % len(cuts)]
        frames += decoder.feed(stream[pos:pos + size])
        pos += size
        i += 1
    frames += decoder.flush()
    assert len(frames) == len(UNITS)
    means = [float(f.mean()) for f in frames]
    assert means == sorted(means)


@pytest.mark.parametrize("garbage", [b"", b"\x00" * 100, bytes(range(256)) * 20, b"\x00\x00\x01\x65" + b"\xff" * 500])
def test_garbage_from_a_device_gives_no_frames_and_no_exception(garbage):
    decoder = H264Decoder()
    decoder.feed(garbage, idle=True)
    decoder.flush()
    # and a real stream after the garbage still decodes once a keyframe arrives
    frames = []
    for unit in UNITS:
        frames += decoder.feed(unit, idle=True)
    assert len(frames) >= len(UNITS) - 1


def test_frames_are_downscaled_to_the_asked_width():
    decoder = H264Decoder(max_width=80)
    assert decoder.feed(UNITS[0], idle=True)[0].shape == (60, 80, 3)


def test_a_clip_gets_frames_decoded_at_its_panel_height_in_their_own_shape():
    decoder = H264Decoder(max_height=48)
    frames = [decoder.feed(unit, idle=True)[0] for unit in UNITS[:3]]
    assert [f.shape for f in frames] == [(48, 64, 3)] * 3
    assert abs(float(frames[2].mean()) - 20) < 6          # the picture, only smaller
    assert H264Decoder(max_height=480).feed(UNITS[0], idle=True)[0].shape == (120, 160, 3)   # never enlarged


@settings(max_examples=30, deadline=None)
@given(cuts=st.lists(st.integers(min_value=1, max_value=700), min_size=1, max_size=40))
def test_each_frame_carries_the_time_of_the_read_that_brought_its_last_byte(cuts):
    """`camtool bench` measures last byte arrived -> frame ready from these times (issue 14)."""
    stream = b"".join(UNITS)
    ends, total = [], 0
    for unit in UNITS:
        total += len(unit)
        ends.append(total)          # offset just past each frame's last byte
    decoder, timed, pos, read = H264Decoder(), [], 0, 0
    read_at: list[tuple[int, int]] = []   # (end offset of the read, its time)
    while pos < len(stream):
        size = cuts[read % len(cuts)]
        chunk = stream[pos:pos + size]
        pos += len(chunk)
        read += 1
        read_at.append((pos, read * 1000))
        timed += decoder.feed_timed(chunk, False, read * 1000)
    for frame_index, (_, received) in enumerate(timed):
        last_byte = ends[frame_index] - 1
        expected = next(when for end, when in read_at if end > last_byte)
        assert received == expected
    assert len(timed) >= len(UNITS) - 1   # the last one waits for the next start code or the flush


def test_a_preview_for_a_small_view_comes_with_each_frame_and_none_for_a_big_view():
    """Issue 14: the window's view-sized picture is made from the decoded YUV by the decoder,
    so nobody shrinks the full BGR frame again; it keeps the aspect ratio and its colour."""
    decoder = H264Decoder()
    decoder.preview_box = (80, 80)                # 160 x 120 into 80 x 80: half size
    pictures = decoder.feed_pictures(UNITS[0], idle=True, received_ns=123)
    assert len(pictures) == 1
    full, received, preview = pictures[0]
    assert full.shape == (120, 160, 3) and received == 123
    assert preview.shape == (60, 80, 3) and preview.flags.c_contiguous
    assert abs(float(preview.mean()) - float(full.mean())) < 3
    decoder.preview_box = (150, 110)              # hardly smaller: the frame is shown as it is
    assert decoder.feed_pictures(UNITS[1], idle=True)[0].preview is None
