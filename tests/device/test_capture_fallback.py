"""A device whose screenrecord gives no picture: the source says so and falls back to screencap."""

from __future__ import annotations

import io as stdio
import threading

import cv2
import numpy as np
import pytest

from camtool.device.capture import ScreenrecordSource, SourceState

pytestmark = pytest.mark.timeout(60)


class NoScreenrecordIO:
    """Answers screenrecord like a device without it, and screencap with a small PNG."""

    def __init__(self) -> None:
        ok, png = cv2.imencode(".png", np.full((40, 60, 3), 200, np.uint8))
        self.png = png.tobytes()
        self.recordings = 0
        self.lock = threading.Lock()

    def stream(self, serial, command, timeout=10.0):
        with self.lock:
            self.recordings += 1
        return stdio.BytesIO(b"/system/bin/sh: screenrecord: not found\n")

    def exec_out(self, serial, command, timeout=10.0):
        assert list(command) == ["screencap", "-p"]
        return self.png


def test_no_picture_from_screenrecord_falls_back_to_screencap(wait_until):
    device = NoScreenrecordIO()
    states: list[tuple[SourceState, str]] = []
    source = ScreenrecordSource(device, "SER", on_state=lambda state, detail: states.append((state, detail)))
    with source:
        assert wait_until(lambda: source.frames_delivered >= 1, timeout=30)
    assert source.using_screencap
    assert device.recordings == 2            # tried twice, then stopped asking (no spinning)
    streaming = [detail for state, detail in states if state is SourceState.STREAMING]
    assert streaming and "screencap" in streaming[0] and "one frame per second" in streaming[0]
    assert source.latest().image.shape == (40, 60, 3)


def test_fallback_can_be_refused(wait_until):
    device = NoScreenrecordIO()
    source = ScreenrecordSource(device, "SER", fallback_to_screencap=False)
    with source:
        assert wait_until(lambda: device.recordings >= 3, timeout=30)
    assert not source.using_screencap and source.frames_delivered == 0


def test_a_capture_thread_stop_gave_up_on_is_not_revived_by_the_next_start():
    """stop() waits a bounded time; a thread still in a slow adb call then must end when that
    call returns, even if start() came meanwhile: never two threads streaming for one view."""
    import threading

    from camtool.device.capture import _SourceBase

    in_call, release = threading.Event(), threading.Event()
    runs: list[str] = []

    class SlowFirstCall(_SourceBase):
        def _run(self) -> None:
            name = threading.current_thread().name
            if not runs:                     # the first thread: stuck in a "device call"
                runs.append("first")
                in_call.set()
                release.wait(10)
            while not self._stop.is_set():   # then streams until its own stop
                runs.append(name)
                self._stop.wait(0.01)

    source = SlowFirstCall().start()
    assert in_call.wait(5)
    first = source._thread
    source.stop(timeout=0.01)               # gives up: the call is still in hand
    assert first.is_alive()
    source.start()                           # the view is switched on again at once
    release.set()
    first.join(5)
    assert not first.is_alive()              # it ended instead of streaming on unseen
    source.stop()
    assert not any(t is first for t in threading.enumerate())
