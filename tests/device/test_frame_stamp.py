"""The frame stamp reads back what was drawn: raw, rescaled, and through H.264 + PyAV."""

from __future__ import annotations

import av
import cv2
import numpy as np
import pytest

from camtool.virtual.encoder import DEFAULT_BIT_RATE, H264Encoder
from camtool.device.frame_stamp import (
    COLUMNS, Stamp, cell_size, draw_stamp, read_stamp, stamp_mask, strip_height,
)


def _busy_picture(width: int, height: int, seed: int = 0) -> np.ndarray:
    """Noise with bright and dark blobs right down to the bottom edge: the hard case for a strip."""
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, (max(2, height // 8), max(2, width // 8), 3), dtype=np.uint8)
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_NEAREST)


def _decode_all(data: bytes) -> list[np.ndarray]:
    decoder = av.CodecContext.create("h264", "r")
    frames = []
    for packet in decoder.parse(data) + decoder.parse(None):
        frames.extend(f.to_ndarray(format="bgr24") for f in decoder.decode(packet))
    frames.extend(f.to_ndarray(format="bgr24") for f in decoder.decode(None))
    return frames


EDGE_STAMPS = [
    Stamp(0, 0, 0),
    Stamp(0xFFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF),
    Stamp(123456, 98_765_432_101_234, 42),
    Stamp(0x5555_5555, 0xAAAA_AAAA_AAAA_AAAA, 0x5A5A),
]


@pytest.mark.parametrize("stamp", EDGE_STAMPS, ids=str)
@pytest.mark.parametrize("size", [(1280, 720), (720, 1280), (480, 270), (1920, 1080)])
def test_round_trip_on_pixels(stamp, size):
    img = _busy_picture(*size)
    draw_stamp(img, stamp)
    assert read_stamp(img) == stamp


def test_round_trip_on_grayscale():
    img = np.full((270, 480), 128, np.uint8)
    draw_stamp(img, Stamp(5, 6, 7))
    assert read_stamp(img) == Stamp(5, 6, 7)


def test_values_wrap_to_their_field_width():
    img = _busy_picture(640, 360)
    draw_stamp(img, Stamp(2**32 + 3, 2**64 + 5, 2**16 + 1))
    assert read_stamp(img) == Stamp(3, 5, 1)


def test_cells_are_at_least_eight_pixels_at_720p():
    assert cell_size(1280) >= 8 and cell_size(720) >= 8
    img = np.zeros((720, 1280, 3), np.uint8)
    draw_stamp(img, Stamp(1, 2, 3))
    changed_rows = np.where(img.any(axis=(1, 2)))[0]
    assert changed_rows.min() == 720 - strip_height(1280)   # only the bottom strip is touched


@pytest.mark.parametrize("picture", [
    np.zeros((720, 1280, 3), np.uint8),
    np.full((720, 1280, 3), 255, np.uint8),
    _busy_picture(1280, 720, seed=3),
    np.zeros((10, 10, 3), np.uint8),
], ids=["black", "white", "noise", "tiny"])
def test_unstamped_frames_read_as_none(picture):
    assert read_stamp(picture) is None


def test_a_damaged_bit_fails_the_checksum():
    img = _busy_picture(1280, 720)
    draw_stamp(img, Stamp(77, 88, 99))
    cell = cell_size(1280)
    x = round(20.5 * 1280 / COLUMNS)     # a data cell of the lower row (frame number)
    y = 720 - cell // 2
    img[y - cell // 2:y + cell // 2, x - 3:x + 3] = 255 - img[y, x]
    assert read_stamp(img) is None


@pytest.mark.parametrize("scale", [0.5, 0.75, 1.5])
def test_survives_a_uniform_rescale(scale):
    img = _busy_picture(1280, 720)
    draw_stamp(img, Stamp(31, 41, 59))
    scaled = cv2.resize(img, (round(1280 * scale), round(720 * scale)), interpolation=cv2.INTER_AREA)
    assert read_stamp(scaled) == Stamp(31, 41, 59)


def test_mask_covers_the_strip_and_nothing_high_above_it():
    shape = (720, 1280, 3)
    mask = stamp_mask(shape)
    img = np.zeros(shape, np.uint8)
    draw_stamp(img, Stamp(0xFFFF_FFFF, 2**64 - 1, 0xFFFF))
    assert not img[~mask].any()                            # every stamped pixel is under the mask
    assert mask.sum() < 0.1 * 720 * 1280


def test_too_small_picture_is_refused_clearly():
    with pytest.raises(ValueError, match="too small"):
        draw_stamp(np.zeros((20, 100, 3), np.uint8), Stamp(1, 1, 1))


@pytest.mark.parametrize("size, bit_rate", [
    ((1280, 720), DEFAULT_BIT_RATE),
    ((1280, 720), 2_000_000),
    ((480, 270), DEFAULT_BIT_RATE),
    ((480, 270), 1_000_000),
    ((720, 1280), 4_000_000),
])
def test_round_trip_through_h264(size, bit_rate):
    width, height = size
    encoder = H264Encoder(width, height, fps=30, bit_rate=bit_rate)
    sent = [Stamp(n, 1_000_000_000 * n + 12345, n // 7) for n in range(20)]
    data = b""
    for n, stamp in enumerate(sent):
        # A picture that changes every frame, so the encoder has real work and no static skips.
        img = _busy_picture(width, height, seed=n % 4)
        data += encoder.encode(draw_stamp(img, stamp))
    data += encoder.flush()
    frames = _decode_all(data)
    assert [f.shape[:2] for f in frames] == [(height, width)] * len(sent)
    assert [read_stamp(f) for f in frames] == sent
