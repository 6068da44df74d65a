"""Parser of `getprop` (all properties, `[key]: [value]` lines) and the few values camtool reads."""

from __future__ import annotations

import re

_PROPERTY = re.compile(r"^\s*\[([^\]\s]+)\]\s*:\s*\[(.*)$")

MODEL_PROPERTY = "ro.product.model"
RELEASE_PROPERTY = "ro.build.version.release"
SDK_PROPERTY = "ro.build.version.sdk"


def parse_getprop(text: str) -> dict[str, str]:
    """All `[key]: [value]` properties; a value that spans lines is joined back with newlines."""
    props: dict[str, str] = {}
    if not isinstance(text, str):
        return props
    key: str | None = None
    parts: list[str] = []
    for line in text.splitlines():
        if key is None:
            match = _PROPERTY.match(line)
            if not match:
                continue  # prompts, banners, getprop's own complaints
            key, rest = match.group(1), match.group(2).rstrip()
            parts = [rest]
        else:
            parts.append(line.rstrip())
        if parts[-1].endswith("]"):
            parts[-1] = parts[-1][:-1]
            props.setdefault(key, "\n".join(parts))
            key = None
        elif len(parts) > 50:
            key = None  # an unterminated value: drop it rather than swallow the rest
    return props


def device_model(props: dict[str, str]) -> str | None:
    return _text(props, MODEL_PROPERTY)


def android_release(props: dict[str, str]) -> str | None:
    return _text(props, RELEASE_PROPERTY)


def sdk_level(props: dict[str, str]) -> int | None:
    value = _text(props, SDK_PROPERTY)
    if value is None or not re.fullmatch(r"[0-9]{1,3}", value):
        return None
    return int(value)


def _text(props: dict[str, str], key: str) -> str | None:
    if not isinstance(props, dict):
        return None
    value = props.get(key)
    return value.strip() or None if isinstance(value, str) else None
