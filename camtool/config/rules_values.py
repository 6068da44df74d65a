"""Rules on each camera key on its own: JSON type (CAM101) and value (CAM102-CAM110, CAM112).

WMPF reads the keys with Android's org.json getters; a wrong type there is ignored or
coerced in ways nobody documents, so camtool is strict: a JSON `true` is not a number,
`"90"` is not an angle, `"0bda"` is not a vendor id. Each message says what the file has
and the fix says what to write instead.
"""

from __future__ import annotations

import json
import re
from typing import Any

from camtool.config.findings import Finding
from camtool.config.keys import CLIENT_LIBRARY_DEFAULT_USB_PATH, FACING_WORDS, KEYS_BY_NAME, ROTATION_KEY, ROTATIONS
from camtool.config.rules_codes import LazyText, make_finding, printable, unprintable_characters
from camtool.i18n import N_

USB_PATH = re.compile(r"/dev/bus/usb/([0-9]{3})/([0-9]{3})")
_LOOSE_USB_PATH = re.compile(r"/dev/bus/usb/([0-9]{1,3})/([0-9]{1,3})")
_VIDEO_NODE = re.compile(r"/dev/video[0-9]+")
# A device path is letters, digits and / . _ - ; anything else (spaces, quotes, $, ;, |, control
# characters) breaks the path on the device and must never reach a shell.
_PATH_CHARS = re.compile(r"[A-Za-z0-9/._\-]*")
_DECIMAL = re.compile(r"-?[0-9]+")
_HEX_ID = re.compile(r"(?:0[xX])?([0-9a-fA-F]{1,4})")

_EXPECTED = {
    "integer": N_("a whole number (a JSON integer, without quotes)"),
    "string": N_("a string in double quotes"),
    "boolean": N_("true or false (without quotes)"),
}
_GENERIC_FIX = {
    "integer": N_("Write a whole number without quotes, for example {example}."),
    "string": N_("Write the value in double quotes, for example {example}."),
    "boolean": N_("Write true or false without quotes."),
}
_EXAMPLES = {"internalCameraName": '"0"', "usbCameraName": '"/dev/bus/usb/001/004"', "usbSerialNumber": '"A1B2C3"',
             "cameraId": "0", "cameraRotationAngle": "90", "usbCameraRotationAngle": "90",
             "usbCameraVendorId": "3034", "usbCameraProductId": "22136"}
ROTATION_KEYS = tuple(ROTATION_KEY.values())
ID_KEYS = ("usbCameraVendorId", "usbCameraProductId")


def shown(value: Any) -> str:
    """A value as JSON text for a message (containers abbreviated, long text cut), language-neutral."""
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        # Python refuses to print integers of over 4300 digits; the size is what matters here.
        return f"{'-' if value < 0 else ''}~10^{int(value.bit_length() * 0.30103)}"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = type(value).__name__
    text = printable(text)
    return text if len(text) <= 48 else text[:45] + "…"


def has_type(value: Any, json_type: str) -> bool:
    if json_type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if json_type == "boolean":
        return isinstance(value, bool)
    return isinstance(value, str)


def type_findings(config: dict) -> list[Finding]:
    """CAM101 for each camera key whose JSON type is wrong."""
    findings = []
    for name, spec in KEYS_BY_NAME.items():
        if name in config and not has_type(config[name], spec.json_type):
            findings.append(_wrong_type(name, spec.json_type, config[name]))
    return findings


def _wrong_type(key: str, json_type: str, value: Any) -> Finding:
    message = N_("{key} must be {expected}, but the config has {found}.")
    common = dict(key=key, expected=LazyText(_EXPECTED[json_type]), found=shown(value))
    fix = _GENERIC_FIX[json_type]
    extra: dict[str, Any] = {"example": _EXAMPLES.get(key, "true")}
    if value is None:
        fix = N_("Write a value, or delete {key} to leave it unset.")
    elif json_type == "integer" and isinstance(value, str):
        text = value.strip()
        if key in ID_KEYS and not _DECIMAL.fullmatch(text) and _HEX_ID.fullmatch(text):
            fix = N_("The JSON takes USB ids in decimal: hex {found} is {decimal}. Write {decimal} without quotes.")
            extra["decimal"] = int(_HEX_ID.fullmatch(text).group(1), 16)
        elif key in ID_KEYS and _HEX_ID.fullmatch(text) and len(text) == 4:
            fix = N_("Remove the quotes: write {plain}. If {found} is the hex id shown by lsusb or sysfs, write {decimal} instead.")
            extra.update(plain=int(text), decimal=int(text, 16))
        elif _DECIMAL.fullmatch(text):
            fix = N_("Remove the quotes: write {plain}.")
            extra["plain"] = int(text)
    elif json_type == "integer" and isinstance(value, float) and value.is_integer():
        fix = N_("Write {plain}: a whole number without a decimal point.")
        extra["plain"] = int(value)
    elif json_type == "boolean" and isinstance(value, str) and value.strip().lower() in ("true", "false"):
        fix = N_("Remove the quotes: write {plain}.")
        extra["plain"] = value.strip().lower()
    elif json_type == "boolean" and isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        fix = N_("Write {plain} instead of {found}: JSON has its own true and false.")
        extra["plain"] = "true" if value else "false"
    elif json_type == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        fix = N_("Put the value in double quotes: {quoted}.")
        extra["quoted"] = json.dumps(str(value))
    return make_finding("CAM101", (key,), message, fix, **common, **extra)


def text_findings(config: dict) -> list[Finding]:
    """CAM112, the one rule for every string camera key: no control characters, no lone surrogates.

    A camera id, a USB path and a USB serial never hold them; ESC, CR/LF or BEL in a value is
    a paste accident or an attempt to forge output, and a lone \\uD800 escape is no character
    at all (no UTF-8 output can carry it). The per-key rules skip a value this rule refused."""
    findings = []
    for name, spec in KEYS_BY_NAME.items():
        value = config.get(name)
        if spec.json_type != "string" or not isinstance(value, str):
            continue
        odd = unprintable_characters(value)
        if not odd:
            continue
        chars = " ".join(shown(char) for char in odd)
        if all("\ud800" <= char <= "\udfff" for char in odd):
            message = N_("{key} {found} contains {chars}: half of a UTF-16 surrogate pair (a \\uD800-\\uDFFF escape "
                         "without its partner), which is no character.")
        else:
            message = N_("{key} {found} contains control characters ({chars}), which no camera id, USB path or "
                         "serial number has.")
        findings.append(make_finding(
            "CAM112", (name,), message, N_("Write {key} again without them; copy the value from camtool cameras."),
            key=name, found=shown(value), chars=chars))
    return findings


def _has_unprintable(value: Any) -> bool:
    return isinstance(value, str) and bool(unprintable_characters(value))


def value_findings(config: dict) -> list[Finding]:
    """CAM102-CAM110 and CAM112: values of the right type that WMPF cannot use."""
    findings: list[Finding] = text_findings(config)
    for key in ROTATION_KEYS:
        value = config.get(key)
        if has_type(value, "integer") and value not in ROTATIONS:
            findings.append(_bad_rotation(key, value))
    for key in ID_KEYS:
        value = config.get(key)
        if has_type(value, "integer") and not 0 <= value <= 65535:
            findings.append(make_finding(
                "CAM103", (key,), N_("{key} is {value}, but USB ids are 0..65535."),
                N_("Copy the decimal id from camtool cameras or dumpsys usb (vendor_id=, product_id=)."),
                key=key, value=shown(value)))
    camera_id = config.get("cameraId")
    if has_type(camera_id, "integer") and camera_id < 0:
        findings.append(make_finding(
            "CAM104", ("cameraId",), N_("cameraId is {value}; camera ids are 0 or more."),
            N_("Use the id of a camera that camtool cameras lists, e.g. 0 (better: internalCameraName \"0\")."),
            value=shown(camera_id)))
    path = config.get("usbCameraName")
    if has_type(path, "string"):
        findings.extend(_usb_path_findings(path))  # with control characters: only the other odd ones (CAM107)
    serial = config.get("usbSerialNumber")
    if serial == "":
        findings.append(make_finding(
            "CAM108", ("usbSerialNumber",), N_("usbSerialNumber is empty, so it cannot match any camera."),
            N_("Copy the serial number from camtool cameras. If the camera has none, select it by usbCameraName instead of the triple."),
        ))
    name = config.get("internalCameraName")
    if has_type(name, "string") and not _has_unprintable(name):
        findings.extend(_internal_name_findings(name))
    return findings


def _bad_rotation(key: str, value: int) -> Finding:
    message = N_("{key} is {value}, but a rotation angle is 0, 90, 180 or 270 (assumed: the WMPF "
                 "documentation says only \"int, default 0\"; the VoIP plugin's cameraRotation takes exactly these).")
    if value % 90 == 0:
        return make_finding("CAM102", (key,), message, N_("Write {suggested}: the same turn within 0..270."),
                            key=key, value=shown(value), suggested=value % 360)
    return make_finding("CAM102", (key,), message,
                        N_("Use 0, 90, 180 or 270; camtool verify finds the right one on the real ends."),
                        key=key, value=shown(value))


def _usb_path_findings(path: str) -> list[Finding]:
    key = ("usbCameraName",)
    # Control characters are CAM112's to name; the other characters a path never has are CAM107's.
    odd = sorted({char for char in path if not _PATH_CHARS.fullmatch(char) and not unprintable_characters(char)})
    if odd:
        return [make_finding(
            "CAM107", key, N_("usbCameraName {found} contains characters a USB device path never has: {chars}."),
            N_("Write exactly /dev/bus/usb/BBB/DDD, with no spaces, quotes or other characters; copy it from camtool cameras."),
            found=shown(path), chars=" ".join(shown(char) for char in odd))]
    if _has_unprintable(path):
        return []
    if USB_PATH.fullmatch(path):
        bus, device = (int(part) for part in USB_PATH.fullmatch(path).groups())
        if bus >= 1 and 1 <= device <= 127:
            return []
        return [make_finding(
            "CAM105", key, N_("usbCameraName {found} names bus {bus}, device {device}, which cannot exist "
                              "(buses count from 1, devices from 1 to 127)."),
            N_("Copy the path from camtool cameras or dumpsys usb (name=/dev/bus/usb/...)."),
            found=shown(path), bus=bus, device=device)]
    if _VIDEO_NODE.fullmatch(path):
        return [make_finding(
            "CAM106", key, N_("usbCameraName is {found}, a V4L2 video node; WMPF expects the USB device path."),
            N_("Use the /dev/bus/usb/BBB/DDD path of the same camera (camtool cameras shows it), or select it by vendor id, product id and serial."),
            found=shown(path))]
    loose = _LOOSE_USB_PATH.fullmatch(path)
    if loose:
        suggested = "/dev/bus/usb/{:03d}/{:03d}".format(*(int(part) for part in loose.groups()))
        return [make_finding(
            "CAM105", key, N_("usbCameraName {found} must have three digits for bus and device."),
            N_("Write {suggested}."), found=shown(path), suggested=suggested)]
    return [make_finding(
        "CAM105", key, N_("usbCameraName {found} is not a USB device path of the form /dev/bus/usb/BBB/DDD."),
        N_("Copy the path from camtool cameras or dumpsys usb, e.g. {example}."),
        found=shown(path), example="/dev/bus/usb/001/004")]


def _internal_name_findings(name: str) -> list[Finding]:
    key = ("internalCameraName",)
    if name.strip().lower() in FACING_WORDS:
        return [make_finding(
            "CAM109", key, N_("internalCameraName is {found}, a facing word; WMPF needs the camera id from the system camera service."),
            N_("Write the id, e.g. \"0\" or \"1\": camtool cameras lists each id with its facing."),
            found=shown(name))]
    if not name.strip():
        return [make_finding(
            "CAM110", key, N_("internalCameraName is empty, so it names no camera."),
            N_("Write a camera id such as \"0\", or delete the key to use WMPF's default camera."))]
    if name != name.strip():
        return [make_finding(
            "CAM110", key, N_("internalCameraName {found} has spaces around the id."),
            N_("Write {suggested}."), found=shown(name), suggested=shown(name.strip()))]
    if not name.isascii() or not name.isdigit():
        if _VIDEO_NODE.fullmatch(name):
            fix = N_("Android 9's external camera HAL used the video node as the id; keep it only if camtool cameras lists {found}, else use a numeric id.")
        else:
            fix = N_("Camera ids are usually numbers such as \"0\"; check that camtool cameras lists {found}.")
        return [make_finding(
            "CAM404", key, N_("internalCameraName {found} is not a number."), fix, found=shown(name))]
    return []


def is_client_library_default(path: Any) -> bool:
    return path == CLIENT_LIBRARY_DEFAULT_USB_PATH
