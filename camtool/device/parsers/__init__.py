"""Parsers of device output (pure functions: any text in, records out, never an exception)."""

from camtool.device.parsers.getprop import android_release, device_model, parse_getprop, sdk_level
from camtool.device.parsers.media_camera import parse_media_camera
from camtool.device.parsers.package_info import WMPF_PACKAGE, wmpf_version_name
from camtool.device.parsers.records import BuiltinCamera, UsbDeviceInfo, VideoNode, usb_path
from camtool.device.parsers.sysfs_usb import SYSFS_DUMP_COMMAND, parse_sysfs_dump, parse_sysfs_usb
from camtool.device.parsers.usb_dumpsys import parse_dumpsys_usb
from camtool.device.parsers.v4l import parse_v4l_names

__all__ = [
    "BuiltinCamera", "UsbDeviceInfo", "VideoNode", "usb_path", "WMPF_PACKAGE", "SYSFS_DUMP_COMMAND",
    "parse_media_camera", "parse_dumpsys_usb", "parse_sysfs_dump", "parse_sysfs_usb",
    "parse_v4l_names", "wmpf_version_name", "parse_getprop", "device_model",
    "android_release", "sdk_level",
]
