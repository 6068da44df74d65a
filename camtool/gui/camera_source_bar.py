"""The device end's source switch: the device's screen, or one camera itself (Android 12+, scrcpy's server).

The screen shows a camera only through an app; the camera source shows what the camera
module delivers. The bar holds the choice (source, camera id, size, the scrcpy server file)
and the source's state in words; `service_for` gives the ends panel a device service whose
`screen_source` is the chosen source, so the live feed itself does not change.
"""

from __future__ import annotations

import re
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget
from camtool.gui.retranslating import Retranslating

# Sizes offered; the server refuses one its camera lacks, in its own words (`camtool cameras --sizes`).
SIZES = ((1920, 1080), (1280, 720), (640, 480))
_CAMERA_ID = re.compile(r"^[A-Za-z0-9_./-]{1,64}$")


class _CameraService:
    """A device service whose screen source is a camera source (the rest is the real service's)."""

    def __init__(self, service, camera_id: str, size: tuple[int, int] | None, server_file: str | None) -> None:
        self._service = service
        self._options = {"camera_id": camera_id, "size": size, "server_file": server_file}

    def __getattr__(self, name: str):
        return getattr(self._service, name)

    def screen_source(self, serial: str, on_frame: Callable, on_state: Callable[[str, str], None]):
        return self._service.camera_source(serial, on_frame, on_state, **self._options)


class CameraSourceBar(Retranslating, QWidget):
    """Screen | Camera for the device end, with the camera's id and size, and the state in words."""

    changed = Signal()   # the choice changed: the device end's feed must be rebuilt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_combo = QComboBox(self)
        self.source_combo.addItem("", "screen")
        self.source_combo.addItem("", "camera")
        self.camera_id_edit = QLineEdit(self)
        self.camera_id_edit.setMaxLength(64)
        self.camera_id_edit.setFixedWidth(90)
        self.size_combo = QComboBox(self)
        self.size_combo.addItem("", None)
        for width, height in SIZES:
            self.size_combo.addItem(f"{width}x{height}", (width, height))
        self.server_edit = QLineEdit(self)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self._source_label = QLabel(self)
        self._source_label.setBuddy(self.source_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self._source_label, self.source_combo, self.camera_id_edit, self.size_combo, self.server_edit):
            layout.addWidget(widget)
        layout.addWidget(self.state_label, 1)
        self.source_combo.currentIndexChanged.connect(self._on_source)
        self.size_combo.currentIndexChanged.connect(self._on_camera_detail)
        self.camera_id_edit.editingFinished.connect(self._on_camera_detail)
        self.server_edit.editingFinished.connect(self._on_camera_detail)
        self._chosen = self.choice()
        self.retranslate()
        self._on_source()

    # ---- the choice ----------------------------------------------------------------------
    def is_camera(self) -> bool:
        return self.source_combo.currentData() == "camera"

    def camera_id(self) -> str | None:
        text = self.camera_id_edit.text().strip()
        return text if _CAMERA_ID.match(text) else None

    def choice(self) -> tuple:
        if not self.is_camera():
            return ("screen",)
        return ("camera", self.camera_id(), self.size_combo.currentData(), self.server_edit.text().strip() or None)

    def service_for(self, service):
        """The service the device end's feed uses: `service` itself, or one that streams the camera."""
        if not self.is_camera() or not hasattr(service, "camera_source"):
            return service
        if self.camera_id() is None:
            self.show_state("lost", self.tr("Type a camera id (as `camtool cameras` lists it)."))
            return None
        _kind, camera_id, size, server_file = self.choice()
        return _CameraService(service, camera_id, size, server_file)

    def show_state(self, state: str, detail: str) -> None:
        """The camera source's state in words (only while the camera is the source)."""
        if not self.is_camera():
            self.state_label.setText("")
            return
        words = {"starting": self.tr("Starting the camera (pushing the scrcpy server, asking for its version)..."),
                 "streaming": self.tr("Showing camera {id} itself.").format(id=self.camera_id() or "?"),
                 "stopped": self.tr("Camera stopped.")}
        self.state_label.setText(detail if state == "lost" else words.get(state, detail))

    # ---- changes -------------------------------------------------------------------------
    def _on_source(self) -> None:
        camera = self.is_camera()
        for widget in (self.camera_id_edit, self.size_combo, self.server_edit):
            widget.setVisible(camera)
        if not camera:
            self.state_label.setText("")
        self._emit_if_changed()

    def _on_camera_detail(self) -> None:
        if self.is_camera():
            self._emit_if_changed()

    def _emit_if_changed(self) -> None:
        choice = self.choice()
        if choice != self._chosen:
            self._chosen = choice
            self.changed.emit()

    def retranslate(self) -> None:
        self._source_label.setText(self.tr("Device end shows:"))
        self.source_combo.setItemText(0, self.tr("Screen"))
        self.source_combo.setItemText(1, self.tr("Camera (Android 12+)"))
        self.source_combo.setToolTip(self.tr("Screen: what the device shows (the camera only while an app shows it). "
                                             "Camera: the camera module's own picture, through scrcpy's server file."))
        self.camera_id_edit.setPlaceholderText(self.tr("camera id"))
        self.size_combo.setItemText(0, self.tr("largest size"))
        self.server_edit.setPlaceholderText(self.tr("scrcpy server file (default: SCRCPY_SERVER_PATH or installed)"))
