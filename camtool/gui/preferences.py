"""What the technician chooses and the window remembers: language (switched at run time) and layout.

`WindowSettings` wraps a QSettings passed in (tests and smoke runs use a throwaway INI
file, never the technician's own settings): geometry, splitters, library, language, device.
`LanguageSwitcher` installs the Qt translators; installing or removing one makes Qt send a
LanguageChange event to every widget, which re-sets its texts in `changeEvent`. Texts from
the Qt-free layers (findings, key titles) follow `camtool.i18n.set_language`, switched first
so the widgets re-read them in the new language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (QByteArray, QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator,
                            Signal)

from camtool import i18n


_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter/{name}"
_LIBRARY = "profiles/library"
_LAST_PROFILE = "profiles/last"
_LANGUAGE = "ui/language"
_LAST_DEVICE = "device/last"


def default_qsettings() -> QSettings:
    """The technician's own settings store (per user, native format)."""
    return QSettings("camtool", "camtool")


def file_qsettings(path: Path) -> QSettings:
    """A settings store in one INI file (tests, smoke runs)."""
    return QSettings(str(path), QSettings.Format.IniFormat)


class WindowSettings:
    """Typed access to the window's settings; a missing or damaged value reads as "none"."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _text(self, key: str) -> str | None:
        value = self.store.value(key)
        return value if isinstance(value, str) and value else None

    def geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    def set_geometry(self, geometry: QByteArray) -> None:
        self.store.setValue(_GEOMETRY, geometry)

    def window_state(self) -> QByteArray | None:
        return self._bytes(_STATE)

    def set_window_state(self, state: QByteArray) -> None:
        self.store.setValue(_STATE, state)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(_SPLITTER.format(name=name))

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self.store.setValue(_SPLITTER.format(name=name), state)

    def library_dir(self) -> Path | None:
        text = self._text(_LIBRARY)
        return Path(text) if text else None

    def set_library_dir(self, path: Path) -> None:
        self.store.setValue(_LIBRARY, str(path))

    def last_profile(self) -> str | None:
        return self._text(_LAST_PROFILE)

    def set_last_profile(self, sku: str | None) -> None:
        self.store.setValue(_LAST_PROFILE, sku or "")

    def language(self) -> str | None:
        """"en" or "zh" once the technician chose one; None = follow the system locale."""
        value = self._text(_LANGUAGE)
        return value if value in ("en", "zh") else None

    def set_language(self, lang: str) -> None:
        self.store.setValue(_LANGUAGE, lang)

    def last_device(self) -> str | None:
        return self._text(_LAST_DEVICE)

    def set_last_device(self, serial: str) -> None:
        self.store.setValue(_LAST_DEVICE, serial)

    def sync(self) -> None:
        self.store.sync()


CATALOGUE_DIR = Path(__file__).resolve().parent / "i18n"
#: The window's own catalogue, and Qt's (standard dialog buttons: Save, Discard, Cancel...) for
#: the same language. qtbase, not the qt_ meta catalogue: that one also needs the catalogues of
#: Qt modules PySide6-Essentials does not ship, so it does not load at all.
_QM_NAMES = {"zh": ("camtool_zh_CN", "qtbase_zh_CN")}


def system_language() -> str:
    """zh_CN and zh_TW (falls back to Simplified) give "zh"; everything else English."""
    return i18n.normalise(QLocale.system().name())


class LanguageSwitcher(QObject):
    """Holds the installed translators; `languageChanged(lang)` after a switch."""

    languageChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self._language = "en"

    @property
    def language(self) -> str:
        return self._language

    def switch(self, lang: str) -> str:
        """Use `lang` ("en" or "zh") everywhere from now on; returns the language in effect."""
        lang = i18n.normalise(lang)
        i18n.set_language(lang)
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        for name in _QM_NAMES.get(lang, ()):
            translator = QTranslator(self)
            if self._load(translator, name):
                app.installTranslator(translator)
                self._translators.append(translator)
        if lang == "en" or self._translators:
            self._language = lang
        if not self._translators:
            # No LanguageChange event without a translator change: tell the widgets ourselves.
            from PySide6.QtCore import QEvent

            for widget in _top_level_widgets():
                QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
        self.languageChanged.emit(self._language)
        return self._language

    @staticmethod
    def _load(translator: QTranslator, name: str) -> bool:
        for folder in (CATALOGUE_DIR, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
            if translator.load(name, str(folder)):
                return True
        return False


def translate_without_app(context: str, source: str) -> str:
    """Translate a window text before a QApplication exists (e.g. "no display" at start-up)."""
    names = _QM_NAMES.get(i18n.language(), ())
    translator = QTranslator()
    if names and translator.load(names[0], str(CATALOGUE_DIR)):
        return translator.translate(context, source) or source
    return source


def _top_level_widgets() -> list:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return list(app.topLevelWidgets()) if isinstance(app, QApplication) else []
