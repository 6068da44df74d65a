"""Parser of `dumpsys media.camera`: the public built-in cameras, their facing and sensor orientation.

Handles the HAL3 dumps (Android 10+ with `Device N maps to "ID"` lines; Android 9 and
older without them, where every HAL device is public), the external camera HAL of the
Android 9 era (ids like `/dev/video0`), and the HAL1 dumps (`Camera N information:`,
Android 4-5 `Camera N static information:`). Any text in, a list out: lines it does not
know (shell prompts, console banners, vendor sections) are read past, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from camtool.device.parsers.records import BuiltinCamera

_MAPS_TO = re.compile(r'^\s*Device\s+\d+\s+maps\s+to\s+"([^"\r\n]*)"\s*$')
_SECTION = re.compile(r"^\s*==+\s*(.*?)\s*==+\s*$")
_HAL_STATIC = re.compile(r"^Camera HAL device\s+(device@[\d.]+/(\S+?)/(\S+))\s*(\(.*\))?\s*static information:?$")
_DYNAMIC = re.compile(r"^Camera device\s+(\S+)\s+dynamic info:?$")
_HAL1_STATIC = re.compile(r"^\s*Camera\s+(\d+)\s+(?:static\s+)?information:\s*$")
_API1_FACING = re.compile(r"^\s*Facing:\s*(\w+)\s*$")
_API1_ORIENTATION = re.compile(r"^\s*Orientation:\s*(-?\d+)\s*$")
_API2_KEY = re.compile(r"^\s*android\.(lens\.facing|sensor\.orientation)\b")
_BRACKETED = re.compile(r"^\s*\[\s*([^\]]*?)\s*\]\s*$")
# AOSP ends the dump with a copy of the previous open session (sometimes closed by an
# "End of ..." marker): history, which may repeat sections with stale values.
_PREVIOUS_SESSION = "Dumpsys from previous open session"
_PREVIOUS_SESSION_END = "End of Dumpsys from previous open session"

# android.lens.facing: enum names as the metadata dump prints them, or the raw values.
_FACING_WORDS = {"BACK": "back", "FRONT": "front", "EXTERNAL": "external",
                 "1": "back", "0": "front", "2": "external"}
_API1_FACING_WORDS = {"BACK": "back", "FRONT": "front", "EXTERNAL": "external"}


@dataclass
class _DeviceFacts:
    """What one static block (HAL3) or information block (HAL1) says about a camera."""

    hal: str | None = None
    hal_device: str | None = None
    api2_facing: str | None = None
    api2_orientation: int | None = None
    api1_facing: str | None = None
    api1_orientation: int | None = None


@dataclass
class _DumpScan:
    public_ids: list[str] = field(default_factory=list)
    listed_ids: list[str] = field(default_factory=list)   # dynamic-info and static-block ids, in order
    facts: dict[str, _DeviceFacts] = field(default_factory=dict)


def parse_media_camera(text: str) -> list[BuiltinCamera]:
    """The public cameras of a `dumpsys media.camera` output, in the order the dump lists them."""
    if not isinstance(text, str):
        return []
    scan = _scan(text)
    # Where `maps to` lines exist, they alone say which ids are public; hidden HAL devices
    # still get static blocks. Without them (before Android 10) every listed device is public.
    ids = scan.public_ids or scan.listed_ids
    return [_camera(camera_id, _facts_for(scan, camera_id)) for camera_id in ids]


def _scan(text: str) -> _DumpScan:
    scan = _DumpScan()
    current: _DeviceFacts | None = None
    pending_key: str | None = None     # an API2 key whose value comes on the next non-blank line
    in_history = False
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue  # consoles insert blank lines anywhere, even between a key and its value
        if _PREVIOUS_SESSION_END in line:
            in_history = False
            continue
        if _PREVIOUS_SESSION in line:
            in_history, current, pending_key = True, None, None
            continue
        if in_history:
            continue
        section = _SECTION.match(line)
        if section:
            current, pending_key = _open_section(scan, section.group(1))
            continue
        mapped = _MAPS_TO.match(line)
        if mapped:
            _add_once(scan.public_ids, mapped.group(1))
            continue
        hal1 = _HAL1_STATIC.match(line)
        if hal1:
            camera_id = hal1.group(1)
            _add_once(scan.listed_ids, camera_id)
            current, pending_key = _facts_block(scan, camera_id), None
            continue
        if current is None:
            continue
        if pending_key is not None:
            _take_api2_value(current, pending_key, line)
            pending_key = None
            continue
        key = _API2_KEY.match(line)
        if key:
            pending_key = key.group(1)
            continue
        _take_api1_line(current, line)
    return scan


def _open_section(scan: _DumpScan, title: str) -> tuple[_DeviceFacts | None, None]:
    """A `== ... ==` header: a HAL static block opens a camera; any other header closes it."""
    static = _HAL_STATIC.match(title)
    if static:
        hal_device, provider, camera_id = static.group(1), static.group(2), static.group(3)
        _add_once(scan.listed_ids, camera_id)
        facts = _facts_block(scan, camera_id)
        if facts.hal_device is None:
            facts.hal, facts.hal_device = provider, hal_device
        return facts, None
    dynamic = _DYNAMIC.match(title)
    if dynamic:
        _add_once(scan.listed_ids, dynamic.group(1))
    # Vendor dumpState and other sections may print `Facing:`-like lines: they are not ours.
    return None, None


def _facts_block(scan: _DumpScan, camera_id: str) -> _DeviceFacts:
    facts = scan.facts.get(camera_id)
    if facts is None:
        facts = scan.facts[camera_id] = _DeviceFacts()
    return facts


def _take_api2_value(facts: _DeviceFacts, key: str, line: str) -> None:
    value = _BRACKETED.match(line)
    if not value:
        return
    word = value.group(1).split()[0] if value.group(1).split() else ""
    if key == "lens.facing":
        if facts.api2_facing is None:
            facts.api2_facing = _FACING_WORDS.get(word.upper())
    elif facts.api2_orientation is None:
        facts.api2_orientation = _orientation(word)


def _take_api1_line(facts: _DeviceFacts, line: str) -> None:
    facing = _API1_FACING.match(line)
    if facing and facts.api1_facing is None:
        facts.api1_facing = _API1_FACING_WORDS.get(facing.group(1).upper())
        return
    orientation = _API1_ORIENTATION.match(line)
    if orientation and facts.api1_orientation is None:
        facts.api1_orientation = _orientation(orientation.group(1))


def _orientation(word: str) -> int | None:
    try:
        value = int(word)
    except ValueError:
        return None
    return value if 0 <= value < 360 else None


def _facts_for(scan: _DumpScan, camera_id: str) -> _DeviceFacts:
    facts = scan.facts.get(camera_id)
    if facts is None:
        # Instance names may carry a `-N` suffix (`external/0-0`) that the public id lacks.
        for hal_id, candidate in scan.facts.items():
            if re.fullmatch(re.escape(camera_id) + r"-\d+", hal_id):
                return candidate
        return _DeviceFacts()
    return facts


def _camera(camera_id: str, facts: _DeviceFacts) -> BuiltinCamera:
    # android.lens.facing is the truth: API1 maps EXTERNAL to Front by design, so an API1
    # "Front" may be a USB camera. The API1 line is used only when API2 says nothing.
    facing = facts.api2_facing or facts.api1_facing
    if facts.api2_facing is None and (facts.hal or "").startswith("external"):
        facing = "external"
    orientation = facts.api2_orientation if facts.api2_orientation is not None else facts.api1_orientation
    return BuiltinCamera(camera_id=camera_id, facing=facing, sensor_orientation=orientation,
                         hal=facts.hal, hal_device=facts.hal_device)


def _add_once(items: list[str], value: str) -> None:
    if value and value not in items:
        items.append(value)
