"""Control characters: one rule (CAM112) for every string key, and device strings printed escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from camtool.cli import main
from camtool.resources import resources_dir
from camtool.virtual.device import VirtualDevice

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")   # anything but \t and \n raw in output
TRIPLE = {"usbCameraVendorId": 3141, "usbCameraProductId": 25446}


@pytest.mark.parametrize("key", ["usbSerialNumber", "internalCameraName", "usbCameraName"])
@pytest.mark.parametrize("evil", ["\x1b[2J", "\r\n", "\x07", "\x9b31m", "\n"])
def test_every_string_key_refuses_control_characters(tmp_path, capsys, key, evil):
    base = {"usbSerialNumber": "SN1", **TRIPLE} if key == "usbSerialNumber" else {}
    value = {"usbSerialNumber": "SN", "internalCameraName": "0", "usbCameraName": "/dev/bus/usb/001/004"}[key]
    path = tmp_path / "c.json"
    path.write_text(json.dumps({**base, key: value + evil}), encoding="utf-8")
    assert main(["validate", str(path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["keys"] for f in findings if f["code"] == "CAM112"] == [[key]]
    assert main(["validate", str(path)]) == 1
    text = capsys.readouterr().out
    assert "CAM112" in text and not RAW_CONTROL.search(text)


def test_a_lone_surrogate_is_not_called_a_control_character(tmp_path, capsys):
    path = tmp_path / "c.json"
    path.write_text('{"internalCameraName": "0\\ud800"}', encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "CAM112" in out and "surrogate" in out and "control characters" not in out


def _evil_scenario(tmp_path: Path) -> Path:
    text = (resources_dir() / "scenarios" / "intercom-rk3588.toml").read_text(encoding="utf-8")
    text = text.replace('model = "IC-3588 Intercom"', 'model = "IC\\u001b[2J\\r\\nFAKE model"')
    text = text.replace('manufacturer = "Sonix Technology Co., Ltd."', 'manufacturer = "Sonix\\u001b]0;title\\u0007"')
    text = text.replace('serial = "SN20231108A2"', 'serial = "SN\\u001b[31mRED"')
    assert text.count("\\u001b") == 3
    path = tmp_path / "evil.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_device_strings_are_printed_escaped(adb_server, tmp_path, capsys):
    config = tmp_path / "c.json"
    config.write_text(json.dumps({**TRIPLE, "usbSerialNumber": "OTHER"}), encoding="utf-8")
    with VirtualDevice(_evil_scenario(tmp_path)).start(adb_server) as vd:
        assert main(["cameras", "--serial", vd.serial]) == 0
        cameras = capsys.readouterr().out
        assert main(["devices"]) == 0
        devices = capsys.readouterr().out
        main(["validate", str(config), "--serial", vd.serial])   # CAM604 names the device's serial
        findings = capsys.readouterr().out
    for text in (cameras, devices, findings):
        assert not RAW_CONTROL.search(text), repr(text)
        assert not any(line.startswith("FAKE") for line in text.splitlines())
    assert "\\u001b[31mRED" in cameras and "Sonix\\u001b]0;title\\u0007" in cameras
    assert "\\u001b[31mRED" in findings


def test_device_serials_from_adb_are_printed_escaped(monkeypatch, capsys):
    from camtool.device import adb_io
    from camtool.device.states import parse_devices_output

    listing = "EVIL\x1b[2Jserial\tdevice product:x model:Evil\x07Model device:x transport_id:1\n"
    monkeypatch.setattr(adb_io.AdbDeviceIO, "list_devices", lambda self: parse_devices_output(listing))
    assert main(["devices"]) == 0
    out = capsys.readouterr().out
    assert "EVIL\\u001b[2Jserial" in out and not RAW_CONTROL.search(out)
