"""Parser of `dumpsys package com.tencent.wmpf`: the WMPF version installed, or None.

Only the `Package [com.tencent.wmpf]` block of the `Packages:` section counts: a system
app that was updated also appears under `Hidden system packages:` with its factory
version, which is not the one running. Not installed prints e.g. `Unable to find package`.
"""

from __future__ import annotations

import re

from camtool.config.versions import try_parse_version

WMPF_PACKAGE = "com.tencent.wmpf"

_PACKAGE_HEADER = re.compile(r"^\s*Package \[([^\]]+)\]")
_VERSION_NAME = re.compile(r"^\s*versionName=(\S+)")
_HIDDEN_SECTION = re.compile(r"^\s*Hidden system packages:")
_SECTION = re.compile(r"^\S.*:\s*$")


def wmpf_version_name(dumpsys_package_text: str, package: str = WMPF_PACKAGE) -> str | None:
    """The versionName of the installed WMPF package, or None when it is not installed."""
    if not isinstance(dumpsys_package_text, str):
        return None
    in_package = in_hidden = False
    for line in dumpsys_package_text.splitlines():
        if _HIDDEN_SECTION.match(line):
            in_hidden, in_package = True, False
            continue
        if _SECTION.match(line) and not line.startswith(" "):
            in_hidden = False  # a new top-level section (`Packages:`, `Queries:`...)
        header = _PACKAGE_HEADER.match(line)
        if header:
            in_package = header.group(1) == package and not in_hidden
            continue
        if in_package:
            version = _VERSION_NAME.match(line)
            if version:
                value = version.group(1)
                # Kept as the device's text, only when it reads as a WMPF version (config/versions.py).
                return value if try_parse_version(value) is not None else None
    return None
