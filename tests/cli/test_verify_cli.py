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


def scenario_with_bases(tmp_path, name: str, preview: Turn, push: Turn, app_config: dict):
    """A shipped scenario whose camera's preview and push paths turn as given, running `app_config`."""
    data = tomllib.loads(resource("scenarios", f"{name}.toml").read_text(encoding="utf-8"))
    data["device"]["screen"] = {"width": 480, "height": 270}
    data.setdefault("wechat_phone", {})["screen"] = {"width": 270, "height": 480}
    camera = data["usb_devices"][0] if data.get("usb_devices") else data["builtin_cameras"][0]
    camera["mounting"] = {"rotation": 0, "mirrored": False}
    camera["preview_turn"] = {"rotation": preview.rotation, "mirrored": preview.mirrored}
    camera["push_turn"] = {"rotation": push.rotation, "mirrored": push.mirrored}
    data["app_config"] = app_config
    path = tmp_path / f"{name}-{preview.rotation}{int(preview.mirrored)}-{push.rotation}{int(push.mirrored)}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _messages(data: dict, code: str) -> list[tuple[str | None, str]]:
    return [(e["end"], e["message"]) for e in data["explanations"] if e["code"] == code]


RK3588_TRIPLE = {"usbCameraVendorId": 0x0C45, "usbCameraProductId": 0x6366, "usbSerialNumber": "SN20231108A2"}
PREVIEWS = [Turn(r) for r in (0, 90, 180, 270)]


def _expected_usb(preview: Turn, push: Turn) -> tuple[int, bool, str | None]:
    """(rotation key, push flip, end left turned): worked out by hand from docs/domain.md's USB rule."""
    apart = (push.rotation - preview.rotation) % 360
    if apart in (0, 180):          # both upright: R = -preview base; the flip fixes a half turn
        return (-preview.rotation) % 360, apart == 180, None
    if preview.rotation != 0 and push.rotation == 0:
        return 0, False, "device"  # a quarter apart: the upright WeChat end is not turned
    return (-preview.rotation) % 360, False, "wechat"


@pytest.mark.parametrize("push", ALL_TURNS, ids=lambda t: f"push{t.rotation}{'m' if t.mirrored else ''}")
@pytest.mark.parametrize("preview", PREVIEWS, ids=lambda t: f"preview{t.rotation}")
def test_usb_camera_two_bases_matrix(adb_server, tmp_path, capsys, preview, push):
    """intercom-rk3588's USB camera, selected by its triple with no orientation key, every pair of
    bases: verify --apply ends with both ends upright, or exactly the quarter-turn explanation."""
    app = dict(RK3588_TRIPLE)
    config = tmp_path / "app.json"
    config.write_text(json.dumps(app), encoding="utf-8")
    scenario = scenario_with_bases(tmp_path, "intercom-rk3588", preview, push, app)
    with VirtualDevice(scenario).start(adb_server) as vd:
        code, out, _ = run_cli(capsys, "verify", "--serial", vd.serial, "--wechat-serial", vd.wechat_serial,
                               "--config", str(config), "--apply", "--package", PACKAGE, "--format", "json")
        live = vd.state.snapshot().config
    data = json.loads(out)
    rotation, flip, turned = _expected_usb(preview, push)
    expected = dict(app) if (rotation, flip) == (0, False) else {**app, "usbCameraRotationAngle": rotation,
                                                                  "usbCameraPushFlip": flip}
    assert data["recommended"] == expected and live == expected   # what the device runs now
    device, wechat = data["ends"]["device"], data["ends"]["wechat"]
    assert device["upright"] == (turned != "device") and wechat["upright"] == (turned != "wechat")
    assert (device["mirrored"], wechat["mirrored"]) == (False, push.mirrored)
    assert [end for end, _ in _messages(data, "quarter_apart")] == ([turned] if turned else [])
    assert _messages(data, "mirror") == ([("wechat", i18n.tr(REASON_MIRROR))] if push.mirrored else [])
    assert not _messages(data, "inconsistent") and not _messages(data, "preview_fixed")
    passed = turned is None and not push.mirrored
    assert (code, data["verdict"]) == ((exitcodes.OK, "pass") if passed else (exitcodes.NO, "fail"))


@pytest.mark.parametrize("push", ALL_TURNS, ids=lambda t: f"push{t.rotation}{'m' if t.mirrored else ''}")
@pytest.mark.parametrize("preview", PREVIEWS, ids=lambda t: f"preview{t.rotation}")
def test_builtin_camera_two_bases_matrix(adb_server, tmp_path, capsys, preview, push):
    """tablet-a12's back camera by its id, every pair of bases: the push gets upright by push keys
    (a half turn by the push flip); the preview is explained, never turned."""
    app = {"internalCameraName": "0"}
    config = tmp_path / "app.json"
    config.write_text(json.dumps(app), encoding="utf-8")
    scenario = scenario_with_bases(tmp_path, "tablet-a12", preview, push, app)
    with VirtualDevice(scenario).start(adb_server) as vd:
        code, out, _ = run_cli(capsys, "verify", "--serial", vd.serial, "--wechat-serial", vd.wechat_serial,
                               "--config", str(config), "--apply", "--package", PACKAGE, "--format", "json")
        live = vd.state.snapshot().config
    data = json.loads(out)
    turn = (-push.rotation) % 360
    keys = {} if turn == 0 else ({"cameraRotationAngle": 0, "cameraPushFlip": True} if turn == 180
                                 else {"cameraRotationAngle": turn, "cameraPushFlip": False})
    assert data["recommended"] == {**app, **keys} and live == {**app, **keys}
    device, wechat = data["ends"]["device"], data["ends"]["wechat"]
    assert wechat["upright"] and wechat["mirrored"] == push.mirrored
    assert device["rotation"] == preview.rotation and not device["mirrored"]
    assert _messages(data, "preview_fixed") == ([("device", i18n.tr(REASON_PREVIEW_FIXED))] if preview.rotation else [])
    assert [e for e, _ in _messages(data, "reverse_landscape")] == (["device"] if preview.rotation == 180 else [])
    assert _messages(data, "mirror") == ([("wechat", i18n.tr(REASON_MIRROR))] if push.mirrored else [])
    assert not _messages(data, "inconsistent")
    passed = preview.rotation == 0 and not push.mirrored
    assert (code, data["verdict"]) == ((exitcodes.OK, "pass") if passed else (exitcodes.NO, "fail"))


def test_faq_first_case_scenario_reaches_the_push_flip(adb_server, tmp_path, capsys):
    """The shipped FAQ case 1 device: from its app's keys (triple, no orientation key) to
    usbCameraPushFlip true with rotation 0; a second verify knows what camtool applied and keeps it."""
    with VirtualDevice("intercom-faq-push-flip").start(adb_server) as vd:
        app = vd.state.snapshot().config
        argv = ("verify", "--serial", vd.serial, "--wechat-serial", vd.wechat_serial, "--apply", "--package", PACKAGE,
                "--format", "json")
        # No --config and nothing applied yet: camtool says it assumes an empty config, sees that
        # no camera of this device fits it, and changes nothing.
        code, out, _ = run_cli(capsys, *argv)
        first = json.loads(out)
        assert first["assumed_config"]["source"] == "empty" and _messages(first, "config_mismatch")
        assert code == exitcodes.NO and vd.state.snapshot().config == app
        config = tmp_path / "app.json"
        config.write_text(json.dumps(app), encoding="utf-8")
        code, out, _ = run_cli(capsys, *argv, "--config", str(config))
        fixed = json.loads(out)
        assert code == exitcodes.OK and fixed["verdict"] == "pass"
        assert fixed["recommended"] == {**app, "usbCameraRotationAngle": 0, "usbCameraPushFlip": True}
        assert vd.state.snapshot().config == fixed["recommended"]
        assert [e for e, _ in _messages(fixed, "inconsistent")] == []
        # Checked again later without --config: the config camtool applied is the one assumed.
        code, out, _ = run_cli(capsys, *argv)
        again = json.loads(out)
    assert again["assumed_config"] == {"source": "last_applied", "config": fixed["recommended"]}
    assert code == exitcodes.OK and again["recommended"] == fixed["recommended"]
    assert [e["code"] for e in again["explanations"]][-2:] == ["works", "assumed_config"]


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
    assert '"cameraPushFlip": true' in out and "FAIL" in out   # upside down: the FAQ's push flip


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
    device, wechat = _pictures(tmp_path, Turn(), {})
    code, out, _ = run_cli(capsys, "--lang", "zh", "verify", "--device-image", device, "--wechat-image", wechat)
    assert "设备端：未旋转，未镜像，方向正确" in out and "旋转 0 度" not in out
    assert run_cli(capsys, "--lang", "zh", "verify", "--help")[1].count("微信端") >= 1


@pytest.fixture(scope="module")
def turned_pictures(tmp_path_factory):
    """One device-end and one WeChat-end picture of the chart per observed turn."""
    folder = tmp_path_factory.mktemp("turned")
    scene = picture_of_mounted_camera(Turn())
    paths = {}
    for turn in ALL_TURNS:
        for end, size in (("device", (480, 270)), ("wechat", (270, 480))):
            path = folder / f"{end}-{turn.rotation}-{int(turn.mirrored)}.png"
            cv2.imwrite(str(path), end_screen(scene, turn, size))
            paths[end, turn] = str(path)
    return paths


@pytest.mark.parametrize("family", ["builtin", "usb"])
def test_every_pair_of_observed_turns_gets_the_models_recommendation(tmp_path, capsys, turned_pictures, family):
    """`verify --device-image --wechat-image --config`: one observation is never "inconsistent";
    the recommendation is the two-bases inverse; a device that works is left as it is."""
    from camtool.config.semantics import Bases, config_for_upright

    app = {"internalCameraName": "0"} if family == "builtin" else dict(RK3588_TRIPLE)
    config = tmp_path / "app.json"
    config.write_text(json.dumps(app), encoding="utf-8")
    for device_turn in ALL_TURNS:
        for wechat_turn in ALL_TURNS:
            code, out, _ = run_cli(capsys, "verify", "--device-image", turned_pictures["device", device_turn],
                                   "--wechat-image", turned_pictures["wechat", wechat_turn],
                                   "--config", str(config), "--format", "json")
            data = json.loads(out)
            codes = [e["code"] for e in data["explanations"]]
            assert "inconsistent" not in codes, (device_turn, wechat_turn)
            plan = config_for_upright(Bases(device_turn, wechat_turn), ends_for(app).family, base=app)
            works = device_turn.is_identity and wechat_turn.is_identity
            expected = app if works or plan.predicted == (device_turn, wechat_turn) else plan.config
            assert data["recommended"] == expected, (device_turn, wechat_turn)
            assert (code == exitcodes.OK) == works and ("works" in codes) == works


def test_a_profile_file_given_as_config_is_a_usage_error_that_names_profiles(tmp_path, capsys, turned_pictures):
    profile = tmp_path / "door.json"
    profile.write_text(json.dumps({"sku": "door", "config": {"internalCameraName": "0"}}), encoding="utf-8")
    code, out, err = run_cli(capsys, "verify", "--device-image", turned_pictures["device", Turn()],
                             "--config", str(profile))
    assert code == exitcodes.USAGE and "profile" in err and "--profile door" in err and out == ""


def test_a_shipped_example_missing_from_the_library_says_how_to_use_it(tmp_path, capsys):
    """The README's examples name shipped profiles; a technician's fresh library has none of them."""
    from camtool.resources import shipped_profiles_dir

    cv2.imwrite(str(tmp_path / "a.png"), end_screen(picture_of_mounted_camera(Turn()), Turn(), (480, 270)))
    code, _, err = run_cli(capsys, "verify", "--device-image", str(tmp_path / "a.png"),
                           "--profile", "doorlock-l7-builtin", "--profiles", str(tmp_path / "mine"))
    assert code == exitcodes.USAGE
    assert f'--profiles "{shipped_profiles_dir()}"' in err and "doorlock-l7-builtin.json" in err
    code, _, err = run_cli(capsys, "verify", "--device-image", str(tmp_path / "a.png"),
                           "--profile", "no-such-sku", "--profiles", str(tmp_path / "mine"))
    assert code == exitcodes.USAGE and "camtool profiles list" in err and "ship with camtool" not in err
