"""Loading configs from files, stdin and code; the round trip import(export(x)) == x for every format."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from camtool.config.export import EXPORT_FORMATS, canonical_order, export_config
from camtool.config.findings import has_errors
from camtool.config.imports import format_for, load_and_validate, load_config_source
from camtool.config.keys import ROTATIONS
from camtool.config.rules import validate

_SUFFIX = {"json": ".json", "line": ".json", "kotlin": ".kt", "java": ".java"}

# Characters that break naive escaping in one language or another.
_TRICKY = st.sampled_from(['"', "\\", "$", "${", "{", "}", "\n", "\r", "\t", "\b", "\f", "\x00", "\x7f",
                           "\u2028", "\u0085", "\u200b", "\ufeff", "中", "\U0001F600", "\ud800", "\udfff", "'", "/*", "//"])
_TEXT = st.lists(st.one_of(st.characters(), _TRICKY), max_size=12).map("".join)
_JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**63) + 1, 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False), _TEXT)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_TEXT, inner, max_size=3)),
    max_leaves=8)
_OTHER_KEYS = st.dictionaries(_TEXT.map(lambda s: "x-" + s), _JSON_VALUES, max_size=4)

_ROTATION = st.sampled_from(ROTATIONS)
_BUILTIN_PUSH = st.fixed_dictionaries({}, optional={"cameraRotationAngle": _ROTATION, "cameraPushFlip": st.booleans()})
_USB_ADJUST = st.fixed_dictionaries({}, optional={"usbCameraRotationAngle": _ROTATION, "usbCameraPushFlip": st.booleans()})
_SELECTIONS = st.one_of(
    _BUILTIN_PUSH,  # no selection: WMPF's default camera
    st.builds(lambda n, p: {"internalCameraName": n, **p}, st.sampled_from(["0", "1", "2", "10"]), _BUILTIN_PUSH),
    st.builds(lambda i, p: {"cameraId": i, **p}, st.integers(0, 9), _BUILTIN_PUSH),
    st.builds(lambda b, d, p: {"usbCameraName": f"/dev/bus/usb/{b:03d}/{d:03d}", **p},
              st.integers(1, 999), st.integers(1, 999), _USB_ADJUST),
    st.builds(lambda v, pr, s, p: {"usbCameraVendorId": v, "usbCameraProductId": pr, "usbSerialNumber": s, **p},
              st.integers(0, 65535), st.integers(0, 65535), _TEXT.filter(bool), _USB_ADJUST),
)


def _config(selection: dict, others: dict, others_first: bool) -> dict:
    return {**others, **selection} if others_first else {**selection, **others}


VALID_CONFIGS = st.builds(_config, _SELECTIONS, _OTHER_KEYS, st.booleans()).filter(
    lambda config: not has_errors(validate(config)))


def _same_json(a, b) -> bool:
    """Equal as JSON: types (true is not 1, 1.0 is not 1), key order and values all count."""
    return json.dumps(a, ensure_ascii=True) == json.dumps(b, ensure_ascii=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(config=VALID_CONFIGS)
def test_import_of_export_gives_the_config_back_in_every_format(config, tmp_path):
    for to in EXPORT_FORMATS:
        path = tmp_path / f"config{_SUFFIX[to]}"
        path.write_bytes(export_config(config, to).encode("utf-8"))
        data, findings = load_config_source(path)
        assert findings == [], (to, [f.message for f in findings])
        assert _same_json(data, canonical_order(config)), to


def test_json_from_stdin_as_bytes_and_as_text():
    data, findings = load_config_source("-", stdin=io.BytesIO(b'{"cameraId": 1}'))
    assert data == {"cameraId": 1} and findings == []
    data, findings = load_config_source("-", stdin=io.StringIO('{"cameraId": 2}'))
    assert data == {"cameraId": 2}


def test_kotlin_from_stdin_with_from():
    data, findings = load_config_source("-", "kotlin", stdin=io.StringIO('JSONObject().put("cameraId", 3)'))
    assert data == {"cameraId": 3} and findings == []


def test_format_from_suffix_or_from_option(tmp_path):
    assert format_for("a.kt") == "kotlin" and format_for("A.JAVA") == "java"
    assert format_for("a.txt") == "json" and format_for("-") == "json"
    assert format_for("a.json", "java") == "java"


def test_missing_file_is_a_finding_not_an_exception(tmp_path):
    data, findings = load_config_source(tmp_path / "nope.kt")
    assert data is None and [f.code for f in findings] == ["CAM001"]
    assert "nope.kt" in findings[0].message


def test_a_folder_is_a_finding(tmp_path):
    data, findings = load_config_source(tmp_path)
    assert data is None and [f.code for f in findings] == ["CAM001"]


def test_snippet_that_is_not_utf8_is_a_finding_with_its_line(tmp_path):
    path = tmp_path / "Config.java"
    path.write_bytes('// 配置\nconfig.put("usbSerialNumber", "前门");\n'.encode("gbk"))
    data, findings = load_config_source(path)
    assert data is None and [f.code for f in findings] == ["CAM002"]
    assert findings[0].line == 1


def test_malformed_json_keeps_the_json_readers_line_and_column(tmp_path):
    path = tmp_path / "c.json"
    path.write_text('{\n  "cameraId": 1,\n}\n', encoding="utf-8")
    data, findings = load_config_source(path)
    assert data is None and findings[0].code == "CAM003" and findings[0].line == 3


def test_top_level_array_gives_no_config(tmp_path):
    path = tmp_path / "c.json"
    path.write_text("[1]", encoding="utf-8")
    data, findings = load_config_source(path)
    assert data is None and [f.code for f in findings] == ["CAM004"]


def test_load_and_validate_adds_the_rules_to_the_snippet_findings(tmp_path):
    path = tmp_path / "Config.kt"
    path.write_text('config.put("usbCameraName", "/dev/video0")\nconfig.put("cameraId", id)\n', encoding="utf-8")
    data, findings = load_and_validate(path)
    codes = [f.code for f in findings]
    assert "CAM801" in codes and "CAM106" in codes  # unreadable put; a /dev/videoN node


def test_rule_findings_on_a_snippet_point_at_the_line_of_the_put(tmp_path):
    path = tmp_path / "Config.java"
    path.write_text('// camera\nconfig.put("internalCameraName", "0");\nconfig.put("usbCameraRotationAngle", 90);\n',
                    encoding="utf-8")
    data, findings = load_and_validate(path)
    wrong_family = [f for f in findings if "usbCameraRotationAngle" in f.keys and f.is_error]
    assert wrong_family and wrong_family[0].line == 3
