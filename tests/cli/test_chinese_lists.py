"""Lists built in code read as Chinese in Chinese output: argparse's choices, the virtual device's
fault help, the shipped scenario names, the keys a verdict recommends (issue 19)."""

from __future__ import annotations

import pytest

from camtool import i18n
from camtool.cli import main


def test_a_bad_choice_lists_the_choices_with_the_enumeration_comma(capsys, tmp_path):
    config = tmp_path / "c.json"
    config.write_text("{}", encoding="utf-8")
    assert main(["--lang", "zh", "validate", str(config), "--format", "yaml"]) == 2
    err = capsys.readouterr().err
    assert "无效的取值：'yaml'（可选值：'text'、'json'）" in err


def test_a_bad_choice_in_english_keeps_argparse_s_wording(capsys, tmp_path):
    assert main(["--lang", "en", "validate", "x.json", "--format", "yaml"]) == 2
    assert "invalid choice: 'yaml' (choose from 'text', 'json')" in capsys.readouterr().err


def test_a_bad_command_lists_the_commands_with_the_enumeration_comma(capsys):
    assert main(["--lang", "zh", "valdate"]) == 2
    err = capsys.readouterr().err
    assert "'validate'、'schema'" in err and "', '" not in err


def test_the_fault_help_of_virtual_start_is_chinese_clauses(capsys):
    assert main(["--lang", "zh", "virtual", "start", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps the help
    assert "silent：从不应答" in out and "；offline：" in out


def test_an_unknown_scenario_lists_the_shipped_ones_with_the_enumeration_comma(chinese):
    from camtool.virtual.scenario import ScenarioError, load_scenario

    with pytest.raises(ScenarioError) as error:
        load_scenario("no-such-scenario")
    assert "tablet-a12、" in str(error.value) and ", " not in str(error.value)


def test_the_keys_a_verdict_recommends_are_listed_in_the_language_shown():
    from camtool.vision.detect import ChartDetection
    from camtool.vision.verdict import verdict_from_detections

    def seen(rotation):
        return ChartDetection(True, rotation, 0.0, False, 6, 0.9)

    usb = {"usbCameraVendorId": 7119, "usbCameraProductId": 11417, "usbSerialNumber": "DT-CAM-7731"}
    verdict = verdict_from_detections(seen(0), seen(180), usb)
    fix = next(e for e in verdict.explanations if e.code == "fix")
    before = i18n.language()
    try:
        i18n.set_language("en")
        assert "usbCameraRotationAngle: 0, usbCameraPushFlip: true" in fix.message
        i18n.set_language("zh")
        assert "usbCameraRotationAngle: 0、usbCameraPushFlip: true" in fix.message
    finally:
        i18n.set_language(before)


def test_help_section_titles_end_with_a_chinese_colon(capsys):
    assert main(["--lang", "zh", "lab", "run", "--help"]) == 0
    out = capsys.readouterr().out
    assert "\n选项：\n" in out and "\n位置参数：\n" in out and "选项:" not in out
    assert main(["--lang", "en", "lab", "run", "--help"]) == 0
    assert "\noptions:\n" in capsys.readouterr().out
