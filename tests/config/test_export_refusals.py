"""What a technician reads when a config holds something an export format cannot write: the sentence names the key."""

from __future__ import annotations

import pytest

from camtool.config.errors import ExportError
from camtool.config.export import export_config


@pytest.mark.parametrize("data, to, sentence", [
    ({"a": [1, [float("nan")]]}, "json", 'The number in "a" is not finite (nan); JSON has no NaN or Infinity.'),
    ({"a": {"b": float("-inf")}}, "line", 'The number in "b" is not finite (-inf); JSON has no NaN or Infinity.'),
    ({"a": (0, float("inf"))}, "json", 'The number in "a" is not finite (inf); JSON has no NaN or Infinity.'),
    ({"a": {1: 2}}, "json", "The config has a key that is not text (1); JSON keys are always text."),
    ({"a": {"b": [{None: 1}]}}, "line", "The config has a key that is not text (None); JSON keys are always text."),
    ({"a": ({1},)}, "json", 'The value of "a" is not a JSON value (set); camtool cannot export it.'),
    ({"x": {"a": b"x"}}, "kotlin", 'The value of "a" is not a JSON value (bytes); camtool cannot export it.'),
    ([1], "json", "Only a JSON object can be exported as a config; this is a list."),
])
def test_a_value_json_cannot_hold_is_refused_naming_its_key(data, to, sentence):
    with pytest.raises(ExportError) as refused:
        export_config(data, to)
    assert str(refused.value) == sentence


def test_an_unknown_format_lists_the_built_in_ones_first():
    with pytest.raises(ExportError) as refused:
        export_config({}, "yaml")
    assert str(refused.value).startswith('Unknown export format "yaml". Use one of: json, line, kotlin, java')


def test_tuples_and_nulls_export_as_json_lists_and_null():
    assert export_config({"a": (1, None), "b": None}, "line") == '{"a":[1,null],"b":null}\n'


def test_the_line_format_keeps_chinese_readable():
    assert export_config({"usbSerialNumber": "前门"}, "line") == '{"usbSerialNumber":"前门"}\n'


def test_absurd_nesting_is_refused_with_the_whole_sentence():
    data: dict = {}
    inner = data
    for _ in range(5000):
        inner["a"] = {}
        inner = inner["a"]
    with pytest.raises(ExportError) as refused:
        export_config(data, "json")
    assert str(refused.value) == "The config is nested too deeply to export; a camera config is one flat JSON object."
