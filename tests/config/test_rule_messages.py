"""What a technician reads about misspelt keys and WMPF versions: each finding word for word."""

from __future__ import annotations

import pytest

from camtool.config.rules import validate

CHECK_VERSION = ("Check the device's WMPF version (camtool devices, or dumpsys package com.tencent.wmpf) "
                 "or pass --wmpf-version to check it here.")


def _shown(config, code, wmpf_version=None):
    return [(f.code, f.keys, f.message, f.fix) for f in validate(config, wmpf_version=wmpf_version) if f.code == code]


@pytest.mark.parametrize("config, expected", [
    ({"internalCameraName": "0"},  # the one gate read from WMPF itself: no star, no legend
     ("CAM502", ("internalCameraName",), "This config needs WMPF 2.0.0 or newer (internalCameraName 2.0.0).", CHECK_VERSION)),
    ({"internalCameraName": "0", "cameraId": 0},
     ("CAM502", ("internalCameraName", "cameraId"),
      "This config needs WMPF 2.0.0 or newer (internalCameraName 2.0.0, cameraId 1.0.0*; "
      "* = assumed from the client library's release history).", CHECK_VERSION)),
])
def test_without_a_version_the_oldest_wmpf_needed_is_named_and_assumed_gates_are_starred(config, expected):
    assert _shown(config, "CAM502") == [expected]


def test_an_unreadable_version_is_named_and_no_gate_is_checked():
    assert _shown({"cameraId": 0}, "CAM302", "2.x") == [
        ("CAM302", (), 'The WMPF version "2.x" is not of the form X.Y.Z, so the version gates were not checked.',
         "Give the version as dumpsys package com.tencent.wmpf shows it (versionName), e.g. 2.1.3.")]
    assert [f.code for f in validate({"internalCameraName": "0"}, wmpf_version="2.x")] == ["CAM302"]


def test_a_misspelt_key_is_renamed_or_deleted_when_the_right_one_is_there():
    assert _shown({"cameraid": 0, "cameraId": 0}, "CAM111") == [
        ("CAM111", ("cameraid",), "cameraid is not a key WMPF knows: keys are case-sensitive, so WMPF ignores it. "
         "Did you mean cameraId?", "Delete cameraid: cameraId is already set.")]
    # a long key first (never a typo of a camera key) does not stop the search
    assert _shown({"x" * 65: 1, "CameraId": 0}, "CAM111") == [
        ("CAM111", ("CameraId",), "CameraId is not a key WMPF knows: keys are case-sensitive, so WMPF ignores it. "
         "Did you mean cameraId?", "Rename CameraId to cameraId.")]
