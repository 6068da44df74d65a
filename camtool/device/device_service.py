"""The device layer as the window sees it: one Qt-free object it takes in its constructor.

It fits `camtool.gui.live_device.DeviceService` (list_devices, screen_source, apply_config,
returning the records of service_records.py, which the window imports too) and adds what the
window may want next: inventory(serial), watch_hotplug(on_change).
Every call is bounded by a timeout and may block, so the window calls them from worker
threads. Errors are `DeviceError`s whose message and action a technician can act on.
"""

from __future__ import annotations

from collections.abc import Callable

from camtool.device.adb_io import AdbDeviceIO, DeviceIO
from camtool.device.apply import apply_config
from camtool.device.capture import Frame, ScreenrecordSource
from camtool.device.errors import DeviceError
from camtool.device.hotplug import DeviceListChange, HotplugWatcher
from camtool.device.inventory_fetch import FetchedInventory, fetch_inventory
from camtool.device.service_records import ServiceApplyAnswer, ServiceDevice



class AdbDeviceService:
    """Devices through one adb server (the user's, or the one `port` names)."""

    def __init__(self, io: DeviceIO | None = None, *, port: int | None = None, timeout: float = 10.0) -> None:
        self.io = io if io is not None else AdbDeviceIO(port=port)
        self.timeout = timeout

    # -- the GUI's DeviceService ------------------------------------------------------------
    def list_devices(self) -> list[ServiceDevice]:
        return [ServiceDevice.from_entry(entry) for entry in self.io.list_devices()]

    def apply_config(self, serial: str, config: dict, package: str) -> ServiceApplyAnswer:
        return ServiceApplyAnswer.from_result(apply_config(self.io, serial, config, package))

    def screen_source(self, serial: str, on_frame: Callable[[Frame], None],
                      on_state: Callable[[str, str], None]) -> ScreenrecordSource:
        """A capture of the device's screen, not started; states as plain words (starting, streaming, lost, stopped)."""
        return ScreenrecordSource(self.io, serial, on_frame=on_frame,
                                  on_state=lambda state, detail: on_state(state.value, detail))

    def camera_source(self, serial: str, on_frame: Callable[[Frame], None], on_state: Callable[[str, str], None], *,
                      camera_id: str | None = None, size: tuple[int, int] | None = None,
                      server_file: str | None = None):
        """A capture of one camera itself through the user's scrcpy server (Android 12+), not started.

        Refusals (Android < 12, no server file, camera busy, ...) arrive as state "lost" with
        the words; the source then stops trying. `server_file` None: SCRCPY_SERVER_PATH or
        where scrcpy installs it.
        """
        from camtool.device.camera_source import CameraSource

        return CameraSource(self.io, serial, server_file or None, camera_id=camera_id, size=size, on_frame=on_frame,
                            on_state=lambda state, detail: on_state(state.value, detail))

    # -- more for the window --------------------------------------------------------------------
    def inventory(self, serial: str, cancelled: Callable[[], bool] | None = None) -> FetchedInventory:
        """Raises FetchCancelled once `cancelled()` is True (checked before each adb command)."""
        return fetch_inventory(self.io, serial, timeout=self.timeout, cancelled=cancelled)

    def watch_hotplug(self, on_change: Callable[[DeviceListChange], None]) -> HotplugWatcher:
        """A started watcher calling `on_change` from its thread; call `.stop()` when done."""
        host = getattr(self.io, "host", "127.0.0.1")
        port = getattr(self.io, "port", None)
        if port is None:
            raise DeviceError(detail="hotplug needs an adb server")
        ensure = getattr(self.io, "ensure_server", None)
        if ensure is not None:
            ensure()
        return HotplugWatcher(host, port, on_change).start()

