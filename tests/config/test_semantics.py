"""WMPF semantics: what a config does to each end, the turn group, and the upright inverse."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camtool.config.keys import CAMERA_KEY_ORDER, ROTATIONS, Family
from camtool.config.semantics import (
    ALL_BEHAVIOURS, ALL_TURNS, DEVICE_END, END_TITLES, IDENTITY, REASON_CASE, REASON_INVALID_VALUE,
    REASON_MIRROR, REASON_MIRROR_DEVICE, REASON_NEEDS_NEWER_WMPF, REASON_OTHER_FAMILY, REASON_PARTIAL_TRIPLE,
    REASON_PREVIEW_FIXED, REASON_QUARTER_APART, REASON_REVERSE_LANDSCAPE, WECHAT_END, Bases, Turn,
    WmpfBehaviour, bases_seen, behaviours_matching, compose, config_for_upright, ends_for, parse_wmpf_version,
    selected_family,
)
from camtool.i18n import set_language, tr

USB_PATH = {"usbCameraName": "/dev/bus/usb/001/004"}
USB_TRIPLE = {"usbCameraVendorId": 3034, "usbCameraProductId": 22136, "usbSerialNumber": "SN01"}


# --- the turn group -------------------------------------------------------------------

def _as_matrix(turn: Turn) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where a turn sends the x and y axes, in screen coordinates (y down): an independent oracle."""
    mx = ((-1, 0), (0, 1)) if turn.mirrored else ((1, 0), (0, 1))
    # One clockwise quarter turn on screen (y down) sends (x, y) to (-y, x).
    quarter = ((0, -1), (1, 0))
    m = mx
    for _ in range(turn.rotation // 90):
        m = tuple(tuple(sum(quarter[i][k] * m[k][j] for k in range(2)) for j in range(2)) for i in range(2))
    return m  # type: ignore[return-value]


def _matmul(a, b):
    return tuple(tuple(sum(a[i][k] * b[k][j] for k in range(2)) for j in range(2)) for i in range(2))


def test_then_matches_matrix_composition_for_all_pairs():
    for a, b in itertools.product(ALL_TURNS, repeat=2):
        assert _as_matrix(a.then(b)) == _matmul(_as_matrix(b), _as_matrix(a)), (a, b)


def test_turns_form_a_group():
    turns = set(ALL_TURNS)
    assert len(turns) == 8
    for a, b in itertools.product(ALL_TURNS, repeat=2):
        assert a.then(b) in turns                                    # closure
    for a, b, c in itertools.product(ALL_TURNS, repeat=3):
        assert a.then(b).then(c) == a.then(b.then(c))              # associativity
    for a in ALL_TURNS:
        assert IDENTITY.then(a) == a == a.then(IDENTITY)            # identity
        assert a.then(a.inverse()) == IDENTITY == a.inverse().then(a)  # inverse


def test_mirror_does_not_commute_with_a_quarter_turn():
    mirror, quarter = Turn(0, True), Turn(90, False)
    assert mirror.then(quarter) != quarter.then(mirror)
    assert compose(mirror, quarter) == Turn(90, True)


def test_turn_rejects_a_rotation_that_is_not_a_quarter():
    with pytest.raises(ValueError):
        Turn(45, False)


# --- ends_for: the table ----------------------------------------------------------------
# (family, rotation key value, flip) -> (device end rotation, WeChat end rotation), default behaviour.
# Written out by hand from docs/domain.md, family rules 4 and 5: USB rotation turns both ends, flip only the
# push; the built-in preview never turns.
EXPECTED_ENDS = {
    ("usb", 0, False): (0, 0), ("usb", 90, False): (90, 90),
    ("usb", 180, False): (180, 180), ("usb", 270, False): (270, 270),
    ("usb", 0, True): (0, 180), ("usb", 90, True): (90, 270),
    ("usb", 180, True): (180, 0), ("usb", 270, True): (270, 90),
    ("builtin", 0, False): (0, 0), ("builtin", 90, False): (0, 90),
    ("builtin", 180, False): (0, 180), ("builtin", 270, False): (0, 270),
    ("builtin", 0, True): (0, 180), ("builtin", 90, True): (0, 270),
    ("builtin", 180, True): (0, 0), ("builtin", 270, True): (0, 90),
}


def _config(family: str, rotation: int, flip: bool) -> dict:
    if family == "usb":
        return {**USB_PATH, "usbCameraRotationAngle": rotation, "usbCameraPushFlip": flip}
    return {"internalCameraName": "0", "cameraRotationAngle": rotation, "cameraPushFlip": flip}


@pytest.mark.parametrize("mounting", ALL_TURNS, ids=str)
@pytest.mark.parametrize("flip", [False, True])
@pytest.mark.parametrize("rotation", ROTATIONS)
@pytest.mark.parametrize("family", ["usb", "builtin"])
def test_ends_table(family, rotation, flip, mounting):
    effect = ends_for(_config(family, rotation, flip), "2.1.0")
    device_rot, wechat_rot = EXPECTED_ENDS[(family, rotation, flip)]
    assert effect.family is Family(family)
    assert effect.device_end == Turn(device_rot, False)
    assert effect.wechat_end == Turn(wechat_rot, False)
    assert effect.ignored == ()
    # What the viewer of each end sees: the mounting's turn followed by the end's turn.
    # The picture is upright exactly when the end undoes the mounting.
    device_seen = mounting.then(effect.device_end)
    wechat_seen = mounting.then(effect.wechat_end)
    assert device_seen.mirrored == wechat_seen.mirrored == mounting.mirrored
    # The ends only rotate, so their rotation adds to the mounting's (a mirror came first).
    assert device_seen.rotation == (device_rot + mounting.rotation) % 360
    assert wechat_seen.rotation == (wechat_rot + mounting.rotation) % 360
    assert device_seen.is_identity == (mounting == Turn(device_rot, False).inverse())
    assert wechat_seen.is_identity == (mounting == Turn(wechat_rot, False).inverse())


def test_usb_camera_mounted_quarter_turn_is_fixed_on_both_ends_by_its_rotation():
    effect = ends_for({**USB_PATH, "usbCameraRotationAngle": 270})
    mounting = Turn(90, False)
    assert mounting.then(effect.device_end).is_identity
    assert mounting.then(effect.wechat_end).is_identity


def test_builtin_upside_down_camera_fixed_on_wechat_end_only():
    effect = ends_for({"cameraRotationAngle": 180})
    mounting = Turn(180, False)
    assert mounting.then(effect.wechat_end).is_identity
    assert mounting.then(effect.device_end) == Turn(180, False)


def test_usb_triple_selects_the_usb_family():
    effect = ends_for({**USB_TRIPLE, "usbCameraRotationAngle": 90})
    assert effect.family is Family.USB
    assert effect.device_end == Turn(90, False)


def test_ccw_behaviour_turns_the_other_way():
    effect = ends_for({**USB_PATH, "usbCameraRotationAngle": 90}, None, WmpfBehaviour("ccw"))
    assert effect.device_end == Turn(270, False) == effect.wechat_end


def test_vmirror_behaviour_makes_the_flip_a_vertical_mirror():
    effect = ends_for({"cameraPushFlip": True}, None, WmpfBehaviour(push_flip="vmirror"))
    assert effect.wechat_end == Turn(180, True)
    assert effect.device_end == IDENTITY


def test_default_camera_takes_builtin_keys_and_ignores_usb_rotation():
    effect = ends_for({"cameraRotationAngle": 90, "usbCameraRotationAngle": 180, "usbCameraPushFlip": True})
    assert effect.family is None
    assert effect.wechat_end == Turn(90, False)
    assert dict(effect.ignored) == {"usbCameraRotationAngle": REASON_OTHER_FAMILY,
                                    "usbCameraPushFlip": REASON_OTHER_FAMILY}
    assert effect.applied_keys == ("cameraRotationAngle",)


def test_mixed_config_on_usb_camera_is_the_silent_no_op():
    effect = ends_for({**USB_PATH, "cameraRotationAngle": 180, "internalCameraName": "0"})
    assert effect.wechat_end == IDENTITY == effect.device_end
    assert {k for k, _ in effect.ignored} == {"cameraRotationAngle", "internalCameraName"}


def test_partial_triple_selects_nothing():
    effect = ends_for({"usbCameraVendorId": 3034, "usbCameraProductId": 1, "usbCameraRotationAngle": 90})
    assert effect.family is None
    reasons = dict(effect.ignored)
    assert reasons["usbCameraVendorId"] == REASON_PARTIAL_TRIPLE
    assert reasons["usbCameraRotationAngle"] == REASON_OTHER_FAMILY
    assert effect.device_end == IDENTITY == effect.wechat_end


def test_keys_unknown_to_the_wmpf_version_have_no_effect():
    config = {"internalCameraName": "1", "cameraRotationAngle": 90}
    # 1.1.0's client library knows no camera key: nothing takes effect.
    old = ends_for(config, "1.1.0")
    assert old.family is None and old.wechat_end == IDENTITY
    assert dict(old.ignored) == {"internalCameraName": REASON_NEEDS_NEWER_WMPF,
                                 "cameraRotationAngle": REASON_NEEDS_NEWER_WMPF}
    usb_on_ancient = ends_for({**USB_PATH, "usbCameraRotationAngle": 90}, "1.0.5")
    assert usb_on_ancient.family is None and usb_on_ancient.device_end == IDENTITY
    assert ends_for(config, "2.0.0").wechat_end == Turn(90, False)


def test_between_the_seen_client_libraries_inferred_gates_are_given_the_benefit_of_the_doubt():
    """1.9.3: internalCameraName's stated 2.0.0 gate holds; the inferred ones are unknown there, so
    the keys are taken to work (the rules warn, CAM303) rather than silently dropped."""
    effect = ends_for({"internalCameraName": "1", "cameraRotationAngle": 90}, "1.9.3")
    assert dict(effect.ignored) == {"internalCameraName": REASON_NEEDS_NEWER_WMPF}
    assert effect.family is None and effect.wechat_end == Turn(90)
    usb = ends_for({**USB_PATH, "usbCameraRotationAngle": 90}, "1.5.0")
    assert usb.family is Family.USB and usb.device_end == Turn(90)


@pytest.mark.parametrize("config, expected", [
    # An empty path, a path of the wrong type, an id written as a hex string: WMPF's typed getters
    # read nothing, so no USB camera is selected and the built-in keys take effect.
    ({"usbCameraName": "", "cameraRotationAngle": 90}, None),
    ({"usbCameraName": 5, "cameraRotationAngle": 90}, None),
    ({"usbCameraVendorId": "0x1234", "usbCameraProductId": 1, "usbSerialNumber": "S", "cameraRotationAngle": 90}, None),
    ({"usbCameraName": "/dev/bus/usb/001/002", "cameraRotationAngle": 90}, Family.USB),
    ({"usbCameraVendorId": 4660, "usbCameraProductId": 1, "usbSerialNumber": "S"}, Family.USB),
    ({"internalCameraName": "0", "usbCameraVendorId": 4660}, Family.BUILTIN),
])
def test_selected_family_is_decided_by_what_wmpf_can_read(config, expected):
    assert selected_family(config) is expected
    assert ends_for(config).family is expected
    rotation_applies = ends_for(config).wechat_end == Turn(90)
    assert rotation_applies == (expected is not Family.USB and "cameraRotationAngle" in config)


@pytest.mark.parametrize("value", [45, -90, 360, "90", 90.0, True, None, [90]])
def test_invalid_rotation_values_are_ignored(value):
    effect = ends_for({**USB_PATH, "usbCameraRotationAngle": value})
    assert effect.device_end == IDENTITY
    assert dict(effect.ignored) == {"usbCameraRotationAngle": REASON_INVALID_VALUE}


def test_invalid_selectors_and_flips_are_ignored():
    effect = ends_for({"usbCameraName": "", "cameraId": True, "cameraPushFlip": "true"})
    assert effect.family is None
    assert {k for k, _ in effect.ignored} == {"usbCameraName", "cameraId", "cameraPushFlip"}


def test_wrong_case_key_is_ignored_with_a_reason():
    effect = ends_for({"CameraRotationAngle": 90})
    assert effect.wechat_end == IDENTITY
    assert effect.ignored == (("CameraRotationAngle", REASON_CASE),)


def test_other_keys_pass_without_comment():
    effect = ends_for({"uiZoom": 1.5, "defaultRenderer": "skyline"})
    assert effect.ignored == () and effect.applied_keys == ()


@pytest.mark.parametrize("config", [None, [], "x", 3, {1: 2}])
def test_not_a_dict_means_default_camera_untouched(config):
    effect = ends_for(config)  # type: ignore[arg-type]
    assert effect.family is None and effect.device_end == IDENTITY == effect.wechat_end


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 70000) | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(CAMERA_KEY_ORDER + ("cameraid", "uiZoom")), json_values),
       st.sampled_from([None, "1.0.0", "2.0.0", "garbage", ""]), st.sampled_from(ALL_BEHAVIOURS))
def test_any_dict_gives_an_answer(config, version, behaviour):
    effect = ends_for(config, version, behaviour)
    assert set(effect.applied_keys).isdisjoint(k for k, _ in effect.ignored)
    assert set(effect.applied_keys) | {k for k, _ in effect.ignored} <= set(config)


def test_reasons_are_translated():
    effect = ends_for({**USB_PATH, "cameraRotationAngle": 90})
    set_language("zh")
    assert tr(effect.ignored[0][1]) != effect.ignored[0][1]


@pytest.mark.parametrize("text, expected", [
    ("2.1.0", (2, 1, 0)), ("v2.0.0.1234", (2, 0, 0)), ("1.1", (1, 1, 0)), ("abc", None), (None, None),
    ("2.", (2, 0, 0)), ("2.1.", (2, 1, 0)), (" V1.10", (1, 10, 0)), ("", None), ("x2.1", None)])
def test_parse_wmpf_version(text, expected):
    assert parse_wmpf_version(text) == expected


# --- config_for_upright: two bases ------------------------------------------------------

QUARTERS = [Turn(r) for r in ROTATIONS]


def _key_choices(family: Family):
    rot, flip = (("usbCameraRotationAngle", "usbCameraPushFlip") if family is Family.USB
                 else ("cameraRotationAngle", "cameraPushFlip"))
    return [{rot: r, flip: f} for r in ROTATIONS for f in (False, True)]


@pytest.mark.parametrize("push", ALL_TURNS, ids=lambda t: f"push{t.rotation}{'m' if t.mirrored else ''}")
@pytest.mark.parametrize("preview", ALL_TURNS, ids=lambda t: f"preview{t.rotation}{'m' if t.mirrored else ''}")
@pytest.mark.parametrize("family", [Family.USB, Family.BUILTIN])
def test_config_for_upright_is_the_best_any_key_pair_can_do_for_two_bases(family, preview, push):
    for behaviour in ALL_BEHAVIOURS:
        _check_plan(family, preview, push, behaviour)


def _check_plan(family, preview, push, behaviour):
    bases = Bases(preview, push)
    selector = USB_PATH if family is Family.USB else {"internalCameraName": "0"}
    plan = config_for_upright(bases, family, behaviour, base={**selector, "uiZoom": 1})
    effect = ends_for(plan.config, "2.1.0", behaviour)
    assert plan.config["uiZoom"] == 1 and effect.ignored == ()
    seen = effect.seen(bases)
    assert seen == plan.predicted
    # No pair of this family's keys makes more ends upright (brute force over all eight).
    best = max(sum(t.rotation == 0 for t in ends_for({**selector, **keys}, None, behaviour).seen(bases))
               for keys in _key_choices(family))
    assert plan.upright_ends == best
    for end, turn in zip((DEVICE_END, WECHAT_END), seen):
        reasons = [u.reason for u in plan.unfixable if u.end == end]
        assert (reasons == []) == turn.is_identity
        assert (REASON_MIRROR in reasons or REASON_MIRROR_DEVICE in reasons) == turn.mirrored
        assert REASON_MIRROR_DEVICE not in reasons or end == DEVICE_END
    if family is Family.BUILTIN:
        # Push keys fix the push, whatever the preview does; the preview is never turned.
        assert seen[1].rotation == 0 and seen[0] == preview
        reasons = [u.reason for u in plan.unfixable if u.end == DEVICE_END]
        assert (REASON_PREVIEW_FIXED in reasons) == (preview.rotation != 0)
        assert (REASON_REVERSE_LANDSCAPE in reasons) == (preview.rotation == 180)
    else:
        apart = (push.rotation - preview.rotation) % 360 if preview.mirrored == push.mirrored else None
        if apart in (0, 180) and behaviour.push_flip == "rotate180":
            assert plan.upright_ends == 2
        quarter = [u for u in plan.unfixable if u.reason == REASON_QUARTER_APART]
        assert bool(quarter) == (plan.upright_ends < 2)
        if quarter and behaviour.push_flip == "rotate180":  # the end left turned is named, with its turn
            (item,) = quarter
            left = seen[0] if item.end == DEVICE_END else seen[1]
            assert item.values["degrees"] == left.rotation != 0
            # The running config (no rotation key) keeps an upright WeChat end upright; otherwise
            # the device end is the one made upright (a USB rotation is what turns it).
            # Neither upright now: the end that can be made fully right (not mirrored) first.
            neither = preview.rotation != 0 and push.rotation != 0
            kept = 1 if (push.rotation == 0 and preview.rotation != 0) or (
                neither and push.mirrored is False and preview.mirrored) else 0
            assert seen[kept].rotation == 0


def test_faq_first_case_is_a_push_flip_with_rotation_zero():
    """WMPF FAQ 4.1, first case: the preview upright, the WeChat end upside down."""
    plan = config_for_upright(Bases(IDENTITY, Turn(180)), Family.USB, base=dict(USB_TRIPLE))
    assert plan.keys == {"usbCameraRotationAngle": 0, "usbCameraPushFlip": True}
    assert plan.predicted == (IDENTITY, IDENTITY) and plan.unfixable == ()
    builtin = config_for_upright(Bases(IDENTITY, Turn(180)), Family.BUILTIN, base={"internalCameraName": "0"})
    assert builtin.keys == {"cameraRotationAngle": 0, "cameraPushFlip": True}


@pytest.mark.parametrize("preview, push", [(p, q) for p in QUARTERS for q in QUARTERS])
@pytest.mark.parametrize("rotation", ROTATIONS)
@pytest.mark.parametrize("flip", [False, True])
def test_config_for_upright_never_turns_an_end_the_running_keys_keep_upright(preview, push, rotation, flip):
    running = {**USB_PATH, "usbCameraRotationAngle": rotation, "usbCameraPushFlip": flip}
    bases = Bases(preview, push)
    before = ends_for(running).seen(bases)
    plan = config_for_upright(bases, Family.USB, base=running)
    after = ends_for(plan.config).seen(bases)
    for was, now in zip(before, after):
        assert was.rotation != 0 or now.rotation == 0
    if all(t.rotation == 0 for t in before):  # a device that works keeps its keys
        assert (plan.keys["usbCameraRotationAngle"], plan.keys["usbCameraPushFlip"]) == (rotation, flip)


def test_upright_plan_uses_the_family_keys():
    bases = Bases.mounted(Turn(90))
    assert set(config_for_upright(bases, Family.USB).keys) == {"usbCameraRotationAngle", "usbCameraPushFlip"}
    assert set(config_for_upright(bases, Family.BUILTIN).keys) == {"cameraRotationAngle", "cameraPushFlip"}


def test_vmirror_flip_can_unmirror_the_push():
    plan = config_for_upright(Bases(IDENTITY, Turn(0, True)), Family.BUILTIN, WmpfBehaviour(push_flip="vmirror"))
    assert plan.wechat_end_fixed and plan.keys["cameraPushFlip"] is True


@pytest.mark.parametrize("behaviour", ALL_BEHAVIOURS, ids=lambda b: f"{b.rotation_direction}-{b.push_flip}")
@pytest.mark.parametrize("config", [{}, {**USB_PATH, "usbCameraRotationAngle": 90, "usbCameraPushFlip": True},
                                    {"internalCameraName": "0", "cameraRotationAngle": 270}])
def test_bases_seen_inverts_what_the_keys_do(config, behaviour):
    for preview, push in itertools.product(ALL_TURNS, repeat=2):
        device, wechat = ends_for(config, None, behaviour).seen(Bases(preview, push))
        assert bases_seen(config, None, behaviour, device, wechat) == (preview, push)
    assert bases_seen(config, None, behaviour, None, Turn(90)) [0] is None


def test_behaviours_matching_names_the_assumption_a_device_disagrees_with():
    config = {**USB_PATH, "usbCameraRotationAngle": 90, "usbCameraPushFlip": True}
    # Observed: device end turned 270 (ccw reading) and the push a vertical mirror of that.
    device_seen = Turn(270, False)
    wechat_seen = Turn(270).then(Turn(180, True))
    found = behaviours_matching(config, "2.1.0", Bases(), device_seen, wechat_seen)
    assert found == [WmpfBehaviour("ccw", "vmirror")]
    assert behaviours_matching(config, "2.1.0", Bases(), Turn(90), Turn(270)) == [WmpfBehaviour()]
    # The same pictures from a camera whose push path turns by 180: the documented reading fits.
    assert WmpfBehaviour() in behaviours_matching(config, "2.1.0", Bases(IDENTITY, Turn(180)), Turn(90), Turn(90))


@pytest.mark.parametrize("config", [
    {"usbCameraName": "", "cameraRotationAngle": 90},
    {"usbCameraName": 5, "cameraRotationAngle": 90},
    {"usbCameraVendorId": "0x1234", "usbCameraProductId": 1, "usbSerialNumber": "S", "cameraRotationAngle": 90},
])
def test_validate_agrees_with_ends_for_on_which_family_is_in_use(config):
    """The rules ask the same function: the built-in rotation is not called "no effect" (CAM204)."""
    from camtool.config.rules import validate

    assert ends_for(config).wechat_end == Turn(90)
    assert "CAM204" not in [f.code for f in validate(config)]
    usb_key = {**config, "usbCameraRotationAngle": 90}
    usb_key.pop("cameraRotationAngle")
    assert [f.keys for f in validate(usb_key) if f.code == "CAM204"] == [("usbCameraRotationAngle",)]


# --- boundaries the mutation run showed untested (make mutants) --------------------------------

@pytest.mark.parametrize("config, family", [
    ({"cameraId": 0}, Family.BUILTIN),                 # camera 0 is a camera, not "no selector"
    ({"cameraId": -1}, None),
    ({"internalCameraName": "0"}, Family.BUILTIN),
    ({"internalCameraName": "  "}, None),
    ({"usbCameraName": " "}, None),
    ({"usbCameraVendorId": 0, "usbCameraProductId": 65535, "usbSerialNumber": "S"}, Family.USB),
    ({"usbCameraVendorId": 65536, "usbCameraProductId": 1, "usbSerialNumber": "S"}, None),
    ({"usbCameraVendorId": -1, "usbCameraProductId": 1, "usbSerialNumber": "S"}, None),
    ({"usbCameraVendorId": 1, "usbCameraProductId": 1, "usbSerialNumber": " "}, None),
    ({"usbCameraVendorId": 1, "usbCameraProductId": True, "usbSerialNumber": "S"}, None),
])
def test_a_selector_counts_only_with_a_value_wmpf_can_read(config, family):
    assert selected_family(config) is family


@pytest.mark.parametrize("rotation", sorted(ROTATIONS))
def test_every_quarter_rotation_value_is_taken(rotation):
    effect = ends_for({**USB_PATH, "usbCameraRotationAngle": rotation})
    assert effect.ignored == () and effect.device_end == Turn(rotation)


def test_ignored_keys_come_in_the_configs_order_with_their_reasons():
    config = {"usbCameraRotationAngle": 90, "CameraPushFlip": True, "usbCameraVendorId": 1, "cameraId": "x",
              "internalCameraName": "0"}
    effect = ends_for(config)
    assert effect.family is Family.BUILTIN
    assert [k for k, _ in effect.ignored] == ["usbCameraRotationAngle", "CameraPushFlip", "usbCameraVendorId", "cameraId"]
    assert dict(effect.ignored) == {"usbCameraRotationAngle": REASON_OTHER_FAMILY, "CameraPushFlip": REASON_CASE,
                                    "usbCameraVendorId": REASON_PARTIAL_TRIPLE, "cameraId": REASON_INVALID_VALUE}
    assert effect.applied_keys == ("internalCameraName",)


def test_a_usb_selection_ignores_every_built_in_key():
    config = {"internalCameraName": "0", "cameraId": 1, "cameraRotationAngle": 90, "cameraPushFlip": True, **USB_PATH}
    effect = ends_for(config)
    assert effect.family is Family.USB and effect.wechat_end == IDENTITY
    assert dict(effect.ignored) == dict.fromkeys(["internalCameraName", "cameraId", "cameraRotationAngle",
                                                  "cameraPushFlip"], REASON_OTHER_FAMILY)


def test_a_turn_or_a_behaviour_that_cannot_be_says_what_can():
    with pytest.raises(ValueError, match=r"rotation must be one of .*not 45"):
        Turn(45)
    with pytest.raises(ValueError, match="rotation_direction must be 'cw' or 'ccw', not 'left'"):
        WmpfBehaviour("left")
    with pytest.raises(ValueError, match="push_flip must be 'rotate180' or 'vmirror', not 'spin'"):
        WmpfBehaviour("cw", "spin")


def test_a_mounted_camera_shows_its_mounting_on_both_ends_and_each_end_reads_its_own_base():
    assert Bases.mounted(Turn(90)) == Bases(Turn(90), Turn(90))
    bases = Bases(Turn(0), Turn(180, True))
    assert (bases.of(DEVICE_END), bases.of(WECHAT_END)) == (Turn(0), Turn(180, True))


def test_a_wmpf_too_old_for_a_key_is_asked_everywhere_the_keys_are_read():
    path = {"usbCameraName": "/dev/bus/usb/001/004"}
    assert selected_family(path, "1.0.5") is None and selected_family(path) is Family.USB
    config = {"cameraRotationAngle": 90}
    # Not read by 1.0.5: what the WeChat end shows is its base itself.
    assert bases_seen(config, "1.0.5", WmpfBehaviour(), None, Turn(90)) == (None, Turn(90))
    assert bases_seen(config, None, WmpfBehaviour(), None, Turn(90)) == (None, Turn(0))
    assert behaviours_matching(config, "1.0.5", Bases(), wechat_seen=Turn(0)) == list(ALL_BEHAVIOURS)
    assert behaviours_matching(config, None, Bases(), wechat_seen=Turn(0)) == []


def test_behaviours_are_matched_on_the_ends_measured_only():
    config = {"cameraRotationAngle": 90}
    cw_only = behaviours_matching(config, None, Bases(), wechat_seen=Turn(90))
    assert [b.rotation_direction for b in cw_only] == ["cw", "cw"]
    assert behaviours_matching(config, None, Bases(), device_seen=Turn(0)) == list(ALL_BEHAVIOURS)


@pytest.mark.parametrize("preview, push, end, other, degrees", [
    (Turn(0), Turn(90), WECHAT_END, DEVICE_END, 90),
    (Turn(90), Turn(0), DEVICE_END, WECHAT_END, 90),     # the running keys keep the WeChat end upright
])
def test_a_quarter_apart_usb_camera_names_the_end_left_turned_and_the_other(preview, push, end, other, degrees):
    plan = config_for_upright(Bases(preview, push), Family.USB, base=dict(USB_PATH))
    [item] = [u for u in plan.unfixable if u.reason == REASON_QUARTER_APART]
    assert item.end == end
    assert item.values == {"end": END_TITLES[end], "other": END_TITLES[other], "degrees": degrees}
    assert (plan.device_end_fixed, plan.wechat_end_fixed) == (end != DEVICE_END, end != WECHAT_END)


def test_a_plan_says_which_ends_it_makes_right():
    plan = config_for_upright(Bases(), Family.BUILTIN)
    assert plan.device_end_fixed is True and plan.wechat_end_fixed is True
    plan = config_for_upright(Bases(Turn(90), Turn(0)), Family.BUILTIN)
    assert plan.device_end_fixed is False and plan.wechat_end_fixed is True
