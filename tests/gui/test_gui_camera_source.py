"""The window's source switch for the device end: Screen | Camera, on the virtual device, through the real adb path."""

from __future__ import annotations

import pytest

from camtool.device import camera_source
from camtool.device.camera_source import CameraSource
from camtool.device.capture import ScreenrecordSource
from camtool.device.device_service import AdbDeviceService
from camtool.gui.config_document import ConfigDocument
from camtool.gui.ends_panel import EndsPanel
from camtool.virtual.device import VirtualDevice

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def server_file(tmp_path):
    path = tmp_path / "scrcpy-server"
    path.write_bytes(b"stands in for scrcpy's server")
    camera_source._learned_versions.clear()
    return path


def panel_on(qtbot, adb_server, serial):
    panel = EndsPanel(ConfigDocument({"internalCameraName": "0"}), device_service=AdbDeviceService(port=adb_server.port))
    qtbot.addWidget(panel)
    panel.show()
    panel.attach_live(serial, None)
    panel.live_check.setChecked(True)
    return panel


def choose_camera(qtbot, panel, camera_id: str, server_file) -> None:
    bar = panel.camera_bar
    bar.camera_id_edit.setText(camera_id)
    bar.server_edit.setText(str(server_file))
    bar.size_combo.setCurrentIndex(bar.size_combo.findText("640x480"))
    with qtbot.waitSignal(bar.changed, timeout=5000):
        bar.source_combo.setCurrentIndex(bar.source_combo.findData("camera"))


def test_switching_the_device_end_to_the_camera_shows_that_camera_and_back(qtbot, adb_server, virtual_device,
                                                                           server_file):
    panel = panel_on(qtbot, adb_server, virtual_device.serial)
    assert panel.camera_bar.isVisible()
    assert isinstance(panel.live_feeds()["device"]._source, ScreenrecordSource)
    choose_camera(qtbot, panel, "1", server_file)
    feed = panel.live_feeds()["device"]
    assert isinstance(feed._source, CameraSource)
    qtbot.waitUntil(lambda: feed.frames_shown > 0, timeout=60_000)
    qtbot.waitUntil(lambda: "camera 1" in panel.camera_bar.state_label.text(), timeout=10_000)
    assert not panel.uses_device_picture()   # the camera's own picture never feeds the simulation
    with qtbot.waitSignal(panel.camera_bar.changed, timeout=5000):
        panel.camera_bar.source_combo.setCurrentIndex(panel.camera_bar.source_combo.findData("screen"))
    assert isinstance(panel.live_feeds()["device"]._source, ScreenrecordSource)
    assert panel.camera_bar.state_label.text() == ""
    panel.shutdown()


def test_the_camera_source_on_android_9_says_it_needs_android_12(qtbot, adb_server, server_file):
    vd = VirtualDevice("intercom-a9").start(adb_server)
    try:
        panel = panel_on(qtbot, adb_server, vd.serial)
        choose_camera(qtbot, panel, "/dev/video0", server_file)
        qtbot.waitUntil(lambda: "Android 12" in panel.camera_bar.state_label.text(), timeout=30_000)
        panel.shutdown()
    finally:
        vd.stop()


def test_camera_without_an_id_says_what_to_type(qtbot, adb_server, virtual_device, server_file):
    panel = panel_on(qtbot, adb_server, virtual_device.serial)
    bar = panel.camera_bar
    bar.source_combo.setCurrentIndex(bar.source_combo.findData("camera"))
    assert "camera id" in bar.state_label.text() and "device" not in panel.live_feeds()
    panel.shutdown()
