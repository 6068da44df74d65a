"""What a config does to each end of a WMPF call: the one pure mapping (docs/architecture.md, the flow of a config).

A `Turn` is what happens to a picture: first an optional horizontal (left-right) mirror,
then a clockwise rotation by 0/90/180/270 degrees. Each end of a call has its own **base**
(docs/domain.md, "Two ends, two bases"): the Turn between the upright scene and what that end
shows with no rotation/flip key. The preview path often applies the sensor-orientation
compensation while the encoder path does not, or a USB camera's HAL turns one path only, so
the device end's base (`Bases.preview`) and the WeChat end's (`Bases.push`) may differ; the
physical mounting is the common case where they are equal. What an end shows is its base,
then the keys' turn for that end: `EndsEffect.seen(bases)`. A viewer sees the scene upright
when that is the identity. No pixels and no Qt here: `camtool.vision.transforms` applies
turns to images.

`selected_family` is the one place that decides which camera family a config selects; the
rules, the model, `ends_for` and the virtual device ask it. `ends_for` reads any dict (never
raises) and says which keys took effect and which were ignored, and why. `config_for_upright`
is its inverse: the keys that make both ends upright for two bases, and what no
InitGlobalConfig key can fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from camtool.config.keys import FLIP_KEY, KEYS_BY_NAME, ROTATION_KEY, ROTATIONS, SELECTOR_KEYS, USB_TRIPLE, Family
from camtool.config.versions import Gate, gate
# The window and the check read a typed or reported version leniently (unknown, not an error).
from camtool.config.versions import parse_version_prefix as parse_wmpf_version
from camtool.i18n import N_

__all__ = [
    "Turn", "compose", "IDENTITY", "HORIZONTAL_MIRROR", "VERTICAL_MIRROR", "ALL_TURNS", "Bases",
    "WmpfBehaviour", "DEFAULT_BEHAVIOUR", "ALL_BEHAVIOURS", "EndsEffect", "ends_for", "selected_family",
    "Selection", "camera_selection", "valid_value", "UprightPlan", "Unfixable", "config_for_upright",
    "behaviours_matching", "bases_seen", "parse_wmpf_version", "DEVICE_END", "WECHAT_END",
    "ROTATION_KEY", "FLIP_KEY", "SELECTORS",
]

DEVICE_END = "device_end"
WECHAT_END = "wechat_end"


@dataclass(frozen=True, order=True)
class Turn:
    """Horizontal mirror (if `mirrored`) applied first, then a clockwise `rotation`."""

    rotation: int = 0
    mirrored: bool = False

    def __post_init__(self) -> None:
        if self.rotation not in ROTATIONS:
            raise ValueError(f"rotation must be one of {ROTATIONS}, not {self.rotation!r}")

    def then(self, after: Turn) -> Turn:
        """The single turn equal to applying `self` first and `after` second."""
        # A mirror reverses the sense of an earlier rotation: M . R(a) = R(-a) . M.
        first = -self.rotation if after.mirrored else self.rotation
        return Turn((after.rotation + first) % 360, self.mirrored != after.mirrored)

    def inverse(self) -> Turn:
        """The turn that undoes this one (a mirrored turn is its own inverse)."""
        return self if self.mirrored else Turn((-self.rotation) % 360, False)

    @property
    def is_identity(self) -> bool:
        return self.rotation == 0 and not self.mirrored

    @property
    def keeps_up(self) -> bool:
        """True when the top stays on top (identity or a plain left-right mirror)."""
        return self.rotation == 0


def compose(*turns: Turn) -> Turn:
    """Apply `turns` left to right."""
    result = IDENTITY
    for turn in turns:
        result = result.then(turn)
    return result


IDENTITY = Turn(0, False)
HORIZONTAL_MIRROR = Turn(0, True)
#: An upside-down mirror: left-right mirror, then half a turn.
VERTICAL_MIRROR = Turn(180, True)
ALL_TURNS: tuple[Turn, ...] = tuple(Turn(r, m) for m in (False, True) for r in ROTATIONS)


@dataclass(frozen=True)
class WmpfBehaviour:
    """The inferred parts of WMPF's behaviour, named so a scenario or a check can override them.

    rotation_direction: "cw" = a rotation key turns the picture clockwise (our reading), "ccw"
    the other way. push_flip: "rotate180" = a push flip turns the push by 180 degrees (our
    reading), "vmirror" = it mirrors top to bottom. A push flip acts after the rotation.
    """

    rotation_direction: str = "cw"
    push_flip: str = "rotate180"

    def __post_init__(self) -> None:
        if self.rotation_direction not in ("cw", "ccw"):
            raise ValueError(f"rotation_direction must be 'cw' or 'ccw', not {self.rotation_direction!r}")
        if self.push_flip not in ("rotate180", "vmirror"):
            raise ValueError(f"push_flip must be 'rotate180' or 'vmirror', not {self.push_flip!r}")

    def rotation_turn(self, key_value: int) -> Turn:
        degrees = key_value % 360 if self.rotation_direction == "cw" else (-key_value) % 360
        return Turn(degrees, False)

    @property
    def flip_turn(self) -> Turn:
        return Turn(180, False) if self.push_flip == "rotate180" else VERTICAL_MIRROR


DEFAULT_BEHAVIOUR = WmpfBehaviour()
ALL_BEHAVIOURS: tuple[WmpfBehaviour, ...] = tuple(
    WmpfBehaviour(d, f) for d in ("cw", "ccw") for f in ("rotate180", "vmirror"))

#: The ends as a person reads them (translated when shown).
END_TITLES = {DEVICE_END: N_("device end"), WECHAT_END: N_("WeChat end")}


@dataclass(frozen=True)
class Bases:
    """What each end shows of the upright scene when no rotation/flip key is set.

    `preview`: the device end (the device's own screen); `push`: the WeChat end (the pushed
    stream). A camera whose two paths do the same thing has equal bases (`Bases.mounted`).
    """

    preview: Turn = field(default_factory=lambda: IDENTITY)
    push: Turn = field(default_factory=lambda: IDENTITY)

    @classmethod
    def mounted(cls, mounting: Turn) -> Bases:
        """Both ends show the camera's physical mounting (the common case)."""
        return cls(mounting, mounting)

    def of(self, end: str) -> Turn:
        return self.preview if end == DEVICE_END else self.push

    @property
    def apart(self) -> Turn:
        """The turn from the preview to the push (identity when both paths agree)."""
        return self.preview.inverse().then(self.push)


# Reasons a key had no effect. English sources; shown through tr().
REASON_OTHER_FAMILY = N_("This key belongs to the other camera family; WMPF ignores it for the camera in use.")
REASON_NEEDS_NEWER_WMPF = N_("This key needs a newer WMPF than the one on the device; WMPF ignores it.")
REASON_INVALID_VALUE = N_("Invalid value (wrong JSON type or out of range); WMPF ignores it.")
REASON_PARTIAL_TRIPLE = N_("A USB camera is selected only by usbCameraName or by all three of vendor id, product id and serial number; a partial triple selects nothing.")
REASON_CASE = N_("Keys are case-sensitive: WMPF does not know this spelling of a camera key.")
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


def _version_of(wmpf: str | tuple | None) -> tuple[int, int, int] | None:
    return wmpf if isinstance(wmpf, tuple) else parse_wmpf_version(wmpf)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def valid_value(key: str, value: object) -> bool:
    """Whether WMPF can use `value` for the camera key (its JSON getter reads it, in range).

    Wrong types are not coerced: WMPF reads these with typed JSON getters, so "3034", true or
    "0x0bda" for an id and "" for a name select nothing *(inferred)*.
    """
    if key in ("internalCameraName", "usbCameraName", "usbSerialNumber"):
        return isinstance(value, str) and value.strip() != ""
    if key == "cameraId":
        return _is_int(value) and value >= 0
    if key in ("usbCameraVendorId", "usbCameraProductId"):
        return _is_int(value) and 0 <= value <= 0xFFFF
    if key in ROTATION_KEY.values():
        return _is_int(value) and value in ROTATIONS
    if key in FLIP_KEY.values():
        return isinstance(value, bool)
    return False


SELECTORS = SELECTOR_KEYS
_LOWER = {name.lower(): name for name in KEYS_BY_NAME}


@dataclass(frozen=True)
class Selection:
    """Which camera family a config selects, and the camera keys WMPF reads for it."""

    family: Family | None                  # None: no key selects a camera (WMPF's default built-in one)
    usable: dict[str, Any]                 # keys that take effect, with their values
    ignored: tuple[tuple[str, str], ...]   # (key, N_-marked reason), in the config's order

    @property
    def in_use(self) -> Family:
        """The family of the camera WMPF opens (its default camera is a built-in one)."""
        return self.family or Family.BUILTIN


def camera_selection(config: object, wmpf_version: str | tuple | None = None) -> Selection:
    """The one decision of which family a config selects (docs/domain.md, the family rules).

    A key counts when WMPF reads it: this WMPF version is not known to lack it, and its value
    is valid (`valid_value`). USB when usbCameraName or the whole triple counts, else built-in
    when a built-in selector counts, else nothing selected. Never raises.
    """
    items = config if isinstance(config, dict) else {}
    version = _version_of(wmpf_version)
    ignored: list[tuple[str, str]] = []
    usable: dict[str, Any] = {}
    for key, value in items.items():
        if not isinstance(key, str):
            continue
        if key not in KEYS_BY_NAME:
            if key.lower() in _LOWER:
                ignored.append((key, REASON_CASE))
            continue
        if gate(key, version) is Gate.ABSENT:
            ignored.append((key, REASON_NEEDS_NEWER_WMPF))
        elif not valid_value(key, value):
            ignored.append((key, REASON_INVALID_VALUE))
        else:
            usable[key] = value
    triple = [k for k in USB_TRIPLE if k in usable]
    if "usbCameraName" in usable or len(triple) == len(USB_TRIPLE):
        family: Family | None = Family.USB
    else:
        family = Family.BUILTIN if any(k in usable for k in SELECTORS[Family.BUILTIN]) else None
        for key in triple:
            ignored.append((key, REASON_PARTIAL_TRIPLE))
            del usable[key]
    other = Family.USB if (family or Family.BUILTIN) is Family.BUILTIN else Family.BUILTIN
    for key in SELECTORS[other] + (ROTATION_KEY[other], FLIP_KEY[other]):
        if key in usable:
            ignored.append((key, REASON_OTHER_FAMILY))
            del usable[key]
    order = {key: i for i, key in enumerate(k for k in items if isinstance(k, str))}
    ignored.sort(key=lambda item: order.get(item[0], len(order)))
    return Selection(family, usable, tuple(ignored))


def selected_family(config: object, wmpf_version: str | tuple | None = None) -> Family | None:
    """USB, built-in, or None (no key selects a camera): see `camera_selection`."""
    return camera_selection(config, wmpf_version).family


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
