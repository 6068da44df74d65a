"""Live capture through the real adb server: every scenario's screen decodes with increasing stamps;
the screenrecord source restarts at its time limit without the consumer losing more than one frame.

Continuity is asserted on the frame stamps' numbers (and their order), never on times.
"""

from __future__ import annotations

import threading

import pytest

from camtool.device.adb_io import AdbDeviceIO
from camtool.device.capture import Frame, ScreencapSource, ScreenrecordSource, SourceState
from camtool.virtual.device import VirtualDevice
from camtool.virtual.scenario import list_scenarios

pytestmark = pytest.mark.timeout(180)

SCENARIOS = [name for name, _ in list_scenarios()]


def runs_of(frames: list[Frame]) -> list[list[int]]:
    """Stamp frame numbers split into recordings (each recording numbers its frames from 0)."""
    runs: list[list[int]] = []
    for frame in frames:
        number = frame.stamp.frame_number
        if not runs or number <= runs[-1][-1]:
            runs.append([])
        runs[-1].append(number)
    return runs


class Collector:
    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self._lock = threading.Lock()

    def __call__(self, frame: Frame) -> None:
        with self._lock:
            # Keep stamps only: the images are not needed and would pile up.
            self.frames.append(Frame(None, frame.arrival_ns, frame.index, frame.stamp))

    def count(self) -> int:
        with self._lock:
            return len(self.frames)


@pytest.mark.parametrize("name", SCENARIOS)
def test_screen_of_every_scenario_decodes_with_increasing_stamps(name, adb_server, wait_until):
    io = AdbDeviceIO(port=adb_server.port)
    collect = Collector()
    with VirtualDevice(name).start(adb_server) as device:
        with ScreenrecordSource(io, device.serial, on_frame=collect) as source:
            assert wait_until(lambda: collect.count() >= 8, timeout=60), source.state_detail
    frames = collect.frames
    assert all(f.stamp is not None for f in frames), "every decoded frame carries a readable stamp"
    numbers = [f.stamp.frame_number for f in frames]
    assert numbers == sorted(set(numbers)), numbers          # strictly increasing
    assert [f.index for f in frames] == list(range(1, len(frames) + 1))
    arrivals = [f.arrival_ns for f in frames]
    assert arrivals == sorted(arrivals)


def test_wechat_end_is_just_another_device(virtual_device, adb_server, wait_until):
    io = AdbDeviceIO(port=adb_server.port)
    collect = Collector()
    with ScreenrecordSource(io, virtual_device.wechat_serial, size=(360, 640), on_frame=collect):
        assert wait_until(lambda: collect.count() >= 3, timeout=60)
    assert all(f.stamp is not None for f in collect.frames)


def test_restart_at_the_time_limit_loses_at_most_one_frame(virtual_device, adb_server, wait_until):
    io = AdbDeviceIO(port=adb_server.port)
    collect = Collector()
    source = ScreenrecordSource(io, virtual_device.serial, size=(640, 400), time_limit=2, on_frame=collect)
    with source:
        assert wait_until(lambda: source.restarts >= 2, timeout=60)
        seen = collect.count()
        assert wait_until(lambda: collect.count() > seen + 3, timeout=30)
    frames = collect.frames
    assert all(f.stamp is not None for f in frames)
    runs = runs_of(frames)
    assert len(runs) >= 3, runs                              # two switches to a new recording at least
    for run in runs[1:]:
        assert run[0] == 0, runs                             # the new recording's first frame reached the consumer
    for run in runs:
        steps = [b - a for a, b in zip(run, run[1:])]
        assert all(step >= 1 for step in steps)
        assert sum(step - 1 for step in steps) <= 1, run     # at most one frame missing in a recording
    assert [f.index for f in frames] == list(range(1, len(frames) + 1))


def test_slow_consumer_gets_the_newest_frame_and_no_backlog(virtual_device, adb_server, wait_until):
    io = AdbDeviceIO(port=adb_server.port)
    with ScreenrecordSource(io, virtual_device.serial, size=(640, 400)) as source:
        assert wait_until(lambda: source.latest() is not None, timeout=60)
        first = source.latest()
        # A consumer that looked away: the next look gives a newer frame, never a queued old one.
        assert wait_until(lambda: source.latest().index > first.index + 5, timeout=30)
        newest = source.latest()
        assert newest.stamp.frame_number > first.stamp.frame_number
        assert newest.index == source.frames_delivered


def test_screencap_fallback_delivers_stamped_frames(virtual_device, adb_server, wait_until):
    io = AdbDeviceIO(port=adb_server.port)
    collect = Collector()
    states: list[SourceState] = []
    with ScreencapSource(io, virtual_device.serial, interval_s=0.2, on_frame=collect,
                         on_state=lambda state, detail: states.append(state)):
        assert wait_until(lambda: collect.count() >= 2, timeout=60)
    numbers = [f.stamp.frame_number for f in collect.frames]
    assert numbers == sorted(set(numbers))
    assert states[0] is SourceState.STARTING and SourceState.STREAMING in states and states[-1] is SourceState.STOPPED
