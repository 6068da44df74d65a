"""The ten camera keys of initGlobalConfig, as WMPF spells them, with family and version gates.

This table is the one place the version numbers live (docs/domain.md, Version gates). Titles and
descriptions are marked for translation; the model, the schema, the GUI form and the rules
read them from here through the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from camtool.i18n import N_


class Family(str, Enum):
    BUILTIN = "builtin"
    USB = "usb"


@dataclass(frozen=True)
class CameraKey:
    """One camera key. Below `min_wmpf` the key is absent, except in the range after
    `UNSEEN_AFTER` for an inferred gate: no client library of those versions was found, so
    whether they read it is unknown (docs/domain.md, Version gates: a warning there, not an error)."""

    name: str              # exactly as WMPF spells it (case-sensitive)
    json_type: str         # "string" | "integer" | "boolean"
    family: Family
    min_wmpf: tuple[int, int, int]   # the oldest WMPF known to read the key
    inferred_version: bool  # the version gate is our reading of the client library's history
    title: str
    description: str


def _v(text: str) -> tuple[int, int, int]:
    # Runs only while this module is imported (building the table below), before a mutation
    # test can switch a mutant of it on: its mutants could never be killed, so none are made.
    major, minor, patch = (int(p) for p in text.split("."))  # pragma: no mutate
    return major, minor, patch


#: The newest WMPF client library seen that knows none of the camera keys (its InitGlobalConfig
#: task reads only uiZoom, presentationBackgroundAliveTime, closeButtonActionType,
#: capsuleCompatModeScale and capsuleScale). The next one seen, 2.0.0, knows them all but
#: cameraId. Versions in between were not found: an inferred gate is "unknown" there.
UNSEEN_AFTER: tuple[int, int, int] = (1, 1, 0)
#: The oldest client library seen that knows the camera keys.
CAMERA_KEYS_SEEN_FROM: tuple[int, int, int] = (2, 0, 0)

CAMERA_KEYS: tuple[CameraKey, ...] = (
    CameraKey("internalCameraName", "string", Family.BUILTIN, _v("2.0.0"), False,
              N_("Built-in camera id"),
              N_("Android camera id from the system camera service, e.g. \"0\" or \"1\" (not \"back\" or \"front\"). WMPF >= 2.0.0.")),
    CameraKey("cameraId", "integer", Family.BUILTIN, _v("1.0.0"), True,
              N_("Built-in camera number (legacy)"),
              N_("Legacy numeric id of the built-in camera; prefer internalCameraName on WMPF >= 2.0.0.")),
    CameraKey("cameraRotationAngle", "integer", Family.BUILTIN, _v("2.0.0"), True,
              N_("Built-in camera push rotation"),
              N_("Turns the pushed stream (WeChat end) of a built-in camera: 0, 90, 180 or 270 degrees. The device preview cannot be rotated.")),
    CameraKey("cameraPushFlip", "boolean", Family.BUILTIN, _v("2.0.0"), True,
              N_("Built-in camera push flip"),
              N_("Turns the pushed stream (WeChat end) of a built-in camera by 180 degrees (upside-down fix).")),
    CameraKey("usbCameraName", "string", Family.USB, _v("2.0.0"), True,
              N_("USB camera path"),
              N_("USB device path as Android's UsbDevice.getDeviceName() gives it: /dev/bus/usb/BBB/DDD. Changes when the camera is replugged or the device reboots.")),
    CameraKey("usbCameraVendorId", "integer", Family.USB, _v("2.0.0"), True,
              N_("USB vendor id"),
              N_("USB vendor id as a decimal number, 0..65535 (sysfs and lsusb show it in hex: 0bda = 3034).")),
    CameraKey("usbCameraProductId", "integer", Family.USB, _v("2.0.0"), True,
              N_("USB product id"),
              N_("USB product id as a decimal number, 0..65535.")),
    CameraKey("usbSerialNumber", "string", Family.USB, _v("2.0.0"), True,
              N_("USB serial number"),
              N_("USB serial number string. With vendor and product id it selects the camera stably across replugs; many cheap cameras have none.")),
    CameraKey("usbCameraRotationAngle", "integer", Family.USB, _v("2.0.0"), True,
              N_("USB camera rotation"),
              N_("Turns both the device preview and the pushed stream of a USB camera: 0, 90, 180 or 270 degrees.")),
    CameraKey("usbCameraPushFlip", "boolean", Family.USB, _v("2.0.0"), True,
              N_("USB camera push flip"),
              N_("Turns the pushed stream (WeChat end) of a USB camera by 180 degrees (upside-down fix).")),
)

KEYS_BY_NAME: dict[str, CameraKey] = {k.name: k for k in CAMERA_KEYS}
#: Canonical export order of the camera keys (the table order above).
CAMERA_KEY_ORDER: tuple[str, ...] = tuple(k.name for k in CAMERA_KEYS)


def used_camera_keys(config: Mapping[str, object]) -> list[str]:
    """The camera keys a config sets, in the canonical order."""
    return [key for key in CAMERA_KEY_ORDER if key in config]


USB_TRIPLE: tuple[str, str, str] = ("usbCameraVendorId", "usbCameraProductId", "usbSerialNumber")
ROTATIONS: tuple[int, ...] = (0, 90, 180, 270)
#: Each family's keys (docs/domain.md, the family rules): what selects its camera, and its rotation
#: and push-flip keys. WMPF ignores a key of the family not in use. The one copy of this table.
SELECTOR_KEYS: dict[Family, tuple[str, ...]] = {Family.BUILTIN: ("internalCameraName", "cameraId"),
                                                Family.USB: ("usbCameraName",) + USB_TRIPLE}
ROTATION_KEY: dict[Family, str] = {Family.BUILTIN: "cameraRotationAngle", Family.USB: "usbCameraRotationAngle"}
FLIP_KEY: dict[Family, str] = {Family.BUILTIN: "cameraPushFlip", Family.USB: "usbCameraPushFlip"}
ORIENTATION_KEYS: dict[Family, tuple[str, str]] = {f: (ROTATION_KEY[f], FLIP_KEY[f]) for f in Family}
#: What the WMPF client library's getDefaultConfigJson() fills in (its published sample code).
CLIENT_LIBRARY_DEFAULT_USB_PATH = "/dev/bus/usb/002/007"
FACING_WORDS = ("back", "front", "external")
