"""sysfs USB attributes and video4linux names -> USB devices and V4L2 nodes."""

from __future__ import annotations

import re
from pathlib import Path

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
