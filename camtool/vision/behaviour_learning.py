"""What a run of checks teaches about a device: each end's base and which way WMPF really turns.

WMPF's rotation direction and push flip are inferred, not documented. The bases and the
behaviour are solved together over every observation of a run (observations of one camera
share its bases): a second check after an apply tells which way WMPF turned. One observation
is never "inconsistent" (any pair of bases is possible on a real device); only rounds that
contradict each other are, and then the notes say how.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from camtool.config.ends import ALL_BEHAVIOURS, DEVICE_END, WECHAT_END, Bases, WmpfBehaviour
from camtool.config.family_rules import SELECTORS, camera_selection
from camtool.config.semantics import bases_seen, ends_for
from camtool.config.turns import Turn
from camtool.vision.explanations import (
    E_ASSUMED_BASE, E_DIRECTION, E_DIRECTION_CW, E_FLIP_MIRROR, E_FLIP_TURN, E_HOW_DEVICE, E_HOW_WECHAT,
    E_INCONSISTENT, E_NO_EFFECT, E_NO_EFFECT_BOTH, END_NAMES, Explanation,
)

_SEMANTICS_END = {"device": DEVICE_END, "wechat": WECHAT_END}


@dataclass(frozen=True)
class Observation:
    """One check: the config that was live and the turn each end showed (None = unknown)."""

    config: dict[str, Any]
    device: Turn | None
    wechat: Turn | None


@dataclass(frozen=True)
class Solution:
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


def solve(observations: tuple[Observation, ...], wmpf: str | None, assumed: WmpfBehaviour) -> Solution:
    """Each end's base and WMPF's behaviour: what explains every observation of the run."""
    useful = [o for o in observations if o.device is not None or o.wechat is not None]
    if not useful:
        return Solution(None, (False, False), assumed, frozenset(ALL_BEHAVIOURS))
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
    return Solution(bases, observed, solved, fitting, tuple(notes))
