"""A config saved as UTF-16 or UTF-32 is named as such (with or without a byte order mark); other bytes are not."""

from __future__ import annotations

import pytest

from camtool.config.jsonread import read_json_text
from camtool.config.text_encoding import wide_encoding


@pytest.mark.parametrize("encoding, name", [
    ("utf-32-be", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32", "UTF-32"),
    ("utf-16-be", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16", "UTF-16"),
])
def test_wide_json_text_is_named(encoding, name):
    assert wide_encoding('{"a": 1}'.encode(encoding)) == name
    assert wide_encoding("{}".encode(encoding)) == name
    assert read_json_text('{"a": 1}'.encode(encoding), "door.json").findings[0].message == (
        f"door.json is {name} text, not UTF-8.")


@pytest.mark.parametrize("raw, name", [
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
    (b"\x00{", "UTF-16"), (b"{\x00", "UTF-16"), (b"\x00{}", "UTF-16"), (b"{\x00}", "UTF-16"),
])
def test_a_mark_or_a_short_text_with_one_zero_byte_is_named(raw, name):
    assert wide_encoding(raw) == name


@pytest.mark.parametrize("raw", [
    b"", b"\x00", b"{}", b"\x00\x00", b"{}}",
    b"{\x00\x00}", b"\x00\x00{}", b"\x00\x00\x00\x00", b"{}\x00\x00", b"{\x00}}",
    b"\x00{}}", b"\x00{\x00\x00", b"\x00\x00{\x00", b"{}}\x00", b'{"a": 1}',
])
def test_other_zero_byte_patterns_are_not_taken_for_a_wide_encoding(raw):
    assert wide_encoding(raw) is None
