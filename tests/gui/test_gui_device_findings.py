"""The window judges the config against the device in the device bar, as `validate --serial` does.

Runs on the virtual kiosk (two identical USB cameras told apart only by serial number) over
the session's private adb server; every wait is on a condition.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from camtool.gui.selection import SelectionMode
from test_gui_device import LIVE_TIMEOUT_MS, kiosk, kiosk_window  # noqa: F401 (fixtures)

KIOSK_CAMERA = "usb:/dev/bus/usb/001/004"


def _wait_codes(qtbot, win, code: str) -> None:
    qtbot.waitUntil(lambda: code in win.findings.codes(), timeout=LIVE_TIMEOUT_MS)


def test_a_triple_no_connected_camera_has_is_an_error_in_the_window_and_the_ends_say_so(
        qtbot, kiosk, kiosk_window):
    win = kiosk_window
    document = win.document
    document.set_mode(SelectionMode.USB_TRIPLE)
    document.set_value("usbCameraVendorId", 0x0BDA)
    document.set_value("usbCameraProductId", 0x5960)
    document.set_value("usbSerialNumber", "NOT-ON-THIS-DEVICE")
    _wait_codes(qtbot, win, "CAM604")
    assert document.device_serial == kiosk.serial
    assert f"with the cameras of {kiosk.serial}" in win.findings._summary.text()
    assert document.has_errors and win.export.blocked_reason()
    # The simulated ends no longer pretend a picture of a camera the device does not have.
    for view in (win.ends.device_view, win.ends.wechat_view):
        assert "CAM604" in view.notice() and kiosk.serial in view.notice()
    # Fixed with the device's real serial: the finding and the notice go.
    document.set_value("usbSerialNumber", "200901010001")
    assert "CAM604" not in win.findings.codes()
    assert win.ends.device_view.notice() == ""


def test_a_path_and_a_built_in_id_the_device_lacks_are_errors_too(qtbot, kiosk, kiosk_window):
    win = kiosk_window
    document = win.document
    document.set_mode(SelectionMode.USB_PATH)
    document.set_value("usbCameraName", "/dev/bus/usb/009/099")
    _wait_codes(qtbot, win, "CAM602")
    document.set_mode(SelectionMode.BUILTIN_NAME)
    document.set_value("internalCameraName", "7")
    _wait_codes(qtbot, win, "CAM601")
    assert "CAM602" not in win.findings.codes()


def test_device_findings_follow_the_device_and_leave_with_it(qtbot, kiosk, kiosk_window):
    win = kiosk_window
    win.document.set_mode(SelectionMode.BUILTIN_NAME)
    win.document.set_value("internalCameraName", "7")
    _wait_codes(qtbot, win, "CAM601")
    win.device_side.cameras.show_device("")      # no device end chosen
    assert "CAM601" not in win.findings.codes()
    assert win.document.device_inventory is None and win.ends.device_view.notice() == ""


def test_an_old_wmpf_on_the_device_is_a_finding(qtbot, document):
    from camtool.device.inventory import DeviceSummary, Inventory

    document.set_value("internalCameraName", "0")
    inventory = Inventory(DeviceSummary(serial="old-wmpf", wmpf="1.2.4"), builtin_known=False, usb_known=False)
    document.set_wmpf_version(None)
    document.set_device_inventory(inventory, "old-wmpf")
    assert "CAM606" in [f.code for f in document.findings]
    document.set_device_inventory(None)
    assert "CAM606" not in [f.code for f in document.findings]


def test_a_camera_row_is_picked_with_enter_or_a_double_click(qtbot, kiosk, kiosk_window):
    win = kiosk_window
    cameras = win.device_side.cameras
    qtbot.waitUntil(lambda: cameras.item_for(KIOSK_CAMERA) is not None, timeout=LIVE_TIMEOUT_MS)
    item = cameras.item_for(KIOSK_CAMERA)
    with qtbot.waitSignal(cameras.cameraPicked, timeout=2000):
        cameras.tree.setCurrentItem(item)
        cameras.tree.setFocus()
        qtbot.keyClick(cameras.tree, Qt.Key.Key_Return)
    assert win.document.mode is SelectionMode.USB_TRIPLE
    assert win.document.data["usbSerialNumber"] == "200901010001"

    win.document.set_mode(SelectionMode.BUILTIN_NAME)
    rect = cameras.tree.visualItemRect(item)
    assert rect.isValid() and cameras.tree.viewport().rect().contains(rect.center())
    qtbot.mouseClick(cameras.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.document.mode is SelectionMode.BUILTIN_NAME    # one click selects the row only
    with qtbot.waitSignal(cameras.cameraPicked, timeout=2000):
        # A real double-click is press, release, then the double-click event.
        qtbot.mousePress(cameras.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(cameras.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.document.mode is SelectionMode.USB_TRIPLE
