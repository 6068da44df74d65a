"""The sysfs files a technician (and camtool) reads: USB devices and video4linux node names.

`/sys/bus/usb/devices/` holds root hubs (`usb1`), devices (`1-1`, named bus-port) with hex
`idVendor`/`idProduct` and decimal `busnum`/`devnum`, no `serial` file when the device has no
serial, and interface entries (`1-1:1.0`) with `bInterfaceClass` (`0e` = video).
`/sys/class/video4linux/videoN/name` lists the SoC pipeline nodes first (on Rockchip:
`stream_cif_mipi_id0`, `rkcif_mipi_lvds`, ...: not cameras), then two nodes per UVC camera.
"""

from __future__ import annotations

import fnmatch
import posixpath

from camtool.virtual.device_state import DeviceSnapshot, UsbPlug
from camtool.virtual.outputs_usb import device_class, interfaces_of

USB_DEVICES = "/sys/bus/usb/devices"
VIDEO4LINUX = "/sys/class/video4linux"
_KERNEL = "5.10.160"


def usb_ports(snap: DeviceSnapshot) -> dict[int, str]:
    """Scenario index -> port path on its bus ("1", "2", ... in scenario order unless given)."""
    ports: dict[int, str] = {}
    next_port: dict[int, int] = {}
    for plug in snap.usb:
        if plug.device.port is not None:
            ports[plug.index] = plug.device.port
        else:
            next_port[plug.bus] = next_port.get(plug.bus, 0) + 1
            ports[plug.index] = str(next_port[plug.bus])
    return ports


def video_nodes(snap: DeviceSnapshot) -> dict[int, tuple[str, int]]:
    """videoN number -> (node name, index within its device). A UVC camera keeps its numbers
    while another one is unplugged (the kernel hands out the lowest free number)."""
    nodes = {n: (name, 0) for n, name in enumerate(snap.scenario.device.v4l2_soc_nodes)}
    number = len(nodes)
    for plug in snap.usb:
        if not plug.device.is_uvc:
            continue
        # uvcvideo names the node after the product string (or its ids when there is none).
        name = plug.device.product or f"UVC Camera ({plug.device.vendor_id:04x}:{plug.device.product_id:04x})"
        if plug.plugged:
            nodes[number] = (name, 0)
            nodes[number + 1] = (name, 1)     # capture node + metadata node, same name
        number += 2
    return nodes


def sysfs_files(snap: DeviceSnapshot) -> dict[str, bytes]:
    """Absolute path -> content of every virtual sysfs file (directories are implied by the paths)."""
    files: dict[str, str] = {}
    ports = usb_ports(snap)
    for bus in sorted({plug.bus for plug in snap.plugged_usb}):
        hub = f"{USB_DEVICES}/usb{bus}"
        _put(files, hub, idVendor="1d6b", idProduct="0002", manufacturer=f"Linux {_KERNEL} xhci-hcd",
             product="xHCI Host Controller", serial=f"xhci-hcd.{bus - 1}.auto", busnum=str(bus), devnum="1",
             bDeviceClass="09", version=" 2.00", speed="480")
        _put(files, f"{USB_DEVICES}/{bus}-0:1.0", bInterfaceClass="09", bInterfaceSubClass="00",
             bInterfaceNumber="00", bAlternateSetting=" 0")
    for plug in snap.plugged_usb:
        _usb_device(files, plug, f"{plug.bus}-{ports[plug.index]}")
    for number, (name, index) in video_nodes(snap).items():
        files[f"{VIDEO4LINUX}/video{number}/name"] = name
        files[f"{VIDEO4LINUX}/video{number}/index"] = str(index)
    return {path: (text + "\n").encode("utf-8") for path, text in files.items()}


def _usb_device(files: dict[str, str], plug: UsbPlug, name: str) -> None:
    d = plug.device
    cls = device_class(d)[0]
    attributes = dict(idVendor=f"{d.vendor_id:04x}", idProduct=f"{d.product_id:04x}", busnum=str(plug.bus),
                      devnum=str(plug.dev), bDeviceClass=f"{cls:02x}", version=" " + d.version, speed="480",
                      devpath=name.split("-", 1)[1])
    # The kernel creates these files only when the device reports the string.
    for key, value in (("manufacturer", d.manufacturer), ("product", d.product), ("serial", d.serial)):
        if value is not None:
            attributes[key] = value
    _put(files, f"{USB_DEVICES}/{name}", **attributes)
    for number, iface in enumerate(interfaces_of(d)):
        iface_files = dict(bInterfaceClass=f"{iface.cls:02x}", bInterfaceSubClass=f"{iface.subclass:02x}",
                           bInterfaceProtocol=f"{iface.protocol:02x}", bInterfaceNumber=f"{number:02x}",
                           bAlternateSetting=" 0", bNumEndpoints=f"{len(iface.endpoints):02x}")
        if d.product is not None:
            iface_files["interface"] = d.product
        _put(files, f"{USB_DEVICES}/{name}:1.{number}", **iface_files)


def _put(files: dict[str, str], directory: str, **attributes: str) -> None:
    for key, value in attributes.items():
        files[f"{directory}/{key}"] = value


# -- a read-only view for `cat` and `ls` --

def directories(files: dict[str, bytes]) -> set[str]:
    result = {"/"}
    for path in files:
        parent = posixpath.dirname(path)
        while parent not in result:
            result.add(parent)
            parent = posixpath.dirname(parent)
    return result


def list_directory(files: dict[str, bytes], path: str) -> list[str] | None:
    """Entry names of a directory (sorted, like toybox ls), or None when there is no such directory."""
    path = _normal(path)
    if path not in directories(files):
        return None
    prefix = path.rstrip("/") + "/"
    names = {p[len(prefix):].split("/", 1)[0] for p in list(files) + sorted(directories(files))
             if p.startswith(prefix) and p != prefix}
    return sorted(names)


def expand(files: dict[str, bytes], pattern: str) -> list[str]:
    """Glob a path pattern over the virtual tree, as sh does (sorted; no match = [])."""
    if not any(ch in pattern for ch in "*?["):
        return [pattern]
    candidates = sorted(set(files) | directories(files))
    pattern = _normal(pattern)
    depth = pattern.count("/")
    return [p for p in candidates if p.count("/") == depth and fnmatch.fnmatchcase(p, pattern)]


def _normal(path: str) -> str:
    normal = posixpath.normpath(path) if path else "/"
    return "/" + normal.lstrip("/")
