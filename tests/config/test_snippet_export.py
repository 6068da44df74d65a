"""The Kotlin and Java code camtool exports: the whole text, line for line, and each literal's spelling."""

from __future__ import annotations

import pytest

from camtool.config.errors import ExportError
from camtool.config.snippet_writer import java_string, kotlin_string, write_java, write_kotlin
from camtool.config.snippets import read_snippet

CONFIG = {"internalCameraName": "0", "cameraId": 3, "cameraPushFlip": True, "uiZoom": 1.5, "big": 3000000000,
          "neg": -2147483648, "s": 'a"b\\c$d\n\t\u0001é', "n": None, "o": {"x": [1, {"y": False}, []], "e": {}},
          "f": 1e20, "g": -0.0}

KOTLIN = '// initGlobalConfig JSON, exported by camtool (camera keys first).\n// Call InitGlobalConfig with configJson after ActivateDevice succeeds and before the mini\n// program starts, and again after every WMPF restart.\nimport org.json.JSONArray\nimport org.json.JSONObject\n\nval config = JSONObject()\n    .put("internalCameraName", "0")\n    .put("cameraId", 3)\n    .put("cameraPushFlip", true)\n    .put("uiZoom", 1.5)\n    .put("big", 3000000000L)\n    .put("neg", -2147483648)\n    .put("s", "a\\"b\\\\c\\$d\\n\\t\\u0001é")\n    .put("n", JSONObject.NULL)\n    .put("o", JSONObject()\n        .put("x", JSONArray()\n            .put(1)\n            .put(JSONObject()\n                .put("y", false))\n            .put(JSONArray()))\n        .put("e", JSONObject()))\n    .put("f", 1e+20)\n    .put("g", -0.0)\nval configJson = config.toString()\n'

JAVA = '// initGlobalConfig JSON, exported by camtool (camera keys first).\n// Call InitGlobalConfig with configJson after ActivateDevice succeeds and before the mini\n// program starts, and again after every WMPF restart.\n// put() throws the checked JSONException: run this in a method that declares it or in a try block.\nimport org.json.JSONArray;\nimport org.json.JSONException;\nimport org.json.JSONObject;\n\nJSONObject config = new JSONObject()\n        .put("internalCameraName", "0")\n        .put("cameraId", 3)\n        .put("cameraPushFlip", true)\n        .put("uiZoom", 1.5)\n        .put("big", 3000000000L)\n        .put("neg", -2147483648)\n        .put("s", "a\\"b\\\\c$d\\n\\t\\001é")\n        .put("n", JSONObject.NULL)\n        .put("o", new JSONObject()\n            .put("x", new JSONArray()\n                .put(1)\n                .put(new JSONObject()\n                    .put("y", false))\n                .put(new JSONArray()))\n            .put("e", new JSONObject()))\n        .put("f", 1e+20)\n        .put("g", -0.0);\nString configJson = config.toString();\n'


def test_the_kotlin_export_is_this_text_and_reads_back_as_the_config():
    assert write_kotlin(CONFIG) == KOTLIN
    assert read_snippet(KOTLIN, "kotlin") == (CONFIG, [])


def test_the_java_export_is_this_text_and_reads_back_as_the_config():
    assert write_java(CONFIG) == JAVA
    assert read_snippet(JAVA, "java") == (CONFIG, [])


@pytest.mark.parametrize("value, literal", [
    (2147483647, "2147483647"), (2147483648, "2147483648L"), (-2147483648, "-2147483648"),
    (-2147483649, "-2147483649L"), (9223372036854775807, "9223372036854775807L"), (-9223372036854775807, "-9223372036854775807L"),
    (0.1, "0.1"), (1e-07, "1e-07"),
])
def test_numbers_are_written_as_int_long_or_double_literals(value, literal):
    assert f'.put("v", {literal})' in write_kotlin({"v": value})
    assert f'.put("v", {literal});' in write_java({"v": value})


@pytest.mark.parametrize("value", [9223372036854775808, -9223372036854775808])
def test_a_number_no_literal_can_spell_is_refused_naming_the_key(value):
    for write in (write_kotlin, write_java):
        with pytest.raises(ExportError) as refused:
            write({"v": value})
        assert str(refused.value) == f'The number in "v" ({value}) is too large for Android\'s JSONObject (64-bit at most).'


@pytest.mark.parametrize("text, kotlin, java", [
    ("\b\f\r\x7f\x00", '"\\b\\u000C\\r\\u007F\\u0000"', '"\\b\\f\\r\\177\\000"'),
    ("\U000E0001", '"\\uDB40\\uDC01"', '"\\uDB40\\uDC01"'),
    ("😀", '"😀"', '"😀"'),
    ("\u200b", '"\\u200B"', '"\\u200B"'),
    ("\ud800\udfff", '"\\uD800\\uDFFF"', '"\\uD800\\uDFFF"'),
    ("a$b", '"a\\$b"', '"a$b"'),
])
def test_invisible_and_special_characters_are_escaped_as_each_language_needs(text, kotlin, java):
    assert kotlin_string(text) == kotlin
    assert java_string(text) == java
