"""`camtool gui` (and `camtool` with no command): the window, imported lazily so the CLI stays Qt-free."""

from __future__ import annotations

import argparse

from camtool.i18n import N_, tr


def add_gui(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--smoke", action="store_true",
                        help=tr(N_("Open offscreen on the virtual device, wait for the first frame of both ends, exit 0.")))
    parser.set_defaults(handler=run_gui)


PARSERS = {"gui": add_gui}


def run_gui(args: argparse.Namespace) -> int:
    from camtool.gui.app import run

    return run(smoke=getattr(args, "smoke", False))
