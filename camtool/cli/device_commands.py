"""CLI commands of the `device` layer (filled in by its issue)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this layer's commands to `camtool`."""
