"""Run INVENTORY_COMMANDS on a device and build its camera inventory.

One slow or failing command must not cost the technician the whole inventory: a command
that times out or fails becomes a note (the inventory then marks that part unknown, so the
device rules conclude nothing from it). Only when the device itself is unusable (gone,
unauthorized, not attached) or *no* command answered at all is it an error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from camtool.device.adb_io import DeviceIO, ShellResult
from camtool.device.answer_checks import cut_answer
from camtool.device.errors import (
    AdbUnavailable,
    DeviceAnswerCut,
    DeviceError,
    DeviceGone,
    DeviceNoPermissions,
    DeviceNotFound,
    DeviceOffline,
    DeviceUnauthorized,
)
from camtool.device.inventory import INVENTORY_COMMANDS, Inventory, build_inventory_from_outputs
from camtool.i18n import N_, tr
from camtool.printable import printable

#: Per command: `dumpsys media.camera` on a busy device takes a few seconds; 10 s is generous.
COMMAND_TIMEOUT_S = 10.0

# Errors after which the next command cannot succeed either: stop and say so. A cut answer
# is one too: an inventory built from half an answer is reported as fact (cameras "none",
# a model "unknown") and then refuses a camera that is there.
_FATAL = (DeviceGone, DeviceNotFound, DeviceUnauthorized, DeviceOffline, DeviceNoPermissions, AdbUnavailable,
          DeviceAnswerCut)


class FetchCancelled(Exception):
    """The caller cancelled the fetch (the window closed); no inventory is built from half the answers."""


@dataclass(frozen=True)
class FetchNote:
    """Why one command's answer is missing from the inventory (shown translated, key stays English)."""

    key: str
    command: str
    reason: str

    def text(self) -> str:
        return tr(N_("`{command}` gave no usable answer ({reason}); that part of the inventory is unknown."),
                  command=self.command, reason=printable(self.reason))


@dataclass(frozen=True)
class FetchedInventory:
    inventory: Inventory
    notes: list[FetchNote] = field(default_factory=list)
    results: dict[str, ShellResult] = field(default_factory=dict)   # raw answers, for captures

    def to_json(self) -> dict:
        data = self.inventory.to_json()
        # Notes are extra information: the contract-7 fields stay exactly as they are.
        if self.notes:
            data["notes"] = [{"command": n.command, "reason": n.reason} for n in self.notes]
        return data


def run_commands(io: DeviceIO, serial: str, commands: Mapping[str, str], timeout: float = COMMAND_TIMEOUT_S,
                 cancelled: Callable[[], bool] | None = None) -> tuple[dict[str, ShellResult], list[FetchNote]]:
    """Run each command; answers by key plus notes for those that failed. Raises only when unusable.

    `cancelled` is asked before each command; once it says True the run stops with
    FetchCancelled (the command in hand ends by its timeout at the latest)."""
    results: dict[str, ShellResult] = {}
    notes: list[FetchNote] = []
    first_error: DeviceError | None = None
    for key, command in commands.items():
        if cancelled is not None and cancelled():
            raise FetchCancelled(serial)
        try:
            result = io.shell(serial, command, timeout=timeout)
        except DeviceError as exc:
            if isinstance(exc, _FATAL):
                raise
            first_error = first_error or exc
            notes.append(FetchNote(key, command, exc.message))
            continue
        if result.exit_code != 0 and not result.stdout.strip() and not _only_missing_files(result.stderr):
            err = result.stderr.decode("utf-8", "replace").strip() or tr(N_("exit code {code}"), code=result.exit_code)
            notes.append(FetchNote(key, command, err))
        results[key] = result
    if not results and first_error is not None:
        raise first_error  # nothing answered: a slow device is a timeout, not an empty inventory
    return results, notes


def fetch_inventory(io: DeviceIO, serial: str, timeout: float = COMMAND_TIMEOUT_S,
                    cancelled: Callable[[], bool] | None = None) -> FetchedInventory:
    """The inventory of `serial` through `io` (any DeviceIO: adb, or a fake in tests)."""
    require = getattr(io, "require_ready", None)
    if require is not None:
        require(serial)  # not attached / unauthorized / offline: the error that says what to do
    results, notes = run_commands(io, serial, INVENTORY_COMMANDS, timeout, cancelled)
    cut = cut_answer(results)
    if cut is not None:
        raise DeviceAnswerCut(serial, INVENTORY_COMMANDS[cut])
    outputs: dict[str, str | None] = {
        key: (results[key].text if key in results and results[key].stdout.strip() else None)
        for key in INVENTORY_COMMANDS}
    inventory = build_inventory_from_outputs(serial, outputs)
    return FetchedInventory(inventory, notes, results)


def _only_missing_files(stderr: bytes) -> bool:
    """grep over sysfs globs that match nothing (a device without USB devices) is an answer, not a failure."""
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return bool(lines) and all(line.endswith("No such file or directory") for line in lines)


# -- `camtool cameras` as text ------------------------------------------------------------------
# The JSON (contract 7) is for scripts; this is for the technician at the device, so each
# line says which keys select that camera and, when the triple cannot, why not.

_FACING = {"back": N_("back"), "front": N_("front"), "external": N_("external (USB behind the camera HAL)")}


def format_inventory(fetched: FetchedInventory) -> str:
    """The inventory for a terminal. Every string in it came from the device: each goes through
    `printable`, so a model name with ESC or CR/LF cannot forge or recolour a line."""
    inv = fetched.inventory
    d = inv.device
    unknown = tr(N_("unknown"))
    lines = [tr(N_("Device {serial}: {model}, Android {android} (SDK {sdk}), WMPF {wmpf}"),
                serial=printable(d.serial), model=printable(d.model or unknown), android=printable(d.android or unknown),
                sdk=d.sdk if d.sdk is not None else unknown,
                wmpf=printable(d.wmpf or (tr(N_("not installed")) if inv.wmpf_known else unknown)))]
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
                            id=printable(cam.camera_id), facing=facing, orientation=orientation))
            if entry.usb_path:
                lines.append(tr(N_("    the USB camera at {path}"), path=printable(entry.usb_path)))
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
            lines.append(tr(N_("  usbCameraName \"{path}\": {name} ({kind})"), path=printable(dev.path), name=printable(name),
                            kind=kind))
            if dev.vendor_id is not None and dev.product_id is not None:
                serial = f"\"{printable(dev.serial)}\"" if dev.serial is not None else tr(N_("none"))
                lines.append(tr(N_("    usbCameraVendorId {vendor} (0x{vendor_hex}), usbCameraProductId {product} (0x{product_hex}), usbSerialNumber {serial}"),
                                vendor=dev.vendor_id, vendor_hex=f"{dev.vendor_id:04x}", product=dev.product_id,
                                product_hex=f"{dev.product_id:04x}", serial=serial))
            if dev.is_camera and not entry.triple_usable:
                lines.append("    " + (entry.reason_text() or ""))
    for note in fetched.notes:
        lines.append("")
        lines.append(note.text())
    return "\n".join(lines)
