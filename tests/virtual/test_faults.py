"""Every fault of the virtual device, as a client sees it through the real adb server."""

from __future__ import annotations

import re
import subprocess

import adbutils
import pytest

from camtool.virtual.device import VirtualDevice
from camtool.virtual.faults import FaultSpecError, parse_faults

pytestmark = pytest.mark.adb


def adb(server, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([str(server.adb), "-P", str(server.port), *args], env=server.env,
                          capture_output=True, timeout=timeout)


def record(server, serial: str, how: str = "exec-out", seconds: int = 10) -> subprocess.CompletedProcess:
    return adb(server, "-s", serial, how, f"screenrecord --output-format=h264 --time-limit {seconds} -")


def frames_in(data: bytes) -> int:
    """Frames in an H.264 Annex-B byte string (a broken tail is fine)."""
    import av

    codec = av.CodecContext.create("h264", "r")
    count = 0
    for packet in codec.parse(data):
        try:
            count += len(codec.decode(packet))
        except av.error.InvalidDataError:
            break
    return count


def test_drop_mid_stream_ends_a_v2_shell_with_255_and_adb_reconnects(adb_server, virtual_device, wait_until):
    virtual_device.faults.drop_after_bytes = 30_000
    done = record(adb_server, virtual_device.serial, how="shell")
    assert done.returncode == 255  # adb's answer for a shell whose device went away
    assert 0 < len(done.stdout) and frames_in(done.stdout) < 10 * 30
    virtual_device.faults.drop_after_bytes = None
    assert wait_until(lambda: adb_server.state(virtual_device.serial) == "device", timeout=15)
    assert adb_server.client().device(virtual_device.serial).shell("echo back") == "back"


def test_drop_mid_stream_cuts_exec_out_which_still_exits_0(adb_server, virtual_device, wait_until):
    virtual_device.faults.drop_after_bytes = 30_000
    done = record(adb_server, virtual_device.serial)
    assert done.returncode == 0 and 0 < len(done.stdout)
    assert frames_in(done.stdout) < 10 * 30
    virtual_device.faults.drop_after_bytes = None
    assert wait_until(lambda: adb_server.state(virtual_device.serial) == "device", timeout=15)


def test_drop_connection_now_is_survived_by_the_next_command(adb_server, virtual_device, wait_until):
    virtual_device.drop_connection()
    assert wait_until(lambda: adb_server.state(virtual_device.serial) == "device", timeout=15)
    device = adb_server.client().device(virtual_device.serial)
    assert wait_until(lambda: device.shell2("true", v2=True, timeout=5).returncode == 0, timeout=15)


def test_silent_device_makes_commands_time_out_while_adb_still_lists_it(adb_server, virtual_device, wait_until):
    device = adb_server.client().device(virtual_device.serial)
    virtual_device.faults.silent = True
    with pytest.raises(adbutils.AdbTimeout):
        device.shell2("echo x", v2=True, timeout=1)
    assert adb_server.state(virtual_device.serial) == "device"
    virtual_device.faults.silent = False
    virtual_device.drop_connection()  # the hung link is useless; adb builds a new one
    assert wait_until(lambda: adb_server.state(virtual_device.serial) == "device", timeout=15)


@pytest.mark.slow
def test_a_silent_device_fails_adb_connect_and_stays_offline(adb_server):
    with VirtualDevice() as vd:
        vd.faults.silent = True
        try:
            assert adb_server.connect(vd.serial, timeout=30) is False  # adb waits 10 s, then gives up
            assert adb_server.state(vd.serial) == "offline"
        finally:
            adb_server.disconnect(vd.serial)


def test_offline_shows_offline_and_recovers_when_cleared(adb_server, virtual_device, wait_until):
    virtual_device.set_fault("offline")
    assert wait_until(lambda: adb_server.state(virtual_device.serial) == "offline", timeout=15)
    with pytest.raises(adbutils.AdbError, match="offline"):
        adb_server.client().device(virtual_device.serial).shell("echo x")
    done = adb(adb_server, "-s", virtual_device.serial, "shell", "echo x")
    assert done.returncode != 0 and b"offline" in done.stderr
    virtual_device.set_fault("offline", False)
    assert wait_until(lambda: adb_server.state(virtual_device.serial) == "device", timeout=15)


def test_unauthorized_shows_unauthorized_and_commands_are_refused(adb_server, virtual_device, wait_until):
    virtual_device.set_fault("unauthorized")
    assert wait_until(lambda: adb_server.state(virtual_device.serial) == "unauthorized", timeout=15)
    with pytest.raises(adbutils.AdbError, match="unauthorized"):
        adb_server.client().device(virtual_device.serial).shell("echo x")
    done = adb(adb_server, "-s", virtual_device.serial, "shell", "echo x")
    assert done.returncode != 0 and b"unauthorized" in done.stderr
    virtual_device.set_fault("unauthorized", False)
    assert wait_until(lambda: adb_server.state(virtual_device.serial) == "device", timeout=15)


def test_latency_makes_a_short_client_timeout_fire(adb_server, virtual_device):
    device = adb_server.client().device(virtual_device.serial)
    virtual_device.faults.latency_ms = 3000
    with pytest.raises(adbutils.AdbTimeout):
        device.shell2("echo late", v2=True, timeout=0.5)
    virtual_device.faults.latency_ms = 0
    assert device.shell2("echo prompt", v2=True, timeout=10).output == "prompt\n"


def test_truncate_cuts_the_output_and_its_exit_status(adb_server, virtual_device):
    """As on a real device: a cut answer has no exit status, so adb's own `adb shell` says 255."""
    full = adb(adb_server, "-s", virtual_device.serial, "shell", "dumpsys media.camera")
    assert full.returncode == 0 and len(full.stdout) > 100
    virtual_device.faults.truncate_bytes = 100
    try:
        cut = adb(adb_server, "-s", virtual_device.serial, "shell", "dumpsys media.camera")
        whole = adb(adb_server, "-s", virtual_device.serial, "shell", "echo short")
    finally:
        virtual_device.faults.truncate_bytes = None
    assert cut.stdout == full.stdout[:100] and cut.returncode == 255
    assert whole.stdout == b"short\n" and whole.returncode == 0   # nothing cut: the status is there


def _attached_usb_paths(dumpsys_usb: str) -> set[str]:
    """`name=` lines (host_manager's current devices); history sections use other field names."""
    return set(re.findall(r"^\s+name=(/dev/bus/usb/\d{3}/\d{3})$", dumpsys_usb, re.MULTILINE))


def test_unplug_and_replug_changes_the_usb_device_path(adb_server):
    with VirtualDevice("intercom-rk3588").start(adb_server) as vd:
        device = adb_server.client().device(vd.serial)
        usb = vd.scenario.usb_devices[0]
        before = f"/dev/bus/usb/{usb.bus:03d}/{usb.dev:03d}"
        assert before in _attached_usb_paths(device.shell("dumpsys usb"))
        vd.unplug_usb(0)
        assert before not in _attached_usb_paths(device.shell("dumpsys usb"))
        vd.replug_usb(0)
        after = _attached_usb_paths(device.shell("dumpsys usb"))
        assert before not in after
        assert any(path.startswith(f"/dev/bus/usb/{usb.bus:03d}/") for path in after)


def test_wmpf_not_installed_removes_its_version(adb_server, virtual_device):
    device = adb_server.client().device(virtual_device.serial)
    assert "versionName=" in device.shell("dumpsys package com.tencent.wmpf")
    virtual_device.set_wmpf_installed(False)
    assert "versionName=" not in device.shell("dumpsys package com.tencent.wmpf")


def test_fault_flags_of_the_cli_parse_into_faults_and_state_changes():
    spec = parse_faults(["silent", "latency=250", "truncate=10", "drop-after=5000", "unplug=1", "no-wmpf"])
    assert spec.faults.silent and spec.faults.latency_ms == 250 and spec.faults.truncate_bytes == 10
    assert spec.faults.drop_after_bytes == 5000 and spec.unplug_usb == [1] and spec.wmpf_installed is False


@pytest.mark.parametrize("bad", ["latency", "latency=fast", "silent=1", "explode"])
def test_a_bad_fault_flag_says_what_is_valid(bad):
    with pytest.raises(FaultSpecError) as info:
        parse_faults([bad])
    assert "latency=MS" in str(info.value) or "whole number" in str(info.value)
