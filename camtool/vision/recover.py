"""The camera's picture as one end's path delivers it, recovered from that end's screen.

An end's screen shows the camera through its own base (docs/domain.md, "Two ends, two bases") and
then through the config applied on the device now: the device end turns the picture by
`ends_for(config).device_end`, the WeChat end by `.wechat_end`, and each letterboxes it; the
virtual device also keeps a black band at the bottom for its frame stamp. Cropping the picture
area and undoing the keys' turn gives the picture with the end's base only (what that end
shows with no key), which can then be turned by any other config's keys to show what the
end would look like after applying it. Qt-free: the window runs this on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from camtool.config.ends import DEFAULT_BEHAVIOUR, DEVICE_END, WmpfBehaviour
from camtool.config.semantics import ends_for
from camtool.i18n import tr
from camtool.device.frame_stamp import read_stamp, stamp_area_height, strip_height
from camtool.vision.transforms import apply_turn

__all__ = ["PictureArea", "RecoverError", "find_picture_area", "recover_camera_picture"]

#: A pixel is "black" (a letterbox bar) when no channel exceeds this: H.264 lifts pure black
#: to ~16 and blurs the edge, while a lit scene's darkest parts rarely stay that dark in all channels.
_BLACK_LEVEL = 40
#: A row or column belongs to the picture when at least this share of its pixels is not black;
#: a few bright pixels (noise, ringing at a bar's edge) do not make a picture.
_MIN_LIT_SHARE = 0.03
#: Pixels by which the two bars of a letterbox may differ and still be read as exact: centring
#: an odd remainder and codec blur leave one or two pixels of difference.
_BAR_SLACK = 3
#: The smallest picture area (pixels per side) worth recovering.
_MIN_SIDE = 8


def _lit(screen: np.ndarray) -> np.ndarray:
    """True where a pixel is not black (any channel above the black level)."""
    # cv2 per channel: numpy's max over the channel axis is ~20x slower on a 720p frame.
    blue, green, red = cv2.split(screen)
    return cv2.max(cv2.max(blue, green), red) > _BLACK_LEVEL


class RecoverError(ValueError):
    """The screen holds no camera picture to recover (message says why and what to do)."""


@dataclass(frozen=True)
class PictureArea:
    """Where the camera's picture sits on a screen: (x, y, width, height) in pixels."""

    x: int
    y: int
    width: int
    height: int

    def cut(self, screen: np.ndarray) -> np.ndarray:
        return screen[self.y:self.y + self.height, self.x:self.x + self.width]


def _lit_extent(lit_share: np.ndarray) -> tuple[int, int] | None:
    """(first, last) index whose share of lit pixels is enough, or None."""
    indices = np.flatnonzero(lit_share >= _MIN_LIT_SHARE)
    if indices.size == 0:
        return None
    return int(indices[0]), int(indices[-1])


def _centred_span(first: int, last: int, length: int) -> tuple[int, int]:
    """The picture's (start, size) along one axis from where lit pixels start and end.

    Letterboxing centres the picture, so its two bars are equal (to a pixel or two). When one
    side looks wider, the picture is dark at that edge; the narrower bar is the true one.
    """
    before, after = first, length - 1 - last
    if abs(before - after) <= _BAR_SLACK:
        return before, last - first + 1
    bar = min(before, after)
    return bar, length - 2 * bar


def _looks_like_stamp_band(screen: np.ndarray) -> bool:
    """A stamp band whose stamp did not read (codec damage): a lit strip under black rows.

    The strip's cells are half white; the ticker band and margin above it are black but
    for one moving block (1 of 72 cells), so they count as unlit.
    """
    height, width = screen.shape[:2]
    strip, band = strip_height(width), stamp_area_height(width)
    if band >= height:
        return False
    lit_share = _lit(screen[height - band:]).mean(axis=1)
    gap, cells = lit_share[:band - strip], lit_share[band - strip:]
    return bool(gap.size and (gap < _MIN_LIT_SHARE).all() and cells.mean() > 0.2)


def find_picture_area(screen: np.ndarray, *, stamp_band: bool | None = None) -> PictureArea:
    """The picture area of a screen: without the letterbox bars and the stamp band.

    `stamp_band` None: drop the bottom stamp band when the screen carries a readable frame
    stamp (the virtual device); True/False forces it. Bars are on one axis only (the picture
    fills the other), so the axis with the smaller bars is taken as filled.
    """
    if not isinstance(screen, np.ndarray) or screen.ndim != 3 or screen.shape[2] != 3 or screen.dtype != np.uint8:
        raise RecoverError(tr("The device screen is not a colour picture (8-bit BGR); capture the device screen again."))
    height, width = screen.shape[:2]
    if stamp_band is None:
        stamp_band = read_stamp(screen) is not None or _looks_like_stamp_band(screen)
    usable = height - stamp_area_height(width) if stamp_band else height
    if usable < _MIN_SIDE or width < _MIN_SIDE:
        raise RecoverError(tr("The device screen is too small ({width}x{height}) to find the camera's picture in it.",
                              width=width, height=height))
    lit = _lit(screen[:usable])
    rows, cols = _lit_extent(lit.mean(axis=1)), _lit_extent(lit.mean(axis=0))
    if rows is None or cols is None:
        raise RecoverError(tr("The device screen is black: no camera picture to work from. "
                              "Check that the camera is open on the device (start a call or its preview)."))
    y, h = _centred_span(rows[0], rows[1], usable)
    x, w = _centred_span(cols[0], cols[1], width)
    # Only one axis has bars; the other's apparent bar is dark picture content.
    if x / width >= y / usable:
        y, h = 0, usable
    else:
        x, w = 0, width
    if w < _MIN_SIDE or h < _MIN_SIDE:
        raise RecoverError(tr("The camera's picture on the device screen is too small ({width}x{height}) to use.",
                              width=w, height=h))
    return PictureArea(x, y, w, h)


def recover_camera_picture(device_screen_bgr: np.ndarray, applied_config: dict | None,
                           wmpf_version: str | None, behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR,
                           crop: PictureArea | tuple[int, int, int, int] | None = None,
                           stamp_band: bool | None = None, end: str = DEVICE_END) -> np.ndarray:
    """The picture (BGR, a new contiguous array) behind one end's screen, with the keys' turn undone.

    `end`: DEVICE_END (the device's own screen, the default) or WECHAT_END (the phone's).
    `applied_config` is the config the device runs now (None: none, WMPF's defaults);
    `crop` the picture area as (x, y, width, height) when known, else it is found
    (`find_picture_area`). The result is what that end shows with no key (its base), at the
    resolution the screen showed it.
    """
    if crop is None:
        area = find_picture_area(device_screen_bgr, stamp_band=stamp_band)
    else:
        area = crop if isinstance(crop, PictureArea) else PictureArea(*(int(v) for v in crop))
        if not isinstance(device_screen_bgr, np.ndarray) or device_screen_bgr.ndim != 3:
            raise RecoverError(tr("The device screen is not a colour picture (8-bit BGR); capture the device screen again."))
        height, width = device_screen_bgr.shape[:2]
        if (area.x < 0 or area.y < 0 or area.width < _MIN_SIDE or area.height < _MIN_SIDE
                or area.x + area.width > width or area.y + area.height > height):
            raise RecoverError(tr("The picture area {area} does not fit in the device screen ({width}x{height}).",
                                  area=f"{area.x},{area.y} {area.width}x{area.height}", width=width, height=height))
    undo = ends_for(applied_config, wmpf_version, behaviour).end(end).inverse()
    # A copy: the identity turn returns a view of the caller's screen, which it may reuse.
    return apply_turn(area.cut(device_screen_bgr), undo).copy()
