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
_PLATFORM = "/sys/devices/platform"
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


def video_nodes(snap: DeviceSnapshot) -> dict[int, tuple[str, int, int | None]]:
    """videoN number -> (node name, index within its device, n-th UVC camera or None for SoC nodes).
    A UVC camera keeps its numbers while another one is unplugged (the kernel hands out the
    lowest free number)."""
    nodes: dict[int, tuple[str, int, int | None]] = {
        n: (name, 0, None) for n, name in enumerate(snap.scenario.device.v4l2_soc_nodes)}
    number = len(nodes)
    for owner, plug in enumerate(p for p in snap.usb if p.device.is_uvc):
        # uvcvideo: "<device name>: <entity name>", both the product string here, cut to 31 bytes.
        product = plug.device.product or f"UVC Camera ({plug.device.vendor_id:04x}:{plug.device.product_id:04x})"
        name = f"{product}: {product}"[:31]
        if plug.plugged:
            nodes[number] = (name, 0, owner)
            nodes[number + 1] = (name, 1, owner)     # capture node + metadata node, same name
        number += 2
    return nodes


def sysfs_tree(snap: DeviceSnapshot) -> VirtualTree:
    """The virtual sysfs of one end: real directories under /sys/devices, with the symlinks the
    kernel makes (/sys/bus/usb/devices/*, videoN/device), so `videoN/device/../busnum` works."""
    files: dict[str, str] = {}
    links: dict[str, str] = {}
    ports = usb_ports(snap)
    first_interface: dict[int, str] = {}
    for bus in sorted({plug.bus for plug in snap.plugged_usb}):
        hub = f"{_PLATFORM}/usb{bus}host/usb{bus}"
        links[f"{USB_DEVICES}/usb{bus}"] = hub
        _put(files, hub, idVendor="1d6b", idProduct="0002", manufacturer=f"Linux {_KERNEL} xhci-hcd",
             product="xHCI Host Controller", serial=f"xhci-hcd.{bus - 1}.auto", busnum=str(bus), devnum="1",
             bDeviceClass="09", version=" 2.00", speed="480")
        links[f"{USB_DEVICES}/{bus}-0:1.0"] = f"{hub}/{bus}-0:1.0"
        _put(files, f"{hub}/{bus}-0:1.0", bInterfaceClass="09", bInterfaceSubClass="00",
             bInterfaceNumber="00", bAlternateSetting=" 0")
    for plug in snap.plugged_usb:
        name = f"{plug.bus}-{ports[plug.index]}"
        first_interface[plug.index] = _usb_device(files, links, plug, name,
                                                  f"{_PLATFORM}/usb{plug.bus}host/usb{plug.bus}/{name}")
    soc_device = f"{_PLATFORM}/fdce0000.rkcif"
    uvc_order = [plug for plug in snap.usb if plug.device.is_uvc]
    for number, (name, index, owner) in video_nodes(snap).items():
        node = f"{VIDEO4LINUX}/video{number}"
        files[f"{node}/name"] = name
        files[f"{node}/index"] = str(index)
        if owner is None:
            links[f"{node}/device"] = soc_device
            files[f"{soc_device}/modalias"] = "of:NrkcifT(null)Crockchip,rk3588-cif"
        else:
            links[f"{node}/device"] = first_interface[uvc_order[owner].index]
    return VirtualTree({p: (t + "\n").encode("utf-8") for p, t in files.items()}, links)


def _usb_device(files: dict[str, str], links: dict[str, str], plug: UsbPlug, name: str, real: str) -> str:
    """Files of one USB device and its interfaces; returns the real path of interface 0."""
    d = plug.device
    cls = device_class(d)[0]
    links[f"{USB_DEVICES}/{name}"] = real
    attributes = dict(idVendor=f"{d.vendor_id:04x}", idProduct=f"{d.product_id:04x}", busnum=str(plug.bus),
                      devnum=str(plug.dev), bDeviceClass=f"{cls:02x}", version=" " + d.version, speed="480",
                      devpath=name.split("-", 1)[1])
    # The kernel creates these files only when the device reports the string.
    for key, value in (("manufacturer", d.manufacturer), ("product", d.product), ("serial", d.serial)):
        if value is not None:
            attributes[key] = value
    _put(files, real, **attributes)
    for number, iface in enumerate(interfaces_of(d)):
        iface_files = dict(bInterfaceClass=f"{iface.cls:02x}", bInterfaceSubClass=f"{iface.subclass:02x}",
                           bInterfaceProtocol=f"{iface.protocol:02x}", bInterfaceNumber=f"{number:02x}",
                           bAlternateSetting=" 0", bNumEndpoints=f"{len(iface.endpoints):02x}")
        if d.product is not None:
            iface_files["interface"] = d.product
        _put(files, f"{real}/{name}:1.{number}", **iface_files)
        links[f"{USB_DEVICES}/{name}:1.{number}"] = f"{real}/{name}:1.{number}"
    return f"{real}/{name}:1.0"


def _put(files: dict[str, str], directory: str, **attributes: str) -> None:
    for key, value in attributes.items():
        files[f"{directory}/{key}"] = value


class VirtualTree:
    """A read-only file tree with symlinks, resolved the way the kernel does (`..` after a link
    goes to the link target's parent), for `cat`, `ls`, `grep` and sh-style globbing."""

    def __init__(self, files: dict[str, bytes], links: dict[str, str]) -> None:
        self.files = files
        self.links = links
        self._children: dict[str, set[str]] = {"/": set()}
        for path in list(files) + list(links):
            child = path
            parent = posixpath.dirname(child)
            while True:
                known = parent in self._children
                self._children.setdefault(parent, set()).add(posixpath.basename(child))
                if known or parent == "/":
                    break
                child, parent = parent, posixpath.dirname(parent)

    def resolve(self, path: str) -> str:
        current = "/"
        for segment in path.split("/"):
            if segment in ("", "."):
                continue
            if segment == "..":
                current = posixpath.dirname(current)
                continue
            current = posixpath.join(current, segment)
            if current in self.links:
                current = self.links[current]
        return current

    def read(self, path: str) -> bytes | None:
        return self.files.get(self.resolve(path))

    def is_dir(self, path: str) -> bool:
        return self.resolve(path) in self._children

    def exists(self, path: str) -> bool:
        real = self.resolve(path)
        return real in self.files or real in self._children

    def list(self, path: str) -> list[str] | None:
        """Entry names of a directory, sorted like toybox ls; None when it is no directory."""
        real = self.resolve(path)
        return sorted(self._children[real]) if real in self._children else None

    def glob(self, pattern: str) -> list[str]:
        """sh pathname expansion: matches as written (sorted), or [pattern] when nothing matches."""
        if not any(ch in pattern for ch in "*?["):
            return [pattern]
        prefixes = ["/" if pattern.startswith("/") else ""]
        for segment in pattern.split("/"):
            if segment == "":
                continue
            if any(ch in segment for ch in "*?["):
                prefixes = [posixpath.join(p, name) for p in prefixes for name in (self.list(p or "/") or [])
                            if fnmatch.fnmatchcase(name, segment) and not name.startswith(".")]
            else:
                prefixes = [posixpath.join(p, segment) for p in prefixes]
        matches = sorted(p for p in prefixes if self.exists(p))
        return matches or [pattern]
