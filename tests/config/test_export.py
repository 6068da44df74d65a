"""Export formats: canonical JSON order and layout, one-line JSON, snippet escaping, refusals."""

from __future__ import annotations

import json

import pytest

from camtool.config.errors import ExportError
from camtool.config.export import EXPORT_FORMATS, export_config, export_formats, register_format
from camtool.config.snippet_writer import java_string, kotlin_string, write_kotlin


def test_formats_offered():
    assert EXPORT_FORMATS == ("json", "line", "kotlin", "java")


def test_canonical_json_puts_camera_keys_first_in_fixed_order_and_keeps_other_keys_in_order():
    data = {"uiZoom": 1.2, "usbCameraPushFlip": True, "defaultRenderer": "skyline",
            "usbCameraName": "/dev/bus/usb/001/004", "usbCameraRotationAngle": 90, "capsuleScale": 1}
    text = export_config(data, "json")
    assert list(json.loads(text)) == ["usbCameraName", "usbCameraRotationAngle", "usbCameraPushFlip",
                                      "uiZoom", "defaultRenderer", "capsuleScale"]
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "usbCameraName": "/dev/bus/usb/001/004",\n' in text  # 2-space indent


def test_canonical_json_keeps_chinese_readable():
    text = export_config({"usbSerialNumber": "前门摄像头"}, "json")
    assert "前门摄像头" in text


def test_line_format_is_one_compact_line():
    text = export_config({"uiZoom": 1, "internalCameraName": "1", "cameraRotationAngle": 90}, "line")
    assert text == '{"internalCameraName":"1","cameraRotationAngle":90,"uiZoom":1}\n'


def test_json_export_of_a_lone_surrogate_is_encodable_utf8():
    # JSON "\ud800" parses to a lone surrogate; the export must still be writable as UTF-8.
    text = export_config({"note": "\ud800x"}, "json")
    text.encode("utf-8")
    assert json.loads(text) == {"note": "\ud800x"}


@pytest.mark.parametrize("text, literal", [
    ('say "hi"', '"say \\"hi\\""'),
    ("a\\b", '"a\\\\b"'),
    ("$HOME and ${x}", '"\\$HOME and \\${x}"'),
    ("line\nbreak\ttab", '"line\\nbreak\\ttab"'),
    ("\x01", '"\\u0001"'),
    ("中文", '"中文"'),
    ("\U0001F600", '"\U0001F600"'),
    ("\u200b", '"\\u200B"'),
])
def test_kotlin_string_literals(text, literal):
    assert kotlin_string(text) == literal


@pytest.mark.parametrize("text, literal", [
    ('say "hi"', '"say \\"hi\\""'),
    ("a\\b", '"a\\\\b"'),
    ("$HOME", '"$HOME"'),  # no templates in Java
    ("line\nbreak\f", '"line\\nbreak\\f"'),
    # never \u000A or \u0022: Java decodes \u escapes before it reads the string
    ("\x01\x7f", '"\\001\\177"'),
    ("\x000", '"\\0000"'),
    ("\\u0041", '"\\\\u0041"'),
])
def test_java_string_literals(text, literal):
    assert java_string(text) == literal


def test_kotlin_snippet_shape():
    text = export_config({"usbCameraVendorId": 3034, "usbCameraPushFlip": True, "big": 2**40, "none": None}, "kotlin")
    assert "val config = JSONObject()\n" in text
    assert '    .put("usbCameraVendorId", 3034)\n' in text
    assert '.put("big", 1099511627776L)' in text  # beyond Int: a Long literal
    assert '.put("none", JSONObject.NULL)' in text  # put(key, null) would remove the key
    assert "import org.json.JSONObject\n" in text and "JSONArray" not in text
    assert text.endswith("val configJson = config.toString()\n")


def test_java_snippet_shape():
    text = export_config({"cameraId": 1, "list": [1, "a"]}, "java")
    assert "JSONObject config = new JSONObject()\n" in text
    assert '.put("list", new JSONArray()' in text
    assert "import org.json.JSONArray;" in text and "import org.json.JSONException;" in text
    assert text.rstrip().endswith("String configJson = config.toString();")


@pytest.mark.parametrize("to", EXPORT_FORMATS)
@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_numbers_are_refused_with_a_sentence(to, value):
    with pytest.raises(ExportError) as info:
        export_config({"uiZoom": value}, to)
    assert "uiZoom" in str(info.value) and "NaN" in str(info.value)


@pytest.mark.parametrize("to", ["kotlin", "java"])
def test_number_beyond_64_bits_is_refused_in_snippets(to):
    with pytest.raises(ExportError, match="64-bit"):
        export_config({"maxMemorySize": 2**70}, to)


def test_unknown_format_names_the_known_ones():
    with pytest.raises(ExportError) as info:
        export_config({}, "yaml")
    assert "yaml" in str(info.value) and "kotlin" in str(info.value)


def test_registered_format_receives_canonical_order():
    seen = []
    register_format("test-format", lambda data: seen.append(list(data)) or "ok\n")
    try:
        assert "test-format" in export_formats()
        assert export_config({"uiZoom": 1, "cameraId": 0}, "test-format") == "ok\n"
        assert seen == [["cameraId", "uiZoom"]]
    finally:
        from camtool.config import export
        export._EXPORTERS.pop("test-format", None)


@pytest.mark.parametrize("to", EXPORT_FORMATS)
def test_absurd_nesting_is_refused_with_a_sentence(to):
    data: dict = {}
    inner = data
    for _ in range(5000):
        inner["a"] = {}
        inner = inner["a"]
    with pytest.raises(ExportError, match="nested too deeply"):
        export_config(data, to)


def test_a_nested_array_is_indented_one_step_deeper_than_its_put():
    text = write_kotlin({"a": [{"b": [1]}, 2]})
    assert text.split("val config = ")[1].split("\nval configJson")[0] == (
        "JSONObject()\n"
        "    .put(\"a\", JSONArray()\n"
        "        .put(JSONObject()\n"
        "            .put(\"b\", JSONArray()\n"
        "                .put(1)))\n"
        "        .put(2))")


@pytest.mark.parametrize("to", ["kotlin", "java"])
def test_a_refused_value_inside_an_array_names_the_key_that_holds_it(to):
    with pytest.raises(ExportError) as caught:
        export_config({"sizes": [640, float("nan")]}, to)
    assert caught.value.message == 'The number in "sizes" is not finite (nan); JSON has no NaN or Infinity.'


def test_the_last_character_of_the_basic_plane_is_one_escape_not_a_pair():
    assert kotlin_string("\uffff") == '"\\uFFFF"'
    assert java_string("\uffff") == '"\\uFFFF"'
