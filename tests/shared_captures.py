"""Real devices' captures in ../shared/captures (beside the checkout), read by the device tests.

On a developer's machine without that folder the tests that need it skip; in CI (CI set)
the folder is laid beside the checkout, so a missing one is a failure, not a quiet skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_CAPTURES = Path(__file__).resolve().parents[1].parent / "shared" / "captures"


def missing_shared_capture(path: Path) -> None:
    """Skip (or, in CI, fail) the calling test because `path` is not there."""
    message = f"real capture {path} not present (the shared captures folder sits beside the checkout)"
    if os.environ.get("CI"):
        pytest.fail(message + "; CI lays it there, so its absence is a broken setup", pytrace=False)
    pytest.skip(message)


def shared_capture_path(name: str) -> Path:
    path = SHARED_CAPTURES / name
    if not path.is_file():
        missing_shared_capture(path)
    return path


def read_shared_capture(name: str) -> str:
    return shared_capture_path(name).read_text(encoding="utf-8")
