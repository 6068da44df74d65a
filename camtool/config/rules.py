"""Validation of a WMPF camera config: the entry points and the key-name and version rules.

`validate` takes the raw parsed JSON (any Python value) and returns findings sorted errors,
warnings, info; it never raises for user data. The per-key rules are in rules_values.py,
the family and selection rules in rules_selection.py, the code table in rules_codes.py.
"""

from __future__ import annotations

import os
from functools import lru_cache

from camtool.config.findings import Finding, sorted_findings
from camtool.config.jsonread import ParsedJson, locate_findings, read_json_file, read_json_text
from camtool.config.keys import CAMERA_KEY_ORDER, KEYS_BY_NAME, UNSEEN_AFTER, used_camera_keys
from camtool.config.rules_codes import RULES, RULES_BY_CODE, RuleInfo, make_finding, printable
from camtool.config.rules_selection import selection_findings
from camtool.config.rules_values import shown, type_findings, value_findings
from camtool.config.versions import Gate, GateMiss, Version, VersionError, format_version, gate_misses, parse_version
from camtool.i18n import N_, ListText

__all__ = ["validate", "validate_text", "validate_file", "RULES", "RULES_BY_CODE", "RuleInfo", "suggest_camera_key"]

_LOWER_KEYS = {name.lower(): name for name in CAMERA_KEY_ORDER}
# A key within two edits of a camera key is at most two letters longer or shorter, brings at
# most two letters the camera key lacks and misses at most two of its letters (a swap changes
# no letter). The length table and a set difference, in C, rule out almost every unknown key
# of a big config before an edit distance, in Python, is computed.
_NEAR_BY_LENGTH: dict[int, tuple[tuple[str, str, frozenset[str]], ...]] = {
    length: tuple((lowered, name, frozenset(lowered)) for lowered, name in _LOWER_KEYS.items()
                  if abs(len(lowered) - length) <= 2)
    for length in range(1, max(map(len, _LOWER_KEYS)) + 3)
    if any(abs(len(lowered) - length) <= 2 for lowered in _LOWER_KEYS)}
_ALL_LETTERS = frozenset("".join(_LOWER_KEYS))


def validate(data: object, *, wmpf_version: str | None = None) -> list[Finding]:
    """All findings for a parsed config (any value), errors first, then warnings, then info."""
    if not isinstance(data, dict):
        return [make_finding(
            "CAM004", (), N_("The config is {found}, not a JSON object."),
            N_("Put the keys in one object: {{\"internalCameraName\": \"0\", \"cameraRotationAngle\": 90}}."),
            found=shown(data))]
    if _is_profile_file(data):
        # A profile wraps its config: judging the wrapper would only say "no camera selected".
        return [make_finding(
            "CAM006", (), N_("This is a camtool profile (\"sku\" {sku}, its keys under \"config\"), not an "
                             "initGlobalConfig JSON."),
            N_("Check profiles with camtool profiles validate, and get the config itself with camtool profiles "
               "export {sku} (or use --profile {sku} where a command takes one)."),
            sku=printable(data["sku"]))]
    findings: list[Finding] = []
    wmpf = _wmpf_or_finding(wmpf_version, findings)
    findings.extend(type_findings(data))
    findings.extend(value_findings(data))
    findings.extend(_misspelt_key_findings(data))
    findings.extend(selection_findings(data, wmpf))
    findings.extend(_version_findings(data, wmpf, wmpf_version))
    return sorted_findings(findings)


def _is_profile_file(data: dict) -> bool:
    """A camtool profile file (sku + config object) rather than a config: no camera key at the top."""
    return (isinstance(data.get("sku"), str) and isinstance(data.get("config"), dict)
            and not any(key in data for key in CAMERA_KEY_ORDER))


def validate_text(text: str | bytes, source: str = "<stdin>", *,
                  wmpf_version: str | None = None) -> tuple[dict | None, list[Finding]]:
    """Read JSON text and validate it: (the config, or None when it is not a JSON object; findings)."""
    return _validated(read_json_text(text, source), wmpf_version)


def validate_file(path: str | os.PathLike[str], *, wmpf_version: str | None = None) -> tuple[dict | None, list[Finding]]:
    """Read a JSON file and validate it, like validate_text."""
    return _validated(read_json_file(path), wmpf_version)


def _validated(parsed: ParsedJson, wmpf_version: str | None) -> tuple[dict | None, list[Finding]]:
    if not isinstance(parsed.data, dict):
        return None, sorted_findings(parsed.findings)
    # Rule findings name keys; the text tells where those keys are, for the CLI and the editor.
    rule_findings = validate(parsed.data, wmpf_version=wmpf_version)
    unplaced = {key for finding in rule_findings if finding.line is None for key in finding.keys}
    rule_findings = locate_findings(rule_findings, parsed.positions_of(unplaced))
    return parsed.data, sorted_findings(parsed.findings + rule_findings)


def _wmpf_or_finding(wmpf_version: str | None, findings: list[Finding]) -> Version | None:
    if wmpf_version is None:
        return None
    try:
        return parse_version(wmpf_version)
    except VersionError:
        findings.append(make_finding(
            "CAM302", (), N_("The WMPF version {version} is not of the form X.Y.Z, so the version gates were not checked."),
            N_("Give the version as dumpsys package com.tencent.wmpf shows it (versionName), e.g. 2.1.3."),
            version=shown(wmpf_version)))
        return None


# --- misspelt keys (CAM111) -------------------------------------------------------------

def suggest_camera_key(key: str) -> tuple[str, int] | None:
    """The camera key that `key` is probably a misspelling of (0-2 edits, ignoring case), and the distance.

    Keys are case-sensitive to WMPF (the FAQ itself once writes CameraRotationAngle), so a
    key that differs only in case is distance 0 here and still a mistake.
    """
    if key in KEYS_BY_NAME:
        return None
    lowered = key.lower()
    if lowered in _LOWER_KEYS:
        return _LOWER_KEYS[lowered], 0
    if len(lowered) not in _NEAR_BY_LENGTH or len(frozenset(lowered) - _ALL_LETTERS) > 2:
        return None
    return _closest_camera_key(lowered)


@lru_cache(maxsize=4096)
def _closest_camera_key(lowered: str) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    letters = frozenset(lowered)
    for candidate_lower, candidate, candidate_letters in _NEAR_BY_LENGTH[len(lowered)]:
        if len(letters - candidate_letters) > 2 or len(candidate_letters - letters) > 2:
            continue
        distance = _edit_distance(lowered, candidate_lower, limit=2)
        if distance <= 2 and (best is None or distance < best[1]):
            best = (candidate, distance)
    return best


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two neighbours is one edit: Angel/Angle), capped at limit+1."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _misspelt_key_findings(config: dict) -> list[Finding]:
    findings = []
    for key in config:
        if not isinstance(key, str) or len(key) > 64:
            continue
        suggestion = suggest_camera_key(key)
        if suggestion is None:
            continue
        camera_key, distance = suggestion
        if distance == 0:
            message = N_("{key} is not a key WMPF knows: keys are case-sensitive, so WMPF ignores it. Did you mean {suggestion}?")
        else:
            message = N_("{key} is not a key WMPF knows, so WMPF ignores it. Did you mean {suggestion}?")
        if camera_key in config:
            fix = N_("Delete {key}: {suggestion} is already set.")
        else:
            fix = N_("Rename {key} to {suggestion}.")
        findings.append(make_finding("CAM111", (key,), message, fix, key=printable(key), suggestion=camera_key))
    return findings


# --- version gates (CAM301, CAM502) -------------------------------------------------------

def _version_findings(config: dict, wmpf: Version | None, wmpf_version: str | None) -> list[Finding]:
    used = used_camera_keys(config)
    if not used:
        return []
    if wmpf is None:
        if wmpf_version is not None:  # given but unreadable: CAM302 already says so
            return []
        needed = max(KEYS_BY_NAME[key].min_wmpf for key in used)
        details = ListText(
            f"{key} {format_version(KEYS_BY_NAME[key].min_wmpf)}{'*' if KEYS_BY_NAME[key].inferred_version else ''}"
            for key in used)
        # The "*" legend only when a version is starred: a legend for nothing is noise.
        starred = any(KEYS_BY_NAME[key].inferred_version for key in used)
        return [make_finding(
            "CAM502", tuple(used),
            N_("This config needs WMPF {version} or newer ({details}; * = assumed from the client library's release history).")
            if starred else N_("This config needs WMPF {version} or newer ({details})."),
            N_("Check the device's WMPF version (camtool devices, or dumpsys package com.tencent.wmpf) or pass --wmpf-version to check it here."),
            version=format_version(needed), details=details)]
    return [_gate_finding(miss, wmpf) for miss in gate_misses(used, wmpf)]


def _gate_finding(miss: GateMiss, wmpf: Version) -> Finding:
    key, needed, version = miss.key, format_version(miss.needed), format_version(wmpf)
    if miss.gate is Gate.UNKNOWN:
        return make_finding(
            "CAM405", (key,),
            N_("Whether WMPF {version} reads {key} is unknown: the WMPF client library {unseen} knows no camera "
               "key and {needed} knows them all; no version in between was found (inferred)."),
            N_("Update WMPF on the device to {needed} or newer to be sure, or check the picture on the device "
               "with camtool verify."),
            key=key, version=version, unseen=format_version(UNSEEN_AFTER), needed=needed)
    if miss.inferred:
        message = N_("{key} needs WMPF {needed} or newer (assumed from the client library's release history), but the device has {version}.")
    else:
        message = N_("{key} needs WMPF {needed} or newer, but the device has {version}: WMPF {version} ignores it.")
    if key == "internalCameraName":
        fix = N_("Update WMPF on the device to {needed} or newer, or use cameraId on this older WMPF.")
    else:
        fix = N_("Update WMPF on the device to {needed} or newer; until then {key} has no effect.")
    return make_finding("CAM301", (key,), message, fix, key=key, needed=needed, version=version)
