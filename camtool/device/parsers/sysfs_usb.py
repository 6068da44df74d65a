"""Parser of the USB device attributes in sysfs (`/sys/bus/usb/devices/*/`) and of the one
fixed command that reads them, with the video4linux node names, in a single round trip.

sysfs writes ids as 4-digit hex (`0bda` is vendor 3034), bus and device numbers in
decimal; `serial` is missing when the device reports none. Interface entries such as
`1-1:1.0` belong to their device `1-1`: their `bInterfaceClass` (`0e` video, `01` audio)
says what the device is. Root hubs (`usb1`) and hubs are not devices a config can select.
"""

from __future__ import annotations

import re

from camtool.device.parsers.records import (
    USB_CLASS_AUDIO,
    USB_CLASS_HUB,
    USB_CLASS_VIDEO,
    UsbDeviceInfo,
    usb_path,
)

USB_DEVICE_ATTRIBUTES = ("idVendor", "idProduct", "serial", "manufacturer", "product",
                         "busnum", "devnum", "bDeviceClass", "bInterfaceClass")
VIDEO_NODE_ATTRIBUTES = ("name", "device/../busnum", "device/../devnum")

# One fixed command line (no user data in it): `grep -H . FILES` prints `path:value` for
# every readable, non-empty attribute, which toybox's grep on every Android 6+ device does.
# The device's own sh expands the globs; a missing `serial` only makes grep complain on
# stderr (and exit 2), which the parser ignores. `video4linux/*/device/..` is the USB
# device a V4L2 node sits on (the kernel resolves `..` after the symlink), so one read also
# links `/dev/videoN` to its `/dev/bus/usb/BBB/DDD`.
SYSFS_DUMP_COMMAND = "grep -H . " + " ".join(
    [f"/sys/bus/usb/devices/*/{attr}" for attr in USB_DEVICE_ATTRIBUTES]
    + [f"/sys/class/video4linux/*/{attr}" for attr in VIDEO_NODE_ATTRIBUTES])

_ALL_ATTRIBUTES = "|".join(re.escape(a) for a in USB_DEVICE_ATTRIBUTES + ("name",))
_DUMP_LINE = re.compile(r"^(/sys/\S*?/(?:" + _ALL_ATTRIBUTES + r")):(.*)$")
_USB_FILE = re.compile(r"(?:^|/)devices/([^/]+)/([^/]+)$")


def parse_sysfs_dump(text: str) -> dict[str, str]:
    """The `path -> value` files of SYSFS_DUMP_COMMAND's output (grep's complaints are skipped)."""
    files: dict[str, str] = {}
    if not isinstance(text, str):
        return files
    for raw in text.splitlines():
        match = _DUMP_LINE.match(raw.strip())
        if match:
            files.setdefault(match.group(1), match.group(2).strip())
    return files


def parse_sysfs_usb(files: dict[str, str]) -> list[UsbDeviceInfo]:
    """The USB devices in sysfs attribute files (keys like `/sys/bus/usb/devices/1-1/idVendor`)."""
    devices: dict[str, dict[str, str]] = {}
    interface_classes: dict[str, list[int]] = {}
    for path, value in _items(files):
        match = _USB_FILE.search(path)
        if not match:
            continue
        entry, attribute = match.groups()
        if ":" in entry:
            # `1-1:1.0` is interface 0 of configuration 1 of device `1-1`.
            if attribute == "bInterfaceClass":
                number = _hex(value)
                if number is not None:
                    interface_classes.setdefault(entry.split(":", 1)[0], []).append(number)
            continue
        devices.setdefault(entry, {})[attribute] = value.strip()
    found = []
    for entry, attributes in devices.items():
        device = _device(entry, attributes, interface_classes.get(entry))
        if device is not None:
            found.append(device)
    return sorted(found, key=lambda d: d.path)


def _device(entry: str, attributes: dict[str, str], classes: list[int] | None) -> UsbDeviceInfo | None:
    if entry.startswith("usb"):
        return None  # a root hub (`usb1`): Android lists no such device
    if _hex(attributes.get("bDeviceClass")) == USB_CLASS_HUB:
        return None
    busnum, devnum = _decimal(attributes.get("busnum")), _decimal(attributes.get("devnum"))
    if busnum is None or devnum is None or not (0 < busnum < 1000 and 0 < devnum < 1000):
        return None  # without both numbers there is no /dev/bus/usb path to select it by
    return UsbDeviceInfo(
        path=usb_path(busnum, devnum),
        vendor_id=_hex(attributes.get("idVendor")),
        product_id=_hex(attributes.get("idProduct")),
        serial=attributes.get("serial") or None,
        manufacturer=attributes.get("manufacturer") or None,
        product=attributes.get("product") or None,
        is_camera=(USB_CLASS_VIDEO in classes) if classes else None,
        is_audio=(USB_CLASS_AUDIO in classes) if classes else None,
        sysfs_port=entry,
    )


def _items(files: object) -> list[tuple[str, str]]:
    if not isinstance(files, dict):
        return []
    return [(k, v) for k, v in files.items() if isinstance(k, str) and isinstance(v, str)]


def _hex(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if not re.fullmatch(r"(0x)?[0-9a-fA-F]{1,4}", text):
        return None
    return int(text, 16)


def _decimal(value: str | None) -> int | None:
    if value is None or not re.fullmatch(r"[0-9]{1,6}", value.strip()):
        return None
    return int(value.strip())
