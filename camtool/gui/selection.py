"""How the form chooses a camera: the four selection modes and which keys each family owns.

Qt-free on purpose (plain dict edits), so the rules of switching are testable without a
window. A mode is the technician's intent: while a USB triple is half typed, the config
alone would read as "built-in camera" (a partial triple selects nothing), but the form must
stay on the triple and show the error finding instead of jumping away.
"""

from __future__ import annotations

from enum import Enum

from camtool.config.keys import CAMERA_KEY_ORDER, FLIP_KEY, ORIENTATION_KEYS, ROTATION_KEY, ROTATIONS, SELECTOR_KEYS, USB_TRIPLE, Family


class SelectionMode(str, Enum):
    BUILTIN_NAME = "builtin-name"   # internalCameraName (WMPF >= 2.0.0)
    BUILTIN_ID = "builtin-id"       # legacy cameraId
    USB_PATH = "usb-path"           # usbCameraName = /dev/bus/usb/BBB/DDD
    USB_TRIPLE = "usb-triple"       # vendor + product + serial

    @property
    def family(self) -> Family:
        return Family.USB if self in (SelectionMode.USB_PATH, SelectionMode.USB_TRIPLE) else Family.BUILTIN

    @property
    def keys(self) -> tuple[str, ...]:
        return _MODE_KEYS[self]


_MODE_KEYS: dict[SelectionMode, tuple[str, ...]] = {
    SelectionMode.BUILTIN_NAME: ("internalCameraName",),
    SelectionMode.BUILTIN_ID: ("cameraId",),
    SelectionMode.USB_PATH: ("usbCameraName",),
    SelectionMode.USB_TRIPLE: USB_TRIPLE,
}

#: Every camera key of one family (selection + rotation + flip), from config/keys.py's one table.
FAMILY_KEYS: dict[Family, tuple[str, ...]] = {family: SELECTOR_KEYS[family] + ORIENTATION_KEYS[family] for family in Family}


def infer_mode(data: dict) -> SelectionMode:
    """The mode a loaded config was written in; any USB selection key means USB was meant."""
    if "usbCameraName" in data:
        return SelectionMode.USB_PATH
    if any(key in data for key in USB_TRIPLE):
        return SelectionMode.USB_TRIPLE
    if "cameraId" in data and "internalCameraName" not in data:
        return SelectionMode.BUILTIN_ID
    if "internalCameraName" in data:
        # A built-in camera is selected (WMPF uses it); stray USB rotation/flip keys are shown
        # beside the form as keys WMPF ignores, not taken for the camera choice.
        return SelectionMode.BUILTIN_NAME
    if any(key in data for key in FAMILY_KEYS[Family.USB]):
        # Only rotation/flip of the USB family: the author meant a USB camera by path.
        return SelectionMode.USB_PATH
    return SelectionMode.BUILTIN_NAME


def switch_mode(data: dict, old: SelectionMode, new: SelectionMode) -> dict:
    """The config after choosing `new`: the other selection keys go, rotation/flip follow the family.

    Keys that are not camera keys stay untouched and in place (an imported config keeps them).
    """
    result = dict(data)
    for mode in SelectionMode:
        if mode is not new:
            for key in mode.keys:
                if key not in new.keys:
                    result.pop(key, None)
    if old.family is not new.family:
        # Carry the technician's rotation/flip over: the same intent, the other family's keys.
        carried = {table[new.family]: result.get(table[old.family]) for table in (ROTATION_KEY, FLIP_KEY)}
        for key in FAMILY_KEYS[old.family]:
            result.pop(key, None)
        result.update({key: value for key, value in carried.items() if value is not None})
    return result


def rotation_of(data: dict, family: Family) -> int:
    """The active family's rotation as the form shows it (anything invalid shows as 0)."""
    value = data.get(ROTATION_KEY[family], 0)
    return value if type(value) is int and value in ROTATIONS else 0


def flip_of(data: dict, family: Family) -> bool:
    return data.get(FLIP_KEY[family]) is True


def with_rotation(data: dict, family: Family, degrees: int) -> dict:
    """Set the rotation; 0 is WMPF's default, so it is written only when the key was already there."""
    result = dict(data)
    key = ROTATION_KEY[family]
    degrees %= 360
    if degrees == 0 and key not in result:
        return result
    result[key] = degrees
    return result


def with_flip(data: dict, family: Family, flip: bool) -> dict:
    result = dict(data)
    key = FLIP_KEY[family]
    if not flip and key not in result:
        return result
    result[key] = flip
    return result


def keys_on_form(mode: SelectionMode) -> tuple[str, ...]:
    """The keys the selection form offers in this mode: its selection keys, its family's rotation and flip."""
    return (*mode.keys, ROTATION_KEY[mode.family], FLIP_KEY[mode.family])


def keys_off_form(data: dict, mode: SelectionMode) -> list[str]:
    """Camera keys the config holds that the form does not offer in this mode (WMPF ignores or
    rejects them: the other family's keys, the other way of selecting), in key order."""
    shown = keys_on_form(mode)
    return [key for key in CAMERA_KEY_ORDER if key in data and key not in shown]
