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
