"""Machine-readable output never changes with the language: only message-like texts may differ."""

from __future__ import annotations

import json

import pytest

from camtool.cli import main

TEXT_FIELDS = {"message", "fix", "state_words", "action", "notes"}


def _run(capsysbinary, *argv: str) -> tuple[int, bytes]:
    code = main(list(argv))
    return code, capsysbinary.readouterr().out


def _strip_texts(value):
    if isinstance(value, dict):
        return {k: _strip_texts(v) for k, v in value.items() if k not in TEXT_FIELDS}
    if isinstance(value, list):
        return [_strip_texts(v) for v in value]
    return value


@pytest.mark.parametrize("to", ["json", "line", "kotlin", "java", "kotlin-receiver"])
def test_exports_are_byte_identical_in_both_languages(tmp_path, capsysbinary, to):
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"usbCameraName": "/dev/bus/usb/001/004", "usbCameraRotationAngle": 90,
                                  "uiZoom": 1.5, "defaultRenderer": "skyline"}), encoding="utf-8")
    en = _run(capsysbinary, "--lang", "en", "export", str(config), "--to", to)
    zh = _run(capsysbinary, "--lang", "zh", "export", str(config), "--to", to)
    assert en[0] == zh[0] == 0
    assert en[1] == zh[1] and en[1]


def test_cameras_and_devices_json_differ_only_in_texts(virtual_device, capsysbinary):
    for command in (["cameras", "--serial", virtual_device.serial, "--json"], ["devices", "--json"]):
        en_code, en = _run(capsysbinary, "--lang", "en", *command)
        zh_code, zh = _run(capsysbinary, "--lang", "zh", *command)
        assert en_code == zh_code == 0
        assert _strip_texts(json.loads(en)) == _strip_texts(json.loads(zh))


def test_validate_exit_codes_and_codes_do_not_change_with_the_language(tmp_path, capsysbinary):
    config = tmp_path / "c.json"
    config.write_text('{"internalCameraName": "back", "usbCameraRotationAngle": 90, "CameraRotationAngle": 90}',
                      encoding="utf-8")
    en_code, en = _run(capsysbinary, "--lang", "en", "validate", str(config), "--format", "json")
    zh_code, zh = _run(capsysbinary, "--lang", "zh", "validate", str(config), "--format", "json")
    assert en_code == zh_code == 1
    assert _strip_texts(json.loads(en)) == _strip_texts(json.loads(zh))
    assert json.loads(en)["findings"][0]["message"] != json.loads(zh)["findings"][0]["message"]
