"""Which device a command uses, from recorded `adb devices -l` text (states adb over TCP cannot produce)."""

from __future__ import annotations

import pytest

from camtool.cli.device_commands import _UsageProblem, choose_serial
from camtool.device.errors import DeviceNoPermissions, DeviceNotFound, DeviceUnauthorized, NoDevice
from camtool.device.states import parse_devices_output

RECORDED = """List of devices attached
ZY22ABCDEF             no permissions (missing udev rules? user is in the plugdev group); see [http://developer.android.com/tools/device.html] usb:1-3 transport_id:6
R58M123ABC             unauthorized usb:1-4 transport_id:7
7c3a9e1f               device usb:1-2 product:rk3588 model:IC_3588 device:rk3588_s transport_id:3
"""


class RecordedIO:
    def __init__(self, text: str) -> None:
        self.text = text

    def list_devices(self):
        return parse_devices_output(self.text)


def test_no_permissions_says_add_a_udev_rule():
    with pytest.raises(DeviceNoPermissions) as caught:
        choose_serial(RecordedIO(RECORDED), "ZY22ABCDEF")
    assert "udev" in caught.value.describe() and caught.value.exit_code == 3


def test_unauthorized_is_refused_by_serial():
    with pytest.raises(DeviceUnauthorized):
        choose_serial(RecordedIO(RECORDED), "R58M123ABC")


def test_without_serial_the_only_ready_device_is_used():
    assert choose_serial(RecordedIO(RECORDED), None) == "7c3a9e1f"


def test_without_serial_and_only_unusable_devices_says_why():
    with pytest.raises(DeviceNoPermissions):
        choose_serial(RecordedIO(RECORDED.splitlines()[0] + "\n" + RECORDED.splitlines()[1]), None)


def test_no_device_and_unknown_serial():
    with pytest.raises(NoDevice):
        choose_serial(RecordedIO("List of devices attached\n"), None)
    with pytest.raises(DeviceNotFound):
        choose_serial(RecordedIO(RECORDED), "nope")


def test_two_ready_devices_need_a_serial():
    two = RECORDED + "emulator-5554          device product:sdk model:x device:y transport_id:9\n"
    with pytest.raises(_UsageProblem) as caught:
        choose_serial(RecordedIO(two), None)
    assert "--serial" in str(caught.value) and "emulator-5554" in str(caught.value)
