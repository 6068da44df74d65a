"""`camtool export`: formats, refusal of configs with errors, --allow-errors, -o atomic, exit codes."""

from __future__ import annotations

import io
import json
import sys

import pytest

from camtool.cli import main
from camtool.config import atomic
from camtool.config.snippets import read_snippet

GOOD = '{"uiZoom": 1.5, "usbCameraRotationAngle": 90, "usbCameraName": "/dev/bus/usb/001/004"}'
BAD = '{"internalCameraName": "back"}'


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.json"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_export_json_puts_camera_keys_first(good, capsysbinary):
    assert main(["export", str(good)]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert list(json.loads(out)) == ["usbCameraName", "usbCameraRotationAngle", "uiZoom"]


def test_export_kotlin_reads_back_to_the_same_config(good, capsysbinary):
    assert main(["export", str(good), "--to", "kotlin"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    data, findings = read_snippet(out, "kotlin")
    assert findings == [] and data == json.loads(GOOD)


def test_warnings_go_to_stderr_so_the_pipe_gets_only_the_export(good, capsysbinary):
    assert main(["export", str(good), "--to", "line"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.decode("utf-8").count("\n") == 1
    assert b"CAM402" in captured.err  # selection by path changes on replug


def test_export_refuses_a_config_with_errors(tmp_path, capsysbinary):
    path = tmp_path / "bad.json"
    path.write_text(BAD, encoding="utf-8")
    assert main(["export", str(path)]) == 1
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert b"CAM109" in captured.err and b"--allow-errors" in captured.err


def test_allow_errors_exports_anyway(tmp_path, capsysbinary):
    path = tmp_path / "bad.json"
    path.write_text(BAD, encoding="utf-8")
    assert main(["export", str(path), "--allow-errors", "--to", "java"]) == 0
    assert b'.put("internalCameraName", "back");' in capsysbinary.readouterr().out


def test_broken_json_is_refused_even_with_allow_errors(tmp_path, capsysbinary):
    path = tmp_path / "broken.json"
    path.write_text('{"cameraId": 1,,}', encoding="utf-8")
    assert main(["export", str(path), "--allow-errors"]) == 1
    assert b"CAM003" in capsysbinary.readouterr().err


def test_export_from_a_kotlin_file_to_json(tmp_path, capsysbinary):
    path = tmp_path / "Config.kt"
    path.write_text('val c = JSONObject().put("uiZoom", 2).put("cameraId", 0)\n', encoding="utf-8")
    assert main(["export", str(path)]) == 0
    assert json.loads(capsysbinary.readouterr().out) == {"cameraId": 0, "uiZoom": 2}


def test_export_from_stdin_with_from_java(monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'config.put("cameraId", 2);'), encoding="utf-8"))
    assert main(["export", "-", "--from", "java"]) == 0
    assert json.loads(capsysbinary.readouterr().out) == {"cameraId": 2}


def test_unreadable_snippet_line_is_reported_and_nothing_exported(tmp_path, capsysbinary):
    path = tmp_path / "Config.java"
    path.write_text('config.put("cameraId", 0);\nconfig.put("uiZoom", zoom);\n', encoding="utf-8")
    assert main(["export", str(path)]) == 1
    err = capsysbinary.readouterr().err.decode("utf-8")
    assert "CAM801" in err and "Line 2" in err


def test_output_file_is_written_atomically(good, tmp_path, capsysbinary):
    target = tmp_path / "out.kt"
    assert main(["export", str(good), "--to", "kotlin", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("// initGlobalConfig JSON")
    assert capsysbinary.readouterr().out == b""


def test_failed_write_keeps_the_old_output_and_exits_1(good, tmp_path, monkeypatch, capsysbinary):
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", crash)
    assert main(["export", str(good), "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "previous"
    assert b"No space left" in capsysbinary.readouterr().err


@pytest.mark.parametrize("argv", [
    ["export"],
    ["export", "x.json", "--to", "yaml"],
    ["export", "x.json", "--wmpf-version", "two"],
])
def test_usage_errors_exit_2(argv, capsysbinary):
    assert main(argv) == 2


def test_missing_file_exits_1_with_a_finding(tmp_path, capsysbinary):
    assert main(["export", str(tmp_path / "nope.json")]) == 1
    assert b"CAM001" in capsysbinary.readouterr().err


def test_version_gate_refuses_with_wmpf_version(tmp_path, capsysbinary):
    path = tmp_path / "c.json"
    path.write_text('{"internalCameraName": "0"}', encoding="utf-8")
    assert main(["export", str(path), "--wmpf-version", "1.2.0"]) == 1
    assert main(["export", str(path), "--wmpf-version", "2.1.0"]) == 0


def test_chinese_messages_with_lang_zh(tmp_path, capsysbinary):
    path = tmp_path / "bad.json"
    path.write_text(BAD, encoding="utf-8")
    assert main(["--lang", "zh", "export", str(path)]) == 1
    err = capsysbinary.readouterr().err.decode("utf-8")
    assert "未导出" in err and "--allow-errors" in err
