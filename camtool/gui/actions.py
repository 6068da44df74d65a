"""The window's menus, actions and keyboard shortcuts, in one place so the menu lists them all.

Handlers are passed in by name; an action without a handler stays visible but disabled, so
the menus show the whole tool even before the device layer is attached (F5, Apply).
Help > About lives here too: versions of camtool, Qt, PySide6 and adb, and the WMPF
assumptions. The adb version comes from running the bundled adb in a QProcess, so the
open box fills it in when adb answers and the window never waits.
"""

from __future__ import annotations

from typing import Callable

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, QProcess, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from camtool import __version__
from camtool.config.keys import KEYS_BY_NAME
from camtool.config.ends import DEFAULT_BEHAVIOUR
from camtool.i18n import join_list

#: name -> shortcut. Order inside each menu is the order below.
SHORTCUTS: dict[str, str] = {
    "new": "Ctrl+N",
    "open": "Ctrl+O",
    "save": "Ctrl+S",
    "save_as": "Ctrl+Shift+S",
    "export": "Ctrl+E",
    "quit": "Ctrl+Q",
    "rotate_cw": "Ctrl+R",
    "rotate_ccw": "Ctrl+Shift+R",
    "flip": "Ctrl+F",
    "refresh_devices": "F5",
}
_MENUS = {
    "file": ("new", "open", "save", "save_as", "export", "choose_library", None, "quit"),
    "edit": ("rotate_cw", "rotate_ccw", "flip"),
    "device": ("refresh_devices", "apply"),
    "help": ("shortcuts", "about"),
}


class WindowActions(QObject):
    """Creates the menu bar of `window`; `actions[name]` for tests and toolbars."""

    def __init__(self, window: QMainWindow, handlers: dict[str, Callable[[], object]],
                 on_language: Callable[[str], object]) -> None:
        super().__init__(window)
        self._window = window
        self.actions: dict[str, QAction] = {}
        names = {name for menu in _MENUS.values() for name in menu if name}
        for name in sorted(names):
            action = QAction(window)
            if name in SHORTCUTS:
                action.setShortcut(QKeySequence(SHORTCUTS[name]))
            handler = handlers.get(name)
            if handler is None:
                action.setEnabled(False)
            else:
                action.triggered.connect(lambda _checked=False, h=handler: h())
            self.actions[name] = action
        self.menus: dict[str, QMenu] = {}
        bar = window.menuBar()
        for menu_name, items in _MENUS.items():
            menu = bar.addMenu("")
            self.menus[menu_name] = menu
            for name in items:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions[name])
            if menu_name == "edit":
                # The language menu sits before Help, as desktop apps put it.
                self.menus["language"] = bar.addMenu("")
        self._language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, label in (("en", "English"), ("zh", "简体中文")):   # each language named in itself
            action = QAction(label, window)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, lang=lang: on_language(lang))
            self._language_group.addAction(action)
            self.menus["language"].addAction(action)
            self.language_actions[lang] = action
        # Menus are reordered so Language stays before Help.
        bar.removeAction(self.menus["language"].menuAction())
        bar.insertAction(self.menus["help"].menuAction(), self.menus["language"].menuAction())
        window.installEventFilter(self)
        self.retranslate()

    def set_handler(self, name: str, handler: Callable[[], object]) -> None:
        """Attach a handler later (e.g. the device layer's refresh); enables the action."""
        action = self.actions[name]
        action.triggered.connect(lambda _checked=False: handler())
        action.setEnabled(True)

    def mark_language(self, lang: str) -> None:
        if lang in self.language_actions:
            self.language_actions[lang].setChecked(True)

    def shortcut_lines(self) -> list[str]:
        """"Ctrl+R  Rotate +90°" lines for the shortcuts help (also actions added later, e.g. Ctrl+K)."""
        native = QKeySequence.SequenceFormat.NativeText
        lines = [f"{QKeySequence(SHORTCUTS[name]).toString(native)}\t"
                 f"{self.actions[name].text().replace('&', '')}" for name in SHORTCUTS]
        own = set(self.actions.values())
        for action in self.parent().findChildren(QAction) if self.parent() is not None else ():
            if action not in own and not action.shortcut().isEmpty():
                lines.append(f"{action.shortcut().toString(native)}\t{action.text().replace('&', '')}")
        return lines

    def retranslate(self) -> None:
        titles = {"file": self.tr("&File"), "edit": self.tr("&Edit"), "device": self.tr("&Device"),
                  "language": self.tr("&Language"), "help": self.tr("&Help")}
        for name, title in titles.items():
            self.menus[name].setTitle(title)
        texts = {
            "new": self.tr("&New config"),
            "open": self.tr("&Open config..."),
            "save": self.tr("&Save profile"),
            "save_as": self.tr("Save profile &as..."),
            "export": self.tr("&Export..."),
            "choose_library": self.tr("Choose profile &library..."),
            "quit": self.tr("&Quit"),
            "rotate_cw": self.tr("Rotate +90°"),
            "rotate_ccw": self.tr("Rotate -90°"),
            "flip": self.tr("Toggle push &flip"),
            "refresh_devices": self.tr("&Refresh devices"),
            "apply": self.tr("&Apply to device"),
            "shortcuts": self.tr("&Keyboard shortcuts"),
            "about": self.tr("&About camtool"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)
        tips = {"refresh_devices": self.tr("Needs the device layer, which is not attached yet."),
                "apply": self.tr("Needs the device layer, which is not attached yet.")}
        for name, tip in tips.items():
            action = self.actions[name]
            action.setToolTip(action.text().replace("&", "") if action.isEnabled() else tip)
            action.setStatusTip(action.toolTip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def _adb_path() -> str | None:
    try:
        from adbutils import adb_path

        return adb_path()
    except Exception:  # adbutils missing or its binary not found: About still opens
        return None


def _version_gates() -> str:
    return join_list(f"{key.name} ≥ {'.'.join(map(str, key.min_wmpf))}{'*' if key.inferred_version else ''}"
                     for key in KEYS_BY_NAME.values())


class AboutBox(QMessageBox):
    """A non-modal About box; `adb_version` fills in when the bundled adb has answered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.adb_version: str | None = None
        self._adb_state = self.tr("checking...")
        self._process: QProcess | None = None
        path = _adb_path()
        if path is None:
            self._adb_state = self.tr("not found")
        else:
            self._process = QProcess(self)
            self._process.finished.connect(self._on_adb_finished)
            self._process.errorOccurred.connect(self._on_adb_error)
            self._process.start(path, ["version"])
        self.finished.connect(self._stop_process)
        self._refresh()

    def _on_adb_finished(self, exit_code: int, _status) -> None:
        text = bytes(self._process.readAllStandardOutput()).decode("utf-8", "replace").strip()
        first = text.splitlines()[0] if text else ""
        self.adb_version = first.replace("Android Debug Bridge version", "").strip() or first
        self._adb_state = self.adb_version if exit_code == 0 and first else self.tr("not available")
        self._refresh()

    def _on_adb_error(self, _error) -> None:
        self._adb_state = self.tr("not available")
        self._refresh()

    def _stop_process(self) -> None:
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(1000)

    def _refresh(self) -> None:
        self.setWindowTitle(self.tr("About camtool"))
        direction = self.tr("clockwise") if DEFAULT_BEHAVIOUR.rotation_direction == "cw" else self.tr(
            "counter-clockwise")
        flip = self.tr("a 180° turn") if DEFAULT_BEHAVIOUR.push_flip == "rotate180" else self.tr(
            "a top-to-bottom mirror")
        self.setText(self.tr("camtool {version}: see, choose, check and export the camera keys of WMPF's "
                             "InitGlobalConfig.").format(version=__version__))
        self.setInformativeText("\n".join([
            self.tr("Qt {qt}, PySide6 {pyside}").format(qt=qVersion(), pyside=pyside_version),
            self.tr("adb: {adb}").format(adb=self._adb_state),
            "",
            self.tr("WMPF assumptions (inferred, checked by the orientation check on real ends):"),
            self.tr("• a rotation key turns the picture {direction}").format(direction=direction),
            self.tr("• a push flip is {flip}").format(flip=flip),
            self.tr("• rotation values are 0, 90, 180 and 270"),
            self.tr("• version gates (* = inferred from the client library's history): {gates}").format(
                gates=_version_gates()),
        ]))
