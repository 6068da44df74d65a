"""Start-up cost of the quick commands: wall time of a fresh `camtool ...` process vs bare Python.

Run: .venv/bin/python benchmarks/bench_cli_start.py [--runs N]
Each command runs N times as a new process (`python -m camtool ...`, the way a script or CI
job calls it), interleaved with `python -c pass` so that machine load hits both alike. Prints
the median and best wall time per command and the ratio of the medians to bare Python (issue
14 goal for `validate`: 8x or less), and the heavy libraries each command loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAVY = ("cv2", "numpy", "av", "PySide6", "pydantic", "adbutils")
_SHOW_MODULES = ("import sys, runpy; sys.argv = ['camtool'] + sys.argv[1:]\n"
                 "try:\n    runpy.run_module('camtool', run_name='__main__')\n"
                 "except SystemExit:\n    pass\n"
                 f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")


def commands(config: str) -> dict[str, list[str]]:
    return {"validate": ["validate", config], "validate --format json": ["validate", "--format", "json", config],
            "rules": ["rules"], "schema": ["schema"], "export": ["export", config], "--help": ["--help"]}


def wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def heavy_modules(args: list[str], env: dict[str, str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _SHOW_MODULES, *args], capture_output=True, text=True, env=env)
    return json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"'))


def main() -> None:
    parser = argparse.ArgumentParser(description="Time camtool's start-up against bare Python.")
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    env = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1")
    with tempfile.TemporaryDirectory() as folder:
        config = str(Path(folder) / "ok.json")
        Path(config).write_text('{"internalCameraName": "1", "cameraRotationAngle": 90}', encoding="utf-8")
        table = commands(config)
        times: dict[str, list[float]] = {"python -c pass": [], **{name: [] for name in table}}
        for _ in range(options.runs):
            times["python -c pass"].append(wall([sys.executable, "-c", "pass"], env))
            for name, args in table.items():
                times[name].append(wall([sys.executable, "-m", "camtool", *args], env))
        bare = statistics.median(times["python -c pass"])
        print(f"runs: {options.runs} per command; load average: {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg")
              else f"runs: {options.runs} per command")
        print(f"{'command':<24} {'median ms':>10} {'best ms':>8} {'x python':>9}  heavy modules loaded")
        for name, samples in times.items():
            median = statistics.median(samples)
            loaded = "" if name == "python -c pass" else ", ".join(heavy_modules(table[name], env)) or "none"
            print(f"{name:<24} {median * 1e3:>10.0f} {min(samples) * 1e3:>8.0f} {median / bare:>8.1f}x  {loaded}")
        ratio = statistics.median(times["validate"]) / bare
        print(f"validate vs bare Python: {ratio:.1f}x (goal <= 8x: {'met' if ratio <= 8 else 'NOT met'})")


if __name__ == "__main__":
    main()
