"""Both ends side by side: "Device end (preview)" and "WeChat end (push)" for the form's config.

Every change of the document submits one render request to a worker that serves only the
newest, so dragging through rotations never queues renders; the pictures come back by
queued signal. Each end has its own base (docs/domain.md, "Two ends, two bases"): the picture the
device end's keys turn is the live device end's own (its newest screen with the config it runs
undone, see device_picture.py), and the picture the WeChat end's keys turn is the live WeChat
end's own when a phone is attached; without one, the push is assumed to show the camera like
the preview, and the WeChat view says so. With no device, the virtual camera stands in (mounted
with the chosen turn, its push path turned by the chosen extra turn).
The rendering itself is `SimulatedEnds` (gui/simulated_ends.py, Qt-free, on the worker
thread). The live toggle shows the devices' own screens instead.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout,
                               QWidget)

from camtool.config.ends import DEFAULT_BEHAVIOUR, WmpfBehaviour
from camtool.config.semantics import ends_for
from camtool.config.turns import Turn
from camtool.gui.config_document import ConfigDocument
from camtool.gui.device_picture import DeviceFrameTap, DeviceRunsPicker
from camtool.gui.end_view import EndView
from camtool.gui.camera_source_bar import CameraSourceBar
from camtool.gui.live_device import DeviceService, LiveEndFeed
from camtool.gui.simulated_ends import (  # noqa: F401 (the sizes are re-exported for the tests)
    CAMERA_SIZE, DEVICE_SCREEN, WECHAT_SCREEN, EndsPictures, EndsRequest, SimulatedEnds,
)
from camtool.gui.workers import LatestOnlyWorker
from camtool.i18n import N_
from camtool.i18n import tr as tr_core


def _turn_words(turn: Turn) -> str:
    return f"{turn.rotation}°" + (" ⇋" if turn.mirrored else "")


class EndsPanel(QWidget):
    """The two end views, the simulated camera's mounting, and what the config does to each end."""

    bothEndsShown = Signal()   # both views have shown at least one frame
    liveEndsShown = Signal()   # every attached live end has shown a frame from its device
    liveFiguresChanged = Signal(str)   # "Device end 29.8 fps, 41 ms · ..." once a second while live
    sourceChanged = Signal()   # other devices (or none) attached: pictures and checks of the old ones are void

    def __init__(self, document: ConfigDocument, *, device_service: DeviceService | None = None,
                 behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._device_service = device_service
        self._behaviour = behaviour
        self._screens: tuple[tuple[int, int], tuple[int, int]] = (DEVICE_SCREEN, WECHAT_SCREEN)
        self._fixed_device_screen = False   # else a live device's picture brings its screen's shape
        self._request_serial = 0
        self._shown_serial = 0
        self._simulated = SimulatedEnds()
        self._worker = LatestOnlyWorker(self._simulated.render, "camtool-simulated-ends", self)
        self._worker.done.connect(self._on_rendered)
        self._worker.failed.connect(self._on_render_failed)

        self.device_view = EndView(self)
        self.wechat_view = EndView(self)
        self._device_title = QLabel(self)
        self._wechat_title = QLabel(self)
        self._device_effect = QLabel(self)
        self._wechat_effect = QLabel(self)
        for label in (self._device_effect, self._wechat_effect):
            label.setWordWrap(True)
            # Two lines always: a caption that grows when live goes on would shrink the views.
            label.setMinimumHeight(2 * label.fontMetrics().lineSpacing())
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._mounting_label = QLabel(self)
        self.mounting_combo = QComboBox(self)
        for degrees in (0, 90, 180, 270):
            self.mounting_combo.addItem(f"{degrees}°", degrees)
        self.mirrored_check = QCheckBox(self)
        self._push_label = QLabel(self)
        self.push_turn_combo = QComboBox(self)
        for degrees in (0, 90, 180, 270):
            self.push_turn_combo.addItem(f"+{degrees}°", degrees)
        self._push_label.setBuddy(self.push_turn_combo)
        self.live_check = QCheckBox(self)
        self.live_check.setEnabled(False)   # until a device is attached (attach_live)
        self._feeds: dict[str, LiveEndFeed] = {}
        # Set by shutdown(): a device answer queued before the window closed (a device list, a
        # reconnect) must not start captures on a closing window, where nothing stops them.
        self._shut_down = False
        self._tap: DeviceFrameTap | None = None   # the device end's frames, for the simulation
        self._wechat_tap: DeviceFrameTap | None = None   # the WeChat end's frames: the push's own base
        self.device_runs = DeviceRunsPicker(document, self)
        self.device_runs.changed.connect(self.refresh)
        self._source_line = QLabel(self)   # one short line (the long story is its tooltip): no reflow
        self.device_runs.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_runs.combo.setMinimumContentsLength(14)
        # Screen | Camera for the device end (issue 17); shown once a device is attached.
        self.camera_bar = CameraSourceBar(self)
        self.camera_bar.changed.connect(self._on_camera_choice)
        self._serials: tuple[str | None, str | None] = (None, None)
        self._camera_tap: DeviceFrameTap | None = None   # shows the camera's own picture, feeds nothing
        self._figures_timer = QTimer(self)
        self._figures_timer.setInterval(1000)
        self._figures_timer.timeout.connect(self.update_live_figures)
        self._figures_base: dict[str, tuple[int, int]] = {}
        self._mounting_label.setBuddy(self.mounting_combo)

        grid = QGridLayout()
        grid.addWidget(self._device_title, 0, 0)
        grid.addWidget(self._wechat_title, 0, 1)
        grid.addWidget(self.device_view, 1, 0)
        grid.addWidget(self.wechat_view, 1, 1)
        grid.addWidget(self._device_effect, 2, 0)
        grid.addWidget(self._wechat_effect, 2, 1)
        grid.setColumnStretch(0, 3)   # the device screen is landscape, the phone portrait
        grid.setColumnStretch(1, 2)
        controls = QHBoxLayout()
        controls.addWidget(self._mounting_label)
        controls.addWidget(self.mounting_combo)
        controls.addWidget(self.mirrored_check)
        controls.addWidget(self._push_label)
        controls.addWidget(self.push_turn_combo)
        controls.addWidget(self._source_line, 1)
        controls.addWidget(self.device_runs)
        controls.addStretch(1)
        controls.addWidget(self.live_check)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addLayout(controls)
        layout.addWidget(self.camera_bar)
        self._update_picture_source()

        self.mounting_combo.currentIndexChanged.connect(self.refresh)
        self.mirrored_check.toggled.connect(self.refresh)
        self.push_turn_combo.currentIndexChanged.connect(self.refresh)
        self.live_check.toggled.connect(self.set_live)
        self.device_view.frameShown.connect(self._check_both_shown)
        self.wechat_view.frameShown.connect(self._check_both_shown)
        document.changed.connect(self.refresh)
        self._both_shown = False
        self._live_shown_reported = False
        self.retranslate()
        # The first render (which loads OpenCV and draws the scene) starts once the event loop
        # runs, so it does not compete with building and showing the window.
        QTimer.singleShot(0, self, self.refresh)

    # ---- API -----------------------------------------------------------------------------
    def mounting(self) -> Turn:
        return Turn(int(self.mounting_combo.currentData()), self.mirrored_check.isChecked())

    def set_mounting(self, turn: Turn) -> None:
        self.mounting_combo.setCurrentIndex((turn.rotation // 90) % 4)
        self.mirrored_check.setChecked(turn.mirrored)

    def push_turn(self) -> Turn:
        """What the virtual camera's push path adds to its picture (the WeChat end's base)."""
        return Turn(int(self.push_turn_combo.currentData()))

    def set_push_turn(self, turn: Turn) -> None:
        self.push_turn_combo.setCurrentIndex((turn.rotation // 90) % 4)

    def set_simulation(self, *, behaviour: WmpfBehaviour | None = None,
                       device_screen: tuple[int, int] | None = None,
                       wechat_screen: tuple[int, int] | None = None) -> None:
        """Simulate a particular device: its WMPF behaviour and its screens' sizes (width, height)."""
        if behaviour is not None:
            self._behaviour = behaviour
        if device_screen is not None:   # from now on, also for a live device's picture
            self._screens, self._fixed_device_screen = (tuple(device_screen), self._screens[1]), True
        if wechat_screen is not None:
            self._screens = (self._screens[0], tuple(wechat_screen))
        self.refresh()

    def current_request(self) -> EndsRequest:
        frame = self._tap.newest() if self._tap is not None else None
        device_screen = (self._tap.screen_like(self._screens[0]) if frame is not None and not self._fixed_device_screen
                         else self._screens[0])
        push = self._wechat_tap.newest() if self._wechat_tap is not None and frame is not None else None
        return EndsRequest(self._document.data, self._document.wmpf_version, self.mounting(), self.push_turn(),
                           self._behaviour, device_screen=device_screen, wechat_screen=self._screens[1],
                           device_screen_frame=frame,
                           device_runs=self.device_runs.config() if frame is not None else None,
                           picture_serial=self._tap.frames_taken if frame is not None else 0,
                           wechat_screen_frame=push,
                           wechat_picture_serial=self._wechat_tap.frames_taken if push is not None else 0,
                           serial=self._request_serial)

    def uses_device_picture(self) -> bool:   # rather than the virtual scene
        return self._tap is not None and self._tap.has_picture()

    def uses_wechat_picture(self) -> bool:   # the push's own base, rather than assuming the preview's
        return self.uses_device_picture() and self._wechat_tap is not None and self._wechat_tap.has_picture()

    def refresh(self) -> None:
        """Render both ends again for the document as it is now (off the GUI thread)."""
        self._request_serial += 1
        self._worker.submit(self.current_request())
        self._update_effect_lines()

    def is_up_to_date(self) -> bool:
        """The pictures on screen are those of the newest request (tests wait on this)."""
        return (self._shown_serial == self._request_serial and not self.device_view.has_pending_frame()
                and not self.wechat_view.has_pending_frame())

    # ---- live device (the hook for the device layer) ------------------------------------
    def attach_live(self, device_serial: str | None, wechat_serial: str | None = None) -> None:
        """Offer the live screens of these devices (None: that end stays simulated)."""
        if self._shut_down:
            return
        self._stop_feeds()
        self._feeds = {}
        self._live_shown_reported = False
        for tap in (self._tap, self._wechat_tap, self._camera_tap):
            if tap is not None:
                tap.stop()
        self._tap = self._wechat_tap = self._camera_tap = None
        self._serials = (device_serial, wechat_serial)
        if self._device_service is not None:
            for end, serial, view in (("device", device_serial, self.device_view),
                                      ("wechat", wechat_serial, self.wechat_view)):
                if not serial:
                    continue
                service = self.camera_bar.service_for(self._device_service) if end == "device" else self._device_service
                if service is None:
                    continue   # the camera source lacks a camera id: the bar says so
                camera = service is not self._device_service
                # The feed shows its frames through a tap, which also keeps them for the simulation
                # (a camera's own picture is not the device's screen: it never feeds the simulation).
                tap = DeviceFrameTap(view, self)
                if not camera:
                    tap.pictureChanged.connect(self._on_device_picture)
                if camera:
                    self._camera_tap = tap
                elif end == "device":
                    self._tap = tap
                else:
                    self._wechat_tap = tap
                self._feeds[end] = LiveEndFeed(service, serial, tap, self)
                if end == "device":
                    self._feeds[end].stateChanged.connect(self.camera_bar.show_state)
        self.sourceChanged.emit()
        self._update_picture_source()
        self.live_check.setEnabled(bool(self._feeds))
        if self._feeds and self.live_check.isChecked():
            self.set_live(True)
        elif not self._feeds:
            self.live_check.setChecked(False)

    def _on_camera_choice(self) -> None:
        if self._serials[0]:
            self.attach_live(*self._serials)

    def live_feeds(self) -> dict[str, LiveEndFeed]:
        return dict(self._feeds)

    def set_live(self, live: bool) -> None:
        """Show the attached devices' own screens (live) or the form's config (simulated)."""
        live = live and not self._shut_down
        for end, view in (("device", self.device_view), ("wechat", self.wechat_view)):
            feed = self._feeds.get(end)
            view.set_live(live and feed is not None)
            if feed is None:
                continue
            if live:
                feed.start()
            else:
                feed.stop()
                view.set_message("")
        if live and self._feeds:
            self._figures_base = {end: (feed.frames_shown, time.monotonic_ns()) for end, feed in self._feeds.items()}
            self._figures_timer.start()
        else:
            self._figures_timer.stop()
            self.liveFiguresChanged.emit("")
        self._update_effect_lines()
        if not live:
            self.refresh()

    def update_live_figures(self) -> str:
        """Frames/s shown and latency of each live end since the last call (the status bar line)."""
        parts = []
        now = time.monotonic_ns()
        names = {"device": self.tr("Device end"), "wechat": self.tr("WeChat end")}
        for end, feed in self._feeds.items():
            shown, since = self._figures_base.get(end, (feed.frames_shown, now))
            seconds = max((now - since) / 1e9, 1e-9)
            fps = (feed.frames_shown - shown) / seconds
            self._figures_base[end] = (feed.frames_shown, now)
            if feed.last_latency_ms is None:
                parts.append(self.tr("{end}: {fps:.1f} frames/s").format(end=names[end], fps=fps))
            else:
                parts.append(self.tr("{end}: {fps:.1f} frames/s, {latency:.0f} ms latency").format(
                    end=names[end], fps=fps, latency=feed.last_latency_ms))
        text = " · ".join(parts)
        self.liveFiguresChanged.emit(text)
        return text

    def _stop_feeds(self) -> None:
        for feed in self._feeds.values():
            feed.stop()

    def _on_device_picture(self) -> None:
        self._update_picture_source()
        if not (self.device_view.is_live() and self.wechat_view.is_live()):
            self.refresh()   # some end shows the simulation: it follows the device's picture

    def _update_picture_source(self) -> None:
        from_device = self.uses_device_picture()
        for widget in (self._mounting_label, self.mounting_combo, self.mirrored_check, self._push_label,
                       self.push_turn_combo):
            widget.setVisible(not from_device)
        self._update_effect_lines()
        self._source_line.setVisible(from_device)
        self.device_runs.setVisible("device" in self._feeds)
        self.camera_bar.setVisible(bool(self._serials[0]) and hasattr(self._device_service, "camera_source"))

    def shutdown(self) -> None:
        """Stop the render thread, the live captures and the repaint timers (window closing)."""
        self._shut_down = True
        self._figures_timer.stop()
        self._stop_feeds()
        for tap in (self._tap, self._wechat_tap, self._camera_tap):
            if tap is not None:
                tap.stop()   # stop() lets Qt delete it
        self._tap = self._wechat_tap = self._camera_tap = None
        self._worker.stop()
        self.device_view.stop()
        self.wechat_view.stop()

    # ---- internals -----------------------------------------------------------------------
    def _on_rendered(self, request: EndsRequest, pictures: EndsPictures) -> None:
        if request.serial < self._shown_serial:
            return   # an older answer overtaken by a newer one
        self._shown_serial = request.serial
        for view, picture in ((self.device_view, pictures.device_end), (self.wechat_view, pictures.wechat_end)):
            if not view.is_live():   # a live view shows the device, not the simulation
                view.set_message("")
                view.set_frame(picture)

    def _on_render_failed(self, request: EndsRequest, message: str) -> None:
        self._shown_serial = max(self._shown_serial, request.serial)
        text = self.tr("The simulated picture could not be drawn: {error}").format(error=message)
        for view in (self.device_view, self.wechat_view):
            if not view.is_live():
                view.set_message(text)

    def live_ends_shown(self) -> bool:
        """Live is on and every attached end (the device end at least) has shown a frame of its device."""
        return ("device" in self._feeds and self.live_check.isChecked()
                and all(feed.frames_shown for feed in self._feeds.values()))

    def _check_both_shown(self) -> None:
        if self._feeds and not self._live_shown_reported and self.live_ends_shown():
            self._live_shown_reported = True
            self.liveEndsShown.emit()
        if not self._both_shown and self.device_view.frames_shown and self.wechat_view.frames_shown:
            self._both_shown = True
            self.bothEndsShown.emit()

    def both_ends_shown(self) -> bool:
        return self._both_shown

    def _update_effect_lines(self) -> None:
        effect = ends_for(self._document.data, self._document.wmpf_version, self._behaviour)
        # A live end shows the device as it runs now: the form's turn is not what is on screen.
        live_text = self.tr("Live: the device's own screen, with the config it runs now (not the form's)")
        self._device_effect.setText(live_text if self.device_view.is_live() else self.tr(
            "Turns the camera's picture by {turn}").format(turn=_turn_words(effect.device_end)))
        wechat = self.tr("Turns the camera's picture by {turn}").format(turn=_turn_words(effect.wechat_end))
        if self.uses_device_picture() and not self.uses_wechat_picture():
            # No phone: the push's own base is unknown; say what the simulation assumes.
            wechat += "\n" + self.tr("Assumed: the push shows the camera as the preview does (attach the WeChat "
                                     "end's phone to see its own picture).")
        self._wechat_effect.setText(live_text if self.wechat_view.is_live() else wechat)
        ignored = "\n".join(tr_core(N_("{key}: {reason}"), key=key, reason=tr_core(reason)) for key, reason in effect.ignored)
        self._wechat_effect.setToolTip(ignored)
        self._device_effect.setToolTip(ignored)

    def retranslate(self) -> None:
        self._device_title.setText(self.tr("Device end (preview)"))
        self._wechat_title.setText(self.tr("WeChat end (push)"))
        self.device_view.set_title(self.tr("Device end"))
        self.wechat_view.set_title(self.tr("WeChat end"))
        self._mounting_label.setText(self.tr("Simulated camera &mounted turned by:"))
        self.mounting_combo.setToolTip(self.tr(
            "How the virtual camera is mounted: the clockwise turn of the picture it produces. "
            "Try the mounting of your device to see what the config does to it."))
        self.mirrored_check.setText(self.tr("mirrored"))
        self._push_label.setText(self.tr("&Push path adds:"))
        self.push_turn_combo.setToolTip(self.tr(
            "What the virtual camera's push path adds before any key: on many devices the pushed stream "
            "is turned while the preview is upright (WMPF FAQ, first case)."))
        self._source_line.setText(self.tr("Simulated from the device's picture"))
        self._source_line.setToolTip(self.tr(
            "Simulated from the device end's own camera picture (its screen, with the config it runs undone)."))
        self.live_check.setText(self.tr("Live device"))
        self.live_check.setToolTip(self.tr("Show the device's own screens") if self._device_service
                                   else self.tr("No device layer yet: both ends are simulated."))
        self.live_check.setStatusTip(self.tr(
            "Live: what the devices show now. Simulated: what the config in the form would show."))
        self._update_effect_lines()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._simulated.forget_pictures()
            self.refresh()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (shown alone, e.g. in a test)
        self.shutdown()
        super().closeEvent(event)
