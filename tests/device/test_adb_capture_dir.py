"""`camtool device capture`: a device's answers recorded (docs/architecture.md, Capture directories) and replayed as the same device."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from camtool.cli import main
from camtool.device.adb_io import AdbDeviceIO
from camtool.device.inventory import INVENTORY_COMMANDS
from camtool.device.inventory_fetch import fetch_inventory
from camtool.virtual.device import VirtualDevice
from camtool.device.frame_stamp import read_stamp

pytestmark = pytest.mark.timeout(120)


def without_serial(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["device"].pop("serial")
    return data


@pytest.mark.parametrize("scenario", ["kiosk-dual-usb", "legacy-a81", "intercom-a9"])
def test_capture_then_replay_gives_the_same_inventory(scenario, adb_server, tmp_path, capsys):
    io = AdbDeviceIO(port=adb_server.port)
    directory = tmp_path / "capture"
    with VirtualDevice(scenario).start(adb_server) as device:
        assert main(["device", "capture", "--serial", device.serial, str(directory)]) == 0
        original = fetch_inventory(io, device.serial).to_json()
    assert "--replay" in capsys.readouterr().out

    index = json.loads((directory / "capture.json").read_text(encoding="utf-8"))
    assert index["version"] == 1
    assert set(index["device"]) == {"serial", "model", "android", "sdk"}
    commands = [entry["command"] for entry in index["commands"]]
    assert commands == list(INVENTORY_COMMANDS.values()) + ["screencap -p"]
    png = directory / index["commands"][-1]["stdout"]
    image = cv2.imdecode(np.frombuffer(png.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert image is not None and read_stamp(image) is not None   # raw PNG bytes, not PTY-mangled

    # Replayed by a virtual device of another scenario, the answers make the recorded device again.
    with VirtualDevice("tablet-a12", replay_dir=directory).start(adb_server) as replayed:
        again = fetch_inventory(io, replayed.serial).to_json()
    assert without_serial(again) == without_serial(original)


def test_capture_into_an_unwritable_place_says_so(virtual_device, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert main(["device", "capture", "--serial", virtual_device.serial, str(blocker / "sub")]) == 1
    err = capsys.readouterr().err
    assert str(blocker) in err and "Traceback" not in err


def test_device_without_subcommand_is_a_usage_error(capsys):
    assert main(["device"]) == 2
