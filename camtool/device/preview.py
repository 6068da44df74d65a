"""The size a live picture is shown at in a view: one rule for the capture source, which makes
the small picture, and the window, which paints it. Imports nothing heavy (the window loads it
at start-up)."""

from __future__ import annotations

#: A picture is shrunk for a view only when the view is this much smaller (else painting it as
#: it is costs less than making a copy).
SHRINK_BELOW = 0.75


def preview_size(width: int, height: int, box: tuple[int, int] | None) -> tuple[int, int] | None:
    """The size a width x height picture is shrunk to for a view of `box` pixels (aspect kept),
    or None when the view is not much smaller (SHRINK_BELOW) and the picture is shown as it is."""
    if box is None or width <= 0 or height <= 0:
        return None
    scale = min(box[0] / width, box[1] / height)
    if scale >= SHRINK_BELOW:
        return None
    return max(1, round(width * scale)), max(1, round(height * scale))
