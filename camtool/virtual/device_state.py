"""The live state of a virtual device: applied config, USB plug state, WMPF, and the camera WMPF uses.

Shared by the adb protocol thread, the shell and the frame renderers, so every change and every
read goes through one lock; renderers and output generators read an immutable `snapshot()`.
"""

from __future__ import annotations

import copy
import threading
import time
from dataclasses import dataclass
from typing import Any, Literal

from camtool.config.keys import USB_TRIPLE, Family
from camtool.config.family_rules import camera_selection
from camtool.i18n import tr
from camtool.virtual.scenario import BuiltinCamera, Mounting, Scenario, UsbDevice

#: Version assumed when a test installs WMPF on a scenario that has none.
FALLBACK_WMPF_VERSION = "2.1.2"
#: AOSP's UsbHostManager keeps this many connect/disconnect records for `dumpsys usb`.
MAX_CONNECTION_RECORDS = 32
_LAST_DEVNUM = 127   # USB device numbers run 1..127 per bus; 1 is the root hub


@dataclass(frozen=True)
class UsbPlug:
    """One scenario USB device as it is now: plugged or not, and its current device number."""
    index: int
    device: UsbDevice
    plugged: bool
    dev: int

    @property
    def bus(self) -> int:
        return self.device.bus

    @property
    def path(self) -> str:
        """What Android's UsbDevice.getDeviceName() gives: the value of usbCameraName."""
        return f"/dev/bus/usb/{self.device.bus:03d}/{self.dev:03d}"


@dataclass(frozen=True)
class ConnectionRecord:
    """A line of UsbHostManager's connection history (kept even after the device is gone)."""
    path: str
    vendor_id: int
    product_id: int
    connected: bool
    timestamp_ms: int


@dataclass(frozen=True)
class ActiveCamera:
    """The camera WMPF would use under the applied config; kind None = no camera at all."""
    kind: Literal["builtin", "usb"] | None
    mounting: Mounting | None
    description: str
    #: What the path WMPF opens the camera through does to the preview / the push before any key.
    preview_turn: Mounting = Mounting()
    push_turn: Mounting = Mounting()
    camera_id: str | None = None     # public built-in id, for kind "builtin"
    usb_index: int | None = None     # index into scenario.usb_devices, for kind "usb"
    usb_path: str | None = None
    facing: str | None = None


@dataclass(frozen=True)
class DeviceSnapshot:
    """Everything renderers and output generators need, copied under the lock."""
    scenario: Scenario
    config: dict[str, Any] | None
    config_generation: int
    applied_at_ns: int | None        # time.monotonic_ns() of the last apply
    wmpf_installed: bool
    wmpf_version: str | None         # None when not installed
    usb: tuple[UsbPlug, ...]
    connections: tuple[ConnectionRecord, ...]
    active_camera: ActiveCamera

    @property
    def plugged_usb(self) -> list[UsbPlug]:
        return [plug for plug in self.usb if plug.plugged]

    @property
    def builtin_cameras(self) -> list[BuiltinCamera]:
        """The built-in cameras the camera service lists now (an unplugged external-HAL camera is gone)."""
        return _present_builtin(self.scenario, self.usb)


class VirtualDeviceState:
    """Thread-safe state of one virtual device (see the module docstring)."""

    def __init__(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._config: dict[str, Any] | None = copy.deepcopy(scenario.app_config)
        self._generation = 0
        self._applied_at_ns: int | None = None
        self._wmpf_installed = scenario.device.wmpf is not None
        self._wmpf_version = scenario.device.wmpf or FALLBACK_WMPF_VERSION
        self._plugs = [UsbPlug(i, usb, True, usb.dev) for i, usb in enumerate(scenario.usb_devices)]
        self._last_devnum = {usb.bus: 0 for usb in scenario.usb_devices}
        for usb in scenario.usb_devices:
            self._last_devnum[usb.bus] = max(self._last_devnum[usb.bus], usb.dev)
        boot_ms = int(time.time() * 1000) - 60_000
        self._connections = [ConnectionRecord(p.path, p.device.vendor_id, p.device.product_id, True, boot_ms)
                             for p in self._plugs]

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def config_generation(self) -> int:
        with self._lock:
            return self._generation

    def apply_config(self, config: dict[str, Any]) -> None:
        """Record a config as WMPF's InitGlobalConfig would take it; the generation counts up."""
        if not isinstance(config, dict):
            raise TypeError(tr("A config must be a JSON object."))
        with self._changed:
            self._config = copy.deepcopy(config)
            self._generation += 1
            self._applied_at_ns = time.monotonic_ns()
            self._changed.notify_all()

    def wait_for_generation(self, generation: int, timeout: float) -> bool:
        """Block until config_generation >= generation (True) or the timeout passes (False)."""
        with self._changed:
            return self._changed.wait_for(lambda: self._generation >= generation, timeout)

    def set_wmpf_installed(self, flag: bool) -> None:
        with self._changed:
            self._wmpf_installed = bool(flag)
            self._changed.notify_all()

    def unplug_usb(self, index: int) -> None:
        """Pull USB device `index` (of scenario.usb_devices) out; an already unplugged one stays so."""
        with self._changed:
            plug = self._plug(index)
            if plug.plugged:
                self._plugs[index] = UsbPlug(index, plug.device, False, plug.dev)
                self._record(plug, connected=False)
                self._changed.notify_all()

    def replug_usb(self, index: int) -> None:
        """Plug USB device `index` in again: it gets the bus's next device number, as Linux assigns."""
        with self._changed:
            plug = self._plug(index)
            if plug.plugged:
                self._record(plug, connected=False)
            dev = self._next_devnum(plug.bus)
            plug = UsbPlug(index, plug.device, True, dev)
            self._plugs[index] = plug
            self._record(plug, connected=True)
            self._changed.notify_all()

    def active_camera(self) -> ActiveCamera:
        with self._lock:
            return _choose_camera(self._scenario, self._config, self._wmpf_version, tuple(self._plugs))

    def snapshot(self) -> DeviceSnapshot:
        with self._lock:
            plugs = tuple(self._plugs)
            return DeviceSnapshot(
                scenario=self._scenario,
                config=copy.deepcopy(self._config),
                config_generation=self._generation,
                applied_at_ns=self._applied_at_ns,
                wmpf_installed=self._wmpf_installed,
                wmpf_version=self._wmpf_version if self._wmpf_installed else None,
                usb=plugs,
                connections=tuple(self._connections),
                active_camera=_choose_camera(self._scenario, self._config, self._wmpf_version, plugs),
            )

    # -- internals (called with the lock held) --

    def _plug(self, index: int) -> UsbPlug:
        if not isinstance(index, int) or not 0 <= index < len(self._plugs):
            raise ValueError(tr("There is no USB device number {index}; this scenario has {count} (counted from 0).",
                                index=index, count=len(self._plugs)))
        return self._plugs[index]

    def _next_devnum(self, bus: int) -> int:
        in_use = {p.dev for p in self._plugs if p.plugged and p.bus == bus}
        candidate = self._last_devnum[bus]
        for _ in range(_LAST_DEVNUM):
            candidate = candidate + 1 if candidate < _LAST_DEVNUM else 2
            if candidate not in in_use:
                break
        self._last_devnum[bus] = candidate
        return candidate

    def _record(self, plug: UsbPlug, connected: bool) -> None:
        self._connections.append(ConnectionRecord(plug.path, plug.device.vendor_id, plug.device.product_id,
                                                  connected, int(time.time() * 1000)))
        del self._connections[:-MAX_CONNECTION_RECORDS]


def _present_builtin(scenario: Scenario, plugs: tuple[UsbPlug, ...]) -> list[BuiltinCamera]:
    present = []
    for camera in scenario.builtin_cameras:
        index = scenario.usb_index(camera.usb_ref) if camera.usb_ref else None
        if index is None or plugs[index].plugged:
            present.append(camera)
    return present


def _choose_camera(scenario: Scenario, config: dict[str, Any] | None, wmpf_text: str,
                   plugs: tuple[UsbPlug, ...]) -> ActiveCamera:
    """docs/domain.md's family rules, as `camera_selection` decides them; then the camera that matches.

    A USB selection that matches no plugged camera leaves WMPF on a built-in camera (inferred).
    """
    selection = camera_selection(config or {}, wmpf_text)
    keys = selection.usable
    cameras = [p for p in plugs if p.plugged and p.device.is_uvc]
    usb: UsbPlug | None = None
    if selection.family is Family.USB:
        # Path before triple: giving both is an error the validator reports; which WMPF honours is
        # not documented, so the virtual device picks the path (inferred).
        if "usbCameraName" in keys:
            usb = next((p for p in cameras if p.path == keys["usbCameraName"]), None)
        if usb is None and all(k in keys for k in USB_TRIPLE):
            vendor, product, serial = (keys[k] for k in USB_TRIPLE)
            # Two cameras with one triple: the first one enumerated wins (inferred).
            usb = next((p for p in cameras if p.device.vendor_id == vendor and p.device.product_id == product
                        and p.device.serial is not None and p.device.serial == serial), None)
    if usb is not None:
        return ActiveCamera("usb", usb.device.mounting,
                            tr("USB camera {path} ({product})", path=usb.path,
                               product=usb.device.product or tr("no product name")),
                            usb.device.preview_turn, usb.device.push_turn,
                            usb_index=usb.index, usb_path=usb.path, facing="external")
    present = _present_builtin(scenario, plugs)
    chosen: BuiltinCamera | None = None
    if "internalCameraName" in keys:
        chosen = next((c for c in present if c.id == keys["internalCameraName"]), None)
    if chosen is None and "cameraId" in keys:
        chosen = next((c for c in present if c.id == str(keys["cameraId"])), None)
    if chosen is None:
        chosen = next((c for c in present if c.facing == "back"), present[0] if present else None)
    if chosen is None:
        return ActiveCamera(None, None, tr("No camera: the device lists no built-in camera and no USB camera is selected."))
    usb_path = None
    if chosen.usb_ref:
        index = scenario.usb_index(chosen.usb_ref)
        usb_path = plugs[index].path if index is not None else None
    return ActiveCamera("builtin", scenario.mounting_of(chosen),
                        tr("Built-in camera \"{id}\" ({facing})", id=chosen.id, facing=chosen.facing),
                        chosen.preview_turn, chosen.push_turn, camera_id=chosen.id, usb_path=usb_path, facing=chosen.facing)
