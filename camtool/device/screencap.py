"""`screencap -p` through `exec-out`: a device screen's PNG, known to be whole, and decoded quietly.

`exec-out` has no exit status, so the PNG's own last chunk says whether the picture arrived
whole (answer_checks.png_is_cut). A cut PNG is the device's answer cut off, never "no chart
visible". OpenCV prints its own warnings about bad input on stderr; they mean nothing to a
technician, and the caller says what went wrong in words.
"""

from __future__ import annotations

import cv2
import numpy as np

from camtool.printable import printable
from camtool.device.adb_io import DeviceIO, quote_command
from camtool.device.answer_checks import png_is_cut
from camtool.device.errors import DeviceAnswerCut

SCREENCAP_ARGV = ("screencap", "-p")


def screencap_png(io: DeviceIO, serial: str, timeout: float) -> bytes:
    """The PNG bytes of `serial`'s screen; DeviceAnswerCut when they stop before the end."""
    data = io.exec_out(serial, list(SCREENCAP_ARGV), timeout=timeout)
    if png_is_cut(data):
        raise DeviceAnswerCut(serial, quote_command(list(SCREENCAP_ARGV)))
    return data


def decode_picture(data: bytes) -> np.ndarray | None:
    """PNG/JPEG bytes as a BGR array, or None when they are no picture (without OpenCV's warnings)."""
    if not data:
        return None
    _quiet_opencv()
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)


def answer_excerpt(data: bytes, limit: int = 120) -> str | None:
    """The start of a device's answer when it is text (e.g. `screencap: not found`), safe to print;
    None when it is binary (a picture's bytes are never shown)."""
    head = data[:limit]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the limit
            return None
        text = head[:exc.start].decode("utf-8")
    if sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t") > 2:
        return None
    text = " ".join(text.split())
    return printable(text) or None


_quieted = False


def _quiet_opencv() -> None:
    global _quieted
    if not _quieted:
        try:
            cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        except AttributeError:  # an OpenCV build without the logging module prints nothing anyway
            pass
        _quieted = True
