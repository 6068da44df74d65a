"""Ordinary faults around the process are no internal error: a reader that goes away, a wrong adb port setting."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from camtool.cli import main

CAMTOOL = [sys.executable, "-m", "camtool"]


@pytest.mark.parametrize("command", [["rules"], ["schema"], ["rules", "--format", "markdown"]])
def test_output_into_a_closed_pipe_ends_quietly(command):
    """`camtool rules | true`: the reader is gone before camtool writes; no traceback, no exit 70."""
    proc = subprocess.Popen([*CAMTOOL, *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()   # as `true` does: it never reads
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 70
    assert b"internal error" not in err and b"Traceback" not in err and b"Exception ignored" not in err
    assert err == b""


def test_export_into_head_ends_quietly(tmp_path):
    config = tmp_path / "c.json"
    config.write_text('{"internalCameraName": "0", "uiNote": "%s"}' % ("x" * 300_000), encoding="utf-8")
    shell = f"{subprocess.list2cmdline([*CAMTOOL, 'export', str(config)])} | head -c 10 >/dev/null"
    if sys.platform == "win32":
        pytest.skip("POSIX shell pipeline")
    done = subprocess.run(["sh", "-c", f"{shell}; echo status=$?"], capture_output=True, timeout=60)
    assert b"internal error" not in done.stderr and b"Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("value", ["notaport", "99999", "0", "-1", "50 37"])
@pytest.mark.parametrize("command", [["devices"], ["cameras"], ["apply", "x.json", "--package", "com.example.app"],
                                     ["validate", "x.json", "--serial", "S"], ["verify", "--serial", "S"]])
def test_a_broken_adb_port_setting_is_a_usage_error_naming_it(monkeypatch, capsys, tmp_path, value, command):
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", value)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.json").write_text('{"internalCameraName": "0"}', encoding="utf-8")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "ANDROID_ADB_SERVER_PORT" in err and value in err
    assert "internal error" not in err and "adb said" not in err


def test_virtual_start_with_a_broken_adb_port_setting(monkeypatch, capsys):
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", "notaport")
    assert main(["virtual", "start"]) == 2
    assert "ANDROID_ADB_SERVER_PORT" in capsys.readouterr().err
