"""The leak check itself: a worker thread, timer or process left running is reported."""

from __future__ import annotations

import gc
import logging
import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from camtool.device.errors import DeviceTimeout
from camtool.gui.workers import LatestOnlyWorker, detached_threads, running_threads, wait_for_detached
from gui_helpers import qt_leftovers


def test_a_running_worker_thread_is_reported_until_stopped(qtbot):
    worker = LatestOnlyWorker(lambda request: request * 2, "camtool-test-worker")
    try:
        assert "QThread camtool-test-worker" in qt_leftovers()
    finally:
        worker.stop()
    assert not running_threads()
    assert "QThread camtool-test-worker" not in qt_leftovers()


def test_an_active_timer_in_a_widget_is_reported(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    timer = QTimer(widget)
    timer.start(60_000)
    assert "active QTimer in QWidget" in qt_leftovers()
    timer.stop()
    assert not qt_leftovers()


def test_the_worker_serves_only_the_newest_request(qtbot):
    started, release = threading.Event(), threading.Event()
    seen = []

    def work(request):
        seen.append(request)
        started.set()
        release.wait(5)   # hold the worker busy while the GUI submits more
        return request

    worker = LatestOnlyWorker(work, "camtool-test-latest")
    try:
        worker.submit(0)
        assert started.wait(5)
        for request in range(1, 100):
            worker.submit(request)
        with qtbot.waitSignal(worker.done, timeout=5000, check_params_cb=lambda req, res: req == 99):
            release.set()
        # Requests overtaken while the worker was busy were dropped, never queued.
        assert seen == [0, 99]
    finally:
        release.set()
        worker.stop()


def test_a_failing_request_is_reported_and_the_worker_goes_on(qtbot):
    worker = LatestOnlyWorker(lambda request: 1 // request, "camtool-test-failing")
    try:
        with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
            worker.submit(0)
        assert "ZeroDivisionError" in failed.args[1]
        with qtbot.waitSignal(worker.done, timeout=5000) as done:
            worker.submit(1)
        assert done.args == [1, 1]
    finally:
        worker.stop()


def test_a_worker_whose_owner_is_deleted_ends_its_thread(qtbot):
    owner = QObject()
    LatestOnlyWorker(lambda request: request, "camtool-test-owned", owner)
    assert running_threads()
    shiboken6.delete(owner)     # as Qt deletes a panel that was never shown or closed
    assert not running_threads()


def _stuck_work(started: threading.Event, release: threading.Event):
    def work(request):
        started.set()
        release.wait(30)   # stands for a device call that hangs until its timeout
        return request
    return work


def test_stopping_a_worker_stuck_in_its_work_does_not_wait_for_it_and_its_thread_ends_later(qtbot, caplog):
    started, release = threading.Event(), threading.Event()
    worker = LatestOnlyWorker(_stuck_work(started, release), "camtool-test-stuck")
    results = []
    worker.done.connect(lambda *args: results.append(args))
    worker.submit(1)
    assert started.wait(5)
    try:
        # stop() returns although the work holds the thread: the window never freezes on it.
        assert worker.stop(wait_ms=50) is False
        assert worker.cancelled()
        assert [t.objectName() for t in detached_threads()] == ["camtool-test-stuck"]
        assert "camtool-test-stuck: stopped waiting" in caplog.text
    finally:
        release.set()
    qtbot.waitUntil(lambda: not running_threads() and not detached_threads(), timeout=5000)
    assert results == []   # its owner stopped listening: the late result is dropped


def test_at_exit_the_app_waits_for_work_it_stopped_waiting_for(qtbot):
    """`camtool gui` calls wait_for_detached after the window has gone: no QThread is torn down running."""
    started, release = threading.Event(), threading.Event()
    worker = LatestOnlyWorker(_stuck_work(started, release), "camtool-test-exit")
    worker.submit(1)
    assert started.wait(5)
    try:
        assert worker.stop(wait_ms=10) is False
    finally:
        release.set()   # the device call returns (by its timeout, on a real device)
    assert wait_for_detached(5000)
    assert not detached_threads() and not running_threads()


def test_deleting_the_owner_of_a_stuck_worker_keeps_its_thread_alive_until_it_ends(qtbot):
    started, release = threading.Event(), threading.Event()
    owner = QObject()
    worker = LatestOnlyWorker(_stuck_work(started, release), "camtool-test-stuck-owned", owner)
    worker.submit(1)
    assert started.wait(5)
    del worker
    try:
        shiboken6.delete(owner)   # Qt deletes the panel; the QThread must not be destroyed running
        gc.collect()
        assert [t.objectName() for t in detached_threads()] == ["camtool-test-stuck-owned"]
    finally:
        release.set()
    qtbot.waitUntil(lambda: not running_threads() and not detached_threads(), timeout=5000)


def _parse_the_answer(request):
    raise ValueError(f"no answer in {request!r}")


@pytest.mark.parametrize("error, level", [(None, logging.ERROR), (DeviceTimeout("kiosk-1"), logging.INFO)])
def test_a_failing_requests_traceback_reaches_the_log(qtbot, caplog, error, level):
    """A bug's traceback is logged as an error; a device that times out (its message says what to
    do) only as information. The window gets the one-line message either way."""
    def work(request):
        if error is not None:
            raise error
        return _parse_the_answer(request)

    caplog.set_level(logging.INFO, logger="camtool.gui.workers")
    worker = LatestOnlyWorker(work, "camtool-test-traceback")
    try:
        with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
            worker.submit("x")
    finally:
        worker.stop()
    records = [r for r in caplog.records if r.name == "camtool.gui.workers" and r.exc_info]
    assert [r.levelno for r in records] == [level]
    assert "camtool-test-traceback: the work failed" in caplog.text and "Traceback" in caplog.text
    if error is None:
        assert "in _parse_the_answer" in caplog.text   # the frame where it broke, not only its text
        assert failed.args[1] == "ValueError: no answer in 'x'"
