"""Turns of a picture: a horizontal mirror first (if any), then a clockwise rotation.

The algebra every end of a call is described in (docs/architecture.md, the semantics): a
`Turn` composes with `then`, undoes with `inverse`. No pixels here: `camtool.vision.transforms`
applies turns to images.
"""

from __future__ import annotations

from dataclasses import dataclass

from camtool.config.keys import ROTATIONS

__all__ = ["Turn", "compose", "IDENTITY", "HORIZONTAL_MIRROR", "VERTICAL_MIRROR", "ALL_TURNS"]


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
