"""The `camtool` command line: one argparse parser, one module of commands per layer.

Each command module has `register(subparsers)`, adding parsers whose `handler(args) -> int`
returns an exit code from `camtool.exitcodes`. The GUI is imported lazily (only `camtool`
with no command, or `camtool gui`, loads Qt).
"""

from __future__ import annotations

import argparse
import sys
import traceback

from camtool import __version__, exitcodes
from camtool.i18n import N_, set_language, tr

# Order = order in `camtool --help`.
_COMMAND_MODULES = (
    "camtool.cli.gui_commands",
    "camtool.cli.config_commands",
    "camtool.cli.profile_commands",
    "camtool.cli.device_commands",
    "camtool.cli.virtual_commands",
    "camtool.cli.vision_commands",
    "camtool.cli.verify_commands",
    "camtool.cli.lab_commands",
)


class _Parser(argparse.ArgumentParser):
    """argparse with translated help; usage errors exit 2 (argparse's own convention)."""


def build_parser() -> argparse.ArgumentParser:
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
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    _add_common_options_everywhere(parser)
    return parser


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
        parser = build_parser()
        args = parser.parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None:  # no command: the window, as a technician expects from a desktop tool
            from camtool.cli.gui_commands import run_gui

            return run_gui(args)
        return int(handler(args))
    except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else exitcodes.USAGE
    except KeyboardInterrupt:
        print(tr(N_("Interrupted.")), file=sys.stderr)
        return 130
    except Exception as exc:  # an internal bug: one line, the traceback only on request
        if debug:
            traceback.print_exc()
        print(tr(N_("camtool hit an internal error ({error}). Please report it; run again with --debug to see the traceback."),
                 error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return exitcodes.INTERNAL
