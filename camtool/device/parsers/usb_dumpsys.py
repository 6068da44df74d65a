"""Parser of `dumpsys usb`: the USB devices connected now, in both output generations.

Android 9 and newer print a tree (`host_manager={ ... devices={ ... } }`); only
`host_manager` > `devices` lists devices that are there now: `connections` is a history,
`settings_manager` filters print `vendor_id=-1`, `permissions_manager` names paths too, so
scanning the whole text for `vendor_id=` would invent devices. Android 8.1 and older print
`USB Host State:` with one `/dev/bus/usb/BBB/DDD: UsbDevice[...]` line per device, its
configurations and interfaces continued on the next lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from camtool.device.parsers.records import USB_CLASS_AUDIO, USB_CLASS_VIDEO, UsbDeviceInfo, is_usb_path


@dataclass
class _Node:
    """One `name={`/`name=[` (or unnamed `{`) block of the Android 9+ tree."""

    name: str
    is_list: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    children: list[_Node] = field(default_factory=list)

    def child(self, name: str) -> _Node | None:
        return next((c for c in self.children if c.name == name), None)

    def items(self) -> list[_Node]:
        """The objects a field holds: `x={...}` is one, `x=[ {...} {...} ]` is several."""
        return [c for c in self.children if not c.is_list] if self.is_list else [self]

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def parse_dumpsys_usb(text: str) -> list[UsbDeviceInfo]:
    """The connected USB devices of a `dumpsys usb` output (either generation), by path order."""
    if not isinstance(text, str):
        return []
    if "host_manager" in text:
        devices = _tree_devices(text)
    else:
        devices = _host_state_devices(text)
    unique: dict[str, UsbDeviceInfo] = {}
    for device in devices:
        unique.setdefault(device.path, device)
    return sorted(unique.values(), key=lambda d: d.path)


# ---- Android 9 and newer: the tree -------------------------------------------------------

def _parse_tree(text: str) -> _Node:
    root = _Node("")
    stack = [root]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line in ("}", "]", "},", "],"):
            if len(stack) > 1:
                stack.pop()
            continue
        if line == "{":
            node = _Node("")
            stack[-1].children.append(node)
            stack.append(node)
            continue
        name, sep, value = line.partition("=")
        if not sep or not name:
            continue  # free text (event logs, vendor lines): not part of the tree's fields
        name = name.strip()
        if value in ("{", "["):
            node = _Node(name, is_list=value == "[")
            stack[-1].children.append(node)
            stack.append(node)
        else:
            stack[-1].fields.setdefault(name, value.strip())
    return root


def _tree_devices(text: str) -> list[UsbDeviceInfo]:
    root = _parse_tree(text)
    host = next((n for n in root.walk() if n.name == "host_manager" and not n.is_list), None)
    if host is None:
        return []
    devices = host.child("devices")
    if devices is None:
        return []
    found = []
    for node in devices.items():
        device = _tree_device(node)
        if device is not None:
            found.append(device)
    return found


def _tree_device(node: _Node) -> UsbDeviceInfo | None:
    path = node.fields.get("name", "")
    if not is_usb_path(path):
        return None
    classes = [_int(item.fields.get("class"))
               for sub in node.walk() if sub.name == "interfaces"
               for item in sub.items()]
    return UsbDeviceInfo(
        path=path,
        vendor_id=_usb_id(node.fields.get("vendor_id")),
        product_id=_usb_id(node.fields.get("product_id")),
        serial=_string(node.fields.get("serial_number")),
        manufacturer=_string(node.fields.get("manufacturer_name")),
        product=_string(node.fields.get("product_name")),
        is_camera=(USB_CLASS_VIDEO in classes) if classes else None,
        is_audio=(USB_CLASS_AUDIO in classes) if classes else None,
    )


# ---- Android 8.1 and older: `USB Host State:` lines --------------------------------------

_HOST_STATE = re.compile(r"^(\s*)USB Host State:\s*$")
_DEVICE_LINE = re.compile(r"^\s*(/dev/bus/usb/\d{3}/\d{3}):\s*UsbDevice\[(.*)$")
_CONTINUATION = re.compile(r"^\s*(UsbConfiguration|UsbInterface|UsbEndpoint)\[")
# UsbDevice.toString() prints these fields in this order; a value is what lies between one
# field and the next, so a product name with a comma in it stays whole.
_OLD_FIELDS = ("mName", "mVendorId", "mProductId", "mClass", "mSubclass", "mProtocol",
               "mManufacturerName", "mProductName", "mVersion", "mSerialNumber", "mConfigurations")
_INTERFACE_CLASS = re.compile(r"UsbInterface\[[^\]]*?mClass=(\d+)")


def _host_state_devices(text: str) -> list[UsbDeviceInfo]:
    found = []
    for chunk in _host_state_chunks(text.splitlines()):
        device = _old_device(chunk)
        if device is not None:
            found.append(device)
    return found


def _host_state_chunks(lines: list[str]) -> list[str]:
    """The text of each device line plus its continuation lines, inside `USB Host State:` only."""
    start = next((i for i, line in enumerate(lines) if _HOST_STATE.match(line)), None)
    if start is None:
        # A pasted fragment without its header: device lines are unambiguous on their own.
        start, indent = -1, -1
    else:
        indent = len(_HOST_STATE.match(lines[start]).group(1))
    chunks: list[list[str]] = []
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        if _DEVICE_LINE.match(line):
            chunks.append([line.strip()])
        elif chunks and _CONTINUATION.match(line):
            chunks[-1].append(line.strip())
        elif indent >= 0 and len(line) - len(line.lstrip()) <= indent:
            break  # the next section of the dump (e.g. `USB Port State:`)
    return ["".join(chunk) for chunk in chunks]


def _old_device(chunk: str) -> UsbDeviceInfo | None:
    match = _DEVICE_LINE.match(chunk)
    if not match:
        return None
    path, body = match.group(1), match.group(2)
    values = _ordered_fields(body)
    classes = [int(c) for c in _INTERFACE_CLASS.findall(body)]
    return UsbDeviceInfo(
        path=path,
        vendor_id=_usb_id(values.get("mVendorId")),
        product_id=_usb_id(values.get("mProductId")),
        serial=_string(values.get("mSerialNumber")),
        manufacturer=_string(values.get("mManufacturerName")),
        product=_string(values.get("mProductName")),
        is_camera=(USB_CLASS_VIDEO in classes) if classes else None,
        is_audio=(USB_CLASS_AUDIO in classes) if classes else None,
    )


def _ordered_fields(body: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for i, name in enumerate(_OLD_FIELDS[:-1]):
        start = body.find(name + "=")
        if start < 0:
            continue
        start += len(name) + 1
        end = -1
        for later in _OLD_FIELDS[i + 1:]:
            end = body.find("," + later + "=", start)
            if end >= 0:
                break
        values[name] = body[start:end] if end >= 0 else body[start:].rstrip("]")
    return values


# ---- shared value helpers -----------------------------------------------------------------

def _string(value: str | None) -> str | None:
    """`null` and empty print the same way on Android: no value."""
    if value is None:
        return None
    value = value.strip()
    return None if value in ("", "null") else value


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value is not None else None
    except ValueError:
        return None


def _usb_id(value: str | None) -> int | None:
    number = _int(value)
    return number if number is not None and 0 <= number <= 0xFFFF else None
