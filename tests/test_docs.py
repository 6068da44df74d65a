"""The generated reference pages and the shipped schema match the code (regenerate with the tools named in the message)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("tool", ["tools/gen_cli_doc.py", "tools/gen_rules_doc.py", "tools/gen_schema.py"])
def test_generated_docs_are_up_to_date(tool):
    result = subprocess.run([sys.executable, str(ROOT / tool), "--check"], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, f"{result.stdout}{result.stderr} (run: python {tool})"


def test_readme_starts_with_the_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```", 2)[1].strip().splitlines()
    assert block == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_generated_cli_page_does_not_depend_on_who_generates_it(tmp_path):
    """Another user (HOME, XDG folders) gets the same docs/cli.md: no per-user path is written into it."""
    import os

    env = {**os.environ, "HOME": str(tmp_path / "home" / "tester"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    result = subprocess.run([sys.executable, str(ROOT / "tools/gen_cli_doc.py"), "--check"], capture_output=True,
                            text=True, timeout=120, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert str(Path.home()) + "/" not in page and "/root/" not in page
