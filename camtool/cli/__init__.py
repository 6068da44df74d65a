"""The `camtool` command line: one argparse parser, one module of commands per layer.

`COMMANDS` lists every command with the module that implements it and its one-line help. A
module has `PARSERS`, mapping each of its command names to a function that fills in that
command's parser (description, arguments, `handler(args) -> int` returning an exit code from
`camtool.exitcodes`). Only the module of the command being run is imported: `camtool validate`
must start fast and load no OpenCV, numpy, PyAV, Qt or pydantic through a neighbour command.
"""

from __future__ import annotations

import argparse
import re
import sys

from camtool import __version__, exitcodes
from camtool.i18n import N_, join_list, set_language, tr

# (name, module, help), in the order of `camtool --help`. The help lives here, not in the
# module, so that `camtool --help` lists every command without importing any of them.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("gui", "camtool.cli.gui_commands", N_("Open the camtool window (the default with no command).")),
    ("validate", "camtool.cli.config_commands", N_("Check config files against the WMPF camera rules.")),
    ("schema", "camtool.cli.config_commands", N_("Print the JSON Schema of the camera keys (machine output, in English like the keys and codes).")),
    ("rules", "camtool.cli.config_commands", N_("List the codes of every rule validate applies.")),
    ("export", "camtool.cli.export_commands", N_("Export a config as JSON, one-line JSON, Kotlin or Java.")),
    ("profiles", "camtool.cli.profile_commands", N_("List, show, create, check, compare and export per-SKU profiles.")),
    ("devices", "camtool.cli.device_commands", N_("List the devices adb sees, with their state in words and what to do.")),
    ("cameras", "camtool.cli.device_commands", N_("List a device's built-in and USB cameras with the values a config needs.")),
    ("device", "camtool.cli.device_commands", N_("Device tools: record a device's answers for replay.")),
    ("apply", "camtool.cli.device_commands",
     N_("Validate a config against the device and send it to the receiver in the integrator's debug build.")),
    ("bench", "camtool.cli.device_commands",
     N_("Measure the live preview: frames/s, latency, dropped frames, CPU (virtual device by default).")),
    ("virtual", "camtool.cli.virtual_commands", N_("Run a virtual device that adb attaches like a real one (no phone needed).")),
    ("chart", "camtool.cli.vision_commands", N_("Write the printable orientation chart (PDF or PNG).")),
    ("verify", "camtool.cli.verify_commands",
     N_("Check that both ends of a call show the chart upright, and recommend the keys that fix them.")),
    ("lab", "camtool.cli.lab_commands", N_("Check many stations at once (for CI): JUnit XML and HTML reports.")),
    ("record", "camtool.cli.lab_commands",
     N_("Record both ends side by side into an MP4 clip (evidence for a bug report).")),
)


class _Parser(argparse.ArgumentParser):
    """argparse with translated help; usage errors exit 2 (argparse's own convention)."""

    def format_help(self) -> str:
        # argparse puts a half-width colon after each section title ("选项:"); a Chinese title takes "：".
        return re.sub(r"^(\S[^\n]*[\u4e00-\u9fff]):$", r"\1：", super().format_help(), flags=re.MULTILINE)

    def _check_value(self, action, value):
        # argparse joins the choices with ", " before its message is translated; a list in a
        # Chinese sentence takes 、, so the choices go through join_list.
        if action.choices is not None and value not in action.choices:
            message = argparse._("invalid choice: %(value)r (choose from %(choices)s)")
            raise argparse.ArgumentError(
                action, message % {"value": value, "choices": join_list(map(repr, action.choices))})


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command (argv None: for docs/cli.md), or, given the command line,
    with only the named command filled in; the others are listed by name and help."""
    import importlib

    parser = _Parser(
        prog="camtool",
        description=tr(N_("camtool: see, choose, check and export the camera keys of WMPF's initGlobalConfig.")),
    )
    add_common_options(parser)
    parser.add_argument("--version", action="version", version=f"camtool {__version__}",
                        help=tr(N_("Show camtool's version and exit.")))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title=tr(N_("commands")),
                                       parser_class=_Parser)
    wanted = None if argv is None else command_named(argv)
    for name, module, help_source in COMMANDS:
        sub = subparsers.add_parser(name, help=tr(help_source))
        if argv is None or name == wanted:
            importlib.import_module(module).PARSERS[name](sub)
    _add_common_options_everywhere(parser)
    return parser


def command_named(argv: list[str]) -> str | None:
    """The command argparse will pick from argv: the first word that is no option nor --lang's value."""
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif arg == "--":
            return argv[index + 1] if index + 1 < len(argv) else None
        elif not arg.startswith("-"):
            return arg
    return None


def _add_common_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """`--lang` and `--debug` work after any command too (`camtool validate x.json --lang zh`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                known = {opt for a in sub._actions for opt in a.option_strings}
                if "--lang" not in known:
                    add_common_options(sub)
                _add_common_options_everywhere(sub)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options every command accepts, before or after the command name."""
    parser.add_argument("--lang", choices=("en", "zh"), default=argparse.SUPPRESS,
                        help=tr(N_("Language of messages (default: from LANG / LC_ALL).")))
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help=tr(N_("Show the Python traceback of an internal error.")))


def _pre_scan_language(argv: list[str]) -> str | None:
    """--lang must be known before the parser is built, because help texts are translated."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from camtool.i18n import argparse_zh

    argparse_zh.install(set_language(_pre_scan_language(argv)))
    debug = "--debug" in argv
    try:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None:  # no command: the window, as a technician expects from a desktop tool
            from camtool.cli.gui_commands import run_gui

            return run_gui(args)
        code = int(handler(args))
        sys.stdout.flush()  # a reader that went away (`| head`) shows here, not at interpreter exit
        return code
    except BrokenPipeError:  # the reader of our output has gone: stop quietly, as cat and grep do
        _stdout_to_devnull()
        return 141  # 128 + SIGPIPE, what a shell reports for such a tool
    except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else exitcodes.USAGE
    except KeyboardInterrupt:
        print(tr(N_("Interrupted.")), file=sys.stderr)
        return 130
    except Exception as exc:  # an internal bug: one line, the traceback only on request
        if debug:
            import traceback

            traceback.print_exc()
        print(tr(N_("camtool hit an internal error ({error}). Please report it; run again with --debug to see the traceback."),
                 error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return exitcodes.INTERNAL


def _stdout_to_devnull() -> None:
    """Nothing more can reach the reader; Python's own flush at exit must not complain either."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (a test's capture): nothing to silence
        pass
