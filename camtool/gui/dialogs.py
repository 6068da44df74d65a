"""Every question the window asks the technician, and the profile diff it shows.

Modal dialogs block a test (and an offscreen smoke run) forever, so widgets never open
them directly: they ask `Prompts`, which the window takes in its constructor, and tests
pass a scripted stand-in with the same methods. The diff dialog is non-modal.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from camtool.config.profile_file import sku_problem
from camtool.i18n import tr as tr_core


class UnsavedAnswer(str, Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompts:
    """The real dialogs. Return None for "cancelled" everywhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def unsaved_changes(self, name: str) -> UnsavedAnswer:
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Prompts", "Unsaved changes"),
                          QCoreApplication.translate("Prompts", "The config \"{name}\" has unsaved changes. Save them first?").format(name=name or "-"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.parent)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return UnsavedAnswer.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return UnsavedAnswer.DISCARD
        return UnsavedAnswer.CANCEL

    def confirm_delete(self, sku: str) -> bool:
        answer = QMessageBox.question(
            self.parent, QCoreApplication.translate("Prompts", "Delete profile"),
            QCoreApplication.translate("Prompts", "Delete the profile \"{sku}\" from the library? This cannot be undone.").format(sku=sku),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_sku(self, title: str, suggestion: str = "") -> str | None:
        dialog = SkuDialog(title, suggestion, self.parent)
        return dialog.sku() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open_config_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, QCoreApplication.translate("Prompts", "Open a config"), "",
                                              QCoreApplication.translate("Prompts", "Configs (*.json *.kt *.java);;All files (*)"))
        return Path(path) if path else None

    def save_export_path(self, suggested_name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, QCoreApplication.translate("Prompts", "Save the export as"), suggested_name)
        return Path(path) if path else None

    def choose_library_dir(self, current: Path) -> Path | None:
        path = QFileDialog.getExistingDirectory(self.parent, QCoreApplication.translate("Prompts", "Choose the profile library folder"), str(current))
        return Path(path) if path else None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def show_text(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)


def sku_rule_text(sku: str) -> str:
    """Why `sku` cannot name a profile, in words ("" when it can): the library's own rule, translated."""
    problem = sku_problem(sku)
    if problem is None:
        return ""
    return QCoreApplication.translate("Prompts", "\"{sku}\" cannot name a profile: {rule}.").format(
        sku=sku, rule=tr_core(problem))


class SkuDialog(QDialog):
    """Asks for a profile name; the library's naming rule is checked as the technician types.

    A name the library refuses keeps the dialog open with the rule in words under the field
    (OK stays disabled), so the typed name is never lost to an error box.
    """

    def __init__(self, title: str, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(self.tr("Profile name (SKU):"), self)
        self.edit = QLineEdit(suggestion, self)
        self.label.setBuddy(self.edit)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #a40000;")
        self.hint = QLabel(self.tr("Letters, digits, '.', '_' and '-' (no spaces), e.g. IC-3588-v2."), self)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.label, self.edit, self.hint, self.rule, self.buttons):
            layout.addWidget(widget)
        self.edit.textChanged.connect(self._check)
        self.setMinimumWidth(420)
        self._check()

    def sku(self) -> str:
        return self.edit.text().strip()

    def _check(self) -> None:
        sku = self.sku()
        problem = sku_rule_text(sku) if sku else ""
        self.rule.setText(problem)
        self.rule.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(sku) and not problem)

    def accept(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    return json.dumps(value, ensure_ascii=False)


class DiffDialog(QDialog):
    """Key by key, where two profiles' resolved configs differ."""

    def __init__(self, sku_a: str, sku_b: str, rows: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Diff: {a} / {b}").format(a=sku_a, b=sku_b))
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), sku_a, sku_b])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (key, value_a, value_b) in enumerate(rows):
            for column, text in enumerate((key, _shown(value_a), _shown(value_b))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not rows:
            layout.addWidget(QLabel(self.tr("The two profiles have the same config."), self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 360)
