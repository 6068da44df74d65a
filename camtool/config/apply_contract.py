"""The apply-to-device broadcast (docs/architecture.md, Apply to device), defined once for host and virtual device.

camtool's device layer sends the config with
`am broadcast -a APPLY_ACTION -p PACKAGE --es CONFIG_EXTRA BASE64`; the integrator's receiver
(and the virtual device, which emulates it) decodes it with the same rules as `decode_config`.
Result codes follow the receiver: 1 = applied (data "applied"), 2 = refused (data = the error
text), 0 = no receiver answered (am prints no data).

The error texts of `ConfigDecodeError` are what the receiver on the device answers, so they are
device output: English and untranslated, like every other text a device prints.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

APPLY_ACTION = "com.camtool.APPLY_CONFIG"
CONFIG_EXTRA = "config_b64"

RESULT_NO_RECEIVER = 0
RESULT_APPLIED = 1
RESULT_REFUSED = 2
APPLIED_DATA = "applied"
WMPF_MISSING_DATA = "WMPF not installed"


class ConfigDecodeError(ValueError):
    """The extra is not standard base64 of a UTF-8 JSON object (the text is the receiver's answer)."""


def encode_config(config: dict[str, Any]) -> str:
    """Standard base64 of the config's compact UTF-8 JSON: safe as one shell word (A-Z a-z 0-9 + / =)."""
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def decode_config(value: str) -> dict[str, Any]:
    """Decode what `encode_config` made; raises ConfigDecodeError with the receiver's error text."""
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise ConfigDecodeError(f"Bad base64 in {CONFIG_EXTRA}: {exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigDecodeError(f"Config is not UTF-8: {exc}") from None
    try:
        config = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigDecodeError(
            f"Bad JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if not isinstance(config, dict):
        raise ConfigDecodeError("Config must be a JSON object")
    return config


def apply_broadcast_argv(package: str, config: dict[str, Any]) -> list[str]:
    """The `am broadcast` argv (no shell string is ever built from the config or the package)."""
    return ["am", "broadcast", "-a", APPLY_ACTION, "-p", package,
            "--es", CONFIG_EXTRA, encode_config(config)]
