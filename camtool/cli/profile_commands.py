"""`camtool profiles ...`: the per-SKU library on the command line.

Exit codes (docs/architecture.md, Exit codes): 0 ok; 1 the answer is "no" (error findings, a profile
that is missing or cannot be saved, `profiles diff` found differences); 2 usage error.
`profiles export` writes like `camtool export` (camtool/cli/export_commands.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

from camtool import exitcodes
from camtool.cli.config_commands import format_findings_text, use_colour, validation_json
from camtool.cli.export_commands import add_export_options, export_checked, print_findings, wmpf_version_ok, write_stdout
from camtool.config.errors import ConfigError
from camtool.config.export import export_config
from camtool.config.findings import has_errors
from camtool.config.profiles import NOT_SET, ProfileLibrary, default_library_dir, profile_to_text, sku_problem
from camtool.i18n import N_, tr
from camtool.resources import shipped_profiles_dir


def add_profiles(profiles: argparse.ArgumentParser) -> None:
    """`profiles list|show|new|validate|diff|export`."""
    profiles.description = tr(N_("The per-SKU profile library: one JSON file per device SKU."))
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
    new.add_argument("--description-zh-cn", metavar="TEXT", default=None,
                     help=tr(N_("The same line in Simplified Chinese (shown when camtool speaks Chinese).")))
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
    add_export_options(export_profile)
    export_profile.set_defaults(handler=run_export_profile)

    for sub in (listing, show, new, check, diff, export_profile):
        _add_library_option(sub)  # `--profiles DIR` before or after the sub-command


PARSERS = {"profiles": add_profiles}


def _add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profiles", dest="profiles_dir", metavar="DIR", default=argparse.SUPPRESS,
                        help=tr(N_("The profile library folder (default: {folder})."), folder=str(default_library_dir())))


# --- export ------------------------------------------------------------------------------

def run_export_profile(args: argparse.Namespace) -> int:
    if not wmpf_version_ok(args, "profiles export"):
        return exitcodes.USAGE
    from camtool.config.rules import validate

    library = _library(args)
    profile, findings = library.read(args.sku)
    if profile is not None:
        config, chain_findings = library.resolve(profile)
        findings = findings + chain_findings
    if profile is None or has_errors(findings):  # a profile that cannot be resolved has no config to export
        print_findings(args.sku, findings)
        return exitcodes.NO
    return export_checked(config, findings + validate(config, wmpf_version=args.wmpf_version), args.sku, args)


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
                     "description_zh_CN": profile.description_zh_cn if profile else None,
                     "shown": profile.shown_description() if profile else None,
                     "extends": profile.extends if profile else None, "readable": profile is not None})
    if args.format == "json":  # the same in every language: both descriptions as the files have them
        machine = [{k: v for k, v in row.items() if k != "shown"} for row in rows]
        print(json.dumps({"library": str(library.directory), "profiles": machine}, ensure_ascii=False, indent=2))
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
            note = tr(N_("{description} (extends {parent})"), description=row["shown"], parent=row["extends"])
        else:
            note = row["shown"]
        print(f"{row['sku'].ljust(width)}  {note}")
    return exitcodes.OK


def run_show(args: argparse.Namespace) -> int:
    library = _library(args)
    profile, findings = library.read(args.sku)
    if profile is None:
        print_findings(args.sku, findings)
        return exitcodes.NO
    write_stdout(profile_to_text(profile))
    if has_errors(findings):  # e.g. the sku inside does not match the file name
        print_findings(args.sku, findings)
        return exitcodes.NO
    if profile.extends:
        config, chain_findings = library.resolve(profile)
        if chain_findings:
            print_findings(args.sku, chain_findings)
            return exitcodes.NO
        print(tr(N_("Resolved config (with what it inherits from {parent}):"), parent=profile.extends))
        write_stdout(export_config(config, "json"))
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
        library.new(args.sku, args.extends, description=args.description, description_zh_cn=args.description_zh_cn)
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
    if not wmpf_version_ok(args, "profiles validate"):
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
        print_findings(source, exc.findings)
    return exitcodes.NO
