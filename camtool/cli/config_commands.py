"""`camtool validate`, `camtool schema`, `camtool rules`: the config core on the command line.

Exit codes (docs/architecture.md, Exit codes): 0 no error finding, 1 at least one (an unreadable or
broken file included), 2 usage error such as a --wmpf-version that is not X.Y.Z.

This module is on the path of every `camtool validate`: it imports only the config rules
(no pydantic, numpy, OpenCV, PyAV or Qt), so that a script validating many configs, or a
shell loop, does not pay for the window's libraries (tests/cli/test_cli_imports.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, TextIO

from camtool import exitcodes
from camtool.config.findings import Finding, Severity, has_errors
from camtool.config.rules import validate_file, validate_text
from camtool.config.rules_codes import printable
from camtool.config.versions import VersionError, parse_version
from camtool.i18n import N_, join_list, tr

SEVERITY_NAMES = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning"), Severity.INFO: N_("info")}
_HEADINGS = {Severity.ERROR: N_("Errors"), Severity.WARNING: N_("Warnings"), Severity.INFO: N_("Information")}
_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}
_DIM, _RESET = "\033[2m", "\033[0m"
#: What `camtool validate DIR` picks up in a folder: config JSON and the snippets it can read.
CONFIG_SUFFIXES = (".json", ".kt", ".kts", ".java")


def add_validate(parser: argparse.ArgumentParser) -> None:
    parser.description = tr(N_(
        "Check configs (JSON, or Kotlin/Java snippets) against the WMPF camera rules. A folder stands for the "
        "*.json, *.kt, *.kts and *.java files directly in it. Exit 0: no error; 1: at least one error in any file; "
        "2: usage error."))
    parser.add_argument("paths", metavar="PATH", nargs="+",
                        help=tr(N_("A config file, a folder of configs, or - for standard input.")))
    parser.add_argument("--wmpf-version", metavar="X.Y.Z", default=None,
                        help=tr(N_("The device's WMPF version: also check that it reads every key.")))
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=tr(N_("Output format (json: one object for one file; an array of them for several "
                                   "files or a folder).")))
    parser.add_argument("--from", dest="from_", choices=("json", "kotlin", "java"), default=None,
                        help=tr(N_("Read the input as this format (default: from the file name).")))
    parser.add_argument("--serial", metavar="S", default=None,
                        help=tr(N_("Also check the config against this connected device (its cameras and WMPF version).")))
    parser.set_defaults(handler=run_validate)


def add_schema(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(handler=run_schema)


def add_rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "markdown"), default="text", help=tr(N_("Output format.")))
    parser.set_defaults(handler=run_rules)


PARSERS = {"validate": add_validate, "schema": add_schema, "rules": add_rules}


# --- validate --------------------------------------------------------------------------------

def run_validate(args: argparse.Namespace) -> int:
    if args.wmpf_version is not None:
        try:
            parse_version(args.wmpf_version)
        except VersionError as exc:
            print(tr(N_("camtool validate: --wmpf-version: {error}"), error=str(exc)), file=sys.stderr)
            return exitcodes.USAGE
    if args.paths.count("-") > 1:
        print(tr(N_("camtool validate: standard input (-) can be read only once.")), file=sys.stderr)
        return exitcodes.USAGE
    results: list[tuple[str, list[Finding]]] = []
    for path, listed in config_paths(args.paths):
        source = "<stdin>" if path == "-" else path
        if listed is not None:  # a folder with no config in it: nothing checked is no "ok"
            results.append((source, [listed]))
            continue
        if getattr(args, "serial", None):
            findings = _validate_on_device(args, path)
            if isinstance(findings, int):
                return findings
        else:
            _data, findings = load_and_validate(path, args.from_, wmpf_version=args.wmpf_version)
        results.append((source, findings))
    # One file keeps the single object of camtool <= 0.x; several files or a folder give an array.
    batch = len(args.paths) > 1 or any(path != "-" and os.path.isdir(path) for path in args.paths)
    if args.format == "json":
        reports = [validation_json(source, findings) for source, findings in results]
        write_out(json.dumps(reports if batch else reports[0], ensure_ascii=False, indent=2) + "\n")
    else:
        write_out(format_batch_text(results, colour=use_colour(sys.stdout), summary=batch))
    return exitcodes.NO if any(has_errors(findings) for _, findings in results) else exitcodes.OK


def config_paths(paths: list[str]) -> list[tuple[str, Finding | None]]:
    """The files to check, in the order given, a folder replaced by its configs sorted by name.

    A folder without any config comes back as itself with a CAM001 finding: a CI job pointed at
    the wrong folder must fail, not pass having checked nothing."""
    from camtool.config.jsonread import no_configs_in_folder

    files: list[tuple[str, Finding | None]] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            files.append((path, None))
            continue
        try:
            entries = sorted(os.scandir(path), key=lambda entry: entry.name)
        except OSError:
            files.append((path, None))  # read_json_file reports it as CAM001 with the reason
            continue
        found = [entry.path for entry in entries
                 if entry.name.lower().endswith(CONFIG_SUFFIXES) and not entry.name.startswith(".")
                 and entry.is_file()]
        files.extend((name, None) for name in found)
        if not found:
            files.append((path, no_configs_in_folder(printable(path), CONFIG_SUFFIXES)))
    return files


def format_batch_text(results: list[tuple[str, list[Finding]]], *, colour: bool = False, summary: bool = True) -> str:
    """Each file's findings under its name; for several files, a last line counting the files with errors."""
    blocks = [format_findings_text(printable(source), findings, colour=colour) for source, findings in results]
    text = "\n".join(blocks)
    if summary:
        failed = sum(1 for _, findings in results if has_errors(findings))
        text += "\n" + tr(N_("{files} file(s) checked: {failed} with errors."), files=len(results), failed=failed) + "\n"
    return text


def _validate_on_device(args: argparse.Namespace, path: str) -> list[Finding] | int:
    """The config rules plus the device-aware ones; the device's WMPF replaces --wmpf-version."""
    from camtool.device.adb_io import AdbDeviceIO
    from camtool.device.apply import validate_on_device
    from camtool.device.errors import DeviceError

    try:
        return validate_on_device(path, AdbDeviceIO(), args.serial, from_=args.from_,
                                  wmpf_version=args.wmpf_version).findings
    except DeviceError as exc:
        print(exc.describe(), file=sys.stderr)
        return exc.exit_code


def write_out(text: str) -> None:
    """Write to stdout; a character the console's encoding lacks becomes an escape, not a crash.

    For JSON output the escape of a lone surrogate, \\udXXX, is itself valid JSON."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))


def load_and_validate(path: str, from_: str | None = None, *,
                      wmpf_version: str | None = None) -> tuple[dict | None, list[Finding]]:
    """Read any supported input and run the rules.

    JSON is read here, so rule findings point at the line of their key; Kotlin and Java
    snippets go through camtool.config.imports (when that importer is installed).
    """
    if _is_json_input(path, from_):
        if path == "-":
            from camtool.config.jsonread import MAX_FILE_BYTES

            stream = getattr(sys.stdin, "buffer", sys.stdin)
            return validate_text(stream.read(MAX_FILE_BYTES + 1), "<stdin>", wmpf_version=wmpf_version)
        return validate_file(path, wmpf_version=wmpf_version)
    from camtool.config import imports

    return imports.load_and_validate(path, from_, wmpf_version=wmpf_version)


def _is_json_input(path: str, from_: str | None) -> bool:
    if from_ is not None:
        return from_ == "json"
    return path == "-" or os.path.splitext(path)[1].lower() not in (".kt", ".kts", ".java")


def validation_json(source: str, findings: list[Finding]) -> dict[str, Any]:
    """The machine-readable result (contracts): codes, keys and severities never change with the language."""
    return {"source": source, "valid": not has_errors(findings), "findings": [f.to_json() for f in findings]}


def use_colour(stream: TextIO) -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def format_findings_text(source: str, findings: list[Finding], *, colour: bool = False) -> str:
    """Findings grouped by severity, each with its keys and position, and the fix under it."""
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    lines = [tr(N_("{source}: {errors} error(s), {warnings} warning(s), {infos} info"), source=source,
                errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], infos=counts[Severity.INFO])]
    for severity in Severity:
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        lines.append("")
        lines.append(paint(tr(_HEADINGS[severity]), _COLOURS[severity]))
        for finding in group:
            head = f"  {paint(finding.code, _COLOURS[severity])}"
            if finding.keys:
                head += "  " + join_list(printable(key) for key in finding.keys)
            if finding.line is not None:
                head += "  " + tr(N_("(line {line}, column {column})"), line=finding.line, column=finding.column)
            lines.append(head)
            lines.append(f"    {finding.message}")
            lines.append(paint("    " + tr(N_("Fix: {fix}"), fix=finding.fix), _DIM))
    if not has_errors(findings):
        lines.append("")
        lines.append(tr(N_("No errors: WMPF can use this config.")))
    return "\n".join(lines) + "\n"


# --- schema and rules ------------------------------------------------------------------------

def run_schema(args: argparse.Namespace) -> int:
    # The shipped file, generated from the model (tools/gen_schema.py, checked by the tests):
    # building it here would load pydantic, a third of a second before the first byte.
    from camtool.resources import SCHEMA_FILE, resource

    try:
        text = resource(SCHEMA_FILE).read_text(encoding="utf-8")
    except OSError:   # an installation without the file: the model still knows the schema
        from camtool.config.model import schema_text

        text = schema_text()
    write_out(text)
    return exitcodes.OK


def run_rules(args: argparse.Namespace) -> int:
    write_out(rules_markdown() if args.format == "markdown" else rules_text())
    return exitcodes.OK


def all_rules() -> tuple:
    """Every rule catalogue: the config rules, the device-aware ones (CAM6xx), snippet and profile codes."""
    from camtool.config.rules_codes import ALL_RULES

    return ALL_RULES


def rules_text() -> str:
    """The rule table for a terminal: code, severity, title (translated; codes are not)."""
    width = max(len(tr(name)) for name in SEVERITY_NAMES.values())
    return "".join(f"{rule.code}  {tr(SEVERITY_NAMES[rule.severity]).ljust(width)}  {rule.title}\n"
                   for rule in all_rules())


def rules_document() -> str:
    """docs/rules.md in the current language: the numbering scheme, the table, the assumptions."""
    from camtool.config.rules_codes import ASSUMPTIONS, CODE_RANGES

    parts = [f"## {tr(N_('Rules of camtool validate'))}", "",
             tr(N_("Every finding has a stable code; scripts match on the code, never on the message.")), "",
             f"### {tr(N_('Code ranges'))}", ""]
    parts += [f"- `{prefix}`{tr(N_(': '))}{tr(text)}" for prefix, text in CODE_RANGES]  # "：" in Chinese
    parts += ["", f"### {tr(N_('Rules'))}", "", rules_markdown().rstrip("\n"), "",
              f"### {tr(N_('Assumptions the rules rest on'))}", ""]
    parts += [f"- {tr(text)}" for text in ASSUMPTIONS]
    return "\n".join(parts) + "\n"


def rules_markdown() -> str:
    """The rule table as Markdown, in the current language (tools/gen_rules_doc.py writes both)."""
    lines = [f"| {tr(N_('code'))} | {tr(N_('severity'))} | {tr(N_('rule'))} |", "|---|---|---|"]
    for rule in all_rules():
        title = rule.title.replace("|", "\\|")
        lines.append(f"| `{rule.code}` | {tr(SEVERITY_NAMES[rule.severity])} | {title} |")
    return "\n".join(lines) + "\n"
