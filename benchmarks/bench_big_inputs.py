"""Huge inputs and batches, as issue 14 measured them: time against the size of the input.

Run: .venv/bin/python benchmarks/bench_big_inputs.py [--keys 100000] [--puts 200000] [--depth 1000] [--files 300]
Prints, each as a fresh `camtool` process (wall time, start-up included) next to its yardstick:
- `camtool validate` of one config with --keys extra keys, vs `json.load` of it (also a fresh
  process), and the ratio (goal: a few json.loads);
- `camtool validate` of a Kotlin and of a Java snippet with --puts `put` lines, vs `json.load`
  of the config they build;
- `camtool profiles validate` of a library holding a --depth deep `extends` chain, vs
  `camtool profiles show` of its deepest profile (which reads the whole chain once);
- `camtool validate DIR` of --files configs in one call, vs one process per file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def wall(argv: list[str]) -> float:
    env = dict(os.environ, NO_COLOR="1", LANG="C.UTF-8")
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def best(argv: list[str], runs: int) -> float:
    return min(wall(argv) for _ in range(runs))


def camtool(*args: str) -> list[str]:
    return [sys.executable, "-m", "camtool", *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=100_000)
    parser.add_argument("--puts", type=int, default=200_000)
    parser.add_argument("--depth", type=int, default=1000)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        config = {"internalCameraName": "1", "cameraRotationAngle": 90}
        config.update({f"vendorSetting{i}": {"level": i % 7, "name": f"v{i}"} for i in range(args.keys)})
        big = root / "big.json"
        big.write_text(json.dumps(config, indent=2), encoding="utf-8")
        load = best([sys.executable, "-c", f"import json; json.load(open({str(big)!r}, encoding='utf-8'))"], args.runs)
        check = best(camtool("validate", str(big)), args.runs)
        print(f"config with {args.keys} extra keys: validate {check:.2f} s, json.load {load:.2f} s "
              f"(both fresh processes): {check / load:.1f}x")

        same = root / "same.json"   # the config the snippets build, as JSON: the yardstick
        same.write_text(json.dumps({"internalCameraName": "1", **{f"vendorSetting{i}": i for i in range(args.puts)}},
                                   indent=4), encoding="utf-8")
        load = best([sys.executable, "-c", f"import json; json.load(open({str(same)!r}, encoding='utf-8'))"], args.runs)
        snippets = {
            "Kotlin": ("Init.kt", ["val config = JSONObject()", '    .put("internalCameraName", "1")'],
                       '    .put("vendorSetting{i}", {i})'),
            "Java": ("Init.java", ["JSONObject config = new JSONObject();", '    config.put("internalCameraName", "1");'],
                     '    config.put("vendorSetting{i}", {i});'),
        }
        for language, (name, head, put) in snippets.items():
            snippet = root / name
            snippet.write_text("\n".join(head + [put.format(i=i) for i in range(args.puts)]) + "\n", encoding="utf-8")
            check = best(camtool("validate", str(snippet)), 1)
            print(f"{language} snippet with {args.puts} put lines: validate {check:.2f} s, json.load of the config it "
                  f"builds {load:.2f} s (both fresh processes): {check / load:.1f}x")

        library = root / "profiles"
        library.mkdir()
        for i in range(args.depth):
            profile = {"schema": 1, "sku": f"p{args.depth - i:05d}",   # children sort first
                       "config": {"cameraRotationAngle": (90 * i) % 360}}
            if i:
                profile["extends"] = f"p{args.depth - i + 1:05d}"
            else:
                profile["config"]["internalCameraName"] = "1"
            (library / f"{profile['sku']}.json").write_text(json.dumps(profile), encoding="utf-8")
        check = best(camtool("profiles", "--profiles", str(library), "validate"), 1)
        show = best(camtool("profiles", "--profiles", str(library), "show", "p00001"), 1)
        print(f"profile library with a {args.depth}-deep extends chain: profiles validate {check:.2f} s, "
              f"profiles show of the deepest {show:.2f} s")

        folder = root / "configs"
        folder.mkdir()
        for i in range(args.files):
            (folder / f"sku{i:04d}.json").write_text(
                json.dumps({"internalCameraName": str(i % 3), "cameraRotationAngle": (90 * i) % 360}), encoding="utf-8")
        batch = best(camtool("validate", str(folder)), args.runs)
        one = best(camtool("validate", str(folder / "sku0000.json")), args.runs)
        print(f"{args.files} configs: one `validate DIR` call {batch:.2f} s; one process per file would take "
              f"about {one * args.files:.1f} s ({one * 1000:.0f} ms each)")


if __name__ == "__main__":
    main()
