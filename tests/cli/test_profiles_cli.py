"""`camtool profiles ...`: list, show, new, validate, diff, export, with the exit codes scripts rely on."""

from __future__ import annotations

import json
import shutil

import pytest

from camtool.cli import main
from camtool.resources import shipped_profiles_dir


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(shipped_profiles_dir(), folder)
    return folder


def _run(library, *argv):
    return main(["profiles", "--profiles", str(library), *argv])


def test_list_shows_every_sku_with_its_description(library, capsys):
    assert _run(library, "list") == 0
    out = capsys.readouterr().out
    for path in library.glob("*.json"):
        assert path.stem in out
    assert "(extends kiosk-k15-base)" in out


def test_list_json_and_the_option_after_the_subcommand(library, capsys):
    assert main(["profiles", "list", "--profiles", str(library), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {row["sku"] for row in data["profiles"]} == {p.stem for p in library.glob("*.json")}


def test_empty_library_points_at_the_shipped_examples(tmp_path, capsys):
    assert _run(tmp_path / "empty", "list") == 0
    assert str(shipped_profiles_dir()) in capsys.readouterr().out


def test_show_prints_the_profile_and_the_resolved_config(library, capsys):
    assert _run(library, "show", "kiosk-k15-portrait") == 0
    out = capsys.readouterr().out
    assert '"extends": "kiosk-k15-base"' in out
    assert '"internalCameraName": "0"' in out  # inherited


def test_show_missing_profile_exits_1(library, capsys):
    assert _run(library, "show", "nope") == 1
    assert "CAM856" in capsys.readouterr().err


def test_new_creates_a_profile_that_validates(library, capsys):
    assert _run(library, "new", "kiosk-k15-mirror", "--extends", "kiosk-k15-base", "--description", "test") == 0
    assert (library / "kiosk-k15-mirror.json").is_file()
    assert _run(library, "validate", "kiosk-k15-mirror") == 0


def test_new_refuses_existing_and_bad_names(library, capsys):
    assert _run(library, "new", "kiosk-k15-base") == 1
    assert _run(library, "new", "../escape") == 2
    assert _run(library, "new", "kid", "--extends", "missing-parent") == 1
    assert not (library / "kid.json").exists()


def test_validate_whole_library_ok_then_one_broken_profile_fails(library, capsys):
    assert _run(library, "validate") == 0
    (library / "broken.json").write_text(
        '{"schema": 1, "sku": "broken", "config": {"usbCameraRotationAngle": 45}}', encoding="utf-8")
    assert _run(library, "validate") == 1
    out = capsys.readouterr().out
    assert "broken" in out and "CAM102" in out
    assert _run(library, "validate", "intercom-v3-usb") == 0  # the others are still fine


def test_validate_json_output(library, capsys):
    assert _run(library, "validate", "--format", "json", "doorlock-l7-builtin") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is True and data["profiles"][0]["source"] == "doorlock-l7-builtin"


def test_validate_missing_parent_and_cycle(library, capsys):
    (library / "a.json").write_text('{"schema": 1, "sku": "a", "extends": "b", "config": {}}', encoding="utf-8")
    (library / "b.json").write_text('{"schema": 1, "sku": "b", "extends": "a", "config": {}}', encoding="utf-8")
    (library / "c.json").write_text('{"schema": 1, "sku": "c", "extends": "zz", "config": {}}', encoding="utf-8")
    assert _run(library, "validate", "a", "c") == 1
    out = capsys.readouterr().out
    assert "CAM855" in out and "CAM854" in out


def test_diff_exit_codes(library, capsys):
    assert _run(library, "diff", "kiosk-k15-base", "kiosk-k15-portrait") == 1
    out = capsys.readouterr().out
    assert "cameraRotationAngle" in out and "270" in out
    assert _run(library, "diff", "kiosk-k15-base", "kiosk-k15-base") == 0
    assert _run(library, "diff", "kiosk-k15-base", "nope") == 1


def test_export_profile_in_every_format(library, capsysbinary):
    for to in ("json", "line", "kotlin", "java"):
        assert _run(library, "export", "kiosk-k15-portrait", "--to", to) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert '"defaultRenderer":"webview"' in out  # inherited key in the line export


def test_export_profile_with_errors_is_refused(library, capsysbinary):
    (library / "bad.json").write_text('{"schema": 1, "sku": "bad", "config": {"cameraId": -1}}', encoding="utf-8")
    assert _run(library, "export", "bad") == 1
    assert _run(library, "export", "bad", "--allow-errors") == 0


def test_profiles_without_subcommand_is_a_usage_error(library, capsys):
    assert _run(library) == 2


def test_show_a_profile_whose_sku_does_not_match_its_file_exits_1(library, capsys):
    (library / "renamed.json").write_text('{"schema": 1, "sku": "original", "config": {}}', encoding="utf-8")
    assert _run(library, "show", "renamed") == 1
    assert "CAM853" in capsys.readouterr().err


def test_list_in_chinese_shows_the_chinese_descriptions(library, capsys):
    assert main(["--lang", "zh", "profiles", "--profiles", str(library), "list"]) == 0
    out = capsys.readouterr().out
    assert "智能门锁 L7" in out and "Smart door lock" not in out
    assert "（继承自 kiosk-k15-base）" in out
    assert main(["--lang", "en", "profiles", "--profiles", str(library), "list"]) == 0
    assert "Smart door lock L7" in capsys.readouterr().out


def test_list_json_is_the_same_in_both_languages_and_carries_both_descriptions(library, capsys):
    outputs = []
    for lang in ("en", "zh"):
        assert main(["--lang", lang, "profiles", "--profiles", str(library), "list", "--format", "json"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    row = next(r for r in json.loads(outputs[0])["profiles"] if r["sku"] == "doorlock-l7-builtin")
    assert row["description"].startswith("Smart door lock") and row["description_zh_CN"].startswith("智能门锁")


def test_show_in_chinese_prints_the_file_with_its_chinese_description(library, capsys):
    assert main(["--lang", "zh", "profiles", "--profiles", str(library), "show", "doorlock-l7-builtin"]) == 0
    assert '"description_zh_CN": "智能门锁 L7' in capsys.readouterr().out


def test_new_takes_a_chinese_description(library, capsys):
    assert _run(library, "new", "lock-x", "--description", "Lock X", "--description-zh-cn", "门锁 X") == 0
    data = json.loads((library / "lock-x.json").read_text(encoding="utf-8"))
    assert data["schema"] == 2 and data["description_zh_CN"] == "门锁 X"
    assert _run(library, "new", "lock-y", "--description", "Lock Y") == 0
    assert json.loads((library / "lock-y.json").read_text(encoding="utf-8"))["schema"] == 1
