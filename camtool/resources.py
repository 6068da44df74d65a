"""Finds the top-level `resources/` and `profiles/` folders, installed or in a checkout."""

from __future__ import annotations

from importlib import resources as _ir
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
#: The config's JSON Schema as `camtool schema` prints it, generated from the model by tools/gen_schema.py.
SCHEMA_FILE = "camera-config.schema.json"


def _folder(name: str) -> Path:
    # Installed wheel: force-included under camtool/_data/<name>. Checkout/editable: top level.
    installed = Path(str(_ir.files("camtool"))) / "_data" / name
    if installed.is_dir():
        return installed
    return _CHECKOUT / name


def resources_dir() -> Path:
    return _folder("resources")


def shipped_profiles_dir() -> Path:
    return _folder("profiles")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
