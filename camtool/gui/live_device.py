"""The device side of the window: the small interface it takes (plain Python types), and live frames.

The device layer (issue 5) is written separately; the window codes against `DeviceService`
and runs without it (service None): both ends are then simulated from a virtual scene.
Service methods may block (adb calls with timeouts), so the window calls them only from
worker threads. A capture source (camtool.device.capture) calls back on its own thread;
`LiveEndFeed` keeps only the newest frame and posts one queued signal at a time, so a GUI
that falls behind shows the latest picture instead of working through a backlog. Device
loss is a state: the view says so and the feed goes on when frames come again.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Callable, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal, Slot

from camtool.device.service_records import ServiceApplyAnswer as ApplyAnswer
from camtool.device.service_records import ServiceDevice as DeviceEntry
from camtool.gui.end_view import EndView, fit_for_view

if TYPE_CHECKING:   # numpy costs a noticeable part of the window's start-up; frames come later
    import numpy as np


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


class LiveEndFeed(QObject):
    """Shows one device's screen in one EndView while it runs."""

    _frameReady = Signal()
    _stateReady = Signal(str, str)
    stateChanged = Signal(str, str)   # (state, detail) on the GUI thread

    def __init__(self, service: DeviceService, serial: str, view: EndView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.serial = serial
        self._view = view
        self._lock = threading.Lock()
        self._newest: LiveFrame | None = None
        self._newest_shown: "np.ndarray | None" = None   # the newest frame fitted to the view
        # The view's size in pixels, written on the GUI thread and read on the capture one; None
        # when the view cannot take a fitted frame (the device end's simulation tap keeps the
        # full frame and lets its EndView fit it).
        self._fit: tuple[int, int] | None = self._view_pixels()
        self._posted = False
        self.frames_received = 0
        self.frames_shown = 0
        self.last_latency_ms: float | None = None   # host render (frame stamp) to shown, when stamped
        self.state = "stopped"
        self._frameReady.connect(self._show_newest)
        self._stateReady.connect(self._show_state)
        self._source: ScreenSource = service.screen_source(serial, self._on_frame, self._on_state)

    def start(self) -> None:
        self._source.start()

    def stop(self) -> None:
        """Stop the capture (it ends within its own short timeout) and drop what is pending."""
        self._source.stop(1.0)
        with self._lock:
            self._newest = self._newest_shown = None

    # ---- capture thread ------------------------------------------------------------------
    def _on_frame(self, frame: LiveFrame) -> None:
        # Shrinking a 1080p frame to the view takes milliseconds: here, not on the GUI thread.
        fit = self._fit
        shown = fit_for_view(frame.image, *fit) if fit is not None else frame.image
        with self._lock:
            self._newest, self._newest_shown = frame, (shown if shown is not frame.image else None)
            self.frames_received += 1
            if self._posted:
                return   # a post is on its way and will take this newer frame
            self._posted = True
        self._frameReady.emit()

    def _on_state(self, state: str, detail: str) -> None:
        self._stateReady.emit(str(getattr(state, "value", state)), detail)

    # ---- GUI thread ----------------------------------------------------------------------
    @Slot()
    def _show_newest(self) -> None:
        with self._lock:
            frame, shown, self._newest, self._newest_shown, self._posted = \
                self._newest, self._newest_shown, None, None, False
        self._fit = self._view_pixels()
        if frame is not None:
            if shown is not None:
                self._view.set_frame(frame.image, shown)
            else:
                self._view.set_frame(frame.image)
            self.frames_shown += 1
            # The virtual device stamps each frame with the host's monotonic render time
            # (contracts.md section 5), so its latency to the screen is measurable; a real
            # device's frames carry no stamp and show no latency.
            rendered = getattr(getattr(frame, "stamp", None), "render_time_ns", None)
            if isinstance(rendered, int):
                self.last_latency_ms = (time.monotonic_ns() - rendered) / 1e6

    def _view_pixels(self) -> tuple[int, int] | None:
        pixel_size = getattr(self._view, "pixel_size", None)
        return pixel_size() if pixel_size is not None else None

    @Slot(str, str)
    def _show_state(self, state: str, detail: str) -> None:
        self.state = state
        if state == "lost":
            self._view.set_message(self.tr("{serial} is not answering: {detail}\nWaiting for it to come back...")
                                   .format(serial=self.serial, detail=detail))
        elif state == "starting":
            self._view.set_message(self.tr("Connecting to {serial}...").format(serial=self.serial))
        else:
            self._view.set_message("")
        self.stateChanged.emit(state, detail)
