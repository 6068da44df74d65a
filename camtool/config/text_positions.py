"""Line and column of an offset in a text, for findings that point at a key.

One pass over the text builds the start of every line; each lookup is then a binary search.
(Counting the newlines before each key instead rescans the text once per key: a config or
snippet with 100,000 keys took a minute.) Lines end at "\\n" only and both numbers are 1-based,
the convention of Python's json errors.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["LineIndex"]

_NEWLINE = re.compile("\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(match.end() for match in _NEWLINE.finditer(text))

    def where(self, offset: int) -> tuple[int, int]:
        """(line, column) of the character at `offset`."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
