"""The evidence clip: both ends side by side in an H.264 MP4 that PyAV plays back."""

from __future__ import annotations

import datetime as _dt
import threading

import av
import numpy as np
import pytest

from camtool.vision.clip import ClipWriter, SideBySide, panels_for
from camtool.vision.recording import EndFeed, NoPicture, record_ends

RED, BLUE = (0, 0, 255), (255, 0, 0)


def solid(h, w, bgr):
    image = np.empty((h, w, 3), np.uint8)
    image[:] = bgr
    return image


def test_device_end_left_wechat_end_right_each_in_its_own_shape():
    device, phone = solid(270, 480, RED), solid(480, 270, BLUE)
    layout = SideBySide(panels_for(["Device end", "WeChat end"], [device, phone], 360))
    frame = layout.compose([device, phone], 1.5, _dt.datetime(2026, 1, 1, 12, 0, 0))
    assert frame.shape == (layout.height, layout.width, 3) and layout.width > layout.height
    assert layout.panels[0].width == 640 and layout.panels[1].width == 202   # 16:9 and 9:16 at 360 high
    mid_left = frame[layout.bar + 180, 320]
    mid_right = frame[layout.bar + 180, 640 + 101]
    assert tuple(mid_left) == RED and tuple(mid_right) == BLUE
    assert frame[: layout.bar].max() > 200   # the label bar carries text (labels and the clock)


def test_a_missing_end_is_a_placeholder_until_its_first_picture():
    layout = SideBySide(panels_for(["a", "b"], [solid(100, 100, RED), None], 100))
    frame = layout.compose([solid(100, 100, RED), None], 0.0, _dt.datetime.now())
    assert layout.panels[1].width == 56 and frame[layout.bar + 50, 100 + 28].max() < 60


def read_clip(path):
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        pts = [frame.pts for frame in container.decode(stream)]
        return stream.codec_context.name, stream.width, stream.height, stream.time_base, pts


def test_a_recording_plays_back_at_its_length_and_rate(tmp_path):
    target = tmp_path / "clip.mp4"
    counter = [0]

    def device():
        counter[0] += 1
        return solid(90, 160, (counter[0] % 255, 0, 0))

    figures = record_ends([EndFeed("Device end", device), EndFeed("WeChat end", lambda: solid(160, 90, BLUE))],
                          target, seconds=1.0, stop=threading.Event(), fps=30, panel_height=180)
    codec, width, height, time_base, pts = read_clip(target)
    assert codec == "h264" and width > height
    duration = float(pts[-1] * time_base) + 1 / 30
    assert abs(float(duration) - 1.0) < 0.05 and figures.seconds == pytest.approx(1.0, abs=0.05)
    assert len(pts) == figures.frames and figures.frames + figures.skipped_ticks == 30
    assert not figures.interrupted and list(tmp_path.iterdir()) == [target]   # no temporary file left


def test_stop_ends_the_clip_early_and_it_still_plays(tmp_path):
    target = tmp_path / "clip.mp4"
    stop = threading.Event()
    frames = [0]

    def device():
        frames[0] += 1
        if frames[0] == 12:
            stop.set()   # as Stop in the window or Ctrl+C would, mid-recording
        return solid(90, 160, RED)

    figures = record_ends([EndFeed("Device end", device)], target, seconds=30.0, stop=stop, panel_height=90)
    assert figures.interrupted and 0 < figures.frames < 30 * 30
    assert len(read_clip(target)[4]) == figures.frames


def test_no_picture_writes_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr("camtool.vision.recording.FIRST_PICTURE_TIMEOUT_S", 0.2)
    with pytest.raises(NoPicture, match="Device end"):
        record_ends([EndFeed("Device end", lambda: None)], tmp_path / "c.mp4", seconds=1, stop=threading.Event())
    assert list(tmp_path.iterdir()) == []


def test_an_aborted_writer_leaves_nothing(tmp_path):
    writer = ClipWriter(tmp_path / "c.mp4", 64, 48)
    writer.write(solid(48, 64, RED), 0)
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_mid_recording_is_raised_and_leaves_nothing(tmp_path, monkeypatch):
    from camtool.vision import clip

    written = [0]
    real_write = clip.ClipWriter.write_frame

    def full_disk(self, frame, pts):
        written[0] += 1
        if written[0] > 5:
            raise OSError(28, "No space left on device")
        real_write(self, frame, pts)
    monkeypatch.setattr(clip.ClipWriter, "write_frame", full_disk)
    with pytest.raises(OSError, match="No space left"):
        record_ends([EndFeed("Device end", lambda: solid(90, 160, RED))], tmp_path / "c.mp4", seconds=3.0,
                    stop=threading.Event(), panel_height=90)
    assert list(tmp_path.iterdir()) == []
