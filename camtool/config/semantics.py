"""What a config does to each end of a WMPF call: the one pure mapping (docs/architecture.md, the flow of a config).

A `Turn` (`config/turns.py`) is what happens to a picture: first an optional horizontal
(left-right) mirror, then a clockwise rotation by 0/90/180/270 degrees. Each end of a call
has its own **base** (`config/ends.py`; docs/domain.md, "Two ends, two bases"): the Turn
between the upright scene and what that end shows with no rotation/flip key. The preview
path often applies the sensor-orientation compensation while the encoder path does not, or a
USB camera's HAL turns one path only, so the device end's base (`Bases.preview`) and the
WeChat end's (`Bases.push`) may differ; the physical mounting is the common case where they
are equal. What an end shows is its base, then the keys' turn for that end:
`EndsEffect.seen(bases)`. A viewer sees the scene upright when that is the identity. No
pixels and no Qt here: `camtool.vision.transforms` applies turns to images.

`camera_selection` (`config/family_rules.py`) is the one place that decides which camera
family a config selects and which keys WMPF reads. `ends_for` reads any dict (never raises)
and says which keys took effect and which were ignored, and why. `config_for_upright` is its
inverse: the keys that make both ends upright for two bases, and what no InitGlobalConfig
key can fix. Every public name of the four modules is importable from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from camtool.config.ends import (ALL_BEHAVIOURS, DEFAULT_BEHAVIOUR, DEVICE_END, END_TITLES, WECHAT_END, Bases,
                                 WmpfBehaviour)
from camtool.config.family_rules import (REASON_CASE, REASON_INVALID_VALUE, REASON_NEEDS_NEWER_WMPF,
                                         REASON_OTHER_FAMILY, REASON_PARTIAL_TRIPLE, SELECTORS, Selection,
                                         camera_selection, parse_wmpf_version,
                                         selected_family, valid_value)
from camtool.config.keys import FLIP_KEY, ROTATION_KEY, ROTATIONS, Family
from camtool.config.turns import ALL_TURNS, HORIZONTAL_MIRROR, IDENTITY, VERTICAL_MIRROR, Turn, compose
from camtool.i18n import N_

# The turns, the ends and the family rules have their own modules; their names stay importable
# from here, the one entry point of the semantics.
__all__ = [
    "Turn", "compose", "IDENTITY", "HORIZONTAL_MIRROR", "VERTICAL_MIRROR", "ALL_TURNS", "Bases",
    "WmpfBehaviour", "DEFAULT_BEHAVIOUR", "ALL_BEHAVIOURS", "EndsEffect", "ends_for", "selected_family",
    "Selection", "camera_selection", "valid_value", "UprightPlan", "Unfixable", "config_for_upright",
    "behaviours_matching", "bases_seen", "parse_wmpf_version", "DEVICE_END", "WECHAT_END", "END_TITLES",
    "ROTATION_KEY", "FLIP_KEY", "SELECTORS",
    "REASON_OTHER_FAMILY", "REASON_NEEDS_NEWER_WMPF", "REASON_INVALID_VALUE", "REASON_PARTIAL_TRIPLE", "REASON_CASE",
    "REASON_PREVIEW_FIXED", "REASON_REVERSE_LANDSCAPE", "REASON_QUARTER_APART", "REASON_MIRROR",
    "REASON_MIRROR_DEVICE",
]


# What no InitGlobalConfig key can fix, per end.
REASON_PREVIEW_FIXED = N_("InitGlobalConfig cannot rotate a built-in camera's device preview: the integrator's preview code or the device's display rotation must turn it. A USB camera behind the external camera HAL can be selected by USB keys instead, whose rotation turns both ends.")
REASON_REVERSE_LANDSCAPE = N_("The device end is upside down. Outside the camera keys, reverseLandscape (WMPF 1.2.0) turns the whole mini program by 180 degrees; that it turns the camera preview too is a guess (inferred): set it, then check again.")
REASON_QUARTER_APART = N_("On this USB camera the {end} is a quarter turn away from the {other}: usbCameraRotationAngle turns both ends and usbCameraPushFlip only by 180 degrees, so no USB key makes both upright. The recommendation keeps the {other} upright; the {end} stays turned {degrees} degrees clockwise. Outside these keys: if Android also lists this camera as a built-in camera (external camera HAL), select it by that id, whose cameraRotationAngle turns the push only; or turn the picture in the mini program with the VoIP plugin's setUIConfig cameraRotation.")
REASON_MIRROR = N_("No InitGlobalConfig key mirrors the picture: set horMirror / vertMirror with the VoIP plugin's setUIConfig in the mini program.")
REASON_MIRROR_DEVICE = N_("The device end shows a mirror image, and no InitGlobalConfig key mirrors. A front camera's preview is often mirrored on purpose, like a mirror; if it must not be, set horMirror / vertMirror with the VoIP plugin's setUIConfig (callerUI / listenerUI) in the mini program.")


@dataclass(frozen=True)
class EndsEffect:
    family: Family | None                 # None: no key selects a camera, WMPF uses its default built-in one
    device_end: Turn                      # what the keys do to the device end (after its base)
    wechat_end: Turn                      # what the keys do to the pushed stream (after its base)
    applied_keys: tuple[str, ...] = ()
    ignored: tuple[tuple[str, str], ...] = ()   # (key, N_-marked reason)

    def end(self, name: str) -> Turn:
        return self.device_end if name == DEVICE_END else self.wechat_end

    def seen(self, bases: Bases) -> tuple[Turn, Turn]:
        """(device end, WeChat end): what each end shows of the upright scene with these bases."""
        return bases.preview.then(self.device_end), bases.push.then(self.wechat_end)


def _end_turns(in_use: Family, rotation_value: int, flip: bool,
               behaviour: WmpfBehaviour) -> tuple[Turn, Turn]:
    """(device end, WeChat end) turns the keys of a camera of family `in_use` add to the bases."""
    rotation = behaviour.rotation_turn(rotation_value)
    push = rotation.then(behaviour.flip_turn) if flip else rotation
    # Rule 5: a USB camera's rotation turns the preview too; a built-in preview never turns.
    return (rotation if in_use is Family.USB else IDENTITY), push


def ends_for(config: dict | None, wmpf_version: str | None = None,
             behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR) -> EndsEffect:
    """What the keys of `config` (any dict; never raises) do to each end, after its base.

    `wmpf_version` None means unknown: no version gate is applied. A version no client library
    was seen of (between 1.1.0 and 2.0.0) is taken to read the keys; the rules warn about it.
    """
    selection = camera_selection(config, wmpf_version)
    in_use, usable = selection.in_use, selection.usable
    device, push = _end_turns(in_use, usable.get(ROTATION_KEY[in_use], 0),
                              usable.get(FLIP_KEY[in_use], False), behaviour)
    items = config if isinstance(config, dict) else {}
    applied = tuple(k for k in items if isinstance(k, str) and k in usable)
    return EndsEffect(selection.family, device, push, applied, selection.ignored)


def bases_seen(config: dict | None, wmpf_version: str | None, behaviour: WmpfBehaviour,
               device_seen: Turn | None, wechat_seen: Turn | None) -> tuple[Turn | None, Turn | None]:
    """The (preview, push) bases that make `config` show what was seen on each end (None: not seen)."""
    effect = ends_for(config, wmpf_version, behaviour)
    return (None if device_seen is None else device_seen.then(effect.device_end.inverse()),
            None if wechat_seen is None else wechat_seen.then(effect.wechat_end.inverse()))


@dataclass(frozen=True)
class Unfixable:
    """What no InitGlobalConfig key fixes on one end: an N_-marked reason and its values."""

    end: str                                # DEVICE_END | WECHAT_END
    reason: str
    values: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class UprightPlan:
    keys: dict[str, Any]                   # rotation/flip keys to set
    device_end_fixed: bool
    wechat_end_fixed: bool
    predicted: tuple[Turn, Turn] = (IDENTITY, IDENTITY)   # what (device, WeChat) end show under `config`
    unfixable: tuple[Unfixable, ...] = ()
    base: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def config(self) -> dict[str, Any]:
        """`base` with the plan's keys set (base's other keys kept, in their order)."""
        merged = dict(self.base)
        merged.update(self.keys)
        return merged

    @property
    def upright_ends(self) -> int:
        return sum(seen.rotation == 0 for seen in self.predicted)


def _current_keys(base: dict, in_use: Family) -> tuple[int, bool] | None:
    """The rotation/flip values `base` gives the family in use (None: it selects the other family)."""
    selection = camera_selection(base)
    if selection.in_use is not in_use:
        return None
    return (selection.usable.get(ROTATION_KEY[in_use], 0), selection.usable.get(FLIP_KEY[in_use], False))


def config_for_upright(bases: Bases, family: Family | None,
                       behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR,
                       base: dict | None = None) -> UprightPlan:
    """The rotation/flip keys that show the scene upright on both ends for these bases.

    Prefers, in order: more ends upright (mirroring aside); no end turned that `base`'s own
    keys keep upright (a recommendation never breaks what works); more ends fully right; the
    device end upright (a USB rotation is what turns it); `base`'s own key values; the smallest
    rotation (so a push left upside down gets the push flip, as WMPF's FAQ fixes it, not a
    rotation of 180); no flip. What no key fixes is in `unfixable`, per end.
    """
    in_use = family or Family.BUILTIN
    base = dict(base) if isinstance(base, dict) else {}
    rot_key, flip_key = ROTATION_KEY[in_use], FLIP_KEY[in_use]
    current = _current_keys(base, in_use)
    upright_now = (0, 0)
    if current is not None:
        now = _end_turns(in_use, current[0], current[1], behaviour)
        upright_now = (int(bases.preview.then(now[0]).rotation == 0), int(bases.push.then(now[1]).rotation == 0))
    best: tuple | None = None
    for flip in (False, True):
        for value in ROTATIONS:
            device_turn, push_turn = _end_turns(in_use, value, flip, behaviour)
            device_seen, wechat_seen = bases.preview.then(device_turn), bases.push.then(push_turn)
            up = (int(device_seen.rotation == 0), int(wechat_seen.rotation == 0))
            kept = sum(u for u, was in zip(up, upright_now) if was)
            right = int(device_seen.is_identity) + int(wechat_seen.is_identity)
            same = 0 if current is None else int(value == current[0]) + int(flip == current[1])
            rank = (sum(up), kept, right, up[0], same, -value, not flip)
            if best is None or rank > best[0]:
                best = (rank, {rot_key: value, flip_key: flip}, device_seen, wechat_seen)
    assert best is not None
    _, keys, device_seen, wechat_seen = best
    unfixable: list[Unfixable] = []
    for end, seen in ((DEVICE_END, device_seen), (WECHAT_END, wechat_seen)):
        other = WECHAT_END if end == DEVICE_END else DEVICE_END
        if seen.rotation != 0:
            if in_use is Family.BUILTIN and end == DEVICE_END:
                unfixable.append(Unfixable(end, REASON_PREVIEW_FIXED))
                if seen.rotation == 180:
                    unfixable.append(Unfixable(end, REASON_REVERSE_LANDSCAPE))
            else:
                unfixable.append(Unfixable(end, REASON_QUARTER_APART,
                                           {"end": END_TITLES[end], "other": END_TITLES[other],
                                            "degrees": seen.rotation}))
        if seen.mirrored:
            unfixable.append(Unfixable(end, REASON_MIRROR_DEVICE if end == DEVICE_END else REASON_MIRROR))
    return UprightPlan(keys, device_seen.is_identity, wechat_seen.is_identity, (device_seen, wechat_seen),
                       tuple(unfixable), base)


def behaviours_matching(config: dict | None, wmpf_version: str | None, bases: Bases,
                        device_seen: Turn | None = None,
                        wechat_seen: Turn | None = None) -> list[WmpfBehaviour]:
    """The behaviours under which `config` would show what was observed, for these bases.

    `device_seen` / `wechat_seen` are the turns the orientation check measured between the
    upright scene and each end (None = not measured). The orientation check uses this to
    tell which inferred assumption a real device disagrees with.
    """
    matches = []
    for behaviour in ALL_BEHAVIOURS:
        device, wechat = ends_for(config, wmpf_version, behaviour).seen(bases)
        if device_seen is not None and device != device_seen:
            continue
        if wechat_seen is not None and wechat != wechat_seen:
            continue
        matches.append(behaviour)
    return matches
