"""`camtool lab run` on virtual devices: one station passes, one fails, one has no device attached.

Verify uses screencap frames (small screens keep them cheap). The exit code, the JUnit XML as a
CI runner parses it, the reports folder and the JSON all have to tell the same story.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

import pytest

from camtool import exitcodes
from camtool.cli import main
from camtool.resources import resource
from camtool.virtual.device import VirtualDevice

MISSING = "127.0.0.1:9"   # nothing listens there: adb has no such device


def small_scenario(tmp_path, name: str, **device):
    data = tomllib.loads(resource("scenarios", f"{name}.toml").read_text(encoding="utf-8"))
    data["device"]["screen"] = {"width": 480, "height": 270}
    data.setdefault("wechat_phone", {})["screen"] = {"width": 270, "height": 480}
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def two_devices(adb_server, tmp_path):
    """tablet-a12 (upright with an empty config) and doorbell-ccw-vmirror (camera mounted turned)."""
    passing = VirtualDevice(small_scenario(tmp_path, "tablet-a12")).start(adb_server)
    failing = VirtualDevice(small_scenario(tmp_path, "doorbell-ccw-vmirror")).start(adb_server)
    yield passing, failing
    passing.stop()
    failing.stop()


def write_lab(tmp_path, passing, failing) -> str:
    (tmp_path / "configs").mkdir(exist_ok=True)
    (tmp_path / "configs" / "tablet.json").write_text("{}", encoding="utf-8")
    (tmp_path / "configs" / "doorbell.json").write_text('{"cameraRotationAngle": 0}', encoding="utf-8")
    lab = tmp_path / "lab.toml"
    lab.write_text(f"""
[[station]]
name = "tablet <1>"
serial = "{passing.serial}"
wechat_serial = "{passing.wechat_serial}"
config = "configs/tablet.json"

[[station]]
name = "doorbell-2"
serial = "{failing.serial}"
wechat_serial = "{failing.wechat_serial}"
config = "configs/doorbell.json"

[[station]]
name = "kiosk-3"
serial = "{MISSING}"
""", encoding="utf-8")
    return str(lab)


def test_three_stations_give_exit_1_junit_reports_and_json(two_devices, tmp_path, capsys):
    passing, failing = two_devices
    lab = write_lab(tmp_path, passing, failing)
    junit, reports = tmp_path / "out" / "junit.xml", tmp_path / "reports"
    (tmp_path / "out").mkdir()
    code = main(["lab", "run", lab, "--junit", str(junit), "--reports", str(reports), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == exitcodes.NO

    suite = ET.parse(junit).getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert list(cases) == ["tablet <1>", "doorbell-2", "kiosk-3"]
    assert list(cases["tablet <1>"]) == [cases["tablet <1>"].find("system-out")]   # a pass: no failure, no error
    failure = cases["doorbell-2"].find("failure")
    assert failure is not None and "cameraRotationAngle" in failure.text   # the key to change
    assert cases["doorbell-2"].get("classname") == "doorbell"
    error = cases["kiosk-3"].find("error")
    assert error is not None and MISSING in error.get("message") and cases["kiosk-3"].find("failure") is None
    assert all(float(c.get("time")) > 0 for c in cases.values())

    data = json.loads(out)
    assert [s["status"] for s in data["stations"]] == ["pass", "fail", "unavailable"]
    assert data["stations"][1]["recommended"]["cameraRotationAngle"] == 270
    assert data["passed"] is False

    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "tablet &lt;1&gt;" in index and "<1>" not in index          # escaped, linked, all three listed
    assert 'href="tablet_1.html"' in index and 'href="doorbell-2.html"' in index and "kiosk-3" in index
    assert index.count("<tr>") == 4
    report = (reports / "doorbell-2.html").read_text(encoding="utf-8")
    assert 'id="verdict">FAIL' in report and report.count("data:image/jpeg;base64,") == 2
    assert not (reports / "kiosk-3.html").exists()
    assert "[doorbell-2]" in err and "JUnit written" in err


def test_every_station_passing_exits_0_and_text_says_so(adb_server, tmp_path, capsys):
    with VirtualDevice(small_scenario(tmp_path, "tablet-a12")).start(adb_server) as vd:
        lab = tmp_path / "lab.toml"
        lab.write_text(f'[[station]]\nname = "only"\nserial = "{vd.serial}"\nwechat_serial = "{vd.wechat_serial}"\n',
                       encoding="utf-8")
        code = main(["lab", "run", str(lab)])
    out = capsys.readouterr().out
    assert code == exitcodes.OK and "PASS  only" in out and "1 of 1 stations pass." in out


def test_a_profile_station_applies_and_passes(adb_server, tmp_path, capsys):
    """`profile =` from the lab's library, `apply = true` with its package: fixed, then checked again."""
    from camtool.config.profiles import Profile, ProfileLibrary

    ProfileLibrary(tmp_path / "profiles").save(Profile(sku="DB-1", config={}))
    with VirtualDevice(small_scenario(tmp_path, "doorbell-ccw-vmirror")).start(adb_server) as vd:
        lab = tmp_path / "lab.toml"
        lab.write_text(f'profiles = "profiles"\n[[station]]\nname = "db"\nserial = "{vd.serial}"\n'
                       f'wechat_serial = "{vd.wechat_serial}"\nprofile = "DB-1"\npackage = "com.example.doorbell"\n'
                       f'apply = true\n', encoding="utf-8")
        code = main(["lab", "run", str(lab), "--format", "json"])
        live = vd.state.snapshot().config
    station = json.loads(capsys.readouterr().out)["stations"][0]
    assert station["sku"] == "DB-1" and live == station["recommended"] and live   # the device runs the fix
    assert code == (exitcodes.OK if station["status"] == "pass" else exitcodes.NO)


def test_options_that_cannot_work_are_usage_errors(tmp_path, capsys):
    lab = tmp_path / "lab.toml"
    lab.write_text('[[station]]\nname = "a"\nserial = "X"\n', encoding="utf-8")
    assert main(["lab", "run", str(lab), "--junit", str(tmp_path / "no" / "j.xml")]) == exitcodes.USAGE
    assert main(["lab", "run", str(lab), "--jobs", "0"]) == exitcodes.USAGE
    assert main(["lab", "run", str(tmp_path / "missing.toml")]) == exitcodes.USAGE
    err = capsys.readouterr().err
    assert "does not exist" in err and "--jobs" in err and "Traceback" not in err


def test_json_and_junit_keep_their_codes_in_chinese(adb_server, tmp_path, capsys):
    lab = tmp_path / "lab.toml"
    lab.write_text(f'[[station]]\nname = "gone"\nserial = "{MISSING}"\n', encoding="utf-8")
    outputs = {}
    for lang in ("en", "zh"):
        junit = tmp_path / f"{lang}.xml"
        code = main(["--lang", lang, "lab", "run", str(lab), "--format", "json", "--junit", str(junit)])
        data = json.loads(capsys.readouterr().out)
        case = ET.parse(junit).getroot().find("testsuite/testcase")
        outputs[lang] = (code, data["stations"][0]["status"], sorted(data["stations"][0]), case.get("name"),
                         [child.tag for child in case], data["stations"][0]["message"])
    assert outputs["en"][:5] == outputs["zh"][:5] == (exitcodes.NO, "unavailable", outputs["en"][2], "gone",
                                                      ["error", "system-out"])
    assert outputs["en"][5] != outputs["zh"][5]   # the sentence follows the language


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is a POSIX test")
def test_ctrl_c_writes_the_stations_that_finished(two_devices, adb_server, tmp_path):
    """A real Ctrl+C: the quick station is in the JUnit as passed, the slow one as skipped; exit 130."""
    passing, slow = two_devices
    slow.faults.latency_ms = 3000          # every command of the slow station answers 3 s late
    lab = tmp_path / "lab.toml"
    lab.write_text(f'[[station]]\nname = "quick"\nserial = "{passing.serial}"\n'
                   f'wechat_serial = "{passing.wechat_serial}"\n\n'
                   f'[[station]]\nname = "slow"\nserial = "{slow.serial}"\n', encoding="utf-8")
    junit = tmp_path / "junit.xml"
    env = dict(os.environ, ANDROID_ADB_SERVER_PORT=str(adb_server.port), LANG="C")
    child = subprocess.Popen([sys.executable, "-m", "camtool", "lab", "run", str(lab), "--junit", str(junit),
                              "--reports", str(tmp_path / "reports")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        for line in child.stderr:
            if line.startswith("[quick] PASS"):
                break
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130, out + err
    cases = {c.get("name"): c for c in ET.parse(junit).getroot().iter("testcase")}
    assert cases["quick"].find("failure") is None and cases["quick"].find("error") is None
    assert cases["slow"].find("skipped") is not None
    assert (tmp_path / "reports" / "quick.html").is_file() and "NOT RUN" in (tmp_path / "reports" / "index.html").read_text()
    assert "Interrupted" in err and "PASS  quick" in out
