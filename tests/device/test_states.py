"""Device states read from recorded `adb devices -l` text, incl. states adb over TCP cannot produce."""

from __future__ import annotations

from camtool.device.adb_io import raise_for_state
from camtool.device.errors import DeviceNoPermissions, DeviceOffline, DeviceUnauthorized
from camtool.device.states import DeviceState, parse_devices_output

import pytest

RECORDED = """List of devices attached
0123456789ABCDEF       device usb:1-1 product:rk3588_t model:Intercom_X9 device:rk3588 transport_id:3
emulator-5554          offline transport_id:4
R58M123ABC             unauthorized usb:1-2 transport_id:5
ZY22ABCDEF             no permissions (missing udev rules? user is in the plugdev group); see [http://developer.android.com/tools/device.html] usb:1-3 transport_id:6
127.0.0.1:40001        device product:tablet model:Virtual_Tablet device:vtab transport_id:7
weird                  sideways transport_id:8

"""


def test_recorded_states_are_read_in_words():
    entries = {e.serial: e for e in parse_devices_output(RECORDED)}
    assert entries["0123456789ABCDEF"].state is DeviceState.READY
    assert entries["0123456789ABCDEF"].model == "Intercom X9"
    assert entries["emulator-5554"].state is DeviceState.OFFLINE
    assert entries["R58M123ABC"].state is DeviceState.UNAUTHORIZED
    assert entries["ZY22ABCDEF"].state is DeviceState.NO_PERMISSIONS
    # the state with spaces must not swallow the tags that follow it
    assert entries["ZY22ABCDEF"].tags["transport_id"] == "6"
    assert entries["127.0.0.1:40001"].is_network
    assert entries["weird"].state is DeviceState.UNKNOWN


def test_each_state_tells_what_to_do():
    entries = {e.serial: e for e in parse_devices_output(RECORDED)}
    assert "USB debugging prompt" in entries["R58M123ABC"].state.action
    assert "udev" in entries["ZY22ABCDEF"].state.action
    data = entries["R58M123ABC"].to_json()
    assert data["state"] == "unauthorized" and data["action"]


@pytest.mark.parametrize("serial,error", [
    ("R58M123ABC", DeviceUnauthorized), ("ZY22ABCDEF", DeviceNoPermissions), ("emulator-5554", DeviceOffline)])
def test_unusable_states_raise_the_error_with_the_action(serial, error):
    entry = {e.serial: e for e in parse_devices_output(RECORDED)}[serial]
    with pytest.raises(error) as info:
        raise_for_state(entry)
    assert serial in str(info.value)


def test_garbage_never_raises():
    assert parse_devices_output("* daemon started successfully *\n") == []
    for text in ("", "List of devices attached\n", "a\n", "\t\t\n", "x y z w"):
        parse_devices_output(text)
