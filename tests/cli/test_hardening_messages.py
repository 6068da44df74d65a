"""Messages that name the real problem: encodings, a missing WMPF, adb's start-up chatter."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from camtool.cli import main
from camtool.virtual.device import VirtualDevice

CONFIG = '{"internalCameraName": "0"}'


@pytest.mark.parametrize("encoding,name", [
    ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
])
def test_wide_encodings_are_named(tmp_path, capsys, encoding, name):
    path = tmp_path / "c.json"
    path.write_bytes(CONFIG.encode(encoding))
    assert main(["validate", str(path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["code"] for f in findings] == ["CAM002"]
    assert f"is {name} text, not UTF-8" in findings[0]["message"]
    assert "malformed" not in findings[0]["message"]


def test_verify_on_a_device_without_wmpf_says_so(adb_server, capsys):
    with VirtualDevice("tablet-a12").start(adb_server) as vd:
        vd.set_wmpf_installed(False)
        code = main(["verify", "--serial", vd.serial, "--wechat-serial", vd.wechat_serial])
    out, err = capsys.readouterr()
    assert code == 1
    assert "WMPF is not installed" in err and "no chart" not in (out + err).lower()


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for adb")
@pytest.mark.parametrize("command", [["bench", "--seconds", "1"], ["bench", "--serial", "X", "--seconds", "1"], ["devices"]])
def test_adb_start_up_chatter_is_not_shown_as_the_reason(tmp_path, monkeypatch, capsys, command):
    fake = tmp_path / "adb"
    fake.write_text("#!/bin/sh\n"
                    "echo '* daemon not running; starting now at tcp:5037' >&2\n"
                    "echo 'error: could not install *smartsocket* listener: Address already in use' >&2\n"
                    "echo '* failed to start daemon' >&2\n"
                    "exit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("ADBUTILS_ADB_PATH", str(fake))
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", "1")   # nothing listens there: camtool tries to start adb
    assert main(command) == 3
    err = capsys.readouterr().err
    assert "Address already in use" in err
    assert "daemon not running" not in err and "starting now" not in err and "\n" not in err.rstrip("\n")
