"""Replay of capture directories: exact answers from files, clear errors for broken ones, round trip."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from camtool.device.inventory import INVENTORY_COMMANDS, build_inventory_from_outputs
from camtool import i18n
from camtool.virtual.commands import CommandResult, answer
from camtool.virtual.device_state import VirtualDeviceState
from camtool.device.capture_format import CaptureFormatError, write_capture
from camtool.virtual.replay import ReplayAnswers
from camtool.virtual.scenario import load_scenario

CAPTURES = Path(__file__).resolve().parent.parent / "data" / "captures"
A12 = CAPTURES / "a12-intercom-external-hal"
A81 = CAPTURES / "a81-usb-host-state"


def test_a_capture_answers_its_commands_from_its_files():
    replay = ReplayAnswers(A81)
    assert replay.device_info == {"serial": "0123456789ABCDEF", "model": "T8 Pad", "android": "8.1.0", "sdk": 27}
    result = replay.answer("dumpsys usb")
    assert result.stdout == (A81 / "dumpsys-usb.txt").read_bytes() and result.exit_code == 0
    assert result.stderr == b""


def test_whitespace_is_normalised_but_the_command_must_otherwise_match():
    replay = ReplayAnswers(A12)
    assert replay.answer("  dumpsys   media.camera \n") is not None
    assert replay.answer("dumpsys media.camera -v") is None
    assert replay.answer("reboot") is None


def test_the_screencap_is_served_as_raw_png_bytes():
    png = ReplayAnswers(A12).answer("screencap -p").stdout
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("directory,builtin,usb", [
    (A12, [("0", "back", None), ("100", "external", "/dev/bus/usb/001/003")],
     [("/dev/bus/usb/001/003", 7119, 8836, "01.00.00", True)]),
    (A81, [("0", "back", None), ("1", "front", None)],
     [("/dev/bus/usb/001/002", 1423, 14370, None, True)]),
])
def test_the_device_layer_reads_the_hand_written_captures(directory, builtin, usb):
    replay = ReplayAnswers(directory)
    outputs = {key: replay.answer(command).stdout.decode("utf-8")
               for key, command in INVENTORY_COMMANDS.items()}
    found = build_inventory_from_outputs("x", outputs).to_json()
    assert [(c["internalCameraName"], c["facing"], c["usb_path"]) for c in found["builtin"]] == builtin
    cameras = [(u["usbCameraName"], u["usbCameraVendorId"], u["usbCameraProductId"], u["usbSerialNumber"],
                u["is_camera"]) for u in found["usb"] if u["is_camera"]]
    assert cameras == usb


def test_write_then_replay_gives_back_the_virtual_device_s_answers(tmp_path):
    state = VirtualDeviceState(load_scenario("legacy-a81"))
    commands = ["getprop", "dumpsys media.camera", "dumpsys usb", "cat /sys/bus/usb/devices/1-1/serial",
                "dumpsys package com.tencent.wmpf"]
    results = [(command, answer(state, shlex.split(command))) for command in commands]
    index = write_capture(tmp_path / "cap", {"serial": "emulator", "model": "EDU-T8", "android": "8.1.0", "sdk": 27},
                          results)
    assert index.name == "capture.json"
    replay = ReplayAnswers(tmp_path / "cap")
    for command, result in results:
        assert replay.answer(command) == result
    entries = json.loads(index.read_text(encoding="utf-8"))["commands"]
    assert [e["stderr"] is not None for e in entries] == [False, False, False, True, False]
    assert all("/" not in e["stdout"] for e in entries)


def test_a_capture_written_twice_is_replaced_whole(tmp_path):
    write_capture(tmp_path, {}, [("getprop", CommandResult(b"[a]: [1]\n"))])
    write_capture(tmp_path, {}, [("getprop", CommandResult(b"[a]: [2]\n"))])
    assert ReplayAnswers(tmp_path).answer("getprop").stdout == b"[a]: [2]\n"
    assert not list(tmp_path.glob(".capture-*"))       # no temp file left behind


def _capture(tmp_path: Path, data, files: dict[str, bytes] | None = None) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "capture.json").write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    for name, content in (files or {}).items():
        (tmp_path / name).write_bytes(content)
    return tmp_path


@pytest.mark.parametrize("data,files,words", [
    ("{not json", None, "not valid JSON at line 1"),
    ([], None, "must be a JSON object"),
    ({"version": 2, "commands": []}, None, "version: must be 1"),
    ({"version": 1}, None, "commands: must be a list"),
    ({"version": 1, "commands": [{"stdout": "a"}]}, None, "commands #1: needs \"command\""),
    ({"version": 1, "commands": [{"command": "getprop", "stdout": "gone.txt", "exit_code": 0}]}, None,
     "\"gone.txt\" is missing"),
    ({"version": 1, "commands": [{"command": "getprop", "stdout": "../secret", "exit_code": 0}]}, None,
     "not a plain file name"),
    ({"version": 1, "commands": [{"command": "getprop", "stdout": "a", "exit_code": "0"}]}, {"a": b""},
     "exit_code: must be a whole number"),
])
def test_a_broken_capture_says_which_file_and_field(tmp_path, data, files, words):
    directory = _capture(tmp_path / "cap", data, files)
    with pytest.raises(CaptureFormatError) as caught:
        ReplayAnswers(directory)
    assert words in str(caught.value) and "capture.json" in str(caught.value)


def test_a_directory_without_capture_json_or_no_directory_at_all(tmp_path):
    with pytest.raises(CaptureFormatError, match="camtool device capture"):
        ReplayAnswers(tmp_path)
    with pytest.raises(CaptureFormatError, match="does not exist"):
        ReplayAnswers(tmp_path / "nowhere")


def test_replay_errors_are_translated(tmp_path):
    i18n.set_language("zh")
    with pytest.raises(CaptureFormatError, match="不存在"):
        ReplayAnswers(tmp_path / "nowhere")
