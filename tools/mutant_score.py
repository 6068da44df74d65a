"""Print the mutation score of each module `make mutants` covers; exit 1 when one is under the bar.

mutmut 3 keeps one `<file>.py.meta` JSON per mutated file under `mutants/`, mapping each
mutant's name to the exit code of the tests run against it. This reads those files (mutmut's
own summary is one number for the whole run) and groups them by the three modules the
project holds to the bar: the config layer, the verdict, the device parsers.

Killed = the tests failed (exit 1 or 3) or ran past the timeout (the mutant made them hang, which
the suite notices too), as mutmut's own badge counts them. Survived, "no tests" and
"suspicious" count against the score; mutants not checked yet are listed apart.

    python tools/mutant_score.py [--min 85] [--files] [--survivors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

MUTANTS = Path("mutants")
#: The verdict was split by responsibility (its sentences, what the observations teach, the
#: keys it recommends); it is still scored as the one module the issue named.
MODULES = {
    "camtool/config": ("camtool/config/",),
    "camtool/vision/verdict.py": ("camtool/vision/verdict.py", "camtool/vision/explanations.py",
                                  "camtool/vision/behaviour_learning.py", "camtool/vision/recommendation.py"),
    "camtool/device/parsers": ("camtool/device/parsers/",),
}
KILLED_CODES = {1, 3}
TIMEOUT_CODES = {36, 24, -24, 152, 255}
# mutmut's "skipped" (34) and "caught by type check" (37) are not tested mutants; leave them out.
NOT_COUNTED = {34, 37}


def _module_of(source: str) -> str | None:
    for name, prefixes in MODULES.items():
        if any(source == prefix or source.startswith(prefix) for prefix in prefixes):
            return name
    return None


def read_results(root: Path) -> dict[str, dict[str, int | None]]:
    """{source file: {mutant name: exit code or None}} for every mutated file under `root`."""
    results = {}
    for meta in sorted(root.rglob("*.py.meta")):
        source = meta.relative_to(root).as_posix()[: -len(".meta")]
        data = json.loads(meta.read_text(encoding="utf-8"))
        results[source] = data.get("exit_code_by_key", {})
    return results


def tally(codes: dict[str, int | None]) -> Counter:
    count = Counter()
    for code in codes.values():
        if code is None:
            count["unchecked"] += 1
        elif code in NOT_COUNTED:
            count["skipped"] += 1
        elif code in KILLED_CODES or code in TIMEOUT_CODES:
            count["killed"] += 1
        else:
            count["survived"] += 1
    return count


def _line(name: str, count: Counter) -> str:
    tested = count["killed"] + count["survived"]
    score = 100.0 * count["killed"] / tested if tested else 0.0
    extra = f"  ({count['unchecked']} not checked yet)" if count["unchecked"] else ""
    return f"{name:<42} {count['killed']:>5}/{tested:<5} {score:6.1f}%{extra}", score, tested


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=85.0, help="the bar for each module, in percent")
    parser.add_argument("--files", action="store_true", help="also print the score of each file")
    parser.add_argument("--survivors", action="store_true", help="also list the mutants that survived")
    parser.add_argument("--root", type=Path, default=MUTANTS, help="mutmut's work folder")
    args = parser.parse_args(argv)

    results = read_results(args.root)
    if not results:
        print(f"No mutation results under {args.root}/: run `make mutants` first.", file=sys.stderr)
        return 2

    by_module: dict[str, Counter] = {name: Counter() for name in MODULES}
    survivors = []
    for source, codes in results.items():
        module = _module_of(source)
        if module is None:
            continue
        count = tally(codes)
        by_module[module] += count
        if args.files:
            print("  " + _line(source, count)[0])
        survivors += [name for name, code in codes.items() if code is not None and code not in (
            KILLED_CODES | TIMEOUT_CODES | NOT_COUNTED)]

    print(f"{'module':<42} killed/tested  score   (bar {args.min:g}%)")
    failed = []
    for name, count in by_module.items():
        text, score, tested = _line(name, count)
        print(text)
        if not tested or score < args.min:
            failed.append(name)
    if args.survivors:
        print("\nsurvivors (`mutmut show NAME` shows the change):")
        for name in sorted(survivors):
            print("  " + name)
    if failed:
        print(f"\nUnder the bar or not run: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
