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

The parts: the sentences (`explanations.py`), what the observations teach about the bases and
WMPF's behaviour (`behaviour_learning.py`), the keys recommended on this device
(`recommendation.py`). This module puts them together into the verdict.
"""


from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from camtool.config.ends import DEFAULT_BEHAVIOUR, Bases, WmpfBehaviour
from camtool.config.keys import KEYS_BY_NAME, Family
from camtool.config.rules import validate
from camtool.config.semantics import ends_for
from camtool.config.turns import Turn
from camtool.i18n import ListText
from camtool.vision.behaviour_learning import Observation, solve
from camtool.vision.detect import ChartDetection, detect_orientation
# The sentences, the learning and the recommendation have their own modules; the names
# scripts and the window use stay importable from here.
from camtool.vision.explanations import (  # noqa: F401 (re-exported)
    _DIRECTION_WORDS, _FLIP_WORDS, E_ASSUMED_DIRECTION, E_ASSUMED_FLIP, E_FINDING, E_FIX_END, E_FIX_MIRROR,
    E_IGNORED, E_NO_CHART, E_NOT_CAPTURED, E_TILTED, E_WORKS, END_NAMES, Explanation,
)
from camtool.vision.recommendation import recommend

__all__ = ["END_NAMES", "EndResult", "Explanation", "Observation", "OrientationVerdict", "check_orientation",
           "verdict_from_detections", "TILT_NOTE_DEG"]

#: A chart tilted more than this is worth a note: no key turns by less than 90 degrees.
TILT_NOTE_DEG = 15.0


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
    solution = solve((*history, observation), wmpf_version, assumed)
    notes += solution.notes
    solved, bases = solution.behaviour, solution.bases
    effect = ends_for(config, wmpf_version, solved)
    notes += [Explanation("ignored_key", E_IGNORED, None, {"key": key, "reason": reason})
              for key, reason in effect.ignored]
    family = effect.family or Family.BUILTIN
    recommended, predicted, family, plan_notes = recommend(config, bases, family, solved, wmpf_version, inventory)
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


def _keys_that_depend(config: dict, wmpf: str | None) -> tuple[bool, bool]:
    """(a quarter turn is set, a push flip is set): what the rotation direction / flip reading decide."""
    applied = ends_for(config, wmpf).applied_keys
    turns = any(k.endswith("RotationAngle") and config[k] in (90, 270) for k in applied)
    flips = any(k.endswith("PushFlip") and config[k] is True for k in applied)
    return turns, flips


def _end_notes(ends: tuple[EndResult, EndResult], now: tuple[Turn, Turn], predicted: tuple[Turn, Turn],
               config: dict, recommended: dict) -> list[Explanation]:
    """Per end: what the recommendation fixes there, in words, with the next step."""
    if all(end.correct for end in ends):
        return [Explanation("works", E_WORKS)] if recommended == config else []
    changed = {k: v for k, v in recommended.items() if config.get(k, object()) != v or k not in config}
    # A list in the sentence: joined with the comma of the language the note is shown in.
    keys = ListText(f"{k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in changed.items()
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
