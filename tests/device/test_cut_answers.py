"""A device answer that stops before its end is said to be cut off (exit 3), never reported as fact.

The virtual device's `truncate` fault cuts like a real device does (no exit status after a cut);
recorded captures stand for what the protocol cannot tell: a device whose dumpsys timed out, a
getprop that came back empty, a dumpsys usb tree that never closes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from camtool.cli import main
from shared_captures import shared_capture_path
from camtool.device.answer_checks import cut_answer
from camtool.device.adb_io import ShellResult
from camtool.device.inventory import INVENTORY_COMMANDS
from camtool.virtual.device import VirtualDevice

CAPTURES = Path(__file__).resolve().parent.parent / "data" / "captures"
A12 = CAPTURES / "a12-intercom-external-hal"
A81 = CAPTURES / "a81-usb-host-state"
CUT = "was cut off"


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("limit", [0, 200, 3000])
def test_cameras_with_cut_answers_says_so_and_exits_3(virtual_device, capsys, limit):
    virtual_device.faults.truncate_bytes = limit
    try:
        code, out, err = _cli(capsys, "cameras", "--serial", virtual_device.serial, "--json")
    finally:
        virtual_device.clear_faults()
    assert code == 3, err
    assert out == ""                       # no inventory with model null and no USB devices
    assert CUT in err and "Traceback" not in err


def test_apply_with_cut_answers_does_not_refuse_a_camera_that_is_there(virtual_device, capsys, tmp_path):
    config = tmp_path / "c.json"
    config.write_text('{"internalCameraName": "0"}', encoding="utf-8")
    package = virtual_device.scenario.device.receiver_package
    virtual_device.faults.truncate_bytes = 200
    try:
        code, out, err = _cli(capsys, "apply", str(config), "--serial", virtual_device.serial, "--package", package)
    finally:
        virtual_device.clear_faults()
    assert code == 3 and CUT in err
    assert "CAM6" not in out + err        # no device-rule finding drawn from half an answer
    assert virtual_device.state.snapshot().config is None


def test_the_whole_answers_still_give_the_inventory(virtual_device, capsys):
    virtual_device.faults.truncate_bytes = 10_000_000   # nothing is that long: no answer is cut
    try:
        code, out, _ = _cli(capsys, "cameras", "--serial", virtual_device.serial, "--json")
    finally:
        virtual_device.clear_faults()
    assert code == 0 and json.loads(out)["device"]["model"] == virtual_device.scenario.device.model


def test_verify_with_a_cut_screencap_names_no_bytes_and_no_opencv_warning(adb_server, capfd):
    with VirtualDevice("tablet-a12").start(adb_server) as vd:
        io_sizes = []
        import adbutils

        device = adb_server.client().device(vd.serial)
        for command in INVENTORY_COMMANDS.values():
            io_sizes.append(len(device.shell2(command, v2=True, encoding=None).output))
        vd.faults.truncate_bytes = max(io_sizes) + 1    # the inventory is whole, the PNG is not
        code = main(["verify", "--serial", vd.serial])
    out, err = capfd.readouterr()
    assert code == 3, err
    assert CUT in err and "screencap" in err
    assert "PNG" not in err and "\ufffd" not in err and "WARN" not in err and "libpng" not in err
    del adbutils


# --- what the protocol cannot tell: the answers themselves --------------------------------------

def _capture_with(tmp_path: Path, source: Path, name: str, stdout: bytes) -> Path:
    target = tmp_path / "capture"
    shutil.copytree(source, target)
    (target / name).write_bytes(stdout)
    return target


def _cameras_of_capture(adb_server, capsys, capture: Path) -> tuple[int, str, str]:
    with VirtualDevice(replay_dir=capture).start(adb_server) as vd:
        return _cli(capsys, "cameras", "--serial", vd.serial)


def test_an_empty_getprop_from_a_device_that_answers_is_cut(adb_server, capsys, tmp_path):
    capture = _capture_with(tmp_path, A12, "getprop.txt", b"")
    code, out, err = _cameras_of_capture(adb_server, capsys, capture)
    assert code == 3 and CUT in err and "getprop" in err
    assert "unknown" not in out


def test_a_getprop_cut_inside_a_line_is_cut(adb_server, capsys, tmp_path):
    whole = (A12 / "getprop.txt").read_bytes()
    capture = _capture_with(tmp_path, A12, "getprop.txt", whole[:len(whole) // 2].rstrip(b"]\n") + b"\n")
    code, _, err = _cameras_of_capture(adb_server, capsys, capture)
    assert code == 3 and "getprop" in err


def test_a_dumpsys_usb_tree_that_never_closes_is_cut(adb_server, capsys, tmp_path):
    whole = (A12 / "dumpsys-usb.txt").read_bytes()
    assert whole.rstrip().endswith(b"}")
    capture = _capture_with(tmp_path, A12, "dumpsys-usb.txt", whole[:len(whole) // 3])
    code, out, err = _cameras_of_capture(adb_server, capsys, capture)
    assert code == 3 and "dumpsys usb" in err
    assert "USB devices: none" not in out


def test_a_dumpsys_that_timed_out_is_cut(adb_server, capsys, tmp_path):
    whole = (A12 / "dumpsys-media.camera.txt").read_bytes()
    timed_out = whole[:400] + b"\n*** SERVICE 'media.camera' DUMP TIMEOUT (10000ms) EXPIRED ***\n\n"
    capture = _capture_with(tmp_path, A12, "dumpsys-media.camera.txt", timed_out)
    code, _, err = _cameras_of_capture(adb_server, capsys, capture)
    assert code == 3 and "dumpsys media.camera" in err


def test_whole_captures_are_not_called_cut(adb_server, capsys):
    for capture in (A12, A81):
        code, out, err = _cameras_of_capture(adb_server, capsys, capture)
        assert code == 0, err


def _result(text: str) -> ShellResult:
    return ShellResult(text.encode("utf-8"), b"", 0)


def test_real_devices_whole_dumps_are_not_called_cut():
    """A false "cut" would hide a device's cameras: the checks must pass real, odd, whole output."""
    for name, key in (("mt8168-a13-dumpsys-usb-no-devices.txt", "usb"),
                      ("redmi-k30-media-camera.txt", "media_camera"),
                      ("redmi-k30-media-camera-windows-console.txt", "media_camera"),
                      ("redmi-k30-media-camera-open-hidden6-windows-console.txt", "media_camera"),
                      ("redmi-k30-media-camera-open-cam3.txt", "media_camera")):
        text = shared_capture_path(name).read_text(encoding="utf-8", errors="replace")
        assert cut_answer({key: _result(text)}) is None, name


def test_a_camera_list_cut_inside_the_maps_to_lines_is_cut():
    whole = (A12 / "dumpsys-media.camera.txt").read_text(encoding="utf-8")
    if "maps to" not in whole:
        pytest.skip("capture without maps-to lines")
    cut_at = whole.index("maps to") + 5
    assert cut_answer({"media_camera": _result(whole)}) is None
    assert cut_answer({"media_camera": _result(whole[:cut_at])}) == "media_camera"
