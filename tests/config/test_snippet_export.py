"""The Kotlin and Java code camtool exports: the whole text, line for line, and each literal's spelling."""

from __future__ import annotations

import pytest

from camtool.config.snippet_writer import java_string, kotlin_string, write_java, write_kotlin
from camtool.config.snippets import read_snippet

CONFIG = {"internalCameraName": "0", "cameraId": 3, "cameraPushFlip": True, "uiZoom": 1.5, "big": 3000000000,
          "neg": -2147483648, "s": 'a"b\\c$d\n\t\u0001é', "n": None, "o": {"x": [1, {"y": False}, []], "e": {}},
          "f": 1e20, "g": -0.0}

KOTLIN = r'''// initGlobalConfig JSON, exported by camtool (camera keys first).
// Call InitGlobalConfig with configJson after ActivateDevice succeeds and before the mini
// program starts, and again after every WMPF restart.
import org.json.JSONArray
import org.json.JSONObject

val config = JSONObject()
    .put("internalCameraName", "0")
    .put("cameraId", 3)
    .put("cameraPushFlip", true)
    .put("uiZoom", 1.5)
    .put("big", 3000000000L)
    .put("neg", -2147483648)
    .put("s", "a\"b\\c\$d\n\t\u0001é")
    .put("n", JSONObject.NULL)
    .put("o", JSONObject()
        .put("x", JSONArray()
            .put(1)
            .put(JSONObject()
                .put("y", false))
            .put(JSONArray()))
        .put("e", JSONObject()))
    .put("f", 1e+20)
    .put("g", -0.0)
val configJson = config.toString()
'''

JAVA = r'''// initGlobalConfig JSON, exported by camtool (camera keys first).
// Call InitGlobalConfig with configJson after ActivateDevice succeeds and before the mini
// program starts, and again after every WMPF restart.
// put() throws the checked JSONException: run this in a method that declares it or in a try block.
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

JSONObject config = new JSONObject()
        .put("internalCameraName", "0")
        .put("cameraId", 3)
        .put("cameraPushFlip", true)
        .put("uiZoom", 1.5)
        .put("big", 3000000000L)
        .put("neg", -2147483648)
        .put("s", "a\"b\\c$d\n\t\001é")
        .put("n", JSONObject.NULL)
        .put("o", new JSONObject()
            .put("x", new JSONArray()
                .put(1)
                .put(new JSONObject()
                    .put("y", false))
                .put(new JSONArray()))
            .put("e", new JSONObject()))
        .put("f", 1e+20)
        .put("g", -0.0);
String configJson = config.toString();
'''


def test_the_kotlin_export_is_this_text_and_reads_back_as_the_config():
    assert write_kotlin(CONFIG) == KOTLIN
    assert read_snippet(KOTLIN, "kotlin") == (CONFIG, [])


def test_the_java_export_is_this_text_and_reads_back_as_the_config():
    assert write_java(CONFIG) == JAVA
    assert read_snippet(JAVA, "java") == (CONFIG, [])


@pytest.mark.parametrize("value, literal", [(0.1, "0.1"), (1e-07, "1e-07"), (1e20, "1e+20"), (-0.0, "-0.0")])
def test_doubles_are_written_as_the_shortest_text_that_reads_back(value, literal):
    assert f'.put("v", {literal})' in write_kotlin({"v": value})
    assert f'.put("v", {literal});' in write_java({"v": value})


@pytest.mark.parametrize("text, kotlin, java", [
    ("\b\f\r\x7f\x00", '"\\b\\u000C\\r\\u007F\\u0000"', '"\\b\\f\\r\\177\\000"'),
    ("\U000E0001", '"\\uDB40\\uDC01"', '"\\uDB40\\uDC01"'),
    ("\ud800\udfff", '"\\uD800\\uDFFF"', '"\\uD800\\uDFFF"'),
])
def test_invisible_and_special_characters_are_escaped_as_each_language_needs(text, kotlin, java):
    assert kotlin_string(text) == kotlin
    assert java_string(text) == java
