"""`dumpsys usb` -> connected USB devices: only host_manager > devices, both output generations."""

from __future__ import annotations

from pathlib import Path


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
