"""The window's "Check orientation" (Ctrl+K): detect the chart on both ends, show the verdict, apply the fix.

`install_orientation_check(window)` adds the action and a dock to an existing MainWindow
without editing it. A check takes the newest frame each EndView shows (live or simulated),
runs `camtool.vision.verdict.check_orientation` on a worker thread that lives only while a
check runs (so a closed window never leaves a thread behind), and draws the detected "up"
over each view. "Apply recommendation" puts the recommended config into the document as an
edit, so the form, findings, export and simulated ends follow; when the window can apply to
a device it is offered too. A check right after an apply passes the earlier observation as
history, which is how the check learns which way WMPF really turns on this device.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from camtool.gui.orientation_panel import OrientationPanel, UpOverlay
from camtool.gui.window_addon import WindowAddon
from camtool.gui.workers import LatestOnlyWorker

if TYPE_CHECKING:
    import numpy as np

    from camtool.gui.main_window import MainWindow
    from camtool.vision.verdict import Observation, OrientationVerdict

SHORTCUT = "Ctrl+K"
#: How long a check waits for the simulated ends to show the newest config before it takes
#: what is on screen anyway (a render takes a few milliseconds; a failed one never shows).
_SETTLE_DEADLINE_S = 5.0
_SETTLE_POLL_MS = 20


@dataclass(frozen=True)
class CheckRequest:
    """One check: the two frames (None = that end shows nothing yet) and what they are judged against."""

    device_frame: np.ndarray | None
    wechat_frame: np.ndarray | None
    config: dict
    wmpf_version: str | None
    history: tuple
    serial: int
    simulated: bool = True      # both ends show the form's config as simulated, not a device
    runs: str = ""              # live ends: the "Device runs" choice the config comes from, as shown


def run_check(request: CheckRequest) -> OrientationVerdict:
    """Runs on the worker thread (detection takes ~10 ms a frame; never on the GUI thread)."""
    from camtool.vision.verdict import check_orientation

    return check_orientation(request.device_frame, request.wechat_frame, request.config,
                             wmpf_version=request.wmpf_version, history=request.history)


def _device_apply_of(window: MainWindow) -> Callable[[], object] | None:
    """The window's "Apply to device" action, when it can run now (a device is attached and ready)."""
    action = window.actions.actions["apply"]
    return action.trigger if action.isEnabled() else None


class OrientationCheck(WindowAddon):
    """The action, the dock and the check's state for one window."""

    verdictReady = Signal(object)   # OrientationVerdict, on the GUI thread
    checkFailed = Signal(str)
    recommendationApplied = Signal(dict, bool)   # (config, also sent to the device)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._document = window.document
        self._ends = window.ends
        self._worker: LatestOnlyWorker | None = None
        self._serial = 0
        self._settle_started = 0.0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(_SETTLE_POLL_MS)
        self._settle.timeout.connect(self._start_when_settled)
        self._verdict: OrientationVerdict | None = None
        self._history: tuple[Observation, ...] = ()        # observations leading to `_history_config`
        self._history_config: dict | None = None
        self._used_history: tuple[Observation, ...] = ()
        self._applying = False

        self.panel = OrientationPanel()
        self.dock = QDockWidget(window)
        self.dock.setObjectName("orientationCheckDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()   # appears with the first check, so the window starts as it always did
        self.overlays = {"device": UpOverlay(self._ends.device_view), "wechat": UpOverlay(self._ends.wechat_view)}

        self.action = QAction(window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.triggered.connect(lambda _checked=False: self.run())
        self.menu = self._menu_for(window)
        self.menu.addSeparator()
        self.menu.addAction(self.action)
        self.menu.addAction(self.dock.toggleViewAction())

        self.panel.checkRequested.connect(self.run)
        self.panel.applyRequested.connect(self.apply_recommendation)
        self._document.changed.connect(self._on_document_changed)
        self._ends.mounting_combo.currentIndexChanged.connect(self._on_scene_changed)
        self._ends.mirrored_check.toggled.connect(self._on_scene_changed)
        self._ends.push_turn_combo.currentIndexChanged.connect(self._on_scene_changed)
        self._ends.live_check.toggled.connect(self._on_scene_changed)
        # Another device or scenario, or another config it runs: earlier results are about something else.
        self._ends.sourceChanged.connect(self.forget)
        self._ends.device_runs.changed.connect(self._on_scene_changed)
        self.retranslate()

    # ---- API -----------------------------------------------------------------------------
    @property
    def verdict(self) -> OrientationVerdict | None:
        """The newest verdict shown (None before the first check)."""
        return self._verdict

    def is_busy(self) -> bool:
        return self._settle.isActive() or self._worker is not None

    def run(self) -> None:
        """Check both ends as they are shown now; the verdict arrives by `verdictReady`."""
        self._serial += 1
        self.dock.show()
        self.panel.show_checking()
        self.panel.offer_device_apply(_device_apply_of(self._window) is not None)
        for overlay in self.overlays.values():
            overlay.show_result(None, None)
        self._settle_started = time.monotonic()
        self._start_when_settled()

    def apply_recommendation(self, to_device: bool = False) -> bool:
        """Put the newest verdict's recommended config into the form (and send it to the device).

        Returns False when there is nothing to apply. With simulated ends the check runs
        again at once on the new pictures; a device needs time to show its new config.
        """
        verdict = self._verdict
        if verdict is None or not verdict.changes:
            return False
        recommended = dict(verdict.recommended)
        # What this check saw under its config is what tells, after the apply, which way WMPF turned.
        self._history = (*self._used_history, verdict.observation) if verdict.observation else self._used_history
        self._history_config = recommended
        self._applying = True
        try:
            self._document.import_data(recommended)
        finally:
            self._applying = False
        device_apply = _device_apply_of(self._window) if to_device else None
        if device_apply is not None:
            self.panel.mark_applied(self.tr("Put into the form and sent to the device: check again when the "
                                            "device shows the new picture."))
            device_apply()
        elif self._all_simulated():
            self.run()
        else:
            self.panel.mark_applied(self.tr("Put into the form: apply it to the device, then check again."))
        self.recommendationApplied.emit(recommended, device_apply is not None)
        return True

    def shutdown(self) -> None:
        """Stop waiting and end the worker thread (the window is closing)."""
        self._settle.stop()
        self._stop_worker()

    # ---- internals -----------------------------------------------------------------------
    def _menu_for(self, window: MainWindow) -> QMenu:
        return window.actions.menus["device"]

    def judged_config(self) -> tuple[dict, str]:
        """(the config the pictures were made with, where it comes from as "Device runs" shows it).

        Simulated ends show the form's config (source ""). A live end shows what the device
        runs: the "Device runs" choice beside the views, which is what camtool applied when it
        applied one, else what the technician picked ("none": the device runs no camera keys).
        """
        if self._all_simulated():
            return self._document.data, ""
        runs = self._ends.device_runs
        return dict(runs.config() or {}), runs.combo.currentText()

    def forget(self) -> None:
        """Drop the verdict, the history and the drawn arrows (another device, scenario or config)."""
        self._serial += 1   # a check still running answers for the old pictures: ignore it
        self._settle.stop()
        self._verdict = None
        self._history, self._history_config, self._used_history = (), None, ()
        self.panel.clear()
        self._clear_overlays()

    def _all_simulated(self) -> bool:
        return not (self._ends.device_view.is_live() or self._ends.wechat_view.is_live())

    def _start_when_settled(self) -> None:
        # A check right after a change must judge the new pictures, not the ones still on screen.
        waited = time.monotonic() - self._settle_started
        if not self._ends.is_up_to_date() and waited < _SETTLE_DEADLINE_S and self._window.isVisible():
            self._settle.start()
            return
        frames = self._ends.device_view.displayed_array(), self._ends.wechat_view.displayed_array()
        config, runs = self.judged_config()
        history = self._history if config == self._history_config else ()
        self._used_history = history
        request = CheckRequest(frames[0], frames[1], config, self._document.wmpf_version, history, self._serial,
                               self._all_simulated(), runs)
        if self._worker is None:
            self._worker = LatestOnlyWorker(run_check, "camtool-orientation-check", self)
            self._worker.done.connect(self._on_done)
            self._worker.failed.connect(self._on_failed)
        self._worker.submit(request)

    def _on_done(self, request: CheckRequest, verdict: OrientationVerdict) -> None:
        if request.serial != self._serial:
            return   # a newer check is on its way
        self._stop_worker()
        self._verdict = verdict
        self.panel.show_verdict(verdict, simulated=request.simulated)
        if not request.simulated:   # every recommendation rests on it: say which config was assumed
            self.panel.show_note(self.tr("Judged against the config the device runs, as \"Device runs\" says: "
                                         "{runs}.").format(runs=request.runs))
        for name, frame in (("device", request.device_frame), ("wechat", request.wechat_frame)):
            size = None if frame is None else (frame.shape[1], frame.shape[0])
            self.overlays[name].show_result(verdict.end(name), size)
        self.verdictReady.emit(verdict)

    def _on_failed(self, request: CheckRequest, message: str) -> None:
        if request.serial != self._serial:
            return
        self._stop_worker()
        self.panel.show_failure(message)
        self.checkFailed.emit(message)

    def _stop_worker(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()
            worker.deleteLater()

    def _on_document_changed(self) -> None:
        if self._applying:
            return
        if self._document.data != self._history_config:
            self._history, self._history_config = (), None   # another config: earlier checks tell nothing
        self._clear_overlays()

    def _on_scene_changed(self, *_args) -> None:
        self._history, self._history_config = (), None   # another camera mounting or another source
        self._clear_overlays()

    def _clear_overlays(self) -> None:
        # The drawn "up" belongs to the pictures of the last check; new pictures make it wrong.
        for overlay in self.overlays.values():
            overlay.show_result(None, None)

    def retranslate(self) -> None:
        self.action.setText(self.tr("Check &orientation"))
        self.action.setToolTip(self.tr("Detect the printed chart on both ends and say whether each is upright"))
        self.action.setStatusTip(self.action.toolTip())
        self.dock.setWindowTitle(self.tr("Orientation check"))
        self.dock.toggleViewAction().setText(self.tr("Show orientation check panel"))


def install_orientation_check(window: MainWindow) -> OrientationCheck:
    """Add "Check orientation" (Ctrl+K, in the Device menu), its dock and the view overlays to `window`.

    `window` needs `document` (ConfigDocument) and `ends` (EndsPanel), as MainWindow has.
    """
    existing = getattr(window, "orientation_check", None)
    if isinstance(existing, OrientationCheck):
        return existing   # installed once: a second call must not add a second Ctrl+K
    check = OrientationCheck(window)
    window.orientation_check = check
    return check
