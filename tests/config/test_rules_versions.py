"""WMPF version numbers as technicians type them and as dumpsys prints them."""

from __future__ import annotations

import pytest

from camtool.config.versions import Gate, gate, VersionError, format_version, parse_version, parse_version_prefix, required_version, supports


@pytest.mark.parametrize("text, expected", [
    ("2.1.3", (2, 1, 3)), ("2.1", (2, 1, 0)), ("2", (2, 0, 0)), (" v2.0.0 ", (2, 0, 0)),
    ("2.1.3.1024", (2, 1, 3)), ("2.1.3-beta", (2, 1, 3)), ("1.10.0", (1, 10, 0)),
])
def test_parse_version(text, expected):
    assert parse_version(text) == expected


@pytest.mark.parametrize("text", ["", "two", "2..1", "2.1.3.4.5", "x2.1", "-1.0.0", "2.1.3 ; reboot"])
def test_junk_is_a_clear_error(text):
    with pytest.raises(VersionError) as caught:
        parse_version(text)
    assert "X.Y.Z" in str(caught.value)


@pytest.mark.parametrize("text, expected", [
    ("2.1.3", (2, 1, 3)), ("2.", (2, 0, 0)), ("2.1.3 ; reboot", (2, 1, 3)), ("2.1.3.4.5", (2, 1, 3)),
    ("two", None), ("", None), (None, None), (2, None)])
def test_a_typed_version_is_read_by_its_leading_numbers(text, expected):
    """The lenient entry point of the one grammar: what the window's field holds while typing."""
    assert parse_version_prefix(text) == expected


def test_comparison_is_numeric_not_textual():
    assert parse_version("1.10.0") > parse_version("1.9.9")
    assert format_version(parse_version("2.1")) == "2.1.0"


def test_gates_come_from_the_key_table():
    assert required_version("internalCameraName") == (2, 0, 0)
    assert required_version("usbCameraName") == (2, 0, 0)
    assert supports((2, 0, 0), "cameraPushFlip") and not supports((1, 1, 0), "cameraPushFlip")
    # No client library between 1.1.0 and 2.0.0 was seen: an inferred gate is unknown there,
    # a stated one (internalCameraName, the FAQ) is not.
    assert gate("cameraPushFlip", (1, 9, 9)) is Gate.UNKNOWN and supports((1, 9, 9), "cameraPushFlip")
    assert gate("internalCameraName", (1, 9, 9)) is Gate.ABSENT
    assert gate("usbCameraName", (1, 1, 0)) is Gate.ABSENT and gate("usbCameraName", None) is Gate.SUPPORTED
    with pytest.raises(KeyError):
        required_version("uiZoom")


@pytest.mark.parametrize("text, shown", [("2.x", "2.x"), (" ", " "), (3, "3")])
def test_a_version_error_quotes_what_was_given_and_says_what_to_write(text, shown):
    with pytest.raises(VersionError) as caught:
        parse_version(text)
    assert str(caught.value) == f'"{shown}" is not a WMPF version: write it as X.Y.Z, for example 2.1.3.'
    assert caught.value.text == shown and caught.value.args == (shown,)
