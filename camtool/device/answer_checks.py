"""Whether a device's answer is whole: the signs in the text that it stopped before the end.

The protocol says it first (adb_io: no shell-v2 exit status, no `echo $?` marker). These
checks catch what the protocol cannot: a device without shell v2, a recorded capture, and
`dumpsys`, which cuts a slow service's dump after its timeout and still exits 0. Each check
looks only for what a whole answer always has, so a real device's odd but complete output
is never called cut (a false "cut" would hide a device's cameras).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from camtool.device.adb_io import ShellResult

# dumpsys itself: "*** SERVICE 'media.camera' DUMP TIMEOUT (10000ms) EXPIRED ***" (exit 0).
_DUMP_TIMEOUT = re.compile(r"\*\*\* SERVICE '[^']*' DUMP TIMEOUT \(\d+ ?ms\) EXPIRED \*\*\*")
_NORMAL_CAMERAS = re.compile(r"^\s*Number of normal camera devices:\s*(\d+)\s*$", re.MULTILINE)
_MAPS_TO = re.compile(r'^\s*Device\s+\d+\s+maps\s+to\s+"[^"\r\n]*"\s*$', re.MULTILINE)
_MAPS_TO_BEGUN = re.compile(r"^\s*Device\s+\d+\s+maps", re.MULTILINE)
_SECTION = re.compile(r"^\s*==+ .* ==+\s*$", re.MULTILINE)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The IEND chunk: length 0, type, and its fixed CRC. Every PNG ends with it.
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def cut_answer(results: Mapping[str, ShellResult]) -> str | None:
    """The inventory key (INVENTORY_COMMANDS) of the first answer that is visibly cut, or None."""
    texts = {key: result.stdout.decode("utf-8", "replace") for key, result in results.items()}
    device_answered = any(text.strip() for key, text in texts.items() if key != "getprop")
    for key, text in texts.items():
        if key in ("media_camera", "usb", "wmpf") and _DUMP_TIMEOUT.search(text):
            return key
    getprop = texts.get("getprop")
    if getprop is not None and (not getprop.strip() and device_answered or _getprop_cut(getprop)):
        return "getprop"
    if "usb" in texts and _tree_left_open(texts["usb"]):
        return "usb"
    if "media_camera" in texts and _camera_list_short(texts["media_camera"]):
        return "media_camera"
    return None


def _getprop_cut(text: str) -> bool:
    """Every `[key]: [value]` line ends with `]`; a cut one does not (a value may span lines,
    but then its last line ends with `]`)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and lines[0].lstrip().startswith("[") and not lines[-1].rstrip().endswith("]")


def _tree_left_open(text: str) -> bool:
    """`dumpsys usb` from Android 9 is a tree: `name={` opens a section, a line `}` closes it.

    Only whole-line openers and closers count, so a brace in a device's product name or an
    Intent's `{ ... }` changes nothing. The old format (up to 8.1) has no tree: never cut here."""
    depth, opened = 0, False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped == "{" or stripped.endswith("={"):
            depth += 1
            opened = True
        elif stripped == "}" and depth:
            depth -= 1
    return opened and depth > 0


def _camera_list_short(text: str) -> bool:
    """HAL3 dumps (Android 8+) open with the global info: how many public cameras there are
    and (Android 10+) a `maps to` line for each. A whole dump always goes on to further
    `== ... ==` sections (events log, each device). Cut: no section after the global info, or
    fewer whole `maps to` lines than announced once the list has begun."""
    announced = _NORMAL_CAMERAS.search(text)
    if announced is None:
        return False
    if not _SECTION.search(text, announced.end()):
        return True
    if not _MAPS_TO_BEGUN.search(text):
        return False  # Android 8-9: no `maps to` lines at all
    return len(_MAPS_TO.findall(text)) < int(announced.group(1))


def png_is_cut(data: bytes) -> bool:
    """A PNG that began but lacks its IEND chunk: `exec-out` has no exit status, the PNG has this."""
    return data.startswith(PNG_SIGNATURE) and _PNG_END not in data[-64:]
