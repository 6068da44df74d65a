"""`camtool record` on the virtual device: a clip PyAV plays back, and Ctrl+C leaves a playable file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import av
import pytest

from camtool import exitcodes
from camtool.cli import main


def clip_facts(path):
    """(seconds, frame rate, frames, width, height) of an MP4, from decoding it."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        pts = [frame.pts for frame in container.decode(stream)]
        ticks = [p * stream.time_base * 30 for p in pts]
        assert all(t.denominator == 1 for t in ticks), "every frame sits on the 30 frames/s grid"
        seconds = float(ticks[-1] + 1) / 30   # the last frame lasts one tick
        return seconds, float(stream.guessed_rate), len(pts), stream.width, stream.height


def test_three_seconds_of_both_ends(virtual_device, tmp_path, capsys):
    target = tmp_path / "call.mp4"
    code = main(["record", "--serial", virtual_device.serial, "--wechat-serial", virtual_device.wechat_serial,
                 "--seconds", "3", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == exitcodes.OK and str(target) in out and "Recording: 2 s of 3 s" in err
    seconds, rate, frames, width, height = clip_facts(target)
    assert seconds == pytest.approx(3.0, abs=0.05) and rate == 30 and width > height
    # A busy machine skips ticks rather than stretching the clip: never more than 90 frames.
    assert 0 < frames <= 90
    assert [p.name for p in tmp_path.iterdir()] == ["call.mp4"]


def test_device_end_alone_is_its_own_shape(virtual_device, tmp_path, capsys):
    target = tmp_path / "device.mp4"
    assert main(["record", "--serial", virtual_device.serial, "--seconds", "1", "-o", str(target)]) == exitcodes.OK
    _seconds, _rate, _frames, width, height = clip_facts(target)
    screen = virtual_device.scenario.device.screen
    # one panel as wide as the device screen's aspect, plus the label bar on top
    assert width == pytest.approx(720 * screen.width / screen.height, abs=2) and height > 720


@pytest.mark.parametrize("argv,words", [
    (["--seconds", "3", "-o", "x.avi"], ".mp4"),
    (["--seconds", "0", "-o", "x.mp4"], "--seconds"),
    (["--seconds", "3", "-o", "no/such/x.mp4"], "does not exist"),
])
def test_usage_errors(tmp_path, monkeypatch, capsys, argv, words):
    monkeypatch.chdir(tmp_path)
    assert main(["record", "--serial", "X", *argv]) == exitcodes.USAGE
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_a_missing_device_is_exit_3(adb_server, tmp_path, capsys):
    assert main(["record", "--serial", "127.0.0.1:9", "--seconds", "1", "-o", str(tmp_path / "x.mp4")]) == 3
    assert "127.0.0.1:9" in capsys.readouterr().err and not (tmp_path / "x.mp4").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is a POSIX test")
def test_ctrl_c_mid_record_leaves_a_playable_file(virtual_device, adb_server, tmp_path):
    target = tmp_path / "stopped.mp4"
    env = dict(os.environ, ANDROID_ADB_SERVER_PORT=str(adb_server.port), LANG="C")
    child = subprocess.Popen([sys.executable, "-m", "camtool", "record", "--serial", virtual_device.serial,
                              "--wechat-serial", virtual_device.wechat_serial, "--seconds", "60", "-o", str(target)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        for line in child.stderr:             # progress: one line per recorded second
            if "Recording: 1 s" in line:
                break
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == exitcodes.OK, err
    seconds, _rate, _frames, width, height = clip_facts(target)
    assert 1.0 <= seconds < 30 and width > height
    assert [p.name for p in tmp_path.iterdir()] == ["stopped.mp4"]


def test_the_camera_itself_can_be_recorded_on_android_12(adb_server, tmp_path, capsys):
    """--source camera: the device end is the camera's own picture through the user's scrcpy server
    file (any file stands in on the virtual device); below Android 12 it is refused in words."""
    from camtool.virtual.device import VirtualDevice

    server = tmp_path / "scrcpy-server"
    server.write_bytes(b"a file standing in for the server jar")
    target = tmp_path / "camera.mp4"
    with VirtualDevice("tablet-a12").start(adb_server) as vd:
        code = main(["record", "--serial", vd.serial, "--source", "camera", "--camera-id", "1",
                     "--scrcpy-server", str(server), "--seconds", "1", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == exitcodes.OK, err
    seconds, rate, frames, _width, _height = clip_facts(target)
    assert seconds == pytest.approx(1.0, abs=0.05) and frames > 0
    with VirtualDevice("intercom-a9").start(adb_server) as old:
        code = main(["record", "--serial", old.serial, "--source", "camera", "--camera-id", "0",
                     "--scrcpy-server", str(server), "--seconds", "1", "-o", str(tmp_path / "old.mp4")])
    out, err = capsys.readouterr()
    assert code == exitcodes.NO and "Android 12" in err and not (tmp_path / "old.mp4").exists()
    assert main(["record", "--serial", "x", "--camera-id", "1", "--seconds", "1", "-o", str(target)]) == exitcodes.USAGE
