"""The selection form: which camera, its rotation and push flip, and the device's WMPF version.

Labels and tooltips are the camera keys' titles and descriptions (keys.py, the model's
source), so the form, the schema and the rules use the same words. Only the active
family's keys are offered: WMPF ignores the other family's keys, and offering them is how
"set successfully but no effect" configs are made.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from camtool.config.keys import FLIP_KEY, KEYS_BY_NAME, ROTATION_KEY, ROTATIONS, Family
from camtool.gui.config_document import ConfigDocument
from camtool.gui.selection import SelectionMode, keys_off_form
from camtool.i18n import N_
from camtool.i18n import tr as tr_core
from camtool.gui.retranslating import Retranslating

_DECIMAL = re.compile(r"\d+")
_HEX = re.compile(r"0[xX][0-9a-fA-F]+")
_INTEGER_KEYS = {"cameraId", "usbCameraVendorId", "usbCameraProductId"}
_TEXT_KEYS = ("internalCameraName", "cameraId", "usbCameraName", "usbCameraVendorId", "usbCameraProductId",
              "usbSerialNumber")


def parse_field(key: str, text: str) -> Any:
    """What a typed text means for the JSON: None removes the key.

    Numbers may be typed in decimal or as 0x hex (sysfs shows hex); anything else is kept as
    typed so the rules report it with their fix instead of the form silently dropping it.
    """
    text = text.strip() if key in _INTEGER_KEYS else text
    if text == "":
        return None
    if key in _INTEGER_KEYS:
        if _DECIMAL.fullmatch(text):
            return int(text)
        if _HEX.fullmatch(text):
            return int(text, 16)
    return text


class SelectionForm(Retranslating, QWidget):
    """Edits the document's camera selection, rotation and flip; never keeps its own copy."""

    wmpfVersionEdited = Signal(str)

    def __init__(self, document: ConfigDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._updating = False

        self.wmpf_edit = QLineEdit(self)
        self._wmpf_label = QLabel(self)
        self._wmpf_note = QLabel(self)
        self._wmpf_note.setWordWrap(True)

        self._camera_box = QGroupBox(self)
        self.mode_buttons: dict[SelectionMode, QRadioButton] = {m: QRadioButton(self) for m in SelectionMode}
        self._mode_group = QButtonGroup(self)
        for index, mode in enumerate(SelectionMode):
            self._mode_group.addButton(self.mode_buttons[mode], index)
        self._tradeoff = QLabel(self)
        self._tradeoff.setWordWrap(True)

        self.edits: dict[str, QLineEdit] = {key: QLineEdit(self) for key in _TEXT_KEYS}
        self._edit_labels: dict[str, QLabel] = {key: QLabel(self) for key in _TEXT_KEYS}
        self._hex_hints = {key: QLabel(self) for key in ("usbCameraVendorId", "usbCameraProductId")}

        self._rotation_label = QLabel(self)
        self.rotation_buttons: dict[int, QPushButton] = {}
        self._rotation_group = QButtonGroup(self)
        self._rotation_group.setExclusive(True)
        for degrees in ROTATIONS:
            button = QPushButton(f"{degrees}°", self)
            button.setCheckable(True)
            self.rotation_buttons[degrees] = button
            self._rotation_group.addButton(button, degrees)
        self.flip_check = QCheckBox(self)
        self._family_note = QLabel(self)
        self._family_note.setWordWrap(True)
        self._family_note.setObjectName("familyNote")
        # Camera keys the config holds that this camera choice does not use (an imported config,
        # a switched family): shown with their value and a Remove button, never hidden.
        self.other_keys_box = QGroupBox(self)
        self._other_keys_layout = QGridLayout(self.other_keys_box)
        self.other_key_buttons: dict[str, QPushButton] = {}

        self._build_layout()
        self.wmpf_edit.textEdited.connect(self._on_wmpf_edited)
        self._mode_group.idToggled.connect(self._on_mode_toggled)
        for key, edit in self.edits.items():
            edit.textEdited.connect(lambda text, key=key: self._on_text_edited(key, text))
        self._rotation_group.idClicked.connect(self._document.set_rotation)
        self.flip_check.clicked.connect(self._document.set_flip)
        document.changed.connect(self.sync_from_document)
        self.retranslate()
        self.sync_from_document()

    def _build_layout(self) -> None:
        top = QFormLayout()
        top.addRow(self._wmpf_label, self.wmpf_edit)
        self._wmpf_label.setBuddy(self.wmpf_edit)
        top.addRow(self._wmpf_note)

        camera = QVBoxLayout(self._camera_box)
        camera.setSpacing(2)
        for mode in SelectionMode:
            camera.addWidget(self.mode_buttons[mode])
        camera.addWidget(self._tradeoff)
        fields = QFormLayout()
        for key in _TEXT_KEYS:
            if key in self._hex_hints:
                row = QHBoxLayout()
                row.addWidget(self.edits[key], 1)
                row.addWidget(self._hex_hints[key])
                fields.addRow(self._edit_labels[key], row)
            else:
                fields.addRow(self._edit_labels[key], self.edits[key])
            self._edit_labels[key].setBuddy(self.edits[key])
        camera.addLayout(fields)

        turn_row = QHBoxLayout()
        for degrees in ROTATIONS:
            turn_row.addWidget(self.rotation_buttons[degrees])
        turn_row.addStretch(1)
        # Camera, then its turn and flip right under it (what a technician changes most, visible
        # without scrolling at 1366x768); the WMPF version (filled from the device) comes last.
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self._camera_box)
        layout.addWidget(self._rotation_label)
        layout.addLayout(turn_row)
        layout.addWidget(self.flip_check)
        layout.addWidget(self._family_note)
        layout.addWidget(self.other_keys_box)
        layout.addLayout(top)
        layout.addStretch(1)

    # ---- API -----------------------------------------------------------------------------
    def focus_key(self, key: str) -> bool:
        """Put the cursor on the field of `key` (a clicked finding); False when it is not on the form."""
        widget: QWidget | None = None
        if key in self.edits and key in self._document.mode.keys:
            widget = self.edits[key]
        elif key == ROTATION_KEY[self._document.family]:
            widget = self.rotation_buttons[self._document.rotation]
        elif key == FLIP_KEY[self._document.family]:
            widget = self.flip_check
        if widget is None:
            return False
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        return True

    def label_text(self, key: str) -> str:
        return self._edit_labels[key].text() if key in self._edit_labels else ""

    # ---- from the document ---------------------------------------------------------------
    def sync_from_document(self) -> None:
        self._updating = True
        try:
            doc = self._document
            data = doc.data
            self.mode_buttons[doc.mode].setChecked(True)
            for key, edit in self.edits.items():
                visible = key in doc.mode.keys
                edit.setVisible(visible)
                self._edit_labels[key].setVisible(visible)
                if parse_field(key, edit.text()) != data.get(key):
                    value = data.get(key)
                    edit.setText("" if value is None else str(value))
            for key, hint in self._hex_hints.items():
                value = data.get(key)
                hint.setVisible(key in doc.mode.keys)
                hint.setText(f"= 0x{value:04x}" if type(value) is int and 0 <= value <= 0xFFFF else "")
            self.rotation_buttons[doc.rotation].setChecked(True)
            self.flip_check.setChecked(doc.flip)
            if (self.wmpf_edit.text().strip() or None) != doc.wmpf_version:
                self.wmpf_edit.setText(doc.wmpf_version or "")
            self._tradeoff.setVisible(doc.family is Family.USB)
            self._retranslate_family()
            self._fill_other_keys()
        finally:
            self._updating = False

    def _fill_other_keys(self) -> None:
        import json

        while self._other_keys_layout.count():
            item = self._other_keys_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.other_key_buttons = {}
        data = self._document.data
        keys = keys_off_form(data, self._document.mode)
        for row, key in enumerate(keys):
            value = QLabel(f"{key} = {json.dumps(data[key], ensure_ascii=False)}", self.other_keys_box)
            value.setWordWrap(True)
            value.setToolTip(tr_core(KEYS_BY_NAME[key].description))
            button = QPushButton(self.tr("Remove"), self.other_keys_box)
            button.setToolTip(self.tr("Remove {key} from the config.").format(key=key))
            button.clicked.connect(lambda _checked=False, key=key: self._document.set_value(key, None))
            self._other_keys_layout.addWidget(value, row, 0)
            self._other_keys_layout.addWidget(button, row, 1)
            self.other_key_buttons[key] = button
        self._other_keys_layout.setColumnStretch(0, 1)
        self.other_keys_box.setVisible(bool(keys))

    # ---- to the document -----------------------------------------------------------------
    def _on_mode_toggled(self, index: int, checked: bool) -> None:
        if checked and not self._updating:
            self._document.set_mode(list(SelectionMode)[index])

    def _on_text_edited(self, key: str, text: str) -> None:
        self._document.set_value(key, parse_field(key, text))

    def _on_wmpf_edited(self, text: str) -> None:
        from camtool.config.family_rules import parse_wmpf_version

        text = text.strip()
        readable = not text or parse_wmpf_version(text) is not None
        self._wmpf_note.setText("" if readable else self.tr(
            "Not a version: type it as MAJOR.MINOR.PATCH, e.g. 2.1.0. Version gates are not checked meanwhile."))
        self._document.set_wmpf_version(text if readable else None)
        self.wmpfVersionEdited.emit(text)

    # ---- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._wmpf_label.setText(self.tr("WMPF &version of the device:"))
        self.wmpf_edit.setPlaceholderText(self.tr("unknown (e.g. 2.1.0)"))
        self.wmpf_edit.setToolTip(self.tr(
            "The WMPF version decides which keys take effect (the version gates). "
            "Leave it empty when unknown: the gates are then not checked."))
        self._camera_box.setTitle(self.tr("Camera"))
        self.other_keys_box.setTitle(self.tr("Other camera keys"))
        self.other_keys_box.setToolTip(self.tr("Camera keys in this config that this camera choice does not use: "
                                               "WMPF ignores them (or they clash with the choice)."))
        self.mode_buttons[SelectionMode.BUILTIN_NAME].setText(self.tr("Built-in camera by id (internalCameraName)"))
        self.mode_buttons[SelectionMode.BUILTIN_ID].setText(self.tr("Built-in camera by number (legacy cameraId)"))
        self.mode_buttons[SelectionMode.USB_PATH].setText(self.tr("USB camera by path (usbCameraName)"))
        self.mode_buttons[SelectionMode.USB_TRIPLE].setText(self.tr("USB camera by vendor id, product id and serial"))
        self._tradeoff.setText(self.tr(
            "The path changes on every replug or reboot; the triple stays, if the camera reports a serial number."))
        self._tradeoff.setToolTip(self.tr(
            "The path changes when the camera is replugged or the device reboots. The vendor/product/serial "
            "triple stays stable, but only for a camera that reports a serial number; many cheap cameras do not."))
        for key, label in self._edit_labels.items():
            info = KEYS_BY_NAME[key]
            label.setText(tr_core(N_("{title}:"), title=tr_core(info.title)))
            self.edits[key].setToolTip(f"{key}\n{tr_core(info.description)}")
        self.edits["usbCameraVendorId"].setPlaceholderText(self.tr("decimal, or hex as 0x0bda"))
        self.edits["usbCameraProductId"].setPlaceholderText(self.tr("decimal, or hex as 0x0bda"))
        self.edits["usbCameraName"].setPlaceholderText("/dev/bus/usb/001/004")
        self._retranslate_family()
        self._fill_other_keys()

    def _retranslate_family(self) -> None:
        family = self._document.family
        rotation, flip = KEYS_BY_NAME[ROTATION_KEY[family]], KEYS_BY_NAME[FLIP_KEY[family]]
        self._rotation_label.setText(tr_core(N_("{title} ({key}):"), title=tr_core(rotation.title), key=rotation.name))
        self._rotation_label.setToolTip(tr_core(rotation.description))
        for button in self.rotation_buttons.values():
            button.setToolTip(tr_core(rotation.description))
        self.flip_check.setText(tr_core(N_("{title} ({key})"), title=tr_core(flip.title), key=flip.name))
        self.flip_check.setToolTip(tr_core(flip.description))
        if family is Family.USB:
            self._family_note.setText(self.tr(
                "A USB camera is selected, so the built-in camera's keys (cameraRotationAngle, cameraPushFlip) are "
                "not offered: WMPF ignores them for a USB camera. The rotation turns both ends; the flip only the "
                "WeChat end."))
        else:
            self._family_note.setText(self.tr(
                "A built-in camera is selected, so the USB keys (usbCameraRotationAngle, usbCameraPushFlip) are "
                "not offered: WMPF ignores them for a built-in camera. Rotation and flip turn only the WeChat end; "
                "the device preview of a built-in camera cannot be rotated by any key."))
