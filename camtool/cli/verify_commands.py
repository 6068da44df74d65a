"""`camtool verify`: the orientation check on both ends of a call (filled in by #6)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `verify` to `camtool`."""
