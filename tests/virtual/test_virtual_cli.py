"""`camtool virtual list` and `camtool virtual start` as a technician runs them."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading

import pytest

from camtool.cli import main


def test_list_shows_the_shipped_scenarios_with_the_default_marked(capsys):
    assert main(["virtual", "list"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^tablet-a12 \(default\): \S", out, re.MULTILINE)
    assert "intercom-rk3588: " in out


def test_list_speaks_chinese_when_asked(capsys):
    assert main(["--lang", "zh", "virtual", "list"]) == 0
    assert "tablet-a12（默认）：" in capsys.readouterr().out


@pytest.mark.parametrize("argv, words", [
    (["--scenario", "no-such-scenario"], "No scenario named"),
    (["--fault", "explode"], "Unknown fault"),
    (["--fault", "latency=soon"], "whole number"),
    (["--port", "5555"], "emulator range"),
    (["--port", "70000"], "not a TCP port"),
])
def test_bad_options_exit_2_with_a_sentence_not_a_traceback(capsys, argv, words):
    assert main(["virtual", "start", *argv]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_a_replay_directory_that_is_not_a_capture_exits_2(capsys, tmp_path):
    assert main(["virtual", "start", "--replay", str(tmp_path)]) == 2
    assert "capture.json" in capsys.readouterr().err


def test_virtual_without_a_subcommand_shows_its_help(capsys):
    assert main(["virtual"]) == 2
    assert "start" in capsys.readouterr().err


def _lines(stream, into: queue.Queue) -> None:
    for line in iter(stream.readline, ""):
        into.put(line)
    into.put(None)


@pytest.mark.adb
@pytest.mark.skipif(sys.platform.startswith("win"), reason="Ctrl+C is sent as SIGINT, which Windows consoles do not deliver this way")
def test_start_attaches_prints_serials_and_detaches_on_ctrl_c(adb_server, wait_until):
    env = dict(adb_server.env, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "camtool", "virtual", "start", "--scenario", "intercom-rk3588",
                             "--fault", "no-wmpf"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
    lines: queue.Queue = queue.Queue()
    reader = threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True)
    reader.start()
    output = []
    try:
        while not any("Ctrl+C" in line for line in output):
            line = lines.get(timeout=60)
            assert line is not None, "camtool exited early: " + "".join(output) + proc.stderr.read()
            output.append(line)
        text = "".join(output)
        serial = re.search(r"device end:\s+(\S+)", text).group(1)
        phone = re.search(r"WeChat end:\s+(\S+)", text).group(1)
        assert f"adb server on port {adb_server.port}" in text
        assert adb_server.state(serial) == "device" and adb_server.state(phone) == "device"
        device = adb_server.client().device(serial)
        assert "versionName=" not in device.shell("dumpsys package com.tencent.wmpf")  # --fault no-wmpf
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        reader.join(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
    rest = []
    while (line := lines.get(timeout=5)) is not None:
        rest.append(line)
    assert "Detached and stopped." in "".join(rest)
    assert adb_server.state(serial) is None and adb_server.state(phone) is None
    assert os.environ.get("ANDROID_ADB_SERVER_PORT") == str(adb_server.port)
