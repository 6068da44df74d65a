"""The orientation verdict: from what the two ends show and the config, per-end results and the fix.

Pure (no device, no Qt). Each end's detection is a `Turn` the viewer sees: the camera's
physical mounting followed by what WMPF does on that end (`ends_for`). So the mounting is
recovered from the observations and the config, and `config_for_upright` gives the keys that
make both ends upright. WMPF's rotation direction and push flip are inferred, not documented:
the mounting and the behaviour are solved together over every observation of a run, so a
second check after applying tells which way WMPF really turned, and the recommendation is
corrected (`Observation` history). The recommendation is validated by the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from camtool.config.keys import KEYS_BY_NAME, USB_TRIPLE, Family
from camtool.config.rules import validate
from camtool.config.semantics import (
    ALL_BEHAVIOURS, ALL_TURNS, DEFAULT_BEHAVIOUR, REASON_MIRROR, REASON_OTHER_FAMILY,
    REASON_PREVIEW_FIXED, Turn, WmpfBehaviour, config_for_upright, ends_for, parse_wmpf_version,
)
from camtool.i18n import N_, tr
from camtool.vision.detect import ChartDetection, detect_orientation

__all__ = ["END_NAMES", "EndResult", "Explanation", "Observation", "OrientationVerdict", "check_orientation",
           "verdict_from_detections", "TILT_NOTE_DEG"]

#: The two ends as JSON names them (never translated) and as a person reads them.
END_NAMES = {"device": N_("device end"), "wechat": N_("WeChat end")}
#: A chart tilted more than this is worth a note: no key turns by less than 90 degrees.
TILT_NOTE_DEG = 15.0
#: Explanation values that are N_ sources themselves (translated when the sentence is shown).
_TRANSLATED_VALUES = ("reason", "direction", "flip")

_ROTATION_KEYS = {Family.BUILTIN: ("cameraRotationAngle", "cameraPushFlip"),
                  Family.USB: ("usbCameraRotationAngle", "usbCameraPushFlip")}

E_NOT_CAPTURED = N_("The {end} was not captured, so it could not be checked.")
E_NO_CHART = N_("No chart is visible on the {end}: hold the printed chart (camtool chart) upright in front of "
                "the camera, fully in view and evenly lit, and check again.")
E_TILTED = N_("The chart is tilted by {degrees} degrees on the {end}. No key turns by less than 90 degrees: "
              "hold the chart level, or straighten the camera.")
E_USE_USB = N_("Built-in camera \"{camera}\" is the USB camera {path} behind the external camera HAL. The "
               "recommendation selects it by USB keys instead, because usbCameraRotationAngle turns the "
               "device end too.")
E_DIRECTION = N_("The rotation went the other way: on this device WMPF turns the picture counter-clockwise for "
                 "a rotation value (camtool assumed clockwise). The recommendation is corrected for that.")
E_DIRECTION_CW = N_("The rotation went the other way: on this device WMPF turns the picture clockwise for a "
                    "rotation value. The recommendation is corrected for that.")
E_FLIP_MIRROR = N_("The push flip mirrored the picture top to bottom instead of turning it by 180 degrees on "
                   "this device. The recommendation is corrected for that.")
E_FLIP_TURN = N_("The push flip turned the picture by 180 degrees on this device. The recommendation is "
                 "corrected for that.")
E_INCONSISTENT = N_("What the ends show does not fit the config under any WMPF behaviour camtool knows (was the "
                    "chart moved, did another camera open, or is the config not the one the device runs?). The "
                    "recommendation trusts the latest pictures, the WeChat end first.")
E_IGNORED = N_("{key} has no effect: {reason}")
E_NEEDS_WMPF = N_("{key} needs WMPF {needed} or newer and the device has {wmpf}: update WMPF, then the picture "
                  "can be turned by keys.")
E_ASSUMED_DIRECTION = N_("Not yet confirmed on this device: camtool assumes a rotation value turns the picture "
                         "{direction}. Apply the recommendation (--apply) and camtool checks which way it went.")
E_ASSUMED_FLIP = N_("Not yet confirmed on this device: camtool assumes a push flip {flip}. Apply the "
                    "recommendation (--apply) and camtool checks what it did.")
_DIRECTION_WORDS = {"cw": N_("clockwise"), "ccw": N_("counter-clockwise")}
_FLIP_WORDS = {"rotate180": N_("turns the picture by 180 degrees"), "vmirror": N_("mirrors the picture top to bottom")}
E_FINDING = N_("The recommended config still has an error: {message}")
E_UNKNOWN_MOUNTING = N_("No end shows the chart, so camtool cannot tell how the camera is mounted; the config "
                        "is left as it is.")


@dataclass(frozen=True)
class Explanation:
    """One sentence of the verdict: a stable code (for scripts), the end it is about, the text."""

    code: str
    source: str
    end: str | None = None
    values: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def message(self) -> str:
        values = dict(self.values)
        if self.end is not None:
            values.setdefault("end", tr(END_NAMES[self.end]))
        values = {k: tr(v) if k in _TRANSLATED_VALUES else v for k, v in values.items()}
        return tr(self.source, **values)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "end": self.end, "message": self.message}


@dataclass(frozen=True)
class EndResult:
    """What one end showed: `detection` None = the end was not captured."""

    name: str
    detection: ChartDetection | None

    @property
    def captured(self) -> bool:
        return self.detection is not None

    @property
    def detected(self) -> bool:
        return self.detection is not None and self.detection.detected

    @property
    def rotation(self) -> int:
        """The clockwise turn the chart shows (0 when not detected)."""
        return self.detection.rotation if self.detected else 0

    @property
    def mirrored(self) -> bool:
        return self.detected and self.detection.mirrored

    @property
    def upright(self) -> bool:
        """The chart's top is at the top (mirroring is reported on its own)."""
        return self.detected and self.detection.rotation == 0

    @property
    def correct(self) -> bool:
        return self.upright and not self.mirrored

    @property
    def turn_needed(self) -> int:
        """The clockwise turn that would bring the top up."""
        return (-self.rotation) % 360

    @property
    def seen(self) -> Turn | None:
        return Turn(self.detection.rotation, self.detection.mirrored) if self.detected else None

    def to_json(self) -> dict[str, Any]:
        return {"detected": self.detected, "rotation": self.rotation, "mirrored": self.mirrored,
                "upright": self.upright}


@dataclass(frozen=True)
class Observation:
    """One check: the config that was live and the turn each end showed (None = unknown)."""

    config: dict[str, Any]
    device: Turn | None
    wechat: Turn | None


@dataclass(frozen=True)
class OrientationVerdict:
    device: EndResult
    wechat: EndResult
    config: dict[str, Any]
    recommended: dict[str, Any]
    explanations: tuple[Explanation, ...]
    mounting: Turn | None                 # the camera's physical turn, as far as it could be told
    behaviour: WmpfBehaviour              # the WMPF behaviour the recommendation is computed for
    behaviour_confirmed: bool             # the observations pin down that behaviour (or it did not matter)
    family: Family
    predicted: tuple[Turn, Turn] | None   # what (device, WeChat) end will show under `recommended`
    findings: tuple = ()                  # rule findings of `recommended`
    observation: Observation | None = None

    @property
    def passed(self) -> bool:
        return self.device.correct and self.wechat.correct

    @property
    def verdict(self) -> str:
        return "pass" if self.passed else "fail"

    @property
    def changes(self) -> bool:
        return self.recommended != self.config

    def end(self, name: str) -> EndResult:
        return self.device if name == "device" else self.wechat

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict,
                "ends": {"device": self.device.to_json(), "wechat": self.wechat.to_json()},
                "recommended": self.recommended,
                "explanations": [e.to_json() for e in self.explanations]}


def check_orientation(device_frame, wechat_frame, config: dict | None, behaviour: WmpfBehaviour | None = None,
                      inventory=None, *, wmpf_version: str | None = None,
                      history: tuple[Observation, ...] = ()) -> OrientationVerdict:
    """Detect the chart on both frames (None = that end was not captured) and judge them.

    `behaviour` None assumes WMPF's documented reading (clockwise, flip = 180 degrees) until
    the observations say otherwise. `inventory` (camtool.device.inventory.Inventory) lets the
    check recommend USB keys for a USB camera behind the external HAL and gives the WMPF
    version; `history` holds earlier observations of the same camera in this run.
    """
    detections = [None if frame is None else detect_orientation(frame) for frame in (device_frame, wechat_frame)]
    return verdict_from_detections(detections[0], detections[1], config, behaviour, inventory,
                                   wmpf_version=wmpf_version, history=history)


def verdict_from_detections(device: ChartDetection | None, wechat: ChartDetection | None, config: dict | None,
                            behaviour: WmpfBehaviour | None = None, inventory=None, *,
                            wmpf_version: str | None = None,
                            history: tuple[Observation, ...] = ()) -> OrientationVerdict:
    """`check_orientation` for detections already made."""
    config = dict(config) if isinstance(config, dict) else {}
    if wmpf_version is None and inventory is not None:
        wmpf_version = getattr(getattr(inventory, "device", None), "wmpf", None)
    ends = EndResult("device", device), EndResult("wechat", wechat)
    notes: list[Explanation] = []
    for end in ends:
        if not end.captured:
            notes.append(Explanation("not_captured", E_NOT_CAPTURED, end.name))
        elif not end.detected:
            notes.append(Explanation("no_chart", E_NO_CHART, end.name))
        elif abs(end.detection.residual_deg) > TILT_NOTE_DEG:
            notes.append(Explanation("tilted", E_TILTED, end.name,
                                     {"degrees": round(abs(end.detection.residual_deg))}))
    observation = Observation(config, ends[0].seen, ends[1].seen)
    assumed = behaviour or DEFAULT_BEHAVIOUR
    mounting, solved, fitting, solve_notes = _solve((*history, observation), wmpf_version, assumed)
    notes += solve_notes
    effect = ends_for(config, wmpf_version, solved)
    notes += [Explanation("ignored_key", E_IGNORED, None, {"key": key, "reason": reason})
              for key, reason in effect.ignored]
    family = effect.family or Family.BUILTIN
    recommended, predicted, family, plan_notes = _recommend(config, mounting, family, solved, wmpf_version,
                                                            inventory)
    notes += plan_notes
    findings = tuple(validate(recommended, wmpf_version=wmpf_version))
    notes += [Explanation("finding", E_FINDING, None, {"message": f.message}) for f in findings if f.is_error]
    direction_known = {b.rotation_direction for b in fitting} == {solved.rotation_direction}
    flip_known = {b.push_flip for b in fitting} == {solved.push_flip}
    turns, flips = _keys_that_depend(recommended, wmpf_version)
    if recommended != config and turns and not direction_known:
        notes.append(Explanation("assumption", E_ASSUMED_DIRECTION, None,
                                 {"direction": _DIRECTION_WORDS[solved.rotation_direction]}))
    if recommended != config and flips and not flip_known:
        notes.append(Explanation("assumption", E_ASSUMED_FLIP, None, {"flip": _FLIP_WORDS[solved.push_flip]}))
    return OrientationVerdict(ends[0], ends[1], config, recommended, tuple(notes), mounting, solved,
                              direction_known and flip_known, family, predicted, findings, observation)


def _fits(obs: Observation, mounting: Turn, behaviour: WmpfBehaviour, wmpf: str | None) -> bool:
    effect = ends_for(obs.config, wmpf, behaviour)
    return ((obs.device is None or mounting.then(effect.device_end) == obs.device)
            and (obs.wechat is None or mounting.then(effect.wechat_end) == obs.wechat))


def _differences(a: WmpfBehaviour, b: WmpfBehaviour) -> int:
    return (a.rotation_direction != b.rotation_direction) + (a.push_flip != b.push_flip)


def _solve(observations: tuple[Observation, ...], wmpf: str | None, assumed: WmpfBehaviour
           ) -> tuple[Turn | None, WmpfBehaviour, set[WmpfBehaviour], list[Explanation]]:
    """(mounting, behaviour, every behaviour that fits, notes): what explains every observation."""
    useful = [o for o in observations if o.device is not None or o.wechat is not None]
    if not useful:
        return None, assumed, set(ALL_BEHAVIOURS), []
    pairs = [(m, b) for b in ALL_BEHAVIOURS for m in ALL_TURNS if all(_fits(o, m, b, wmpf) for o in useful)]
    notes: list[Explanation] = []
    if not pairs:  # the scene changed between checks, or the ends disagree: trust less and say so
        notes.append(Explanation("inconsistent", E_INCONSISTENT))
        latest = useful[-1]
        for trusted in (latest, Observation(latest.config, None, latest.wechat),
                        Observation(latest.config, latest.device, None)):
            pairs = [(m, b) for b in ALL_BEHAVIOURS for m in ALL_TURNS if _fits(trusted, m, b, wmpf)]
            if pairs:
                break
    fitting = {b for _, b in pairs}
    with_assumed = [m for m, b in pairs if b == assumed]
    if with_assumed:
        return with_assumed[0], assumed, fitting, notes
    # The assumption is disproved: the behaviour closest to it that explains what was seen.
    mounting, solved = min(pairs, key=lambda p: (_differences(p[1], assumed), ALL_BEHAVIOURS.index(p[1])))
    if solved.rotation_direction != assumed.rotation_direction:
        notes.append(Explanation("rotation_direction", E_DIRECTION if solved.rotation_direction == "ccw"
                                 else E_DIRECTION_CW))
    if solved.push_flip != assumed.push_flip:
        notes.append(Explanation("push_flip", E_FLIP_MIRROR if solved.push_flip == "vmirror" else E_FLIP_TURN))
    return mounting, solved, fitting, notes


def _keys_that_depend(config: dict, wmpf: str | None) -> tuple[bool, bool]:
    """(a quarter turn is set, a push flip is set): what the rotation direction / flip reading decide."""
    applied = ends_for(config, wmpf).applied_keys
    turns = any(k.endswith("RotationAngle") and config[k] in (90, 270) for k in applied)
    flips = any(k.endswith("PushFlip") and config[k] is True for k in applied)
    return turns, flips


def _builtin_in_use(config: dict, inventory) -> Any:
    """The inventory entry of the built-in camera this config opens (None when unknown)."""
    entries = list(getattr(inventory, "builtin", None) or [])
    if not entries:
        return None
    wanted = config.get("internalCameraName")
    if not isinstance(wanted, str):
        number = config.get("cameraId")
        wanted = str(number) if isinstance(number, int) and not isinstance(number, bool) else None
    if wanted is not None:
        return next((e for e in entries if e.camera.camera_id == wanted), None)
    # No selector: WMPF opens its default camera, the first back-facing one (inferred), else the first.
    return next((e for e in entries if e.camera.facing == "back"), entries[0])


def _usb_selector(inventory, path: str) -> dict[str, Any]:
    """USB keys for the device at `path`: the triple when it is usable (it survives replugs), else the path."""
    for entry in getattr(inventory, "usb", None) or []:
        device = entry.device
        if device.path == path and entry.triple_usable and None not in device.triple:
            return {"usbCameraVendorId": device.vendor_id, "usbCameraProductId": device.product_id,
                    "usbSerialNumber": device.serial}
    return {"usbCameraName": path}


def _without_orientation_keys(config: dict, family: Family) -> dict:
    """The config without the rotation/flip keys of the family not in use (WMPF ignores them)."""
    other = Family.USB if family is Family.BUILTIN else Family.BUILTIN
    return {k: v for k, v in config.items() if k not in _ROTATION_KEYS[other]}


def _recommend(config: dict, mounting: Turn | None, family: Family, behaviour: WmpfBehaviour, wmpf: str | None,
               inventory) -> tuple[dict, tuple[Turn, Turn] | None, Family, list[Explanation]]:
    if mounting is None:
        return config, None, family, [Explanation("unknown_mounting", E_UNKNOWN_MOUNTING)]
    notes: list[Explanation] = []
    plan = config_for_upright(mounting, family, behaviour, _without_orientation_keys(config, family))
    external = _builtin_in_use(config, inventory) if family is Family.BUILTIN else None
    if not plan.device_end_fixed and mounting.rotation != 0 and external is not None \
            and external.camera.external and external.usb_path:
        # Rule 7: the same camera by USB keys, whose rotation turns the device end too.
        base = {k: v for k, v in config.items()
                if k not in ("internalCameraName", "cameraId", *_ROTATION_KEYS[Family.BUILTIN],
                             "usbCameraName", *USB_TRIPLE)}
        base.update(_usb_selector(inventory, external.usb_path))
        family = Family.USB
        plan = config_for_upright(mounting, family, behaviour, base)
        notes.append(Explanation("use_usb_keys", E_USE_USB, None,
                                 {"camera": external.camera.camera_id, "path": external.usb_path}))
    version = parse_wmpf_version(wmpf)
    too_new = [k for k, v in plan.keys.items() if version is not None and version < KEYS_BY_NAME[k].min_wmpf
               and v not in (0, False)]
    if too_new:
        for key in too_new:
            notes.append(Explanation("needs_newer_wmpf", E_NEEDS_WMPF, None,
                                     {"key": key, "needed": ".".join(map(str, KEYS_BY_NAME[key].min_wmpf)),
                                      "wmpf": wmpf}))
        recommended = plan.base
    else:
        recommended = _keep_if_same(config, plan.config, wmpf, behaviour)
    effect = ends_for(recommended, wmpf, behaviour)
    predicted = (mounting.then(effect.device_end), mounting.then(effect.wechat_end))
    for name, seen in zip(("device", "wechat"), predicted):
        if seen.is_identity:
            continue
        if name == "device" and family is Family.BUILTIN and seen.rotation != 0:
            notes.append(Explanation("preview_fixed", REASON_PREVIEW_FIXED, name))
        if seen.mirrored:
            notes.append(Explanation("mirror", REASON_MIRROR, name))
    return recommended, predicted, family, notes


def _keep_if_same(config: dict, planned: dict, wmpf: str | None, behaviour: WmpfBehaviour) -> dict:
    """The config as it is when the plan changes nothing either end shows (no churn for a passing config)."""
    now, then = ends_for(config, wmpf, behaviour), ends_for(planned, wmpf, behaviour)
    if (now.family, now.device_end, now.wechat_end) == (then.family, then.device_end, then.wechat_end) \
            and not any(reason == REASON_OTHER_FAMILY for _, reason in now.ignored):
        return config
    return planned

