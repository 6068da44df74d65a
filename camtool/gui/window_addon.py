"""A part added to a finished window from outside: it follows the window's language and its close.

The orientation check and the recorder are installed on a MainWindow without editing it.
Each owns an action, strings and a thread; this base retranslates them when the language
changes and shuts them down once the window has really closed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class WindowAddon(QObject):
    """Subclasses give `retranslate()` and `shutdown()`; the window is `self._window`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def retranslate(self) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                # The window may still refuse to close (unsaved changes): look once it has decided.
                QTimer.singleShot(0, self, self._shutdown_if_closed)
        return False

    def _shutdown_if_closed(self) -> None:
        if not self._window.isVisible():
            self.shutdown()
