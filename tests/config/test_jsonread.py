"""Reading config JSON: every problem of the text is a finding with its position, never an exception."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camtool.config.jsonread import read_json_file, read_json_text


def codes(parsed):
    return [f.code for f in parsed.findings]


def test_valid_object_keeps_key_order_and_has_no_findings():
    parsed = read_json_text('{"uiZoom": 1.5, "internalCameraName": "0", "a": {"b": [1, 2]}}')
    assert parsed.findings == []
    assert list(parsed.data) == ["uiZoom", "internalCameraName", "a"]


def test_bytes_with_utf8_bom_are_accepted():
    parsed = read_json_text('\ufeff{"internalCameraName": "1"}'.encode("utf-8"))
    assert parsed.data == {"internalCameraName": "1"} and parsed.findings == []


@pytest.mark.parametrize("raw, line, column", [
    (b'{"a": "\xb0"}', 1, 8),
    (b'{\n  "usbSerialNumber": "\xc4\xe3"\n}', 2, 23),
])
def test_not_utf8_is_cam002_with_position(raw, line, column):
    parsed = read_json_text(raw, "cfg.json")
    assert parsed.data is None
    assert codes(parsed) == ["CAM002"]
    finding = parsed.findings[0]
    assert (finding.line, finding.column) == (line, column)
    assert "UTF-8" in finding.fix


def test_utf16_is_named():
    parsed = read_json_text('{"a": 1}'.encode("utf-16"))
    assert codes(parsed) == ["CAM002"] and "UTF-16" in parsed.findings[0].message


@pytest.mark.parametrize("text, line, column, words", [
    ('{"a": 1,}', 1, 9, "trailing comma"),
    ('{\n  "a": 1\n  "b": 2\n}', 3, 3, "comma is missing"),
    ("{'a': 1}", 1, 2, "double quotes"),
    ('{"a": 1} {"b": 2}', 1, 10, "more text"),
    ('{"a": // note\n 1}', 1, 7, "comments"),
    ('{"a": NaN}', 1, 7, "NaN"),
    # Cut off: json names what it expected next, which read as if an item were wrong.
    ('{"cameraId": 0, "cameraRotationAngle": 45\n', 2, 1, "text ends before the JSON does"),
    ('{"cameraId": 0,', 1, 16, "closing brace or bracket is missing"),
    ('[1, 2', 1, 6, "cut off"),
])
def test_malformed_json_is_cam003_with_line_and_column(text, line, column, words):
    parsed = read_json_text(text, "cfg.json")
    assert parsed.data is None
    assert codes(parsed) == ["CAM003"]
    finding = parsed.findings[0]
    assert (finding.line, finding.column) == (line, column)
    assert words in finding.message
    assert f"line {line}" in finding.message


@pytest.mark.parametrize("text", ["", "   \n", "[" * 100000])
def test_empty_or_absurd_text_is_cam003(text):
    assert codes(read_json_text(text)) == ["CAM003"]


@pytest.mark.parametrize("text", ["[1, 2]", '"x"', "42", "null", "true"])
def test_top_level_not_an_object_is_cam004(text):
    parsed = read_json_text(text)
    assert codes(parsed) == ["CAM004"]
    assert not parsed.is_object


def test_duplicate_keys_are_found_at_any_depth_with_their_line():
    text = '{\n "cameraRotationAngle": 90,\n "nested": {"x": 1,\n   "x": 2},\n "cameraRotationAngle": 180\n}'
    parsed = read_json_text(text)
    assert codes(parsed) == ["CAM005", "CAM005"]
    by_key = {f.keys[0]: f for f in parsed.findings}
    assert by_key["x"].line == 4 and by_key["x"].column == 4
    assert by_key["cameraRotationAngle"].line == 5
    assert parsed.data["cameraRotationAngle"] == 180  # the device keeps the last one; so do we


def test_equal_keys_in_different_objects_are_not_duplicates():
    text = '{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}], "k": "{\\"k\\": 1, \\"k\\": 2}"}'
    assert read_json_text(text).findings == []


def test_duplicate_written_with_an_escape_is_still_a_duplicate():
    parsed = read_json_text('{"cameraId": 1, "camera\\u0049d": 2}')
    assert codes(parsed) == ["CAM005"] and parsed.findings[0].column == 17


def test_file_reading(tmp_path):
    good = tmp_path / "good.json"
    good.write_text('{"cameraId": 0}', encoding="utf-8")
    assert read_json_file(good).data == {"cameraId": 0}
    missing = read_json_file(tmp_path / "missing.json")
    assert codes(missing) == ["CAM001"] and "does not exist" in missing.findings[0].message
    assert codes(read_json_file(tmp_path)) == ["CAM001"]


def test_top_level_key_positions_skip_nested_keys_and_strings():
    from camtool.config.jsonread import top_level_key_positions
    text = '{"a": {"b": 1, "c": "x,\\"d\\": 1"},\n "e": [ {"f": 2} ], "a": 3}'
    assert top_level_key_positions(text) == {"a": (2, 21), "e": (2, 2)}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_findings_or_data_never_an_exception(raw):
    parsed = read_json_text(raw)
    assert parsed.data is not None or parsed.findings


def _line_col_offset(text, line, column):
    lines = text.split("\n")
    return sum(len(part) + 1 for part in lines[: line - 1]) + column - 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "é", 'k"q', "x y", "{"]), st.integers(0, 9)), min_size=1, max_size=8),
       st.sampled_from(["", " ", "\n", "\n  "]))
def test_each_repeat_is_located_at_its_own_key(pairs, gap):
    text = "{" + ("," + gap).join(f"{json.dumps(k)}:{gap}{v}" for k, v in pairs) + "}"
    parsed = read_json_text(text)
    repeats = [k for i, (k, _) in enumerate(pairs) if k in [p[0] for p in pairs[:i]]]
    found = [f for f in parsed.findings if f.code == "CAM005"]
    assert [f.keys[0] for f in found] == repeats
    for finding in found:
        offset = _line_col_offset(text, finding.line, finding.column)
        assert text.startswith(json.dumps(finding.keys[0]), offset)
