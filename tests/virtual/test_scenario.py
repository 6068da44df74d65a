"""Scenarios: every shipped one loads and means what its description says; bad files say what is wrong."""

from __future__ import annotations

import json

import pytest

from camtool import i18n
from camtool.virtual.scenario import (DEFAULT_SCENARIO, ScenarioError, list_scenarios, load_scenario,
                                      scenario_from_data, shipped_dir)

SHIPPED = sorted(p.stem for p in shipped_dir().glob("*.toml"))
REQUIRED = {"tablet-a12", "intercom-rk3588", "legacy-a81", "kiosk-dual-usb"}


def _minimal(**device_extra):
    device = {"model": "M", "product": "p", "device": "d", "manufacturer": "Acme", "android": "12", "sdk": 31,
              "screen": {"width": 1280, "height": 720}}
    device.update(device_extra)
    return {"name": "custom", "description": "A custom device", "device": device}


def test_the_issue_s_scenarios_are_shipped_and_the_default_is_listed_first():
    names = [name for name, _ in list_scenarios()]
    assert REQUIRED <= set(names)
    assert names[0] == DEFAULT_SCENARIO
    assert all(description for _, description in list_scenarios())


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_scenario_loads_under_its_own_name(name):
    scenario = load_scenario(name)
    assert scenario.name == name
    assert scenario.builtin_cameras or scenario.usb_devices


def test_default_tablet_has_front_and_back_cameras_mounted_upright():
    s = load_scenario(DEFAULT_SCENARIO)
    assert s.device.sdk == 31 and s.device.wmpf.startswith("2.1.")
    facings = {c.facing for c in s.builtin_cameras}
    assert {"back", "front"} <= facings
    assert all(s.mounting_of(c).rotation == 0 for c in s.builtin_cameras)


def test_intercom_camera_is_the_usb_camera_behind_the_external_hal():
    s = load_scenario("intercom-rk3588")
    (camera,) = s.builtin_cameras
    (usb,) = s.usb_devices
    assert camera.facing == "external" and camera.hal == "external"
    assert usb.is_uvc and usb.serial and usb.external_hal_id == camera.id
    assert s.mounting_of(camera) == usb.mounting     # one physical camera, one mounting


def test_legacy_device_is_android_8_1_with_a_serial_less_usb_camera():
    s = load_scenario("legacy-a81")
    assert (s.device.android, s.device.sdk) == ("8.1.0", 27)
    assert any(u.is_uvc and u.serial is None for u in s.usb_devices)


def test_kiosk_cameras_differ_only_by_serial_and_the_audio_device_is_no_camera():
    s = load_scenario("kiosk-dual-usb")
    cameras = [u for u in s.usb_devices if u.is_uvc]
    assert len(cameras) == 2
    assert {(c.vendor_id, c.product_id) for c in cameras} == {(cameras[0].vendor_id, cameras[0].product_id)}
    assert cameras[0].serial != cameras[1].serial
    assert any(u.audio and not u.is_uvc for u in s.usb_devices)


def test_behaviour_defaults_and_the_ccw_vmirror_scenario():
    assert load_scenario(DEFAULT_SCENARIO).behaviour.rotation_direction == "cw"
    odd = load_scenario("doorbell-ccw-vmirror").behaviour
    assert (odd.rotation_direction, odd.push_flip) == ("ccw", "vmirror")


def test_a_scenario_file_path_loads_both_toml_and_json(tmp_path):
    toml_file = tmp_path / "mine.toml"
    toml_file.write_text('name = "mine"\ndescription = "x"\n[device]\nmodel = "M"\nproduct = "p"\n'
                         'device = "d"\nmanufacturer = "A"\nandroid = "10"\nsdk = 29\n'
                         'screen = { width = 640, height = 480 }\n', encoding="utf-8")
    assert load_scenario(str(toml_file)).device.sdk == 29
    json_file = tmp_path / "mine.json"
    json_file.write_text(json.dumps(_minimal()), encoding="utf-8")
    assert load_scenario(json_file).device.wmpf is None      # left out = WMPF not installed


def test_broken_toml_names_the_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("name = \n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="bad.toml.*not valid TOML"):
        load_scenario(bad)


def test_missing_file_and_unknown_name_say_what_exists(tmp_path):
    with pytest.raises(ScenarioError, match="cannot be read"):
        load_scenario(tmp_path / "nope.toml")
    with pytest.raises(ScenarioError, match="tablet-a12"):
        load_scenario("no-such-scenario")


@pytest.mark.parametrize("mutate,field,words", [
    (lambda d: d["device"].__setitem__("sdk", "31"), "device.sdk", "whole number"),
    (lambda d: d["device"].__setitem__("wmfp", "2.1.0"), "device.wmfp", "not a field"),
    (lambda d: d["device"].pop("model"), "device.model", "missing"),
    (lambda d: d["device"].__setitem__("sdk", 29), "device.sdk", "Android 12 reports SDK 31 or 32"),
    (lambda d: d.__setitem__("builtin_cameras", [{"id": "0", "facing": "back", "mounting": {"rotation": 45}}]),
     "builtin_cameras #1: mounting.rotation", "one of"),
    (lambda d: d.__setitem__("builtin_cameras", [{"id": "0", "facing": "external"}]),
     "builtin_cameras #1: hal", "external"),
    (lambda d: d.__setitem__("builtin_cameras", [{"id": "0", "facing": "back"}, {"id": "0", "facing": "front"}]),
     "builtin_cameras #2: id", "used twice"),
    (lambda d: d.__setitem__("usb_devices", [{"bus": 1, "dev": 2, "vendor_id": 70000, "product_id": 1}]),
     "usb_devices #1: vendor_id", "at most 65535"),
    (lambda d: d.__setitem__("usb_devices", [{"bus": 1, "dev": 2, "vendor_id": 1, "product_id": 1,
                                               "is_uvc": True, "external_hal_id": "100"}]),
     "usb_devices #1: external_hal_id", "usb_ref = \"1/2\""),
])
def test_a_wrong_field_is_named_with_what_to_do(mutate, field, words):
    data = _minimal()
    mutate(data)
    with pytest.raises(ScenarioError) as caught:
        scenario_from_data(data, "custom.toml")
    text = str(caught.value)
    assert "custom.toml" in text and field in text and words in text


def test_the_external_hal_needs_android_9():
    data = _minimal(android="8.1.0", sdk=27)
    data["builtin_cameras"] = [{"id": "100", "facing": "external", "hal": "external"}]
    with pytest.raises(ScenarioError, match="Android 9"):
        scenario_from_data(data, "old.toml")


def test_scenario_errors_are_translated():
    i18n.set_language("zh")
    with pytest.raises(ScenarioError) as caught:
        scenario_from_data(_minimal(sdk="31"), "custom.toml")
    assert "custom.toml" in str(caught.value) and "整数" in str(caught.value)


def test_every_shipped_description_has_a_chinese_translation():
    i18n.set_language("zh")
    for name, description in list_scenarios():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in description), name
