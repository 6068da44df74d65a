"""Export a config as canonical JSON, one-line JSON, or a Kotlin/Java snippet that builds it.

Canonical order: the ten camera keys first, in keys.CAMERA_KEY_ORDER, then every other key
in the order it was imported, untouched. All formats describe the same JSON object, so
import(export(x)) == x for each of them. Exports never change with the UI language.

Other parts add formats through `register_format` (the device layer adds
"kotlin-receiver"); `EXPORT_FORMATS` lists the built-in ones in the order the CLI shows.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

from camtool.config.errors import ExportError
from camtool.config.keys import CAMERA_KEY_ORDER
from camtool.config.snippet_writer import write_java, write_kotlin
from camtool.i18n import N_, ListText

__all__ = ["EXPORT_FORMATS", "ExportError", "canonical_order", "export_config", "export_formats",
           "register_format", "to_canonical_json", "to_line_json"]

Exporter = Callable[[dict[str, Any]], str]


def canonical_order(data: dict[str, Any]) -> dict[str, Any]:
    """Camera keys first in their fixed order, then the other keys in their original order."""
    ordered = {key: data[key] for key in CAMERA_KEY_ORDER if key in data}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    return ordered


def to_canonical_json(data: dict[str, Any]) -> str:
    """2-space indent, UTF-8 characters kept readable, trailing newline."""
    return _escape_lone_surrogates(json.dumps(_checked(data), indent=2, ensure_ascii=False, allow_nan=False)) + "\n"


def to_line_json(data: dict[str, Any]) -> str:
    """The same JSON on one line, compact (what a Java/Kotlin string constant or an adb extra holds)."""
    text = json.dumps(_checked(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _escape_lone_surrogates(text) + "\n"


_EXPORTERS: dict[str, Exporter] = {
    "json": to_canonical_json,
    "line": to_line_json,
    "kotlin": write_kotlin,
    "java": write_java,
}
#: The formats the config layer itself provides, in the order the CLI lists them.
EXPORT_FORMATS: tuple[str, ...] = tuple(_EXPORTERS)


def register_format(name: str, exporter: Exporter) -> None:
    """Add an export format (e.g. "kotlin-receiver" from the device layer).

    `exporter` receives the config already in canonical order and returns the text.
    """
    _EXPORTERS[name] = exporter


def export_formats() -> tuple[str, ...]:
    """Every format export_config accepts now: the built-in ones plus registered ones."""
    return tuple(_EXPORTERS)


def export_config(data: dict[str, Any], to: str) -> str:
    """`data` (a config as parsed JSON) as text in format `to`, camera keys first.

    Raises ExportError (a translated sentence) for an unknown format or a value the
    format cannot express (NaN, a number beyond 64 bits, a non-JSON object). It does not
    validate the camera keys: callers refuse configs with error findings first.
    """
    exporter = _EXPORTERS.get(to)
    if exporter is None:
        raise ExportError(N_("Unknown export format \"{format}\". Use one of: {formats}."),
                          format=to, formats=ListText(_EXPORTERS))
    if not isinstance(data, dict):
        raise ExportError(N_("Only a JSON object can be exported as a config; this is a {kind}."),
                          kind=type(data).__name__)
    try:
        return exporter(canonical_order(data))
    except RecursionError:
        raise ExportError(N_("The config is nested too deeply to export; a camera config is one flat JSON object.")) from None


def _checked(value: Any, key: str = "") -> Any:
    """Refuse what JSON cannot hold with a sentence instead of json's own TypeError/ValueError."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ExportError(N_("The number in \"{key}\" is not finite ({value}); JSON has no NaN or Infinity."),
                          key=key, value=repr(value))
    if isinstance(value, dict):
        for item_key, item in value.items():
            if not isinstance(item_key, str):
                raise ExportError(N_("The config has a key that is not text ({key}); JSON keys are always text."),
                                  key=repr(item_key))
            _checked(item, item_key)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _checked(item, key)
    elif value is not None and not isinstance(value, (str, int, float, bool)):
        raise ExportError(N_("The value of \"{key}\" is not a JSON value ({kind}); camtool cannot export it."),
                          key=key, kind=type(value).__name__)
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_lone_surrogates(text: str) -> str:
    # A JSON "\ud800" escape parses to a lone surrogate, which UTF-8 cannot encode. In JSON
    # text it can only sit inside a string, so writing it back as its escape is exact.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
