"""The printable orientation chart: six ArUco markers, a big "TOP" and an arrow, a caption.

The chart is what QA holds up in front of the camera. Each ArUco marker is chiral and has its
own up, so any two decoded markers give the chart's turn; a mirrored marker does not decode
at all, which is how a mirrored end is told apart (detect.py decodes the flipped frame then).
The six ids were chosen so that the mirror image of any of them is at least 6 bits away from
every one of them in every turn, and any two of them (or one and its own turns) at least 5
bits apart (tests/vision/test_chart.py checks both): a mirrored chart can never pass for an
upright one, and correcting 2 wrong bits can never turn one marker or turn into another.

The layout is one fixed grid (2 rows x 3 columns, ids in reading order) for every size and
aspect, so detect.py can check that the markers it sees sit where they belong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from camtool.i18n import N_, join_list, tr

#: One fixed dictionary: 4x4 cells decode from the fewest pixels (small or blurred frames).
ARUCO_DICTIONARY = cv2.aruco.DICT_4X4_50
#: Marker ids in reading order (row 0 left to right, then row 1). See the module doc for why these.
MARKER_IDS: tuple[int, ...] = (0, 11, 19, 27, 30, 36)
GRID_COLUMNS = 3
GRID_ROWS = 2
#: Where each id sits on the chart: id -> (column, row), row 0 at the top.
MARKER_GRID: dict[int, tuple[int, int]] = {
    marker_id: (i % GRID_COLUMNS, i // GRID_COLUMNS) for i, marker_id in enumerate(MARKER_IDS)
}

#: Printable pages: name -> (width mm, height mm), portrait.
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
DEFAULT_DPI = 200

TOP_LABEL = N_("TOP")
CAPTION_LINES = (
    N_("Hold this chart upright in front of the camera, TOP at the top."),
    N_("camtool reads the markers and tells the turn and mirroring of each end."),
)

_BLACK = (0, 0, 0)


def aruco_dictionary() -> cv2.aruco.Dictionary:
    return cv2.aruco.getPredefinedDictionary(ARUCO_DICTIONARY)


@dataclass(frozen=True)
class MarkerPlacement:
    marker_id: int
    x: int  # top-left corner, pixels
    y: int
    side: int


@dataclass(frozen=True)
class ChartLayout:
    width: int
    height: int
    markers: tuple[MarkerPlacement, ...]
    title_box: tuple[int, int, int, int]  # x, y, w, h of the arrow + TOP band
    caption_box: tuple[int, int, int, int]


#: The smallest chart drawn, in pixels per side: below it the cells cannot be told apart.
MIN_CHART_SIDE = 60


def chart_layout(width_px: int, height_px: int) -> ChartLayout:
    """Where everything goes on a width x height chart (any aspect, portrait or landscape)."""
    if width_px < MIN_CHART_SIDE or height_px < MIN_CHART_SIDE:
        raise ValueError(tr(N_("A chart of {width}x{height} pixels is too small; it needs at least 60x60."),
                            width=width_px, height=height_px))
    margin = max(2, round(0.04 * min(width_px, height_px)))
    # Bands follow the height, but never more than a landscape page's worth: on a tall
    # portrait page the markers get the room (bigger markers read from further away).
    band_base = min(height_px, 0.8 * width_px)
    title_h = round(0.17 * band_base)
    caption_h = round(0.09 * band_base)
    grid_w = width_px - 2 * margin
    grid_h = height_px - 2 * margin - title_h - caption_h
    pitch = min(grid_w / GRID_COLUMNS, grid_h / GRID_ROWS)
    # 0.74 of the pitch leaves a white quiet zone wider than one marker cell on every side.
    side = int(pitch * 0.74)
    # Title, grid and caption as one block, centred, so the chart looks balanced at any aspect.
    top = margin + (grid_h - pitch * GRID_ROWS) / 2
    x_start = margin + (grid_w - pitch * GRID_COLUMNS) / 2
    y_start = top + title_h
    markers = []
    for marker_id, (col, row) in MARKER_GRID.items():
        cx = x_start + pitch * (col + 0.5)
        cy = y_start + pitch * (row + 0.5)
        markers.append(MarkerPlacement(marker_id, round(cx - side / 2), round(cy - side / 2), side))
    title_box = (margin, round(top), width_px - 2 * margin, title_h)
    caption_box = (margin, round(y_start + pitch * GRID_ROWS), width_px - 2 * margin, caption_h)
    return ChartLayout(width_px, height_px, tuple(markers), title_box, caption_box)


def render_chart_image(width_px: int, height_px: int) -> np.ndarray:
    """The chart filling a width x height BGR image, upright, text in the current language."""
    width_px, height_px = int(width_px), int(height_px)
    layout = chart_layout(width_px, height_px)
    image = np.full((height_px, width_px, 3), 255, np.uint8)
    dictionary = aruco_dictionary()
    for placement in layout.markers:
        marker = cv2.aruco.generateImageMarker(dictionary, placement.marker_id, placement.side)
        y, x, s = placement.y, placement.x, placement.side
        image[y:y + s, x:x + s] = marker[:, :, None]
    _draw_title(image, layout.title_box)
    _draw_caption(image, layout.caption_box)
    return image


def _draw_title(image: np.ndarray, box: tuple[int, int, int, int]) -> None:
    """An up arrow, then "TOP", centred in the band: readable from across a room."""
    x, y, w, h = box
    arrow_w = max(3, round(h * 0.55))
    gap = max(2, round(h * 0.2))
    text_box_w = max(1, w - arrow_w - gap)
    text = _text_ink(TOP_LABEL, text_box_w, round(h * 0.8), bold=True)
    total_w = arrow_w + gap + text.shape[1]
    left = x + max(0, (w - total_w) // 2)
    _draw_up_arrow(image, left, y + round(h * 0.05), arrow_w, round(h * 0.9))
    ty = y + (h - text.shape[0]) // 2
    _paste_ink(image, text, left + arrow_w + gap, ty)


def _draw_up_arrow(image: np.ndarray, x: int, y: int, w: int, h: int) -> None:
    head_h = round(h * 0.45)
    shaft_w = max(1, round(w * 0.36))
    cx = x + w / 2
    points = np.array([
        (cx, y), (x + w, y + head_h), (cx + shaft_w / 2, y + head_h), (cx + shaft_w / 2, y + h),
        (cx - shaft_w / 2, y + h), (cx - shaft_w / 2, y + head_h), (x, y + head_h),
    ], np.float64)
    cv2.fillPoly(image, [np.round(points).astype(np.int32)], _BLACK, lineType=cv2.LINE_AA)


def _draw_caption(image: np.ndarray, box: tuple[int, int, int, int]) -> None:
    x, y, w, h = box
    line_h = h // len(CAPTION_LINES)
    for i, line in enumerate(CAPTION_LINES):
        ink = _text_ink(line, w, max(1, round(line_h * 0.7)), bold=False)
        ty = y + i * line_h + (line_h - ink.shape[0]) // 2
        _paste_ink(image, ink, x + (w - ink.shape[1]) // 2, ty)


def _text_ink(source: str, max_w: int, max_h: int, *, bold: bool) -> np.ndarray:
    """Ink coverage (0..255) of `source` in the current language, as large as fits max_w x max_h.

    English goes through OpenCV's Hershey font (always there, same pixels on every machine).
    Other scripts need a system font with those glyphs, drawn by Pillow when it is installed
    (adbutils brings it); without either the chart falls back to the English text rather than
    printing boxes, because a chart with English words still works.
    """
    return text_ink(tr(source), max_w, max_h, bold=bold, fallback=source)


def text_ink(text: str, max_w: int, max_h: int, *, bold: bool = False, fallback: str | None = None) -> np.ndarray:
    """Ink coverage (0..255) of already translated `text`, as large as fits max_w x max_h.

    Non-ASCII text needs a system font (see _text_ink); without one, `fallback` (or the
    text with its non-ASCII characters as "?") is drawn instead of boxes.
    """
    if not text.isascii():
        ink = _system_font_ink(text, max_w, max_h)
        if ink is not None:
            return ink
        text = fallback if fallback is not None else text.encode("ascii", "replace").decode("ascii")
    return _hershey_ink(text, max_w, max_h, bold=bold)


def _hershey_ink(text: str, max_w: int, max_h: int, *, bold: bool) -> np.ndarray:
    font = cv2.FONT_HERSHEY_DUPLEX if bold else cv2.FONT_HERSHEY_SIMPLEX
    (tw, th), base = cv2.getTextSize(text, font, 1.0, 1)
    scale = max(0.05, min(max_w / max(tw, 1), max_h / max(th + base, 1)))
    thickness = max(1, round(scale * (2.6 if bold else 1.3)))
    (tw, th), base = cv2.getTextSize(text, font, scale, thickness)
    pad = thickness
    canvas = np.zeros((th + base + 2 * pad, tw + 2 * pad), np.uint8)
    cv2.putText(canvas, text, (pad, pad + th), font, scale, 255, thickness, cv2.LINE_AA)
    return _crop_ink(canvas, max_w, max_h)


#: Fonts with Simplified Chinese glyphs, by platform; the first one that exists is used.
_CJK_FONT_CANDIDATES = (
    "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simhei.ttf", "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


def cjk_font_path() -> Path | None:
    """The first installed font that can draw Chinese, or None."""
    for candidate in _CJK_FONT_CANDIDATES:
        path = Path(candidate)
        if path.is_file():
            return path
    return None


def _system_font_ink(text: str, max_w: int, max_h: int) -> np.ndarray | None:
    font_path = cjk_font_path()
    if font_path is None:
        return None
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:
        return None
    try:
        size = max(4, max_h)
        font = ImageFont.truetype(str(font_path), size)
        left, top, right, bottom = font.getbbox(text)
        if right - left > max_w:  # shrink to fit the width, once: glyph widths scale linearly
            size = max(4, int(size * max_w / (right - left)))
            font = ImageFont.truetype(str(font_path), size)
            left, top, right, bottom = font.getbbox(text)
        canvas = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
        ImageDraw.Draw(canvas).text((-left, -top), text, fill=255, font=font)
    except (OSError, ValueError):
        return None
    return _crop_ink(np.asarray(canvas, np.uint8), max_w, max_h)


def _crop_ink(canvas: np.ndarray, max_w: int, max_h: int) -> np.ndarray:
    rows = np.flatnonzero(canvas.max(axis=1))
    cols = np.flatnonzero(canvas.max(axis=0))
    if rows.size == 0:
        return np.zeros((1, 1), np.uint8)
    ink = canvas[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    if ink.shape[0] > max_h or ink.shape[1] > max_w:
        factor = min(max_h / ink.shape[0], max_w / ink.shape[1])
        size = (max(1, int(ink.shape[1] * factor)), max(1, int(ink.shape[0] * factor)))
        ink = cv2.resize(ink, size, interpolation=cv2.INTER_AREA)
    return ink


def _paste_ink(image: np.ndarray, ink: np.ndarray, x: int, y: int) -> None:
    """Darken `image` by the ink coverage at (x, y), clipped to the image."""
    h = min(ink.shape[0], image.shape[0] - y)
    w = min(ink.shape[1], image.shape[1] - x)
    if h <= 0 or w <= 0 or x < 0 or y < 0:
        return
    region = image[y:y + h, x:x + w].astype(np.uint16)
    keep = (255 - ink[:h, :w]).astype(np.uint16)[:, :, None]
    image[y:y + h, x:x + w] = (region * keep // 255).astype(np.uint8)


def page_pixels(size: str = "a4", dpi: int = DEFAULT_DPI) -> tuple[int, int]:
    """Pixel size of a printable page at `dpi`."""
    if size not in PAGE_SIZES_MM:
        raise ValueError(tr(N_("Unknown paper size {size}; use one of: {sizes}."), size=size,
                            sizes=join_list(PAGE_SIZES_MM)))
    width_mm, height_mm = PAGE_SIZES_MM[size]
    return round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi)


def render_chart_page(size: str = "a4", dpi: int = DEFAULT_DPI) -> np.ndarray:
    """A whole printable page (portrait) with the chart inside a 10 mm printer-safe margin."""
    if not 50 <= int(dpi) <= 600:
        raise ValueError(tr(N_("A resolution of {dpi} dpi is out of range; use 50 to 600."), dpi=dpi))
    page_w, page_h = page_pixels(size, dpi)
    margin = round(10 / 25.4 * dpi)
    page = np.full((page_h, page_w, 3), 255, np.uint8)
    page[margin:page_h - margin, margin:page_w - margin] = render_chart_image(page_w - 2 * margin, page_h - 2 * margin)
    return page
