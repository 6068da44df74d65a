"""Live findings of the config in the form: severity icon, code, message, and the fix under it.

The list is the same one `camtool validate` prints (the document computes it with the
rules). Clicking a finding asks the window to focus the field of its first key. A key the
form does not offer (the other family's rotation, say) can be removed from the finding's
context menu, since that is the fix for "set successfully but no effect". The texts come
from the Qt-free layers, already translated; they are re-read on a language change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QGridLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QPushButton, QStyle,
                               QVBoxLayout, QWidget)

from camtool.config.findings import Finding, Severity
from camtool.gui.config_document import ConfigDocument
from camtool.i18n import join_list

_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}

#: Item data role holding the finding's keys (for focusing the field).
KEYS_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2


class FindingsPanel(QWidget):
    """Shows the document's findings; `focusRequested(key)` when the technician clicks one."""

    focusRequested = Signal(str)

    def __init__(self, document: ConfigDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._summary = QLabel(self)
        self._summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # One click removes a key a finding names that the form does not show (the other family's
        # rotation, say): otherwise it could block Export with no field to clear.
        self.remove_bar = QWidget(self)
        self._remove_layout = QGridLayout(self.remove_bar)   # two buttons a row: never widens the column
        self._remove_layout.setContentsMargins(0, 0, 0, 0)
        self._remove_label = QLabel(self.remove_bar)
        self._remove_layout.addWidget(self._remove_label, 0, 0)
        self._remove_layout.setColumnStretch(3, 1)
        self.remove_buttons: dict[str, QPushButton] = {}
        layout.addWidget(self._summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_bar)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_menu)
        document.changed.connect(self.refresh)
        self.refresh()

    def removal_actions(self, row: int) -> list[QAction]:
        """"Remove KEY from the config" for each key of that finding the config holds."""
        item = self.list.item(row)
        data = self._document.data
        actions = []
        for key in (item.data(KEYS_ROLE) or []) if item is not None else []:
            if key in data:
                action = QAction(self.tr("Remove {key} from the config").format(key=key), self)
                action.triggered.connect(lambda _checked=False, key=key: self._document.set_value(key, None))
                actions.append(action)
        return actions

    def _show_menu(self, position: QPoint) -> None:
        actions = self.removal_actions(self.list.indexAt(position).row())
        if actions:
            menu = QMenu(self)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.addActions(actions)
            menu.popup(self.list.viewport().mapToGlobal(position))

    def codes(self) -> list[str]:
        """The codes shown, in order (what a technician would compare with the CLI)."""
        return [self.list.item(i).data(CODE_ROLE) for i in range(self.list.count())]

    def refresh(self) -> None:
        findings = self._document.findings
        self.list.clear()
        for finding in findings:
            self.list.addItem(self._item(finding))
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        if not findings:
            summary = self.tr("No findings: the config is consistent.")
        else:
            summary = self.tr("{errors} error(s), {warnings} warning(s), {infos} note(s)").format(
                errors=errors, warnings=warnings, infos=len(findings) - errors - warnings)
        if self._document.device_inventory is not None:
            summary = summary.rstrip(".。") + " · " + self.tr("with the cameras of {serial}").format(
                serial=self._document.device_serial)
        self._summary.setText(summary)
        self._refresh_remove_bar(findings)

    def removable_keys(self) -> list[str]:
        """Keys some finding names that the config holds but the form does not offer."""
        from camtool.gui.selection import keys_on_form

        data, shown = self._document.data, keys_on_form(self._document.mode)
        keys = [key for finding in self._document.findings for key in finding.keys]
        return [key for key in dict.fromkeys(keys) if key in data and key not in shown]

    def _refresh_remove_bar(self, findings: list[Finding]) -> None:
        for button in self.remove_buttons.values():
            button.deleteLater()
        self.remove_buttons = {}
        keys = self.removable_keys()
        self._remove_label.setText(self.tr("Remove:"))
        for index, key in enumerate(keys):
            codes = join_list(f.code for f in findings if key in f.keys)
            button = QPushButton(key, self.remove_bar)
            button.setAccessibleName(self.tr("Remove {key}").format(key=key))
            button.setToolTip(self.tr("{key} is not on the form for the selected camera ({codes}): remove it from "
                                      "the config.").format(key=key, codes=codes))
            button.clicked.connect(lambda _checked=False, key=key: self._document.set_value(key, None))
            self._remove_layout.addWidget(button, index // 2, 1 + index % 2)
            self.remove_buttons[key] = button
        self.remove_bar.setVisible(bool(keys))

    def _item(self, finding: Finding) -> QListWidgetItem:
        # The keys are in the message (and the tooltip): the list keeps to message and fix, so
        # three findings fit the column at 1366x768.
        text = f"{finding.code}  {finding.message}\n" + self.tr("Fix: {fix}").format(fix=finding.fix)
        item = QListWidgetItem(self.style().standardIcon(_ICONS[finding.severity]), text)
        item.setData(KEYS_ROLE, list(finding.keys))
        item.setData(CODE_ROLE, finding.code)
        tip = self._severity_word(finding.severity)
        if finding.keys:
            tip += " · " + join_list(finding.keys)
            tip += "\n" + self.tr("Right-click to remove one of its keys from the config.")
        item.setToolTip(tip)
        return item

    def _severity_word(self, severity: Severity) -> str:
        return {Severity.ERROR: self.tr("Error"), Severity.WARNING: self.tr("Warning"),
                Severity.INFO: self.tr("Note")}[severity]

    def _on_clicked(self, item: QListWidgetItem) -> None:
        keys = item.data(KEYS_ROLE) or []
        if keys:
            self.focusRequested.emit(keys[0])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()   # message and fix are re-read in the new language
        super().changeEvent(event)
