"""What a config does to each end of a WMPF call: the one pure mapping (contracts.md section 1).

A `Turn` is what happens to a picture: first an optional horizontal (left-right) mirror,
then a clockwise rotation by 0/90/180/270 degrees. The camera's physical mounting is a
Turn (what the camera does to the upright scene), and so is what WMPF does to the camera's
picture on each end. A viewer sees the scene upright when `mounting.then(end)` is the
identity. No pixels and no Qt here: `camtool.vision.transforms` applies turns to images.

`ends_for` reads any dict (never raises) and says which keys took effect and which were
ignored, and why. `config_for_upright` is its inverse: the keys that make both ends upright
for a mounting, and what no InitGlobalConfig key can fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from camtool.config.keys import KEYS_BY_NAME, ROTATIONS, USB_TRIPLE, Family
from camtool.i18n import N_

__all__ = [
    "Turn", "compose", "IDENTITY", "HORIZONTAL_MIRROR", "VERTICAL_MIRROR", "ALL_TURNS",
    "WmpfBehaviour", "DEFAULT_BEHAVIOUR", "ALL_BEHAVIOURS", "EndsEffect", "ends_for",
    "UprightPlan", "config_for_upright", "behaviours_matching", "parse_wmpf_version",
    "DEVICE_END", "WECHAT_END",
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

    def key_value_for(self, clockwise: int) -> int:
        """The rotation key value that turns the picture `clockwise` degrees."""
        return clockwise % 360 if self.rotation_direction == "cw" else (-clockwise) % 360

    @property
    def flip_turn(self) -> Turn:
        return Turn(180, False) if self.push_flip == "rotate180" else VERTICAL_MIRROR


DEFAULT_BEHAVIOUR = WmpfBehaviour()
ALL_BEHAVIOURS: tuple[WmpfBehaviour, ...] = tuple(
    WmpfBehaviour(d, f) for d in ("cw", "ccw") for f in ("rotate180", "vmirror"))

# Reasons a key had no effect. English sources; shown through tr().
REASON_OTHER_FAMILY = N_("This key belongs to the other camera family; WMPF ignores it for the camera in use.")
REASON_NEEDS_NEWER_WMPF = N_("This key needs a newer WMPF than the one on the device; WMPF ignores it.")
REASON_INVALID_VALUE = N_("Invalid value (wrong JSON type or out of range); WMPF ignores it.")
REASON_PARTIAL_TRIPLE = N_("A USB camera is selected only by usbCameraName or by all three of vendor id, product id and serial number; a partial triple selects nothing.")
REASON_CASE = N_("Keys are case-sensitive: WMPF does not know this spelling of a camera key.")
REASON_PREVIEW_FIXED = N_("InitGlobalConfig cannot rotate a built-in camera's device preview: the integrator's preview code or the device's display rotation must turn it. A USB camera behind the external camera HAL can be selected by USB keys instead, whose rotation turns both ends.")
REASON_MIRROR = N_("No InitGlobalConfig key mirrors the picture: set horMirror / vertMirror with the VoIP plugin's setUIConfig in the mini program.")


@dataclass(frozen=True)
class EndsEffect:
    family: Family | None                 # None: no key selects a camera, WMPF uses its default built-in one
    device_end: Turn                      # what the device's preview does to the camera's picture
    wechat_end: Turn                      # what the pushed stream does to it
    applied_keys: tuple[str, ...] = ()
    ignored: tuple[tuple[str, str], ...] = ()   # (key, N_-marked reason)

    def end(self, name: str) -> Turn:
        return self.device_end if name == DEVICE_END else self.wechat_end


def parse_wmpf_version(text: object) -> tuple[int, int, int] | None:
    """"2.1.0", "v2.0.0.123", "1.1" -> a comparable triple; anything else -> None (unknown)."""
    if not isinstance(text, str):
        return None
    match = re.match(r"\s*[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if not match:
        return None
    return tuple(int(part or 0) for part in match.groups())  # type: ignore[return-value]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _valid(key: str, value: object) -> bool:
    if key in ("internalCameraName", "usbCameraName", "usbSerialNumber"):
        return isinstance(value, str) and value.strip() != ""
    if key == "cameraId":
        return _is_int(value) and value >= 0
    if key in ("usbCameraVendorId", "usbCameraProductId"):
        return _is_int(value) and 0 <= value <= 0xFFFF
    if key in ("cameraRotationAngle", "usbCameraRotationAngle"):
        return _is_int(value) and value in ROTATIONS
    if key in ("cameraPushFlip", "usbCameraPushFlip"):
        return isinstance(value, bool)
    return False


_SELECTORS = {Family.BUILTIN: ("internalCameraName", "cameraId"),
              Family.USB: ("usbCameraName",) + USB_TRIPLE}
_ROTATION_KEY = {Family.BUILTIN: "cameraRotationAngle", Family.USB: "usbCameraRotationAngle"}
_FLIP_KEY = {Family.BUILTIN: "cameraPushFlip", Family.USB: "usbCameraPushFlip"}
_LOWER = {name.lower(): name for name in KEYS_BY_NAME}


def _end_turns(in_use: Family, rotation_value: int, flip: bool,
               behaviour: WmpfBehaviour) -> tuple[Turn, Turn]:
    """(device end, WeChat end) of a camera of family `in_use` under valid key values."""
    rotation = behaviour.rotation_turn(rotation_value)
    push = rotation.then(behaviour.flip_turn) if flip else rotation
    # Rule 5: a USB camera's rotation turns the preview too; a built-in preview never turns.
    return (rotation if in_use is Family.USB else IDENTITY), push


def ends_for(config: dict | None, wmpf_version: str | None = None,
             behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR) -> EndsEffect:
    """What each end does to the camera's own picture under `config` (any dict; never raises).

    `wmpf_version` None means unknown: no version gate is applied.
    """
    items = config if isinstance(config, dict) else {}
    version = parse_wmpf_version(wmpf_version)
    ignored: list[tuple[str, str]] = []
    usable: dict[str, Any] = {}
    for key, value in items.items():
        if not isinstance(key, str):
            continue
        if key not in KEYS_BY_NAME:
            if key.lower() in _LOWER:
                ignored.append((key, REASON_CASE))
            continue
        if version is not None and version < KEYS_BY_NAME[key].min_wmpf:
            ignored.append((key, REASON_NEEDS_NEWER_WMPF))
        elif not _valid(key, value):
            ignored.append((key, REASON_INVALID_VALUE))
        else:
            usable[key] = value

    triple = [k for k in USB_TRIPLE if k in usable]
    usb_selected = "usbCameraName" in usable or len(triple) == len(USB_TRIPLE)
    if usb_selected:
        family: Family | None = Family.USB
    elif any(k in usable for k in _SELECTORS[Family.BUILTIN]):
        family = Family.BUILTIN
    else:
        family = None
    if not usb_selected:
        for key in triple:
            ignored.append((key, REASON_PARTIAL_TRIPLE))
            del usable[key]
    in_use = family or Family.BUILTIN   # the default camera is a built-in one
    other = Family.BUILTIN if in_use is Family.USB else Family.USB
    for key in _SELECTORS[other] + (_ROTATION_KEY[other], _FLIP_KEY[other]):
        if key in usable:
            ignored.append((key, REASON_OTHER_FAMILY))
            del usable[key]

    device, push = _end_turns(in_use, usable.get(_ROTATION_KEY[in_use], 0),
                              usable.get(_FLIP_KEY[in_use], False), behaviour)
    applied = tuple(k for k in items if isinstance(k, str) and k in usable)
    return EndsEffect(family, device, push, applied, tuple(ignored))


@dataclass(frozen=True)
class UprightPlan:
    keys: dict[str, Any]                   # rotation/flip keys to set
    device_end_fixed: bool
    wechat_end_fixed: bool
    unfixable: tuple[tuple[str, str], ...] = ()   # (DEVICE_END | WECHAT_END, N_-marked reason)
    base: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def config(self) -> dict[str, Any]:
        """`base` with the plan's keys set (base's other keys kept, in their order)."""
        merged = dict(self.base)
        merged.update(self.keys)
        return merged


def _score(seen: Turn) -> tuple[int, int]:
    return (1 if seen.keeps_up else 0, 1 if seen.is_identity else 0)


def config_for_upright(mounting: Turn, family: Family | None,
                       behaviour: WmpfBehaviour = DEFAULT_BEHAVIOUR,
                       base: dict | None = None) -> UprightPlan:
    """The rotation/flip keys that show the scene upright on both ends for this mounting.

    Prefers, in order: both ends upright (mirroring aside), then ends fully fixed, then no flip
    (a rotation key alone), then the smallest rotation value.
    """
    in_use = family or Family.BUILTIN
    rot_key, flip_key = _ROTATION_KEY[in_use], _FLIP_KEY[in_use]
    best: tuple | None = None
    for flip in (False, True):
        for value in ROTATIONS:
            device_end, wechat_end = _end_turns(in_use, value, flip, behaviour)
            device_seen = mounting.then(device_end)
            wechat_seen = mounting.then(wechat_end)
            d_up, d_ok = _score(device_seen)
            w_up, w_ok = _score(wechat_seen)
            rank = (d_up + w_up, d_ok + w_ok, not flip, -value)
            if best is None or rank > best[0]:
                best = (rank, {rot_key: value, flip_key: flip}, device_seen, wechat_seen)
    assert best is not None
    _, keys, device_seen, wechat_seen = best
    unfixable: list[tuple[str, str]] = []
    for end, seen in ((DEVICE_END, device_seen), (WECHAT_END, wechat_seen)):
        if seen.is_identity:
            continue
        if in_use is Family.BUILTIN and end == DEVICE_END and mounting.rotation != 0:
            unfixable.append((end, REASON_PREVIEW_FIXED))
        if seen.mirrored:
            unfixable.append((end, REASON_MIRROR))
    return UprightPlan(keys, device_seen.is_identity, wechat_seen.is_identity,
                       tuple(unfixable), dict(base) if isinstance(base, dict) else {})


def behaviours_matching(config: dict | None, wmpf_version: str | None, mounting: Turn,
                        device_seen: Turn | None = None,
                        wechat_seen: Turn | None = None) -> list[WmpfBehaviour]:
    """The behaviours under which `config` would produce what was observed on the ends.

    `device_seen` / `wechat_seen` are the turns the orientation check measured between the
    upright scene and each end (None = not measured). The orientation check uses this to
    tell which inferred assumption a real device disagrees with.
    """
    matches = []
    for behaviour in ALL_BEHAVIOURS:
        effect = ends_for(config, wmpf_version, behaviour)
        if device_seen is not None and mounting.then(effect.device_end) != device_seen:
            continue
        if wechat_seen is not None and mounting.then(effect.wechat_end) != wechat_seen:
            continue
        matches.append(behaviour)
    return matches
