"""Reading configs from Kotlin and Java code: the forms integrators write, and every unreadable put by line."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camtool.config.snippets import read_snippet, read_snippet_with_positions


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
@given(st.lists(st.sampled_from(['.put("k", 1)', '.put("k", "v")', '.put( "j" ,true )', '.put("n", -3)', 'c.put("k", 1);',
                                 'x.put("m", 2)', 'this.put("t", 3);', 'put', '(', ')', '"k"', ',', '1', 'JSONObject',
                                 'JSONArray', '.', 'new', ';', '{', '}', '\n', 'val c', ' = ', 'c', 'x', 'this', 'apply',
                                 'null', '"', '$', '/*', '*/', '//', ': ', 'with', '?']), max_size=30).map("".join),
       st.sampled_from(["kotlin", "java"]))
def test_any_text_reads_the_same_with_puts_and_put_lines_as_one_token(code, language):
    assert _outcome(code, language) == _read_the_long_way(code, language)


# --- forms the mutation run showed untested ------------------------------------------------

@pytest.mark.parametrize("literal, value, language", [
    ("0x1FL", 31, "java"), ("0x1FL", 31, "kotlin"),     # a hex Long: the L is not a digit
    ("0b101", 5, "java"), ("0B11L", 3, "kotlin"),        # binary, not read as hex
])
def test_hex_and_binary_literals_with_and_without_the_long_suffix(literal, value, language):
    data, findings = read_snippet(f'c.put("n", {literal})', language)
    assert findings == [] and data == {"n": value}


def test_a_hex_literal_with_letters_past_f_is_named_in_the_finding():
    data, findings = read_snippet('c.put("n", 0xZZ)\nc.put("m", 1)', "java")
    assert data == {"m": 1}
    assert [f.message for f in findings] == ["Line 1: this put(...) call cannot be read: 0xZZ is not a valid number."]


@pytest.mark.parametrize("declaration", ["val inner: org.json.JSONObject = JSONObject()",
                                         "var inner: JSONObject? = JSONObject()"])
def test_a_typed_declaration_binds_the_name_whatever_the_type_is_written_as(declaration):
    data, findings = _read(f'''
        {declaration}.put("zoom", 2)
        val config = JSONObject().put("ui", inner)
    ''', "kotlin")
    assert findings == [] and data == {"ui": {"zoom": 2}}


def test_puts_without_a_receiver_all_go_into_the_same_implicit_object():
    data, findings = _read('''
        put("internalCameraName", "1")
        put("cameraRotationAngle", 90)
        this.put("cameraPushFlip", true)
    ''', "java")
    assert findings == [] and data == {"internalCameraName": "1", "cameraRotationAngle": 90, "cameraPushFlip": True}


def test_json_text_given_to_the_jsonarray_constructor_is_a_list_and_its_keys_have_positions():
    data, findings, positions = read_snippet_with_positions(textwrap.dedent('''
        val config = JSONObject("{\\"usbCameraName\\": \\"/dev/bus/usb/001/004\\"}")
        config.put("sizes", JSONArray("[640, 480]"))
    '''), "kotlin", "Config.kt")
    assert findings == [] and data == {"usbCameraName": "/dev/bus/usb/001/004", "sizes": [640, 480]}
    assert positions["usbCameraName"] == (2, 25)      # the string that holds the JSON text
    assert positions["sizes"] == (3, 12)


@pytest.mark.parametrize("code", ['val config = JSONObject("[1, 2]")', 'val config = JSONArray("{}")',
                                  'val config = JSONObject("{\\"a\\": $x}")'])
def test_json_text_of_the_wrong_kind_or_not_constant_is_reported_with_what_to_do(code):
    data, findings = read_snippet(code, "kotlin")
    assert data is None
    name = "JSONArray" if "JSONArray" in code else "JSONObject"
    assert (findings[0].code, findings[0].message, findings[0].fix) == (
        "CAM801", f"Line 1: the text given to {name}(...) is not JSON of that kind that camtool can read.",
        "Check the JSON inside the string (camtool validate reads it from a .json file), or use put(\"key\", value) calls.")


def test_json_text_with_a_repeated_key_is_refused_as_the_constructor_would():
    """org.json's JSONObject(String) throws on a duplicate key: no config, a CAM801 on its line."""
    data, findings = read_snippet('\nval config = JSONObject("{\\"a\\": 1, \\"a\\": 2}")', "kotlin")
    assert data is None and [(f.code, f.line) for f in findings] == [("CAM801", 2)]


def test_an_empty_object_from_json_text_is_not_a_second_config():
    data, findings = read_snippet('val spare = JSONObject("{}")\nval config = JSONObject().put("a", 1)', "kotlin")
    assert data == {"a": 1} and findings == []


def test_a_call_camtool_cannot_read_is_skipped_to_its_closing_parenthesis():
    data, findings = read_snippet('config.put("a", f(g(1), h[2], { 3 })).put("b", 2)\n'
                                  'config.remove(k(1), "x")\nconfig.put("c", 3)', "java")
    assert data == {"b": 2, "c": 3}
    assert [(f.code, f.line) for f in findings] == [("CAM801", 1), ("CAM807", 2)]


@pytest.mark.parametrize("literal, value, language", [
    ("1.0d", 1.0, "java"), ("2D", 2.0, "java"), ("1.", 1.0, "java"), ("1.f", 1.0, "java"), ("1.e5", 100000.0, "java"),
    (".5", 0.5, "kotlin"), ("1.5F", 1.5, "kotlin"),
    ("0xFFFFFFFFL", 4294967295, "java"),   # with the L it is a long: no wrap to -1
    ("0x1fl", 31, "java"),                 # Java takes a small l too
])
def test_more_number_literals_as_the_compiler_reads_them(literal, value, language):
    data, findings = read_snippet(f'c.put("n", {literal})', language)
    assert findings == [] and data == {"n": value} and type(data["n"]) is type(value)


@pytest.mark.parametrize("literal, language, reason", [
    ("1d", "kotlin", "1d is not a valid number"),                      # Kotlin has no d suffix
    ("0x1fl", "kotlin", "0x1fl is not a valid number"),                # Kotlin takes only the capital L
    ("0x1FFFFFFFFFFFFFFFFL", "java", "0x1FFFFFFFFFFFFFFFFL is too large for a Java long"),
    ("1.", "kotlin", "the value is computed when the app runs, not a literal"),   # the Int 1, then a member
])
def test_number_literals_the_compiler_rejects_say_which_and_why(literal, language, reason):
    data, findings = read_snippet(f'c.put("n", {literal}).put("m", 2)', language)
    assert data == {"m": 2}
    assert [f.message for f in findings] == [f"Line 1: this put(...) call cannot be read: {reason}."]


@pytest.mark.parametrize("code", ['c.put("n", 1 + 2).put("m", 2)', 'c.put("n", 1.5.toInt()).put("m", 2)',
                                  'c.put("n", "a" + b).put("m", 2)', 'c.put("n", null ?: 3).put("m", 2)'])
def test_a_value_that_only_starts_with_a_literal_stores_nothing(code):
    """Storing the 1 of `1 + 2` was a guess: the key is left out and the put is reported."""
    data, findings = read_snippet(code, "kotlin")
    assert data == {"m": 2}
    assert [(f.code, f.message) for f in findings] == [
        ("CAM801", "Line 1: this put(...) call cannot be read: the value is computed when the app runs, not a literal.")]


def test_an_array_value_that_is_an_expression_is_not_appended():
    data, findings = read_snippet('val a = JSONArray().put(1 + 2).put(3)\nval c = JSONObject().put("sizes", a)', "kotlin")
    assert data == {"sizes": [3]} and [(f.code, f.line) for f in findings] == [("CAM801", 1)]


def test_puts_on_an_object_built_from_a_call_are_reported_not_put_elsewhere():
    """JSONObject(f(x)) ends at its own ")": the puts chained on it once went into another object."""
    data, findings = read_snippet('val c = JSONObject(foo(1)).put("k", 1)\nval d = JSONObject().put("m", 2)', "kotlin")
    assert data == {"m": 2}
    assert [(f.code, f.line, f.column) for f in findings] == [("CAM807", 1, 9), ("CAM801", 1, 28)]


@pytest.mark.parametrize("literal, language, reason", [
    ("1_", "kotlin", "1_ is not a valid number"), ("1_.5", "java", "1_.5 is not a valid number"),
    ("1._5", "java", "1._5 is not a valid number"), ("1l", "kotlin", "1l is not a valid number"),
    ("1u", "kotlin", "1u is an unsigned Kotlin number; JSONObject has no put for it"),
    ("1uL", "kotlin", "1uL is an unsigned Kotlin number; JSONObject has no put for it"),
    ("2147483648", "java", "2147483648 is too large for a Java int"),
    ("-2147483649", "java", "2147483649 is too large for a Java int"),      # one past the minus-only 2^31
    ("9223372036854775808L", "java", "9223372036854775808L is too large for a Java long"),
    ("0x100000000", "java", "0x100000000 is too large for a Java int"),     # 33 bits do not wrap, they fail
    ("99999999999999999999", "kotlin", "99999999999999999999 is too large for a Kotlin Long"),
    ("1e999", "java", "1e999 is too large for a double"), ("1e39f", "java", "1e39f is too large for a float"),
])
def test_each_number_the_compiler_rejects_is_named_with_its_reason(literal, language, reason):
    data, findings = read_snippet(f'c.put("n", {literal}).put("m", 2)', language)
    assert data == {"m": 2}
    assert [f.message for f in findings] == [f"Line 1: this put(...) call cannot be read: {reason}."]


@pytest.mark.parametrize("literal, value, language", [("2f", 2.0, "kotlin"), ("2f", 2.0, "java"), ("3034l", 3034, "java"),
                                                      ("0x1FFFFFFFFL", 8589934591, "kotlin")])
def test_suffixes_each_language_takes(literal, value, language):
    data, findings = read_snippet(f'c.put("n", {literal})', language)
    assert findings == [] and data == {"n": value} and type(data["n"]) is type(value)


def test_code_without_puts_given_without_a_name_is_called_the_snippet():
    data, findings = read_snippet("val x = 1", "kotlin")
    assert data is None and [f.message for f in findings] == [
        "<snippet> has no JSONObject put(\"key\", value) call, so there is no config to read."]


@pytest.mark.parametrize("string, language, value", [
    ('"a\\\'b"', "java", "a'b"), ('"a\\\'b"', "kotlin", "a'b"), ('"x\\sy"', "java", "x y"),   # \s: Java's space
    ('"\\uuu0041"', "java", "A"),                                                          # Java allows \uuu
    ('"x\\sy"', "kotlin", None), ('"\\uu0041"', "kotlin", None),                           # Kotlin allows neither
])
def test_escapes_each_language_allows(string, language, value):
    data, findings = read_snippet(f'c.put("k", {string}).put("m", 1)', language)
    if value is None:
        assert data == {"m": 1} and [f.message for f in findings] == [
            "Line 1: this put(...) call cannot be read: the string has an escape sequence the language does not allow."]
    else:
        assert data == {"k": value, "m": 1} and findings == []


@pytest.mark.parametrize("literal, value, language", [
    ("0x80000000", -2147483648, "java"), ("0x40000000", 1073741824, "java"), ("0x7FFFFFFF", 2147483647, "java"),
    ("9223372036854775807", 9223372036854775807, "kotlin"),
])
def test_the_edges_of_int_and_long(literal, value, language):
    assert read_snippet(f'c.put("n", {literal})', language) == ({"n": value}, [])


@pytest.mark.parametrize("literal, language, reason", [
    ("1e", "java", "1e is not a valid number"),
    ("9223372036854775808", "kotlin", "9223372036854775808 is too large for a Kotlin Long"),
])
def test_a_number_past_the_edge_or_without_its_exponent_is_refused(literal, language, reason):
    data, findings = read_snippet(f'c.put("n", {literal})', language)
    assert data == {} and [f.message for f in findings] == [f"Line 1: this put(...) call cannot be read: {reason}."]


def test_each_put_problem_reads_as_a_sentence_with_what_to_do():
    code = ('c.put("a", 1)\nc.put("a", 2)\nc.put("b", null)\nc.put(key, 3)\nc.put("$k", 4)\n'
            'val arr = JSONArray().put("x", 1)\nval arr2 = JSONArray().put(1, 2\n')
    data, findings = read_snippet(code, "kotlin")
    literal = 'Write the value as a literal (a number, true or false, a "string", JSONObject.NULL), or import the JSON text itself.'
    assert data == {"a": 2}
    assert [(f.code, f.line, f.column, f.keys, f.message, f.fix) for f in findings] == [
        ("CAM801", 4, 7, (), 'Line 4: this put(...) call cannot be read: the key is not a "string" constant.', literal),
        ("CAM801", 5, 7, (), "Line 5: this put(...) call cannot be read: the string uses a $ template, so its value is "
                             "only known when the app runs.", literal),
        ("CAM801", 6, 30, (), 'Line 6: this put(...) call cannot be read: expected ")" here.', literal),
        ("CAM801", 7, 29, (), 'Line 7: this put(...) call cannot be read: expected ")" here.', literal),
        ("CAM803", 2, 7, ("a",), "Line 2: a is put a second time; only this last value counts.",
         "Delete the earlier put of a, keeping the value you mean."),
        ("CAM804", 3, 12, ("b",), 'Line 3: put("b", null) removes b instead of setting it to JSON null.',
         "Use JSONObject.NULL for a JSON null, or delete the line if removing the key is meant."),
    ]


def test_values_that_look_like_literals_but_are_not():
    code = ('val inner = JSONObject().put("a", 1)\nc.put("p", +5)\nc.put("q", (1))\nc.put("r", Other.NULL)\n'
            'c.put("s", inner.put("b", 2))\nc.put("t", JSONObject(map))\nval arr = JSONArray().put(inner, 2)\n')
    data, findings = read_snippet(code, "kotlin")
    computed = "the value is computed when the app runs, not a literal"
    assert data == {"p": 5}
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [
        ("CAM801", 3, 12, f"Line 3: this put(...) call cannot be read: {computed}."),       # (1) is an expression
        ("CAM801", 4, 12, f"Line 4: this put(...) call cannot be read: {computed}."),       # only JSONObject.NULL is null
        ("CAM801", 5, 12, f"Line 5: this put(...) call cannot be read: {computed}."),       # a call on a variable
        ("CAM807", 6, 12, "Line 6: JSONObject(...) with arguments builds its content at run time; camtool cannot read it."),
        ("CAM801", 6, 12, "Line 6: this put(...) call cannot be read: the nested object is built at run time."),
        ("CAM801", 7, 32, 'Line 7: this put(...) call cannot be read: expected ")" here.'),  # JSONArray.put(index, value)
    ]


@pytest.mark.parametrize("code, language", [
    ('JSONObject c = new JSONObject();\nc.put("a", 1);\nJSONObject d = c;\nd.put("b", 2);', "java"),
    ('val c = JSONObject()\nval d = c\nd.put("b", 2)\nc.put("a", 1)', "kotlin"),
])
def test_a_second_name_for_the_same_object_is_the_same_object(code, language):
    """Merging `d` into `c` with a CAM806 warning was wrong: they are one object."""
    data, findings = read_snippet(code, language)
    assert data in ({"a": 1, "b": 2}, {"b": 2, "a": 1}) and list(data) == (["a", "b"] if language == "java" else ["b", "a"])
    assert findings == []


def test_an_unsigned_literal_in_java_is_just_invalid():
    data, findings = read_snippet('c.put("n", 1u).put("m", 2)', "java")
    assert data == {"m": 2}
    assert [f.message for f in findings] == ["Line 1: this put(...) call cannot be read: 1u is not a valid number."]
