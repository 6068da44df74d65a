"""The table of every finding code the config rules can emit: code, severity, title.

Numbering scheme (stable: scripts and CI match on codes, never on messages):
  CAM0xx  the file and its JSON (unreadable, not UTF-8, malformed, not an object, duplicate key)
  CAM1xx  types and values of the camera keys, and misspelt key names
  CAM2xx  selection and family (which camera WMPF uses, keys that then have no effect)
  CAM3xx  WMPF version gates
  CAM4xx  warnings (works, but fragile or legacy)
  CAM5xx  information
  CAM6xx  reserved for the device-aware rules (camtool/device/device_rules.py)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from camtool.config.findings import Finding, Severity
from camtool.i18n import N_, tr
from camtool.printable import printable, unprintable_characters  # noqa: F401 (their home is camtool.printable)


@dataclass(frozen=True)
class RuleInfo:
    code: str
    severity: Severity
    title_source: str  # N_-marked English; translate with .title

    @property
    def title(self) -> str:
        return tr(self.title_source)


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[RuleInfo, ...] = (
    RuleInfo("CAM001", _E, N_("The file cannot be read")),
    RuleInfo("CAM002", _E, N_("The file is not UTF-8 text")),
    RuleInfo("CAM003", _E, N_("The JSON is malformed")),
    RuleInfo("CAM004", _E, N_("The top level is not a JSON object")),
    RuleInfo("CAM005", _E, N_("A key is given twice in one object")),
    RuleInfo("CAM006", _E, N_("The file is a camtool profile, not a config")),
    RuleInfo("CAM101", _E, N_("A camera key has the wrong JSON type")),
    RuleInfo("CAM102", _E, N_("A rotation angle is not 0, 90, 180 or 270")),
    RuleInfo("CAM103", _E, N_("A USB vendor or product id is outside 0..65535")),
    RuleInfo("CAM104", _E, N_("cameraId is negative")),
    RuleInfo("CAM105", _E, N_("usbCameraName is not of the form /dev/bus/usb/BBB/DDD")),
    RuleInfo("CAM106", _E, N_("usbCameraName is a /dev/videoN node, not the USB device path")),
    RuleInfo("CAM107", _E, N_("usbCameraName contains whitespace or shell characters")),
    RuleInfo("CAM108", _E, N_("usbSerialNumber is empty")),
    RuleInfo("CAM109", _E, N_("internalCameraName is a facing word, not a camera id")),
    RuleInfo("CAM110", _E, N_("internalCameraName is empty or padded with spaces")),
    RuleInfo("CAM111", _E, N_("Unknown key that looks like a misspelt camera key")),
    RuleInfo("CAM112", _E, N_("A camera key's text contains control characters or a lone surrogate")),
    RuleInfo("CAM201", _E, N_("Both usbCameraName and the complete USB triple are given")),
    RuleInfo("CAM202", _E, N_("The USB triple (vendor, product, serial) is incomplete")),
    RuleInfo("CAM203", _E, N_("Both internalCameraName and cameraId are given")),
    RuleInfo("CAM204", _E, N_("A rotation or flip key of the family not in use (no effect)")),
    RuleInfo("CAM205", _E, N_("A built-in camera is selected while a USB camera is also selected")),
    RuleInfo("CAM301", _E, N_("A key needs a newer WMPF than the given version")),
    RuleInfo("CAM302", _E, N_("The given WMPF version is not of the form X.Y.Z")),
    RuleInfo("CAM401", _W, N_("usbCameraName is the client library's default /dev/bus/usb/002/007")),
    RuleInfo("CAM402", _W, N_("The USB camera is selected by path, which changes on replug or reboot")),
    RuleInfo("CAM403", _W, N_("cameraId is legacy")),
    RuleInfo("CAM404", _W, N_("internalCameraName is not a number")),
    RuleInfo("CAM405", _W, N_("Whether this WMPF version reads a key is unknown (no client library of it was seen)")),
    RuleInfo("CAM501", _I, N_("No camera is selected: WMPF uses its default built-in camera")),
    RuleInfo("CAM502", _I, N_("WMPF versions the keys of this config need")),
)

#: Codes of profile findings (CAM85x: the profile around the config, not the config itself).
#: Kept here rather than next to the profile model so that `camtool rules` lists them without
#: importing pydantic.
PROFILE_CODES: tuple[RuleInfo, ...] = (
    RuleInfo("CAM851", _E, N_("The profile file does not have the profile's fields")),
    RuleInfo("CAM852", _E, N_("The profile was written by a newer camtool")),
    RuleInfo("CAM853", _E, N_("The profile's sku does not match its file name")),
    RuleInfo("CAM854", _E, N_("The profile extends a profile that is missing or unreadable")),
    RuleInfo("CAM855", _E, N_("The profiles extend each other in a cycle")),
    RuleInfo("CAM856", _E, N_("The profile does not exist")),
)

#: Codes of the device-aware findings (CAM6xx, camtool/device/device_rules.py: a config checked
#: against one device). Only the table lives here, so every catalogue shares one code map.
DEVICE_RULES: tuple[RuleInfo, ...] = (
    RuleInfo("CAM601", _E, N_("The selected built-in camera id does not exist on the device")),
    RuleInfo("CAM602", _E, N_("No USB device is connected at usbCameraName")),
    RuleInfo("CAM603", _E, N_("The USB device at usbCameraName is not a camera")),
    RuleInfo("CAM604", _E, N_("The USB triple matches no connected camera")),
    RuleInfo("CAM605", _E, N_("The USB triple matches more than one connected camera")),
    RuleInfo("CAM606", _E, N_("The WMPF installed on the device is older than a key needs")),
    RuleInfo("CAM607", _W, N_("WMPF is not installed on the device")),
    RuleInfo("CAM608", _I, N_("A USB camera is connected but the config selects a built-in camera")),
    RuleInfo("CAM609", _W, N_("Whether the WMPF installed on the device reads a key is unknown")),
)

#: Codes of the snippet reader (CAM8xx: import of code; not rules of the config itself).
SNIPPET_CODES: tuple[RuleInfo, ...] = (
    RuleInfo("CAM801", _E, N_("A put(...) call in the snippet cannot be read")),
    RuleInfo("CAM802", _E, N_("The snippet has no JSONObject put(...) call")),
    RuleInfo("CAM803", _W, N_("The snippet puts the same key twice; the last value wins")),
    RuleInfo("CAM804", _W, N_("put(key, null) removes the key")),
    RuleInfo("CAM805", _E, N_("The snippet's code is cut off or malformed")),
    RuleInfo("CAM806", _W, N_("The snippet fills more than one JSONObject")),
    RuleInfo("CAM807", _E, N_("The snippet changes a JSONObject in a way camtool does not follow")),
)

class LazyText:
    """An N_-marked text used as a placeholder value: translated when the message is shown,
    so a finding created in English reads in Chinese after a language switch."""

    __slots__ = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source

    def __str__(self) -> str:
        return tr(self.source)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"LazyText({self.source!r})"


#: The numbering scheme, for `camtool rules` and docs/rules.md.
CODE_RANGES: tuple[tuple[str, str], ...] = (
    ("CAM0xx", N_("the file and its JSON: unreadable, not UTF-8, malformed, not an object, a key twice")),
    ("CAM1xx", N_("types and values of the camera keys, and misspelt key names")),
    ("CAM2xx", N_("selection and family: which camera WMPF uses, and keys that then have no effect")),
    ("CAM3xx", N_("WMPF version gates")),
    ("CAM4xx", N_("warnings: works, but fragile or legacy")),
    ("CAM5xx", N_("information")),
    ("CAM6xx", N_("device-aware rules, checked against a connected device's cameras")),
)

#: Where a rule rests on our reading rather than on a source (docs/domain.md, "inferred").
ASSUMPTIONS: tuple[str, ...] = (
    N_("CAM102: rotation values are 0, 90, 180 and 270; the WMPF documentation says only \"int, default 0\", "
       "and the VoIP plugin's own cameraRotation takes exactly these."),
    N_("CAM301, CAM405, CAM502: the version gate of every camera key but internalCameraName (WMPF 2.0.0) comes from "
       "the client library's own constants: 1.1.0 knows no camera key, 2.0.0 knows them all; versions in between "
       "were not found, so they get a warning (CAM405), not an error. Only internalCameraName's 2.0.0 is documented."),
    N_("CAM401: /dev/bus/usb/002/007 is what the client library's getDefaultConfigJson() fills in, as published in its sample code."),
    N_("CAM403: cameraId appears in the FAQ only, in no reference table, so it is treated as legacy."),
)


#: Every catalogue, in the order `camtool rules` lists them.
ALL_RULES: tuple[RuleInfo, ...] = RULES + DEVICE_RULES + SNIPPET_CODES + PROFILE_CODES
#: The one code -> rule (and so severity) map of every catalogue.
RULES_BY_CODE: dict[str, RuleInfo] = {r.code: r for r in ALL_RULES}
assert len(RULES_BY_CODE) == len(ALL_RULES), "a rule code is listed twice"


def make_finding(code: str, keys: tuple[str, ...] | list[str], message_source: str, fix_source: str,
                 *, line: int | None = None, column: int | None = None, **values: Any) -> Finding:
    """A finding whose severity comes from the table, so a code always has one severity."""
    if line is not None:  # messages may quote the position too
        values.setdefault("line", line)
        values.setdefault("column", column)
    rule = RULES_BY_CODE[code]  # KeyError here is a programming error: every code is in the table
    return Finding(code=code, severity=rule.severity, keys=tuple(keys), message_source=message_source,
                   fix_source=fix_source, values=dict(values), line=line, column=column)
