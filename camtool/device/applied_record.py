"""What camtool applied to each device last, so a later check knows the config the device runs.

`camtool verify` without `--config`/`--profile` used to assume the device runs no camera keys,
so a second check after a successful `--apply` recommended `{}` and would have undone the fix.
Every successful apply is recorded here per adb serial; `verify` and the window read it back
and say which config they assume. The file is a cache, never a source of truth: a record that
cannot be read is treated as absent (the check then says it assumes an empty config).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from camtool.config.atomic import atomic_write_text

#: Overrides the folder (tests, portable installs); default: the platform's per-user state folder.
STATE_DIR_ENV = "CAMTOOL_STATE_DIR"
_FILE = "applied.json"
#: Records kept: the oldest go first (a lab rotates through many serials).
MAX_RECORDS = 200


@dataclass(frozen=True)
class AppliedRecord:
    serial: str
    config: dict[str, Any]
    package: str
    applied_at: float          # time.time() of the apply


def state_dir() -> Path:
    override = os.environ.get(STATE_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir("camtool", appauthor=False))


def _read() -> dict[str, Any]:
    try:
        data = json.loads((state_dir() / _FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_applied(serial: str) -> AppliedRecord | None:
    """The config camtool applied to `serial` last (None: none, or the record is unreadable)."""
    entry = _read().get(serial)
    if not isinstance(entry, dict) or not isinstance(entry.get("config"), dict):
        return None
    at = entry.get("applied_at")
    return AppliedRecord(serial, entry["config"], str(entry.get("package") or ""),
                         float(at) if isinstance(at, (int, float)) else 0.0)


def remember_applied(serial: str, config: dict[str, Any], package: str) -> bool:
    """Record a successful apply; False when the record could not be written (the apply still counts)."""
    records = _read()
    records.pop(serial, None)
    records[serial] = {"config": config, "package": package, "applied_at": time.time()}
    while len(records) > MAX_RECORDS:
        records.pop(next(iter(records)))
    try:
        state_dir().mkdir(parents=True, exist_ok=True)
        atomic_write_text(state_dir() / _FILE, json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    except OSError:
        return False
    return True
