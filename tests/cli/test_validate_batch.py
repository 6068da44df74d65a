"""`camtool validate PATH...`: many files, folders and stdin in one call (issue 14), as a CI job
checking a product repository's configs uses it: one result per file, exit 1 if any has an error."""

from __future__ import annotations

import io
import json

import pytest

from camtool.cli import main

OK = '{"internalCameraName": "1", "cameraRotationAngle": 90}'
BAD = '{"internalCameraName": "0", "usbCameraRotationAngle": 90}'  # CAM204, an error
KOTLIN_OK = 'val config = JSONObject().put("internalCameraName", "1").put("cameraRotationAngle", 270)'


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path):
    """A product repository's config folder: configs, a snippet, and files validate must skip."""
    folder = tmp_path / "configs"
    folder.mkdir()
    (folder / "b-bad.json").write_text(BAD, encoding="utf-8")
    (folder / "a-ok.json").write_text(OK, encoding="utf-8")
    (folder / "c-init.kt").write_text(KOTLIN_OK, encoding="utf-8")
    (folder / "README.md").write_text("# not a config", encoding="utf-8")
    (folder / ".editor.json").write_text("{broken", encoding="utf-8")
    (folder / "nested").mkdir()
    (folder / "nested" / "deep.json").write_text("{broken", encoding="utf-8")
    return folder


def test_several_files_give_one_json_array_of_the_single_file_objects(repo, capsys):
    ok, bad = str(repo / "a-ok.json"), str(repo / "b-bad.json")
    code, out, _ = run(capsys, "validate", "--format", "json", ok, bad)
    reports = json.loads(out)
    assert code == 1
    assert [r["source"] for r in reports] == [ok, bad]
    assert [r["valid"] for r in reports] == [True, False]
    # Each element is exactly what `validate FILE --format json` prints for that file alone.
    for path, report in zip((ok, bad), reports):
        single_code, single_out, _ = run(capsys, "validate", "--format", "json", path)
        assert json.loads(single_out) == report
        assert single_code == (0 if report["valid"] else 1)


def test_all_clean_files_exit_0(repo, capsys):
    code, out, _ = run(capsys, "validate", "--format", "json", str(repo / "a-ok.json"), str(repo / "c-init.kt"))
    assert code == 0 and all(r["valid"] for r in json.loads(out))


def test_a_folder_stands_for_its_configs_sorted_by_name(repo, capsys):
    code, out, _ = run(capsys, "validate", "--format", "json", str(repo))
    sources = [r["source"] for r in json.loads(out)]
    assert code == 1
    assert sources == [str(repo / name) for name in ("a-ok.json", "b-bad.json", "c-init.kt")]


def test_one_folder_with_one_config_is_still_an_array(tmp_path, capsys):
    (tmp_path / "only.json").write_text(OK, encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--format", "json", str(tmp_path))
    assert code == 0 and isinstance(json.loads(out), list) and len(json.loads(out)) == 1


def test_text_output_groups_findings_under_each_file_and_counts_the_failed(repo, capsys):
    code, out, _ = run(capsys, "validate", str(repo))
    assert code == 1
    blocks = {}
    current = None
    for line in out.splitlines():
        for name in ("a-ok.json", "b-bad.json", "c-init.kt"):
            if line.startswith(str(repo / name) + ":"):
                current = name
                blocks[current] = []
        if current:
            blocks[current].append(line)
    assert list(blocks) == ["a-ok.json", "b-bad.json", "c-init.kt"]
    assert any("CAM204" in line for line in blocks["b-bad.json"])
    assert not any("CAM204" in line for line in blocks["a-ok.json"] + blocks["c-init.kt"])
    assert out.rstrip().splitlines()[-1] == "3 file(s) checked: 1 with errors."


def test_one_file_keeps_the_single_object_and_no_summary(repo, capsys):
    code, out, _ = run(capsys, "validate", "--format", "json", str(repo / "a-ok.json"))
    assert code == 0 and isinstance(json.loads(out), dict)
    code, out, _ = run(capsys, "validate", str(repo / "a-ok.json"))
    assert "file(s) checked" not in out


def test_a_missing_file_fails_but_the_others_are_still_checked(repo, capsys):
    code, out, err = run(capsys, "validate", "--format", "json", str(repo / "gone.json"), str(repo / "a-ok.json"))
    reports = json.loads(out)
    assert code == 1 and "Traceback" not in err
    assert [f["code"] for f in reports[0]["findings"]] == ["CAM001"]
    assert reports[1]["valid"] is True


def test_an_empty_folder_is_an_error_not_a_silent_ok(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--format", "json", str(tmp_path))
    reports = json.loads(out)
    assert code == 1
    assert reports[0]["source"] == str(tmp_path) and reports[0]["findings"][0]["code"] == "CAM001"
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1 and "no config file" in out


def test_stdin_among_files(repo, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BAD.encode("utf-8"))))
    code, out, _ = run(capsys, "validate", "--format", "json", str(repo / "a-ok.json"), "-")
    reports = json.loads(out)
    assert code == 1
    assert [r["source"] for r in reports] == [str(repo / "a-ok.json"), "<stdin>"]
    assert "CAM204" in [f["code"] for f in reports[1]["findings"]]


def test_stdin_twice_is_a_usage_error(capsys):
    code, out, err = run(capsys, "validate", "-", "-")
    assert code == 2 and out == "" and "only once" in err


def test_chinese_summary_keeps_codes_and_file_names(repo, capsys):
    code, out, _ = run(capsys, "--lang", "zh", "validate", str(repo / "a-ok.json"), str(repo / "b-bad.json"))
    assert code == 1
    assert "CAM204" in out and str(repo / "b-bad.json") in out
    assert out.rstrip().splitlines()[-1] == "已检查 2 个文件：1 个有错误。"
