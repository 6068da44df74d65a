"""sysfs USB attributes and video4linux names -> USB devices and V4L2 nodes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from camtool.device.parsers import (
    SYSFS_DUMP_COMMAND,
    parse_sysfs_dump,
    parse_sysfs_usb,
    parse_v4l_names,
)

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
RK3588 = (DUMPS / "sysfs-rk3588.txt").read_text(encoding="utf-8")


def test_dump_lines_become_files_and_grep_complaints_are_skipped():
    files = parse_sysfs_dump(RK3588)
    assert files["/sys/bus/usb/devices/1-1.2/idVendor"] == "0bda"
    assert files["/sys/bus/usb/devices/1-1.2:1.0/bInterfaceClass"] == "0e"
    assert files["/sys/bus/usb/devices/1-1.3/product"] == "USB2.0 PC CAMERA: HD"  # a colon in the value
    assert not any(key.startswith("grep") for key in files)
    assert "/sys/bus/usb/devices/1-1/serial" not in files


def test_usb_devices_from_sysfs_hex_ids_paths_and_interfaces():
    devices = {d.path: d for d in parse_sysfs_usb(parse_sysfs_dump(RK3588))}
    # usb1 (root hub) and 1-1 (a hub) are not devices a config can select
    assert list(devices) == ["/dev/bus/usb/001/004", "/dev/bus/usb/001/005"]
    webcam = devices["/dev/bus/usb/001/004"]
    assert (webcam.vendor_id, webcam.product_id) == (3034, 22880)  # 0bda, 5960 in hex
    assert (webcam.serial, webcam.is_camera, webcam.is_audio, webcam.sysfs_port) == ("200901010001", True, True, "1-1.2")
    no_serial = devices["/dev/bus/usb/001/005"]
    assert (no_serial.serial, no_serial.is_camera, no_serial.manufacturer) == (None, True, "Sunplus IT Co")


def test_usb_devices_from_a_files_dict():
    files = {
        "/sys/bus/usb/devices/2-1/idVendor": "046d\n",
        "/sys/bus/usb/devices/2-1/idProduct": "0825\n",
        "/sys/bus/usb/devices/2-1/busnum": "2\n",
        "/sys/bus/usb/devices/2-1/devnum": "17\n",
        "/sys/bus/usb/devices/2-1:1.0/bInterfaceClass": "01\n",
        "/sys/bus/usb/devices/2-1:1.0/idVendor": "ffff\n",  # interface entries never make devices
    }
    [device] = parse_sysfs_usb(files)
    assert (device.path, device.vendor_id, device.product_id) == ("/dev/bus/usb/002/017", 1133, 2085)
    assert (device.serial, device.is_camera, device.is_audio) == (None, False, True)


def test_device_without_bus_numbers_is_skipped_and_bad_hex_is_unknown():
    files = {"/sys/bus/usb/devices/3-1/idVendor": "zz!!", "/sys/bus/usb/devices/3-1/busnum": "3",
             "/sys/bus/usb/devices/3-1/devnum": "2", "/sys/bus/usb/devices/3-2/idVendor": "0bda"}
    [device] = parse_sysfs_usb(files)
    assert (device.path, device.vendor_id, device.is_camera) == ("/dev/bus/usb/003/002", None, None)


def test_video_nodes_pipeline_nodes_are_not_cameras():
    nodes = {n.node: n for n in parse_v4l_names(RK3588)}
    assert not nodes["video0"].is_camera and nodes["video0"].name == "rkcif_mipi_lvds"
    assert not nodes["video1"].is_camera  # stream_cif_mipi_id0
    assert not nodes["video10"].is_camera  # rkisp_mainpath
    # a UVC camera shows as two nodes of one name, both on its USB device
    assert nodes["video20"].usb_path == nodes["video21"].usb_path == "/dev/bus/usb/001/004"
    assert nodes["video22"].is_camera and nodes["video22"].dev_path == "/dev/video22"


def test_video_nodes_from_files_dict():
    nodes = parse_v4l_names({"/sys/class/video4linux/video3/name": "HD Webcam\n"})
    assert [(n.node, n.name, n.usb_path, n.is_camera) for n in nodes] == [("video3", "HD Webcam", None, True)]


def test_sysfs_command_is_one_fixed_grep_line_without_shell_operators():
    assert SYSFS_DUMP_COMMAND.startswith("grep -H . /sys/bus/usb/devices/*/idVendor ")
    assert not re.search(r"[;&|`$<>()'\"\\]", SYSFS_DUMP_COMMAND)
    assert "/sys/class/video4linux/*/name" in SYSFS_DUMP_COMMAND


def _numbered(busnum: str, devnum: str, **attributes: str) -> dict[str, str]:
    files = {"/sys/bus/usb/devices/1-4/busnum": busnum, "/sys/bus/usb/devices/1-4/devnum": devnum}
    files.update({f"/sys/bus/usb/devices/1-4/{name}": value for name, value in attributes.items()})
    return files


def test_bus_and_device_numbers_outside_1_to_999_give_no_usb_path():
    assert [d.path for d in parse_sysfs_usb(_numbered("1", "1"))] == ["/dev/bus/usb/001/001"]
    assert [d.path for d in parse_sysfs_usb(_numbered("999", "999"))] == ["/dev/bus/usb/999/999"]
    for busnum, devnum in [("0", "3"), ("3", "0"), ("1000", "3"), ("3", "1000"), ("0", "0")]:
        assert parse_sysfs_usb(_numbered(busnum, devnum)) == [], (busnum, devnum)


def test_names_of_the_device_are_kept_and_empty_ones_are_unknown():
    [device] = parse_sysfs_usb(_numbered("1", "4", manufacturer="Generic", product="HD Camera", serial="A1"))
    assert (device.manufacturer, device.product, device.serial) == ("Generic", "HD Camera", "A1")
    [device] = parse_sysfs_usb(_numbered("1", "4", manufacturer="", product=""))
    assert (device.manufacturer, device.product) == (None, None)


def test_a_root_hub_or_a_hub_is_not_a_device_but_an_entry_named_like_usb_elsewhere_is():
    files = {"/sys/bus/usb/devices/usb2/busnum": "2", "/sys/bus/usb/devices/usb2/devnum": "1",
             "/sys/bus/usb/devices/2-1/busnum": "2", "/sys/bus/usb/devices/2-1/devnum": "2",
             "/sys/bus/usb/devices/2-1/bDeviceClass": "09",
             "/sys/bus/usb/devices/2-2/busnum": "2", "/sys/bus/usb/devices/2-2/devnum": "3"}
    assert [d.sysfs_port for d in parse_sysfs_usb(files)] == ["2-2"]


def test_interfaces_of_several_configurations_all_count_for_their_device():
    files = _numbered("1", "4")
    files["/sys/bus/usb/devices/1-4:1.0/bInterfaceClass"] = "01"
    files["/sys/bus/usb/devices/1-4:2.1/bInterfaceClass"] = "0e"
    [device] = parse_sysfs_usb(files)
    assert (device.is_camera, device.is_audio) == (True, True)


def test_files_that_are_not_usb_attributes_do_not_stop_the_rest():
    files = {"/sys/class/video4linux/video0/name": "uvcvideo", 7: "x", "/sys/bus/usb/devices/1-4/busnum": None}
    files.update(_numbered("1", "4", idVendor="0bda"))
    [device] = parse_sysfs_usb(files)
    assert device.vendor_id == 0x0BDA


def _node_on(busnum: str, devnum: str) -> dict[str, str]:
    return {"/sys/class/video4linux/video4/name": "rkisp_mainpath",
            "/sys/class/video4linux/video4/device/../busnum": busnum,
            "/sys/class/video4linux/video4/device/../devnum": devnum}


@pytest.mark.parametrize("busnum, devnum, path", [
    ("1", "1", "/dev/bus/usb/001/001"), ("999", "999", "/dev/bus/usb/999/999"),
    ("0", "3", None), ("3", "0", None), ("3", "x", None), ("x", "3", None), ("1000", "3", None), ("3", "1000", None),
])
def test_a_video_node_sits_on_a_usb_device_only_with_numbers_1_to_999(busnum, devnum, path):
    [node] = parse_v4l_names(_node_on(busnum, devnum))
    assert node.usb_path == path
    assert node.is_camera is (path is not None)  # a pipeline name is a camera only on a USB device


def test_video_nodes_past_unreadable_files_are_found_in_number_order():
    files = {"/sys/class/video4linux/video12/name": "B", 3: "x", "/sys/class/video4linux/video9/name": None,
             "/sys/bus/usb/devices/1-1/idVendor": "0bda", "/sys/class/video4linux/video2/name": "A",
             "/sys/class/video4linux/video9/device/../busnum": "1"}
    assert [(n.node, n.name) for n in parse_v4l_names(files)] == [("video2", "A"), ("video12", "B")]
