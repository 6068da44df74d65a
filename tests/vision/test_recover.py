"""Recovering the camera's picture from a device screen, then showing it through another config.

The device screens are built exactly as the virtual device builds them (screens.render_ends,
then the ticker and the frame stamp last), from a known camera picture of every mounting.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from camtool.config.semantics import ALL_TURNS, DEFAULT_BEHAVIOUR, Turn
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.screens import render_ends
from camtool.device.frame_stamp import Stamp, draw_stamp, draw_ticker, stamp_mask
from camtool.vision.recover import RecoverError, find_picture_area, recover_camera_picture

VERSION = "2.1.0"
DEVICE_SCREEN = (800, 480)   # small screens keep the 8 x 17 x 3 renders quick
WECHAT_SCREEN = (360, 640)
CAMERA_SIZE = (960, 540)
USB = {"usbCameraName": "/dev/video2"}
BUILTIN = {"internalCameraName": "0"}
CONFIGS = ([None]
           + [dict(BUILTIN, cameraRotationAngle=r, cameraPushFlip=f) for r in (0, 90, 180, 270) for f in (False, True)]
           + [dict(USB, usbCameraRotationAngle=r, usbCameraPushFlip=f) for r in (0, 90, 180, 270) for f in (False, True)])
#: Mean absolute difference (0..255) allowed between a re-rendered end and the real one: the
#: recovered picture went through one more resize; a wrong turn of the scene gives ~40+.
TOLERANCE = 6.0


def _stamped(screen: np.ndarray, n: int = 7) -> np.ndarray:
    out = screen.copy()
    draw_ticker(out, n)
    return draw_stamp(out, Stamp(n, 123456789, 3))


def _ends(camera: np.ndarray, config: dict | None) -> tuple[np.ndarray, np.ndarray]:
    return render_ends(camera, config, VERSION, DEFAULT_BEHAVIOUR, DEVICE_SCREEN, WECHAT_SCREEN)


def _difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference outside the stamp area."""
    assert a.shape == b.shape
    kept_rows = int((~stamp_mask(a.shape)).any(axis=1).sum())   # the mask covers whole bottom rows
    return float(cv2.absdiff(a[:kept_rows], b[:kept_rows]).mean())


def _others(index: int) -> list[dict | None]:
    """A few configs other than CONFIGS[index], across both families (keeps the run short)."""
    return [CONFIGS[(index + step) % len(CONFIGS)] for step in (1, 6, 11)]


@pytest.mark.parametrize("mounting", ALL_TURNS, ids=lambda t: f"{t.rotation}{'m' if t.mirrored else ''}")
def test_recovered_picture_renders_like_the_virtual_device_for_the_same_and_other_configs(mounting):
    camera = picture_of_mounted_camera(mounting, CAMERA_SIZE)
    for index, applied in enumerate(CONFIGS):
        device_screen = _stamped(_ends(camera, applied)[0])
        recovered = recover_camera_picture(device_screen, applied, VERSION)

        again = _ends(recovered, applied)[0]
        assert _difference(again, device_screen) < TOLERANCE, (mounting, applied)
        for other in _others(index):
            want_device, want_wechat = _ends(camera, other)
            got_device, got_wechat = _ends(recovered, other)
            assert _difference(got_device, want_device) < TOLERANCE, (mounting, applied, other)
            assert _difference(got_wechat, want_wechat) < TOLERANCE, (mounting, applied, other)


def test_not_undoing_the_applied_turn_shows_a_wrongly_turned_picture():
    """The comparison above can fail: skipping the undo of a USB rotation is caught."""
    camera = picture_of_mounted_camera(Turn(0, False), CAMERA_SIZE)
    applied = dict(USB, usbCameraRotationAngle=90)
    device_screen = _stamped(_ends(camera, applied)[0])
    unturned = recover_camera_picture(device_screen, None, VERSION)   # as if nothing were applied
    assert _difference(_ends(unturned, None)[1], _ends(camera, None)[1]) > 4 * TOLERANCE


def test_the_picture_area_excludes_bars_and_stamp_band_even_when_the_picture_is_dark_at_one_edge():
    camera = picture_of_mounted_camera(Turn(0, False), CAMERA_SIZE).copy()
    camera[:, :40] = 0                       # a dark left edge must not shift the crop
    applied = dict(USB, usbCameraRotationAngle=90)   # portrait picture: bars left and right
    screen = _stamped(_ends(camera, applied)[0])
    area = find_picture_area(screen)
    assert area.y == 0 and area.height < screen.shape[0] - 20   # stamp band left out
    assert area.x > 100 and abs((area.x + area.width) - (screen.shape[1] - area.x)) <= 1
    assert abs(area.width / area.height - 540 / 960) < 0.02


def test_a_stamp_that_does_not_read_is_still_left_out():
    camera = picture_of_mounted_camera(Turn(180, False), CAMERA_SIZE)
    screen = _stamped(_ends(camera, BUILTIN)[0])
    height = screen.shape[0]
    screen[height - 8:, :40] = 0             # the marker cells are damaged: read_stamp fails
    area = find_picture_area(screen)
    assert area.y + area.height < height - 20


def test_an_explicit_crop_is_used_as_given():
    screen = np.zeros((100, 200, 3), np.uint8)
    screen[10:90, 20:180] = (10, 200, 30)
    picture = recover_camera_picture(screen, dict(USB, usbCameraRotationAngle=90), None, crop=(20, 10, 160, 80))
    assert picture.shape == (160, 80, 3)     # the 90 degree turn undone
    assert (picture == (10, 200, 30)).all()


@pytest.mark.parametrize("bad", [np.zeros((720, 1280, 3), np.uint8), np.zeros((4, 4, 3), np.uint8),
                                 np.zeros((720, 1280), np.uint8), "not a picture"])
def test_a_screen_without_a_picture_gives_a_clear_error(bad):
    with pytest.raises(RecoverError) as info:
        recover_camera_picture(bad, None, VERSION)
    assert str(info.value)


def test_a_crop_outside_the_screen_gives_a_clear_error():
    with pytest.raises(RecoverError, match="does not fit"):
        recover_camera_picture(np.zeros((100, 200, 3), np.uint8), None, None, crop=(150, 0, 100, 100))


def test_the_result_is_a_new_array():
    screen = np.full((120, 200, 3), 128, np.uint8)
    picture = recover_camera_picture(screen, None, None, stamp_band=False)
    picture[:] = 0
    assert screen.max() == 128
