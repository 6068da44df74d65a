"""`camtool cameras` as text: each camera with the exact key values a config needs.

The JSON (contract 7) is for scripts; this is for the technician at the device, so each
line says which keys select that camera and, when the triple cannot, why not.
"""

from __future__ import annotations

from camtool.device.inventory_fetch import FetchedInventory
from camtool.i18n import N_, tr

_FACING = {"back": N_("back"), "front": N_("front"), "external": N_("external (USB behind the camera HAL)")}


def format_inventory(fetched: FetchedInventory) -> str:
    inv = fetched.inventory
    d = inv.device
    unknown = tr(N_("unknown"))
    lines = [tr(N_("Device {serial}: {model}, Android {android} (SDK {sdk}), WMPF {wmpf}"),
                serial=d.serial, model=d.model or unknown, android=d.android or unknown,
                sdk=d.sdk if d.sdk is not None else unknown,
                wmpf=d.wmpf or (tr(N_("not installed")) if inv.wmpf_known else unknown))]
    lines.append("")
    if not inv.builtin_known:
        lines.append(tr(N_("Built-in cameras: unknown (the camera service could not be read).")))
    elif not inv.builtin:
        lines.append(tr(N_("Built-in cameras: none.")))
    else:
        lines.append(tr(N_("Built-in cameras (select with internalCameraName):")))
        for entry in inv.builtin:
            cam = entry.camera
            facing = tr(_FACING[cam.facing]) if cam.facing in _FACING else unknown
            orientation = f"{cam.sensor_orientation}" if cam.sensor_orientation is not None else unknown
            lines.append(tr(N_("  internalCameraName \"{id}\": facing {facing}, sensor orientation {orientation}"),
                            id=cam.camera_id, facing=facing, orientation=orientation))
            if entry.usb_path:
                lines.append(tr(N_("    the USB camera at {path}"), path=entry.usb_path))
    lines.append("")
    if not inv.usb_known:
        lines.append(tr(N_("USB devices: unknown (dumpsys usb could not be read).")))
    elif not inv.usb:
        lines.append(tr(N_("USB devices: none.")))
    else:
        lines.append(tr(N_("USB devices:")))
        for entry in inv.usb:
            dev = entry.device
            kind = {True: tr(N_("camera")), False: tr(N_("not a camera")), None: tr(N_("camera? unknown"))}[dev.is_camera]
            name = " ".join(part for part in (dev.manufacturer, dev.product) if part) or unknown
            lines.append(tr(N_("  usbCameraName \"{path}\": {name} ({kind})"), path=dev.path, name=name, kind=kind))
            if dev.vendor_id is not None and dev.product_id is not None:
                serial = f"\"{dev.serial}\"" if dev.serial is not None else tr(N_("none"))
                lines.append(tr(N_("    usbCameraVendorId {vendor} (0x{vendor_hex}), usbCameraProductId {product} (0x{product_hex}), usbSerialNumber {serial}"),
                                vendor=dev.vendor_id, vendor_hex=f"{dev.vendor_id:04x}", product=dev.product_id,
                                product_hex=f"{dev.product_id:04x}", serial=serial))
            if dev.is_camera and not entry.triple_usable:
                lines.append("    " + (entry.reason_text() or ""))
    for note in fetched.notes:
        lines.append("")
        lines.append(note.text())
    return "\n".join(lines)
