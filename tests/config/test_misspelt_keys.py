"""A misspelt camera key gets the key it was meant to be (up to two edits; a swap of neighbours is one edit)."""

from __future__ import annotations

import pytest

from camtool.config import rules
from camtool.config.rules import suggest_camera_key, validate_file, validate_text


@pytest.fixture(autouse=True)
def _fresh_suggestions():
    # The suggestion of a key is cached per process: each case here must compute it again.
    rules._closest_camera_key.cache_clear()
    yield
    rules._closest_camera_key.cache_clear()


@pytest.mark.parametrize("typo, meant", [
    ("cmaeraId", ("cameraId", 1)), ("acmeraId", ("cameraId", 1)), ("cameraDi", ("cameraId", 1)),
    ("cameraI", ("cameraId", 1)), ("ameraId", ("cameraId", 1)), ("cameraIdd", ("cameraId", 1)),
    ("xameraId", ("cameraId", 1)), ("cmaeraIx", ("cameraId", 2)), ("cmaeraDi", ("cameraId", 2)),
    ("camzraqd", ("cameraId", 2)),  # two letters no camera key has
    ("usbCamraNme", ("usbCameraName", 2)), ("usbCameraNmae", ("usbCameraName", 1)),
    ("usbCamreaName", ("usbCameraName", 1)), ("ucbCameraNmae", ("usbCameraName", 2)),
    ("usbCameraNmaeX", ("usbCameraName", 2)), ("usbCameraPushFlp", ("usbCameraPushFlip", 1)),
    ("cameraPushFlp", ("cameraPushFlip", 1)), ("usbSerialNumbre", ("usbSerialNumber", 1)),
    ("usbSreialNumber", ("usbSerialNumber", 1)), ("internalCameraNmae", ("internalCameraName", 1)),
    ("iternalCameraNam", ("internalCameraName", 2)), ("usbCameraVendrId", ("usbCameraVendorId", 1)),
    ("camraRotatinAngle", ("cameraRotationAngle", 2)), ("cameraRotationAngleXY", ("cameraRotationAngle", 2)),
    ("caemraRotationAngle", ("cameraRotationAngle", 1)), ("usbCameraProductID", ("usbCameraProductId", 0)),
])
def test_a_key_up_to_two_edits_away_is_suggested_with_its_distance(typo, meant):
    assert suggest_camera_key(typo) == meant


@pytest.mark.parametrize("key", ["cxmxrxId", "cmaeraIdxy", "cameraIdxyz", "amcreaId", "cameraId", "uiZoom"])
def test_a_key_three_edits_away_or_a_real_key_gets_no_suggestion(key):
    assert suggest_camera_key(key) is None


def test_validating_text_or_a_file_passes_the_wmpf_version_and_names_stdin(tmp_path):
    text = '{"cameraRotationAngle": 90,\n "cameraRotationAngle": 90}'
    _, findings = validate_text(text, wmpf_version="1.0.0")
    assert [(f.code, f.line) for f in findings] == [("CAM005", 2), ("CAM301", 2), ("CAM501", None)]
    assert findings[0].message.startswith("<stdin>, line 2: the key cameraRotationAngle")
    assert validate_text(text, "door.json")[1][0].message.startswith("door.json, line 2: the key cameraRotationAngle")
    path = tmp_path / "door.json"
    path.write_text(text, encoding="utf-8")
    _, findings = validate_file(path, wmpf_version="1.0.0")
    assert [f.code for f in findings] == ["CAM005", "CAM301", "CAM501"]
    assert findings[0].message.startswith(f"{path}, line 2:")
