"""`dumpsys usb` -> connected USB devices: only host_manager > devices, both output generations."""

from __future__ import annotations

from pathlib import Path

import pytest


from camtool.device.parsers import UsbDeviceInfo, parse_dumpsys_usb
from shared_captures import read_shared_capture

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"


def dump(name: str) -> str:
    return (DUMPS / name).read_text(encoding="utf-8")


def test_real_android13_dump_without_devices_invents_none_from_settings_filters():
    text = read_shared_capture("mt8168-a13-dumpsys-usb-no-devices.txt")
    assert "vendor_id=-1" in text  # the trap is in the capture
    assert parse_dumpsys_usb(text) == []


def test_one_device_tree_ignores_connection_history_and_permissions():
    devices = parse_dumpsys_usb(dump("usb-a10-one-device.txt"))
    assert devices == [UsbDeviceInfo(
        path="/dev/bus/usb/001/004", vendor_id=3034, product_id=22880, serial="200901010001",
        manufacturer="Generic", product="USB2.0 HD UVC WebCam", is_camera=True, is_audio=False)]
    # /dev/bus/usb/001/003 is only in `connections` (gone) and `permissions_manager`


def test_two_identical_cameras_and_an_audio_device():
    devices = {d.path: d for d in parse_dumpsys_usb(dump("usb-a11-two-cameras-audio.txt"))}
    assert list(devices) == ["/dev/bus/usb/003/005", "/dev/bus/usb/003/006", "/dev/bus/usb/003/007"]
    assert devices["/dev/bus/usb/003/005"].triple == devices["/dev/bus/usb/003/007"].triple == (1133, 2085, "SN0001")
    # a single interface prints `interfaces={`, several print `interfaces=[`
    assert devices["/dev/bus/usb/003/005"].is_camera and devices["/dev/bus/usb/003/007"].is_camera
    audio = devices["/dev/bus/usb/003/006"]
    assert (audio.is_camera, audio.is_audio, audio.serial) == (False, True, None)
    assert audio.manufacturer == "C-Media Electronics Inc."


def test_android81_host_state_lines():
    devices = {d.path: d for d in parse_dumpsys_usb(dump("usb-a81-host-state.txt"))}
    # the line under `USB Port State:` is another section's, not a connected device
    assert list(devices) == ["/dev/bus/usb/001/002", "/dev/bus/usb/001/003", "/dev/bus/usb/001/004"]
    first = devices["/dev/bus/usb/001/002"]
    assert (first.vendor_id, first.product_id, first.serial) == (1133, 2085, "8A3B7C0E")
    assert (first.manufacturer, first.product) == ("HD Camera, Inc.", "HD Camera, Model 2")  # commas kept
    assert first.is_camera and first.is_audio
    no_serial = devices["/dev/bus/usb/001/003"]
    assert (no_serial.serial, no_serial.manufacturer, no_serial.is_camera) == (None, None, True)
    assert devices["/dev/bus/usb/001/004"].is_camera is False  # a keyboard


def test_device_without_interface_list_has_unknown_camera_state():
    text = ("USB MANAGER STATE (dumpsys usb):\n{\n  host_manager={\n    devices={\n"
            "      name=/dev/bus/usb/002/003\n      vendor_id=1133\n      product_id=2085\n"
            "      serial_number=null\n    }\n  }\n}\n")
    assert parse_dumpsys_usb(text) == [UsbDeviceInfo("/dev/bus/usb/002/003", 1133, 2085, None)]


def test_fields_outside_host_manager_never_make_devices():
    text = ("{\n  settings_manager={\n    filters={\n      name=/dev/bus/usb/001/009\n      vendor_id=-1\n"
            "    }\n  }\n  host_manager={\n    num_connects=0\n  }\n}\n")
    assert parse_dumpsys_usb(text) == []


def test_unbalanced_braces_and_garbage_do_not_raise():
    text = dump("usb-a10-one-device.txt").replace("    }\n", "", 3) + "]]]}}}\n=\n={\n"
    assert all(isinstance(d, UsbDeviceInfo) for d in parse_dumpsys_usb(text))
    assert parse_dumpsys_usb("Can't find service: usb") == []


def _tree(*device_fields: str) -> str:
    body = "".join(f"      {f}\n" for f in device_fields)
    return "{\n  host_manager={\n    devices={\n" + body + "    }\n  }\n}\n"


@pytest.mark.parametrize("vendor_id, read", [("0", 0), ("65535", 65535), ("65536", None), ("-1", None), ("x", None)])
def test_a_vendor_id_outside_0_to_65535_is_unknown(vendor_id, read):
    [device] = parse_dumpsys_usb(_tree("name=/dev/bus/usb/001/002", f"vendor_id={vendor_id}"))
    assert device.vendor_id == read


def test_a_field_value_with_an_equals_sign_keeps_it_and_empty_names_are_unknown():
    [device] = parse_dumpsys_usb(_tree("name=/dev/bus/usb/001/002", "product_name=Cam=HD", "manufacturer_name="))
    assert (device.product, device.manufacturer) == ("Cam=HD", None)


def test_devices_listed_after_a_closed_block_and_free_text_are_all_found():
    text = ("{\n  host_manager={\n    event log: = something\n    devices=[\n"
            "      {\n        name=/dev/bus/usb/001/002\n        configurations={\n          id=1\n        },\n      },\n"
            "      {\n        name=/dev/bus/usb/001/003\n      }\n    ],\n  }\n}\n")
    assert [d.path for d in parse_dumpsys_usb(text)] == ["/dev/bus/usb/001/002", "/dev/bus/usb/001/003"]


def test_a_device_without_a_usb_path_name_is_left_out():
    assert parse_dumpsys_usb(_tree("vendor_id=1133")) == []
    assert parse_dumpsys_usb(_tree("name=camera", "vendor_id=1133")) == []


OLD = ("USB Host State:\n"
       "  /dev/bus/usb/001/002: UsbDevice[mName=/dev/bus/usb/001/002,mVendorId=1133,mProductId=2085,mClass=0,"
       "mSubclass=0,mProtocol=0,mManufacturerName=null,mProductName=Cam,mVersion=1.00,mSerialNumber=S1,"
       "mConfigurations=[\n"
       "    UsbConfiguration[mId=1,mName=null,mAttributes=128,mMaxPower=250,mInterfaces=[\n"
       "    UsbInterface[mId=0,mAlternateSetting=0,mName=null,mClass=14,mSubclass=1,mProtocol=0,mEndpoints=[]]]]\n")


def test_android81_device_line_with_its_continuation_lines():
    [device] = parse_dumpsys_usb(OLD)
    assert (device.vendor_id, device.product_id, device.product, device.serial) == (1133, 2085, "Cam", "S1")
    assert (device.manufacturer, device.is_camera, device.is_audio) == (None, True, False)


def test_android81_device_lines_without_their_header_are_read_too():
    [device] = parse_dumpsys_usb(OLD.replace("USB Host State:\n", ""))
    assert (device.path, device.vendor_id, device.is_camera) == ("/dev/bus/usb/001/002", 1133, True)


def test_android81_section_ends_at_the_next_heading_of_the_same_indent():
    text = ("  USB Host State:\n    /dev/bus/usb/001/002: UsbDevice[mName=/dev/bus/usb/001/002,mVendorId=1]\n"
            "  USB Port State:\n    /dev/bus/usb/001/003: UsbDevice[mName=/dev/bus/usb/001/003,mVendorId=2]\n")
    assert [(d.path, d.vendor_id) for d in parse_dumpsys_usb(text)] == [("/dev/bus/usb/001/002", 1)]


def test_android81_fields_missing_from_the_line_are_unknown_and_the_last_one_loses_its_bracket():
    text = "USB Host State:\n  /dev/bus/usb/001/002: UsbDevice[mName=/dev/bus/usb/001/002,mProductId=77,mSerialNumber=Z9]\n"
    [device] = parse_dumpsys_usb(text)
    assert (device.vendor_id, device.product_id, device.serial, device.product) == (None, 77, "Z9", None)


def test_android81_device_without_interfaces_has_unknown_camera_and_audio_state():
    text = "USB Host State:\n  /dev/bus/usb/001/002: UsbDevice[mName=/dev/bus/usb/001/002,mVendorId=1,mSerialNumber=Z9X]\n"
    [device] = parse_dumpsys_usb(text)
    assert (device.is_camera, device.is_audio, device.serial) == (None, None, "Z9X")


def test_a_blank_line_inside_the_tree_does_not_end_it():
    text = _tree("name=/dev/bus/usb/001/002", "", "vendor_id=1133")
    [device] = parse_dumpsys_usb(text)
    assert device.vendor_id == 1133


def test_host_manager_named_only_in_free_text_lists_no_device():
    assert parse_dumpsys_usb("host_manager is not running\nname=/dev/bus/usb/001/002\n") == []
    assert parse_dumpsys_usb("{\n  host_manager=[\n    name=/dev/bus/usb/001/002\n  ]\n}\n") == []
