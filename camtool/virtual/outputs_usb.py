"""`dumpsys usb` in both generations, with the sections that fool naive parsers.

Android 9+ prints a DualDumpOutputStream tree (`host_manager={ devices={ ... } }`; a field that
occurs twice becomes `devices=[ {...} {...} ]`), plus a connection history that still names
unplugged devices, settings filters with `vendor_id=-1` and a permissions section naming paths.
Android 8.1 and older print `USB Host State:` and one `UsbDevice[...]` line per device whose
configurations continue on the following lines. Device output is never translated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from camtool.virtual.device_state import DeviceSnapshot, UsbPlug
from camtool.virtual.scenario import UsbDevice

TREE_MIN_SDK = 28   # Android 9: the proto-style tree


@dataclass(frozen=True)
class _Interface:
    cls: int
    subclass: int
    protocol: int
    endpoints: tuple[tuple[int, int, int, int], ...] = ()   # (address, attributes, max packet, interval)


@dataclass
class _Node:
    """One `{ }` block: ordered fields; a list value = repeated child blocks of that name."""
    fields: list[tuple[str, str | list[_Node]]] = field(default_factory=list)

    def add(self, name: str, value: object) -> _Node:
        self.fields.append((name, "null" if value is None else _text(value)))
        return self

    def child(self, name: str) -> _Node:
        node = _Node()
        for key, value in self.fields:
            if key == name and isinstance(value, list):
                value.append(node)
                return node
        self.fields.append((name, [node]))
        return node


def _text(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _render(node: _Node, indent: int, out: list[str]) -> None:
    pad = "  " * indent
    for name, value in node.fields:
        if isinstance(value, str):
            out.append(f"{pad}{name}={value}")
        elif len(value) == 1:
            out.append(f"{pad}{name}={{")
            _render(value[0], indent + 1, out)
            out.append(f"{pad}}}")
        else:
            out.append(f"{pad}{name}=[")
            for item in value:
                out.append(f"{pad}  {{")
                _render(item, indent + 2, out)
                out.append(f"{pad}  }}")
            out.append(f"{pad}]")


def interfaces_of(device: UsbDevice) -> list[_Interface]:
    """The interfaces such a device reports: UVC = video control + streaming (class 14)."""
    result: list[_Interface] = []
    if device.is_uvc:
        result += [_Interface(14, 1, 0, ((0x83, 3, 16, 6),)), _Interface(14, 2, 0, ((0x81, 5, 3072, 1),))]
    if device.audio:
        result += [_Interface(1, 1, 0), _Interface(1, 2, 0, ((0x84, 5, 200, 1),))]
        if not device.is_uvc:
            result.append(_Interface(3, 0, 0, ((0x87, 3, 16, 32),)))   # volume buttons (HID)
    if not result:
        result.append(_Interface(3, 1, 1, ((0x81, 3, 8, 10),)))         # a keyboard-like HID device
    return result


def device_class(device: UsbDevice) -> tuple[int, int, int]:
    """bDeviceClass/SubClass/Protocol: UVC cameras use the IAD triple (239, 2, 1)."""
    return (239, 2, 1) if device.is_uvc else (0, 0, 0)


def dumpsys_usb(snap: DeviceSnapshot) -> str:
    if snap.scenario.device.sdk >= TREE_MIN_SDK:
        return _tree(snap)
    return _legacy(snap)


def _tree(snap: DeviceSnapshot) -> str:
    root = _Node()
    handler = root.child("device_manager").child("handler")
    for name, value in (("current_functions", "adb"), ("current_functions_applied", True), ("screen_locked", False),
                        ("connected", True), ("configured", True), ("host_connected", bool(snap.plugged_usb)),
                        ("source_power", False), ("sink_power", True), ("usb_charging", False),
                        ("hide_usb_notification", False), ("audio_accessory_connected", False),
                        ("kernel_state", "CONFIGURED")):
        handler.add(name, value)
    host = root.child("host_manager")
    for plug in snap.plugged_usb:
        _device_node(host.child("devices"), plug)
    host.add("num_connects", sum(1 for c in snap.connections if c.connected))
    for record in snap.connections:
        rec = host.child("connections")
        rec.add("device_address", record.path).add("mode", 0 if record.connected else -1)
        rec.add("timestamp", record.timestamp_ms)
        if record.connected:
            # AOSP writes the ids from the descriptor here, under these (misleading) names.
            rec.add("manufacturer", record.vendor_id).add("product", record.product_id)
            rec.child("is_headset").add("in", False).add("out", False)
    port = root.child("port_manager")
    port.add("is_simulation_active", False)
    usb_port = port.child("usb_ports")
    usb_port.child("port").add("id", "port0").add("supported_modes", "dual")
    usb_port.child("status").add("connected", True).add("current_mode", "dfp").add("power_role", "source").add(
        "data_role", "host")
    root.child("alsa_manager").add("cards_parser", -1)
    user = root.child("settings_manager").child("user_settings")
    user.add("user_id", 0)
    attached = user.child("device_attached_activities")
    attached.child("activity").add("package_name", "com.android.mtp").add("class_name",
                                                                          "com.android.mtp.ReceiverActivity")
    for cls in (255, 6):
        attached.child("filters").add("vendor_id", -1).add("product_id", -1).add("class", cls).add(
            "subclass", 1).add("protocol", 1).add("manufacturer_name", None).add("product_name", None).add(
            "serial_number", None)
    permissions = root.child("permissions_manager").child("user_permissions")
    permissions.add("user_id", 0)
    for plug in snap.plugged_usb:
        if plug.device.is_uvc:
            permissions.child("device_permissions").add("device_name", plug.path).add("uids", 10123)
    out = ["USB MANAGER STATE (dumpsys usb):", "{"]
    _render(root, 1, out)
    out += ["}", ""]
    return "\n".join(out)


def _device_node(node: _Node, plug: UsbPlug) -> None:
    d = plug.device
    cls, sub, proto = device_class(d)
    node.add("name", plug.path).add("vendor_id", d.vendor_id).add("product_id", d.product_id)
    node.add("class", cls).add("subclass", sub).add("protocol", proto)
    node.add("manufacturer_name", d.manufacturer).add("product_name", d.product)
    node.add("version", d.version).add("serial_number", d.serial)
    config = node.child("configurations")
    config.add("id", 1).add("name", None).add("attributes", 128).add("max_power", 250)
    for number, iface in enumerate(interfaces_of(d)):
        item = config.child("interfaces")
        item.add("id", number).add("alternate_settings", 0).add("name", d.product)
        item.add("class", iface.cls).add("subclass", iface.subclass).add("protocol", iface.protocol)
        for address, attributes, size, interval in iface.endpoints:
            ep = item.child("endpoints")
            ep.add("endpoint_address", address).add("direction", address & 0x80).add("number", address & 0x0F)
            ep.add("attributes", attributes).add("type", attributes & 3).add("max_packet_size", size).add(
                "interval", interval)


def _legacy(snap: DeviceSnapshot) -> str:
    lines = ["USB Manager State:", "  USB Device State:", "    mCurrentFunctions: mtp,adb",
             "    mCurrentFunctionsApplied: true", "    mConnected: true", "    mConfigured: true",
             "    mUsbDataUnlocked: false", "    mCurrentAccessory: null",
             f"    mHostConnected: {'true' if snap.plugged_usb else 'false'}",
             "    Kernel state: CONFIGURED", "    Kernel function list: mtp,adb", "  USB Host State:"]
    for plug in snap.plugged_usb:
        lines += _usb_device_line(plug)
    lines += ["  USB Port State:", "    port0: port=UsbPort{id=port0, supportedModes=dual}, status=UsbPortStatus{"
              "connected=true, currentMode=dfp, currentPowerRole=source, currentDataRole=host}",
              "  USB Settings:", "    Device permissions:", "    Accessory permissions:", ""]
    return "\n".join(lines)


def _usb_device_line(plug: UsbPlug) -> list[str]:
    d = plug.device
    cls, sub, proto = device_class(d)
    maker, product, serial = (_java(v) for v in (d.manufacturer, d.product, d.serial))
    # UsbDevice.toString(): the configurations continue on new lines, indented by the writer only.
    first = (f"    {plug.path}: UsbDevice[mName={plug.path},mVendorId={d.vendor_id},mProductId={d.product_id},"
             f"mClass={cls},mSubclass={sub},mProtocol={proto},mManufacturerName={maker},"
             f"mProductName={product},mVersion={d.version},mSerialNumber={serial},mConfigurations=[")
    lines = [first, "  UsbConfiguration[mId=1,mName=null,mAttributes=128,mMaxPower=250,mInterfaces=["]
    for number, iface in enumerate(interfaces_of(d)):
        lines.append(f"  UsbInterface[mId={number},mAlternateSetting=0,mName={product},mClass={iface.cls},"
                     f"mSubclass={iface.subclass},mProtocol={iface.protocol},mEndpoints=[")
        for address, attributes, size, interval in iface.endpoints:
            lines.append(f"  UsbEndpoint[mAddress={address},mAttributes={attributes},mMaxPacketSize={size},"
                         f"mInterval={interval}]")
        lines[-1] += "]"
    lines[-1] += "]]"
    return lines


def _java(value: str | None) -> str:
    """Java string concatenation prints a null reference as "null"."""
    return "null" if value is None else value
