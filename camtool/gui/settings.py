"""What the window remembers between runs (QSettings): geometry, splitters, library, language, device.

The QSettings object is passed in, so tests and the smoke run use a throwaway INI file and
never touch the technician's own settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

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
