"""Export formats: canonical JSON order and layout, one-line JSON, snippet escaping, refusals."""

from __future__ import annotations

import json

import pytest

from camtool.config.errors import ExportError
from camtool.config.export import EXPORT_FORMATS, export_config, export_formats, register_format
from camtool.config.snippet_writer import java_string, kotlin_string, write_java, write_kotlin


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


_SAMPLE = {"internalCameraName": "1", "sizes": [1, {"a": None}], "big": 2**31, "neg": -2**31, "f": 1.5, "b": True}
_HEADER = ("// initGlobalConfig JSON, exported by camtool (camera keys first).\n"
           "// Call InitGlobalConfig with configJson after ActivateDevice succeeds and before the mini\n"
           "// program starts, and again after every WMPF restart.\n")


def test_the_java_snippet_word_for_word():
    """An export is a contract: integrators diff it and paste it; it never changes with the language."""
    assert write_java(_SAMPLE) == _HEADER + (
        "// put() throws the checked JSONException: run this in a method that declares it or in a try block.\n"
        "import org.json.JSONArray;\nimport org.json.JSONException;\nimport org.json.JSONObject;\n\n"
        "JSONObject config = new JSONObject()\n"
        "        .put(\"internalCameraName\", \"1\")\n"
        "        .put(\"sizes\", new JSONArray()\n"
        "            .put(1)\n"
        "            .put(new JSONObject()\n"
        "                .put(\"a\", JSONObject.NULL)))\n"
        "        .put(\"big\", 2147483648L)\n"
        "        .put(\"neg\", -2147483648)\n"
        "        .put(\"f\", 1.5)\n"
        "        .put(\"b\", true);\n"
        "String configJson = config.toString();\n")


def test_the_kotlin_snippet_word_for_word():
    assert write_kotlin({"internalCameraName": "1", "cost": "$5"}) == _HEADER + (
        "import org.json.JSONObject\n\n"
        "val config = JSONObject()\n"
        "    .put(\"internalCameraName\", \"1\")\n"
        "    .put(\"cost\", \"\\$5\")\n"
        "val configJson = config.toString()\n")


@pytest.mark.parametrize("value, literal", [(2**31 - 1, "2147483647"), (-2**31, "-2147483648"), (2**31, "2147483648L"),
                                            (-2**31 - 1, "-2147483649L"), (2**63 - 1, "9223372036854775807L"),
                                            (-2**63 + 1, "-9223372036854775807L")])
def test_integers_are_ints_up_to_32_bits_then_longs(value, literal):
    assert f'.put("n", {literal})' in write_kotlin({"n": value})


@pytest.mark.parametrize("value", [2**63, -2**63])
def test_integers_beyond_what_both_languages_can_write_are_refused_by_key(value):
    with pytest.raises(ExportError) as caught:
        write_java({"n": value})
    assert caught.value.message == (f'The number in "n" ({value}) is too large for Android\'s JSONObject (64-bit at most).')


def test_keys_that_are_not_text_and_values_that_are_not_json_are_refused_with_a_sentence():
    with pytest.raises(ExportError) as caught:
        write_kotlin({1: "x"})
    assert caught.value.message == "The config has a key that is not text (1); JSON keys are always text."
    with pytest.raises(ExportError) as caught:
        write_java({"sizes": [{1, 2}]})
    assert caught.value.message == 'The value of "sizes" is not a JSON value (set); camtool cannot export it.'
    with pytest.raises(ExportError) as caught:
        write_kotlin({"f": float("inf")})
    assert caught.value.message == 'The number in "f" is not finite (inf); JSON has no NaN or Infinity.'
