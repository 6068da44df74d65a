"""Which keys WMPF ignores, listed in the config's own order, for any config a caller passes."""

from __future__ import annotations

from camtool.config.family_rules import (REASON_CASE, REASON_OTHER_FAMILY, Family, camera_selection,
                                         valid_value)


def test_ignored_keys_are_listed_in_the_order_the_config_has_them():
    selection = camera_selection({"cameraRotationAngle": 90, "usbCameraName": "/dev/bus/usb/001/004", "CameraID": 0})
    assert selection.family is Family.USB
    assert selection.ignored == (("cameraRotationAngle", REASON_OTHER_FAMILY), ("CameraID", REASON_CASE))


def test_a_key_that_is_not_text_is_skipped_and_the_rest_still_counts():
    selection = camera_selection({1: "x", "internalCameraName": "0"})
    assert selection.family is Family.BUILTIN and selection.usable == {"internalCameraName": "0"}


def test_only_camera_keys_have_a_valid_value():
    assert not valid_value("uiZoom", 1)
    assert valid_value("cameraPushFlip", False) and not valid_value("cameraPushFlip", 0)
