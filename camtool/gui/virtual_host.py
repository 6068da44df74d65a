"""The virtual device inside the window: started when no phone is attached, with a scenario picker.

Starting one means starting (or reaching) the user's adb server, listening on two ports and
`adb connect`-ing both ends: seconds of blocking work, so it runs on a worker thread and the
banner says what is happening. The adb server is the user's (its port from
ANDROID_ADB_SERVER_PORT, else 5037), so `adb devices` in a terminal sees the same device.
Switching the scenario stops the running device and starts the new one; closing the window
stops it (and `adb disconnect`s it). When adb cannot start, the banner says why and both
ends stay simulated. The device runs in a process of its own (`camtool virtual start`): its
rendering and encoding would otherwise take the GIL from the GUI thread while both ends play.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QWidget

from camtool.gui.workers import LatestOnlyWorker
from camtool.gui.retranslating import Retranslating


@dataclass(frozen=True)
class VirtualStarted:
    scenario: str
    serial: str
    wechat_serial: str
    receiver_package: str | None


class VirtualHost(QObject):
    """Owns at most one running VirtualDevice; all starting and stopping on its worker thread."""

    started = Signal(object)     # VirtualStarted
    failed = Signal(str)         # why it could not start (translated by the layer that raised)
    stopped = Signal()
    busyChanged = Signal(bool)

    def __init__(self, adb_port: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._adb_port = adb_port
        self.device = None           # the running camtool.virtual.process.VirtualDeviceProcess
        self.current: VirtualStarted | None = None
        self.busy = False
        self._device_lock = threading.Lock()   # `device` is set on the worker thread, taken on either
        self._worker = LatestOnlyWorker(self._work, "camtool-virtual-host", self)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)

    # ---- API (GUI thread) ------------------------------------------------------------------
    def start(self, scenario: str) -> None:
        """Start the virtual device with this scenario (stopping a running one first)."""
        self._set_busy(True)
        self._worker.submit(("start", scenario))

    def stop_async(self) -> None:
        self._set_busy(True)
        self._worker.submit(("stop", None))

    def shutdown(self) -> None:
        """Window closing: stop the device (detach from adb) and end the thread.

        A start still in hand is not waited for: it sees the cancel and stops its own device."""
        self._worker.stop()
        self._stop_device()

    # ---- worker thread --------------------------------------------------------------------
    def _work(self, request: tuple[str, str | None]):
        kind, scenario = request
        self._stop_device()
        if kind == "stop":
            return None
        from camtool.device.adb_server import AdbServer, default_port
        from camtool.virtual.process import VirtualDeviceProcess
        from camtool.virtual.scenario import load_scenario

        loaded = load_scenario(scenario)   # a bad scenario is said here, before a process starts
        server = AdbServer(port=self._adb_port if self._adb_port is not None else default_port())
        device = VirtualDeviceProcess(scenario, server).start()
        with self._device_lock:
            closing = self._worker.cancelled()
            if not closing:
                self.device = device
        if closing:   # the window closed while it started: nobody else will stop it
            device.stop()
            return None
        return VirtualStarted(loaded.name, device.serial, device.wechat_serial, loaded.device.receiver_package)

    def _stop_device(self) -> None:
        with self._device_lock:
            device, self.device = self.device, None
        if device is not None:
            device.stop()

    # ---- back on the GUI thread -----------------------------------------------------------
    @Slot(object, object)
    def _on_done(self, _request, result) -> None:
        self._set_busy(False)
        self.current = result
        if result is None:
            self.stopped.emit()
        else:
            self.started.emit(result)

    @Slot(object, str)
    def _on_failed(self, _request, message: str) -> None:
        self._set_busy(False)
        self.current = None
        # "AdbServerError: adb did not answer ..." -> the sentence after the class name.
        self.failed.emit(message.split(": ", 1)[-1])

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)


class VirtualBanner(Retranslating, QWidget):
    """"Virtual device: no phone attached" with the scenario picker and a busy bar."""

    scenarioChosen = Signal(str)

    def __init__(self, host: VirtualHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from camtool.virtual.scenario import list_scenarios

        self.setObjectName("virtualBanner")
        self.setStyleSheet("QWidget#virtualBanner { background: #dcefff; } QLabel { color: #0b3a5c; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._host = host
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._scenario_label = QLabel(self)
        self.scenario_combo = QComboBox(self)
        for name, description in list_scenarios():
            self.scenario_combo.addItem(name, name)
            self.scenario_combo.setItemData(self.scenario_combo.count() - 1, description,
                                            Qt.ItemDataRole.ToolTipRole)
        self._scenario_label.setBuddy(self.scenario_combo)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)     # busy: how long adb takes is not known
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self._scenario_label)
        layout.addWidget(self.scenario_combo)
        self.scenario_combo.activated.connect(self._on_activated)
        host.busyChanged.connect(self._on_busy)
        host.started.connect(self._on_started)
        host.failed.connect(self._on_failed)
        self._text = ""
        self._state = ("idle", "")
        self.retranslate()

    def scenario(self) -> str:
        return self.scenario_combo.currentData() or ""

    def set_scenario(self, name: str) -> None:
        index = self.scenario_combo.findData(name)
        if index >= 0:
            self.scenario_combo.setCurrentIndex(index)

    def _on_activated(self, _index: int) -> None:
        name = self.scenario()
        if name and (self._host.current is None or self._host.current.scenario != name):
            self.scenarioChosen.emit(name)

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.scenario_combo.setEnabled(not busy)
        if busy:
            self._state = ("starting", self.scenario())
            self.retranslate()

    def _on_started(self, started: VirtualStarted) -> None:
        self.set_scenario(started.scenario)
        self._state = ("running", started.scenario)
        self.retranslate()

    def _on_failed(self, message: str) -> None:
        self._state = ("failed", message)
        self.retranslate()

    def retranslate(self) -> None:
        state, detail = self._state
        if state == "starting":
            text = self.tr("Virtual device: no phone attached. Starting the virtual device ({scenario})...").format(
                scenario=detail)
        elif state == "failed":
            text = self.tr("Virtual device: no phone attached, and the virtual device could not start: {reason} "
                           "Both ends are simulated.").format(reason=detail)
        else:
            text = self.tr("Virtual device: no phone attached. camtool runs a virtual device; "
                           "pick another scenario on the right, or attach a phone and press F5.")
        self.message.setText(text)
        self._scenario_label.setText(self.tr("&Scenario:"))
        self.scenario_combo.setToolTip(self.tr("Switching restarts the virtual device with that scenario."))
