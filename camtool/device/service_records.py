"""The plain records the device service hands the window: one device, one apply answer.

Kept apart from device_service.py so the window can import them at start-up without
pulling in PyAV, OpenCV and numpy (the capture path loads those when frames are wanted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from camtool.device.apply import ApplyResult
    from camtool.device.states import DeviceEntry as AdbEntry


@dataclass(frozen=True)
class ServiceDevice:
    """One device as adb sees it, with its state in a technician's words."""

    serial: str
    state: str                 # adb's word: device, offline, unauthorized, no permissions, ...
    model: str = ""
    description: str = ""      # translated: what the state means
    action: str = ""           # translated: what to do about it ("accept the USB debugging prompt")
    virtual: bool = False
    wmpf_version: str | None = None

    @classmethod
    def from_entry(cls, entry: "AdbEntry", wmpf_version: str | None = None) -> "ServiceDevice":
        # camtool's virtual device is attached with `adb connect 127.0.0.1:PORT`; a real
        # device over TCP has a LAN address, and an emulator is listed as emulator-NNNN.
        virtual = entry.serial.startswith("127.0.0.1:")
        return cls(entry.serial, entry.state.value, entry.model, entry.state.words, entry.state.action,
                   virtual, wmpf_version)


@dataclass(frozen=True)
class ServiceApplyAnswer:
    """The device's answer to an apply broadcast (docs/architecture.md, Apply to device)."""

    applied: bool
    message: str               # translated, shown as is
    details: dict = field(default_factory=dict)

    @classmethod
    def from_result(cls, result: "ApplyResult") -> "ServiceApplyAnswer":
        return cls(result.applied, result.message, result.to_json())
