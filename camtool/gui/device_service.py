"""What the window needs from the device layer: a small, Qt-free interface it takes in its constructor.

The device layer (issue 5) is written separately; the window codes against this Protocol
and runs without it (service None): both ends are then simulated from a virtual scene.
Every method may block (adb calls with timeouts), so the window calls them only from
worker threads and hands the answers back to the GUI thread by queued signal. The shapes
follow camtool.device (capture sources with on_frame/on_state callbacks, SourceState words).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Protocol, runtime_checkable

if TYPE_CHECKING:   # numpy costs a noticeable part of the window's start-up; frames come later
    import numpy as np


@dataclass(frozen=True)
class DeviceEntry:
    """One device as adb sees it, with its state in a technician's words."""

    serial: str
    state: str                 # adb's word: device, offline, unauthorized, no permissions, ...
    model: str = ""
    description: str = ""      # translated: what the state means
    action: str = ""           # translated: what to do about it ("accept the USB debugging prompt")
    virtual: bool = False
    wmpf_version: str | None = None


@dataclass(frozen=True)
class ApplyAnswer:
    """The device's answer to an apply broadcast (contracts.md section 3)."""

    applied: bool
    message: str               # translated, shown as is
    details: dict = field(default_factory=dict)


class LiveFrame(Protocol):
    """A decoded frame of a device's screen (camtool.device.capture.Frame has these)."""

    image: "np.ndarray"   # BGR, owned by the consumer once delivered
    index: int


class ScreenSource(Protocol):
    """A running capture of one device's screen; calls back on its own thread."""

    def start(self) -> object: ...

    def stop(self, timeout: float = 5.0) -> None: ...


@runtime_checkable
class DeviceService(Protocol):
    """The device side the window uses; the device layer provides the adb implementation."""

    def list_devices(self) -> list[DeviceEntry]:
        """Devices adb sees now, virtual ones included (blocking, bounded by a timeout)."""
        ...

    def screen_source(self, serial: str, on_frame: Callable[[LiveFrame], None],
                      on_state: Callable[[str, str], None]) -> ScreenSource:
        """A capture of that device's screen (not started). `on_state(state, detail)` gets
        "starting", "streaming", "lost" (with a translated detail) or "stopped"."""
        ...

    def apply_config(self, serial: str, config: dict, package: str) -> ApplyAnswer:
        """Send the config to the device's receiver and return its answer."""
        ...
