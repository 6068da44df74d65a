"""What the parsers of device output produce: plain records, one per camera or USB device.

They hold only facts read from the device (strings as printed, ids as integers); the
inventory (`camtool.device.inventory`) merges them and decides what a config may use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Android's UsbDevice.getDeviceName(): bus and device number, three digits each.
USB_PATH_RE = re.compile(r"/dev/bus/usb/(\d{3})/(\d{3})")

# USB interface classes that matter here (USB-IF class codes).
USB_CLASS_AUDIO = 1
USB_CLASS_HUB = 9
USB_CLASS_VIDEO = 14


def usb_path(busnum: int, devnum: int) -> str:
    """The path WMPF's usbCameraName takes, from sysfs' decimal busnum/devnum."""
    return f"/dev/bus/usb/{busnum:03d}/{devnum:03d}"


def is_usb_path(text: str | None) -> bool:
    return bool(text) and USB_PATH_RE.fullmatch(text) is not None


@dataclass(frozen=True)
class BuiltinCamera:
    """One public camera of the system camera service (`dumpsys media.camera`)."""

    camera_id: str                    # the public id, exactly as a config's internalCameraName needs it
    facing: str | None = None         # "back" | "front" | "external" | None when the dump does not say
    sensor_orientation: int | None = None
    hal: str | None = None            # HAL provider type, e.g. "legacy", "external"; None for HAL1 dumps
    hal_device: str | None = None     # e.g. "device@3.4/external//dev/video0"

    @property
    def external(self) -> bool:
        """A USB camera behind the external camera HAL (facing EXTERNAL or the external provider)."""
        return self.facing == "external" or (self.hal or "").startswith("external")

    @property
    def video_node(self) -> str | None:
        """The V4L2 node in the id or HAL name (Android 9 external HAL used it as the id)."""
        for text in (self.camera_id, self.hal_device or ""):
            match = re.search(r"/dev/video\d+", text)
            if match:
                return match.group(0)
        return None


@dataclass(frozen=True)
class UsbDeviceInfo:
    """One connected USB device, from `dumpsys usb` or sysfs."""

    path: str                         # /dev/bus/usb/BBB/DDD
    vendor_id: int | None = None
    product_id: int | None = None
    serial: str | None = None         # None: the device reports none (or the file is missing)
    manufacturer: str | None = None
    product: str | None = None
    is_camera: bool | None = None     # None: the source did not list the interfaces
    is_audio: bool | None = None
    sysfs_port: str | None = None     # e.g. "1-1.2", only when read from sysfs

    @property
    def triple(self) -> tuple[int | None, int | None, str | None]:
        return self.vendor_id, self.product_id, self.serial


@dataclass(frozen=True)
class VideoNode:
    """One /sys/class/video4linux node and, when it sits on a USB device, that device's path."""

    node: str                         # "video0"
    name: str
    usb_path: str | None = None
    is_camera: bool = True            # False for SoC capture pipeline nodes (rkcif_*, stream_cif_*)

    @property
    def dev_path(self) -> str:
        return f"/dev/{self.node}"
