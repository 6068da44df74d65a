"""The leak check itself: a worker thread, timer or process left running is reported."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from camtool.gui.workers import LatestOnlyWorker, running_threads
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
    import shiboken6
    from PySide6.QtCore import QObject

    owner = QObject()
    LatestOnlyWorker(lambda request: request, "camtool-test-owned", owner)
    assert running_threads()
    shiboken6.delete(owner)     # as Qt deletes a panel that was never shown or closed
    assert not running_threads()
