"""The snippet lexer's tokens: the fast path (one regular expression) and the careful one.

Kept apart from test_linear_time.py, whose size-ratio tests `make mutants` leaves out: these
assert tokens, not time, and are how a changed line in the lexer is noticed.
"""

from __future__ import annotations

import pytest

from camtool.config.snippet_lexer import PUT, put_call_tokens, tokenize
from camtool.config.snippets import read_snippet


def test_the_fast_lexer_gives_the_tokens_the_careful_one_gives():
    """Escapes, templates, Unicode digits and letters, numbers with a dot or an exponent, nested
    comments and raw strings take the careful path; plain tokens the fast one: same tokens, same places."""
    text = ('val a = JSONObject()\n  .put("k", "v").put("t\\u0041$x", 1.5e+3) /* a /* nested */ b */\n'
            '  .put("é", ²) .put(`odd name`, """raw ${x}""") // c\n\t.put("n", -0x1FL);  ')
    tokens, problems = tokenize(text, "kotlin")
    assert not problems
    assert [t.problem for t in tokens if t.kind == PUT] == ["k"]   # the one put of a key and a plain literal
    tokens = [spelled for t in tokens for spelled in (put_call_tokens(t, "kotlin") if t.kind == PUT else [t])]
    assert [(t.kind, t.text, t.line, t.column) for t in tokens] == [
        ("ident", "val", 1, 1), ("ident", "a", 1, 5), ("punct", "=", 1, 7), ("ident", "JSONObject", 1, 9),
        ("punct", "(", 1, 19), ("punct", ")", 1, 20),
        ("punct", ".", 2, 3), ("ident", "put", 2, 4), ("punct", "(", 2, 7), ("string", '"k"', 2, 8), ("punct", ",", 2, 11),
        ("string", '"v"', 2, 13), ("punct", ")", 2, 16), ("punct", ".", 2, 17), ("ident", "put", 2, 18),
        ("punct", "(", 2, 21), ("string", '"t\\u0041$x"', 2, 22), ("punct", ",", 2, 33), ("number", "1.5e+3", 2, 35),
        ("punct", ")", 2, 41),
        ("punct", ".", 3, 3), ("ident", "put", 3, 4), ("punct", "(", 3, 7), ("string", '"é"', 3, 8), ("punct", ",", 3, 11),
        ("number", "²", 3, 13), ("punct", ")", 3, 14), ("punct", ".", 3, 16), ("ident", "put", 3, 17),
        ("punct", "(", 3, 20), ("ident", "odd name", 3, 21), ("punct", ",", 3, 31), ("string", '"""raw ${x}"""', 3, 33),
        ("punct", ")", 3, 47),
        ("punct", ".", 4, 2), ("ident", "put", 4, 3), ("punct", "(", 4, 6), ("string", '"n"', 4, 7), ("punct", ",", 4, 10),
        ("punct", "-", 4, 12), ("number", "0x1FL", 4, 13), ("punct", ")", 4, 18), ("punct", ";", 4, 19), ("eof", "", 4, 22)]
    strings = [t for t in tokens if t.kind == "string"]
    assert [s.value for s in strings] == ["k", "v", None, "é", None, "n"]
    assert strings[2].problem and strings[4].problem   # a $ template: known only when the app runs


def _problems(code: str, language: str) -> list[str]:
    return [problem.message_source for problem in tokenize(code, language)[1]]


def _reasons(code: str, language: str) -> list[tuple[str, int | None, str]]:
    """(code, line, message) of each finding read_snippet gives."""
    return [(f.code, f.line, f.message) for f in read_snippet(code, language)[1]]


def test_raw_strings_kotlin_reads_and_java_text_blocks_it_does_not():
    assert read_snippet('c.put("k", """a "quoted" b""")', "kotlin")[0] == {"k": 'a "quoted" b'}
    assert read_snippet('c.put("k", """ends in quotes"""")', "kotlin")[0] == {"k": 'ends in quotes"'}
    assert read_snippet('c.put("k", """""")\nc.put("m", 1)', "kotlin")[0] == {"k": "", "m": 1}
    assert _reasons('c.put("k", """text""");', "java") == [
        ("CAM801", 1, 'Line 1: this put(...) call cannot be read: Java text blocks are not read; use a plain "..." string.')]
    assert _reasons('c.put("k", """${x}""")', "kotlin") == [
        ("CAM801", 1, "Line 1: this put(...) call cannot be read: the string uses a $ template, so its value is only "
                      "known when the app runs.")]


def test_an_unclosed_raw_string_is_a_lexer_problem_at_its_start():
    tokens, problems = tokenize('c.put("k",\n  """never closed)\n', "kotlin")
    assert [(p.message_source, p.line, p.column) for p in problems] == [('A """ string is never closed.', 2, 3)]
    string = [t for t in tokens if t.text.startswith('"""')][0]
    assert (string.kind, string.value, string.problem) == ("string", None, "the string is never closed")


@pytest.mark.parametrize("text, template", [("$x", True), ("${a.b}", True), ("$_y", True), ("$1", False),
                                            ("cost: 5$", False)])
def test_which_dollar_signs_are_kotlin_templates(text, template):
    data, findings = read_snippet(f'c.put("k", "{text}")\nc.put("r", """{text}""")', "kotlin")
    if template:
        assert data is None or ("k" not in data and "r" not in data)
        assert [f.code for f in findings] == ["CAM801", "CAM801"]
    else:
        assert data == {"k": text, "r": text} and findings == []


def test_an_escaped_dollar_is_no_template_but_a_raw_string_has_no_escapes():
    data, findings = read_snippet('c.put("k", "\\$x")\nc.put("r", """\\$x""")', "kotlin")
    assert data == {"k": "$x"} and [(f.code, f.line) for f in findings] == [("CAM801", 2)]


def test_character_literals_are_one_token_that_is_no_json_value():
    for literal in ("'a'", "'\\''", "'\\n'"):
        tokens, problems = tokenize(f"c.put(\"k\", {literal}).put(\"m\", 1)", "java")
        assert not problems and [t.text for t in tokens if t.kind == "char"] == [literal]
        assert _reasons(f'c.put("k", {literal}).put("m", 1)', "java") == [
            ("CAM801", 1, "Line 1: this put(...) call cannot be read: a character literal is not a JSON value.")]
        assert read_snippet(f'c.put("k", {literal}).put("m", 1)', "java")[0] == {"m": 1}


def test_block_comments_nest_in_kotlin_and_end_at_the_first_close_in_java():
    code = 'c.put("a", 1) /* outer /* inner */ still a comment in Kotlin */ c.put("b", 2)'
    assert read_snippet(code, "kotlin") == ({"a": 1, "b": 2}, [])
    data, _ = read_snippet(code, "java")   # Java: "still a comment in Kotlin */" is code
    assert data == {"a": 1, "b": 2}
    assert [t.text for t in tokenize(code, "java")[0] if t.kind == "ident"][:6] == ["c", "still", "a", "comment", "in", "Kotlin"]
    assert _problems('c.put("a", 1) /* /* */', "kotlin") == ["A /* comment is never closed."]
    assert _problems('c.put("a", 1) /* /* */', "java") == []


def test_nested_comments_with_an_empty_one_inside_and_closes_back_to_back():
    for code in ('c.put("a", 1) /* x /**/ y */ c.put("b", 2)', 'c.put("a", 1) /* a /* b */*/ c.put("b", 2)'):
        assert read_snippet(code, "kotlin") == ({"a": 1, "b": 2}, [])


def test_two_raw_strings_on_one_line_are_two_strings():
    assert read_snippet('c.put("a", """x""").put("b", """y""")', "kotlin") == ({"a": "x", "b": "y"}, [])


def test_a_character_literal_of_any_letter_is_one_token():
    tokens, problems = tokenize("c.put(\"k\", 'X').put(\"m\", 1)", "java")
    assert not problems and [t.text for t in tokens if t.kind == "char"] == ["'X'"]


def test_a_null_put_into_an_array_is_a_json_null():
    data, findings = read_snippet('val a = JSONArray().put(null).put(1)\nval c = JSONObject().put("list", a)', "kotlin")
    assert data == {"list": [None, 1]} and findings == []
