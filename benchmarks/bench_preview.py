"""The live preview pipeline (screenrecord over adb -> H.264 decode -> newest frame), as `camtool bench`.

Run: .venv/bin/python benchmarks/bench_preview.py [--seconds N] [--json] [--serial S]
Without --serial a private adb server and the virtual device (in a child process) are
started and stopped again. Per stream size (720p30, 1080p30) it prints two ceilings (decode
+ colour conversion, and decode alone), frames/s delivered against frames/s rendered and
whether that keeps up (>= 0.9 x the slower of the source rate and the decode + conversion
ceiling), render-to-delivered latency p50/p95/max from the frame stamps, the latency
camtool adds (last byte of a frame arrived -> frame ready, p50/p95/max; goal p95 <= 10 ms),
dropped frames and CPU of this process per stream (goal <= 30% of one core for 1080p30).
"""

from __future__ import annotations

import argparse
import sys

from camtool.cli import main


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", default="5")
    parser.add_argument("--serial", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    argv = ["bench", "--seconds", args.seconds]
    if args.serial:
        argv += ["--serial", args.serial]
    if args.json:
        argv.append("--json")
    return main(argv)


if __name__ == "__main__":
    sys.exit(run())
