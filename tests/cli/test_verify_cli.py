"""`camtool verify`: the 16-mounting matrix on the virtual device (built-in and USB camera, from an
empty config, with --apply), picture files, profiles and reports, and the exit codes."""

from __future__ import annotations

import json
import tomllib

import cv2
import pytest

from camtool import exitcodes, i18n
from camtool.cli import main
from camtool.config.profiles import Profile, ProfileLibrary
from camtool.config.semantics import ALL_TURNS, REASON_MIRROR, REASON_PREVIEW_FIXED, Turn, ends_for
from camtool.resources import resource
from camtool.virtual.device import VirtualDevice
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.screens import end_screen

PACKAGE = "com.example.doorbell"


def scenario_with_mounting(tmp_path, name: str, mounting: Turn):
    """A shipped scenario whose camera is mounted as given, with small screens, as a tmp JSON file."""
    data = tomllib.loads(resource("scenarios", f"{name}.toml").read_text(encoding="utf-8"))
    data["device"]["screen"] = {"width": 480, "height": 270}
    data.setdefault("wechat_phone", {})["screen"] = {"width": 270, "height": 480}
    turn = {"rotation": mounting.rotation, "mirrored": mounting.mirrored}
    if data.get("usb_devices"):
        data["usb_devices"][0]["mounting"] = turn     # intercom-rk3588: the USB camera behind the external HAL
    else:
        data["builtin_cameras"][0]["mounting"] = turn
    path = tmp_path / f"{name}-{mounting.rotation}-{int(mounting.mirrored)}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _messages(data: dict, code: str) -> list[tuple[str | None, str]]:
    return [(e["end"], e["message"]) for e in data["explanations"] if e["code"] == code]


@pytest.mark.parametrize("mounting", ALL_TURNS, ids=lambda t: f"{t.rotation}{'-mirrored' if t.mirrored else ''}")
def test_builtin_camera_matrix_from_an_empty_config(adb_server, tmp_path, capsys, mounting):
    """tablet-a12's back camera: the push gets upright; the preview and mirroring are explained exactly."""
    with VirtualDevice(scenario_with_mounting(tmp_path, "tablet-a12", mounting)).start(adb_server) as vd:
        code, out, _ = run_cli(capsys, "verify", "--serial", vd.serial, "--wechat-serial", vd.wechat_serial,
                               "--apply", "--package", PACKAGE, "--format", "json")
        live = vd.state.snapshot().config
    data = json.loads(out)
    wechat, device = data["ends"]["wechat"], data["ends"]["device"]
    assert wechat["detected"] and wechat["upright"] and wechat["rotation"] == 0
    assert wechat["mirrored"] == mounting.mirrored
    assert device["rotation"] == mounting.rotation and device["mirrored"] == mounting.mirrored
    assert (live or {}) == data["recommended"]   # what the device runs is what camtool recommends
    preview = _messages(data, "preview_fixed")
    assert preview == ([("device", i18n.tr(REASON_PREVIEW_FIXED))] if mounting.rotation else [])
    mirror = sorted(_messages(data, "mirror"))
    assert mirror == ([("device", i18n.tr(REASON_MIRROR)), ("wechat", i18n.tr(REASON_MIRROR))]
                      if mounting.mirrored else [])
    passed = mounting == Turn()
    assert (code, data["verdict"]) == ((exitcodes.OK, "pass") if passed else (exitcodes.NO, "fail"))


@pytest.mark.parametrize("mounting", ALL_TURNS, ids=lambda t: f"{t.rotation}{'-mirrored' if t.mirrored else ''}")
def test_usb_camera_matrix_from_an_empty_config(adb_server, tmp_path, capsys, mounting):
    """intercom-rk3588's USB camera (opened through the external HAL by an empty config): both ends
    end upright, by USB keys when the preview needs turning; only mirroring is left, explained."""
    with VirtualDevice(scenario_with_mounting(tmp_path, "intercom-rk3588", mounting)).start(adb_server) as vd:
        code, out, _ = run_cli(capsys, "verify", "--serial", vd.serial, "--wechat-serial", vd.wechat_serial,
                               "--apply", "--package", PACKAGE, "--format", "json")
        live = vd.state.snapshot().config
    data = json.loads(out)
    for end in ("device", "wechat"):
        assert data["ends"][end]["upright"] and data["ends"][end]["mirrored"] == mounting.mirrored
    assert (live or {}) == data["recommended"]
    if mounting.rotation:
        assert data["recommended"]["usbSerialNumber"] == "SN20231108A2"
        assert data["recommended"]["usbCameraRotationAngle"] == (360 - mounting.rotation) % 360
        assert "internalCameraName" not in data["recommended"]
    assert _messages(data, "preview_fixed") == []
    mirror = sorted(_messages(data, "mirror"))
    assert mirror == ([("device", i18n.tr(REASON_MIRROR)), ("wechat", i18n.tr(REASON_MIRROR))]
                      if mounting.mirrored else [])
    assert code == (exitcodes.NO if mounting.mirrored else exitcodes.OK)


def _pictures(tmp_path, mounting: Turn, config: dict) -> tuple[str, str]:
    effect = ends_for(config)
    picture = picture_of_mounted_camera(mounting)
    paths = []
    for name, turn, size in (("device.png", effect.device_end, (480, 270)), ("wechat.jpg", effect.wechat_end, (270, 480))):
        path = tmp_path / name
        cv2.imwrite(str(path), end_screen(picture, turn, size))
        paths.append(str(path))
    return paths[0], paths[1]


def test_picture_files_pass_and_fail(tmp_path, capsys):
    device, wechat = _pictures(tmp_path, Turn(), {})
    assert run_cli(capsys, "verify", "--device-image", device, "--wechat-image", wechat)[0] == exitcodes.OK
    device, wechat = _pictures(tmp_path, Turn(180), {})
    config = tmp_path / "config.json"
    config.write_text("{}", encoding="utf-8")
    code, out, _ = run_cli(capsys, "verify", "--device-image", device, "--wechat-image", wechat,
                           "--config", str(config))
    assert code == exitcodes.NO
    assert '"cameraRotationAngle": 180' in out and "FAIL" in out


def test_profile_run_adds_a_record_and_writes_a_report(tmp_path, capsys):
    library = ProfileLibrary(tmp_path / "profiles")
    library.save(Profile(sku="door-1", config={"internalCameraName": "0"}))
    device, wechat = _pictures(tmp_path, Turn(90), {"internalCameraName": "0"})
    report = tmp_path / "report.html"
    code, out, err = run_cli(capsys, "verify", "--device-image", device, "--wechat-image", wechat, "--profile", "door-1",
                             "--profiles", str(library.directory), "--report", str(report), "--format", "json")
    assert code == exitcodes.NO and json.loads(out)["verdict"] == "fail"   # stdout stays one JSON object
    records = ProfileLibrary(library.directory).load("door-1").verifications
    assert len(records) == 1 and records[0]["ends"]["wechat"]["rotation"] == 90
    assert (library.directory / records[0]["thumbnails"]["device"]).is_file()
    html = report.read_text(encoding="utf-8")
    assert html.count("data:image/jpeg;base64,") == 2 and "report.html" in err


@pytest.mark.parametrize("argv", [
    ["verify"],                                                        # neither a device nor a picture
    ["verify", "--serial", "X", "--device-image", "a.png"],           # both
    ["verify", "--device-image", "missing.png"],                      # unreadable picture
    ["verify", "--device-image", "a.png", "--apply"],                 # apply needs a device
    ["verify", "--device-image", "a.png", "--config", "nothere.json"],  # unreadable config
    ["verify", "--device-image", "a.png", "--report", "no/such/dir/r.html"],
    ["verify", "--device-image", "a.png", "--profile", "nobody", "--profiles", "."],
    ["verify", "--serial", "X", "--apply"],                           # apply without a package
    ["verify", "--config", "a.json", "--profile", "p"],              # argparse: mutually exclusive
])
def test_usage_errors_exit_2_with_a_message_and_no_traceback(tmp_path, monkeypatch, capsys, argv):
    monkeypatch.chdir(tmp_path)
    cv2.imwrite(str(tmp_path / "a.png"), end_screen(picture_of_mounted_camera(Turn()), Turn(), (480, 270)))
    code, _, err = run_cli(capsys, *argv)
    assert code == exitcodes.USAGE
    assert err.strip() and "Traceback" not in err


def test_a_picture_that_is_not_an_image_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "photo.png"
    bad.write_text("not a picture", encoding="utf-8")
    code, _, err = run_cli(capsys, "verify", "--device-image", str(bad))
    assert code == exitcodes.USAGE and "photo.png" in err


def test_an_unknown_serial_exits_3_with_what_to_do(adb_server, capsys):
    code, _, err = run_cli(capsys, "verify", "--serial", "127.0.0.1:1")
    assert code == exitcodes.UNAVAILABLE and "camtool devices" in err


def test_help_and_messages_in_chinese(tmp_path, capsys):
    device, wechat = _pictures(tmp_path, Turn(90), {})
    code, out, _ = run_cli(capsys, "--lang", "zh", "verify", "--device-image", device, "--wechat-image", wechat)
    assert code == exitcodes.NO and "结论：未通过" in out and "设备端" in out
    assert run_cli(capsys, "--lang", "zh", "verify", "--help")[1].count("微信端") >= 1
