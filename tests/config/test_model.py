"""The config model: strict types, WMPF key names, explicit selection, order-keeping export, schema."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from camtool import i18n
from camtool.config.keys import CAMERA_KEY_ORDER, Family
from camtool.config.model import (BuiltinById, BuiltinByName, CameraConfig, DefaultCamera, UsbByPath,
                                  UsbByTriple, camera_fields, field_info, schema_text)
from camtool.config.rules import validate
from camtool.resources import SCHEMA_FILE, resource

TRIPLE = {"usbCameraVendorId": 3034, "usbCameraProductId": 22136, "usbSerialNumber": "200901010001"}


@pytest.mark.parametrize("data", [
    {"cameraRotationAngle": True},
    {"cameraRotationAngle": "90"},
    {"cameraRotationAngle": 90.0},
    {"cameraRotationAngle": 45},
    {"usbCameraVendorId": "0bda"},
    {"usbCameraVendorId": 70000},
    {"cameraId": -1},
    {"cameraPushFlip": 1},
    {"internalCameraName": 0},
    {"internalCameraName": None},
    {"usbCameraName": "/dev/video0"},
    {"usbSerialNumber": ""},
])
def test_wrong_types_and_values_are_refused(data):
    with pytest.raises(ValidationError):
        CameraConfig.from_json_dict(data)


@pytest.mark.parametrize("data, message", [
    ({"cameraRotationAngle": 45}, "Value error, rotation must be one of (0, 90, 180, 270)"),
    ({"usbCameraRotationAngle": 1}, "Value error, rotation must be one of (0, 90, 180, 270)"),
    ({"usbSerialNumber": " "}, "Value error, must not be empty"),
    ({"internalCameraName": "\t"}, "Value error, must not be empty"),
])
def test_a_refused_value_says_what_is_allowed(data, message):
    with pytest.raises(ValidationError) as refused:
        CameraConfig.from_json_dict(data)
    assert refused.value.errors()[0]["msg"] == message


@pytest.mark.parametrize("data, selection, family", [
    ({}, DefaultCamera(), Family.BUILTIN),
    ({"internalCameraName": "1"}, BuiltinByName("1"), Family.BUILTIN),
    ({"cameraId": 0}, BuiltinById(0), Family.BUILTIN),
    ({"usbCameraName": "/dev/bus/usb/001/004"}, UsbByPath("/dev/bus/usb/001/004"), Family.USB),
    (TRIPLE, UsbByTriple(3034, 22136, "200901010001"), Family.USB),
    # a partial triple selects nothing: WMPF falls back to the built-in camera
    ({"usbCameraVendorId": 3034, "usbCameraProductId": 1}, DefaultCamera(), Family.BUILTIN),
    ({"usbCameraRotationAngle": 90}, DefaultCamera(), Family.BUILTIN),
])
def test_selection_and_family(data, selection, family):
    config = CameraConfig.from_json_dict(data)
    assert config.selection == selection
    assert config.family is family


def test_export_orders_camera_keys_first_and_keeps_other_keys_in_order():
    data = {"uiZoom": 1.5, "usbCameraPushFlip": False, "defaultRenderer": "skyline",
            "usbCameraName": "/dev/bus/usb/003/002", "camera_id": "not the field", "nested": {"b": 1, "a": [2]}}
    out = CameraConfig.from_json_dict(data).to_json_dict()
    assert list(out) == ["usbCameraName", "usbCameraPushFlip", "uiZoom", "defaultRenderer", "camera_id", "nested"]
    assert out == data


def test_changing_an_exported_config_leaves_the_model_as_it_was():
    config = CameraConfig.from_json_dict({"cameraId": 0, "nested": {"a": [1]}})
    exported = config.to_json_dict()
    exported["nested"]["a"].append(2)
    assert config.to_json_dict() == {"cameraId": 0, "nested": {"a": [1]}}


def test_json_schema_uses_wmpf_names_and_constraints():
    schema = CameraConfig.json_schema()
    props = schema["properties"]
    assert list(props) == list(CAMERA_KEY_ORDER)
    assert props["cameraRotationAngle"]["enum"] == [0, 90, 180, 270]
    assert props["usbCameraVendorId"]["maximum"] == 65535
    assert props["usbCameraName"]["pattern"].startswith("^/dev/bus/usb/")
    assert schema["additionalProperties"] is True
    assert all("default" not in p for p in props.values())


def test_camtool_schema_prints_the_shipped_schema_file():
    """`camtool schema` prints resources/camera-config.schema.json; the model must still generate it."""
    text = schema_text()
    assert text == resource(SCHEMA_FILE).read_text(encoding="utf-8")
    assert text.endswith("}\n")


def test_field_info_for_the_form_translates_when_read():
    info = field_info("usbCameraRotationAngle")
    assert info.family is Family.USB and info.choices == (0, 90, 180, 270)
    assert field_info("usbCameraVendorId").maximum == 65535
    english = info.title
    i18n.set_language("zh")
    assert info.title != english
    assert [f.key for f in camera_fields()] == list(CAMERA_KEY_ORDER)
    with pytest.raises(KeyError):
        field_info("uiZoom")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-70000, 70000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["0", "1", "back", "", " 0", "/dev/bus/usb/001/004", "/dev/bus/usb/002/007",
                       "/dev/video0", "/dev/bus/usb/1/4", "SN1", "0bda"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6)
configs = st.dictionaries(st.sampled_from(CAMERA_KEY_ORDER + ("uiZoom", "CameraRotationAngle")), json_values, max_size=6)


@settings(max_examples=300, deadline=None)
@given(configs)
def test_every_config_without_error_findings_builds_the_model(data):
    findings = validate(data)
    if not any(f.is_error for f in findings):
        model = CameraConfig.from_json_dict(data)
        assert model.to_json_dict() == data
