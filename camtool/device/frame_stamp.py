"""The frame stamp (docs/frame-stamp.md): frame number, render time and config generation
in a strip of big black/white cells along the bottom edge of each end's final picture.

Layout and encoding are specified in docs/frame-stamp.md; in short: 2 rows x 72 cells over
the full width, each row starting with an 8-cell marker, 112 data bits and a CRC-16. The
strip is drawn last (after every turn and fit), so it never rotates. It is read by sampling
the middle of each cell against a threshold taken from the markers, which survives H.264 at
screenrecord's default bit rate and a uniform rescale of the frame.

It is a contract between the virtual device (which draws it) and the capture and check
(which read it), so it lives in the device layer: production code never imports the emulator.
"""

from __future__ import annotations

import binascii
import time
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np

from camtool.i18n import tr

__all__ = ["Stamp", "draw_stamp", "draw_ticker", "read_stamp", "stamp_mask", "strip_height", "stamp_area_height", "cell_size",
           "COLUMNS", "ROWS", "MARKER_ROW0", "MARKER_ROW1"]

COLUMNS = 72
ROWS = 2
MARKER_ROW0 = (1, 0, 1, 1, 0, 0, 1, 0)
MARKER_ROW1 = tuple(1 - b for b in MARKER_ROW0)  # complement: rows cannot be mistaken for each other
_MARKER_CELLS = len(MARKER_ROW0)
_MIN_CONTRAST = 64        # white marker cells must be this much brighter than black ones (0..255)
_TICKER_CELLS = 1         # a band above the strip where a block moves every frame (no data)
_MASK_MARGIN_CELLS = 0.5  # codecs smear the stamp area's edge into the picture above it


@dataclass(frozen=True)
class Stamp:
    frame_number: int          # 32 bit, wraps
    render_time_ns: int        # time.monotonic_ns() of the host when the frame was rendered, 64 bit
    config_generation: int     # 16 bit, wraps: +1 each time the virtual device applies a config

    @classmethod
    def now(cls, frame_number: int, config_generation: int) -> Stamp:
        return cls(frame_number, time.monotonic_ns(), config_generation)

    def payload(self) -> bytes:
        """The 14 data bytes, big-endian: frame number (4), render time (8), generation (2)."""
        return ((self.frame_number & 0xFFFF_FFFF).to_bytes(4, "big")
                + (self.render_time_ns & 0xFFFF_FFFF_FFFF_FFFF).to_bytes(8, "big")
                + (self.config_generation & 0xFFFF).to_bytes(2, "big"))


def _crc16(data: bytes) -> int:
    # CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF.
    return binascii.crc_hqx(data, 0xFFFF)


def _bits(value: int, width: int) -> list[int]:
    return [(value >> (width - 1 - i)) & 1 for i in range(width)]


def _from_bits(bits) -> int:
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    return value


def _encode(stamp: Stamp) -> np.ndarray:
    """The 2 x 72 cell values (1 = white) for a stamp."""
    payload = stamp.payload()
    frame, render, generation = payload[:4], payload[4:12], payload[12:]
    row0 = list(MARKER_ROW0) + _bits(int.from_bytes(render, "big"), 64)
    row1 = (list(MARKER_ROW1) + _bits(int.from_bytes(frame, "big"), 32)
            + _bits(int.from_bytes(generation, "big"), 16) + _bits(_crc16(payload), 16))
    return np.array([row0, row1], dtype=np.uint8)


def cell_size(width: int) -> int:
    """Cell height in pixels: the cell width (width / 72) rounded, so cells are square."""
    return max(1, round(width / COLUMNS))


def strip_height(width: int) -> int:
    return ROWS * cell_size(width)


@lru_cache(maxsize=16)
def _column_edges(width: int) -> np.ndarray:
    """x where cell i starts, for i = 0..72 (the strip spans the full width)."""
    return np.array([round(i * width / COLUMNS) for i in range(COLUMNS + 1)])


@lru_cache(maxsize=16)
def _cell_of_column(width: int) -> np.ndarray:
    edges = _column_edges(width)
    return np.searchsorted(edges, np.arange(width), side="right") - 1


def draw_stamp(img: np.ndarray, stamp: Stamp) -> np.ndarray:
    """Draw the stamp into the bottom rows of `img` (H x W or H x W x C, uint8), in place."""
    height, width = img.shape[:2]
    cell = cell_size(width)
    if width < COLUMNS * 2 or height < 4 * cell:
        raise ValueError(tr("The picture {width}x{height} is too small for a frame stamp (it needs at least {minimum} pixels of width).",
                            width=width, height=height, minimum=COLUMNS * 2))
    rows = _encode(stamp)[:, _cell_of_column(width)] * np.uint8(255)   # 2 x W
    for r in range(ROWS):
        top = height - (ROWS - r) * cell
        band = img[top:top + cell]
        if img.ndim == 3:
            band[:] = rows[r][None, :, None]
        else:
            band[:] = rows[r][None, :]
    return img


def draw_ticker(img: np.ndarray, frame_number: int) -> np.ndarray:
    """A block moving one cell per frame in the band just above the strip, in place.

    It carries no data; it makes consecutive frames differ (a codec then never skips one),
    and a person sees the stream is live. `stamp_mask` covers it.
    """
    height, width = img.shape[:2]
    cell = cell_size(width)
    top = height - (ROWS + _TICKER_CELLS) * cell
    if top < 0:
        return img
    band = img[top:top + _TICKER_CELLS * cell]
    band[:] = 0
    edges = _column_edges(width)
    i = frame_number % COLUMNS
    band[:, edges[i]:edges[i + 1]] = 255
    return img


def _cell_means(img: np.ndarray) -> np.ndarray | None:
    """Mean brightness of the middle of each cell, 2 x 72, or None if the picture is too small."""
    height, width = img.shape[:2]
    cell = cell_size(width)
    if width < COLUMNS * 2 or height < 4 * cell:
        return None
    edges = _column_edges(width)
    lefts, rights = edges[:-1], edges[1:]
    # Sample the middle half of each cell: edges blur in H.264 and after rescaling.
    x0 = lefts + (rights - lefts) // 4
    x1 = np.maximum(x0 + 1, rights - (rights - lefts) // 4)
    means = np.empty((ROWS, COLUMNS))
    for r in range(ROWS):
        top = height - (ROWS - r) * cell
        y0, y1 = top + cell // 4, max(top + cell // 4 + 1, top + cell - cell // 4)
        # Column sums in OpenCV, which lets the GIL go: numpy's float copy and means of the band
        # held it for a millisecond per 1080p frame, time the window's GUI thread waited (issue 14).
        band = img[y0:y1]
        if band.dtype.char == "B" and (band.ndim == 2 or band.shape[2] <= 4):
            sums = cv2.reduce(band, 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).reshape(width, -1).sum(axis=1)
        else:   # not an 8-bit picture: numpy, slower but any type
            sums = band.reshape(y1 - y0, width, -1).astype(np.float64).sum(axis=(0, 2))
        column_means = sums / ((y1 - y0) * (band.shape[2] if band.ndim == 3 else 1))
        sums = np.concatenate(([0.0], np.cumsum(column_means)))
        means[r] = (sums[x1] - sums[x0]) / (x1 - x0)
    return means


def _row_bits(means: np.ndarray, marker: tuple[int, ...]) -> np.ndarray | None:
    marker_cells = means[:_MARKER_CELLS]
    expected = np.array(marker, dtype=bool)
    white, black = marker_cells[expected], marker_cells[~expected]
    if white.min() - black.max() < _MIN_CONTRAST / 2 or white.mean() - black.mean() < _MIN_CONTRAST:
        return None
    threshold = (white.mean() + black.mean()) / 2
    return (means > threshold).astype(np.uint8)


def read_stamp(img: np.ndarray) -> Stamp | None:
    """The stamp of a frame, or None when the frame carries none (or it does not check out)."""
    if not isinstance(img, np.ndarray) or img.ndim not in (2, 3) or img.size == 0:
        return None
    means = _cell_means(img)
    if means is None:
        return None
    row0 = _row_bits(means[0], MARKER_ROW0)
    row1 = _row_bits(means[1], MARKER_ROW1)
    if row0 is None or row1 is None:
        return None
    render = _from_bits(row0[8:72])
    frame = _from_bits(row1[8:40])
    generation = _from_bits(row1[40:56])
    crc = _from_bits(row1[56:72])
    stamp = Stamp(frame, render, generation)
    if _crc16(stamp.payload()) != crc:
        return None
    return stamp


def stamp_area_height(width: int) -> int:
    """Rows at the bottom that the stamp area (strip, ticker band, margin) covers: `stamp_mask`'s rows."""
    cell = cell_size(width)
    return (ROWS + _TICKER_CELLS) * cell + int(np.ceil(cell * _MASK_MARGIN_CELLS))


def stamp_mask(shape: tuple[int, ...]) -> np.ndarray:
    """A boolean H x W mask, True over the stamp area (strip, ticker band, a small margin).

    Exclude it when comparing pixels.
    """
    height, width = shape[:2]
    covered = min(height, stamp_area_height(width))
    mask = np.zeros((height, width), dtype=bool)
    mask[height - covered:] = True
    return mask
