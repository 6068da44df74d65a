"""Write docs/cli.md from camtool's argparse parser (contract 2: one page lists every command).

    python tools/gen_cli_doc.py          # rewrite docs/cli.md
    python tools/gen_cli_doc.py --check  # exit 1 when docs/cli.md is out of date
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXIT_CODES = """| code | meaning |
|---|---|
| 0 | ok |
| 1 | the answer is "no": error findings, a failed check, no chart visible, the device refused |
| 2 | usage error |
| 3 | adb or the device unavailable: no adb, no such serial, offline, unauthorized |
| 70 | internal error of camtool (one line; the traceback with `--debug`) |
"""


def _walk(parser: argparse.ArgumentParser, path: list[str]):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _walk(sub, path + [name])


#: How the page names the per-user profile folder: the real one depends on HOME and the OS
#: (a page holding the maintainer's /root/... would fail the check for everybody else).
PROFILE_FOLDER_WORDS = "the per-user data folder, e.g. ~/.local/share/camtool/profiles on Linux"


def _machine_independent_defaults() -> None:
    import camtool.cli.profile_commands as profile_commands

    profile_commands.default_library_dir = lambda: PROFILE_FOLDER_WORDS


def render() -> str:
    os.environ["COLUMNS"] = "100"  # stable wrapping whatever the terminal
    from camtool import i18n
    from camtool.cli import build_parser

    i18n.set_language("en")
    _machine_independent_defaults()
    parser = build_parser()
    out = ["# camtool command line", "",
           "Generated from the parser by `tools/gen_cli_doc.py`; do not edit by hand.", "",
           "Every command follows the same exit codes (docs/architecture.md, Exit codes):", "", EXIT_CODES]
    for path, sub in _walk(parser, ["camtool"]):
        out += [f"## `{' '.join(path)}`", "", "```", sub.format_help().rstrip(), "```", ""]
    return "\n".join(out)


def main() -> int:
    target = ROOT / "docs" / "cli.md"
    text = render()
    if "--check" in sys.argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print("docs/cli.md is out of date: run python tools/gen_cli_doc.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
