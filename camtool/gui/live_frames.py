"""Frames of a live device screen into an end view: the hop from a capture thread to the GUI thread.

A capture source (camtool.device.capture) calls back on its own thread. The feed keeps
only the newest frame and posts one queued signal at a time, so a GUI that falls behind
shows the latest picture instead of working through a backlog. Device loss is a state:
the view says so and the feed goes on when the source reports frames again.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from camtool.gui.device_service import DeviceService, LiveFrame, ScreenSource
from camtool.gui.end_view import EndView


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
        self._posted = False
        self.frames_received = 0
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
            self._newest = None

    # ---- capture thread ------------------------------------------------------------------
    def _on_frame(self, frame: LiveFrame) -> None:
        with self._lock:
            self._newest = frame
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
            frame, self._newest, self._posted = self._newest, None, False
        if frame is not None:
            self._view.set_frame(frame.image)

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
