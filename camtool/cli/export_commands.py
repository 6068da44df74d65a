"""`camtool export`: a config out as canonical JSON, one line, Kotlin or Java (or a receiver).

Exit codes (docs/architecture.md, Exit codes): 0 exported; 1 the config has errors (nothing exported)
or the output cannot be written; 2 usage error. Exports go to stdout (as UTF-8 bytes,
whatever the console code page) or atomically to -o FILE; findings go to stderr, so a pipe
receives only the export. `camtool profiles export` shares the options and the writing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from camtool import exitcodes
from camtool.cli.config_commands import format_findings_text, load_and_validate, use_colour
from camtool.config.atomic import atomic_write_text
from camtool.config.errors import ConfigError
from camtool.config.export import export_config, export_formats
from camtool.config.findings import Finding, Severity, has_errors
from camtool.config.versions import VersionError, parse_version
# Imported for its side effect: it registers the device layer's "kotlin-receiver" export format.
import camtool.device.receiver_export  # noqa: F401
from camtool.i18n import N_, tr

def add_export(parser: argparse.ArgumentParser) -> None:
    parser.description = tr(N_("Export a config (JSON, or a Kotlin/Java snippet) with the camera keys first. "
                               "Refuses a config with error findings unless --allow-errors. "
                               "Exit 0: exported; 1: errors, nothing exported; 2: usage error."))
    parser.add_argument("path", metavar="PATH", help=tr(N_("The config file, or - for standard input.")))
    parser.add_argument("--from", dest="from_", choices=("json", "kotlin", "java"), default=None,
                        help=tr(N_("Read the input as this format (default: from the file name).")))
    add_export_options(parser)
    parser.set_defaults(handler=run_export)


PARSERS = {"export": add_export}


def add_export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", choices=export_formats(), default="json",
                        help=tr(N_("Export format (default: json).")))
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help=tr(N_("Write to FILE (atomically) instead of standard output.")))
    parser.add_argument("--allow-errors", action="store_true",
                        help=tr(N_("Export even when the config has error findings.")))
    parser.add_argument("--wmpf-version", metavar="X.Y.Z", default=None,
                        help=tr(N_("The device's WMPF version: also check that it reads every key.")))


def run_export(args: argparse.Namespace) -> int:
    if not wmpf_version_ok(args, "export"):
        return exitcodes.USAGE
    source = "<stdin>" if args.path == "-" else args.path
    data, findings = load_and_validate(args.path, args.from_, wmpf_version=args.wmpf_version)
    return export_checked(data, findings, source, args)


def export_checked(data: dict | None, findings: list[Finding], source: str, args: argparse.Namespace) -> int:
    errors = has_errors(findings)
    if data is None or (errors and not args.allow_errors):
        print_findings(source, findings)
        if data is not None:
            print(tr(N_("Not exported: the config has errors. Correct them, or export anyway with --allow-errors.")),
                  file=sys.stderr)
        return exitcodes.NO
    if any(f.severity is not Severity.INFO for f in findings):
        print_findings(source, [f for f in findings if f.severity is not Severity.INFO])
    try:
        text = export_config(data, args.to)
    except ConfigError as exc:
        print(tr(N_("Not exported: {reason}"), reason=exc.message), file=sys.stderr)
        return exitcodes.NO
    if args.output and args.output != "-":  # `-o -`: standard output, as for most tools
        try:
            atomic_write_text(Path(args.output), text)
        except OSError as exc:
            print(tr(N_("Cannot write {path}: {reason}. The old file, if any, is unchanged."),
                     path=args.output, reason=exc.strerror or str(exc)), file=sys.stderr)
            return exitcodes.NO
        print(tr(N_("Wrote {path}."), path=args.output), file=sys.stderr)
    else:
        write_stdout(text)
    return exitcodes.OK


def wmpf_version_ok(args: argparse.Namespace, command: str) -> bool:
    if args.wmpf_version is None:
        return True
    try:
        parse_version(args.wmpf_version)
        return True
    except VersionError as exc:
        print(tr(N_("camtool {command}: --wmpf-version: {error}"), command=command, error=str(exc)), file=sys.stderr)
        return False


def write_stdout(text: str) -> None:
    # Exports are UTF-8 by contract; a Windows console code page must not turn them into '?'.
    binary = getattr(sys.stdout, "buffer", None)
    if binary is not None:
        sys.stdout.flush()
        binary.write(text.encode("utf-8"))
        binary.flush()
    else:
        sys.stdout.write(text)


def print_findings(source: str, findings: list[Finding], stream=None) -> None:
    stream = stream or sys.stderr
    stream.write(format_findings_text(source, findings, colour=use_colour(stream)))
