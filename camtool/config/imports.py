"""Load a config from wherever the technician has it: a .json file, stdin, or Kotlin/Java code.

One entry point for the CLI (`validate`, `export`) and the window: `load_config_source`.
It reads and parses only; the rules run separately (`load_and_validate` does both).
Nothing here raises for user input: an unreadable file, bytes that are not UTF-8 or code
that cannot be read all come back as findings with a line where there is one.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import IO, Any

from camtool.config.findings import Finding, sorted_findings
from camtool.config.jsonread import MAX_FILE_BYTES, decode_utf8, read_json_text
from camtool.config.rules_codes import make_finding
from camtool.config.snippets import read_snippet_with_positions
from camtool.i18n import N_

__all__ = ["IMPORT_FORMATS", "STDIN", "format_for", "load_config_source", "load_and_validate"]

#: What `--from` accepts; None means "from the file name" (JSON for stdin and unknown suffixes).
IMPORT_FORMATS = ("json", "kotlin", "java")
STDIN = "-"
_SUFFIXES = {".kt": "kotlin", ".kts": "kotlin", ".java": "java", ".json": "json"}


def format_for(source: str | Path, from_: str | None = None) -> str:
    """The import format of `source`: `from_` when given, else by suffix, else JSON."""
    if from_ is not None:
        if from_ not in IMPORT_FORMATS:
            raise ValueError(f"unknown import format {from_!r}; expected one of {IMPORT_FORMATS}")
        return from_
    if str(source) == STDIN:
        return "json"
    return _SUFFIXES.get(Path(source).suffix.lower(), "json")


def load_config_source(source: str | Path, from_: str | None = None,
                       stdin: IO[Any] | None = None) -> tuple[dict | None, list[Finding]]:
    """The config in `source` ("-" = standard input) and the findings about reading it.

    Returns (None, findings) when there is no JSON object to work with. The findings are
    about the text only (encoding, syntax, unreadable code); run the rules for the rest.
    """
    data, findings, _ = _load(source, from_, stdin)
    return data, findings


def load_and_validate(source: str | Path, from_: str | None = None, stdin: IO[Any] | None = None, *,
                      wmpf_version: str | None = None) -> tuple[dict | None, list[Finding]]:
    """load_config_source plus the config rules, findings sorted errors first.

    For Kotlin/Java, a rule finding about a key gets the line of that key's put(...) call.
    """
    from camtool.config.rules import validate  # the rules import the model; keep import light

    data, findings, positions = _load(source, from_, stdin)
    if data is not None:
        findings = findings + [_placed(f, positions) for f in validate(data, wmpf_version=wmpf_version)]
    return data, sorted_findings(findings)


def _load(source: str | Path, from_: str | None, stdin: IO[Any] | None
          ) -> tuple[dict | None, list[Finding], dict[str, tuple[int, int]]]:
    fmt = format_for(source, from_)
    name = "<stdin>" if str(source) == STDIN else str(source)
    raw = _read_stdin(stdin) if str(source) == STDIN else _read_file(Path(source))
    if isinstance(raw, Finding):
        return None, [raw], {}
    if fmt == "json":
        parsed = read_json_text(raw, name)
        data = parsed.data if isinstance(parsed.data, dict) else None
        return data, list(parsed.findings), {}
    # the same UTF-8 / UTF-16 diagnosis as a .json file gets
    text = decode_utf8(raw, name) if isinstance(raw, bytes) else raw
    if isinstance(text, Finding):
        return None, [text], {}
    return read_snippet_with_positions(text.removeprefix("\ufeff"), fmt, name)


def _placed(finding: Finding, positions: dict[str, tuple[int, int]]) -> Finding:
    if finding.line is not None or not finding.keys or finding.keys[0] not in positions:
        return finding
    line, column = positions[finding.keys[0]]
    return dataclasses.replace(finding, line=line, column=column)


def _read_stdin(stdin: IO[Any] | None) -> bytes | str | Finding:
    stream = sys.stdin if stdin is None else stdin
    if stream is None:  # pythonw on Windows has no console streams
        return make_finding("CAM001", (), N_("There is no standard input to read the config from."),
                            N_("Give the path of the config file instead of -."))
    binary = getattr(stream, "buffer", None)
    try:
        # bytes where possible, so a file piped in that is not UTF-8 is reported, not garbled
        return (binary or stream).read()
    except (OSError, UnicodeDecodeError) as exc:
        return make_finding("CAM001", (), N_("Standard input cannot be read: {reason}."),
                            N_("Pipe a UTF-8 config into camtool, or give the path of the file."),
                            reason=str(exc))


def _read_file(path: Path) -> bytes | Finding:
    source = str(path)
    try:
        if path.is_dir():
            return make_finding("CAM001", (), N_("{source} is a folder, not a file."),
                                N_("Give the path of the config file inside it."), source=source)
        if path.stat().st_size > MAX_FILE_BYTES:
            return make_finding("CAM001", (), N_("{source} is {size} bytes: far too big to be a camera config."),
                                N_("Check that you chose the config file (a few hundred bytes of JSON)."),
                                source=source, size=path.stat().st_size)
        return path.read_bytes()
    except FileNotFoundError:
        return make_finding("CAM001", (), N_("{source} does not exist."),
                            N_("Check the path and the file name (camtool validate PATH, or - for standard input)."),
                            source=source)
    except OSError as exc:
        return make_finding("CAM001", (), N_("{source} cannot be read: {reason}."),
                            N_("Check that the file exists and that you may read it."),
                            source=source, reason=exc.strerror or type(exc).__name__)

