"""Every question the window asks the technician, in one object the window takes in its constructor.

Modal dialogs block a test (and an offscreen smoke run) forever, so widgets never open
them directly: they ask `Prompts`, and tests pass a scripted stand-in with the same methods.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


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
        text, ok = QInputDialog.getText(self.parent, title, QCoreApplication.translate("Prompts", "Profile name (SKU):"), text=suggestion)
        return text.strip() if ok and text.strip() else None

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

