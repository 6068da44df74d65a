"""Device-aware findings (CAM6xx): a config checked against what the connected device has.

The config rules (camtool/config) judge a config on its own; these compare it with one
device's inventory: does the selected built-in id exist, does the USB path or triple find
exactly one connected camera (and which one it probably meant when it finds none), is
the installed WMPF new enough, is a USB camera plugged in that the config does not use.
Nothing is concluded from a part of the inventory that could not be read.
"""

from __future__ import annotations

from camtool.config.findings import Finding, sorted_findings
from camtool.config.keys import UNSEEN_AFTER, USB_TRIPLE, Family, used_camera_keys
from camtool.config.rules_codes import make_finding
from camtool.config.rules_selection import family_in_use
from camtool.config.versions import Gate, GateMiss, format_version, gate_misses, try_parse_version
from camtool.device.inventory import Inventory, UsbEntry
from camtool.device.parsers import WMPF_PACKAGE
from camtool.i18n import N_, ListText



def device_findings(config: dict, inventory: Inventory) -> list[Finding]:
    """Findings from comparing `config` (raw parsed JSON) with the device; never raises."""
    if not isinstance(config, dict) or not isinstance(inventory, Inventory):
        return []
    findings: list[Finding] = []
    if family_in_use(config) is Family.USB:
        if inventory.usb_known:
            findings += _usb_selection(config, inventory)
    else:
        if inventory.builtin_known:
            findings += _builtin_selection(config, inventory)
        if inventory.usb_known:
            findings += _unused_usb_camera(config, inventory)
    findings += _wmpf_version(config, inventory)
    return sorted_findings(findings)


def _finding(code: str, keys: tuple[str, ...], message: str, fix: str, **values: object) -> Finding:
    return make_finding(code, keys, message, fix, **values)


# ---- built-in camera -----------------------------------------------------------------------

def _builtin_selection(config: dict, inventory: Inventory) -> list[Finding]:
    ids = inventory.builtin_ids
    listed = ListText(f'"{i}"' for i in ids)
    name = config.get("internalCameraName")
    if isinstance(name, str) and name.strip() and name not in ids:
        return [_missing_builtin("internalCameraName", name, listed)]
    number = config.get("cameraId")
    if isinstance(number, int) and not isinstance(number, bool) and number >= 0:
        # cameraId is the legacy numeric id: accept it as a public id, or as an index into
        # the list of public cameras (what Camera1 numbered), since either reading may be WMPF's.
        if str(number) not in ids and number >= len(ids):
            return [_missing_builtin("cameraId", str(number), listed)]
    return []


def _missing_builtin(key: str, camera_id: str, listed: ListText) -> Finding:
    if not listed:
        return _finding(
            "CAM601", (key,),
            N_("The device lists no built-in camera, but {key} selects built-in camera \"{camera_id}\"."),
            N_("Select a USB camera (usbCameraName or the vendor/product/serial triple), or check that the device's camera service works (camtool cameras)."),
            key=key, camera_id=camera_id)
    return _finding(
        "CAM601", (key,),
        N_("The device has no built-in camera \"{camera_id}\" ({key}); its cameras are {ids}."),
        N_("Set {key} to one of the ids the device lists: {ids}."),
        key=key, camera_id=camera_id, ids=listed)


def _unused_usb_camera(config: dict, inventory: Inventory) -> list[Finding]:
    cameras = inventory.usb_cameras
    selected = _selected_builtin(config, inventory)
    if selected is not None and selected.usb_path is not None:
        # The built-in camera chosen is this USB camera behind the external HAL: nothing unused.
        cameras = [c for c in cameras if c.device.path != selected.usb_path]
    if not cameras:
        return []
    first = cameras[0].device
    keys = tuple(k for k in ("internalCameraName", "cameraId") if k in config)
    return [_finding(
        "CAM608", keys,
        N_("A USB camera is connected ({cameras}), but the config selects a built-in camera."),
        N_("To use the USB camera, set usbCameraName to {path} or give its vendor id, product id and serial number; else ignore this."),
        cameras=ListText(_describe(c) for c in cameras), path=first.path)]


def _selected_builtin(config: dict, inventory: Inventory):
    name = config.get("internalCameraName")
    return inventory.builtin_with_id(name) if isinstance(name, str) else None


# ---- USB camera ------------------------------------------------------------------------------

def _usb_selection(config: dict, inventory: Inventory) -> list[Finding]:
    path = config.get("usbCameraName")
    vendor, product, serial = (config.get(k) for k in USB_TRIPLE)
    if isinstance(path, str):
        # Vendor/product ids given beside the path (even without a serial) say which camera it was.
        ids = (vendor, product) if _is_id(vendor) and _is_id(product) else None
        return _usb_by_path(path, inventory, ids)
    if _is_id(vendor) and _is_id(product) and isinstance(serial, str):
        return _usb_by_triple(vendor, product, serial, inventory)
    return []  # wrong types: the config rules already say so


def _usb_by_path(path: str, inventory: Inventory, ids: tuple[int, int] | None) -> list[Finding]:
    entry = inventory.usb_at(path)
    cameras = inventory.usb_cameras
    if entry is not None:
        if entry.device.is_camera is False:
            return [_finding(
                "CAM603", ("usbCameraName",),
                N_("The USB device at {path} ({device}) is not a camera."),
                _choose_fix(cameras),
                path=path, device=_label(entry), cameras=_paths(cameras))]
        return []
    guess = _replugged(path, cameras, ids)
    if guess is not None:
        return [_finding(
            "CAM602", ("usbCameraName",),
            N_("No USB device is connected at {path}. It probably meant the camera now at {candidate} ({device}): USB paths change when a camera is replugged or the device reboots."),
            N_("Set usbCameraName to {candidate}, or select the camera by its vendor id, product id and serial number, which do not change."),
            path=path, candidate=guess.device.path, device=_label(guess))]
    return [_finding(
        "CAM602", ("usbCameraName",),
        N_("No USB device is connected at {path}."),
        _choose_fix(cameras),
        path=path, cameras=_paths(cameras))]


def _replugged(path: str, cameras: list[UsbEntry], ids: tuple[int, int] | None) -> UsbEntry | None:
    """The camera a stale path most likely meant: the only one with the ids the config also
    gives, else the only camera, else the only one on the path's bus (the device number
    counts up on a replug; the bus stays)."""
    if ids is not None:
        same_ids = [c for c in cameras if (c.device.vendor_id, c.device.product_id) == ids]
        if len(same_ids) == 1:
            return same_ids[0]
    if len(cameras) == 1:
        return cameras[0]
    same_bus = [c for c in cameras if c.device.path[:16] == path[:16]]  # "/dev/bus/usb/BBB"
    return same_bus[0] if len(same_bus) == 1 else None


def _usb_by_triple(vendor: int, product: int, serial: str, inventory: Inventory) -> list[Finding]:
    keys = tuple(USB_TRIPLE)
    values = dict(vendor=vendor, product=product, serial=serial)
    matches = inventory.usb_with_triple((vendor, product, serial))
    if len(matches) > 1:
        return [_finding(
            "CAM605", keys,
            N_("{count} connected USB devices have vendor id {vendor}, product id {product} and serial number \"{serial}\" ({cameras}): WMPF cannot tell them apart."),
            N_("Select the camera by usbCameraName instead, and expect its path to change when it is replugged."),
            count=len(matches), cameras=ListText(_describe(m) for m in matches), **values)]
    if matches:
        if matches[0].device.is_camera is False:
            return [_finding(
                "CAM604", keys,
                N_("The USB device with vendor id {vendor}, product id {product} and serial number \"{serial}\" ({device}) is not a camera."),
                _choose_fix(inventory.usb_cameras),
                device=_label(matches[0]), cameras=_paths(inventory.usb_cameras), **values)]
        return []
    message = N_("No connected USB camera has vendor id {vendor}, product id {product} and serial number \"{serial}\".")
    same_ids = [c for c in inventory.usb_cameras if (c.device.vendor_id, c.device.product_id) == (vendor, product)]
    if len(same_ids) == 1:
        candidate = same_ids[0].device
        if candidate.serial is None:
            fix = N_("The camera at {candidate} has the same vendor and product id but reports no serial number: select it by usbCameraName = {candidate} (the path changes when it is replugged).")
        else:
            fix = N_("The camera at {candidate} has the same vendor and product id with serial number \"{candidate_serial}\": set usbSerialNumber to \"{candidate_serial}\" if that is the camera.")
        return [_finding("CAM604", keys, message, fix, candidate=candidate.path,
                         candidate_serial=candidate.serial or "", **values)]
    hex_misread = [c for c in inventory.usb_cameras if _hex_written_as_decimal(vendor, product, c)]
    if len(hex_misread) == 1:
        candidate = hex_misread[0].device
        return [_finding(
            "CAM604", keys, message,
            N_("The camera at {candidate} has ids {vendor_hex}:{product_hex} in hex, which are {vendor_decimal} and {product_decimal} in decimal: the JSON needs the decimal numbers."),
            candidate=candidate.path, vendor_hex=f"{candidate.vendor_id:04x}", product_hex=f"{candidate.product_id:04x}",
            vendor_decimal=candidate.vendor_id, product_decimal=candidate.product_id, **values)]
    return [_finding("CAM604", keys, message, _choose_fix(inventory.usb_cameras),
                     cameras=_paths(inventory.usb_cameras), **values)]


def _hex_written_as_decimal(vendor: int, product: int, camera: UsbEntry) -> bool:
    """sysfs and lsusb print `0bda`; a config with 0bda's digits as a decimal number (e.g. 46 for 046d)."""
    d = camera.device
    if d.vendor_id is None or d.product_id is None:
        return False
    return (f"{d.vendor_id:x}", f"{d.product_id:x}") == (str(vendor), str(product))


def _choose_fix(cameras: list[UsbEntry]) -> str:
    if not cameras:
        return N_("No USB camera is connected: connect it (and check it shows in camtool cameras), or select a built-in camera.")
    return N_("Connected USB cameras: {cameras}. Select one of them (camtool cameras lists their paths and triples).")


# ---- WMPF version ----------------------------------------------------------------------------

def _wmpf_version(config: dict, inventory: Inventory) -> list[Finding]:
    used = used_camera_keys(config)
    if not used or not inventory.wmpf_known:
        return []
    if inventory.device.wmpf is None:
        return [_finding(
            "CAM607", tuple(used),
            N_("WMPF ({package}) is not installed on the device, so no camera key takes effect there."),
            N_("Install WMPF on the device before applying the config, or check that this is the right device."),
            package=WMPF_PACKAGE)]
    installed = try_parse_version(inventory.device.wmpf)
    if installed is None:
        return []  # a version text we cannot compare: say nothing rather than guess
    return [_gate_finding(miss, inventory.device.wmpf) for miss in gate_misses(used, installed)]


def _gate_finding(miss: GateMiss, installed: str) -> Finding:
    key, needed = miss.key, format_version(miss.needed)
    if miss.gate is Gate.UNKNOWN:
        return _finding(
            "CAM609", (key,),
            N_("Whether WMPF {installed} on the device reads {key} is unknown: no WMPF client library between "
               "{unseen} (no camera keys) and {needed} (all of them) was found (inferred)."),
            N_("Update WMPF on the device to {needed} or newer to be sure, or check the picture with camtool verify."),
            key=key, needed=needed, installed=installed, unseen=format_version(UNSEEN_AFTER))
    if miss.inferred:
        message = N_("{key} needs WMPF {needed} or newer (assumed from the client library's release history); the device has WMPF {installed}.")
    else:
        message = N_("{key} needs WMPF {needed} or newer; the device has WMPF {installed}, which ignores it.")
    return _finding(
        "CAM606", (key,), message,
        N_("Update WMPF on the device to {needed} or newer; until then {key} has no effect."),
        key=key, needed=needed, installed=installed)


# ---- shared ------------------------------------------------------------------------------------

def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 0xFFFF


def _label(entry: UsbEntry) -> str:
    """Product name and hex ids as lsusb shows them, e.g. `USB2.0 HD UVC WebCam [0bda:5960]`."""
    d = entry.device
    name = d.product or d.manufacturer or ""
    ids = f"[{d.vendor_id:04x}:{d.product_id:04x}]" if d.vendor_id is not None and d.product_id is not None else ""
    return " ".join(part for part in (name, ids) if part) or "?"


def _describe(entry: UsbEntry) -> str:
    return f"{_label(entry)} @ {entry.device.path}"


def _paths(cameras: list[UsbEntry]) -> ListText:
    return ListText(_describe(c) for c in cameras)
