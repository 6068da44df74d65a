"""Widgets whose texts follow the language while the window is open.

Qt sends every widget a LanguageChange event when a translator is installed or removed (the
language switch in Preferences); a widget that mixes this in re-reads its texts then, from its
own `retranslate`. Listed before the Qt base class: `class ExportPanel(Retranslating, QWidget)`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Calls `self.retranslate()` on LanguageChange, then lets the Qt base class see the event."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
