"""Device states as adb reports them, in the words a technician should read them.

`adb devices -l` (and the server's `host:devices-l`) print `SERIAL<TAB or spaces>STATE
[key:value ...]`; the state itself may contain spaces ("no permissions (...)"), which is
why camtool parses this text itself instead of splitting on whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from camtool.i18n import N_, tr


class DeviceState(str, Enum):
    READY = "device"
    UNAUTHORIZED = "unauthorized"
    OFFLINE = "offline"
    NO_PERMISSIONS = "no permissions"
    AUTHORIZING = "authorizing"
    CONNECTING = "connecting"
    RECOVERY = "recovery"
    BOOTLOADER = "bootloader"
    SIDELOAD = "sideload"
    HOST = "host"
    UNKNOWN = "unknown"

    @property
    def words(self) -> str:
        return tr(_WORDS[self])

    @property
    def action(self) -> str:
        return tr(_ACTIONS[self])

    @property
    def usable(self) -> bool:
        return self is DeviceState.READY


_WORDS = {
    DeviceState.READY: N_("ready"),
    DeviceState.UNAUTHORIZED: N_("unauthorized"),
    DeviceState.OFFLINE: N_("offline"),
    DeviceState.NO_PERMISSIONS: N_("no permissions"),
    DeviceState.AUTHORIZING: N_("authorizing"),
    DeviceState.CONNECTING: N_("connecting"),
    DeviceState.RECOVERY: N_("in recovery"),
    DeviceState.BOOTLOADER: N_("in bootloader"),
    DeviceState.SIDELOAD: N_("in sideload"),
    DeviceState.HOST: N_("not a device (host)"),
    DeviceState.UNKNOWN: N_("unknown state"),
}

_ACTIONS = {
    DeviceState.READY: N_("Ready to use."),
    DeviceState.UNAUTHORIZED: N_("Accept the USB debugging prompt on the device."),
    DeviceState.OFFLINE: N_("Replug the cable or toggle USB debugging; camtool reconnects by itself."),
    DeviceState.NO_PERMISSIONS: N_("Add a udev rule for the device (Linux) and replug it."),
    DeviceState.AUTHORIZING: N_("Wait a moment: adb is checking the device's authorization."),
    DeviceState.CONNECTING: N_("Wait a moment: adb is connecting."),
    DeviceState.RECOVERY: N_("Reboot the device into Android."),
    DeviceState.BOOTLOADER: N_("Reboot the device into Android."),
    DeviceState.SIDELOAD: N_("Finish the sideload and reboot the device into Android."),
    DeviceState.HOST: N_("This entry is not an Android device."),
    DeviceState.UNKNOWN: N_("Replug the device and try again."),
}


@dataclass(frozen=True)
class DeviceEntry:
    serial: str
    state: DeviceState
    raw_state: str
    tags: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def model(self) -> str:
        return self.tags.get("model", "").replace("_", " ")

    @property
    def is_network(self) -> bool:
        return bool(re.fullmatch(r"[\w.\-]+:\d+", self.serial))

    def to_json(self) -> dict:
        return {
            "serial": self.serial,
            "state": self.state.value,
            "state_words": self.state.words,
            "action": self.state.action,
            "model": self.tags.get("model"),
            "product": self.tags.get("product"),
            "device": self.tags.get("device"),
            "transport_id": self.tags.get("transport_id"),
        }


_LINE = re.compile(
    r"^(?P<serial>\S+)\s+(?P<state>no permissions(?: \([^)]*\))?(?:; see \[[^\]]*\])?|\S+)(?P<rest>.*)$"
)


def state_from_text(text: str) -> DeviceState:
    text = text.strip()
    if text.startswith("no permissions"):
        return DeviceState.NO_PERMISSIONS
    try:
        return DeviceState(text)
    except ValueError:
        return DeviceState.UNKNOWN


def parse_devices_output(text: str) -> list[DeviceEntry]:
    """Parse `adb devices [-l]` output (or the server's host:devices-l answer). Never raises."""
    entries: list[DeviceEntry] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("List of devices") or line.startswith("*"):
            continue
        match = _LINE.match(line)
        if not match:
            continue
        tags: dict[str, str] = {}
        for part in match.group("rest").split():
            key, sep, value = part.partition(":")
            if sep:
                tags[key] = value
        raw = match.group("state")
        entries.append(DeviceEntry(match.group("serial"), state_from_text(raw), raw, tags))
    return entries
