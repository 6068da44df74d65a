"""Reads config JSON the way a technician needs: every problem a finding with line and column.

Python's json module silently keeps the last of two equal keys, and so do most parsers,
including the ones on the device. A key given twice is a classic copy-paste error, so it is
detected (object_pairs_hook) and then located by a small scanner over the (already valid)
text: positions, not guesses.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from collections.abc import Iterable
from typing import Any

from camtool.config.findings import Finding
from camtool.config.rules_codes import LazyText, make_finding, printable
from camtool.config.rules_values import shown
from camtool.config.text_encoding import wide_encoding
from camtool.config.text_positions import LineIndex
from camtool.i18n import N_, ListText

#: A config is a few hundred bytes; anything this big is the wrong file, not a config.
MAX_FILE_BYTES = 10 * 1024 * 1024

# Strings are matched whole so that a NaN inside one is skipped.
_STRING_OR_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?(?:NaN|Infinity))', re.DOTALL)

# json's error messages (English, from CPython) mapped to a technician's explanation.
_PROBLEMS: dict[str, str] = {
    "Expecting value": N_("a value is missing or is not JSON (JSON has no comments, single quotes or bare words)"),
    "Expecting property name enclosed in double quotes": N_("a key must be written in double quotes"),
    "Expecting ',' delimiter": N_("a comma is missing between two items"),
    "Expecting ':' delimiter": N_("a colon is missing after a key"),
    "Unterminated string starting at": N_("a string is not closed with a double quote"),
    "Invalid control character at": N_("a string contains a raw line break or control character"),
    "Invalid \\escape": N_("a backslash escape is not valid JSON (write \\\\ for one backslash)"),
    "Invalid \\uXXXX escape": N_("a \\u escape needs exactly four hex digits"),
    "Extra data": N_("there is more text after the end of the JSON object"),
}
_TRAILING_COMMA = N_("a comma comes right before a closing bracket (JSON allows no trailing comma)")
_ENDS_EARLY = N_("the text ends before the JSON does (a closing brace or bracket is missing, or the file was cut off)")


@dataclass
class ParsedJson:
    """The result of reading: the value (None when unreadable) and the findings about the text."""

    data: Any
    findings: list[Finding] = field(default_factory=list)
    source: str = "<stdin>"
    #: The JSON text when it holds an object, so that findings about a key can point at it.
    text: str = ""

    @property
    def is_object(self) -> bool:
        return isinstance(self.data, dict)

    def positions_of(self, keys: Iterable[str]) -> dict[str, tuple[int, int]]:
        """Line and column of these top-level keys (those in the text), found in one pass."""
        return top_level_key_positions(self.text, keys) if self.is_object and self.text else {}


def read_json_file(path: str | os.PathLike[str]) -> ParsedJson:
    """Read a JSON file; a missing, unreadable or huge file is a CAM001 finding, never an exception."""
    # No pathlib on `camtool validate`'s path: it costs a fresh process ~8 ms (urllib, ipaddress).
    source = printable(os.fspath(path))  # a file name may hold bytes no terminal can show
    try:
        # Read at most one byte past the limit: a device node such as /dev/zero never ends.
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return ParsedJson(None, [_unreadable(source, exc)], source)
    if len(raw) > MAX_FILE_BYTES:
        return ParsedJson(None, [make_finding(
            "CAM001", (), N_("{source} is more than {size} bytes: far too big to be a camera config."),
            N_("Check that you chose the config file (a few hundred bytes of JSON)."),
            source=source, size=MAX_FILE_BYTES)], source)
    return read_json_text(raw, source)


def _unreadable(source: str, exc: OSError) -> Finding:
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, FileNotFoundError):
        return make_finding("CAM001", (), N_("{source} does not exist."),
                            N_("Check the path and the file name (camtool validate PATH, or - for standard input)."),
                            source=source)
    if isinstance(exc, IsADirectoryError):
        return make_finding("CAM001", (), N_("{source} is a folder, not a file."),
                            N_("Give the path of the config file inside it."), source=source)
    return make_finding("CAM001", (), N_("{source} cannot be read: {reason}."),
                        N_("Check that the file exists and that you may read it."), source=source, reason=reason)


def no_configs_in_folder(source: str, suffixes: tuple[str, ...]) -> Finding:
    """CAM001 for a folder given to validate that holds no config file at all."""
    return make_finding("CAM001", (), N_("{source} is a folder with no config file in it (looked for {suffixes})."),
                        N_("Give the folder that holds the configs, or the config files themselves."),
                        source=source, suffixes=ListText(f"*{suffix}" for suffix in suffixes))


def read_json_text(text: str | bytes, source: str = "<stdin>") -> ParsedJson:
    """Parse config JSON; findings for bad encoding, malformed JSON, a non-object top level, duplicate keys."""
    source = printable(source)
    if isinstance(text, (bytes, bytearray)):
        decoded = decode_utf8(bytes(text), source)
        if isinstance(decoded, Finding):
            return ParsedJson(None, [decoded], source)
        text = decoded
    # Windows editors write a byte order mark; a space keeps every line and column exact.
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    if not text.strip():
        return ParsedJson(None, [make_finding(
            "CAM003", (), N_("{source} is empty."),
            N_("Write a JSON object, for example {{\"internalCameraName\": \"0\"}}."), source=source,
            line=1, column=1)], source)

    duplicates: list[int] = []  # per object with a repeated key, how many repeats (found in the text later)
    constants: list[str] = []

    def keep_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)  # the last of two equal keys wins, as on the device
        if len(obj) != len(pairs):
            duplicates.append(len(pairs) - len(obj))
        return obj

    def refuse_constant(name: str) -> None:
        constants.append(name)
        return None

    try:
        data = json.loads(text, object_pairs_hook=keep_pairs, parse_constant=refuse_constant)
    except json.JSONDecodeError as exc:
        return ParsedJson(None, [_malformed(text, exc, source)], source)
    except ValueError:  # not a JSONDecodeError: an integer of more than 4300 digits (CPython's limit)
        return ParsedJson(None, [make_finding(
            "CAM003", (), N_("{source} holds a number with thousands of digits, which is no camera setting."),
            N_("Check that you chose the right file; camera settings are small numbers."),
            source=source)], source)
    except RecursionError:
        return ParsedJson(None, [make_finding(
            "CAM003", (), N_("{source} is nested too deeply to be a camera config."),
            N_("A camera config is one flat JSON object; check that you chose the right file."),
            source=source)], source)

    findings: list[Finding] = []
    if constants:
        line, column = LineIndex(text).where(_find_bare_constant(text))
        findings.append(make_finding(
            "CAM003", (), N_("{source}, line {line}, column {column}: {word} is not a JSON number."),
            N_("Write a plain number instead of {word}."),
            source=source, word=constants[0], line=line, column=column))
        return ParsedJson(None, findings, source)
    if duplicates:
        findings.extend(_duplicate_findings(text, source))
    if not isinstance(data, dict):
        findings.append(make_finding(
            "CAM004", (), N_("{source} holds {found}, but a config is one JSON object in braces."),
            N_("Put the keys in one object: {{\"internalCameraName\": \"0\", \"cameraRotationAngle\": 90}}."),
            source=source, found=shown(data)))
    return ParsedJson(data, findings, source, text if isinstance(data, dict) else "")


def locate_findings(findings: list[Finding], key_positions: dict[str, tuple[int, int]]) -> list[Finding]:
    """Give findings that have no position the position of their first key in the text."""
    located = []
    for finding in findings:
        if finding.line is None:
            where = next((key_positions[key] for key in finding.keys if key in key_positions), None)
            if where is not None:
                finding = replace(finding, line=where[0], column=where[1])
        located.append(finding)
    return located


def decode_utf8(raw: bytes, source: str) -> str | Finding:
    wide = wide_encoding(raw)  # UTF-16/32, with or without a byte order mark
    if wide is not None:
        message = N_("{source} is UTF-32 text, not UTF-8.") if wide == "UTF-32" else N_("{source} is UTF-16 text, not UTF-8.")
        return make_finding("CAM002", (), message,
                            N_("Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)."),
                            source=source, line=1, column=1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return make_finding(
            "CAM002", (), N_("{source} is not UTF-8 text: byte {offset} (line {line}, column {column}) is not valid UTF-8."),
            N_("Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8); Chinese Windows editors often save as GBK."),
            source=source, offset=exc.start, line=line, column=column)


def _malformed(text: str, exc: json.JSONDecodeError, source: str) -> Finding:
    problem = _PROBLEMS.get(exc.msg, exc.msg)
    before = text[:exc.pos].rstrip()
    at = text[exc.pos:exc.pos + 1]
    if before.endswith(",") and at in ("}", "]"):
        problem = _TRAILING_COMMA
    if exc.msg.startswith("Illegal trailing comma"):  # Python 3.13 names it itself
        problem = _TRAILING_COMMA
    if exc.pos >= len(text.rstrip()) and text.strip():
        # json says what it expected next (a comma, a value) at the end of the text, which
        # reads as if an item were wrong; what happened is that the text stopped.
        problem = _ENDS_EARLY
    return make_finding(
        "CAM003", (), N_("{source}, line {line}, column {column}: the JSON is malformed: {problem}."),
        N_("Correct the JSON at line {line}, column {column}; a JSON checker or camtool export shows the valid form."),
        source=source, problem=LazyText(problem), line=exc.lineno, column=exc.colno)


def _find_bare_constant(text: str) -> int:
    """Offset of the first NaN/Infinity outside a string (the text is otherwise valid JSON)."""
    for match in _STRING_OR_CONSTANT.finditer(text):
        if match.group(1):
            return match.start()
    return 0


# A string followed by a colon is a key (in valid JSON nothing else is); braces and brackets
# give the depth. Commas, numbers, literals and whitespace need no attention.
_TOKEN = re.compile(r'("[^"\\]*(?:\\.[^"\\]*)*")(\s*:)?|[{}\[\]]', re.DOTALL)


def _object_keys(text: str):
    """Walk valid JSON text; yield (depth, key, offset, repeated) for every key of every object."""
    stack: list[set[str] | None] = []  # the keys met so far in each open object; None for an array
    for match in _TOKEN.finditer(text):
        string, colon = match.group(1, 2)
        if colon is not None:
            keys = stack[-1]
            key = json.loads(string) if "\\" in string else string[1:-1]
            yield len(stack), key, match.start(), key in keys
            keys.add(key)
        elif string is None:
            bracket = match.group()
            if bracket == "{":
                stack.append(set())
            elif bracket == "[":
                stack.append(None)
            else:
                stack.pop()


def top_level_key_positions(text: str, keys: Iterable[str] | None = None) -> dict[str, tuple[int, int]]:
    """Line and column of each key of the top-level object (of its last occurrence, the one that
    counts), or only of `keys`. One pass, and no work for the keys nobody asks about: a config
    with 100,000 keys has findings about a handful."""
    wanted = None if keys is None else set(keys)
    if wanted is not None and not wanted:
        return {}
    offsets: dict[str, int] = {}
    depth = 0
    for match in _TOKEN.finditer(text):
        string, colon = match.group(1, 2)
        if colon is not None:
            if depth == 1:
                key = json.loads(string) if "\\" in string else string[1:-1]
                if wanted is None or key in wanted:
                    offsets[key] = match.start()
        elif string is None:
            depth += 1 if match.group() in "{[" else -1
    if not offsets:
        return {}
    where = LineIndex(text).where
    return {key: where(offset) for key, offset in offsets.items()}


def _duplicate_findings(text: str, source: str) -> list[Finding]:
    findings: list[Finding] = []
    lines = LineIndex(text)
    for _, key, offset, repeated in _object_keys(text):
        if not repeated:
            continue
        line, column = lines.where(offset)
        findings.append(make_finding(
            "CAM005", (key,),
            N_("{source}, line {line}: the key {key} is given a second time in the same object; "
               "the device keeps only the last value, silently."),
            N_("Delete one of the two {key} entries, keeping the value you mean."),
            source=source, key=printable(key), line=line, column=column))
    return findings
