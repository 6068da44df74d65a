"""The orientation chart: chiral markers a mirror cannot fake, a layout that fits any frame, the
shipped files, the PDF writer, and the chart text in the current language."""

from __future__ import annotations

import re
import zlib

import cv2
import numpy as np
import pytest

from camtool import i18n
from camtool.resources import resource
from camtool.vision import chart
from camtool.vision.chart import (MARKER_GRID, MARKER_IDS, chart_layout, page_pixels, render_chart_image,
                                  render_chart_page)
from camtool.vision.detect import detect_orientation
from camtool.vision.pdf import POINTS_PER_MM, image_page_pdf


def _marker_bits(marker_id: int) -> np.ndarray:
    image = cv2.aruco.generateImageMarker(chart.aruco_dictionary(), marker_id, 6)
    return image[1:5, 1:5] > 127


def _distance_over_turns(a: np.ndarray, b: np.ndarray) -> int:
    return min(int((a != np.rot90(b, k)).sum()) for k in range(4))


def test_a_mirrored_marker_is_never_mistaken_for_a_chart_marker():
    # Detection corrects up to 2 wrong bits, so a mirror image must be at least 5 bits away
    # from every chart marker in every turn; the chosen ids keep 6.
    for a in MARKER_IDS:
        mirrored = np.fliplr(_marker_bits(a))
        for b in MARKER_IDS:
            assert _distance_over_turns(mirrored, _marker_bits(b)) >= 6, (a, b)


def test_chart_markers_are_far_apart_from_each_other_and_from_their_own_turns():
    # 2 corrected bits must never turn one marker into another, nor into itself turned.
    for a in MARKER_IDS:
        bits = _marker_bits(a)
        assert min(int((bits != np.rot90(bits, k)).sum()) for k in (1, 2, 3)) >= 5, a
        for b in MARKER_IDS:
            if a != b:
                assert _distance_over_turns(bits, _marker_bits(b)) >= 5, (a, b)


@pytest.mark.parametrize("size", [(1280, 720), (720, 1280), (640, 480), (320, 180), (1654, 2339), (200, 200)])
def test_chart_fills_any_frame_and_reads_upright_with_all_markers(size):
    width, height = size
    image = render_chart_image(width, height)
    assert image.shape == (height, width, 3) and image.dtype == np.uint8
    result = detect_orientation(image)
    assert result.detected and result.rotation == 0 and not result.mirrored
    assert result.markers == len(MARKER_IDS)
    assert abs(result.residual_deg) < 1.0


def test_markers_sit_in_the_grid_inside_the_image_with_a_quiet_zone():
    layout = chart_layout(900, 500)
    by_id = {m.marker_id: m for m in layout.markers}
    for marker_id, (col, row) in MARKER_GRID.items():
        m = by_id[marker_id]
        assert 0 <= m.x and m.x + m.side <= 900 and 0 <= m.y and m.y + m.side <= 500
        for other_id, (ocol, orow) in MARKER_GRID.items():
            if ocol == col + 1 and orow == row:
                # At least one marker cell (side / 6) of white between neighbours.
                assert by_id[other_id].x - (m.x + m.side) >= m.side / 6
            if orow == row + 1 and ocol == col:
                assert by_id[other_id].y - (m.y + m.side) >= m.side / 6
    title_bottom = layout.title_box[1] + layout.title_box[3]
    assert all(m.y >= title_bottom for m in layout.markers), "TOP and its arrow sit above the markers"


def test_too_small_a_chart_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="too small"):
        render_chart_image(40, 300)


@pytest.mark.parametrize("size, expected", [("a4", (1654, 2339)), ("letter", (1700, 2200))])
def test_printable_pages_have_the_paper_size_at_200_dpi(size, expected):
    assert page_pixels(size, 200) == expected
    page = render_chart_page(size, dpi=100)
    assert page.shape[:2] == page_pixels(size, 100)[::-1]
    assert detect_orientation(page).markers == len(MARKER_IDS)


def test_unknown_paper_size_is_refused():
    with pytest.raises(ValueError, match="a4, letter"):
        render_chart_page("a3")


def test_chart_text_follows_the_language_or_falls_back_to_english_without_a_chinese_font(monkeypatch):
    english = render_chart_image(640, 480)
    i18n.set_language("zh")
    monkeypatch.setattr(chart, "cjk_font_path", lambda: None)
    assert np.array_equal(render_chart_image(640, 480), english), "no Chinese font: English text, not boxes"
    monkeypatch.undo()
    if chart.cjk_font_path() is not None:
        chinese = render_chart_image(640, 480)
        assert not np.array_equal(chinese, english)
        assert detect_orientation(chinese).markers == len(MARKER_IDS)


def test_shipped_chart_png_is_the_current_english_a4_chart():
    shipped = cv2.imread(str(resource("chart-a4.png")), cv2.IMREAD_COLOR)
    assert shipped is not None, "resources/chart-a4.png is missing"
    fresh = render_chart_page("a4")
    assert shipped.shape == fresh.shape
    # Anti-aliased text may differ by a grey level between OpenCV builds; the markers may not.
    assert np.mean(cv2.absdiff(shipped, fresh)) < 0.5
    assert detect_orientation(shipped).markers == len(MARKER_IDS)


def _pdf_objects(data: bytes) -> dict[int, bytes]:
    """Objects by number, located through the xref table (so the offsets are checked too)."""
    xref_at = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    assert data[xref_at:xref_at + 5] == b"xref\n"
    lines = data[xref_at:].split(b"\n")
    count = int(lines[1].split()[1])
    objects = {}
    for number in range(1, count):
        offset = int(lines[2 + number][:10])
        assert data[offset:].startswith(b"%d 0 obj\n" % number), number
        end = data.index(b"\nendobj\n", offset)
        objects[number] = data[offset:end]
    return objects


def test_pdf_holds_the_page_image_losslessly_at_the_paper_size():
    page = render_chart_page("a4", dpi=72)
    data = image_page_pdf(page, 210 * POINTS_PER_MM, 297 * POINTS_PER_MM, title="camtool 图卡")
    assert data.startswith(b"%PDF-1.4\n")
    objects = _pdf_objects(data)
    assert b"/MediaBox [0 0 595.276 841.890]" in objects[3]
    image = objects[4]
    width = int(re.search(rb"/Width (\d+)", image).group(1))
    height = int(re.search(rb"/Height (\d+)", image).group(1))
    length = int(re.search(rb"/Length (\d+)", image).group(1))
    assert (height, width) == page.shape[:2]
    assert b"/DeviceGray" in image, "a black-and-white chart is stored as gray"
    stream = image[image.index(b"stream\n") + 7:][:length]
    pixels = np.frombuffer(zlib.decompress(stream), np.uint8).reshape(height, width)
    assert np.array_equal(pixels, page[:, :, 0])
    assert b"<FEFF" in objects[6], "a non-ASCII title is stored as UTF-16"


def test_pdf_keeps_colour_images_in_rgb_order():
    image = np.zeros((2, 3, 3), np.uint8)
    image[:, :, 2] = 200  # red in BGR
    objects = _pdf_objects(image_page_pdf(image, 100, 100))
    stream = objects[4][objects[4].index(b"stream\n") + 7:]
    assert b"/DeviceRGB" in objects[4]
    assert zlib.decompressobj().decompress(stream)[:3] == bytes([200, 0, 0])
