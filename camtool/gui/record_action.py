"""The window's "Record both ends" / "Stop recording" (Ctrl+Shift+V): the two views as an MP4 clip.

`install_recorder(window)` adds the action to the Device menu without editing the window.
The clip is what the window shows (live ends from the device's low-latency capture, or the
simulation): each EndView's newest frame is taken when it is shown, and
`camtool.vision.recording` composes and encodes them on a plain Python thread at 30 frames/s
(the GUI thread only hands over references). The status bar shows the seconds recorded; at
Stop the technician chooses where the clip goes (cancel = the clip is discarded). A closing
window stops the recording and waits for its thread.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu

from camtool.gui.window_addon import WindowAddon

SHORTCUT = "Ctrl+Shift+V"
# A forgotten recording stops by itself before it fills the disk.
MAX_SECONDS = 600.0

# ask(suggested file name) -> the chosen path, or None to discard the clip.
ClipPathAsker = Callable[[str], "Path | None"]


class _ViewFrames:
    """The newest frame an EndView has shown (set on the GUI thread, read by the recording thread)."""

    def __init__(self, view) -> None:
        self._view = view
        self.latest = view.displayed_array()
        view.frameShown.connect(self._take)

    def _take(self) -> None:
        self.latest = self._view.displayed_array()   # a new array per frame: the reader never sees it change

    def detach(self) -> None:
        try:
            self._view.frameShown.disconnect(self._take)
        except (RuntimeError, TypeError):   # the view is already gone
            pass


class RecordBothEnds(WindowAddon):
    """The action and one recording at a time; `finished(path or None, message)` when it is over."""

    progressed = Signal(float)            # seconds recorded (GUI thread)
    finished = Signal(object, str)        # (saved path or None, what happened)
    _ended = Signal(object, str)          # from the recording thread

    def __init__(self, window: QMainWindow, ask_path: ClipPathAsker | None = None) -> None:
        super().__init__(window)
        self.ask_path = ask_path or self._ask_with_dialog
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._frames: list[_ViewFrames] = []
        self._folder: Path | None = None
        self.status = QLabel(window)
        self.status.hide()
        window.statusBar().addPermanentWidget(self.status)
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.triggered.connect(lambda _checked=False: self.toggle())
        self.menu = self._menu_for(window)
        self.menu.addAction(self.action)
        self.progressed.connect(self._show_progress, type=_queued())
        self._ended.connect(self._on_ended, type=_queued())
        self.retranslate()

    @property
    def recording(self) -> bool:
        return self._thread is not None

    def toggle(self) -> None:
        if self.recording:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        from camtool.vision.recording import EndFeed

        ends = self._window.ends
        views = [(ends.device_view, self.tr("Device end"), "Device end"),
                 (ends.wechat_view, self.tr("WeChat end"), "WeChat end")]
        self._frames = [_ViewFrames(view) for view, _label, _english in views]
        feeds = [EndFeed(self._label(label, view), lambda f=frames: f.latest, self._label(english, view, english=True))
                 for (view, label, english), frames in zip(views, self._frames)]
        self._folder = Path(tempfile.mkdtemp(prefix="camtool-clip-"))
        self._stop.clear()
        self._thread = threading.Thread(target=self._record, args=(feeds, self._folder / "clip.mp4"),
                                        name="camtool-record", daemon=False)
        self._thread.start()
        self._show_progress(0.0)
        self.retranslate()

    def stop(self) -> None:
        self._stop.set()

    def shutdown(self) -> None:
        """The window is closing: stop, wait for the thread and drop the unsaved clip."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        thread.join(10.0)
        self._thread = None
        self._cleanup()

    # ---- recording thread ------------------------------------------------------------------
    def _record(self, feeds, target: Path) -> None:
        from camtool.vision.recording import NoPicture, record_ends

        try:
            figures = record_ends(feeds, target, seconds=MAX_SECONDS, stop=self._stop,
                                  progress=self.progressed.emit)
        except NoPicture as exc:
            self._ended.emit(None, str(exc))
        except Exception as exc:   # a full disk, an encoder problem: said, never a dead thread
            self._ended.emit(None, f"{type(exc).__name__}: {exc}")
        else:
            self._ended.emit(figures, "")

    # ---- GUI thread ----------------------------------------------------------------------------
    def _on_ended(self, figures: Any, problem: str) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(5.0)
        self.status.hide()
        self.retranslate()
        saved: Path | None = None
        if not self._window.isVisible():
            message = self.tr("The clip was discarded.")   # the window closed: no dialog over nothing
        elif figures is None or figures.path is None:
            message = self.tr("Nothing was recorded: {reason}").format(reason=problem or self.tr("no picture"))
            self._window.prompts.show_error(self.tr("Record both ends"), message)
        else:
            chosen = self.ask_path("camtool-ends.mp4")
            if chosen is None:
                message = self.tr("The clip was discarded.")
            else:
                try:
                    saved = Path(shutil.move(str(figures.path), str(chosen)))
                    message = self.tr("Clip of {seconds} s saved to {path}").format(
                        seconds=f"{figures.seconds:.1f}", path=str(saved))
                except OSError as exc:
                    message = self.tr("The clip could not be saved to {path}: {reason}").format(
                        path=str(chosen), reason=exc.strerror or str(exc))
                    self._window.prompts.show_error(self.tr("Record both ends"), message)
            self._window.statusBar().showMessage(message, 10000)
        self._cleanup()
        self.finished.emit(saved, message)

    def _cleanup(self) -> None:
        for frames in self._frames:
            frames.detach()
        self._frames = []
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def _show_progress(self, seconds: float) -> None:
        if not self.recording:
            return
        self.status.setText(self.tr("● Recording both ends: {seconds} s ({shortcut} stops)").format(
            seconds=int(seconds), shortcut=QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)))
        self.status.show()

    def _label(self, end: str, view, *, english: bool = False) -> str:
        """"Device end SERIAL" when live, "Device end (simulated)" otherwise; `english` for the font fallback."""
        side = getattr(self._window, "device_side", None)
        chosen = side.bar.chosen() if side is not None else ("", "")
        serial = chosen[0] if view is self._window.ends.device_view else chosen[1]
        if view.is_live() and serial:
            return f"{end} {serial}"
        return "{end} (simulated)".format(end=end) if english else self.tr("{end} (simulated)").format(end=end)

    def _ask_with_dialog(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save the clip as"), suggested,
                                              self.tr("MP4 video (*.mp4)"))
        if not path:
            return None
        return Path(path) if path.lower().endswith(".mp4") else Path(path + ".mp4")

    def _menu_for(self, window: QMainWindow) -> QMenu:
        menus = getattr(getattr(window, "actions", None), "menus", None)
        if isinstance(menus, dict) and isinstance(menus.get("device"), QMenu):
            return menus["device"]
        return window.menuBar().addMenu(self.tr("&Record"))

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Stop recording") if self.recording else self.tr("Re&cord both ends"))
        self.action.setToolTip(self.tr("Record what both ends show into an MP4 clip; you choose the file at the end"))
        self.action.setStatusTip(self.action.toolTip())


def _queued():
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.QueuedConnection


def install_recorder(window: QMainWindow) -> RecordBothEnds:
    """Add Record / Stop (Ctrl+Shift+V, Device menu) to `window` (needs `ends`, `prompts`, a status bar)."""
    existing = getattr(window, "recorder", None)
    if isinstance(existing, RecordBothEnds):
        return existing
    window.recorder = RecordBothEnds(window)
    return window.recorder
