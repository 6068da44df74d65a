"""`camtool apply` through the real adb server: the virtual device's two ends change; refusals say why."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from camtool.cli import main
from camtool.device.adb_io import AdbDeviceIO
from camtool.device.apply import apply_config
from camtool.virtual.device import VirtualDevice
from camtool.device.frame_stamp import read_stamp, stamp_mask

pytestmark = pytest.mark.timeout(120)

KIOSK_PACKAGE = "com.example.kiosk"
CAMERA = "/dev/bus/usb/001/004"


def screen(io: AdbDeviceIO, serial: str) -> np.ndarray:
    png = io.exec_out(serial, ["screencap", "-p"], timeout=20)
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image


def screen_at_generation(io, serial: str, generation: int, wait_until) -> np.ndarray:
    """The first screenshot whose stamp says the config of `generation` is live (no sleeping)."""
    shot: dict[str, np.ndarray] = {}

    def live() -> bool:
        image = screen(io, serial)
        stamp = read_stamp(image)
        if stamp is not None and stamp.config_generation >= generation:
            shot["image"] = image
            return True
        return False

    assert wait_until(live, timeout=20), f"{serial} never showed config generation {generation}"
    return shot["image"]


def picture_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference outside the stamp area (0..255)."""
    keep = ~stamp_mask(a.shape)
    return float(np.abs(a.astype(np.int16) - b.astype(np.int16))[keep].mean())


def write_config(tmp_path, data: dict):
    path = tmp_path / "config.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.fixture
def kiosk(adb_server):
    with VirtualDevice("kiosk-dual-usb").start(adb_server) as device:
        yield device


def test_apply_changes_what_both_ends_render(kiosk, adb_server, tmp_path, wait_until, capsys):
    io = AdbDeviceIO(port=adb_server.port)
    first = write_config(tmp_path, {"usbCameraName": CAMERA})
    assert main(["apply", first, "--serial", kiosk.serial, "--package", KIOSK_PACKAGE]) == 0
    assert "applied" in capsys.readouterr().out
    before = {serial: screen_at_generation(io, serial, 1, wait_until) for serial in (kiosk.serial, kiosk.wechat_serial)}
    again = {serial: screen_at_generation(io, serial, 1, wait_until) for serial in (kiosk.serial, kiosk.wechat_serial)}

    turned = write_config(tmp_path, {"usbCameraName": CAMERA, "usbCameraRotationAngle": 90})
    assert main(["apply", turned, "--serial", kiosk.serial, "--package", KIOSK_PACKAGE, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["applied"] is True and answer["result"] == 1 and answer["data"] == "applied"
    for serial in (kiosk.serial, kiosk.wechat_serial):
        after = screen_at_generation(io, serial, 2, wait_until)
        unchanged = picture_difference(before[serial], again[serial])
        changed = picture_difference(before[serial], after)
        # usbCameraRotationAngle turns both ends: each picture changes far more than two shots of one config.
        assert changed > 10 * max(unchanged, 0.5), (serial, changed, unchanged)


def test_no_receiver_names_the_package_and_the_debug_build(kiosk, tmp_path, capsys):
    config = write_config(tmp_path, {"usbCameraName": CAMERA})
    assert main(["apply", config, "--serial", kiosk.serial, "--package", "com.example.other"]) == 1
    out = capsys.readouterr().out
    assert "com.example.other" in out and "debug build" in out and "kotlin-receiver" in out
    assert kiosk.state.config_generation == 0


def test_config_with_errors_is_not_sent(kiosk, tmp_path, capsys):
    config = write_config(tmp_path, {"usbCameraName": "/dev/bus/usb/009/009"})   # no such device (CAM602)
    assert main(["apply", config, "--serial", kiosk.serial, "--package", KIOSK_PACKAGE]) == 1
    captured = capsys.readouterr()
    assert "CAM602" in captured.out and "Not sent" in captured.err
    assert kiosk.state.config_generation == 0


def test_receiver_refusal_is_reported(adb_server, tmp_path):
    io = AdbDeviceIO(port=adb_server.port)
    with VirtualDevice("tablet-a12").start(adb_server) as device:
        device.set_wmpf_installed(False)
        result = apply_config(io, device.serial, {"internalCameraName": "0"}, "com.example.doorbell")
    assert result.result_code == 2 and not result.applied
    assert "WMPF not installed" in result.message


def test_package_is_required_and_checked(kiosk, tmp_path, capsys):
    config = write_config(tmp_path, {"usbCameraName": CAMERA})
    assert main(["apply", config, "--serial", kiosk.serial]) == 2
    assert "--package" in capsys.readouterr().err
    assert main(["apply", config, "--serial", kiosk.serial, "--package", "x; reboot"]) == 2
    assert "not an Android package name" in capsys.readouterr().err
    assert kiosk.state.config_generation == 0
