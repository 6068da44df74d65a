"""Apply a `Turn` (mirror, then clockwise rotation) to a picture, and fit pictures to screens.

Pictures are numpy arrays (H x W or H x W x C, BGR like OpenCV). The turn's meaning is
defined once, in `camtool.config.semantics`; this module only moves pixels.
"""

from __future__ import annotations

import cv2
import numpy as np

from camtool.config.turns import Turn

__all__ = ["apply_turn", "fit_letterbox", "turn_and_fit", "fitted_size"]

_ROTATE_CODES = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


def apply_turn(img: np.ndarray, turn: Turn) -> np.ndarray:
    """The picture after `turn`. The identity returns `img` itself (no copy): copy before writing."""
    out = img
    if turn.mirrored:
        out = cv2.flip(out, 1)
    if turn.rotation:
        out = cv2.rotate(out, _ROTATE_CODES[turn.rotation])
    return out


def fitted_size(src_w: int, src_h: int, box_w: int, box_h: int) -> tuple[int, int]:
    """The largest (w, h) with the source's aspect ratio that fits in the box (at least 1x1)."""
    scale = min(box_w / src_w, box_h / src_h)
    return max(1, min(box_w, round(src_w * scale))), max(1, min(box_h, round(src_h * scale)))


def _resize(img: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    if (img.shape[1], img.shape[0]) == size:
        return img
    shrinking = size[0] < img.shape[1]
    # INTER_AREA keeps thin lines and text legible when shrinking; linear is cheaper to enlarge.
    return cv2.resize(img, size, interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


def _paste_centred(picture: np.ndarray, size: tuple[int, int], out: np.ndarray | None) -> np.ndarray:
    width, height = size
    shape = (height, width) + picture.shape[2:]
    if out is None or out.shape != shape or out.dtype != picture.dtype:
        out = np.zeros(shape, dtype=picture.dtype)
    else:
        out.fill(0)
    ph, pw = picture.shape[:2]
    top, left = (height - ph) // 2, (width - pw) // 2
    out[top:top + ph, left:left + pw] = picture
    return out


def fit_letterbox(img: np.ndarray, size: tuple[int, int], out: np.ndarray | None = None) -> np.ndarray:
    """`img` scaled to fit `size` = (width, height), aspect kept, centred on black bars.

    `out`, if given with the right shape, is reused (saves an allocation per frame).
    """
    width, height = size
    if width < 1 or height < 1:
        raise ValueError(f"screen size must be positive, not {size!r}")
    picture = _resize(img, fitted_size(img.shape[1], img.shape[0], width, height))
    return _paste_centred(picture, size, out)


def turn_and_fit(img: np.ndarray, turn: Turn, size: tuple[int, int],
                 out: np.ndarray | None = None) -> np.ndarray:
    """`fit_letterbox(apply_turn(img, turn), size)`, resizing before the turn (fewer pixels to move)."""
    width, height = size
    if width < 1 or height < 1:
        raise ValueError(f"screen size must be positive, not {size!r}")
    quarter = turn.rotation in (90, 270)
    src_w, src_h = img.shape[1], img.shape[0]
    turned_w, turned_h = (src_h, src_w) if quarter else (src_w, src_h)
    fit_w, fit_h = fitted_size(turned_w, turned_h, width, height)
    pre_size = (fit_h, fit_w) if quarter else (fit_w, fit_h)
    return _paste_centred(apply_turn(_resize(img, pre_size), turn), size, out)
