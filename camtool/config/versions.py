"""WMPF version numbers: parsing, comparison, and the version each camera key needs.

The gates themselves live in one table, camtool/config/keys.py (docs/domain.md, Version gates); this
module only reads them. Versions are plain (major, minor, patch) tuples, so the usual
tuple comparisons (<, >=) compare them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from camtool.config.keys import KEYS_BY_NAME, UNSEEN_AFTER
from camtool.i18n import N_, tr

Version = tuple[int, int, int]

# One grammar, two entry points. The numbers: "2.1.3", also "v2.1", "2".
_NUMBERS = r"[vV]?(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?"
# A whole version also allows what dumpsys prints as versionName: "2.1.3.1024", "2.1.3-beta".
_VERSION = re.compile(_NUMBERS + r"(?:\.\d{1,9})?(?:[-+ ][0-9A-Za-z.\-+ ]*)?")
# A version as it is being typed: its leading numbers ("2." is 2.0.0).
_VERSION_PREFIX = re.compile(_NUMBERS)


class VersionError(ValueError):
    """A version text that is not X.Y.Z; `str()` is the translated message for the user."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(text)

    def __str__(self) -> str:
        return tr(N_("\"{text}\" is not a WMPF version: write it as X.Y.Z, for example 2.1.3."), text=self.text)


def parse_version(text: str) -> Version:
    """Parse "2.1.3" (missing parts are 0: "2.1" is 2.1.0) into a comparable tuple.

    Raises VersionError (a ValueError) with a message that says what to write.
    """
    if not isinstance(text, str):
        raise VersionError(repr(text))
    match = _VERSION.fullmatch(text.strip())
    if match is None:
        raise VersionError(text)
    major, minor, patch = (int(part) if part else 0 for part in match.groups())
    return major, minor, patch


def try_parse_version(text: str | None) -> Version | None:
    """The version, or None when the text is missing or not a version (for callers that just show it)."""
    if text is None:
        return None
    try:
        return parse_version(text)
    except VersionError:
        return None


def parse_version_prefix(text: object) -> Version | None:
    """The leading version of a text as it is typed: "2.1.0", "v2.0.0.123", "1.1", "2." -> a triple;
    no leading number (or not a text) -> None, an unknown version.

    Lenient on purpose: the window reads the version field keystroke by keystroke, and the
    semantics treat what it cannot read as unknown rather than an error.
    """
    if not isinstance(text, str):
        return None
    match = _VERSION_PREFIX.match(text.strip())
    if match is None:
        return None
    major, minor, patch = (int(part) if part else 0 for part in match.groups())
    return major, minor, patch


def format_version(version: Version) -> str:
    return ".".join(str(part) for part in version)


def required_version(key: str) -> Version:
    """The oldest WMPF that reads this camera key (KeyError for a key that is not a camera key)."""
    return KEYS_BY_NAME[key].min_wmpf


def is_inferred_gate(key: str) -> bool:
    """True when the key's version gate is our reading of the client library's history, not documented."""
    return KEYS_BY_NAME[key].inferred_version


class Gate(str, Enum):
    """Whether a WMPF version reads a camera key."""
    SUPPORTED = "supported"   # at or above the key's version
    UNKNOWN = "unknown"       # an inferred gate, and a version no client library was seen of
    ABSENT = "absent"         # known not to read it


def gate(key: str, wmpf: Version | None) -> Gate:
    """The key's gate for this WMPF version (None: the version is unknown, nothing is gated)."""
    if wmpf is None or wmpf >= required_version(key):
        return Gate.SUPPORTED
    if is_inferred_gate(key) and wmpf > UNSEEN_AFTER:
        return Gate.UNKNOWN
    return Gate.ABSENT


def supports(wmpf: Version, key: str) -> bool:
    """Whether WMPF of this version reads the key (an unknown gate counts: only 'absent' does not)."""
    return gate(key, wmpf) is not Gate.ABSENT


@dataclass(frozen=True)
class GateMiss:
    """A camera key that a WMPF version does not read for sure; each rule catalogue words it its way."""

    key: str
    gate: Gate          # ABSENT, or UNKNOWN (an inferred gate and a version no client library was seen of)
    needed: Version     # the oldest WMPF that reads it
    inferred: bool      # the gate is our reading of the client library's history


def gate_misses(keys: Iterable[str], wmpf: Version) -> list[GateMiss]:
    """The keys (camera keys, in order) that WMPF `wmpf` ignores or may ignore."""
    misses = []
    for key in keys:
        verdict = gate(key, wmpf)
        if verdict is not Gate.SUPPORTED:
            misses.append(GateMiss(key, verdict, required_version(key), is_inferred_gate(key)))
    return misses
