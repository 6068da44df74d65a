"""Every rule both ways: a config that triggers it, and the nearest config that does not."""

from __future__ import annotations

import re

import pytest

from camtool.config.findings import Severity
from camtool.config.rules import RULES, validate, validate_file, validate_text

TRIPLE = {"usbCameraVendorId": 3034, "usbCameraProductId": 22136, "usbSerialNumber": "200901010001"}
PATH = {"usbCameraName": "/dev/bus/usb/001/004"}

# code, config that triggers it, nearest config that does not (and the WMPF version to check against)
CASES = [
    ("CAM101", {"cameraRotationAngle": "90"}, {"cameraRotationAngle": 90}, None),
    ("CAM101", {"cameraRotationAngle": True}, {"cameraRotationAngle": 0}, None),
    ("CAM101", {"cameraRotationAngle": 90.0}, {"cameraRotationAngle": 90}, None),
    ("CAM101", {"cameraPushFlip": "true"}, {"cameraPushFlip": True}, None),
    ("CAM101", {"cameraPushFlip": 1}, {"cameraPushFlip": True}, None),
    ("CAM101", {"internalCameraName": 0}, {"internalCameraName": "0"}, None),
    ("CAM101", {**TRIPLE, "usbCameraVendorId": "0bda"}, TRIPLE, None),
    ("CAM101", {"cameraId": None}, {"cameraId": 0}, None),
    ("CAM101", {**PATH, "usbCameraPushFlip": [True]}, {**PATH, "usbCameraPushFlip": True}, None),
    ("CAM102", {"cameraRotationAngle": 45}, {"cameraRotationAngle": 270}, None),
    ("CAM102", {**PATH, "usbCameraRotationAngle": -90}, {**PATH, "usbCameraRotationAngle": 180}, None),
    ("CAM103", {**TRIPLE, "usbCameraVendorId": 65536}, {**TRIPLE, "usbCameraVendorId": 65535}, None),
    ("CAM103", {**TRIPLE, "usbCameraProductId": -1}, {**TRIPLE, "usbCameraProductId": 0}, None),
    ("CAM104", {"cameraId": -1}, {"cameraId": 0}, None),
    ("CAM105", {"usbCameraName": "/dev/bus/usb/1/4"}, {"usbCameraName": "/dev/bus/usb/001/004"}, None),
    ("CAM105", {"usbCameraName": "/dev/bus/usb/000/004"}, {"usbCameraName": "/dev/bus/usb/001/004"}, None),
    ("CAM105", {"usbCameraName": ""}, PATH, None),
    ("CAM106", {"usbCameraName": "/dev/video0"}, PATH, None),
    ("CAM107", {"usbCameraName": "/dev/bus/usb/001/004 "}, PATH, None),
    ("CAM107", {"usbCameraName": "/dev/bus/usb/001/004;reboot"}, PATH, None),
    ("CAM112", {"usbCameraName": "/dev/bus/usb/001/\u0000004"}, PATH, None),
    ("CAM112", {**TRIPLE, "usbSerialNumber": "A1B2\x1b[2J"}, TRIPLE, None),
    ("CAM112", {**TRIPLE, "usbSerialNumber": "A1\r\nB2\x07"}, TRIPLE, None),
    ("CAM112", {"internalCameraName": "0\x1b[31m"}, {"internalCameraName": "0"}, None),
    ("CAM108", {**TRIPLE, "usbSerialNumber": ""}, TRIPLE, None),
    ("CAM109", {"internalCameraName": "back"}, {"internalCameraName": "0"}, None),
    ("CAM109", {"internalCameraName": "External"}, {"internalCameraName": "1"}, None),
    ("CAM110", {"internalCameraName": ""}, {"internalCameraName": "0"}, None),
    ("CAM110", {"internalCameraName": " 0"}, {"internalCameraName": "0"}, None),
    ("CAM111", {"CameraRotationAngle": 90}, {"cameraRotationAngle": 90}, None),
    ("CAM111", {**PATH, "usbCameraRotationAngel": 90}, {**PATH, "usbCameraRotationAngle": 90}, None),
    ("CAM111", {"internalCameraNam": "0"}, {"internalCameraName": "0", "uiZoom": 1.0}, None),
    ("CAM201", {**PATH, **TRIPLE}, TRIPLE, None),
    ("CAM202", {"usbCameraVendorId": 3034, "usbCameraProductId": 22136}, TRIPLE, None),
    ("CAM203", {"internalCameraName": "0", "cameraId": 0}, {"internalCameraName": "0"}, None),
    ("CAM204", {"internalCameraName": "0", "usbCameraRotationAngle": 90}, {"internalCameraName": "0", "cameraRotationAngle": 90}, None),
    ("CAM204", {**PATH, "cameraPushFlip": True}, {**PATH, "usbCameraPushFlip": True}, None),
    ("CAM205", {**PATH, "internalCameraName": "0"}, PATH, None),
    ("CAM301", {"internalCameraName": "0"}, {"internalCameraName": "0"}, ("1.9.9", "2.0.0")),
    ("CAM301", {**PATH}, {**PATH}, ("1.1.0", "2.0.0")),
    ("CAM301", {"cameraRotationAngle": 90}, {"cameraRotationAngle": 90}, ("1.0.5", "1.1.1")),
    ("CAM302", {"cameraId": 0}, {"cameraId": 0}, ("2.x", "2.1")),
    ("CAM401", {"usbCameraName": "/dev/bus/usb/002/007"}, {"usbCameraName": "/dev/bus/usb/002/008"}, None),
    ("CAM402", PATH, TRIPLE, None),
    ("CAM403", {"cameraId": 1}, {"internalCameraName": "1"}, None),
    ("CAM403", {"cameraId": 1}, {"cameraId": 1}, ("2.0.0", "1.5.0")),
    ("CAM404", {"internalCameraName": "rear-wide"}, {"internalCameraName": "2"}, None),
    ("CAM404", {"internalCameraName": "/dev/video0"}, {"internalCameraName": "0"}, None),
    # Between the client libraries seen (1.1.0: no camera key; 2.0.0: all): unknown, a warning.
    ("CAM405", {**PATH}, {**PATH}, ("1.1.1", "1.1.0")),
    ("CAM405", {"cameraPushFlip": True}, {"cameraPushFlip": True}, ("1.9.9", "2.0.0")),
    ("CAM501", {"uiZoom": 1.2}, {"uiZoom": 1.2, "internalCameraName": "0"}, None),
    # A profile file given where a config is expected: said so, not "no camera selected".
    ("CAM006", {"sku": "door", "config": {"internalCameraName": "0"}}, {"internalCameraName": "0", "sku": "x"}, None),
    ("CAM502", {"internalCameraName": "0"}, {"uiZoom": 1.2}, None),
]


def _codes(config, version=None):
    return [f.code for f in validate(config, wmpf_version=version)]


@pytest.mark.parametrize("code, bad, good, versions", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_on_the_bad_config_and_not_on_the_good_one(code, bad, good, versions):
    bad_version, good_version = versions or (None, None)
    assert code in _codes(bad, bad_version)
    assert code not in _codes(good, good_version)


def test_every_rule_code_is_exercised_by_a_test():
    tested = {case[0] for case in CASES} | {"CAM001", "CAM002", "CAM003", "CAM004", "CAM005"}
    assert tested == {rule.code for rule in RULES}


def test_codes_are_unique_and_follow_the_scheme():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        expected = {"4": Severity.WARNING, "5": Severity.INFO}.get(rule.code[3], Severity.ERROR)
        assert rule.severity is expected, rule.code
        assert not rule.code.startswith("CAM6"), "CAM6xx belongs to the device-aware rules"


@pytest.mark.parametrize("text, code", [
    (b'{"a": 1,}', "CAM003"), (b"\xc4\xe3", "CAM002"), (b"[]", "CAM004"), (b'{"a": 1, "a": 2}', "CAM005")])
def test_file_level_rules_through_validate_text(text, code):
    data, findings = validate_text(text, "x.json")
    assert code in [f.code for f in findings]
    clean, clean_findings = validate_text(b'{"internalCameraName": "0"}', "x.json")
    assert clean == {"internalCameraName": "0"}
    assert not any(f.severity is Severity.ERROR for f in clean_findings)


def test_unreadable_file_is_cam001(tmp_path):
    data, findings = validate_file(tmp_path / "absent.json")
    assert data is None and [f.code for f in findings] == ["CAM001"]
    present = tmp_path / "present.json"
    present.write_text('{"cameraId": 0}', encoding="utf-8")
    assert "CAM001" not in [f.code for f in validate_file(present)[1]]


def test_findings_come_sorted_errors_warnings_info():
    findings = validate({"cameraId": 1, "usbCameraRotationAngle": 90})
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks) and len(set(ranks)) == 3


def test_non_object_data_is_a_finding_not_an_exception():
    for value in (None, [], "x", 3, 2.5, True):
        assert _codes(value) == ["CAM004"]


def test_rule_findings_from_text_point_at_their_key():
    text = '{\n  "uiZoom": 1,\n  "internalCameraName": "0",\n    "usbCameraRotationAngle": 90\n}'
    _, findings = validate_text(text, "x.json")
    misplaced = next(f for f in findings if f.code == "CAM204")
    assert (misplaced.line, misplaced.column) == (4, 5)
    assert next(f for f in findings if f.code == "CAM204").to_json()["line"] == 4


# --- what the mutation run showed untested (make mutants) -------------------------------------

@pytest.mark.parametrize("code, bad, good, versions", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_finding_points_at_keys_of_the_config_and_reads_in_chinese(code, bad, good, versions):
    from camtool import i18n

    [finding, *_] = [f for f in validate(bad, wmpf_version=(versions or (None,))[0]) if f.code == code]
    assert set(finding.keys) <= set(bad), finding.keys
    english = (finding.message, finding.fix)
    i18n.set_language("zh")
    chinese = (finding.message, finding.fix)
    # A rule's text is found in the catalogue (a changed source string is not), and every value is filled in.
    for en, zh in zip(english, chinese):
        assert zh != en and re.search(r"[\u4e00-\u9fff]", zh), en
        assert "{" not in en and "None" not in en, en


@pytest.mark.parametrize("config, keys", [
    ({**PATH, "internalCameraName": "0"}, ("internalCameraName", "usbCameraName")),
    ({**TRIPLE, "cameraId": 1}, ("cameraId", *TRIPLE)),
])
def test_a_built_in_selector_under_usb_keys_names_the_usb_keys_that_win(config, keys):
    [finding] = [f for f in validate(config) if f.code == "CAM205"]
    assert finding.keys == keys
    assert finding.message.startswith(f"{keys[0]} selects a built-in camera")


def test_a_built_in_selector_beside_usb_keys_wmpf_cannot_read_is_not_cam205():
    assert "CAM205" not in _codes({**PATH, "internalCameraName": "0"}, "1.1.0")


def test_a_partial_triple_names_what_is_missing_and_what_is_ignored():
    [finding] = [f for f in validate({**PATH, "usbCameraVendorId": 3034}) if f.code == "CAM202"]
    assert finding.message == ("The USB triple is incomplete (usbCameraProductId, usbSerialNumber missing), so WMPF "
                               "ignores usbCameraVendorId; usbCameraName selects the camera.")
