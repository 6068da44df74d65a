"""The orientation verdict: from what the two ends show and the config, per-end results and the fix.

Pure (no device, no Qt). Each end's detection is a `Turn` the viewer sees: that end's own
base (what it shows with no key; docs/domain.md, "Two ends, two bases") followed by what the keys
do on that end (`ends_for`). So each end's base is recovered on its own from what it shows and
the config the device runs, and `config_for_upright` gives the keys that make both ends
upright, or says what no key can fix. One observation is never "inconsistent": any pair of
bases is possible on a real device. WMPF's rotation direction and push flip are inferred, not
documented: the bases and the behaviour are solved together over every observation of a run
(observations of one camera share its bases), so a second check after applying tells which
way WMPF really turned, and the recommendation is corrected (`Observation` history).
Only rounds that contradict each other are called inconsistent. The recommendation is
validated by the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from camtool.config.ends import (
    ALL_BEHAVIOURS, DEFAULT_BEHAVIOUR, DEVICE_END, END_TITLES, WECHAT_END, Bases, WmpfBehaviour,
)
from camtool.config.family_rules import REASON_OTHER_FAMILY, SELECTORS, camera_selection, parse_wmpf_version
from camtool.config.keys import KEYS_BY_NAME, ORIENTATION_KEYS, USB_TRIPLE, Family
from camtool.config.rules import validate
from camtool.config.semantics import (
    REASON_MIRROR, REASON_MIRROR_DEVICE, REASON_PREVIEW_FIXED, REASON_QUARTER_APART, REASON_REVERSE_LANDSCAPE,
    Unfixable, bases_seen, config_for_upright, ends_for,
)
from camtool.config.turns import Turn
from camtool.config.versions import Gate, gate
from camtool.i18n import N_, tr
from camtool.vision.detect import ChartDetection, detect_orientation

if TYPE_CHECKING:
    from camtool.device.inventory import Inventory

__all__ = ["END_NAMES", "EndResult", "Explanation", "Observation", "OrientationVerdict", "check_orientation",
           "verdict_from_detections", "TILT_NOTE_DEG"]

#: The two ends as JSON names them (never translated) and as a person reads them.
END_NAMES = {"device": END_TITLES[DEVICE_END], "wechat": END_TITLES[WECHAT_END]}
_SEMANTICS_END = {"device": DEVICE_END, "wechat": WECHAT_END}
#: A chart tilted more than this is worth a note: no key turns by less than 90 degrees.
TILT_NOTE_DEG = 15.0
#: Explanation values that are N_ sources themselves (translated when the sentence is shown).
_TRANSLATED_VALUES = ("reason", "direction", "flip", "other")


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
E_INCONSISTENT = N_("The checks of this run contradict each other: the same camera showed the chart turned in a way "
                    "no WMPF behaviour camtool knows explains (was the chart moved between checks, did another "
                    "camera open, or is the config not the one the device runs?). The recommendation trusts the "
                    "latest pictures: hold the chart still and check again.")
E_NO_EFFECT = N_("The keys changed but the {end} did not: WMPF did not take the new config. Check that the app "
                 "calls InitGlobalConfig before the mini program starts (camtool's receiver relaunches it), that the "
                 "receiver is in the app given by --package, and that WMPF reads these keys; then check again.")
E_NO_EFFECT_BOTH = N_("The keys changed but neither end did: WMPF did not take the new config. Check that the app "
                      "calls InitGlobalConfig before the mini program starts (camtool's receiver relaunches it), that "
                      "the receiver is in the app given by --package, and that WMPF reads these keys; then check again.")
E_ASSUMED_BASE = N_("The {end} was not checked, so camtool assumes it shows the camera the way the {other} does "
                    "(the common case; the two can differ). Check it too to be sure: {how}")
E_HOW_WECHAT = N_("give --wechat-serial, the phone in a call with the device, or --wechat-image.")
E_HOW_DEVICE = N_("capture the device's own screen as well.")
E_FIX_END = N_("The {end} shows the chart turned {degrees} degrees clockwise; the recommended {keys} make it upright. "
               "Apply the recommendation (--apply), then check again.")
E_FIX_MIRROR = N_("The {end} shows the chart mirrored; the recommended {keys} make it right. Apply the "
                  "recommendation (--apply), then check again.")
E_WORKS = N_("Both ends show the chart upright with the config the device runs: keep it as it is.")
E_NO_SUCH_CAMERA = N_("The ends show a camera picture, but the config camtool checks against opens no camera this "
                      "device has, so the device must run other keys. Give the config the app passes with --config "
                      "(or --profile; in the window: Device runs), then check again. Nothing is recommended until then.")
E_USB_PATH_ASSUMED = N_("camtool assumes the USB keys' path shows this camera the way the built-in path does; the "
                        "check after applying tells.")
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
E_UNKNOWN_MOUNTING = N_("No end shows the chart, so camtool cannot tell how either end shows the camera; the "
                        "config is left as it is. Hold the printed chart in front of the camera and check again.")
#: Codes of what no key fixes, by the semantics' reason.
_UNFIXABLE_CODES = {REASON_PREVIEW_FIXED: "preview_fixed", REASON_REVERSE_LANDSCAPE: "reverse_landscape",
                    REASON_QUARTER_APART: "quarter_apart", REASON_MIRROR: "mirror", REASON_MIRROR_DEVICE: "mirror"}


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
    bases: Bases | None                   # each end's base, as far as it could be told (None: no chart seen)
    behaviour: WmpfBehaviour              # the WMPF behaviour the recommendation is computed for
    behaviour_confirmed: bool             # the observations pin down that behaviour (or it did not matter)
    family: Family
    predicted: tuple[Turn, Turn] | None   # what (device, WeChat) end will show under `recommended`
    findings: tuple = ()                  # rule findings of `recommended`
    observation: Observation | None = None
    bases_observed: tuple[bool, bool] = (False, False)   # (preview, push) base measured, not assumed

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
        bases = None
        if self.bases is not None:
            bases = {end: {"rotation": turn.rotation, "mirrored": turn.mirrored, "observed": observed}
                     for end, turn, observed in (("device", self.bases.preview, self.bases_observed[0]),
                                                 ("wechat", self.bases.push, self.bases_observed[1]))}
        return {"verdict": self.verdict,
                "ends": {"device": self.device.to_json(), "wechat": self.wechat.to_json()},
                "bases": bases,
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
        wmpf_version = inventory.device.wmpf
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
    solution = _solve((*history, observation), wmpf_version, assumed)
    notes += solution.notes
    solved, bases = solution.behaviour, solution.bases
    effect = ends_for(config, wmpf_version, solved)
    notes += [Explanation("ignored_key", E_IGNORED, None, {"key": key, "reason": reason})
              for key, reason in effect.ignored]
    family = effect.family or Family.BUILTIN
    recommended, predicted, family, plan_notes = _recommend(config, bases, family, solved, wmpf_version, inventory)
    notes += plan_notes
    if bases is not None and predicted is not None:
        notes += _end_notes(ends, effect.seen(bases), predicted, config, recommended)
    findings = tuple(validate(recommended, wmpf_version=wmpf_version))
    notes += [Explanation("finding", E_FINDING, None, {"message": f.message}) for f in findings if f.is_error]
    direction_known = {b.rotation_direction for b in solution.fitting} == {solved.rotation_direction}
    flip_known = {b.push_flip for b in solution.fitting} == {solved.push_flip}
    turns, flips = _keys_that_depend(recommended, wmpf_version)
    if recommended != config and turns and not direction_known:
        notes.append(Explanation("assumption", E_ASSUMED_DIRECTION, None,
                                 {"direction": _DIRECTION_WORDS[solved.rotation_direction]}))
    if recommended != config and flips and not flip_known:
        notes.append(Explanation("assumption", E_ASSUMED_FLIP, None, {"flip": _FLIP_WORDS[solved.push_flip]}))
    return OrientationVerdict(ends[0], ends[1], config, recommended, tuple(notes), bases, solved,
                              direction_known and flip_known, family, predicted, findings, observation,
                              solution.observed)


@dataclass(frozen=True)
class _Solution:
    bases: Bases | None
    observed: tuple[bool, bool]           # (preview, push): measured, or assumed from the other end
    behaviour: WmpfBehaviour
    fitting: frozenset[WmpfBehaviour]     # every behaviour that explains the observations
    notes: tuple[Explanation, ...] = ()


def _camera_of(config: dict, wmpf: str | None) -> tuple:
    """Which camera a config opens, as far as the config says: observations of one camera share its bases."""
    selection = camera_selection(config, wmpf)
    chosen = {k: v for k, v in selection.usable.items() if k in SELECTORS[selection.in_use]}
    return selection.in_use, tuple(sorted(chosen.items()))


def _bases_under(behaviour: WmpfBehaviour, group: list[Observation], wmpf: str | None
                 ) -> tuple[Turn | None, Turn | None] | None:
    """The (preview, push) bases every observation of one camera agrees on, or None if they disagree."""
    previews: set[Turn] = set()
    pushes: set[Turn] = set()
    for obs in group:
        preview, push = bases_seen(obs.config, wmpf, behaviour, obs.device, obs.wechat)
        previews.update([preview] if preview is not None else [])
        pushes.update([push] if push is not None else [])
    if len(previews) > 1 or len(pushes) > 1:
        return None
    return next(iter(previews), None), next(iter(pushes), None)


def _differences(a: WmpfBehaviour, b: WmpfBehaviour) -> int:
    return (a.rotation_direction != b.rotation_direction) + (a.push_flip != b.push_flip)


def _unchanged_ends(latest: Observation, before: Observation, wmpf: str | None) -> list[str]:
    """The ends that looked the same in both checks although the keys changed what they must show."""
    unchanged = []
    for name in ("device", "wechat"):
        seen_then, seen_now = getattr(before, name), getattr(latest, name)
        if seen_then is None or seen_then != seen_now:
            continue
        end = _SEMANTICS_END[name]
        if all(ends_for(before.config, wmpf, b).end(end) != ends_for(latest.config, wmpf, b).end(end)
               for b in ALL_BEHAVIOURS):
            unchanged.append(name)
    return unchanged


def _solve(observations: tuple[Observation, ...], wmpf: str | None, assumed: WmpfBehaviour) -> _Solution:
    """Each end's base and WMPF's behaviour: what explains every observation of the run."""
    useful = [o for o in observations if o.device is not None or o.wechat is not None]
    if not useful:
        return _Solution(None, (False, False), assumed, frozenset(ALL_BEHAVIOURS))
    latest = useful[-1]
    groups: dict[tuple, list[Observation]] = {}
    for obs in useful:
        groups.setdefault(_camera_of(obs.config, wmpf), []).append(obs)
    current = groups[_camera_of(latest.config, wmpf)]
    solutions: dict[WmpfBehaviour, tuple[Turn | None, Turn | None]] = {}
    for behaviour in ALL_BEHAVIOURS:
        per_group = [_bases_under(behaviour, group, wmpf) for group in groups.values()]
        if all(found is not None for found in per_group):
            solutions[behaviour] = _bases_under(behaviour, current, wmpf)  # type: ignore[assignment]
    notes: list[Explanation] = []
    if not solutions:  # the rounds contradict each other: say how
        unchanged = _unchanged_ends(latest, current[-2], wmpf) if len(current) > 1 else []
        if unchanged:
            # WMPF did not take the new config: the device still shows the one before, so the bases
            # are those of the earlier checks, and the keys already tried are not recommended again.
            notes.append(Explanation("no_effect", E_NO_EFFECT, unchanged[0]) if len(unchanged) == 1
                         else Explanation("no_effect", E_NO_EFFECT_BOTH))
            trusted = current[:-1]
        else:  # the chart moved or another camera opened: trust the latest pictures
            notes.append(Explanation("inconsistent", E_INCONSISTENT))
            trusted = [latest]
        solutions = {b: found for b in ALL_BEHAVIOURS
                     if (found := _bases_under(b, trusted, wmpf)) is not None}
        solutions = solutions or {b: _bases_under(b, [latest], wmpf) for b in ALL_BEHAVIOURS}  # type: ignore[misc]
    fitting = frozenset(solutions)
    if assumed in solutions:
        solved = assumed
    else:  # the assumption is disproved: the behaviour closest to it that explains what was seen
        solved = min(solutions, key=lambda b: (_differences(b, assumed), ALL_BEHAVIOURS.index(b)))
        if solved.rotation_direction != assumed.rotation_direction:
            notes.append(Explanation("rotation_direction", E_DIRECTION if solved.rotation_direction == "ccw"
                                     else E_DIRECTION_CW))
        if solved.push_flip != assumed.push_flip:
            notes.append(Explanation("push_flip", E_FLIP_MIRROR if solved.push_flip == "vmirror" else E_FLIP_TURN))
    preview, push = solutions[solved]
    observed = (preview is not None, push is not None)
    # One end unseen: assume the common case, both paths alike, and say so.
    if preview is None:
        notes.append(Explanation("assumed_base", E_ASSUMED_BASE, "device", {"other": END_NAMES["wechat"],
                                                                             "how": E_HOW_DEVICE}))
    elif push is None:
        notes.append(Explanation("assumed_base", E_ASSUMED_BASE, "wechat", {"other": END_NAMES["device"],
                                                                             "how": E_HOW_WECHAT}))
    bases = Bases(preview or push, push or preview)  # type: ignore[arg-type]
    return _Solution(bases, observed, solved, fitting, tuple(notes))


def _keys_that_depend(config: dict, wmpf: str | None) -> tuple[bool, bool]:
    """(a quarter turn is set, a push flip is set): what the rotation direction / flip reading decide."""
    applied = ends_for(config, wmpf).applied_keys
    turns = any(k.endswith("RotationAngle") and config[k] in (90, 270) for k in applied)
    flips = any(k.endswith("PushFlip") and config[k] is True for k in applied)
    return turns, flips


def _builtin_in_use(config: dict, inventory: Inventory | None) -> Any:
    """The inventory entry of the built-in camera this config opens (None when unknown)."""
    entries = inventory.builtin if inventory is not None else []
    if not entries:
        return None
    keys = camera_selection(config).usable   # the one reading of which selector WMPF takes
    wanted = keys.get("internalCameraName")
    if wanted is None and "cameraId" in keys:
        wanted = str(keys["cameraId"])
    if wanted is not None:
        return inventory.builtin_with_id(wanted)
    # No selector: WMPF opens its default camera, the first back-facing one (inferred), else the first.
    return next((e for e in entries if e.camera.facing == "back"), entries[0])


def _usb_selector(inventory: Inventory, path: str) -> dict[str, Any]:
    """USB keys for the device at `path`: the triple when it is usable (it survives replugs), else the path."""
    entry = inventory.usb_at(path)
    if entry is not None and entry.triple_usable and None not in entry.device.triple:
        return dict(zip(USB_TRIPLE, entry.device.triple))
    return {"usbCameraName": path}


def _without_orientation_keys(config: dict, family: Family) -> dict:
    """The config without the rotation/flip keys of the family not in use (WMPF ignores them)."""
    other = Family.USB if family is Family.BUILTIN else Family.BUILTIN
    return {k: v for k, v in config.items() if k not in ORIENTATION_KEYS[other]}


def _explain(item: Unfixable) -> Explanation:
    end = "device" if item.end == DEVICE_END else "wechat"
    return Explanation(_UNFIXABLE_CODES[item.reason], item.reason, end, dict(item.values))


def _opens_no_camera(config: dict, wmpf: str | None, inventory: Inventory | None) -> bool:
    """The device's inventory has no camera that `config` can open (False when that is not known)."""
    if inventory is None:
        return False
    selection = camera_selection(config, wmpf)
    if selection.family is Family.USB:
        return inventory.usb_known and not any(
            entry.device.is_camera is not False for entry in inventory.usb_selected_by(selection.usable))
    # A built-in selection (or none: WMPF's default camera) on a device that lists no built-in camera.
    return inventory.builtin_known and not inventory.builtin


def _recommend(config: dict, bases: Bases | None, family: Family, behaviour: WmpfBehaviour, wmpf: str | None,
               inventory) -> tuple[dict, tuple[Turn, Turn] | None, Family, list[Explanation]]:
    if bases is None:
        return config, None, family, [Explanation("unknown_mounting", E_UNKNOWN_MOUNTING)]
    if _opens_no_camera(config, wmpf, inventory):
        # What the ends show cannot come from this config: reasoning from it would recommend keys
        # for a camera that is not there (and applying them would lose the one that is).
        return config, None, family, [Explanation("config_mismatch", E_NO_SUCH_CAMERA)]
    notes: list[Explanation] = []
    plan = config_for_upright(bases, family, behaviour, _without_orientation_keys(config, family))
    external = _builtin_in_use(config, inventory) if family is Family.BUILTIN else None
    if plan.predicted[0].rotation != 0 and external is not None and external.camera.external and external.usb_path:
        # Rule 7: the same camera by USB keys, whose rotation turns the device end too. Taken only
        # when it makes more ends upright than the built-in keys can (never trades one upright end
        # for another).
        base = {k: v for k, v in config.items()
                if k not in (*SELECTORS[Family.BUILTIN], *ORIENTATION_KEYS[Family.BUILTIN], *SELECTORS[Family.USB])}
        base.update(_usb_selector(inventory, external.usb_path))
        by_usb = config_for_upright(bases, Family.USB, behaviour, base)
        if by_usb.upright_ends > plan.upright_ends:
            family, plan = Family.USB, by_usb
            notes.append(Explanation("use_usb_keys", E_USE_USB, None,
                                     {"camera": external.camera.camera_id, "path": external.usb_path}))
            notes.append(Explanation("assumption", E_USB_PATH_ASSUMED))
    version = parse_wmpf_version(wmpf)
    too_new = [k for k, v in plan.keys.items() if gate(k, version) is Gate.ABSENT and v not in (0, False)]
    if too_new:
        for key in too_new:
            notes.append(Explanation("needs_newer_wmpf", E_NEEDS_WMPF, None,
                                     {"key": key, "needed": ".".join(map(str, KEYS_BY_NAME[key].min_wmpf)),
                                      "wmpf": wmpf}))
        recommended = plan.base
    else:
        recommended = _keep_if_same(config, plan.config, bases, wmpf, behaviour)
    predicted = ends_for(recommended, wmpf, behaviour).seen(bases)
    notes += [_explain(item) for item in plan.unfixable]
    return recommended, predicted, family, notes


def _end_notes(ends: tuple[EndResult, EndResult], now: tuple[Turn, Turn], predicted: tuple[Turn, Turn],
               config: dict, recommended: dict) -> list[Explanation]:
    """Per end: what the recommendation fixes there, in words, with the next step."""
    if all(end.correct for end in ends):
        return [Explanation("works", E_WORKS)] if recommended == config else []
    changed = {k: v for k, v in recommended.items() if config.get(k, object()) != v or k not in config}
    keys = ", ".join(f"{k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in changed.items()
                     if k in KEYS_BY_NAME)
    notes = []
    for end, seen_now, seen_then in zip(ends, now, predicted):
        if not end.detected or not keys or seen_then == seen_now:
            continue
        if seen_now.rotation != 0 and seen_then.rotation == 0:
            notes.append(Explanation("fix", E_FIX_END, end.name, {"degrees": seen_now.rotation, "keys": keys}))
        elif seen_now.mirrored and not seen_then.mirrored:
            notes.append(Explanation("fix", E_FIX_MIRROR, end.name, {"keys": keys}))
    return notes


def _keep_if_same(config: dict, planned: dict, bases: Bases, wmpf: str | None, behaviour: WmpfBehaviour) -> dict:
    """The config as it is when the plan changes nothing either end shows (no churn for a working config)."""
    now, then = ends_for(config, wmpf, behaviour), ends_for(planned, wmpf, behaviour)
    if now.family == then.family and now.seen(bases) == then.seen(bases) \
            and not any(reason == REASON_OTHER_FAMILY for _, reason in now.ignored):
        return config
    return planned
