"""Text from a file, a user or a device made safe to show on a terminal (below every layer).

The one helper for it: every text output that shows a config value, a file name or a string
a device reported (model, product and manufacturer names, serials, its error text) goes
through `printable`, so no file and no device can move the cursor, change colours, set the
window title or forge a line of camtool's output.
"""

from __future__ import annotations

import re

__all__ = ["printable", "unprintable_characters"]

# C0 and C1 control characters (C1 includes a one-byte terminal escape, CSI) and lone
# surrogates (a JSON "\\ud800" escape decodes to one; no output stream can encode it).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with control characters and lone surrogates as \\uXXXX escapes; anything else as is."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def unprintable_characters(text: str) -> list[str]:
    """The distinct control characters and lone surrogates in `text`, in order of first appearance."""
    return list(dict.fromkeys(_UNPRINTABLE.findall(text)))
