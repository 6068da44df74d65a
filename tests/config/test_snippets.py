"""Reading configs from Kotlin and Java code: the forms integrators write, and every unreadable put by line."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camtool.config.snippets import read_snippet


def _read(code: str, language: str):
    return read_snippet(textwrap.dedent(code), language, "Config.kt")


def _codes(findings):
    return [(f.code, f.line) for f in findings]


def test_kotlin_chained_on_a_new_object():
    data, findings = _read('''
        val config = JSONObject()
            .put("usbCameraVendorId", 3034) // Realtek
            .put("usbCameraProductId", 0x5678)
            .put("usbSerialNumber", "SN\\$01")
            .put("usbCameraPushFlip", true)
        wmpf.initGlobalConfig(config.toString())
    ''', "kotlin")
    assert findings == []
    assert data == {"usbCameraVendorId": 3034, "usbCameraProductId": 0x5678, "usbSerialNumber": "SN$01",
                    "usbCameraPushFlip": True}


def test_kotlin_separate_statements_on_any_receiver_and_apply_blocks():
    data, findings = _read('''
        val cfg = JSONObject()
        cfg.put("internalCameraName", "1")
        cfg.apply {
            put("cameraRotationAngle", 270)
            /* a block comment /* nested */ still a comment */
            put("cameraPushFlip", false)
        }
    ''', "kotlin")
    assert findings == []
    assert data == {"internalCameraName": "1", "cameraRotationAngle": 270, "cameraPushFlip": False}


def test_java_statements_with_semicolons_and_nested_objects():
    data, findings = _read('''
        JSONObject ui = new JSONObject();
        ui.put("zoom", 1.5);
        JSONObject config = new JSONObject();
        config.put("cameraId", 0);   // legacy id
        config.put("extra", ui);
        config.put("list", new JSONArray().put(1).put("two").put(JSONObject.NULL));
        WMPFDevice.getInstance().initGlobalConfig(config.toString());
    ''', "java")
    assert findings == []
    assert data == {"cameraId": 0, "extra": {"zoom": 1.5}, "list": [1, "two", None]}


def test_a_fragment_of_put_lines_without_declaration_is_read():
    data, findings = _read('config.put("usbCameraName", "/dev/bus/usb/001/004");\n', "java")
    assert data == {"usbCameraName": "/dev/bus/usb/001/004"} and findings == []


@pytest.mark.parametrize("literal, value, language", [
    ("010", 8, "java"),             # Java octal
    ("0xFFFFFFFF", -1, "java"),     # an int literal that wraps
    ("0xFFFFFFFF", 4294967295, "kotlin"),  # Kotlin makes it a Long
    ("1_000", 1000, "kotlin"),
    ("3034L", 3034, "java"),
    ("-90", -90, "kotlin"),
    ("1.5f", 1.5, "java"),
    ("0.1f", 0.10000000149011612, "kotlin"),  # a float widened to double, as JSONObject stores it
    ("1e3", 1000.0, "java"),
    ("-2147483648", -2147483648, "java"),  # 2^31 only after a minus
])
def test_number_literals_as_the_compiler_reads_them(literal, value, language):
    data, findings = read_snippet(f'c.put("n", {literal})', language)
    assert findings == [] and data == {"n": value}
    assert type(data["n"]) is type(value)


@pytest.mark.parametrize("literal, language", [("010", "kotlin"), ("2147483648", "java"), ("1u", "kotlin"), ("0x", "java")])
def test_number_literals_the_compiler_rejects_are_reported(literal, language):
    data, findings = read_snippet(f'c.put("n", {literal})', language)
    assert _codes(findings) == [("CAM801", 1)]


def test_every_unreadable_put_is_reported_with_its_line_and_the_rest_is_read():
    data, findings = _read('''
        val config = JSONObject()
        config.put("internalCameraName", cameraIdFromSettings())
        config.put("cameraRotationAngle", 90)
        config.put("usbSerialNumber", "$serial")
        config.put(KEY_FLIP, true)
        config.put("cameraPushFlip", 'x')
    ''', "kotlin")
    assert _codes(findings) == [("CAM801", 3), ("CAM801", 5), ("CAM801", 6), ("CAM801", 7)]
    assert data == {"cameraRotationAngle": 90}
    assert "template" in findings[1].message
    assert findings[0].message.startswith("Line 3:")


def test_put_twice_warns_and_the_last_value_counts():
    data, findings = _read('''
        config.put("cameraRotationAngle", 90);
        config.put("cameraRotationAngle", 180);
    ''', "java")
    assert data == {"cameraRotationAngle": 180}
    assert _codes(findings) == [("CAM803", 3)]
    assert not findings[0].is_error


def test_put_null_removes_the_key_like_jsonobject():
    data, findings = _read('''
        config.put("uiZoom", 2);
        config.put("uiZoom", null);
        config.putOpt("other", null);
    ''', "java")
    assert data == {}
    assert _codes(findings) == [("CAM804", 3)]


def test_calls_camtool_cannot_follow_are_errors():
    data, findings = _read('''
        config.put("cameraId", 1);
        config.remove("cameraId");
    ''', "java")
    assert _codes(findings) == [("CAM807", 3)]


def test_code_without_any_put_is_an_error_naming_the_file():
    data, findings = read_snippet("fun main() { println(\"hi\") }\n", "kotlin", "Main.kt")
    assert data is None
    assert [f.code for f in findings] == ["CAM802"] and "Main.kt" in findings[0].message


def test_an_unclosed_string_is_reported_with_its_line():
    data, findings = _read('''
        config.put("cameraId", 1);
        config.put("usbSerialNumber", "abc);
    ''', "java")
    assert ("CAM805", 3) in _codes(findings)
    assert data == {"cameraId": 1}


def test_puts_into_two_unrelated_objects_are_merged_with_a_warning():
    data, findings = _read('''
        a.put("cameraId", 1)
        b.put("uiZoom", 2)
    ''', "kotlin")
    assert data == {"cameraId": 1, "uiZoom": 2}
    assert [f.code for f in findings] == ["CAM806"]


def test_java_unicode_and_octal_escapes():
    data, findings = read_snippet('c.put("s", "\\u4e2d\\101\\0");', "java")
    assert data == {"s": "中A\x00"} and findings == []


def test_kotlin_raw_string_without_templates():
    data, findings = read_snippet('c.put("s", """a\\b""")', "kotlin")
    assert data == {"s": "a\\b"} and findings == []


def test_kotlin_declaration_with_apply_block_and_with_block():
    data, findings = _read('''
        val config: JSONObject = JSONObject().apply {
            put("usbCameraName", "/dev/bus/usb/001/004")
        }
        with(config) {
            put("usbCameraRotationAngle", 180)
        }
    ''', "kotlin")
    assert findings == []
    assert data == {"usbCameraName": "/dev/bus/usb/001/004", "usbCameraRotationAngle": 180}


def test_java_double_brace_initialisation():
    data, findings = _read('''
        JSONObject config = new JSONObject() {{
            put("cameraId", 1);
            put("cameraRotationAngle", 90);
        }};
    ''', "java")
    assert findings == [] and data == {"cameraId": 1, "cameraRotationAngle": 90}


def test_absurd_nesting_is_a_finding_not_a_crash():
    code = 'c.put("a", ' + 'JSONObject().put("a", ' * 3000 + "1" + ")" * 3001
    data, findings = read_snippet(code, "kotlin")
    assert data is None and [f.code for f in findings] == ["CAM805"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['put', '(', ')', '"k"', ',', '1', 'JSONObject', '.', 'new', ';', '{', '}', '\n',
                                 '"', '\\', '$', "'", '/*', '`', '0x', 'L', '-', '=', 'val c', 'apply', 'with', 'null',
                                 'JSONObject.NULL', 'remove', '"""', '${', '\\u12', ' ']), max_size=40).map("".join),
       st.sampled_from(["kotlin", "java"]))
def test_any_text_gives_findings_never_an_exception(code, language):
    data, findings = read_snippet(code, language)
    assert data is None or isinstance(data, dict)
    assert data is not None or findings


def test_json_text_given_to_the_jsonobject_constructor_is_read():
    data, findings = _read('''
        val config = JSONObject("{\\"usbCameraName\\": \\"/dev/bus/usb/001/004\\", \\"ui\\": {\\"zoom\\": 2}}")
        config.put("usbCameraRotationAngle", 90)
    ''', "kotlin")
    assert findings == []
    assert data == {"usbCameraName": "/dev/bus/usb/001/004", "ui": {"zoom": 2}, "usbCameraRotationAngle": 90}


def test_invalid_json_text_in_the_constructor_is_reported_with_its_line():
    data, findings = _read('''
        JSONObject config = new JSONObject("{\\"cameraId\\": 0,}");
    ''', "java")
    assert data is None and ("CAM801", 2) in _codes(findings)


# --- `.put("key", literal)` read as one token ---------------------------------------------

def _read_the_long_way(code: str, language: str):
    """read_snippet with every put spelled out as seven tokens, as before the one-token put."""
    from camtool.config import snippet_lexer

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(snippet_lexer, "_FAST", snippet_lexer._FAST_NO_PUTS)
        return _outcome(code, language)


def _outcome(code: str, language: str):
    from camtool.config.snippets import read_snippet_with_positions

    data, findings, positions = read_snippet_with_positions(code, language, "Config.kt")
    return data, [(f.code, f.line, f.column, f.keys, f.message) for f in findings], positions


_PUT_CONTEXTS = [
    # chained, as statements, on `this`, after a call or a block camtool does not follow
    'val c = JSONObject()\n  .put("a", 1).put( "b" , "x" )\nc.put("a", true)\nthis.put("d", -7)\nfoo().put("e", false)\n',
    'JSONObject config = new JSONObject();\nconfig.put("cameraId", 0);\nconfig.put("cameraId", "1");\n',
    # nested objects, a JSONArray, an object built at run time, apply blocks
    'val o = JSONObject().put("outer", JSONObject().put("inner", 2))\n',
    'val a = JSONArray().put("x", 1)\nval m = JSONObject(map).put("k", 1)\n',
    'val c = JSONObject().apply { put("a", 1) }.put("b", 2)\nrun { this.put("c", 3) }\n',
    'config?.put("a", 1)\nconfig.put("b", 1L)\nconfig.put("c", 010)\nconfig.put("d", 1234567890)\nconfig.put("e", null)\n',
]


@pytest.mark.parametrize("code", _PUT_CONTEXTS)
@pytest.mark.parametrize("language", ["kotlin", "java"])
def test_a_put_read_as_one_token_gives_what_its_seven_tokens_give(code, language):
    whole = _outcome(code, language)
    assert whole == _read_the_long_way(code, language)
    assert whole[0] is not None or whole[1]


def test_a_put_on_an_array_or_an_unknown_object_is_reported_at_its_own_columns():
    data, findings, _ = _outcome('val a = JSONArray().put("x", 1)\nval m = JSONObject(map).put("k", 1)\n', "kotlin")
    cam801 = [(f[1], f[2]) for f in findings if f[0] == "CAM801"]
    assert cam801 == [(1, 28), (2, 25)]   # the "," an array's put(value) does not take; the put on a run-time object


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['.put("k", 1)', '.put("k", "v")', '.put( "j" ,true )', '.put("n", -3)', 'put', '(', ')',
                                 '"k"', ',', '1', 'JSONObject', 'JSONArray', '.', 'new', ';', '{', '}', '\n', 'val c',
                                 ' = ', 'c', 'this', 'apply', 'null', '"', '$', '/*', '*/', '//']), max_size=30).map("".join),
       st.sampled_from(["kotlin", "java"]))
def test_any_text_reads_the_same_with_puts_as_one_token(code, language):
    assert _outcome(code, language) == _read_the_long_way(code, language)
