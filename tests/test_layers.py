"""The architecture contract (docs/architecture.md): the layers point one way, Qt only in camtool.gui.

The layer order is import-linter's contracts in pyproject.toml ([tool.importlinter]); the
tests below run them, plus an AST check and an import-time check for Qt.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "camtool"
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules_outside_gui():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] != "gui":
            yield path


@pytest.mark.parametrize("path", list(_modules_outside_gui()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_and_no_gui_below_gui(path):
    imported = _imports(path)
    qt = {name for name in imported if name.split(".")[0] in QT_ROOTS}
    assert not qt, f"{path.name} imports Qt ({qt}); only camtool.gui may"
    # The CLI may load the window lazily (inside a function), never at import time.
    top_level = {n for n in imported if n.startswith("camtool.gui")}
    if path.parts[-2:] != ("cli", "gui_commands.py"):
        assert not top_level, f"{path.name} imports the GUI ({top_level})"


def test_importing_the_qt_free_layers_loads_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, camtool.config, camtool.device, camtool.virtual, camtool.vision, camtool.cli;"
        "import pkgutil, importlib\n"
        "for pkg in ('camtool.config','camtool.device','camtool.virtual','camtool.vision'):\n"
        "    m = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6','shiboken6'))\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contracts_are_kept():
    """config < device < vision < virtual | lab < gui < cli; i18n, resources, printable, exitcodes below all.

    In a child process: import-linter configures logging with dictConfig, which disables every
    logger that already exists (later tests that read camtool's log records then see nothing).
    """
    pyproject = PACKAGE.parent / "pyproject.toml"
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filename={str(pyproject)!r}, no_cache=True, no_logo=True))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_layers_contract_names_every_top_level_part():
    """A new part of camtool must be placed in the layer order, or the contract would not see it."""
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")["layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    parts = {f"camtool.{p.stem if p.is_file() else p.name}" for p in PACKAGE.iterdir()
             if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem != "__init__")}
    assert parts - named == set(), f"not in the layer order: {sorted(parts - named)}"
