"""Device-aware validation over adb (`validate_on_device`, the hook behind `validate --serial` and `apply`)."""

from __future__ import annotations

import json

import pytest

from camtool.device.adb_io import AdbDeviceIO
from camtool.device.apply import validate_on_device
from camtool.virtual.device import VirtualDevice

pytestmark = pytest.mark.timeout(120)


def config_file(tmp_path, data: dict) -> str:
    path = tmp_path / "config.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def codes(result) -> set[str]:
    return {f.code for f in result.findings}


def test_installed_wmpf_replaces_the_given_version(adb_server, tmp_path):
    io = AdbDeviceIO(port=adb_server.port)
    path = config_file(tmp_path, {"internalCameraName": "0"})       # needs WMPF 2.0.0
    with VirtualDevice("learning-a7").start(adb_server) as device:
        result = validate_on_device(path, io, device.serial, wmpf_version="2.1.0")
    assert result.wmpf_version == "1.1.2"
    assert not result.ok
    assert any("1.1.2" in f.message for f in result.findings if f.is_error)


def test_missing_builtin_id_and_unused_usb_camera(adb_server, tmp_path):
    io = AdbDeviceIO(port=adb_server.port)
    path = config_file(tmp_path, {"internalCameraName": "0"})
    with VirtualDevice("intercom-rk3588").start(adb_server) as device:
        result = validate_on_device(path, io, device.serial)
    assert {"CAM601", "CAM608"} <= codes(result)
    assert not result.ok


def test_good_config_for_the_device_is_ok(adb_server, tmp_path):
    io = AdbDeviceIO(port=adb_server.port)
    path = config_file(tmp_path, {"usbCameraVendorId": 3034, "usbCameraProductId": 22880,
                                  "usbSerialNumber": "200901010002"})
    with VirtualDevice("kiosk-dual-usb").start(adb_server) as device:
        result = validate_on_device(path, io, device.serial)
    assert result.ok, [f.code for f in result.findings]


def test_unreadable_config_is_findings_not_an_exception(adb_server, tmp_path, virtual_device):
    io = AdbDeviceIO(port=adb_server.port)
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    result = validate_on_device(str(path), io, virtual_device.serial)
    assert result.config is None and not result.ok and result.findings


def test_validate_cli_with_serial_adds_the_device_findings(adb_server, tmp_path, capsys):
    from camtool.cli import main

    path = config_file(tmp_path, {"internalCameraName": "0"})
    with VirtualDevice("intercom-rk3588").start(adb_server) as device:
        code = main(["validate", path, "--serial", device.serial, "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and not out["valid"]
    assert {"CAM601", "CAM608"} <= {f["code"] for f in out["findings"]}


def test_validate_cli_with_an_unknown_serial_exits_3(adb_server, tmp_path, capsys):
    from camtool.cli import main

    path = config_file(tmp_path, {"internalCameraName": "0"})
    assert main(["validate", path, "--serial", "no-such-device"]) == 3
    assert "no-such-device" in capsys.readouterr().err
