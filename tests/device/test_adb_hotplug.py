"""The hotplug watcher over the real adb server: the virtual device comes and goes; a server restart is survived."""

from __future__ import annotations

import threading

import pytest

from camtool.device.adb_server import AdbServer
from camtool.device.hotplug import DeviceListChange, HotplugWatcher
from camtool.device.states import DeviceState
from camtool.virtual.device import VirtualDevice

pytestmark = pytest.mark.timeout(120)


class Changes:
    def __init__(self) -> None:
        self.seen: list[DeviceListChange] = []
        self._lock = threading.Lock()

    def __call__(self, change: DeviceListChange) -> None:
        with self._lock:
            self.seen.append(change)

    def latest(self) -> DeviceListChange | None:
        with self._lock:
            return self.seen[-1] if self.seen else None

    def shows(self, serial: str, state: DeviceState | None) -> bool:
        """True when the newest list has `serial` in `state` (None: not listed at all)."""
        change = self.latest()
        if change is None or not change.server_up:
            return False
        states = {entry.serial: entry.state for entry in change.devices}
        return states.get(serial) is state


def test_watcher_sees_the_virtual_device_come_and_go(adb_server, wait_until):
    changes = Changes()
    with HotplugWatcher("127.0.0.1", adb_server.port, changes):
        device = VirtualDevice().start(adb_server)
        serial = device.serial
        try:
            assert wait_until(lambda: changes.shows(serial, DeviceState.READY), timeout=15)
        finally:
            device.stop()
        assert wait_until(lambda: changes.shows(serial, None), timeout=15)


def test_watcher_survives_the_adb_server_restarting(tmp_path, wait_until):
    server = AdbServer(home=tmp_path / "adb-home")
    port = server.port
    changes = Changes()
    try:
        with HotplugWatcher("127.0.0.1", port, changes):
            assert wait_until(lambda: changes.latest() is not None and changes.latest().server_up, timeout=15)
            server.kill()
            assert wait_until(lambda: changes.latest() is not None and not changes.latest().server_up, timeout=15)
            server = AdbServer(port=port, home=tmp_path / "adb-home")     # `adb start-server` again
            with VirtualDevice().start(server) as device:
                assert wait_until(lambda: changes.shows(device.serial, DeviceState.READY), timeout=20)
    finally:
        server.kill()
