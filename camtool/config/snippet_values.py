"""Number literals of Kotlin and Java as the compiler reads them, and the reader's "cannot read" signal.

The two languages differ where it matters for a config: Java reads `010` as octal 8 and
`0xFFFFFFFF` as the int -1; Kotlin rejects `010` and makes `0xFFFFFFFF` a Long. A float
literal (`1.5f`) reaches JSONObject widened to a double, so it is rounded to 32 bits first.
"""

from __future__ import annotations

import math
import re
import struct
from typing import Any

from camtool.config.snippet_lexer import JAVA, KOTLIN, Token
from camtool.i18n import N_, tr

__all__ = ["Unreadable", "read_number"]

_INT_BITS, _LONG_BITS = 32, 64


class Unreadable(Exception):
    """A value or call the reader cannot turn into JSON; `reason` is shown in the finding."""

    def __init__(self, message_source: str, token: Token, **values: Any) -> None:
        super().__init__(message_source)
        self.message_source = message_source
        self.token = token
        self.values = values

    def reason(self) -> "LazyReason":
        return LazyReason(self.message_source, self.values)


class LazyReason:
    """A reason with values, translated when the finding is shown (after a language switch too)."""

    __slots__ = ("source", "values")

    def __init__(self, source: str, values: dict[str, Any]) -> None:
        self.source = source
        self.values = values

    def __str__(self) -> str:
        return tr(self.source, **self.values)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def read_number(token: Token, language: str, *, negated: bool = False) -> int | float:
    """The value of a number literal (after a unary minus when `negated`); Unreadable if the compiler rejects it."""
    if _SMALL_DECIMAL.fullmatch(token.text):
        return int(token.text)   # an Int in both languages: what the rules below give, without them
    text = token.text.replace("_", "") if not token.text.endswith("_") else ""
    lower = text.lower()
    if not text or "_." in token.text or "._" in token.text:
        raise Unreadable(N_("{number} is not a valid number"), token, number=token.text)
    if lower.startswith(("0x", "0b")):
        return _radix_integer(token, lower, language)
    is_float = any(c in lower for c in ".e") or lower.endswith("f") or (language == JAVA and lower.endswith("d"))
    if is_float:
        return _floating(token, lower, language)
    long_suffix = _long_suffix(token, lower, language)
    digits = lower[:-1] if long_suffix else lower
    if not digits.isdigit():
        raise Unreadable(N_("{number} is not a valid number"), token, number=token.text)
    if len(digits) > 1 and digits.startswith("0"):
        if language == KOTLIN or any(c in "89" for c in digits):
            raise Unreadable(N_("{number} is not a valid number"), token, number=token.text)
        return _fit(token, int(digits, 8), long_suffix, language, two_complement=True, negated=negated)
    return _fit(token, int(digits), long_suffix, language, two_complement=False, negated=negated)


#: A decimal literal below 10**9 (< 2**31): the common case, valid and an Int in Kotlin and Java.
_SMALL_DECIMAL = re.compile(r"0|[1-9][0-9]{0,8}")


def _long_suffix(token: Token, lower: str, language: str) -> bool:
    if (lower.endswith("u") or lower.endswith("ul")) and language == KOTLIN:
        raise Unreadable(N_("{number} is an unsigned Kotlin number; JSONObject has no put for it"), token, number=token.text)
    if lower.endswith("u") or lower.endswith("ul"):   # Java has no unsigned literals at all
        raise Unreadable(N_("{number} is not a valid number"), token, number=token.text)
    if token.text.endswith("l") and language == KOTLIN:  # Kotlin allows only the capital L
        raise Unreadable(N_("{number} is not a valid number"), token, number=token.text)
    return lower.endswith("l")


def _radix_integer(token: Token, lower: str, language: str) -> int:
    long_suffix = _long_suffix(token, lower, language)
    body = lower[2:-1] if long_suffix else lower[2:]
    base = 16 if lower.startswith("0x") else 2
    try:
        value = int(body, base)
    except ValueError:
        raise Unreadable(N_("{number} is not a valid number"), token, number=token.text) from None
    return _fit(token, value, long_suffix, language, two_complement=True)


def _fit(token: Token, value: int, long_suffix: bool, language: str, *, two_complement: bool,
         negated: bool = False) -> int:
    """Apply the language's range rules; Java hex/octal/binary literals wrap to negative values."""
    bits = _LONG_BITS if long_suffix else _INT_BITS
    if language == JAVA:
        # 2^31 (2^63 with L) is legal only right after a minus sign
        limit = 2 ** bits if two_complement else 2 ** (bits - 1) + (1 if negated else 0)
        if value >= limit:
            raise Unreadable(N_("{number} is too large for a Java {kind}"), token, number=token.text,
                             kind="long" if long_suffix else "int")
        if two_complement and value >= 2 ** (bits - 1):
            value -= 2 ** bits
        return value
    # Kotlin: an integer literal too large for Int becomes a Long by itself.
    if value > 2 ** 63 - 1:
        raise Unreadable(N_("{number} is too large for a Kotlin Long"), token, number=token.text)
    return value


def _floating(token: Token, lower: str, language: str) -> float:
    single = lower.endswith("f")
    body = lower[:-1] if single or (language == JAVA and lower.endswith("d")) else lower
    try:
        value = float(body)
    except ValueError:
        raise Unreadable(N_("{number} is not a valid number"), token, number=token.text) from None
    if not math.isfinite(value):
        raise Unreadable(N_("{number} is too large for a double"), token, number=token.text)
    if single:
        try:
            value = struct.unpack("<f", struct.pack("<f", value))[0]
        except OverflowError:
            raise Unreadable(N_("{number} is too large for a float"), token, number=token.text) from None
    return value
