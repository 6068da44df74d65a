"""What the technician reads: each message names the problem and each fix says what to write."""

from __future__ import annotations

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from camtool import i18n
from camtool.config.keys import CAMERA_KEY_ORDER
from camtool.config.rules import suggest_camera_key, validate


def only(config, code, version=None):
    found = [f for f in validate(config, wmpf_version=version) if f.code == code]
    assert len(found) == 1, [f.code for f in validate(config, wmpf_version=version)]
    return found[0]


def test_video_node_gets_its_own_fix():
    finding = only({"usbCameraName": "/dev/video2"}, "CAM106")
    assert "/dev/video2" in finding.message and "/dev/bus/usb/BBB/DDD" in finding.fix


def test_hex_vendor_id_is_converted_in_the_fix():
    assert "3034" in only({"usbCameraVendorId": "0bda", "usbCameraProductId": 1, "usbSerialNumber": "x"}, "CAM101").fix
    assert "3034" in only({"usbCameraVendorId": "0x0BDA", "usbCameraProductId": 1, "usbSerialNumber": "x"}, "CAM101").fix
    # four digits could be decimal or hex: both readings offered
    ambiguous = only({"usbCameraVendorId": "1234", "usbCameraProductId": 1, "usbSerialNumber": "x"}, "CAM101").fix
    assert "1234" in ambiguous and str(0x1234) in ambiguous


def test_quoted_number_fix_removes_the_quotes():
    assert only({"cameraRotationAngle": "90"}, "CAM101").fix == "Remove the quotes: write 90."
    assert "true" in only({"cameraPushFlip": 1}, "CAM101").fix


def test_rotation_outside_the_set_names_the_assumption_and_suggests_the_same_turn():
    finding = only({"cameraRotationAngle": -90}, "CAM102")
    assert "assumed" in finding.message
    assert "270" in finding.fix


def test_short_usb_path_gets_the_padded_path():
    assert "/dev/bus/usb/001/004" in only({"usbCameraName": "/dev/bus/usb/1/4"}, "CAM105").fix


def test_shell_and_control_characters_are_named_escaped():
    config = {"usbCameraName": "/dev/bus/usb/001/004$(reboot)\n"}
    shell, control = only(config, "CAM107"), only(config, "CAM112")
    for shown in ('"$"', '"("', '")"'):
        assert shown in shell.message
    assert '"\\n"' in control.message  # one rule names control characters, for every string key
    assert "\n" not in shell.message + control.message  # a control character never reaches the terminal raw


def test_partial_triple_says_the_built_in_camera_is_used():
    finding = only({"usbCameraVendorId": 3034, "usbSerialNumber": "A"}, "CAM202")
    assert "silently uses the built-in camera" in finding.message
    assert "usbCameraProductId" in finding.message


def test_other_family_key_says_no_effect_and_names_the_right_key():
    finding = only({"internalCameraName": "1", "usbCameraRotationAngle": 90}, "CAM204")
    assert "no effect" in finding.message and "cameraRotationAngle" in finding.fix
    both = only({"internalCameraName": "1", "usbCameraPushFlip": True, "cameraPushFlip": True}, "CAM204")
    assert both.fix.startswith("Delete usbCameraPushFlip")


def test_did_you_mean():
    assert suggest_camera_key("CameraRotationAngle") == ("cameraRotationAngle", 0)
    assert suggest_camera_key("usbCameraRotationAngel") == ("usbCameraRotationAngle", 1)
    assert suggest_camera_key("usbcameravendorid") == ("usbCameraVendorId", 0)
    assert suggest_camera_key("usbSerialNo") is None       # three edits away
    assert suggest_camera_key("uiZoom") is None
    assert suggest_camera_key("cameraRotation") is None
    assert suggest_camera_key("cameraRotationAngle") is None  # a camera key is not a typo
    finding = only({"CameraRotationAngle": 90}, "CAM111")
    assert "case-sensitive" in finding.message and finding.fix == "Rename CameraRotationAngle to cameraRotationAngle."


def test_default_library_path_warning_replaces_the_path_warning():
    codes = [f.code for f in validate({"usbCameraName": "/dev/bus/usb/002/007", "usbCameraPushFlip": True})]
    assert "CAM401" in codes and "CAM402" not in codes


def test_path_warning_suggests_the_triple_when_a_serial_is_known():
    finding = only({"usbCameraName": "/dev/bus/usb/001/004", "usbSerialNumber": "SN9"}, "CAM402")
    assert "usbCameraVendorId" in finding.fix


def test_version_gate_names_inferred_gates():
    assert "assumed" in only({"cameraRotationAngle": 90}, "CAM301", "1.0.5").message
    unknown = only({"cameraRotationAngle": 90}, "CAM405", "1.5.0")
    assert "1.1.0" in unknown.message and "2.0.0" in unknown.message and "inferred" in unknown.message
    assert unknown.severity.value == "warning"
    documented = only({"internalCameraName": "0"}, "CAM301", "1.5.0")
    assert "assumed" not in documented.message and "cameraId" in documented.fix
    assert "*" in only({"cameraPushFlip": True}, "CAM502").message


def test_findings_follow_a_language_switch_after_they_were_made():
    finding = only({"cameraRotationAngle": "90"}, "CAM101")
    english = finding.message
    i18n.set_language("zh")
    assert finding.message != english and "cameraRotationAngle" in finding.message
    assert "整数" in finding.message  # the expected-type phrase is translated too


json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
json_values = st.recursive(json_scalars, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=4), c, max_size=3),
                           max_leaves=8)
key_names = st.sampled_from(CAMERA_KEY_ORDER) | st.text(max_size=24)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(key_names, json_values, max_size=8), st.none() | st.text(max_size=8))
def test_validate_never_raises_and_every_finding_renders(config, version):
    findings = validate(config, wmpf_version=version)
    for finding in findings:
        json.dumps(finding.to_json())
        for name in i18n.placeholders(finding.message_source) | i18n.placeholders(finding.fix_source):
            assert name in finding.values, (finding.code, name)  # every placeholder is filled


@settings(max_examples=100, deadline=None)
@given(json_values)
# The edges a random value seldom hits: the first camera, the first invalid id, a bool, a float.
@example(0)
@example(-1)
@example(True)
@example(1.0)
@example("0")
def test_validate_takes_any_value(value):
    """Any JSON value: not an object is CAM004 and nothing else; as cameraId it is an error exactly
    when WMPF cannot use it (not a whole number >= 0; 0 is the first camera); keys that are not
    texts are no camera keys and name no finding."""
    if not isinstance(value, dict):
        assert [f.code for f in validate(value)] == ["CAM004"]
    findings = validate({1: value, None: value, "cameraId": value})
    usable = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    errors = [f for f in findings if f.is_error]
    assert all(f.keys == ("cameraId",) for f in errors)
    assert bool(errors) is not usable, (value, [f.code for f in findings])
    assert all(isinstance(key, str) for f in findings for key in f.keys)


def test_control_characters_and_lone_surrogates_are_shown_escaped():
    findings = validate({"usbCameraName": "\ud800", "internalCameraName": "\x1b[31mred", "cameraId\x9b": 1})
    for finding in findings:
        text = finding.message + finding.fix
        assert "\x1b" not in text and "\ud800" not in text and "\x9b" not in text
        text.encode("utf-8")  # every finding can be printed
    assert "\\u001b" in next(f for f in findings if f.code == "CAM112" and "internalCameraName" in f.keys).message
    surrogate = next(f for f in findings if f.code == "CAM112" and "usbCameraName" in f.keys)
    assert "surrogate" in surrogate.message and "control" not in surrogate.message  # a surrogate is no control character


def test_padded_internal_name_gets_the_trimmed_id():
    assert only({"internalCameraName": " 1 "}, "CAM110").fix == 'Write "1".'


def test_integers_too_long_to_print_are_still_reported():
    from camtool.config.rules import validate_text
    findings = validate({"cameraRotationAngle": 10**5000, "usbCameraVendorId": -10**5000, "usbCameraProductId": 1,
                         "usbSerialNumber": "x"})
    assert {"CAM102", "CAM103"} <= {f.code for f in findings}
    assert "~10^5000" in only({"cameraRotationAngle": 10**5000}, "CAM102").message
    _, from_text = validate_text('{"cameraId": ' + "9" * 5000 + "}")
    assert [f.code for f in from_text] == ["CAM003"]
