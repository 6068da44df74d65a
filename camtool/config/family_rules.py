"""The family rules (docs/domain.md): which camera family a config selects, and which of its
camera keys WMPF reads.

`camera_selection` is the one place that decides it; the rules, the model, the semantics
(`ends_for`) and the virtual device ask it. A key counts when this WMPF version is not known
to lack it and its value is one WMPF's typed JSON getters read (`valid_value`); every other
key is reported as ignored, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from camtool.config.keys import FLIP_KEY, KEYS_BY_NAME, ROTATION_KEY, ROTATIONS, SELECTOR_KEYS, USB_TRIPLE, Family
from camtool.config.versions import Gate, gate
# The window and the check read a typed or reported version leniently (unknown, not an error).
from camtool.config.versions import parse_version_prefix as parse_wmpf_version
from camtool.i18n import N_

__all__ = ["Selection", "camera_selection", "selected_family", "valid_value", "SELECTORS", "parse_wmpf_version",
           "REASON_OTHER_FAMILY", "REASON_NEEDS_NEWER_WMPF", "REASON_INVALID_VALUE", "REASON_PARTIAL_TRIPLE",
           "REASON_CASE"]

# Reasons a key had no effect. English sources; shown through tr().
REASON_OTHER_FAMILY = N_("This key belongs to the other camera family; WMPF ignores it for the camera in use.")
REASON_NEEDS_NEWER_WMPF = N_("This key needs a newer WMPF than the one on the device; WMPF ignores it.")
REASON_INVALID_VALUE = N_("Invalid value (wrong JSON type or out of range); WMPF ignores it.")
REASON_PARTIAL_TRIPLE = N_("A USB camera is selected only by usbCameraName or by all three of vendor id, product id and serial number; a partial triple selects nothing.")
REASON_CASE = N_("Keys are case-sensitive: WMPF does not know this spelling of a camera key.")


def _version_of(wmpf: str | tuple | None) -> tuple[int, int, int] | None:
    return wmpf if isinstance(wmpf, tuple) else parse_wmpf_version(wmpf)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def valid_value(key: str, value: object) -> bool:
    """Whether WMPF can use `value` for the camera key (its JSON getter reads it, in range).

    Wrong types are not coerced: WMPF reads these with typed JSON getters, so "3034", true or
    "0x0bda" for an id and "" for a name select nothing *(inferred)*.
    """
    if key in ("internalCameraName", "usbCameraName", "usbSerialNumber"):
        return isinstance(value, str) and value.strip() != ""
    if key == "cameraId":
        return _is_int(value) and value >= 0
    if key in ("usbCameraVendorId", "usbCameraProductId"):
        return _is_int(value) and 0 <= value <= 0xFFFF
    if key in ROTATION_KEY.values():
        return _is_int(value) and value in ROTATIONS
    if key in FLIP_KEY.values():
        return isinstance(value, bool)
    return False


SELECTORS = SELECTOR_KEYS
_LOWER = {name.lower(): name for name in KEYS_BY_NAME}


@dataclass(frozen=True)
class Selection:
    """Which camera family a config selects, and the camera keys WMPF reads for it."""

    family: Family | None                  # None: no key selects a camera (WMPF's default built-in one)
    usable: dict[str, Any]                 # keys that take effect, with their values
    ignored: tuple[tuple[str, str], ...]   # (key, N_-marked reason), in the config's order

    @property
    def in_use(self) -> Family:
        """The family of the camera WMPF opens (its default camera is a built-in one)."""
        return self.family or Family.BUILTIN


def camera_selection(config: object, wmpf_version: str | tuple | None = None) -> Selection:
    """The one decision of which family a config selects (docs/domain.md, the family rules).

    A key counts when WMPF reads it: this WMPF version is not known to lack it, and its value
    is valid (`valid_value`). USB when usbCameraName or the whole triple counts, else built-in
    when a built-in selector counts, else nothing selected. Never raises.
    """
    items = config if isinstance(config, dict) else {}
    version = _version_of(wmpf_version)
    ignored: list[tuple[str, str]] = []
    usable: dict[str, Any] = {}
    for key, value in items.items():
        if not isinstance(key, str):
            continue
        if key not in KEYS_BY_NAME:
            if key.lower() in _LOWER:
                ignored.append((key, REASON_CASE))
            continue
        if gate(key, version) is Gate.ABSENT:
            ignored.append((key, REASON_NEEDS_NEWER_WMPF))
        elif not valid_value(key, value):
            ignored.append((key, REASON_INVALID_VALUE))
        else:
            usable[key] = value
    triple = [k for k in USB_TRIPLE if k in usable]
    if "usbCameraName" in usable or len(triple) == len(USB_TRIPLE):
        family: Family | None = Family.USB
    else:
        family = Family.BUILTIN if any(k in usable for k in SELECTORS[Family.BUILTIN]) else None
        for key in triple:
            ignored.append((key, REASON_PARTIAL_TRIPLE))
            del usable[key]
    other = Family.USB if (family or Family.BUILTIN) is Family.BUILTIN else Family.BUILTIN
    for key in SELECTORS[other] + (ROTATION_KEY[other], FLIP_KEY[other]):
        if key in usable:
            ignored.append((key, REASON_OTHER_FAMILY))
            del usable[key]
    if len(ignored) > 1:   # in the config's order; the order costs a pass over every key, so only when needed
        order = {key: i for i, key in enumerate(k for k in items if isinstance(k, str))}
        ignored.sort(key=lambda item: order.get(item[0], len(order)))
    return Selection(family, usable, tuple(ignored))


def selected_family(config: object, wmpf_version: str | tuple | None = None) -> Family | None:
    """USB, built-in, or None (no key selects a camera): see `camera_selection`."""
    return camera_selection(config, wmpf_version).family
