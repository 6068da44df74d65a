"""The verify workflow: screencap both ends, judge, apply, wait for the new config generation, re-check.

Through the real adb server and the virtual device (screencap frames, small screens), plus a
fake device without the frame stamp for the settle path of real devices.
"""

from __future__ import annotations

import json
import tomllib

import cv2
import numpy as np
import pytest

from camtool.config.semantics import Turn
from camtool.device.adb_io import AdbDeviceIO, ShellResult
from camtool.device.inventory_fetch import fetch_inventory
from camtool.resources import resource
from camtool.virtual.device import VirtualDevice
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.screens import end_screen
from camtool.vision.verify_run import CaptureError, capture_screen, decode_image, run_verify

SMALL = {"device": {"width": 480, "height": 270}, "phone": {"width": 270, "height": 480}}


def small_scenario(tmp_path, name: str):
    """A shipped scenario with small screens (screencap frames stay cheap), as a tmp JSON file."""
    data = tomllib.loads(resource("scenarios", f"{name}.toml").read_text(encoding="utf-8"))
    data["device"]["screen"] = SMALL["device"]
    data.setdefault("wechat_phone", {})["screen"] = SMALL["phone"]
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def start_device(adb_server, tmp_path):
    started = []

    def start(name: str) -> VirtualDevice:
        device = VirtualDevice(small_scenario(tmp_path, name)).start(adb_server)
        started.append(device)
        return device

    yield start
    for device in started:
        device.stop()


def _io(adb_server) -> AdbDeviceIO:
    return AdbDeviceIO(port=adb_server.port)


def test_screencap_gives_the_screen_of_each_end(start_device, adb_server):
    vd = start_device("tablet-a12")
    io = _io(adb_server)
    device, phone = capture_screen(io, vd.serial), capture_screen(io, vd.wechat_serial)
    assert device.shape[:2] == (270, 480) and phone.shape[:2] == (480, 270)


def test_without_apply_the_device_is_only_looked_at(start_device, adb_server):
    vd = start_device("doorbell-ccw-vmirror")
    io = _io(adb_server)
    run = run_verify(io, vd.serial, {}, wechat_serial=vd.wechat_serial)
    assert len(run.rounds) == 1 and not run.passed
    assert run.verdict.recommended["cameraRotationAngle"] == 270   # the clockwise guess
    assert vd.state.config_generation == 0


def test_counter_clockwise_device_is_corrected_in_the_next_round(start_device, adb_server):
    vd = start_device("doorbell-ccw-vmirror")
    io = _io(adb_server)
    inventory = fetch_inventory(io, vd.serial).inventory
    run = run_verify(io, vd.serial, {}, wechat_serial=vd.wechat_serial, apply=True,
                     package="com.example.doorbell", inventory=inventory)
    configs = [r.config for r in run.rounds]
    assert configs == [{}, {"cameraRotationAngle": 270, "cameraPushFlip": False},
                       {"cameraRotationAngle": 90, "cameraPushFlip": False}]
    # After the first apply the push came out upside down: the direction assumption was wrong.
    assert run.rounds[1].verdict.wechat.rotation == 180
    assert "rotation_direction" in [e.code for e in run.rounds[1].verdict.explanations]
    assert run.verdict.wechat.upright and not run.verdict.wechat.mirrored
    assert run.verdict.device.rotation == 90   # built-in preview: no key turns it, and it says so
    assert {"preview_fixed", "nothing_more"} <= {e.code for e in run.explanations}
    assert vd.state.config_generation == 2 and vd.state.snapshot().config == configs[-1]
    data = run.to_json()
    assert [r["apply"]["applied"] if r["apply"] else None for r in data["rounds"]] == [True, True, None]


def test_external_hal_camera_is_switched_to_usb_keys_and_passes(start_device, adb_server):
    vd = start_device("intercom-rk3588")
    io = _io(adb_server)
    inventory = fetch_inventory(io, vd.serial).inventory
    run = run_verify(io, vd.serial, {}, wechat_serial=vd.wechat_serial, apply=True,
                     package="com.example.doorbell", inventory=inventory)
    assert run.passed and len(run.rounds) == 2
    assert run.verdict.config["usbSerialNumber"] == "SN20231108A2"
    assert run.verdict.config["usbCameraRotationAngle"] == 270


def test_a_package_without_receiver_stops_with_the_device_layer_message(start_device, adb_server):
    vd = start_device("doorbell-ccw-vmirror")
    run = run_verify(_io(adb_server), vd.serial, {}, wechat_serial=vd.wechat_serial, apply=True,
                     package="com.example.nobody")
    assert len(run.rounds) == 1 and run.rounds[0].applied is not None and not run.rounds[0].applied.applied
    failed = [e for e in run.explanations if e.code == "apply_failed"]
    assert failed and "com.example.nobody" in failed[0].message
    assert vd.state.config_generation == 0


def test_apply_needs_a_package():
    with pytest.raises(ValueError, match="--package"):
        run_verify(object(), "S", {}, apply=True)


class _UnstampedDevice:
    """A device without the frame stamp (a real one): its push follows the applied rotation."""

    def __init__(self, mounting: Turn):
        self.mounting = mounting
        self.config: dict = {}
        self.captures = 0

    def exec_out(self, serial, command, timeout=10.0):
        from camtool.config.semantics import ends_for

        self.captures += 1
        effect = ends_for(self.config)
        turn = effect.device_end if serial == "dev" else effect.wechat_end
        picture = end_screen(picture_of_mounted_camera(self.mounting), turn, (480, 270) if serial == "dev" else (270, 480))
        return cv2.imencode(".png", picture)[1].tobytes()

    def shell(self, serial, command, timeout=10.0):
        from camtool.config.apply_contract import decode_config

        self.config = decode_config(command[-1])
        return ShellResult(b'Broadcast completed: result=1, data="applied"\n', b"", 0)


def test_a_device_without_stamp_is_given_time_and_must_show_the_same_twice():
    device = _UnstampedDevice(Turn(270))
    waits = []
    run = run_verify(device, "dev", {}, wechat_serial="phone", apply=True, package="com.example.door",
                     sleep=waits.append)
    assert run.rounds[-1].verdict.wechat.upright
    assert run.verdict.config == {"cameraRotationAngle": 90, "cameraPushFlip": False}
    assert waits and waits[0] >= 1.0        # the relaunch settle time came first
    assert device.captures >= 2 + 4         # before, then two agreeing pairs


def test_garbage_instead_of_a_png_is_a_capture_error_with_the_device_text():
    with pytest.raises(CaptureError, match="permission denied"):
        decode_image(b"screencap: permission denied", "screencap on X")
    with pytest.raises(CaptureError):
        decode_image(b"", "screencap on X")
    tiny = cv2.imencode(".png", np.zeros((4, 4, 3), np.uint8))[1].tobytes()
    with pytest.raises(CaptureError):
        decode_image(tiny, "x.png")


class _StubbornDevice(_UnstampedDevice):
    """Answers "applied" but keeps showing the same pictures: the run must stop by itself."""

    def exec_out(self, serial, command, timeout=10.0):
        applied, self.config = self.config, {}
        try:
            return super().exec_out(serial, command, timeout)
        finally:
            self.config = applied


def test_a_device_that_never_changes_gets_at_most_three_applies():
    device = _StubbornDevice(Turn(90))
    run = run_verify(device, "dev", {}, wechat_serial="phone", apply=True, package="com.example.door",
                     sleep=lambda seconds: None)
    applies = [r for r in run.rounds if r.applied is not None]
    assert 1 <= len(applies) <= 3 and not run.passed
    assert {e.code for e in run.notes} & {"nothing_more", "rounds_used"}
    # Keys that change nothing are called so (not "inconsistent"), and not sent again.
    codes = {e.code for e in run.explanations}
    assert "no_effect" in codes and "inconsistent" not in codes
    assert len(applies) == 1
