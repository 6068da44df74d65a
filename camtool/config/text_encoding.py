"""Which Unicode encoding a config file is in, when it is not UTF-8: from its byte order mark,
or without one from where the zero bytes fall (RFC 4627, section 3: JSON text starts with two
ASCII characters, so UTF-16 and UTF-32 give it away in the first four bytes)."""

from __future__ import annotations

# Longest first: a UTF-32LE mark begins with the UTF-16LE one.
_MARKS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
          (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def wide_encoding(raw: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when `raw` is JSON text in one of them (with or without a mark), else None."""
    for mark, name in _MARKS:
        if raw.startswith(mark):
            return name
    head = raw[:4]
    if len(head) == 4:
        zeros = tuple(byte == 0 for byte in head)
        if zeros in ((True, True, True, False), (False, True, True, True)):
            return "UTF-32"
        if zeros in ((True, False, True, False), (False, True, False, True)):
            return "UTF-16"
    elif len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "UTF-16"
    return None
