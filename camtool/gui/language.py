"""Switching the window's language at run time: Qt translators plus the Qt-free catalogue.

Installing or removing a QTranslator makes Qt send a LanguageChange event to every
widget; each widget re-sets its texts in `changeEvent`. Texts from the Qt-free layers
(findings, key titles) follow `camtool.i18n.set_language`, which is switched first so the
widgets re-read them in the new language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from camtool import i18n

CATALOGUE_DIR = Path(__file__).resolve().parent / "i18n"
#: The window's own catalogue, and Qt's (standard dialog buttons) for the same language.
_QM_NAMES = {"zh": ("camtool_zh_CN", "qt_zh_CN")}


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
