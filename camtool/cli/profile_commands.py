"""CLI commands for exporting configs and managing the per-SKU profile library (filled in by #3)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `export` and `profiles ...` to `camtool`."""
