"""`camtool export` and `camtool profiles ...`: configs out as JSON/Kotlin/Java, and the per-SKU library.

Exit codes (contracts.md section 2): 0 ok; 1 the answer is "no" (error findings, a profile
that is missing or cannot be saved, `profiles diff` found differences); 2 usage error.
Exports go to stdout (as UTF-8 bytes, whatever the console code page) or atomically to
-o FILE; findings go to stderr, so a pipe receives only the export.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

from camtool import exitcodes
from camtool.cli.config_commands import format_findings_text, load_and_validate, use_colour, validation_json
from camtool.config.atomic import atomic_write_text
from camtool.config.errors import ConfigError
from camtool.config.export import export_config, export_formats
from camtool.config.findings import Finding, Severity, has_errors
from camtool.config.profiles import NOT_SET, ProfileLibrary, default_library_dir, profile_to_text, sku_problem
from camtool.config.versions import VersionError, parse_version
from camtool.i18n import N_, tr
from camtool.resources import shipped_profiles_dir

# Modules of other layers that add export formats through export.register_format when
# imported (the device layer's "kotlin-receiver"). A missing module just means fewer formats.
EXPORT_FORMAT_PROVIDERS: tuple[str, ...] = ("camtool.device.receiver_export",)


def _load_format_providers() -> None:
    for name in EXPORT_FORMAT_PROVIDERS:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the provider exists but is broken: that is a bug to report
                raise


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `export` and `profiles ...` to `camtool`."""
    _load_format_providers()
    export = subparsers.add_parser(
        "export", help=tr(N_("Export a config as JSON, one-line JSON, Kotlin or Java.")),
        description=tr(N_("Export a config (JSON, or a Kotlin/Java snippet) with the camera keys first. "
                          "Refuses a config with error findings unless --allow-errors. "
                          "Exit 0: exported; 1: errors, nothing exported; 2: usage error.")))
    export.add_argument("path", metavar="PATH", help=tr(N_("The config file, or - for standard input.")))
    export.add_argument("--from", dest="from_", choices=("json", "kotlin", "java"), default=None,
                        help=tr(N_("Read the input as this format (default: from the file name).")))
    _add_export_options(export)
    export.set_defaults(handler=run_export)

    profiles = subparsers.add_parser(
        "profiles", help=tr(N_("List, show, create, check, compare and export per-SKU profiles.")),
        description=tr(N_("The per-SKU profile library: one JSON file per device SKU.")))
    _add_library_option(profiles)
    commands = profiles.add_subparsers(dest="profiles_command", metavar="COMMAND", title=tr(N_("commands")),
                                       parser_class=type(profiles))
    commands.required = True

    listing = commands.add_parser("list", help=tr(N_("List the profiles in the library.")))
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help=tr(N_("Output format (json: one object for scripts).")))
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", help=tr(N_("Print a profile and its resolved config.")))
    show.add_argument("sku", metavar="SKU")
    show.set_defaults(handler=run_show)

    new = commands.add_parser("new", help=tr(N_("Create an empty profile, optionally extending another.")))
    new.add_argument("sku", metavar="SKU")
    new.add_argument("--extends", metavar="PARENT", default=None,
                     help=tr(N_("The profile whose config this one starts from.")))
    new.add_argument("--description", default="", help=tr(N_("One line on the device this profile is for.")))
    new.set_defaults(handler=run_new)

    check = commands.add_parser("validate", help=tr(N_("Check profiles (all of them when no SKU is given).")))
    check.add_argument("skus", metavar="SKU", nargs="*")
    check.add_argument("--wmpf-version", metavar="X.Y.Z", default=None,
                       help=tr(N_("The device's WMPF version: also check that it reads every key.")))
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help=tr(N_("Output format (json: one object for scripts).")))
    check.set_defaults(handler=run_validate_profiles)

    diff = commands.add_parser("diff", help=tr(N_("Compare the resolved configs of two profiles (exit 1 when they differ).")))
    diff.add_argument("a", metavar="A")
    diff.add_argument("b", metavar="B")
    diff.set_defaults(handler=run_diff)

    export_profile = commands.add_parser("export", help=tr(N_("Export the resolved config of a profile.")))
    export_profile.add_argument("sku", metavar="SKU")
    _add_export_options(export_profile)
    export_profile.set_defaults(handler=run_export_profile)

    for sub in (listing, show, new, check, diff, export_profile):
        _add_library_option(sub)  # `--profiles DIR` before or after the sub-command


def _add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profiles", dest="profiles_dir", metavar="DIR", default=argparse.SUPPRESS,
                        help=tr(N_("The profile library folder (default: {folder})."), folder=str(default_library_dir())))


def _add_export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", choices=export_formats(), default="json",
                        help=tr(N_("Export format (default: json).")))
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help=tr(N_("Write to FILE (atomically) instead of standard output.")))
    parser.add_argument("--allow-errors", action="store_true",
                        help=tr(N_("Export even when the config has error findings.")))
    parser.add_argument("--wmpf-version", metavar="X.Y.Z", default=None,
                        help=tr(N_("The device's WMPF version: also check that it reads every key.")))


# --- export ------------------------------------------------------------------------------

def run_export(args: argparse.Namespace) -> int:
    if not _wmpf_version_ok(args, "export"):
        return exitcodes.USAGE
    source = "<stdin>" if args.path == "-" else args.path
    data, findings = load_and_validate(args.path, args.from_, wmpf_version=args.wmpf_version)
    return _export(data, findings, source, args)


def run_export_profile(args: argparse.Namespace) -> int:
    if not _wmpf_version_ok(args, "profiles export"):
        return exitcodes.USAGE
    from camtool.config.rules import validate

    library = _library(args)
    profile, findings = library.read(args.sku)
    if profile is not None:
        config, chain_findings = library.resolve(profile)
        findings = findings + chain_findings
    if profile is None or has_errors(findings):  # a profile that cannot be resolved has no config to export
        _print_findings(args.sku, findings)
        return exitcodes.NO
    return _export(config, findings + validate(config, wmpf_version=args.wmpf_version), args.sku, args)


def _export(data: dict | None, findings: list[Finding], source: str, args: argparse.Namespace) -> int:
    errors = has_errors(findings)
    if data is None or (errors and not args.allow_errors):
        _print_findings(source, findings)
        if data is not None:
            print(tr(N_("Not exported: the config has errors. Correct them, or export anyway with --allow-errors.")),
                  file=sys.stderr)
        return exitcodes.NO
    if any(f.severity is not Severity.INFO for f in findings):
        _print_findings(source, [f for f in findings if f.severity is not Severity.INFO])
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
        _write_stdout(text)
    return exitcodes.OK


def _wmpf_version_ok(args: argparse.Namespace, command: str) -> bool:
    if args.wmpf_version is None:
        return True
    try:
        parse_version(args.wmpf_version)
        return True
    except VersionError as exc:
        print(tr(N_("camtool {command}: --wmpf-version: {error}"), command=command, error=str(exc)), file=sys.stderr)
        return False


def _write_stdout(text: str) -> None:
    # Exports are UTF-8 by contract; a Windows console code page must not turn them into '?'.
    binary = getattr(sys.stdout, "buffer", None)
    if binary is not None:
        sys.stdout.flush()
        binary.write(text.encode("utf-8"))
        binary.flush()
    else:
        sys.stdout.write(text)


def _print_findings(source: str, findings: list[Finding], stream=None) -> None:
    stream = stream or sys.stderr
    stream.write(format_findings_text(source, findings, colour=use_colour(stream)))


# --- profiles ------------------------------------------------------------------------------

def _library(args: argparse.Namespace) -> ProfileLibrary:
    directory = getattr(args, "profiles_dir", None)
    return ProfileLibrary(Path(directory) if directory else default_library_dir())


def _library_refused(library: ProfileLibrary, args: argparse.Namespace, *, must_exist: bool) -> int | None:
    """Exit 1 with the reason when the library folder cannot be read (never "no profiles", never "valid")."""
    problem = library.problem(must_exist=must_exist)
    if problem is None:
        return None
    if getattr(args, "format", "text") == "json":
        answer = {"library": str(library.directory), "error": problem.message, "profiles": []}
        if getattr(args, "profiles_command", None) == "validate":
            answer["valid"] = False
        print(json.dumps(answer, ensure_ascii=False, indent=2))
    print(problem.message, file=sys.stderr)
    return exitcodes.NO


def run_list(args: argparse.Namespace) -> int:
    library = _library(args)
    # A library not created yet is empty (the message below says where examples are); one that
    # exists but cannot be read is not.
    refused = _library_refused(library, args, must_exist=False)
    if refused is not None:
        return refused
    rows = []
    for sku in library.list():
        profile, _ = library.read(sku)
        rows.append({"sku": sku, "description": profile.description if profile else None,
                     "extends": profile.extends if profile else None, "readable": profile is not None})
    if args.format == "json":
        print(json.dumps({"library": str(library.directory), "profiles": rows}, ensure_ascii=False, indent=2))
        return exitcodes.OK
    if not rows:
        print(tr(N_("No profiles in {folder}. Examples ship with camtool: camtool profiles --profiles \"{examples}\" list"),
                 folder=str(library.directory), examples=str(shipped_profiles_dir())))
        return exitcodes.OK
    width = max(len(row["sku"]) for row in rows)
    for row in rows:
        if not row["readable"]:
            note = tr(N_("(cannot be read: camtool profiles validate {sku})"), sku=row["sku"])
        elif row["extends"]:
            note = tr(N_("{description} (extends {parent})"), description=row["description"], parent=row["extends"])
        else:
            note = row["description"]
        print(f"{row['sku'].ljust(width)}  {note}")
    return exitcodes.OK


def run_show(args: argparse.Namespace) -> int:
    library = _library(args)
    profile, findings = library.read(args.sku)
    if profile is None:
        _print_findings(args.sku, findings)
        return exitcodes.NO
    _write_stdout(profile_to_text(profile))
    if has_errors(findings):  # e.g. the sku inside does not match the file name
        _print_findings(args.sku, findings)
        return exitcodes.NO
    if profile.extends:
        config, chain_findings = library.resolve(profile)
        if chain_findings:
            _print_findings(args.sku, chain_findings)
            return exitcodes.NO
        print(tr(N_("Resolved config (with what it inherits from {parent}):"), parent=profile.extends))
        _write_stdout(export_config(config, "json"))
    return exitcodes.OK


def run_new(args: argparse.Namespace) -> int:
    for name in (args.sku, args.extends):
        problem = sku_problem(name) if name is not None else None
        if problem:
            print(tr(N_("camtool profiles new: \"{sku}\" cannot be a profile name: {problem}."),
                     sku=name, problem=tr(problem)), file=sys.stderr)
            return exitcodes.USAGE
    library = _library(args)
    try:
        library.new(args.sku, args.extends, description=args.description)
    except ConfigError as exc:
        return _refused(args.sku, exc)
    except OSError as exc:
        # The file that could not be written (a full disk, a read-only folder), not just its folder.
        print(tr(N_("Cannot write {path}: {reason}. The old file, if any, is unchanged."),
                 path=str(library.path_for(args.sku)), reason=exc.strerror or str(exc)), file=sys.stderr)
        return exitcodes.NO
    print(tr(N_("Created profile {sku} in {path}."), sku=args.sku, path=str(library.path_for(args.sku))))
    return exitcodes.OK


def run_validate_profiles(args: argparse.Namespace) -> int:
    if not _wmpf_version_ok(args, "profiles validate"):
        return exitcodes.USAGE
    library = _library(args)
    refused = _library_refused(library, args, must_exist=True)
    if refused is not None:
        return refused
    report = library.validate(args.skus or None, wmpf_version=args.wmpf_version)
    failed = any(has_errors(findings) for findings in report.values())
    if args.format == "json":
        print(json.dumps({"library": str(library.directory), "valid": not failed,
                          "profiles": [validation_json(sku, findings) for sku, findings in report.items()]},
                         ensure_ascii=False, indent=2))
        return exitcodes.NO if failed else exitcodes.OK
    if not report:
        print(tr(N_("No profiles in {folder}. Examples ship with camtool: camtool profiles --profiles \"{examples}\" list"),
                 folder=str(library.directory), examples=str(shipped_profiles_dir())))
    colour = use_colour(sys.stdout)
    for index, (sku, findings) in enumerate(report.items()):
        sys.stdout.write(("\n" if index else "") + format_findings_text(sku, findings, colour=colour))
    return exitcodes.NO if failed else exitcodes.OK


def run_diff(args: argparse.Namespace) -> int:
    library = _library(args)
    try:
        rows = library.diff(args.a, args.b)
    except ConfigError as exc:
        return _refused(args.a, exc)
    if not rows:
        print(tr(N_("{a} and {b} give the same config."), a=args.a, b=args.b))
        return exitcodes.OK
    table = [(key, _shown(a), _shown(b)) for key, a, b in rows]
    widths = [max(_width(row[i]) for row in [("", args.a, args.b), *table]) for i in range(2)]
    for key, a, b in [("", args.a, args.b), *table]:
        print(f"{_pad(key, widths[0])}  {_pad(a, widths[1])}  {b}")
    return exitcodes.NO


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two (the Chinese "(not set)" does)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _shown(value: Any) -> str:
    if value is NOT_SET:
        return tr(N_("(not set)"))
    return json.dumps(value, ensure_ascii=False)


def _refused(source: str, exc: ConfigError) -> int:
    print(exc.message, file=sys.stderr)
    if exc.findings:
        _print_findings(source, exc.findings)
    return exitcodes.NO
