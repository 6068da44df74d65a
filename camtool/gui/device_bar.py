"""The device bar: the devices adb sees, their state in words, and which one is each end.

The device list is read on a worker thread (list_devices may block on adb). Hotplug comes
from the device layer's Qt-free watcher, which calls back on its own thread; `HotplugBridge`
turns that into one queued signal, and each change simply asks for a fresh list (the list
carries the translated words and actions, the watcher's raw entries do not). F5 does the same.
Two pickers: the device end (the device with the camera) and the WeChat end (a second phone,
the virtual WeChat phone, or none: that end is then simulated).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from camtool.gui.live_device import DeviceEntry, DeviceService
from camtool.i18n import join_list
from camtool.gui.workers import LatestOnlyWorker
from camtool.gui.retranslating import Retranslating

READY = "device"


class HotplugBridge(QObject):
    """Wraps a watcher that calls back on its own thread into the queued `changed` signal."""

    changed = Signal()

    def __init__(self, service: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = None
        self.error = ""
        watch = getattr(service, "watch_hotplug", None)
        if watch is None:
            return
        try:
            # The callback runs on the watcher's thread: emitting a signal is all it does, and
            # Qt queues the emission to this object's (the GUI) thread.
            self._watcher = watch(lambda _change: self.changed.emit())
        except Exception as exc:  # no adb server: the bar still works with F5
            self.error = str(exc)

    def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None


class DeviceBar(Retranslating, QWidget):
    """Lists devices; `endsChosen(device_serial, wechat_serial)` ("" = none) when the choice changes."""

    endsChosen = Signal(str, str)       # chosen whatever their state: a view says what is wrong
    devicesListed = Signal(list)        # list[DeviceEntry], after every refresh
    listFailed = Signal(str)

    def __init__(self, service: DeviceService, *, watch_hotplug: bool = True,
                 last_device: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.devices: list[DeviceEntry] = []
        self.refreshes = 0
        self._preferred_device = last_device or ""
        self._preferred_wechat = ""
        self._chosen = ("", "")
        self._filling = False
        self._worker = LatestOnlyWorker(lambda _request: list(service.list_devices()), "camtool-device-list", self)
        self._worker.done.connect(self._on_listed)
        self._worker.failed.connect(self._on_failed)

        self._device_label = QLabel(self)
        self.device_combo = QComboBox(self)
        self._wechat_label = QLabel(self)
        self.wechat_combo = QComboBox(self)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("deviceState")
        self.state_label.setWordWrap(True)
        for combo in (self.device_combo, self.wechat_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._on_picked)
        self._device_label.setBuddy(self.device_combo)
        self._wechat_label.setBuddy(self.wechat_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._device_label)
        layout.addWidget(self.device_combo)
        layout.addWidget(self._wechat_label)
        layout.addWidget(self.wechat_combo)
        layout.addWidget(self.state_label, 1)

        self.hotplug = HotplugBridge(service, self) if watch_hotplug else None
        if self.hotplug is not None:
            self.hotplug.changed.connect(self.refresh)
        self.retranslate()

    # ---- API -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read adb's device list again (off the GUI thread)."""
        self._worker.submit(None)

    def prefer(self, device_serial: str, wechat_serial: str = "") -> None:
        """Pick these as the ends once they are listed (the virtual device and its phone)."""
        self._preferred_device = device_serial
        self._preferred_wechat = wechat_serial
        if self.devices:
            self._fill(self.devices)

    def chosen(self) -> tuple[str, str]:
        return self._chosen

    def ready_devices(self) -> list[DeviceEntry]:
        return [d for d in self.devices if d.state == READY]

    def entry(self, serial: str) -> DeviceEntry | None:
        return next((d for d in self.devices if d.serial == serial), None)

    def shutdown(self) -> None:
        if self.hotplug is not None:
            self.hotplug.stop()
        self._worker.stop()

    # ---- internals -----------------------------------------------------------------------
    @Slot(object, object)
    def _on_listed(self, _request, devices: list) -> None:
        self.refreshes += 1
        self.devices = list(devices)
        self._fill(self.devices)
        self.devicesListed.emit(self.devices)

    @Slot(object, str)
    def _on_failed(self, _request, message: str) -> None:
        self.refreshes += 1
        self.devices = []
        self._fill([])
        self.state_label.setText(self.tr("adb gave no device list: {error}").format(error=message.split(": ", 1)[-1]))
        self.listFailed.emit(message)

    def _fill(self, devices: list[DeviceEntry]) -> None:
        """Rebuild both pickers, keeping the current (or preferred) choice when it is still listed."""
        device_now = self._preferred_device or self._chosen[0]
        wechat_now = self._preferred_wechat or self._chosen[1]
        self._filling = True
        try:
            self.device_combo.clear()
            self.wechat_combo.clear()
            self.wechat_combo.addItem(self.tr("none (simulated)"), "")
            for entry in devices:
                self.device_combo.addItem(self._item_text(entry), entry.serial)
                self.wechat_combo.addItem(self._item_text(entry), entry.serial)
            listed = [d.serial for d in devices]
            ready = [d.serial for d in devices if d.state == READY and d.serial != wechat_now]
            if device_now and device_now not in listed and self._chosen[0] == device_now:
                # The chosen device dropped off adb's list (a replug, a lost TCP link): keep it
                # chosen, so its live view waits for it and recovers when it comes back.
                self.device_combo.addItem(self.tr("{serial}: not attached, waiting for it").format(
                    serial=device_now), device_now)
            elif device_now not in listed:
                device_now = ready[0] if ready else (devices[0].serial if devices else "")
            if wechat_now and wechat_now not in listed and self._chosen[1] == wechat_now:
                self.wechat_combo.addItem(self.tr("{serial}: not attached, waiting for it").format(
                    serial=wechat_now), wechat_now)
            self.device_combo.setCurrentIndex(max(self.device_combo.findData(device_now), 0))
            self.wechat_combo.setCurrentIndex(max(self.wechat_combo.findData(wechat_now), 0))
        finally:
            self._filling = False
        self._on_picked()

    def _item_text(self, entry: DeviceEntry) -> str:
        name = entry.model or entry.serial
        kind = self.tr("virtual") if entry.virtual else ""
        words = entry.description or entry.state
        parts = [p for p in (kind, words) if p]
        return self.tr("{name} ({serial}): {state}").format(name=name, serial=entry.serial, state=join_list(parts))

    def _on_picked(self, *_args) -> None:
        if self._filling:
            return
        device = self.device_combo.currentData() or ""
        wechat = self.wechat_combo.currentData() or ""
        if wechat == device:
            wechat = ""
        # A device that is not ready stays chosen: its view says what to do and goes live
        # when the device becomes ready; the state line gives the action in words.
        self._update_state_line(self.entry(device), device)
        if self.sender() in (self.device_combo, self.wechat_combo):
            # The technician chose: that wins over what the window preferred.
            self._preferred_device, self._preferred_wechat = device, wechat
        choice = (device, wechat)
        if choice != self._chosen:
            self._chosen = choice
            self.endsChosen.emit(*choice)

    def _update_state_line(self, entry: DeviceEntry | None, serial: str = "") -> None:
        if entry is None and serial:
            self.state_label.setText(self.tr("{serial} is not attached now; camtool waits for it.").format(
                serial=serial))
        elif entry is None:
            self.state_label.setText(self.tr("No device attached: connect one with USB debugging on, then press F5."))
        elif entry.state == READY:
            self.state_label.setText(entry.description or entry.state)
        else:
            self.state_label.setText(self.tr("{state}: {action}").format(state=entry.description or entry.state,
                                                                         action=entry.action))
        self.state_label.setToolTip(entry.action if entry is not None else "")

    def retranslate(self) -> None:
        self._device_label.setText(self.tr("&Device end:"))
        self._wechat_label.setText(self.tr("&WeChat end:"))
        self.device_combo.setToolTip(self.tr("The device whose camera is configured (press F5 to look again)."))
        self.wechat_combo.setToolTip(self.tr("The phone that receives the call: a second phone, the virtual "
                                             "WeChat phone, or none (that end is simulated)."))
        if self.devices or self.refreshes:
            self._fill(self.devices)
