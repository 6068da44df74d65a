"""Help > About: versions of camtool, Qt, PySide6 and adb, and the WMPF assumptions camtool makes.

The adb version comes from running the bundled adb, which takes a moment: a QProcess runs
it in the background and the open box updates when it answers, so the window never waits.
"""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QProcess, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from camtool import __version__
from camtool.config.keys import KEYS_BY_NAME
from camtool.config.semantics import DEFAULT_BEHAVIOUR


def _adb_path() -> str | None:
    try:
        from adbutils import adb_path

        return adb_path()
    except Exception:  # adbutils missing or its binary not found: About still opens
        return None


def _version_gates() -> str:
    return ", ".join(f"{key.name} ≥ {'.'.join(map(str, key.min_wmpf))}{'*' if key.inferred_version else ''}"
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
