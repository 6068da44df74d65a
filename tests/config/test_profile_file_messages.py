"""What a technician reads about a hand-edited profile file: each field problem word for word."""

from __future__ import annotations

import json

import pytest

from camtool.config.profile_file import read_profile_file

FIX = ("Correct the field; a profile has schema, sku, description, description_zh_CN, extends, device, "
       "apply_package, config and verifications.")
BASE = {"schema": 1, "sku": "door", "description": ""}
SKU_RULE = "a SKU is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"
PACKAGE_RULE = "an Android package name looks like com.example.app (letters, digits, '_', dot-separated)"


@pytest.mark.parametrize("fields, field, problem", [
    ({"schema": True}, "schema", "must be a whole number"),
    ({"schema": 1.5}, "schema", "must be a whole number"),
    ({"schema": 0}, "schema", "must be 1 or more"),
    ({"sku": None}, "sku", "is missing"),
    ({"colour": "red"}, "colour", "is not a profile field (a typo?)"),
    ({"description": 5}, "description", "must be text in double quotes"),
    ({"extends": 5}, "extends", "must be text in double quotes"),
    ({"config": []}, "config", "must be a JSON object (in braces)"),
    ({"device": []}, "device", "must be a JSON object (in braces)"),
    ({"verifications": {}}, "verifications", "must be a JSON list (in square brackets)"),
    ({"verifications": [{}, 1]}, "verifications.1", "must be a JSON object (in braces)"),
    ({"sku": "../x"}, "sku", f"is not valid: {SKU_RULE}"),
    ({"extends": "a/b"}, "extends", f"is not valid: {SKU_RULE}"),
    ({"apply_package": "x"}, "apply_package", f"is not valid: {PACKAGE_RULE}"),
    ({"apply_package": "a." + "b" * 254}, "apply_package", f"is not valid: {PACKAGE_RULE}"),  # 256 characters
    ({"device": {"model": "L7", "camera_module": 5}}, "device",
     "is not valid: device notes such as model and camera_module are text"),
])
def test_a_field_problem_names_the_field_and_what_it_must_be(tmp_path, fields, field, problem):
    path = tmp_path / "door.json"
    data = {key: value for key, value in {**BASE, **fields}.items() if value is not None}
    path.write_text(json.dumps(data), encoding="utf-8")
    profile, findings = read_profile_file(path)
    assert profile is None
    assert [(f.code, f.keys, f.message, f.fix) for f in findings] == [
        ("CAM851", (field,), f'{path}: the field "{field}" {problem}.', FIX)]


def test_a_newer_format_asks_for_a_newer_camtool(tmp_path):
    path = tmp_path / "door.json"
    path.write_text(json.dumps({**BASE, "schema": 3, "anything": "new"}), encoding="utf-8")
    profile, findings = read_profile_file(path)
    assert profile is None
    assert [(f.code, f.keys, f.message, f.fix) for f in findings] == [
        ("CAM852", (), f"{path} is a profile of format 3; this camtool reads format 2.", "Update camtool to open this profile.")]


def test_a_sku_other_than_the_file_name_is_a_finding_on_a_usable_profile(tmp_path):
    path = tmp_path / "door.json"
    path.write_text(json.dumps({**BASE, "sku": "gate", "apply_package": "a." + "b" * 253}), encoding="utf-8")
    profile, findings = read_profile_file(path)
    assert profile.sku == "gate" and len(profile.apply_package) == 255
    assert [(f.code, f.keys, f.message, f.fix) for f in findings] == [
        ("CAM853", (), f"{path} says its sku is gate, but the file is named door.json.",
         'Make the two the same: rename the file to gate.json or set "sku" to door.')]


def test_a_file_that_is_no_json_object_keeps_the_readers_finding(tmp_path):
    path = tmp_path / "door.json"
    path.write_text("[]", encoding="utf-8")
    profile, findings = read_profile_file(path)
    assert profile is None and [(f.code, f.message) for f in findings] == [
        ("CAM004", f"{path} holds […], but a config is one JSON object in braces.")]
    path.write_text('{"schema": 1, "sku": "door", "description": "", "sku": "door"}', encoding="utf-8")
    profile, findings = read_profile_file(path)
    assert profile.sku == "door" and [f.code for f in findings] == ["CAM005"]  # a repeated key, still usable
