"""`camtool validate|schema|rules` as scripts and CI use them: exit codes 0/1/2 and the JSON contract."""

from __future__ import annotations

import io
import json

import pytest

from camtool.cli import main
from camtool.cli.config_commands import format_findings_text, use_colour
from camtool.config.rules import validate


@pytest.fixture
def write(tmp_path):
    def _write(text: str | bytes, name: str = "config.json"):
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return str(path)
    return _write


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_config_exits_0(write, capsys):
    code, out, _ = run(capsys, "validate", write('{"internalCameraName": "1", "cameraRotationAngle": 90}'))
    assert code == 0
    assert "0 error(s)" in out


def test_config_with_an_error_exits_1_and_shows_the_fix(write, capsys):
    code, out, _ = run(capsys, "validate", write('{"internalCameraName": "0", "usbCameraRotationAngle": 90}'))
    assert code == 1
    assert "CAM204" in out and "Fix: Write cameraRotationAngle instead of usbCameraRotationAngle" in out


@pytest.mark.parametrize("text", [b'{"a": 1,}', b"\xff\xfe{}", b"[1]", b""])
def test_broken_file_exits_1(write, capsys, text):
    assert run(capsys, "validate", write(text))[0] == 1


def test_missing_file_exits_1_with_a_message(tmp_path, capsys):
    code, out, err = run(capsys, "validate", str(tmp_path / "nope.json"))
    assert code == 1 and "CAM001" in out and "Traceback" not in out + err


def test_bad_wmpf_version_is_a_usage_error(write, capsys):
    code, _, err = run(capsys, "validate", write("{}"), "--wmpf-version", "two")
    assert code == 2 and "X.Y.Z" in err


def test_unknown_format_is_a_usage_error(write, capsys):
    assert run(capsys, "validate", write("{}"), "--format", "yaml")[0] == 2


def test_wmpf_version_gate(write, capsys):
    path = write('{"internalCameraName": "0"}')
    assert run(capsys, "validate", path, "--wmpf-version", "2.1.3")[0] == 0
    code, out, _ = run(capsys, "validate", path, "--wmpf-version", "1.2.0")
    assert code == 1 and "CAM301" in out


def test_json_output_contract(write, capsys):
    path = write('{\n "usbCameraName": "/dev/video0",\n "usbCameraName": "/dev/video1"\n}')
    code, out, _ = run(capsys, "validate", path, "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert report["source"] == path and report["valid"] is False
    codes = [f["code"] for f in report["findings"]]
    assert "CAM005" in codes and "CAM106" in codes
    for finding in report["findings"]:
        assert {"code", "severity", "keys", "message", "fix"} <= set(finding)
        assert finding["severity"] in ("error", "warning", "info")
    duplicate = next(f for f in report["findings"] if f["code"] == "CAM005")
    assert duplicate["keys"] == ["usbCameraName"] and duplicate["line"] == 3


def test_json_output_keeps_codes_and_keys_in_chinese(write, capsys):
    path = write('{"cameraRotationAngle": "90"}')
    _, english, _ = run(capsys, "validate", path, "--format", "json")
    _, chinese, _ = run(capsys, "--lang", "zh", "validate", path, "--format", "json")
    en, zh = json.loads(english), json.loads(chinese)
    assert [(f["code"], f["keys"], f["severity"]) for f in en["findings"]] == \
        [(f["code"], f["keys"], f["severity"]) for f in zh["findings"]]
    assert en["findings"][0]["message"] != zh["findings"][0]["message"]


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b'{"cameraId": true}')))
    code, out, _ = run(capsys, "validate", "-", "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["source"] == "<stdin>" and report["findings"][0]["code"] == "CAM101"


def test_text_is_grouped_by_severity_and_coloured_only_when_asked():
    findings = validate({"cameraId": 0, "usbCameraRotationAngle": 90})
    plain = format_findings_text("x.json", findings)
    assert "\033[" not in plain
    assert plain.index("Errors") < plain.index("Warnings") < plain.index("Information")
    assert "\033[1;31m" in format_findings_text("x.json", findings, colour=True)


def test_colour_needs_a_terminal_and_no_NO_COLOR(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Tty()) and not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Tty())


def test_schema_is_json_with_the_camera_keys(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert "usbCameraRotationAngle" in json.loads(out)["properties"]


def test_rules_table_lists_every_code_in_both_languages(capsys):
    from camtool.config.rules import RULES
    code, text, _ = run(capsys, "rules")
    assert code == 0 and all(rule.code in text for rule in RULES)
    _, markdown, _ = run(capsys, "--lang", "zh", "rules", "--format", "markdown")
    assert markdown.startswith("| 代码") and "CAM204" in markdown


def test_docs_rules_md_is_generated_from_the_table():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("gen_rules_doc", root / "tools" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (root / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == module.render(), "docs/rules.md is stale: run .venv/bin/python tools/gen_rules_doc.py"
    assert "## camtool validate 的规则" in committed and "CAM204" in committed


def test_unprintable_input_never_crashes_the_output(write, capsys):
    path = write('{"usbCameraName": "\\ud800", "internalCameraName": "\\u001b[2J"}')
    code, out, err = run(capsys, "validate", path)
    assert code == 1 and "\x1b[2J" not in out and "internal error" not in err
    code, out, _ = run(capsys, "validate", path, "--format", "json")
    assert code == 1 and json.loads(out)["valid"] is False
