"""Write resources/camera-config.schema.json: the JSON Schema `camtool schema` prints.

Run from the repository: `.venv/bin/python tools/gen_schema.py` (or with --check in CI to fail
when the committed file is stale). The schema comes from the config model
(camtool/config/model.py); the command prints the shipped file, so it starts without pydantic.
"""

from __future__ import annotations

import argparse
import sys

from camtool.config.model import schema_text
from camtool.resources import SCHEMA_FILE, resource


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help=f"exit 1 when resources/{SCHEMA_FILE} is out of date")
    args = parser.parse_args(argv)
    path = resource(SCHEMA_FILE)
    text = schema_text()
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != text:
            print(f"resources/{SCHEMA_FILE} is out of date: run tools/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
