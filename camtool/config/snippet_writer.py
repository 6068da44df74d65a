"""Kotlin and Java source that builds a config with `JSONObject().put(...)`, escaped per language.

The integrator pastes this into the Android app that calls WMPF's InitGlobalConfig. The
text is an export: it never changes with the UI language, so its comments are fixed English.
Values map to the JSONObject.put overloads Android has: int, long, double, boolean,
String, JSONObject, JSONArray and JSONObject.NULL (a JSON null; `put(key, null)` would
remove the key instead).
"""

from __future__ import annotations

import math
from typing import Any

from camtool.config.errors import ExportError
from camtool.i18n import N_

__all__ = ["write_kotlin", "write_java", "kotlin_string", "java_string"]

_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
# Long.MIN_VALUE has no plain literal in Kotlin; one short of it keeps both languages simple.
_LONG_MIN, _LONG_MAX = -(2**63) + 1, 2**63 - 1

_HEADER = (
    "initGlobalConfig JSON, exported by camtool (camera keys first).",
    "Call InitGlobalConfig with configJson after ActivateDevice succeeds and before the mini",
    "program starts, and again after every WMPF restart.",
)


def write_kotlin(data: dict[str, Any]) -> str:
    """A Kotlin snippet whose `config.toString()` is `data` as JSON (keys in the given order)."""
    writer = _SnippetWriter(kotlin=True)
    body = writer.object_chain(data, depth=1)
    lines = [f"// {line}" for line in _HEADER]
    lines += writer.imports("")
    lines += ["", f"val config = {body}", "val configJson = config.toString()", ""]
    return "\n".join(lines)


def write_java(data: dict[str, Any]) -> str:
    """A Java snippet whose `config.toString()` is `data` as JSON (keys in the given order)."""
    writer = _SnippetWriter(kotlin=False)
    body = writer.object_chain(data, depth=2)
    lines = [f"// {line}" for line in _HEADER]
    lines.append("// put() throws the checked JSONException: run this in a method that declares it or in a try block.")
    writer.needs.add("JSONException")
    lines += writer.imports(";")
    lines += ["", f"JSONObject config = {body};", "String configJson = config.toString();", ""]
    return "\n".join(lines)


class _SnippetWriter:
    def __init__(self, *, kotlin: bool) -> None:
        self.needs: set[str] = {"JSONObject"}
        self.quote = kotlin_string if kotlin else java_string
        self.new = "" if kotlin else "new "

    def imports(self, terminator: str) -> list[str]:
        return [f"import org.json.{name}{terminator}" for name in sorted(self.needs)]

    def object_chain(self, value: dict[str, Any], depth: int) -> str:
        text = f"{self.new}JSONObject()"
        indent = "    " * depth
        for key, item in value.items():
            if not isinstance(key, str):
                raise ExportError(N_("The config has a key that is not text ({key}); JSON keys are always text."), key=repr(key))
            text += f"\n{indent}.put({self.quote(key)}, {self.value(item, depth + 1, key)})"
        return text

    def array_chain(self, value: list[Any], depth: int, key: str) -> str:
        self.needs.add("JSONArray")
        text = f"{self.new}JSONArray()"
        indent = "    " * depth
        for item in value:
            text += f"\n{indent}.put({self.value(item, depth + 1, key)})"
        return text

    def value(self, value: Any, depth: int, key: str) -> str:
        # bool before int: in Python True is an int, in JSON it is not.
        if value is None:
            return "JSONObject.NULL"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return _integer(value, key)
        if isinstance(value, float):
            return _double(value, key)
        if isinstance(value, str):
            return self.quote(value)
        if isinstance(value, dict):
            return self.object_chain(value, depth)
        if isinstance(value, (list, tuple)):
            return self.array_chain(list(value), depth, key)
        raise ExportError(N_("The value of \"{key}\" is not a JSON value ({kind}); camtool cannot export it."),
                          key=key, kind=type(value).__name__)


def _integer(value: int, key: str) -> str:
    if _INT_MIN <= value <= _INT_MAX:
        return str(value)
    if _LONG_MIN <= value <= _LONG_MAX:
        return f"{value}L"
    raise ExportError(N_("The number in \"{key}\" ({value}) is too large for Android's JSONObject (64-bit at most)."),
                      key=key, value=str(value))


def _double(value: float, key: str) -> str:
    if not math.isfinite(value):
        raise ExportError(N_("The number in \"{key}\" is not finite ({value}); JSON has no NaN or Infinity."),
                          key=key, value=repr(value))
    return repr(value)  # shortest text that reads back as the same double, valid in both languages


def _utf16_escapes(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:  # outside the BMP: both languages spell it as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}"
    return f"\\u{code:04X}"


_KOTLIN_ESCAPES = {"\\": "\\\\", '"': '\\"', "$": "\\$", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b"}


def kotlin_string(text: str) -> str:
    """A Kotlin string literal for `text`: `$` escaped (no templates), control and invisible characters as \\uXXXX."""
    out = []
    for char in text:
        if char in _KOTLIN_ESCAPES:
            out.append(_KOTLIN_ESCAPES[char])
        elif char.isprintable():     # False for control, format, unassigned and lone surrogate characters
            out.append(char)
        else:
            out.append(_utf16_escapes(char))
    return '"' + "".join(out) + '"'


_JAVA_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def java_string(text: str) -> str:
    """A Java string literal for `text`.

    Java turns \\uXXXX into a character before it reads the source, so \\u000A or \\u0022
    would break the literal: ASCII control characters use 3-digit octal escapes instead;
    \\uXXXX is used only for invisible non-ASCII characters and lone surrogates.
    """
    out = []
    for char in text:
        if char in _JAVA_ESCAPES:
            out.append(_JAVA_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):03o}")
        elif char.isprintable():     # False for control, format, unassigned and lone surrogate characters
            out.append(char)
        else:
            out.append(_utf16_escapes(char))
    return '"' + "".join(out) + '"'
