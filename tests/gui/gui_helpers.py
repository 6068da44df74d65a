"""Helpers for the GUI tests: scripted dialog answers and the list of Qt things still running."""

from __future__ import annotations

from pathlib import Path

from camtool.gui.dialogs import UnsavedAnswer


class ScriptedPrompts:
    """Stands in for camtool.gui.dialogs.Prompts: answers from queues, records every question."""

    def __init__(self) -> None:
        self.unsaved_answers: list[UnsavedAnswer] = []
        self.skus: list[str | None] = []
        self.paths: list[Path | None] = []
        self.delete_answers: list[bool] = []
        self.asked: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []

    def unsaved_changes(self, name: str) -> UnsavedAnswer:
        self.asked.append(("unsaved", name))
        return self.unsaved_answers.pop(0) if self.unsaved_answers else UnsavedAnswer.DISCARD

    def confirm_delete(self, sku: str) -> bool:
        self.asked.append(("delete", sku))
        return self.delete_answers.pop(0) if self.delete_answers else False

    def ask_sku(self, title: str, suggestion: str = "") -> str | None:
        self.asked.append(("sku", suggestion))
        return self.skus.pop(0) if self.skus else None

    def open_config_path(self) -> Path | None:
        self.asked.append(("open", ""))
        return self.paths.pop(0) if self.paths else None

    def save_export_path(self, suggested_name: str) -> Path | None:
        self.asked.append(("save_export", suggested_name))
        return self.paths.pop(0) if self.paths else None

    def choose_library_dir(self, current: Path) -> Path | None:
        self.asked.append(("library", str(current)))
        return self.paths.pop(0) if self.paths else None

    def show_error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def show_text(self, title: str, text: str) -> None:
        self.asked.append(("text", title))


def qt_leftovers() -> list[str]:
    """camtool worker threads, active QTimers and running QProcesses that are still alive."""
    from PySide6.QtCore import QProcess, QTimer
    from PySide6.QtWidgets import QApplication

    from camtool.gui.workers import running_threads

    found = [f"QThread {t.objectName() or '?'}" for t in running_threads()]
    app = QApplication.instance()
    if app is None:
        return found
    for widget in app.allWidgets():
        for timer in widget.findChildren(QTimer):
            if timer.isActive():
                found.append(f"active QTimer in {type(widget).__name__}")
        for process in widget.findChildren(QProcess):
            if process.state() != QProcess.ProcessState.NotRunning:
                found.append(f"running QProcess in {type(widget).__name__}")
    return found
