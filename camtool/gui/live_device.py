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

import sys
import threading
import time
from typing import TYPE_CHECKING, Callable, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal, Slot

from camtool.device.preview import preview_size
from camtool.device.service_records import ServiceApplyAnswer as ApplyAnswer
from camtool.device.service_records import ServiceDevice as DeviceEntry
from camtool.gui.end_view import EndView, fit_for_view
from camtool.gui.workers import LatestOnlyWorker

if TYPE_CHECKING:   # numpy costs a noticeable part of the window's start-up; frames come later
    import numpy as np


#: How long a thread running Python keeps the GIL while another one waits (Python's default: 5 ms).
GIL_SWITCH_INTERVAL_S = 0.001


def _favour_the_gui_thread() -> None:
    """Shorten the GIL's switch interval while frames flow (issue 14).

    The capture and fitting threads run some Python per frame; each time the GUI thread wants
    the GIL back (every slot, every return from Qt) it may wait a whole switch interval per busy
    thread. With two of them busy, a waking thread waited 12-18 ms (p50) at the default 5 ms
    and 5 ms at 1 ms. Only ever shortened: a caller that chose a shorter one keeps it."""
    if sys.getswitchinterval() > GIL_SWITCH_INTERVAL_S:
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)


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
    """Shows one device's screen in one EndView while it runs.

    A frame much larger than the view is shown shrunk to it, never shrunk on the GUI thread
    (a 1080p shrink took milliseconds per frame there; issue 14). The capture source makes the
    small picture itself when it can (`preview_box`: swscale from the decoded YUV, about a
    millisecond); otherwise a worker thread that serves only the newest frame shrinks it, not
    the capture thread, which must keep pace with the stream or its frames queue up in adb.
    The full frame is kept for the orientation check.
    """

    _frameReady = Signal()
    _stateReady = Signal(str, str)
    stateChanged = Signal(str, str)   # (state, detail) on the GUI thread

    def __init__(self, service: DeviceService, serial: str, view: EndView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.serial = serial
        self._view = view
        self._lock = threading.Lock()
        self._newest: LiveFrame | None = None
        self._posted = False
        # The view's size in pixels, written on the GUI thread, read by the fitter; None when the
        # view takes only whole frames (the device end's simulation tap, whose EndView fits them).
        self._fit: tuple[int, int] | None = self._view_pixels()
        self._fitter: LatestOnlyWorker | None = None
        self.frames_received = 0
        self.frames_shown = 0
        self.last_latency_ms: float | None = None   # host render (frame stamp) to shown, when stamped
        self.state = "stopped"
        self._frameReady.connect(self._show_newest)
        self._stateReady.connect(self._show_state)
        self._source: ScreenSource = service.screen_source(serial, self._on_frame, self._on_state)
        self._ask_preview()
        # Whatever path deletes the feed, its capture ends with it: a capture left running would
        # stream on unseen and call into a deleted object. (The closure holds the source, not self.)
        source = self._source
        self.destroyed.connect(lambda *_: source.stop(0))

    def start(self) -> None:
        _favour_the_gui_thread()
        self._fit = self._view_pixels()   # the view may have changed size since the feed was made
        self._ask_preview()
        if self._fit is not None and self._fitter is None:
            self._fitter = LatestOnlyWorker(self._fitted, f"camtool-fit-{self.serial}", self)
            self._fitter.done.connect(self._show_fitted)
        self._source.start()

    def stop(self) -> None:
        """Stop the capture (it ends within its own short timeout) and drop what is pending."""
        self._source.stop(1.0)
        if self._fitter is not None:
            self._fitter.stop()
            self._fitter.deleteLater()
            self._fitter = None
        with self._lock:
            self._newest = None

    # ---- capture thread ------------------------------------------------------------------
    def _on_frame(self, frame: LiveFrame) -> None:
        fitter = self._fitter
        if fitter is not None and not self._has_preview(frame):
            with self._lock:
                self.frames_received += 1
            fitter.submit(frame)   # the fitter takes only the newest: it never holds the capture up
            return
        with self._lock:
            self._newest = frame
            self.frames_received += 1
            if self._posted:
                return   # a post is on its way and will take this newer frame
            self._posted = True
        self._frameReady.emit()

    def _on_state(self, state: str, detail: str) -> None:
        self._stateReady.emit(str(getattr(state, "value", state)), detail)

    def _has_preview(self, frame: LiveFrame) -> bool:
        """The frame carries a preview made for the view's current size (not for an older size)."""
        preview = getattr(frame, "preview", None)
        fit = self._fit
        if preview is None or fit is None:
            return False
        height, width = frame.image.shape[:2]
        return (preview.shape[1], preview.shape[0]) == preview_size(width, height, fit)

    # ---- fitter thread -------------------------------------------------------------------
    def _fitted(self, frame: LiveFrame) -> tuple[LiveFrame, "np.ndarray"]:
        size = self._fit
        shown = fit_for_view(frame.image, *size) if size is not None else frame.image
        if shown is frame.image:   # no shrink needed: the view still gets an array of its own
            import numpy as np

            shown = np.array(frame.image, dtype=np.uint8, order="C", copy=True)
        return frame, shown

    # ---- GUI thread ----------------------------------------------------------------------
    @Slot(object, object)
    def _show_fitted(self, _request: object, result: tuple) -> None:
        if self._fitter is None:
            return   # stopped meanwhile
        frame, shown = result
        self._fit = self._view_pixels()
        self._ask_preview()
        self._view.set_frame(frame.image, shown)
        self._count_shown(frame)

    @Slot()
    def _show_newest(self) -> None:
        with self._lock:
            frame, self._newest, self._posted = self._newest, None, False
        if frame is None:
            return
        if self._fitter is not None:   # the source made the view-sized picture (else the fitter has it)
            preview = frame.preview if self._has_preview(frame) else None
            self._fit = self._view_pixels()
            self._ask_preview()
            if preview is None:
                self._fitter.submit(frame)   # the view changed size meanwhile
                return
            self._view.set_frame(frame.image, preview)
        else:
            self._view.set_frame(frame.image)
        self._count_shown(frame)

    def _count_shown(self, frame: LiveFrame) -> None:
        self.frames_shown += 1
        # The virtual device stamps each frame with the host's monotonic render time
        # (docs/frame-stamp.md), so its latency to the screen is measurable; a real
        # device's frames carry no stamp and show no latency.
        rendered = getattr(getattr(frame, "stamp", None), "render_time_ns", None)
        if isinstance(rendered, int):
            self.last_latency_ms = (time.monotonic_ns() - rendered) / 1e6

    def _ask_preview(self) -> None:
        """Tell the source the view's size, so that it makes the small picture (if it can)."""
        if hasattr(self._source, "preview_box") and self._source.preview_box != self._fit:
            self._source.preview_box = self._fit

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
