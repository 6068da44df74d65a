"""The orientation verdict: per-end results, the recommended keys per family, what no key can fix,
and the correction when WMPF turns the other way than assumed."""

from __future__ import annotations

import pytest

from camtool import i18n
from camtool.config.keys import Family
from camtool.config.rules import validate
from camtool.config.semantics import (ALL_TURNS, IDENTITY, REASON_MIRROR, REASON_MIRROR_DEVICE, REASON_PREVIEW_FIXED,
                                      Bases, Turn, WmpfBehaviour, ends_for)
from camtool.device.inventory import BuiltinEntry, DeviceSummary, Inventory, UsbEntry
from camtool.device.parsers.records import BuiltinCamera, UsbDeviceInfo
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.screens import end_screen
from camtool.vision.detect import ChartDetection
from camtool.vision.verdict import check_orientation, verdict_from_detections

USB_PATH = "/dev/bus/usb/003/002"


def seen(rotation: int, mirrored: bool = False, residual: float = 0.0) -> ChartDetection:
    return ChartDetection(True, rotation, residual, mirrored, 6, 0.9)


NO_CHART = ChartDetection(False)


def codes(verdict, end=None):
    return [e.code for e in verdict.explanations if end is None or e.end == end]


def screens_for(bases: Bases, config: dict, behaviour: WmpfBehaviour = WmpfBehaviour()):
    """What the two ends of a camera with these bases show under `config` (small screens)."""
    device, wechat = ends_for(config, "2.1.2", behaviour).seen(bases)
    picture = picture_of_mounted_camera(IDENTITY)
    return end_screen(picture, device, (480, 270)), end_screen(picture, wechat, (270, 480))


def test_upright_ends_pass_and_the_config_stays_as_it_is():
    config = {"internalCameraName": "0", "uiZoom": 1.2}
    verdict = verdict_from_detections(seen(0), seen(0), config)
    assert verdict.passed and verdict.verdict == "pass"
    assert verdict.recommended == config and not verdict.changes
    assert codes(verdict) == ["works"]


def test_json_has_the_contract_shape():
    data = verdict_from_detections(seen(90), NO_CHART, {}).to_json()
    assert set(data) == {"verdict", "ends", "bases", "recommended", "explanations"}
    # The WeChat end showed no chart: its base is assumed to be the device end's, and says so.
    assert data["bases"]["wechat"] == {"rotation": 90, "mirrored": False, "observed": False}
    assert data["bases"]["device"]["observed"] is True
    assert data["ends"]["device"] == {"detected": True, "rotation": 90, "mirrored": False, "upright": False}
    assert data["ends"]["wechat"] == {"detected": False, "rotation": 0, "mirrored": False, "upright": False}
    assert all(set(e) == {"code", "end", "message"} for e in data["explanations"])


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_builtin_camera_push_is_fixed_and_the_preview_is_explained(rotation):
    verdict = verdict_from_detections(seen(rotation), seen(rotation), {})
    assert not verdict.passed
    # Upside down: the push flip, as WMPF's FAQ fixes it; a quarter turn: the rotation.
    expected = ({"cameraRotationAngle": 0, "cameraPushFlip": True} if rotation == 180
                else {"cameraRotationAngle": (360 - rotation) % 360, "cameraPushFlip": False})
    assert verdict.recommended == expected
    assert verdict.predicted == (Turn(rotation), Turn(0))
    preview = [e for e in verdict.explanations if e.code == "preview_fixed"]
    assert [e.end for e in preview] == ["device"]
    assert preview[0].message == i18n.tr(REASON_PREVIEW_FIXED)
    assert not any(f.is_error for f in validate(verdict.recommended, wmpf_version="2.1.2"))
    assert verdict.device.turn_needed == (360 - rotation) % 360


def test_usb_camera_rotation_turns_both_ends():
    config = {"usbCameraName": USB_PATH}
    verdict = verdict_from_detections(seen(90), seen(90), config)
    assert verdict.family is Family.USB
    assert verdict.recommended == {"usbCameraName": USB_PATH, "usbCameraRotationAngle": 270, "usbCameraPushFlip": False}
    assert verdict.predicted == (Turn(0), Turn(0))
    assert "preview_fixed" not in codes(verdict) and "mirror" not in codes(verdict)
    # The clockwise reading is an assumption until an apply proves it.
    assert "assumption" in codes(verdict)


def test_a_usb_push_flip_that_turns_an_upright_push_upside_down_is_undone():
    config = {"usbCameraName": USB_PATH, "usbCameraPushFlip": True}
    verdict = verdict_from_detections(seen(0), seen(180), config)
    assert verdict.recommended["usbCameraPushFlip"] is False
    assert verdict.recommended["usbCameraRotationAngle"] == 0
    assert verdict.predicted == (Turn(0), Turn(0))


def test_a_mirrored_camera_gets_the_mini_program_explanation_on_both_ends():
    verdict = verdict_from_detections(seen(90, True), seen(90, True), {})
    assert verdict.wechat.mirrored and verdict.device.mirrored
    mirror = {e.end: e.message for e in verdict.explanations if e.code == "mirror"}
    assert mirror == {"device": i18n.tr(REASON_MIRROR_DEVICE), "wechat": i18n.tr(REASON_MIRROR)}
    assert all("setUIConfig" in m for m in mirror.values())
    assert verdict.predicted[1] == Turn(0, True)   # the push's top is up; the mirror stays


def _external_hal_inventory(serial: str | None = "SN1") -> Inventory:
    camera = BuiltinCamera("111", "external", 0, "external")
    usb = UsbDeviceInfo(USB_PATH, 0x0C45, 0x6366, serial, is_camera=True)
    return Inventory(DeviceSummary("X", "IC", "12", 31, "2.1.2"), [BuiltinEntry(camera, USB_PATH)],
                     [UsbEntry(usb, serial is not None, None if serial else "no_serial")])


def test_a_usb_camera_behind_the_external_hal_is_recommended_by_its_triple():
    verdict = verdict_from_detections(seen(90), seen(90), {}, inventory=_external_hal_inventory())
    assert verdict.recommended == {"usbCameraVendorId": 0x0C45, "usbCameraProductId": 0x6366, "usbSerialNumber": "SN1",
                                   "usbCameraRotationAngle": 270, "usbCameraPushFlip": False}
    assert "use_usb_keys" in codes(verdict) and "preview_fixed" not in codes(verdict)
    assert verdict.predicted == (Turn(0), Turn(0))


def test_without_a_serial_the_external_camera_is_selected_by_its_path():
    config = {"internalCameraName": "111", "cameraRotationAngle": 90}
    verdict = verdict_from_detections(seen(90), seen(180), config, inventory=_external_hal_inventory(None))
    assert verdict.recommended == {"usbCameraName": USB_PATH, "usbCameraRotationAngle": 270, "usbCameraPushFlip": False}


def test_an_upright_external_camera_keeps_its_builtin_selection():
    config = {"cameraRotationAngle": 180}
    verdict = verdict_from_detections(seen(0), seen(180), config, inventory=_external_hal_inventory())
    assert verdict.recommended == {"cameraRotationAngle": 0, "cameraPushFlip": False}
    assert "use_usb_keys" not in codes(verdict)


def test_counter_clockwise_wmpf_is_detected_after_apply_and_the_recommendation_corrected():
    first = verdict_from_detections(seen(90), seen(90), {})
    assert first.recommended["cameraRotationAngle"] == 270
    # WMPF turned the other way: 270 counter-clockwise = 90 clockwise, so the push is upside down.
    second = verdict_from_detections(seen(90), seen(180), first.recommended, history=(first.observation,))
    assert "rotation_direction" in codes(second)
    assert second.behaviour.rotation_direction == "ccw"
    assert second.recommended["cameraRotationAngle"] == 90
    assert second.predicted == (Turn(90), Turn(0))
    assert "assumption" not in codes(second)


def test_a_push_flip_that_mirrors_is_detected_after_the_next_round_and_not_recommended_again():
    # One observation cannot tell a mirrored push path from a flip that mirrors: both are real.
    first = verdict_from_detections(seen(0), seen(180, True), {"cameraPushFlip": True})
    assert "push_flip" not in codes(first) and "inconsistent" not in codes(first)
    assert first.recommended == {"cameraRotationAngle": 0, "cameraPushFlip": False}
    assert [e.end for e in first.explanations if e.code == "mirror"] == ["wechat"]
    # Without the flip the push is right: so the flip mirrored it top to bottom.
    second = verdict_from_detections(seen(0), seen(0), first.recommended, history=(first.observation,))
    assert "push_flip" in codes(second) and second.behaviour.push_flip == "vmirror"
    assert second.passed and second.recommended == first.recommended


def test_no_chart_on_either_end_leaves_the_config_and_says_why():
    config = {"cameraRotationAngle": 90}
    verdict = verdict_from_detections(NO_CHART, NO_CHART, config)
    assert not verdict.passed and verdict.recommended == config
    assert set(codes(verdict)) >= {"no_chart", "unknown_mounting"}


def test_an_end_not_captured_fails_but_the_other_end_still_gives_the_fix():
    verdict = verdict_from_detections(seen(270), None, {})
    assert not verdict.passed and "not_captured" in codes(verdict, "wechat")
    assert verdict.recommended["cameraRotationAngle"] == 90


def test_a_tilted_chart_is_noted_but_judged_by_its_nearest_quarter_turn():
    verdict = verdict_from_detections(seen(0, residual=25.0), seen(0), {})
    assert verdict.passed and codes(verdict) == ["tilted", "works"]


def test_keys_of_the_other_family_are_explained_and_left_out_of_the_recommendation():
    config = {"usbCameraName": USB_PATH, "cameraRotationAngle": 90}
    verdict = verdict_from_detections(seen(0), seen(0), config)
    assert "ignored_key" in codes(verdict)
    assert "cameraRotationAngle" not in verdict.recommended
    assert not any(f.is_error for f in verdict.findings)


def test_a_wmpf_too_old_for_the_rotation_key_is_explained_not_recommended():
    verdict = verdict_from_detections(seen(90), seen(90), {}, wmpf_version="1.1.0")
    assert "needs_newer_wmpf" in codes(verdict)
    assert "cameraRotationAngle" not in verdict.recommended


@pytest.mark.parametrize("push", [Turn(r) for r in (0, 90, 180, 270)], ids=lambda t: f"push{t.rotation}")
@pytest.mark.parametrize("preview", ALL_TURNS, ids=lambda t: f"preview{t.rotation}{'m' if t.mirrored else ''}")
@pytest.mark.parametrize("family", ["builtin", "usb"])
def test_rendered_ends_under_the_recommendation_show_what_the_verdict_predicts(family, preview, push):
    bases = Bases(preview, push)
    start = {} if family == "builtin" else {"usbCameraName": USB_PATH}
    before = check_orientation(*screens_for(bases, start), start)
    assert before.bases == bases and before.bases_observed == (True, True)
    assert "inconsistent" not in codes(before)     # any pair of bases is a real device
    after_frames = screens_for(bases, before.recommended)
    after = check_orientation(*after_frames, before.recommended, history=(before.observation,))
    assert (after.device.seen, after.wechat.seen) == before.predicted
    assert "inconsistent" not in codes(after)
    if family == "builtin":
        assert after.wechat.upright and after.device.seen == preview   # no key turns the preview
    else:
        # Both upright, unless the two ends are a quarter turn apart: then exactly one.
        quarter = (push.rotation - preview.rotation) % 180 != 0
        assert (after.device.upright + after.wechat.upright) == (1 if quarter else 2)
    # A device that already works is left as it is on the second check.
    assert after.passed == (after.device.correct and after.wechat.correct)
    if after.passed:
        assert after.recommended == before.recommended


def test_explanations_follow_the_language():
    verdict = verdict_from_detections(seen(90), None, {})
    i18n.set_language("zh")
    messages = [e.message for e in verdict.explanations]
    assert any("微信端" in m for m in messages)
    assert verdict.to_json()["ends"]["device"]["rotation"] == 90   # keys and codes stay


# --- two bases: each end is judged from its own base -----------------------------------------

USB_KEYS = {"usbCameraVendorId": 7119, "usbCameraProductId": 11417, "usbSerialNumber": "DT-CAM-7731"}


def test_faq_first_case_gets_the_push_flip_not_a_rotation():
    """WMPF FAQ 4.1, first case: the device end upright, the WeChat end upside down."""
    verdict = verdict_from_detections(seen(0), seen(180), dict(USB_KEYS))
    assert verdict.bases == Bases(Turn(0), Turn(180))
    assert verdict.recommended == {**USB_KEYS, "usbCameraRotationAngle": 0, "usbCameraPushFlip": True}
    assert verdict.predicted == (Turn(0), Turn(0))
    assert "inconsistent" not in codes(verdict)
    fix = [e for e in verdict.explanations if e.code == "fix"]
    assert [e.end for e in fix] == ["wechat"] and "usbCameraPushFlip: true" in fix[0].message


def test_a_device_that_works_because_of_its_push_flip_is_left_as_it_is():
    config = {**USB_KEYS, "usbCameraPushFlip": True}
    verdict = verdict_from_detections(seen(0), seen(0), config)
    assert verdict.passed and verdict.recommended == config
    assert codes(verdict) == ["works"]


def test_a_sideways_builtin_preview_with_an_upright_push_is_explained_and_the_config_kept():
    config = {"internalCameraName": "0"}
    verdict = verdict_from_detections(seen(90), seen(0), config)
    assert not verdict.passed and verdict.recommended == config
    assert "inconsistent" not in codes(verdict)
    assert codes(verdict, "device") == ["preview_fixed"] and codes(verdict, "wechat") == []


def test_an_upside_down_builtin_preview_names_the_reverse_landscape_guess():
    verdict = verdict_from_detections(seen(180), seen(0), {"internalCameraName": "0"})
    guess = [e for e in verdict.explanations if e.code == "reverse_landscape"]
    assert [e.end for e in guess] == ["device"] and "inferred" in guess[0].message


@pytest.mark.parametrize("device, wechat, upright_end", [(0, 90, "device"), (0, 270, "device"), (90, 0, "wechat"),
                                                           (270, 0, "wechat")])
def test_usb_ends_a_quarter_apart_keep_the_upright_end_and_name_the_other(device, wechat, upright_end):
    verdict = verdict_from_detections(seen(device), seen(wechat), dict(USB_KEYS))
    assert verdict.recommended == USB_KEYS       # no key pair does better: nothing upright is turned
    turned = "wechat" if upright_end == "device" else "device"
    quarter = [e for e in verdict.explanations if e.code == "quarter_apart"]
    assert [e.end for e in quarter] == [turned]
    message = quarter[0].message
    assert "setUIConfig" in message and "external camera HAL" in message
    assert f"{device or wechat} degrees" in message


def test_a_mirrored_wechat_end_is_not_reported_on_the_device_end():
    verdict = verdict_from_detections(seen(0), seen(0, True), dict(USB_KEYS))
    assert [e.end for e in verdict.explanations if e.code == "mirror"] == ["wechat"]
    only_device = verdict_from_detections(seen(0, True), seen(0), dict(USB_KEYS))
    mirror = [e for e in only_device.explanations if e.code == "mirror"]
    assert [e.end for e in mirror] == ["device"] and mirror[0].message == i18n.tr(REASON_MIRROR_DEVICE)


def test_keys_that_changed_nothing_are_called_so_and_not_recommended_again():
    first = verdict_from_detections(seen(90), seen(90), dict(USB_KEYS))
    second = verdict_from_detections(seen(90), seen(90), first.recommended, history=(first.observation,))
    assert "no_effect" in codes(second) and "inconsistent" not in codes(second)
    assert second.recommended == first.recommended and not second.changes


def test_rounds_that_contradict_each_other_are_inconsistent():
    first = verdict_from_detections(seen(0), seen(0), dict(USB_KEYS))
    # Same keys, and now the ends show the chart turned: the chart (or the camera) moved.
    second = verdict_from_detections(seen(90), seen(180), dict(USB_KEYS), history=(first.observation,))
    assert "inconsistent" in codes(second)


def test_a_config_that_opens_no_camera_the_device_has_is_not_reasoned_from():
    usb = UsbDeviceInfo("/dev/bus/usb/001/004", 7119, 11417, "DT-CAM-7731", is_camera=True)
    inventory = Inventory(DeviceSummary("X", "DT", "10", 29, "2.1.2"), [], [UsbEntry(usb, True, None)])
    verdict = verdict_from_detections(seen(0), seen(180), {}, inventory=inventory)
    assert "config_mismatch" in codes(verdict) and verdict.recommended == {}
    right = verdict_from_detections(seen(0), seen(180), dict(USB_KEYS), inventory=inventory)
    assert "config_mismatch" not in codes(right) and right.recommended["usbCameraPushFlip"] is True


# --- what the mutation run showed untested (make mutants) -------------------------------------

def test_the_verdict_names_each_end_by_its_own_result():
    verdict = verdict_from_detections(seen(90), seen(0), {})
    assert verdict.end("device").rotation == 90 and verdict.end("wechat").rotation == 0
    assert verdict.end("device") is verdict.device and verdict.end("wechat") is verdict.wechat


def test_json_without_a_chart_on_either_end_has_no_bases():
    data = verdict_from_detections(NO_CHART, None, {}).to_json()
    assert data["bases"] is None and data["verdict"] == "fail"


def test_a_wmpf_that_turns_the_other_way_is_told_apart_without_changing_the_flip_reading():
    first = verdict_from_detections(seen(90), seen(90), {})
    second = verdict_from_detections(seen(90), seen(180), first.recommended, history=(first.observation,))
    # Both the counter-clockwise readings explain it; the one nearest the assumption is taken.
    assert second.behaviour == WmpfBehaviour("ccw", "rotate180")
    assert "push_flip" not in codes(second)


def test_a_known_behaviour_given_up_front_is_used_without_an_assumption_note():
    ccw = WmpfBehaviour("ccw", "rotate180")
    verdict = verdict_from_detections(seen(90), seen(90), {}, ccw)
    assert verdict.recommended["cameraRotationAngle"] == 90     # counter-clockwise 90 undoes clockwise 90
    assert verdict.behaviour == ccw


def test_an_end_that_moved_as_a_counter_clockwise_wmpf_moves_it_is_not_called_no_effect():
    first = verdict_from_detections(seen(90), seen(90), {})
    # The device end looks the same (no key turns a built-in preview); the WeChat end moved.
    second = verdict_from_detections(seen(90), seen(180), first.recommended, history=(first.observation,))
    assert "no_effect" not in codes(second) and "inconsistent" not in codes(second)


def test_keys_that_changed_neither_end_name_both_ends():
    first = verdict_from_detections(seen(90), seen(90), dict(USB_KEYS))
    second = verdict_from_detections(seen(90), seen(90), first.recommended, history=(first.observation,))
    [note] = [e for e in second.explanations if e.code == "no_effect"]
    assert note.end is None and "neither end" in note.message


def test_keys_that_changed_only_the_wechat_end_name_that_end():
    first = verdict_from_detections(seen(0), seen(180), {})
    assert first.recommended == {"cameraRotationAngle": 0, "cameraPushFlip": True}
    second = verdict_from_detections(seen(0), seen(180), first.recommended, history=(first.observation,))
    [note] = [e for e in second.explanations if e.code == "no_effect"]
    assert note.end == "wechat" and second.recommended == first.recommended


def _two_builtin_inventory(*cameras: BuiltinCamera) -> Inventory:
    usb = UsbDeviceInfo(USB_PATH, 0x0C45, 0x6366, "SN1", is_camera=True)
    entries = [BuiltinEntry(c, USB_PATH if c.facing == "external" else None) for c in cameras]
    return Inventory(DeviceSummary("X", "IC", "12", 31, "2.1.2"), entries, [UsbEntry(usb, True, None)])


EXTERNAL = BuiltinCamera("0", "external", 0, "external")
BACK = BuiltinCamera("5", "back", 90, "legacy")


@pytest.mark.parametrize("config, by_usb", [
    ({"internalCameraName": "0"}, True),
    ({"cameraId": 0}, True),                  # cameraId 0 is a camera, not "no selector"
    ({"internalCameraName": "5"}, False),
    ({"cameraId": 5}, False),
    ({}, False),                              # no selector: WMPF's default, the first back-facing camera
])
def test_the_external_camera_is_switched_to_usb_keys_only_when_the_config_opens_it(config, by_usb):
    verdict = verdict_from_detections(seen(90), seen(90), config, inventory=_two_builtin_inventory(EXTERNAL, BACK))
    assert ("use_usb_keys" in codes(verdict)) is by_usb
    assert (verdict.family is Family.USB) is by_usb


def test_without_a_back_camera_the_default_is_the_first_listed():
    front = BuiltinCamera("2", "front", 270, "legacy")
    verdict = verdict_from_detections(seen(90), seen(90), {}, inventory=_two_builtin_inventory(EXTERNAL, front))
    assert "use_usb_keys" in codes(verdict)
    verdict = verdict_from_detections(seen(90), seen(90), {}, inventory=_two_builtin_inventory(front, EXTERNAL))
    assert "use_usb_keys" not in codes(verdict)


def test_an_external_camera_whose_usb_triple_is_not_usable_is_selected_by_path():
    camera = BuiltinCamera("111", "external", 0, "external")
    usb = UsbDeviceInfo(USB_PATH, 0x0C45, 0x6366, "SN1", is_camera=True)
    inventory = Inventory(DeviceSummary("X", "IC", "12", 31, "2.1.2"), [BuiltinEntry(camera, USB_PATH)],
                          [UsbEntry(usb, False, "duplicate_triple")])
    verdict = verdict_from_detections(seen(90), seen(90), {}, inventory=inventory)
    assert verdict.recommended == {"usbCameraName": USB_PATH, "usbCameraRotationAngle": 270, "usbCameraPushFlip": False}


def _usb_inventory(*devices: UsbDeviceInfo, usb_known: bool = True) -> Inventory:
    return Inventory(DeviceSummary("X", "DT", "10", 29, "2.1.2"), [],
                     [UsbEntry(d, True, None) for d in devices], usb_known=usb_known)


CAMERA = UsbDeviceInfo("/dev/bus/usb/001/004", 7119, 11417, "DT-CAM-7731", is_camera=True)


@pytest.mark.parametrize("config, mismatch", [
    (dict(USB_KEYS), False),
    ({"usbCameraName": "/dev/bus/usb/001/004"}, False),
    ({"usbCameraName": "/dev/bus/usb/001/009"}, True),
    ({**USB_KEYS, "usbSerialNumber": "OTHER"}, True),
    ({"usbCameraVendorId": 7119, "usbCameraName": "/dev/bus/usb/001/009"}, True),   # one key of the triple is not the triple
])
def test_a_usb_config_opens_a_camera_only_by_its_path_or_its_whole_triple(config, mismatch):
    verdict = verdict_from_detections(seen(0), seen(180), config, inventory=_usb_inventory(CAMERA))
    assert ("config_mismatch" in codes(verdict)) is mismatch


def test_a_usb_device_that_is_not_a_camera_is_not_what_the_config_opens():
    keyboard = UsbDeviceInfo("/dev/bus/usb/001/004", 7119, 11417, "DT-CAM-7731", is_camera=False)
    verdict = verdict_from_detections(seen(0), seen(180), dict(USB_KEYS), inventory=_usb_inventory(keyboard, CAMERA))
    assert "config_mismatch" not in codes(verdict)     # the camera after it still matches
    verdict = verdict_from_detections(seen(0), seen(180), dict(USB_KEYS), inventory=_usb_inventory(keyboard))
    assert "config_mismatch" in codes(verdict)


def test_unread_usb_or_builtin_lists_never_call_the_config_a_mismatch():
    verdict = verdict_from_detections(seen(0), seen(180), dict(USB_KEYS), inventory=_usb_inventory(usb_known=False))
    assert "config_mismatch" not in codes(verdict)
    unread = Inventory(DeviceSummary("X", "DT", "10", 29, "2.1.2"), [], [], builtin_known=False)
    assert "config_mismatch" not in codes(verdict_from_detections(seen(0), seen(180), {}, inventory=unread))


def test_the_inventorys_wmpf_version_is_the_one_checked_against():
    old = Inventory(DeviceSummary("X", "IC", "12", 31, "1.1.0"), [BuiltinEntry(BACK)], [])
    verdict = verdict_from_detections(seen(90), seen(90), {}, inventory=old)
    assert "needs_newer_wmpf" in codes(verdict)


def test_check_orientation_passes_every_setting_on_to_the_verdict():
    bases = Bases(Turn(90), Turn(90))
    device, wechat = screens_for(bases, {})
    only_device = check_orientation(device, None, {})
    assert only_device.device.rotation == 90 and not only_device.wechat.captured
    ccw = WmpfBehaviour("ccw", "rotate180")
    assert check_orientation(device, wechat, {}, ccw).recommended["cameraRotationAngle"] == 90
    assert "needs_newer_wmpf" in codes(check_orientation(device, wechat, {}, wmpf_version="1.1.0"))
    external = check_orientation(device, wechat, {}, inventory=_external_hal_inventory())
    assert "use_usb_keys" in codes(external)
    first = check_orientation(device, wechat, {})
    second = check_orientation(*screens_for(bases, first.recommended, ccw), first.recommended,
                               history=(first.observation,))
    assert second.behaviour.rotation_direction == "ccw"


def test_a_config_naming_a_camera_the_device_does_not_list_gets_no_usb_switch():
    verdict = verdict_from_detections(seen(90), seen(90), {"internalCameraName": "9"},
                                      inventory=_two_builtin_inventory(EXTERNAL, BACK))
    assert "use_usb_keys" not in codes(verdict) and verdict.family is Family.BUILTIN


def test_an_end_that_did_not_move_when_the_usb_rotation_moved_the_other_is_called_no_effect():
    first = verdict_from_detections(seen(90), seen(90), dict(USB_KEYS))
    assert first.recommended["usbCameraRotationAngle"] == 270
    # A USB rotation turns both ends alike: the device end came upright, the WeChat end did not move.
    second = verdict_from_detections(seen(0), seen(90), first.recommended, history=(first.observation,))
    assert [e.end for e in second.explanations if e.code == "no_effect"] == ["wechat"]


VMIRROR = WmpfBehaviour("cw", "vmirror")


def test_a_push_flip_that_mirrors_can_unmirror_the_wechat_end_and_says_so():
    verdict = verdict_from_detections(seen(0), seen(0, True), {}, VMIRROR)
    assert verdict.recommended == {"cameraRotationAngle": 180, "cameraPushFlip": True}
    [fix] = [e for e in verdict.explanations if e.code == "fix"]
    assert fix.end == "wechat"
    assert fix.message == ("The WeChat end shows the chart mirrored; the recommended cameraRotationAngle: 180, "
                           "cameraPushFlip: true make it right. Apply the recommendation (--apply), then check again.")


def test_the_fix_names_the_turn_seen_and_only_the_keys_that_change():
    config = {"internalCameraName": "0", "cameraPushFlip": False}
    verdict = verdict_from_detections(seen(0), seen(90), config)
    [fix] = [e for e in verdict.explanations if e.code == "fix"]
    assert fix.end == "wechat"
    assert fix.message.startswith("The WeChat end shows the chart turned 90 degrees clockwise; the recommended "
                                  "cameraRotationAngle: 270 make it upright.")


def test_the_fix_keeps_the_case_of_a_serial_number():
    verdict = verdict_from_detections(seen(90), seen(90), {}, inventory=_external_hal_inventory())
    fixes = [e.message for e in verdict.explanations if e.code == "fix"]
    assert fixes and all("usbSerialNumber: SN1" in m for m in fixes)


def test_an_end_not_seen_gets_no_fix_note():
    verdict = verdict_from_detections(seen(270), None, {})
    assert [e for e in verdict.explanations if e.code == "fix"] == []


def test_works_is_said_only_when_the_config_stays_as_it_is():
    verdict = verdict_from_detections(seen(0), seen(0), {"internalCameraName": "0"})
    [works] = [e for e in verdict.explanations if e.code == "works"]
    assert works.message == "Both ends show the chart upright with the config the device runs: keep it as it is."
    dropped = verdict_from_detections(seen(0), seen(0), {"usbCameraName": USB_PATH, "cameraRotationAngle": 90})
    assert dropped.passed and dropped.changes and "works" not in codes(dropped)


def test_notes_about_one_end_name_that_end():
    verdict = verdict_from_detections(seen(0, residual=25.0), NO_CHART, {})
    assert [(e.code, e.end) for e in verdict.explanations if e.code in ("tilted", "no_chart")] == [
        ("tilted", "device"), ("no_chart", "wechat")]


def test_a_config_that_is_not_an_object_is_checked_as_an_empty_one():
    verdict = verdict_from_detections(seen(0), seen(0), None)
    assert verdict.config == {} and verdict.recommended == {} and verdict.passed


def test_a_wmpf_version_given_wins_over_the_inventorys():
    old = Inventory(DeviceSummary("X", "IC", "12", 31, "1.1.0"), [BuiltinEntry(BACK)], [])
    verdict = verdict_from_detections(seen(90), seen(90), {}, inventory=old, wmpf_version="2.1.2")
    assert "needs_newer_wmpf" not in codes(verdict) and verdict.recommended["cameraRotationAngle"] == 270


def test_only_the_wechat_end_seen_gives_bases_from_it():
    verdict = verdict_from_detections(None, seen(90), {})
    assert verdict.bases == Bases(Turn(90), Turn(90)) and verdict.bases_observed == (False, True)
    assert [e.end for e in verdict.explanations if e.code == "assumed_base"] == ["device"]


def test_a_round_that_sees_one_end_more_agrees_with_the_one_before():
    first = verdict_from_detections(seen(90), None, {})
    second = verdict_from_detections(seen(90), seen(0), first.recommended, history=(first.observation,))
    assert not {"inconsistent", "no_effect"} & set(codes(second))
    assert second.bases == Bases(Turn(90), Turn(90)) and second.wechat.upright


def test_a_built_in_preview_that_moved_between_rounds_is_inconsistent():
    first = verdict_from_detections(seen(0), seen(0), {})
    # No key turns a built-in preview, and the push did not move: the device end moving means the chart did.
    second = verdict_from_detections(seen(90), seen(0), {}, history=(first.observation,))
    assert "inconsistent" in codes(second)


def test_rounds_with_another_camera_are_judged_on_their_own():
    first = verdict_from_detections(seen(90), seen(90), {"internalCameraName": "0"})
    second = verdict_from_detections(seen(0), seen(0), {"internalCameraName": "1"}, history=(first.observation,))
    assert "inconsistent" not in codes(second) and second.passed


def notes(verdict, code):
    return [(e.end, e.message) for e in verdict.explanations if e.code == code]


def test_every_note_reads_as_a_whole_sentence_with_its_values():
    cases = [
        (verdict_from_detections(seen(0, residual=25.0), seen(0, residual=15.0), {}), "tilted",
         [("device", "The chart is tilted by 25 degrees on the device end. No key turns by less than 90 degrees: "
                     "hold the chart level, or straighten the camera.")]),
        (verdict_from_detections(NO_CHART, None, {}), "no_chart",
         [("device", "No chart is visible on the device end: hold the printed chart (camtool chart) upright in "
                     "front of the camera, fully in view and evenly lit, and check again.")]),
        (verdict_from_detections(seen(0), seen(0), {"usbCameraName": USB_PATH, "cameraRotationAngle": 90}), "ignored_key",
         [(None, "cameraRotationAngle has no effect: This key belongs to the other camera family; WMPF ignores it "
                 "for the camera in use.")]),
        (verdict_from_detections(seen(0), seen(180), {}), "assumption",
         [(None, "Not yet confirmed on this device: camtool assumes a push flip turns the picture by 180 degrees. "
                 "Apply the recommendation (--apply) and camtool checks what it did.")]),
        (verdict_from_detections(seen(270), seen(270), {}), "assumption",
         [(None, "Not yet confirmed on this device: camtool assumes a rotation value turns the picture clockwise. "
                 "Apply the recommendation (--apply) and camtool checks which way it went.")]),
        (verdict_from_detections(seen(90), None, {}), "assumed_base",
         [("wechat", "The WeChat end was not checked, so camtool assumes it shows the camera the way the device end "
                     "does (the common case; the two can differ). Check it too to be sure: give --wechat-serial, the "
                     "phone in a call with the device, or --wechat-image.")]),
        (verdict_from_detections(None, seen(90), {}), "assumed_base",
         [("device", "The device end was not checked, so camtool assumes it shows the camera the way the WeChat end "
                     "does (the common case; the two can differ). Check it too to be sure: capture the device's own "
                     "screen as well.")]),
        (verdict_from_detections(NO_CHART, NO_CHART, {}), "unknown_mounting",
         [(None, "No end shows the chart, so camtool cannot tell how either end shows the camera; the config is left "
                 "as it is. Hold the printed chart in front of the camera and check again.")]),
    ]
    for verdict, code, expected in cases:
        assert notes(verdict, code) == expected


def test_a_too_old_wmpf_is_named_for_each_key_the_fix_needs_and_only_those():
    verdict = verdict_from_detections(seen(0), seen(180), {}, wmpf_version="1.1.0")
    # cameraRotationAngle stays 0 (no key needed); only the push flip would need a newer WMPF.
    assert notes(verdict, "needs_newer_wmpf") == [
        (None, "cameraPushFlip needs WMPF 2.0.0 or newer and the device has 1.1.0: update WMPF, then the picture "
               "can be turned by keys.")]
    assert verdict.recommended == {}


def test_the_usb_switch_names_the_camera_and_its_path_and_says_it_is_assumed():
    verdict = verdict_from_detections(seen(90), seen(90), {}, inventory=_external_hal_inventory())
    assert notes(verdict, "use_usb_keys") == [
        (None, f'Built-in camera "111" is the USB camera {USB_PATH} behind the external camera HAL. The recommendation '
               "selects it by USB keys instead, because usbCameraRotationAngle turns the device end too.")]
    assert (None, "camtool assumes the USB keys' path shows this camera the way the built-in path does; the check "
                  "after applying tells.") in notes(verdict, "assumption")


def test_usb_keys_that_make_no_more_ends_upright_are_not_switched_to():
    verdict = verdict_from_detections(seen(90), seen(0), {}, inventory=_external_hal_inventory())
    assert "use_usb_keys" not in codes(verdict) and verdict.recommended == {}


def test_a_half_turn_is_the_same_either_way_so_no_direction_is_assumed():
    verdict = verdict_from_detections(seen(180), seen(180), {"usbCameraName": USB_PATH})
    assert verdict.recommended["usbCameraRotationAngle"] == 180
    assert "assumption" not in codes(verdict)


def test_a_clockwise_wmpf_after_assuming_counter_clockwise_is_named():
    ccw = WmpfBehaviour("ccw")
    first = verdict_from_detections(seen(90), seen(90), {}, ccw)
    second = verdict_from_detections(seen(90), seen(180), first.recommended, ccw, history=(first.observation,))
    assert notes(second, "rotation_direction") == [
        (None, "The rotation went the other way: on this device WMPF turns the picture clockwise for a rotation "
               "value. The recommendation is corrected for that.")]
    assert second.behaviour == WmpfBehaviour("cw", "rotate180")


def test_a_flip_that_turned_after_assuming_it_mirrors_is_named():
    first = verdict_from_detections(seen(0), seen(0, True), {}, VMIRROR)
    assert first.recommended == {"cameraRotationAngle": 180, "cameraPushFlip": True}
    second = verdict_from_detections(seen(0), seen(0, True), first.recommended, VMIRROR, history=(first.observation,))
    assert notes(second, "push_flip") == [
        (None, "The push flip turned the picture by 180 degrees on this device. The recommendation is corrected for that.")]
    # The flip is pinned down now, the rotation direction is not (no quarter turn was tried).
    assert second.behaviour.push_flip == "rotate180" and second.behaviour_confirmed is False


def test_the_behaviour_is_confirmed_only_once_the_rounds_pin_it_down():
    first = verdict_from_detections(seen(90), seen(90), {})
    assert first.behaviour_confirmed is False
    second = verdict_from_detections(seen(90), seen(180), first.recommended, history=(first.observation,))
    assert second.behaviour.rotation_direction == "ccw" and second.behaviour_confirmed is False   # the flip is still open


def test_without_a_chart_no_base_is_observed():
    assert verdict_from_detections(NO_CHART, NO_CHART, {}).bases_observed == (False, False)


def test_no_effect_and_inconsistent_read_as_sentences():
    first = verdict_from_detections(seen(0), seen(180), {})
    second = verdict_from_detections(seen(0), seen(180), first.recommended, history=(first.observation,))
    [(end, message)] = notes(second, "no_effect")
    assert end == "wechat" and message.startswith("The keys changed but the WeChat end did not: WMPF did not take the new config.")
    first = verdict_from_detections(seen(0), seen(0), dict(USB_KEYS))
    second = verdict_from_detections(seen(90), seen(180), dict(USB_KEYS), history=(first.observation,))
    [(end, message)] = notes(second, "inconsistent")
    assert end is None and message.startswith("The checks of this run contradict each other")


def test_contradicting_rounds_of_another_camera_still_make_the_run_inconsistent():
    a, b = {"internalCameraName": "0"}, {"internalCameraName": "2"}
    first = verdict_from_detections(seen(0), seen(0), a)
    second = verdict_from_detections(seen(90), seen(0), a, history=(first.observation,))
    third = verdict_from_detections(seen(0), seen(0), b, history=(first.observation, second.observation))
    assert "inconsistent" in codes(third) and third.passed


def test_a_recommendation_that_still_breaks_a_rule_says_which():
    verdict = verdict_from_detections(seen(90), seen(90), {"internalCameraName": "0", "cameraId": 0})
    findings = notes(verdict, "finding")
    assert findings and all(m.startswith("The recommended config still has an error: ") for _, m in findings)
    assert any("internalCameraName and cameraId" in m for _, m in findings)


@pytest.mark.parametrize("config", [{"cameraRotationAngle": 90},
                                    {"usbCameraName": "/dev/bus/usb/001/004", "usbCameraRotationAngle": 90}])
def test_keys_a_too_old_wmpf_does_not_read_are_judged_as_absent_in_every_round(config):
    first = verdict_from_detections(seen(0), seen(90), config, wmpf_version="1.0.5")
    # 1.0.5 reads no camera key: what each end shows is its base, and the keys are called so.
    assert first.bases == Bases(Turn(0), Turn(90)) and first.family is Family.BUILTIN
    ignored = [e.message for e in first.explanations if e.code == "ignored_key"]
    assert ignored and all("needs a newer WMPF" in m for m in ignored)
    assert any("needs WMPF 2.0.0 or newer" in m for _, m in notes(first, "finding"))
    second = verdict_from_detections(seen(0), seen(90), config, wmpf_version="1.0.5", history=(first.observation,))
    assert second.bases == first.bases and not {"inconsistent", "no_effect"} & set(codes(second))
