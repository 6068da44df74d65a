"""The window's device side, wired in one place: device bar, cameras, live ends, apply, virtual device.

MainWindow builds this when it has a device service. Each part does its device work on its
own worker thread; this object only connects their signals: the chosen device end feeds
the cameras panel, the live ends and Apply; the first device list decides whether the
virtual device is needed (no ready device attached); the virtual device, once started, is
picked as both ends (its device and its WeChat phone).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from camtool.gui.apply_action import ApplyToDevice, ask_package_dialog
from camtool.gui.cameras_panel import CamerasPanel
from camtool.gui.device_bar import READY, DeviceBar
from camtool.gui.virtual_host import VirtualBanner, VirtualHost, VirtualStarted


class DeviceSide(QObject):
    """Owns the device-side parts of `window`; `shutdown()` on close stops all their threads."""

    def __init__(self, window, service, library, *, auto_virtual: bool = False, ask_package=None,
                 watch_hotplug: bool = True) -> None:
        super().__init__(window)
        self._window = window
        self.service = service
        self.bar = DeviceBar(service, watch_hotplug=watch_hotplug, last_device=window.settings.last_device(),
                             parent=window)
        self.cameras = CamerasPanel(window.document, service, window)
        self.apply = ApplyToDevice(window.document, service, library,
                                   ask_package=ask_package or ask_package_dialog(window), parent=self)
        self.virtual_host = VirtualHost(parent=self) if auto_virtual else None
        self.virtual_banner = VirtualBanner(self.virtual_host, window) if self.virtual_host is not None else None
        if self.virtual_banner is not None:
            self.virtual_banner.hide()
        self._first_list = True
        self._went_live = False
        self._ready: set[str] = set()
        self.feed_states: list[tuple[str, str, str]] = []   # (serial, state, detail), for the status bar and tests

        self.bar.endsChosen.connect(self._on_ends_chosen)
        self.bar.devicesListed.connect(self._on_listed)
        self.bar.listFailed.connect(lambda _message: self._on_listed([]))
        self.apply.answered.connect(self._on_answer)
        self.apply.refused.connect(lambda reason: window.prompts.show_error(self.tr("Apply to device"), reason))
        window.document.changed.connect(self._update_apply_tip)
        self.apply.busyChanged.connect(self._update_apply_tip)
        if self.virtual_host is not None:
            self.virtual_host.started.connect(self._on_virtual_started)
            self.virtual_host.failed.connect(self._on_virtual_failed)
            self.virtual_banner.scenarioChosen.connect(self.start_virtual)

    @property
    def listed_once(self) -> bool:
        """The first device list (or its failure) has come back: the virtual device decision is made."""
        return not self._first_list

    def start(self) -> None:
        """Connect the menu actions and read the device list (called once the window is built)."""
        actions = self._window.actions
        actions.set_handler("refresh_devices", self.refresh)
        actions.set_handler("apply", self.apply.trigger)
        actions.retranslate()
        self._update_apply_tip()
        self.bar.refresh()

    def refresh(self) -> None:
        """F5: look at adb's device list again and read the chosen device's cameras again."""
        self.bar.refresh()
        self.cameras.refresh()

    def start_virtual(self, scenario: str) -> None:
        if self.virtual_host is None:
            return
        self.virtual_banner.show()
        self.virtual_host.start(scenario)

    def shutdown(self) -> None:
        self.bar.shutdown()
        self.cameras.shutdown()
        self.apply.shutdown()
        if self.virtual_host is not None:
            self.virtual_host.shutdown()

    # ---- reactions ---------------------------------------------------------------------------
    @Slot(list)
    def _on_listed(self, devices: list) -> None:
        ready = {d.serial for d in devices if d.state == READY}
        if self._first_list:
            self._first_list = False
            if not ready and self.virtual_host is not None:
                from camtool.virtual.scenario import DEFAULT_SCENARIO

                self.virtual_banner.set_scenario(DEFAULT_SCENARIO)
                self.start_virtual(DEFAULT_SCENARIO)
        chosen = self.bar.chosen()[0]
        if chosen in ready and chosen not in self._ready and self.cameras.serial == chosen:
            # The device end became ready again (authorized, back online): read its cameras now.
            self.cameras.refresh()
        self._ready = ready

    @Slot(str, str)
    def _on_ends_chosen(self, device: str, wechat: str) -> None:
        ends = self._window.ends
        ends.attach_live(device or None, wechat or None)
        for feed in ends.live_feeds().values():
            feed.stateChanged.connect(lambda state, detail, serial=feed.serial: self._on_feed_state(serial, state, detail))
        if device and not self._went_live:
            # A device is attached: show what it shows; the toggle goes back to the simulation.
            self._went_live = True
            ends.live_check.setChecked(True)
        if device != self.cameras.serial:
            self.cameras.show_device(device)
        current = self.virtual_host.current if self.virtual_host is not None else None
        package = current.receiver_package if current is not None and current.serial == device else None
        self.apply.set_device(device, package)
        ends.device_runs.set_applied(self.apply.applied_config)   # another device: camtool does not know what it runs
        if device:
            self._window.settings.set_last_device(device)
        self._update_apply_tip()

    def _on_feed_state(self, serial: str, state: str, detail: str) -> None:
        self.feed_states.append((serial, state, detail))
        if state == "lost":
            self._window.statusBar().showMessage(self.tr("{serial} was lost: {detail}").format(
                serial=serial, detail=detail), 8000)
        elif state == "streaming":
            self._window.statusBar().showMessage(self.tr("{serial} is live.").format(serial=serial), 3000)

    @Slot(object)
    def _on_virtual_started(self, started: VirtualStarted) -> None:
        self.bar.prefer(started.serial, started.wechat_serial)
        self.bar.refresh()
        self._window.statusBar().showMessage(self.tr("Virtual device {serial} ({scenario}) started.").format(
            serial=started.serial, scenario=started.scenario), 5000)

    @Slot(str)
    def _on_virtual_failed(self, reason: str) -> None:
        self.virtual_banner.show()
        self._window.ends.attach_live(None, None)   # both ends stay simulated

    @Slot(bool, str)
    def _on_answer(self, applied: bool, message: str) -> None:
        if applied:
            self._window.ends.device_runs.set_applied(self.apply.applied_config)   # the simulation undoes it
            self._window.statusBar().showMessage(self.tr("The device applied the config: {answer}").format(
                answer=message), 15000)
        else:
            self._window.prompts.show_error(self.tr("Apply to device"), self.tr(
                "The device did not apply the config: {answer}").format(answer=message))
        self._update_apply_tip()

    def _update_apply_tip(self, *_args) -> None:
        action = self._window.actions.actions["apply"]
        reason = self.apply.blocked_reason()
        action.setToolTip(reason or action.text().replace("&", ""))
        action.setStatusTip(action.toolTip())
