"""getprop and `dumpsys package com.tencent.wmpf`."""

from __future__ import annotations

from pathlib import Path

import pytest

from camtool.device.parsers import android_release, device_model, parse_getprop, wmpf_version_name, sdk_level

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"


def dump(name: str) -> str:
    return (DUMPS / name).read_text(encoding="utf-8")


def test_getprop_all_properties_and_helpers():
    props = parse_getprop(dump("getprop-a12.txt"))
    assert (device_model(props), android_release(props), sdk_level(props)) == ("RK3588 Intercom", "12", 31)
    assert props["persist.sys.banner"] == "first line\nsecond line"
    assert props["ro.serialno"] == "7c3a9e1f"  # the line after a two-line value still parses


def test_getprop_with_prompt_crlf_and_missing_values():
    props = parse_getprop("$ getprop\r\n[ro.build.version.sdk]: [abc]\r\n[ro.product.model]: []\r\n")
    assert sdk_level(props) is None  # not a number
    assert device_model(props) is None  # empty
    assert android_release({}) is None


@pytest.mark.parametrize("name,version", [
    ("package-wmpf.txt", "2.1.3"),
    ("package-wmpf-updated-system.txt", "2.2.0"),  # not the hidden factory version 1.1.2
    ("package-wmpf-missing.txt", None),
])
def test_wmpf_version(name, version):
    assert wmpf_version_name(dump(name)) == version


def test_wmpf_version_of_another_package_is_not_taken():
    text = "Packages:\n  Package [com.tencent.mm] (1):\n    versionName=8.0.40\n"
    assert wmpf_version_name(text) is None


def test_wmpf_version_that_is_not_a_version_is_none():
    text = "Packages:\n  Package [com.tencent.wmpf] (1):\n    versionName=$(reboot)\n"
    assert wmpf_version_name(text) is None


@pytest.mark.parametrize("name, kept", [("2.1.3-debug", "2.1.3-debug"), ("2.1.3.1024", "2.1.3.1024"), ("1..2", None)])
def test_wmpf_version_name_is_kept_when_it_reads_as_a_version(name, kept):
    text = f"Packages:\n  Package [com.tencent.wmpf] (1):\n    versionName={name}\n"
    assert wmpf_version_name(text) == kept


def test_getprop_keeps_a_values_inner_spaces_and_a_continuation_lines_indent():
    text = "[ro.product.name]: [ Kiosk K15 ]  \n[persist.sys.banner]: [first\n  second]\n"
    props = parse_getprop(text)
    assert props["ro.product.name"] == " Kiosk K15 "  # the value as the device wrote it
    assert props["persist.sys.banner"] == "first\n  second"


def test_getprop_skips_noise_between_properties_and_reads_on():
    text = "[ro.product.model]: [K15]\ngetprop: some complaint\n[ro.build.version.sdk]: [30]\n"
    props = parse_getprop(text)
    assert (device_model(props), sdk_level(props)) == ("K15", 30)


def test_getprop_drops_an_unterminated_value_after_fifty_lines_and_reads_on():
    fifty = "".join(f"line {i}\n" for i in range(49))  # the opening line and 49 more: 50 lines, still open
    text = "[persist.sys.long]: [start\n" + fifty + "end]\n[ro.product.model]: [K15]\n"
    props = parse_getprop(text)
    assert props["persist.sys.long"].splitlines()[-1] == "end"  # line 51 closes it: kept
    too_long = "[persist.sys.long]: [start\n" + fifty + "line 49\n" + "[ro.product.model]: [K15]\n"
    props = parse_getprop(too_long)
    assert "persist.sys.long" not in props and device_model(props) == "K15"


def test_wmpf_version_after_a_hidden_section_ends_is_read_again():
    text = ("Hidden system packages:\n  Package [com.tencent.wmpf] (1):\n    versionName=1.1.2\n"
            "Packages:\n  Package [com.tencent.wmpf] (2):\n    versionName=2.2.0\n")
    assert wmpf_version_name(text) == "2.2.0"


def test_wmpf_version_only_in_the_hidden_section_is_not_installed():
    text = ("Packages:\n  Package [com.tencent.mm] (1):\n    versionName=8.0.1\n"
            "Hidden system packages:\n  Package [com.tencent.wmpf] (1):\n    versionName=1.1.2\n")
    assert wmpf_version_name(text) is None


def test_wmpf_version_under_an_indented_sub_heading_of_its_package():
    text = ("Packages:\n  Package [com.tencent.wmpf] (2):\n    User 0: installed=true\n"
            "    runtime permissions:\n    versionName=2.1.3\n")
    assert wmpf_version_name(text) == "2.1.3"


def test_wmpf_version_of_the_named_package_after_others():
    text = ("Packages:\n  Package [com.tencent.mm] (1):\n    flags=[ SYSTEM ]\n"
            "  Package [com.tencent.wmpf] (2):\n    versionName=2.1.3\n")
    assert wmpf_version_name(text) == "2.1.3"


def test_wmpf_version_before_any_package_block_is_not_taken():
    text = "versionName=9.9.9\nPackages:\n  Package [com.tencent.wmpf] (2):\n    versionName=2.1.3\n"
    assert wmpf_version_name(text) == "2.1.3"


def test_a_blank_line_inside_the_hidden_section_does_not_end_it():
    text = ("Packages:\n  Package [com.tencent.mm] (1):\n    versionName=8.0.1\n"
            "Hidden system packages:\n\n  Package [com.tencent.wmpf] (1):\n    versionName=1.1.2\n")
    assert wmpf_version_name(text) is None
