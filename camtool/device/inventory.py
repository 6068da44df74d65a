"""The camera inventory of one device: built-in cameras and USB devices, merged from the
outputs of INVENTORY_COMMANDS, with exactly the values a WMPF config needs (contract 7).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from camtool.config.keys import USB_TRIPLE
from camtool.device.parsers import (
    SYSFS_DUMP_COMMAND,
    WMPF_PACKAGE,
    BuiltinCamera,
    UsbDeviceInfo,
    VideoNode,
    android_release,
    device_model,
    parse_dumpsys_usb,
    parse_getprop,
    parse_media_camera,
    parse_sysfs_dump,
    parse_sysfs_usb,
    parse_v4l_names,
    wmpf_version_name,
    sdk_level,
)
from camtool.i18n import N_, tr

# The device commands an inventory is built from, each a fixed string with no user data in
# it (so a capture replays it as the same string). The device layer runs these; nothing
# else spells them. Key -> command line for `adb shell`.
INVENTORY_COMMANDS: dict[str, str] = {
    "getprop": "getprop",
    "media_camera": "dumpsys media.camera",
    "usb": "dumpsys usb",
    "wmpf": f"dumpsys package {WMPF_PACKAGE}",
    "sysfs": SYSFS_DUMP_COMMAND,
}

# Why a triple cannot select a USB device: stable codes in the JSON, sentences when shown.
TRIPLE_NO_SERIAL = "no_serial"
TRIPLE_SHARED = "shared_triple"
TRIPLE_NO_IDS = "no_ids"
TRIPLE_REASONS: dict[str, str] = {
    TRIPLE_NO_SERIAL: N_("The device reports no serial number: select it by usbCameraName and expect the path to change when it is replugged."),
    TRIPLE_SHARED: N_("Another connected device has the same vendor id, product id and serial number: select it by usbCameraName and expect the path to change when it is replugged."),
    TRIPLE_NO_IDS: N_("The vendor and product ids could not be read: select it by usbCameraName."),
}


@dataclass(frozen=True)
class DeviceSummary:
    serial: str
    model: str | None = None
    android: str | None = None
    sdk: int | None = None
    wmpf: str | None = None          # None: WMPF is not installed (or its version was not read)


@dataclass(frozen=True)
class BuiltinEntry:
    camera: BuiltinCamera
    usb_path: str | None = None      # the USB camera behind the external HAL, when it can be matched

    def to_json(self) -> dict[str, Any]:
        return {
            "internalCameraName": self.camera.camera_id,
            "facing": self.camera.facing,
            "sensor_orientation": self.camera.sensor_orientation,
            "hal": self.camera.hal,
            "external": self.camera.external,
            "usb_path": self.usb_path,
        }


@dataclass(frozen=True)
class UsbEntry:
    device: UsbDeviceInfo
    triple_usable: bool
    reason: str | None = None        # one of TRIPLE_REASONS when the triple is not usable

    def reason_text(self) -> str | None:
        return tr(TRIPLE_REASONS[self.reason]) if self.reason in TRIPLE_REASONS else None

    def to_json(self) -> dict[str, Any]:
        d = self.device
        return {
            "usbCameraName": d.path,
            "usbCameraVendorId": d.vendor_id,
            "usbCameraProductId": d.product_id,
            "usbSerialNumber": d.serial,
            "vendor_hex": _hex4(d.vendor_id),
            "product_hex": _hex4(d.product_id),
            "manufacturer": d.manufacturer,
            "product": d.product,
            "is_camera": d.is_camera,
            "triple_usable": self.triple_usable,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Inventory:
    device: DeviceSummary
    builtin: list[BuiltinEntry] = field(default_factory=list)
    usb: list[UsbEntry] = field(default_factory=list)
    # Whether each part could be read at all: an empty list from a dump that was not read
    # says nothing about the device, and device rules must not conclude from it.
    builtin_known: bool = True
    usb_known: bool = True
    wmpf_known: bool = True          # False: `dumpsys package` was not read, so wmpf=None means nothing
    video_nodes: list[VideoNode] = field(default_factory=list)

    @property
    def builtin_ids(self) -> list[str]:
        return [entry.camera.camera_id for entry in self.builtin]

    @property
    def usb_cameras(self) -> list[UsbEntry]:
        return [entry for entry in self.usb if entry.device.is_camera]

    def builtin_with_id(self, camera_id: object) -> BuiltinEntry | None:
        """The built-in camera with this public id (what internalCameraName names)."""
        return next((entry for entry in self.builtin if entry.camera.camera_id == camera_id), None)

    # The one matching of USB selector keys to the devices on the bus (device rules CAM602-605,
    # the orientation check's "this config opens no camera", the window's camera list).
    def usb_at(self, path: object) -> UsbEntry | None:
        """The USB device at this usbCameraName path (None: nothing is connected there)."""
        return next((entry for entry in self.usb if entry.device.path == path), None)

    def usb_with_triple(self, triple: tuple[object, object, object]) -> list[UsbEntry]:
        """The USB devices with this (vendor id, product id, serial); more than one: WMPF cannot tell them apart."""
        return [entry for entry in self.usb if entry.device.triple == tuple(triple)]

    def usb_selected_by(self, keys: Mapping[str, object]) -> list[UsbEntry]:
        """The USB devices a config's USB selector keys name: the one at usbCameraName, and those with
        the whole triple (a partial triple names none). The path and the triple are alternatives:
        which one WMPF prefers when both are given is not known, so both are returned."""
        named = []
        if "usbCameraName" in keys:
            at_path = self.usb_at(keys["usbCameraName"])
            named += [at_path] if at_path is not None else []
        if all(key in keys for key in USB_TRIPLE):
            named += [e for e in self.usb_with_triple(tuple(keys[k] for k in USB_TRIPLE)) if e not in named]
        return named

    def to_json(self) -> dict[str, Any]:
        """Contract 7: every field present; codes and keys never change with the language."""
        return {
            "device": {
                "serial": self.device.serial,
                "model": self.device.model,
                "android": self.device.android,
                "sdk": self.device.sdk,
                "wmpf": self.device.wmpf,
            },
            "builtin": [entry.to_json() for entry in self.builtin],
            "usb": [entry.to_json() for entry in self.usb],
        }


def build_inventory(serial: str, props: Mapping[str, str] | str | None, media_camera_text: str | None,
                    usb_text: str | None, sysfs_files: Mapping[str, str] | str | None = None,
                    v4l: Mapping[str, str] | str | None = None, package_text: str | None = None) -> Inventory:
    """Merge what the device printed into one inventory. None = that output was not read.

    `props` is the parsed getprop dict or getprop's text; `sysfs_files` a `path -> value`
    dict or SYSFS_DUMP_COMMAND's text; `v4l` the same for the video4linux names (taken
    from `sysfs_files` when not given).
    """
    properties = parse_getprop(props) if isinstance(props, str) else dict(props) if isinstance(props, Mapping) else {}
    files = _files(sysfs_files)
    nodes = parse_v4l_names(_files(v4l) if v4l is not None else files)
    summary = DeviceSummary(
        serial=str(serial), model=device_model(properties), android=android_release(properties),
        sdk=sdk_level(properties), wmpf=wmpf_version_name(package_text) if package_text else None)
    usb_devices = _merge_usb(parse_dumpsys_usb(usb_text) if usb_text is not None else [],
                             parse_sysfs_usb(files), nodes)
    cameras = parse_media_camera(media_camera_text) if media_camera_text is not None else []
    return Inventory(
        device=summary,
        builtin=_match_external(cameras, usb_devices, nodes),
        usb=_triple_usability(usb_devices),
        builtin_known=_looks_like(media_camera_text, _CAMERA_DUMP_MARKS),
        usb_known=_looks_like(usb_text, _USB_DUMP_MARKS) or any("/sys/bus/usb/devices/" in k for k in files),
        wmpf_known=package_text is not None,
        video_nodes=nodes,
    )


def build_inventory_from_outputs(serial: str, outputs: Mapping[str, str | None]) -> Inventory:
    """The same from the stdout of each INVENTORY_COMMANDS key (a missing key = not read)."""
    return build_inventory(serial, outputs.get("getprop"), outputs.get("media_camera"), outputs.get("usb"),
                           sysfs_files=outputs.get("sysfs"), package_text=outputs.get("wmpf"))


# What every generation of the dump prints; "Can't find service: usb" or a permission
# error prints none of it, and then the list says nothing about the device.
_CAMERA_DUMP_MARKS = re.compile(r"Number of camera devices|Camera HAL device|maps to \"|Camera \d+ (static )?information", re.I)
_USB_DUMP_MARKS = re.compile(r"USB MANAGER STATE|USB Host State|host_manager", re.I)


def _looks_like(text: str | None, marks: re.Pattern[str]) -> bool:
    return isinstance(text, str) and marks.search(text) is not None


def _files(source: Mapping[str, str] | str | None) -> dict[str, str]:
    if isinstance(source, str):
        return parse_sysfs_dump(source)
    return dict(source) if isinstance(source, Mapping) else {}


def _merge_usb(from_dumpsys: list[UsbDeviceInfo], from_sysfs: list[UsbDeviceInfo],
               nodes: list[VideoNode]) -> list[UsbDeviceInfo]:
    """dumpsys usb is what Android (and so WMPF) sees; sysfs fills its gaps and adds devices it lacks."""
    by_path = {d.path: d for d in from_sysfs}
    video_paths = {n.usb_path for n in nodes if n.usb_path}
    merged: dict[str, UsbDeviceInfo] = {}
    for device in from_dumpsys + [d for d in from_sysfs if d.path not in {x.path for x in from_dumpsys}]:
        extra = by_path.get(device.path)
        if extra is not None and extra is not device:
            device = replace(
                device,
                vendor_id=device.vendor_id if device.vendor_id is not None else extra.vendor_id,
                product_id=device.product_id if device.product_id is not None else extra.product_id,
                manufacturer=device.manufacturer or extra.manufacturer,
                product=device.product or extra.product,
                is_camera=device.is_camera if device.is_camera is not None else extra.is_camera,
                is_audio=device.is_audio if device.is_audio is not None else extra.is_audio,
                sysfs_port=extra.sysfs_port)
        if device.is_camera is None and device.path in video_paths:
            device = replace(device, is_camera=True)  # a V4L2 node sits on it: a UVC camera
        merged[device.path] = device
    return sorted(merged.values(), key=lambda d: d.path)


def _triple_usability(devices: list[UsbDeviceInfo]) -> list[UsbEntry]:
    shared = Counter(d.triple for d in devices if d.serial is not None)
    entries = []
    for d in devices:
        if d.vendor_id is None or d.product_id is None:
            entries.append(UsbEntry(d, False, TRIPLE_NO_IDS))
        elif d.serial is None:
            entries.append(UsbEntry(d, False, TRIPLE_NO_SERIAL))
        elif shared[d.triple] > 1:
            entries.append(UsbEntry(d, False, TRIPLE_SHARED))
        else:
            entries.append(UsbEntry(d, True, None))
    return entries


def _match_external(cameras: list[BuiltinCamera], usb_devices: list[UsbDeviceInfo],
                    nodes: list[VideoNode]) -> list[BuiltinEntry]:
    """Link each built-in camera behind the external HAL to its USB device, when certain.

    1. The camera's id or HAL name holds its V4L2 node (`/dev/video0`, Android 9 era) and
       sysfs says which USB device that node sits on: that device.
    2. Otherwise, when exactly one external built-in camera and exactly one USB camera are
       left unmatched, they are the same camera.
    Anything else stays null: a wrong link would send the technician to the wrong keys.
    """
    node_paths = {n.dev_path: n.usb_path for n in nodes if n.usb_path}
    known_paths = {d.path for d in usb_devices}
    links: dict[str, str] = {}
    for camera in cameras:
        node = camera.video_node
        if camera.external and node and node_paths.get(node) in known_paths:
            links[camera.camera_id] = node_paths[node]
    unmatched_external = [c for c in cameras if c.external and c.camera_id not in links]
    unmatched_usb = [d for d in usb_devices if d.is_camera and d.path not in links.values()]
    if len(unmatched_external) == 1 and len(unmatched_usb) == 1:
        links[unmatched_external[0].camera_id] = unmatched_usb[0].path
    return [BuiltinEntry(camera, links.get(camera.camera_id)) for camera in cameras]


def _hex4(value: int | None) -> str | None:
    return f"{value:04x}" if value is not None else None
