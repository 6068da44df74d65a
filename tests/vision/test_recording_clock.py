"""The recording clock on a simulated clock: every picture a 30 frames/s device shows reaches the clip.

The device end's pictures carry the frame stamp (the virtual device's contract), so the test reads
back from the decoded MP4 which pictures made it and at which tick. Time is a fake clock that moves
only when the recorder waits, so the arrival pattern is exact, whatever the machine's load.
"""

from __future__ import annotations

import types

import av
import numpy as np
import pytest

from camtool.device.frame_stamp import Stamp, draw_stamp, read_stamp
from camtool.vision import recording
from camtool.vision.recording import MAX_LAG_S, EndFeed, PictureQueue, record_ends

FPS = 30


class FakeClock:
    """time.monotonic and a stop Event in one: waiting moves the time on (and runs what is due by then)."""

    def __init__(self) -> None:
        self.now = 100.0
        self._set = False
        self.due: list[tuple[float, object]] = []   # (time, callable) run once the clock passes the time

    def monotonic(self) -> float:
        return self.now

    def wait(self, timeout: float | None = None) -> bool:
        if not self._set:
            self.now += timeout or 0.0
            while self.due and self.due[0][0] <= self.now:
                self.due.pop(0)[1]()
        return self._set

    def set(self) -> None:
        self._set = True

    def is_set(self) -> bool:
        return self._set


def stamped_pictures(count: int) -> list[np.ndarray]:
    pictures = []
    for n in range(count):
        picture = np.full((360, 640, 3), 90, np.uint8)
        pictures.append(draw_stamp(picture, Stamp(n, 0, 0)))
    return pictures


def device_feed(clock: FakeClock, arrivals: list[float]):
    """The newest picture that has arrived by the clock's time (the same array object until the next)."""
    pictures = stamped_pictures(len(arrivals))

    def latest():
        shown = [p for p, at in zip(pictures, arrivals) if at <= clock.now]
        return shown[-1] if shown else None
    return latest


def clip_pictures(path) -> list[tuple[int, int | None]]:
    """(tick, the device end's frame number) of each frame in the clip."""
    out = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            image = frame.to_ndarray(format="bgr24")
            bar = image.shape[0] - 360
            stamp = read_stamp(image[bar:, :640])
            out.append((round(frame.pts * stream.time_base * FPS), None if stamp is None else stamp.frame_number))
    return out


@pytest.fixture
def clock(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(recording, "time", types.SimpleNamespace(monotonic=clock.monotonic))
    return clock


def test_two_pictures_within_one_tick_both_reach_the_clip(clock, tmp_path):
    # 30 pictures/s whose arrival jitters: pairs come 0.2 tick apart, then nothing for 1.8 ticks.
    # Sampling the newest picture on each tick would keep only one picture of each pair.
    start = clock.now
    arrivals = [start] + [start + (n + (0.4 if n % 2 == 0 else -0.4)) / FPS for n in range(1, 40)]
    target = tmp_path / "clip.mp4"
    figures = record_ends([EndFeed("Device end", device_feed(clock, arrivals))], target, seconds=1.0,
                          stop=clock, panel_height=360)
    frames = clip_pictures(target)
    numbers = [n for _tick, n in frames]
    assert None not in numbers
    arrived = [n for n, at in enumerate(arrivals) if at < start + 1.0]
    assert sorted(set(numbers)) == arrived[:len(set(numbers))] and len(set(numbers)) >= len(arrived) - 2
    assert figures.seconds == pytest.approx(1.0) and figures.skipped_ticks == 0
    for tick, n in frames:   # each picture shown at most two ticks after it came
        if numbers.count(n) == 1 or tick == min(t for t, m in frames if m == n):
            assert 0 <= tick - int((arrivals[n] - start) * FPS) <= 2


def test_a_faster_device_does_not_stretch_the_clip(clock, tmp_path):
    # 60 pictures/s: the clip keeps 30 frames/s of wall-clock time; a picture is at most MAX_LAG_S late.
    start = clock.now
    arrivals = [start + n / 60 for n in range(120)]
    target = tmp_path / "clip.mp4"
    figures = record_ends([EndFeed("Device end", device_feed(clock, arrivals))], target, seconds=1.0,
                          stop=clock, panel_height=360)
    frames = clip_pictures(target)
    assert [tick for tick, _n in frames] == list(range(30)) and figures.seconds == pytest.approx(1.0)
    numbers = [n for _tick, n in frames]
    assert numbers == sorted(numbers) and len(set(numbers)) == 30   # a new picture on every tick
    for tick, n in frames:
        assert 0 <= tick / FPS - (arrivals[n] - start) <= MAX_LAG_S + 1 / FPS


def test_a_burst_after_a_stall_plays_out_over_the_next_ticks(clock, tmp_path):
    # A busy link: nothing for 8 ticks, then 8 pictures at once. A source pushes every picture into
    # the end's queue (as `camtool record`'s capture does), so each one gets a tick of its own.
    start = clock.now
    pictures = stamped_pictures(40)
    queue = PictureQueue()
    queue.push(pictures[0])
    for n in range(1, 40):
        clock.due.append((start + (n // 8) * 8 / FPS + 0.01 / FPS, lambda n=n: queue.push(pictures[n])))
    target = tmp_path / "clip.mp4"
    record_ends([EndFeed("Device end", queue.latest, pictures=queue)], target, seconds=1.0, stop=clock,
                panel_height=360)
    numbers = [n for _tick, n in clip_pictures(target)]
    assert sorted(set(numbers)) == list(range(len(set(numbers)))) and len(set(numbers)) >= 30 - 2


def test_a_still_device_end_repeats_its_picture_and_the_clock_goes_on(clock, tmp_path):
    # screenrecord sends nothing while the screen does not change: the clip still has every tick.
    start = clock.now
    target = tmp_path / "clip.mp4"
    figures = record_ends([EndFeed("Device end", device_feed(clock, [start]))], target, seconds=1.0,
                          stop=clock, panel_height=360)
    frames = clip_pictures(target)
    assert frames == [(tick, 0) for tick in range(30)] and figures.repeated == 29
