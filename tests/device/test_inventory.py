"""The merged inventory and its JSON (contract 7), from real captures and hand-written dumps."""

from __future__ import annotations

import json
import re
from pathlib import Path


from camtool.device.inventory import (
    INVENTORY_COMMANDS,
    TRIPLE_NO_SERIAL,
    TRIPLE_SHARED,
    build_inventory,
    build_inventory_from_outputs,
)
from camtool.i18n import set_language
from shared_captures import read_shared_capture

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
DEVICE_KEYS = ["serial", "model", "android", "sdk", "wmpf"]
BUILTIN_KEYS = {"internalCameraName", "facing", "sensor_orientation", "hal", "external", "usb_path"}
USB_KEYS = ["usbCameraName", "usbCameraVendorId", "usbCameraProductId", "usbSerialNumber", "vendor_hex",
            "product_hex", "manufacturer", "product", "is_camera", "triple_usable", "reason"]


def dump(name: str) -> str:
    return (DUMPS / name).read_text(encoding="utf-8")


def capture(name: str) -> str:
    return read_shared_capture(name)


def two_cameras_sysfs(video0_devnum: int) -> dict[str, str]:
    """Two UVC cameras on bus 1 (devnum 2 and 3); /dev/video0 sits on the one given."""
    files = {}
    for port, devnum, serial in (("1-1", 2, "A1"), ("1-2", 3, "B2")):
        base = f"/sys/bus/usb/devices/{port}"
        files.update({f"{base}/idVendor": "0bda", f"{base}/idProduct": "5960", f"{base}/serial": serial,
                      f"{base}/busnum": "1", f"{base}/devnum": str(devnum), f"{base}:1.0/bInterfaceClass": "0e"})
    files.update({"/sys/class/video4linux/video0/name": "UVC Camera",
                  "/sys/class/video4linux/video0/device/../busnum": "1",
                  "/sys/class/video4linux/video0/device/../devnum": str(video0_devnum)})
    return files


def test_json_has_every_contract_field_and_is_serialisable():
    inventory = build_inventory("7c3a9e1f", dump("getprop-a12.txt"), dump("media-camera-a12-hal3.txt"),
                                dump("usb-a10-one-device.txt"), package_text=dump("package-wmpf.txt"))
    data = json.loads(json.dumps(inventory.to_json()))
    assert list(data) == ["device", "builtin", "usb"]
    assert data["device"] == {"serial": "7c3a9e1f", "model": "RK3588 Intercom", "android": "12", "sdk": 31, "wmpf": "2.1.3"}
    assert all(set(entry) >= BUILTIN_KEYS for entry in data["builtin"])
    assert [list(entry) for entry in data["usb"]] == [USB_KEYS]
    assert data["usb"][0] == {
        "usbCameraName": "/dev/bus/usb/001/004", "usbCameraVendorId": 3034, "usbCameraProductId": 22880,
        "usbSerialNumber": "200901010001", "vendor_hex": "0bda", "product_hex": "5960", "manufacturer": "Generic",
        "product": "USB2.0 HD UVC WebCam", "is_camera": True, "triple_usable": True, "reason": None}
    # the only external built-in camera and the only USB camera are the same camera
    external = next(entry for entry in data["builtin"] if entry["internalCameraName"] == "100")
    assert external["external"] is True and external["usb_path"] == "/dev/bus/usb/001/004"
    assert all(entry["usb_path"] is None for entry in data["builtin"] if entry["internalCameraName"] != "100")


def test_json_does_not_change_with_the_language():
    args = ("S", {}, dump("media-camera-a12-hal3.txt"), dump("usb-a81-host-state.txt"))
    english = build_inventory(*args).to_json()
    set_language("zh")
    assert build_inventory(*args).to_json() == english


def test_real_capture_inventory_and_wmpf_not_installed():
    inventory = build_inventory("abc", {}, capture("redmi-k30-media-camera-windows-console.txt"),
                                capture("mt8168-a13-dumpsys-usb-no-devices.txt"),
                                package_text=dump("package-wmpf-missing.txt"))
    data = inventory.to_json()
    assert [(b["internalCameraName"], b["facing"], b["sensor_orientation"]) for b in data["builtin"]] == [
        ("0", "back", 90), ("1", "front", 270), ("2", "back", 90), ("3", "back", 90), ("8", "back", 90), ("9", "front", 270)]
    assert data["usb"] == []
    assert data["device"] == {"serial": "abc", "model": None, "android": None, "sdk": None, "wmpf": None}


def test_two_cameras_sharing_a_triple_are_not_triple_usable():
    inventory = build_inventory("S", {}, None, dump("usb-a11-two-cameras-audio.txt"))
    by_path = {entry.device.path: entry for entry in inventory.usb}
    for path in ("/dev/bus/usb/003/005", "/dev/bus/usb/003/007"):
        assert (by_path[path].triple_usable, by_path[path].reason) == (False, TRIPLE_SHARED)
        assert "usbCameraName" in by_path[path].reason_text()
    audio = by_path["/dev/bus/usb/003/006"].to_json()
    assert (audio["is_camera"], audio["triple_usable"], audio["reason"]) == (False, False, TRIPLE_NO_SERIAL)


def test_camera_without_serial_is_selected_by_path_only():
    inventory = build_inventory("S", {}, None, dump("usb-a81-host-state.txt"))
    entry = next(e for e in inventory.usb if e.device.path == "/dev/bus/usb/001/003")
    assert entry.to_json()["usbSerialNumber"] is None
    assert (entry.triple_usable, entry.reason) == (False, TRIPLE_NO_SERIAL)
    set_language("zh")
    assert "usbCameraName" in entry.reason_text() and "序列号" in entry.reason_text()


def test_sysfs_fills_what_dumpsys_lacks_and_adds_missing_devices():
    usb_text = ("{\n host_manager={\n  devices={\n   name=/dev/bus/usb/001/004\n   vendor_id=3034\n"
                "   product_id=22880\n   serial_number=200901010001\n  }\n }\n}\n")
    inventory = build_inventory("S", {}, None, usb_text, sysfs_files=dump("sysfs-rk3588.txt"))
    by_path = {e.device.path: e.to_json() for e in inventory.usb}
    assert by_path["/dev/bus/usb/001/004"]["is_camera"] is True  # from the 0e interfaces in sysfs
    assert by_path["/dev/bus/usb/001/004"]["product"] == "USB2.0 HD UVC WebCam"
    assert by_path["/dev/bus/usb/001/005"]["usbSerialNumber"] is None  # only in sysfs


def test_external_camera_matched_through_its_v4l2_node():
    media = dump("media-camera-a9-external-mapsto.txt")  # id "/dev/video0"
    for devnum in (2, 3):
        inventory = build_inventory("S", {}, media, None, sysfs_files=two_cameras_sysfs(devnum))
        by_id = {entry.camera.camera_id: entry.usb_path for entry in inventory.builtin}
        assert by_id == {"0": None, "/dev/video0": f"/dev/bus/usb/001/{devnum:03d}"}


def test_external_camera_left_unmatched_when_it_cannot_be_told():
    # id "100" names no node, and two USB cameras are connected: a guess could be wrong
    inventory = build_inventory("S", {}, dump("media-camera-a12-hal3.txt"), None, sysfs_files=two_cameras_sysfs(2))
    assert all(entry.usb_path is None for entry in inventory.builtin)


def test_parts_not_read_are_marked_unknown():
    inventory = build_inventory("S", None, None, None)
    assert not (inventory.builtin_known or inventory.usb_known or inventory.wmpf_known)
    assert inventory.to_json() == {"device": {"serial": "S", "model": None, "android": None, "sdk": None, "wmpf": None},
                                   "builtin": [], "usb": []}


def test_inventory_commands_are_fixed_strings_and_outputs_build_the_same_inventory():
    assert INVENTORY_COMMANDS["media_camera"] == "dumpsys media.camera"
    assert INVENTORY_COMMANDS["usb"] == "dumpsys usb"
    assert INVENTORY_COMMANDS["wmpf"] == "dumpsys package com.tencent.wmpf"
    assert INVENTORY_COMMANDS["getprop"] == "getprop"
    for command in INVENTORY_COMMANDS.values():
        assert not re.search(r"[;&|`$<>()'\"\\]", command), command
    outputs = {"getprop": dump("getprop-a12.txt"), "media_camera": dump("media-camera-a12-hal3.txt"),
               "usb": dump("usb-a10-one-device.txt"), "wmpf": dump("package-wmpf.txt"), "sysfs": dump("sysfs-rk3588.txt")}
    from_outputs = build_inventory_from_outputs("S", outputs)
    direct = build_inventory("S", outputs["getprop"], outputs["media_camera"], outputs["usb"],
                             sysfs_files=outputs["sysfs"], package_text=outputs["wmpf"])
    assert from_outputs.to_json() == direct.to_json()


def test_error_text_instead_of_a_dump_marks_the_part_unknown():
    inventory = build_inventory("S", {}, "Can't find service: media.camera\n", "Permission Denial: can't dump UsbManager\n")
    assert not inventory.builtin_known and not inventory.usb_known
    no_devices = build_inventory("S", {}, "Number of camera devices: 0\n", "{\n  host_manager={\n    num_connects=0\n  }\n}\n")
    assert no_devices.builtin_known and no_devices.usb_known


def test_usb_selector_keys_name_the_device_at_the_path_or_with_the_whole_triple():
    from camtool.device.inventory import DeviceSummary, Inventory, UsbEntry
    from camtool.device.parsers import UsbDeviceInfo

    cam = UsbEntry(UsbDeviceInfo("/dev/bus/usb/001/002", 0x0BDA, 0x5960, "A1", is_camera=True), True)
    hub = UsbEntry(UsbDeviceInfo("/dev/bus/usb/001/003", 0x05E3, 0x0610, "H", is_camera=False), True)
    inventory = Inventory(DeviceSummary("X", "M", "12", 31, "2.1.2"), usb=[cam, hub])
    triple = {"usbCameraVendorId": 0x0BDA, "usbCameraProductId": 0x5960, "usbSerialNumber": "A1"}
    assert inventory.usb_selected_by({"usbCameraName": "/dev/bus/usb/001/002"}) == [cam]
    assert inventory.usb_selected_by(triple) == [cam]
    # A partial triple names nothing; a stale path and the right triple still name the camera once.
    assert inventory.usb_selected_by({"usbCameraVendorId": 0x0BDA, "usbCameraProductId": 0x5960}) == []
    assert inventory.usb_selected_by({"usbCameraName": "/dev/bus/usb/001/009", **triple}) == [cam]
    assert inventory.usb_selected_by({"usbCameraName": "/dev/bus/usb/001/002", **triple}) == [cam]
    # A device that is not a camera is named all the same: the callers say what is wrong with it.
    assert inventory.usb_selected_by({"usbCameraName": "/dev/bus/usb/001/003"}) == [hub]
    assert inventory.usb_with_triple((0x0BDA, 0x5960, "B2")) == []
