"""Background work for the window: a thread that serves only the newest request.

The GUI thread never renders, reads a device or waits: it submits a request and goes on.
The worker keeps one slot, so a burst of form edits (or frames) never builds a backlog:
when it finishes, it takes whatever is newest and drops the rest. Results come back to
the GUI thread by queued signal. Every thread started here is tracked, so a test fixture
can fail a test that leaves one running.

Stopping never freezes the window: `stop()` raises the worker's cancel flag (long work polls
`worker.cancelled` between its device calls, and every device call is bounded by a timeout),
waits a moment, and if the work in hand is still busy, lets it finish on its own. Such a
thread is kept referenced here until it has ended, so Qt never destroys a running QThread;
`wait_for_detached()` at exit gives them their last chance. A failure's traceback goes to the
log; the GUI gets its one-line message.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThread, Signal, Slot

from camtool.device.errors import DeviceError

log = logging.getLogger(__name__)

#: How long `stop()` waits for the work in hand before the window goes on without it. Idle
#: threads end at once; a render or a detection is done well within it; a device call that
#: hangs is bounded by its own timeout and finishes detached.
STOP_WAIT_MS = 500

_threads: "weakref.WeakSet[QThread]" = weakref.WeakSet()
_detached: dict[QThread, "_Lane"] = {}


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


def detached_threads() -> list[QThread]:
    """Threads whose owner stopped waiting for them; they end when their bounded work does."""
    return list(_detached)


def wait_for_detached(timeout_ms: int = 30_000) -> bool:
    """At exit: wait for detached threads (device calls end by their timeouts); True when none is left."""
    deadline = QDeadlineTimer(timeout_ms)
    for thread, lane in list(_detached.items()):
        if not thread.wait(deadline):
            log.warning("%s still runs at exit: its device call did not end in time", lane.name)
            continue
        _detached.pop(thread, None)
    return not _detached


class _Reaper(QObject):
    """Lives on the GUI thread: drops a detached thread once it has finished (queued from that thread)."""

    @Slot()
    def reap(self) -> None:
        for thread in list(_detached):
            if thread.isFinished():
                thread.wait()   # returns at once: the thread has left run()
                lane = _detached.pop(thread)
                log.info("%s ended after its owner stopped waiting", lane.name)


_reaper: _Reaper | None = None


def _the_reaper() -> _Reaper:
    global _reaper
    if _reaper is None:
        _reaper = _Reaper()
        app = QCoreApplication.instance()
        if app is not None:
            _reaper.moveToThread(app.thread())
    return _reaper


class _Runner(QObject):
    """Lives on the worker thread; `run` executes there because of the queued `kick`."""

    finished_one = Signal(object, object)   # (request, result)
    failed_one = Signal(object, str)        # (request, error text)

    def __init__(self, lane: "_Lane", work: Callable[[Any], Any]) -> None:
        super().__init__()
        self._lane = lane
        self._work = work

    @Slot()
    def run(self) -> None:
        lane = self._lane
        has_request, request = lane.take()
        if not has_request:
            return  # an earlier kick already took the newest request
        try:
            result = self._work(request)
        except Exception as exc:  # reported to the GUI as text: the window must stay usable
            if lane.cancel.is_set():
                log.debug("%s: cancelled work ended with %s", lane.name, type(exc).__name__)
                return
            # A device that refuses or times out is expected (its message says what to do);
            # anything else is a bug: the traceback is for whoever fixes it.
            level = logging.INFO if isinstance(exc, DeviceError) else logging.ERROR
            log.log(level, "%s: the work failed", lane.name, exc_info=exc)
            self.failed_one.emit(request, f"{type(exc).__name__}: {exc}")
            return
        if lane.cancel.is_set():
            return  # its owner has stopped listening
        self.finished_one.emit(request, result)


class _Lane:
    """A worker's thread, runner, pending slot and cancel flag: what must outlive the worker itself."""

    def __init__(self, work: Callable[[Any], Any], name: str) -> None:
        self.name = name
        self.cancel = threading.Event()
        self._lock = threading.Lock()
        self._pending: tuple[bool, Any] = (False, None)
        self.thread = QThread()
        self.thread.setObjectName(name)
        self.runner = _Runner(self, work)
        self.runner.moveToThread(self.thread)
        self.thread.finished.connect(self.runner.deleteLater)
        _threads.add(self.thread)

    def take(self) -> tuple[bool, Any]:
        with self._lock:
            pending, self._pending = self._pending, (False, None)
        return pending

    def put(self, request: Any) -> None:
        with self._lock:
            self._pending = (True, request)

    def stop(self, wait_ms: int) -> bool:
        """Cancel, end the thread's loop and wait up to `wait_ms`; True when it has ended."""
        self.cancel.set()
        self.take()
        if self.thread in _detached:
            return False   # stopped before (then its owner was deleted): waiting again would only freeze
        try:
            if not self.thread.isRunning():
                return True
            self.thread.quit()
            if self.thread.wait(wait_ms):
                return True
        except RuntimeError:   # already deleted by Qt
            return True
        # The work in hand is still in a (bounded) device call. Keep thread and runner alive
        # until it returns, instead of freezing the window or letting Qt destroy a running thread.
        log.warning("%s: stopped waiting after %d ms; the work in hand finishes on its own", self.name, wait_ms)
        _detached[self.thread] = self
        self.thread.finished.connect(_the_reaper().reap)
        if self.thread.isFinished():   # it ended between the wait and the connect
            _the_reaper().reap()
        return False


class LatestOnlyWorker(QObject):
    """Runs `work(request)` on its own QThread for the newest submitted request only.

    `done(request, result)` and `failed(request, message)` arrive on the GUI thread. Long work
    passes `worker.cancelled` down to the device layer, which stops between its calls.
    """

    done = Signal(object, object)
    failed = Signal(object, str)
    _kick = Signal()

    def __init__(self, work: Callable[[Any], Any], name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = lane = _Lane(work, name)
        self._kick.connect(lane.runner.run)
        lane.runner.finished_one.connect(self.done)
        lane.runner.failed_one.connect(self.failed)
        # If the owner is deleted without stop() (a panel never shown, then deleted), end the
        # thread instead of letting Qt abort on a QThread destroyed while running.
        self.destroyed.connect(lambda *_: lane.stop(STOP_WAIT_MS))
        lane.thread.start()

    def submit(self, request: Any) -> None:
        """Replace any request not yet started with this one and wake the worker."""
        self._lane.put(request)
        self._kick.emit()

    def cancelled(self) -> bool:
        """True once `stop()` was called: long work stops at its next device call."""
        return self._lane.cancel.is_set()

    def is_running(self) -> bool:
        return self._lane.thread.isRunning()

    def stop(self, wait_ms: int = STOP_WAIT_MS) -> bool:
        """Drop pending work, cancel the work in hand and end the thread.

        Waits up to `wait_ms`; True when the thread has ended. False: the work in hand is
        still in a device call; its thread ends by itself (kept referenced until then) and
        its result is dropped.
        """
        return self._lane.stop(wait_ms)
