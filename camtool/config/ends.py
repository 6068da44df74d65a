"""The two ends of a WMPF call, what each shows with no key (its base), and how WMPF turns.

Each end has its own base (docs/domain.md, "Two ends, two bases"): the device end (the
device's own screen, the preview path) and the WeChat end (the pushed stream). The parts of
WMPF's behaviour camtool infers are named in `WmpfBehaviour`, so a scenario or a check can
override them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from camtool.config.turns import IDENTITY, VERTICAL_MIRROR, Turn
from camtool.i18n import N_

__all__ = ["DEVICE_END", "WECHAT_END", "END_TITLES", "Bases", "WmpfBehaviour", "DEFAULT_BEHAVIOUR", "ALL_BEHAVIOURS"]

DEVICE_END = "device_end"
WECHAT_END = "wechat_end"


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
