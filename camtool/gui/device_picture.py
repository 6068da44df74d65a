"""The device's own camera picture for the simulated ends: the newest live frame and the config it runs.

The simulated ends show what the config in the form would do. With a live device end, the
camera is the device's real camera: its screen shows the camera through the config the
device runs now, so camtool undoes that config (camtool.vision.recover, on the render
worker) and renders the form's config from the result. This module holds the GUI side:
`DeviceFrameTap` keeps the newest device-end frame as the live feed delivers it (and shows
it only while the view is live), throttled to a few renders per second; `DeviceRunsPicker`
says which config the device runs: the one camtool applied, else the technician's choice.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from camtool.gui.end_view import EndView
from camtool.gui.retranslating import Retranslating

if TYPE_CHECKING:
    import numpy as np

# At most this many simulated renders per second from live frames: a render (recover, two
# turns and fits) costs tens of milliseconds, and the machine also decodes the live streams.
MAX_RENDERS_PER_SECOND = 10

# Choice data in the combo; a profile is "profile:" + its sku.
_NONE, _OPEN, _APPLIED, _PROFILE = "none", "open", "applied", "profile:"


class DeviceFrameTap(QObject):
    """Stands in for the device-end view in a LiveEndFeed: keeps the newest frame for the simulation.

    The feed calls `set_frame` / `set_message` on the GUI thread; they reach the view only
    while it shows the live device. `pictureChanged` follows new frames, at most
    MAX_RENDERS_PER_SECOND times a second (a frame arriving sooner waits for the next slot,
    and only the newest is used then).
    """

    pictureChanged = Signal()

    def __init__(self, view: EndView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._newest: np.ndarray | None = None
        self.frames_taken = 0   # tells one picture from the next without comparing pixels
        self._last_emit_ns = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._emit)

    def newest(self) -> np.ndarray | None:
        """The newest device-end frame (BGR, not to be written to), or None before the first."""
        return self._newest

    def has_picture(self) -> bool:
        return self._newest is not None

    def screen_like(self, size: tuple[int, int]) -> tuple[int, int]:
        """A simulated device screen of the device's own shape, its long side no longer than `size`'s.

        The simulated device end then letterboxes like the device does (a 5:3 simulated screen
        would add bars a 16:9 device does not have). Even sizes, like the virtual device's.
        """
        if self._newest is None:
            return size
        height, width = self._newest.shape[:2]
        scale = min(1.0, max(size) / max(width, height))
        return max(16, round(width * scale) // 2 * 2), max(16, round(height * scale) // 2 * 2)

    def stop(self) -> None:
        """Done with this device (another one, or the window closes): no more signals from it."""
        self._timer.stop()
        self.deleteLater()

    # ---- the EndView interface LiveEndFeed uses ---------------------------------------------
    def set_frame(self, bgr: np.ndarray, shown: np.ndarray | None = None) -> None:
        """`shown`: the frame already shrunk to the view off the GUI thread (the feed's worker)."""
        self._newest = bgr
        self.frames_taken += 1
        if self._view.is_live():
            self._view.set_frame(bgr, shown)
        if self._timer.isActive():
            return   # the pending slot will use this newer frame
        wait_ms = (self._last_emit_ns + 1_000_000_000 // MAX_RENDERS_PER_SECOND - time.monotonic_ns()) / 1e6
        if wait_ms <= 0:
            self._emit()
        else:
            self._timer.start(int(wait_ms) + 1)

    def set_message(self, message: str) -> None:
        if self._view.is_live() or not message:
            self._view.set_message(message)

    def is_live(self) -> bool:
        return self._view.is_live()

    def pixel_size(self) -> tuple[int, int]:
        """The view's size in device pixels: what the feed shrinks big frames to."""
        return self._view.pixel_size()

    def _emit(self) -> None:
        self._last_emit_ns = time.monotonic_ns()
        self.pictureChanged.emit()


class DeviceRunsPicker(Retranslating, QWidget):
    """ "Device runs: [none | what camtool applied | the open profile | a profile]" for the simulation.

    What camtool applied wins, because camtool knows it; otherwise the technician says which
    profile the device was set up with. `changed` when the config the device runs changes.
    """

    changed = Signal()

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._library_source: Callable[[], Any] | None = None
        self._applied: dict | None = None
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        document.originChanged.connect(self._on_open_profile_changed)
        self.retranslate()

    def set_library_source(self, source: Callable[[], Any]) -> None:
        """Where the profile library is read from (the sidebar may switch to another one)."""
        self._library_source = source
        self.reload()

    def set_applied(self, config: dict | None) -> None:
        """The config camtool applied to the device end (None: camtool does not know)."""
        self._applied = dict(config) if isinstance(config, dict) else None
        self.reload()
        if self._applied is not None:
            self.combo.setCurrentIndex(self.combo.findData(_APPLIED))

    def choose(self, kind: str, sku: str = "") -> bool:
        """Pick an entry: "none", "applied", "open" or "profile" with its sku. False if not offered."""
        index = self.combo.findData(_PROFILE + sku if kind == "profile" else kind)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        return index >= 0

    def config(self) -> dict | None:
        """The config the device runs, as far as camtool knows or was told (None: none)."""
        choice = self.combo.currentData() or _NONE
        if choice == _APPLIED:
            return self._applied
        sku = ""
        if choice == _OPEN:
            sku = self._document.profile_sku or ""
        elif choice.startswith(_PROFILE):
            sku = choice[len(_PROFILE):]
        return self._profile_config(sku) if sku else None

    def _profile_config(self, sku: str) -> dict | None:
        library = self._library_source() if self._library_source is not None else None
        if library is None:
            return None
        try:
            data, findings = library.resolved_config(sku)
        except (OSError, ValueError):
            return None   # a profile that cannot be read is shown as running nothing
        return None if any(f.is_error for f in findings) else data

    def reload(self) -> None:
        """Fill the choices again (profiles come and go), keeping the current one when it is still there."""
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        if self._applied is not None:
            self.combo.addItem(self.tr("what camtool applied"), _APPLIED)
        self.combo.addItem(self.tr("none"), _NONE)
        if self._document.profile_sku:
            self.combo.addItem(self.tr("the open profile ({sku})").format(sku=self._document.profile_sku), _OPEN)
        library = self._library_source() if self._library_source is not None else None
        for sku in (library.list() if library is not None else []):
            self.combo.addItem(sku, _PROFILE + sku)
        index = self.combo.findData(current) if current is not None else -1
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        if self.combo.currentData() != current:
            self.changed.emit()

    def _on_open_profile_changed(self) -> None:
        self.reload()
        if self.combo.currentData() == _OPEN:
            self.changed.emit()   # same entry, another profile behind it

    def retranslate(self) -> None:
        self.label.setText(self.tr("Device &runs:"))
        self.combo.setToolTip(self.tr(
            "The config the device end runs now. Its screen shows the camera through it; camtool "
            "undoes it to get the camera's own picture for the simulated ends. What camtool "
            "applied is known; otherwise pick the profile the device was set up with."))
        self.reload()
