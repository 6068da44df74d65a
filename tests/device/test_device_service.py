"""The Qt-free device service the window takes: it fits the window's DeviceService and works over adb."""

from __future__ import annotations

import inspect

import pytest

from camtool.device.device_service import AdbDeviceService
from camtool.device.hotplug import DeviceListChange

pytest.importorskip("PySide6")
from camtool.gui import live_device as gui_side  # noqa: E402  (the window's side of the interface)

pytestmark = pytest.mark.timeout(120)


def _protocol_methods(protocol) -> list[str]:
    return [name for name, value in vars(protocol).items() if callable(value) and not name.startswith("_")]


@pytest.mark.parametrize("method", _protocol_methods(gui_side.DeviceService))
def test_the_service_takes_every_call_the_window_makes(method):
    """Each call of the window's DeviceService protocol works on the adb service as the window makes it:
    the same parameters in the same order, and anything more the service takes has a default."""
    wanted = inspect.signature(getattr(gui_side.DeviceService, method))
    offered = inspect.signature(getattr(AdbDeviceService, method))
    wanted_names = [p.name for p in wanted.parameters.values()]
    offered_params = list(offered.parameters.values())
    assert [p.name for p in offered_params[:len(wanted_names)]] == wanted_names
    extra = offered_params[len(wanted_names):]
    assert all(p.default is not inspect.Parameter.empty or p.kind is p.VAR_KEYWORD for p in extra), extra
    assert isinstance(AdbDeviceService(port=1), gui_side.DeviceService)


def test_list_devices_marks_the_virtual_device_ready(adb_server, virtual_device):
    service = AdbDeviceService(port=adb_server.port)
    devices = {d.serial: d for d in service.list_devices()}
    entry = devices[virtual_device.serial]
    assert entry.state == "device" and entry.virtual is True
    assert entry.description == "ready" and entry.action


def test_inventory_apply_and_hotplug(adb_server, virtual_device, wait_until):
    service = AdbDeviceService(port=adb_server.port)
    assert service.inventory(virtual_device.serial).inventory.builtin_ids == ["0", "1"]
    answer = service.apply_config(virtual_device.serial, {"internalCameraName": "1"}, "com.example.doorbell")
    assert answer.applied and answer.details["result"] == 1
    assert virtual_device.state.wait_for_generation(1, timeout=10)
    changes: list[DeviceListChange] = []
    watcher = service.watch_hotplug(changes.append)
    try:
        assert wait_until(lambda: any(virtual_device.serial in {e.serial for e in c.devices} for c in changes), timeout=15)
    finally:
        watcher.stop()


def test_screen_source_for_the_window_reports_states_as_words(adb_server, virtual_device, wait_until):
    service = AdbDeviceService(port=adb_server.port)
    frames, states = [], []
    source = service.screen_source(virtual_device.serial, frames.append, lambda state, detail: states.append(state))
    assert states == []                      # not started until the window starts it
    source.start()
    try:
        assert wait_until(lambda: len(frames) >= 2, timeout=30)
    finally:
        source.stop(1.0)
    assert [type(s) for s in states] == [str] * len(states)
    assert states[:2] == ["starting", "streaming"] and states[-1] == "stopped"
    assert frames[0].image.ndim == 3 and frames[1].index == 2
