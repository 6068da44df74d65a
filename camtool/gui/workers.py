"""Background work for the window: a thread that serves only the newest request.

The GUI thread never renders, reads a device or waits: it submits a request and goes on.
The worker keeps one slot, so a burst of form edits (or frames) never builds a backlog:
when it finishes, it takes whatever is newest and drops the rest. Results come back to
the GUI thread by queued signal. Every thread started here is tracked, so a test fixture
can fail a test that leaves one running.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

_threads: "weakref.WeakSet[QThread]" = weakref.WeakSet()


def running_threads() -> list[QThread]:
    """Threads started by camtool's workers that are still running (for the leak fixture)."""
    alive = []
    for thread in list(_threads):
        try:
            if thread.isRunning():
                alive.append(thread)
        except RuntimeError:  # the C++ object is already gone: not running
            continue
    return alive


def _finish(thread: QThread, timeout_ms: int = 5000) -> None:
    try:
        if thread.isRunning():
            thread.quit()
            thread.wait(timeout_ms)
    except RuntimeError:   # already deleted by Qt
        pass


class _Runner(QObject):
    """Lives on the worker thread; `run` executes there because of the queued `kick`."""

    finished_one = Signal(object, object)   # (request, result)
    failed_one = Signal(object, str)        # (request, error text)

    def __init__(self, work: Callable[[Any], Any], take: Callable[[], tuple[bool, Any]]) -> None:
        super().__init__()
        self._work = work
        self._take = take

    @Slot()
    def run(self) -> None:
        has_request, request = self._take()
        if not has_request:
            return  # an earlier kick already took the newest request
        try:
            result = self._work(request)
        except Exception as exc:  # reported to the GUI as text: the window must stay usable
            self.failed_one.emit(request, f"{type(exc).__name__}: {exc}")
            return
        self.finished_one.emit(request, result)


class LatestOnlyWorker(QObject):
    """Runs `work(request)` on its own QThread for the newest submitted request only.

    `done(request, result)` and `failed(request, message)` arrive on the GUI thread.
    """

    done = Signal(object, object)
    failed = Signal(object, str)
    _kick = Signal()

    def __init__(self, work: Callable[[Any], Any], name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: tuple[bool, Any] = (False, None)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner(work, self._take)
        self._runner.moveToThread(self._thread)
        self._kick.connect(self._runner.run)
        self._runner.finished_one.connect(self.done)
        self._runner.failed_one.connect(self.failed)
        self._thread.finished.connect(self._runner.deleteLater)
        _threads.add(self._thread)
        # If the owner is deleted without stop() (a panel never shown, then deleted), end the
        # thread instead of letting Qt abort on a QThread destroyed while running.
        thread = self._thread
        self.destroyed.connect(lambda *_: _finish(thread))
        self._thread.start()

    def _take(self) -> tuple[bool, Any]:
        with self._lock:
            pending, self._pending = self._pending, (False, None)
        return pending

    def submit(self, request: Any) -> None:
        """Replace any request not yet started with this one and wake the worker."""
        with self._lock:
            self._pending = (True, request)
        self._kick.emit()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 5000) -> None:
        """Drop pending work, end the thread and wait for it (the work in hand finishes first)."""
        with self._lock:
            self._pending = (False, None)
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(timeout_ms)
