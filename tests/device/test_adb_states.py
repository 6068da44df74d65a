"""Every device state a technician meets, through the real adb server and the virtual device's faults."""

from __future__ import annotations

import pytest

from camtool.cli import main
from camtool.device.adb_io import AdbDeviceIO
from camtool.device.adb_server import free_port
from camtool.device.errors import (
    AdbUnavailable,
    DeviceNotFound,
    DeviceOffline,
    DeviceTimeout,
    DeviceUnauthorized,
)
from camtool.device.inventory_fetch import fetch_inventory
from camtool.device.states import DeviceState
from camtool.virtual.device import VirtualDevice

pytestmark = pytest.mark.timeout(120)


def state_of(io: AdbDeviceIO, serial: str) -> DeviceState | None:
    for entry in io.list_devices():
        if entry.serial == serial:
            return entry.state
    return None


@pytest.fixture
def io(adb_server):
    return AdbDeviceIO(port=adb_server.port)


def test_ready_device_gives_its_inventory(io, virtual_device):
    assert state_of(io, virtual_device.serial) is DeviceState.READY
    fetched = fetch_inventory(io, virtual_device.serial)
    assert fetched.notes == []
    assert fetched.inventory.device.model == virtual_device.scenario.device.model


def test_unauthorized_device_says_accept_the_prompt(io, adb_server, wait_until, capsys):
    device = VirtualDevice()
    device.faults.unauthorized = True
    device.start(adb_server)
    try:
        assert wait_until(lambda: state_of(io, device.serial) is DeviceState.UNAUTHORIZED, timeout=15)
        with pytest.raises(DeviceUnauthorized) as caught:
            fetch_inventory(io, device.serial)
        assert "USB debugging prompt" in caught.value.describe()
        assert main(["cameras", "--serial", device.serial]) == 3
        assert "USB debugging prompt" in capsys.readouterr().err
    finally:
        device.stop()


def test_offline_device_is_reported_offline_and_comes_back(io, virtual_device, wait_until):
    virtual_device.set_fault("offline")
    assert wait_until(lambda: state_of(io, virtual_device.serial) is DeviceState.OFFLINE, timeout=15)
    with pytest.raises(DeviceOffline) as caught:
        fetch_inventory(io, virtual_device.serial)
    assert "offline" in caught.value.describe()
    virtual_device.clear_faults()
    assert wait_until(lambda: state_of(io, virtual_device.serial) is DeviceState.READY, timeout=20)
    assert fetch_inventory(io, virtual_device.serial).inventory.device.sdk == virtual_device.scenario.device.sdk


def test_no_such_serial(io, adb_server, capsys):
    with pytest.raises(DeviceNotFound) as caught:
        fetch_inventory(io, "no-such-serial")
    assert "no-such-serial" in caught.value.describe()
    assert main(["cameras", "--serial", "no-such-serial", "--json"]) == 3
    err = capsys.readouterr().err
    assert "camtool devices" in err and "Traceback" not in err


def test_no_device_at_all_exits_3_with_what_to_do(adb_server, capsys):
    assert main(["cameras"]) == 3
    assert "camtool virtual start" in capsys.readouterr().err


def test_adb_missing_names_the_variable(monkeypatch, capsys):
    monkeypatch.setenv("ADBUTILS_ADB_PATH", "/nonexistent/camtool-test/adb")
    # A port where no server runs, so camtool has to start one with the missing adb.
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(free_port()))
    with pytest.raises(AdbUnavailable) as caught:
        AdbDeviceIO().list_devices()
    assert "ADBUTILS_ADB_PATH" in caught.value.describe()
    assert main(["devices"]) == 3
    assert "ADBUTILS_ADB_PATH" in capsys.readouterr().err


def test_slow_device_times_out_instead_of_hanging(io, virtual_device):
    virtual_device.faults.latency_ms = 3000
    try:
        with pytest.raises(DeviceTimeout) as caught:
            fetch_inventory(io, virtual_device.serial, timeout=0.5)
        assert "did not answer in time" in caught.value.describe()
    finally:
        virtual_device.clear_faults()


def test_truncated_output_is_no_inventory(io, virtual_device):
    """Half an answer reported as fact was the bug: an inventory with model null and no cameras."""
    from camtool.device.errors import DeviceAnswerCut

    virtual_device.faults.truncate_bytes = 300
    try:
        with pytest.raises(DeviceAnswerCut) as caught:
            fetch_inventory(io, virtual_device.serial)
    finally:
        virtual_device.clear_faults()
    assert caught.value.exit_code == 3 and "was cut off" in caught.value.describe()
    assert fetch_inventory(io, virtual_device.serial).inventory.device.model   # whole again once the fault is gone


def test_device_gone_mid_stream_is_a_state_and_capture_recovers(io, virtual_device, wait_until):
    from camtool.device.capture import ScreenrecordSource, SourceState

    states: list[SourceState] = []
    source = ScreenrecordSource(io, virtual_device.serial, size=(640, 360),
                                on_state=lambda state, detail: states.append(state))
    with source:
        assert wait_until(lambda: source.frames_delivered > 0, timeout=30)
        virtual_device.drop_connection()
        assert wait_until(lambda: SourceState.LOST in states, timeout=15)
        delivered = source.frames_delivered
        assert wait_until(lambda: source.frames_delivered > delivered + 3, timeout=30)
    assert states[-1] is SourceState.STOPPED
    assert states.index(SourceState.LOST) < len(states) - 2   # streaming again after the loss


def test_a_home_adb_cannot_write_to_says_to_fix_home_not_to_reinstall(monkeypatch, tmp_path, capsys):
    """adb will not start without ~/.android; the old advice ("reinstall camtool") sent people the wrong way."""
    from camtool.device.adb_server import AdbServer, AdbServerError
    from camtool.device.errors import AdbFolderUnwritable

    missing_home = tmp_path / "no-such-home"
    monkeypatch.setenv("HOME", str(missing_home))
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(free_port()))
    with pytest.raises(AdbFolderUnwritable) as caught:
        AdbDeviceIO().list_devices()
    said = caught.value.describe()
    assert str(missing_home / ".android") in said and "HOME" in said and "Reinstall" not in said
    with pytest.raises(AdbServerError) as server_caught:
        AdbServer(port=free_port())                 # the virtual device's and the bench's own server
    assert isinstance(server_caught.value.failure, AdbFolderUnwritable)
    assert main(["devices"]) == 3
    assert "HOME" in capsys.readouterr().err
