"""A one-page PDF holding one image, losslessly (zlib / FlateDecode): the printable chart.

The chart must print with its markers' edges exactly as drawn, so the image goes in
uncompressed-lossless at a known size in points; a dozen lines of PDF syntax do that
without a PDF library (PDF 1.4, the subset every viewer and printer driver reads).
"""

from __future__ import annotations

import zlib

import numpy as np

from camtool.i18n import N_, tr

POINTS_PER_INCH = 72.0
POINTS_PER_MM = POINTS_PER_INCH / 25.4


def _pdf_text(text: str) -> bytes:
    """A PDF text string: plain ASCII in parentheses, anything else as UTF-16BE hex with a BOM."""
    if text.isascii():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def image_page_pdf(image: np.ndarray, page_width_pt: float, page_height_pt: float, *, title: str = "") -> bytes:
    """The bytes of a PDF whose single page (width x height in points) is filled by `image`.

    `image` is gray (H x W) or BGR (H x W x 3), uint8. A gray-only BGR image is stored as
    gray, a third of the size.
    """
    if image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise ValueError(tr(N_("The page image must be a gray or BGR image with 8 bits per channel.")))
    if image.ndim == 3:
        b, g, r = image[:, :, 0], image[:, :, 1], image[:, :, 2]
        if np.array_equal(b, g) and np.array_equal(g, r):
            image = np.ascontiguousarray(g)
        else:
            image = np.ascontiguousarray(image[:, :, ::-1])  # PDF's DeviceRGB is R, G, B
    height, width = image.shape[:2]
    colour_space = b"/DeviceGray" if image.ndim == 2 else b"/DeviceRGB"
    pixels = zlib.compress(image.tobytes(), 9)
    content = b"q %.3f 0 0 %.3f 0 0 cm /Chart Do Q\n" % (page_width_pt, page_height_pt)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Resources << /XObject << /Chart 4 0 R >> >> "
        b"/Contents 5 0 R >>" % (page_width_pt, page_height_pt),
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, colour_space, len(pixels)) + pixels
        + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Title " + _pdf_text(title) + b" /Producer (camtool) >>",
    ]
    # The binary comment line tells transfer tools the file is binary (PDF spec 7.5.2).
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref_at)
    return bytes(out)
