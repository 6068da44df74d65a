"""The export panel: the config as JSON, one line, Kotlin and Java, byte-identical to `camtool export`.

Export, copy and save are refused while the config has an error finding (the reason is on
hover), because a file the technician hands to an integrator must not carry a known fault.
Files are written atomically. A .json, .kt or .java file opened or dropped here replaces the
form's config, other keys included, exactly as `camtool export` would read it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from camtool.config.errors import ConfigError
from camtool.gui.config_document import ConfigDocument
from camtool.gui.dialogs import Prompts
from camtool.gui.retranslating import Retranslating

#: Tab order and the `camtool export --to` value of each tab.
EXPORT_TABS = ("json", "line", "kotlin", "java")
IMPORT_SUFFIXES = (".json", ".kt", ".java")
_SUGGESTED_NAMES = {"json": "camera-config.json", "line": "camera-config.txt", "kotlin": "CameraConfig.kt",
                    "java": "CameraConfig.java"}


class ExportPanel(Retranslating, QWidget):
    """Tabs of export texts with copy / save as / import; accepts dropped config files."""

    imported = Signal(str)        # path of a config taken into the form
    exportSaved = Signal(str)     # path written

    def __init__(self, document: ConfigDocument, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._prompts = prompts
        self.tabs = QTabWidget(self)
        self.texts: dict[str, QPlainTextEdit] = {}
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for to in EXPORT_TABS:
            text = QPlainTextEdit(self)
            text.setReadOnly(True)
            text.setFont(mono)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap if to != "line"
                                 else QPlainTextEdit.LineWrapMode.WidgetWidth)
            self.texts[to] = text
            self.tabs.addTab(text, "")
        self.copy_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.import_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)

        self.copy_button.clicked.connect(self.copy_current)
        self.save_button.clicked.connect(self.save_current)
        self.import_button.clicked.connect(self.import_with_dialog)
        document.changed.connect(self.refresh)
        self.retranslate()

    # ---- API -----------------------------------------------------------------------------
    def current_format(self) -> str:
        return EXPORT_TABS[self.tabs.currentIndex()]

    def show_format(self, to: str) -> None:
        self.tabs.setCurrentIndex(EXPORT_TABS.index(to))

    def text_of(self, to: str) -> str:
        return self.texts[to].toPlainText()

    def can_export(self) -> bool:
        return self.save_button.isEnabled()

    def blocked_reason(self) -> str:
        """Why export is refused now ("" when it is allowed)."""
        error = self._document.first_error
        if error is None:
            return ""
        return self.tr("Export is disabled while the config has an error: {code} {message}").format(
            code=error.code, message=error.message)

    def refresh(self) -> None:
        reason = self.blocked_reason()
        for to, view in self.texts.items():
            # Code stays unwrapped (a line of JSON is a line); a sentence saying why wraps.
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth if reason or to == "line"
                                 else QPlainTextEdit.LineWrapMode.NoWrap)
            if reason:
                view.setPlainText(reason)
                continue
            try:
                view.setPlainText(self._document.export(to))
            except ConfigError as exc:   # ExportError: a value this format cannot express
                reason = str(exc)
                view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
                view.setPlainText(reason)
        for button in (self.copy_button, self.save_button):
            button.setEnabled(not reason)
            button.setToolTip(reason)
        self.tabs.setToolTip(reason)

    def copy_current(self) -> None:
        if self.can_export():
            QGuiApplication.clipboard().setText(self._document.export(self.current_format()))

    def save_current(self) -> Path | None:
        """Ask for a path and write the current tab's export there atomically."""
        if not self.can_export():
            return None
        to = self.current_format()
        path = self._prompts.save_export_path(_SUGGESTED_NAMES[to])
        if path is None:
            return None
        from camtool.config.atomic import atomic_write_text

        try:
            atomic_write_text(path, self._document.export(to))
        except OSError as exc:
            self._prompts.show_error(self.tr("Export not saved"), self.tr(
                "Could not write {path}: {error}. Choose a folder you can write to.").format(path=path, error=exc))
            return None
        self.exportSaved.emit(str(path))
        return path

    def import_with_dialog(self) -> bool:
        path = self._prompts.open_config_path()
        return self.import_file(path) if path is not None else False

    def import_file(self, path: Path) -> bool:
        """Take a config file into the form; unreadable files are explained, the form stays."""
        from camtool.config.imports import load_config_source

        data, findings = load_config_source(path)
        if data is None:
            details = "\n".join(f"{f.code} {f.message}\n{f.fix}" for f in findings)
            self._prompts.show_error(self.tr("Config not opened"), self.tr(
                "{path} could not be read as a config:\n{details}").format(path=path, details=details))
            return False
        self._document.import_data(data, source_findings=[f for f in findings])
        self.imported.emit(str(path))
        return True

    # ---- drag and drop -------------------------------------------------------------------
    @staticmethod
    def _dropped_config(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        configs = [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES]
        return configs[0] if len(configs) == 1 else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_config(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_config(event)
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    # ---- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        names = {"json": self.tr("JSON"), "line": self.tr("One line"), "kotlin": self.tr("Kotlin"),
                 "java": self.tr("Java")}
        for index, to in enumerate(EXPORT_TABS):
            self.tabs.setTabText(index, names[to])
        self.copy_button.setText(self.tr("&Copy"))
        self.save_button.setText(self.tr("Save &as..."))
        self.import_button.setText(self.tr("&Import..."))
        self.import_button.setToolTip(self.tr(
            "Open a .json, .kt or .java config (or drop one here); keys other than the camera keys are kept."))
        self.refresh()
