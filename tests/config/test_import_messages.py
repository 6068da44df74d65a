"""What a technician reads when a config cannot be loaded from a file, stdin or code: each finding word for word."""

from __future__ import annotations

import io
import sys

import pytest

from camtool.config.imports import format_for, load_and_validate, load_config_source
from camtool.config.jsonread import MAX_FILE_BYTES

STDIN_FIX = "Pipe a UTF-8 config into camtool, or give the path of the file."


def _shown(findings):
    return [(f.code, f.keys, f.message, f.fix, f.line, f.column) for f in findings]


class _Broken:
    """A stream whose read fails (a closed pipe, a console that is gone)."""

    buffer = None

    def __init__(self, error):
        self.error = error

    def read(self):
        raise self.error


def test_standard_input_that_cannot_be_read_says_why(monkeypatch):
    gone = _Broken(OSError("device gone"))
    assert _shown(load_config_source("-", stdin=gone)[1]) == [
        ("CAM001", (), "Standard input cannot be read: device gone.", STDIN_FIX, None, None)]
    garbled = _Broken(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"))
    assert _shown(load_config_source("-", stdin=garbled)[1]) == [
        ("CAM001", (), "Standard input cannot be read: 'utf-8' codec can't decode byte 0xff in position 0: "
         "invalid start byte.", STDIN_FIX, None, None)]
    monkeypatch.setattr(sys, "stdin", None)  # pythonw on Windows
    assert _shown(load_config_source("-")[1]) == [
        ("CAM001", (), "There is no standard input to read the config from.",
         "Give the path of the config file instead of -.", None, None)]


def test_standard_input_is_named_stdin_in_findings():
    data, findings = load_config_source("-", stdin=io.BytesIO(b'{"a": 1, "a": 2}'))
    assert data == {"a": 2} and findings[0].message.startswith("<stdin>, line 1: the key a")
    _, findings = load_and_validate("-", "kotlin", stdin=io.StringIO('put("cameraId", "0")'))
    assert findings[0].code == "CAM101" and (findings[0].line, findings[0].column) == (1, 5)


def test_a_path_that_is_no_config_file_says_why(tmp_path):
    assert _shown(load_config_source(tmp_path)[1]) == [
        ("CAM001", (), f"{tmp_path} is a folder, not a file.", "Give the path of the config file inside it.", None, None)]
    assert _shown(load_config_source(str(tmp_path / "no.kt"))[1]) == [
        ("CAM001", (), f"{tmp_path / 'no.kt'} does not exist.",
         "Check the path and the file name (camtool validate PATH, or - for standard input).", None, None)]
    a_file = tmp_path / "f"
    a_file.write_text("{}", encoding="utf-8")
    assert _shown(load_config_source(a_file / "x.json")[1]) == [
        ("CAM001", (), f"{a_file / 'x.json'} cannot be read: Not a directory.",
         "Check that the file exists and that you may read it.", None, None)]


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path):
    at_limit = tmp_path / "at.json"
    at_limit.write_bytes(b"{}" + b" " * (MAX_FILE_BYTES - 2))
    assert load_config_source(at_limit) == ({}, [])
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    assert _shown(load_config_source(big)[1]) == [
        ("CAM001", (), f"{big} is 10485761 bytes: far too big to be a camera config.",
         "Check that you chose the config file (a few hundred bytes of JSON).", None, None)]


def test_code_files_get_the_json_files_encoding_diagnosis_and_keep_columns_after_a_bom(tmp_path):
    code = tmp_path / "c.kt"
    code.write_bytes('json.put("cameraRotationAngle", 45)'.encode("utf-16"))
    assert _shown(load_config_source(code)[1]) == [
        ("CAM002", (), f"{code} is UTF-16 text, not UTF-8.",
         "Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8).", 1, 1)]
    code.write_text('\ufeffjson.put("cameraRotationAngle", 45)\n', encoding="utf-8")
    data, findings = load_and_validate(code)
    assert data == {"cameraRotationAngle": 45}
    assert [(f.code, f.line, f.column) for f in findings] == [("CAM102", 1, 10), ("CAM501", None, None),
                                                              ("CAM502", 1, 10)]


def test_a_rule_finding_keeps_a_position_it_has_and_one_without_keys_gets_none(tmp_path):
    code = tmp_path / "c.java"
    code.write_text('c.put("usbCameraVendorId", 3034);\nc.put("usbCameraName", "/dev/bus/usb/1/2");\n', encoding="utf-8")
    _, findings = load_and_validate(code, wmpf_version="2.1.0")
    assert [(f.code, f.keys, f.line, f.column) for f in findings] == [
        ("CAM105", ("usbCameraName",), 2, 7), ("CAM202", ("usbCameraVendorId",), 1, 7)]  # no CAM502: 2.1.0 was checked
    _, findings = load_and_validate(code)
    assert (findings[-1].code, findings[-1].line, findings[-1].column) == ("CAM502", 2, 7)  # its first key's put


def test_the_format_comes_from_the_option_then_the_suffix_in_any_case():
    assert format_for("A.KT") == "kotlin" and format_for("b.Java") == "java" and format_for("-") == "json"
    assert format_for("-", "kotlin") == "kotlin"
    with pytest.raises(ValueError, match=r"unknown import format 'yaml'; expected one of \('json', 'kotlin', 'java'\)"):
        format_for("x.json", "yaml")


def test_piped_bytes_that_are_not_utf8_are_reported_at_their_byte_not_garbled():
    piped = io.TextIOWrapper(io.BytesIO(b'{"a": "\xff"}'), encoding="utf-8")
    assert [(f.code, f.message, f.line, f.column) for f in load_config_source("-", stdin=piped)[1]] == [
        ("CAM002", "<stdin> is not UTF-8 text: byte 7 (line 1, column 8) is not valid UTF-8.", 1, 8)]


def test_findings_about_a_file_name_the_file(tmp_path):
    code = tmp_path / "c.kt"
    code.write_text("val x = 1\n", encoding="utf-8")
    assert [f.message for f in load_config_source(code)[1]] == [
        f'{code} has no JSONObject put("key", value) call, so there is no config to read.']
    text = tmp_path / "c.json"
    text.write_text('{"a":1,"a":2}', encoding="utf-8")
    assert load_config_source(text)[1][0].message.startswith(f"{text}, line 1: the key a is given a second time")
