"""How long `detect_orientation` takes per frame, by frame size and content (budget: < 10 ms at 1080p).

Run: .venv/bin/python benchmarks/bench_detect.py [--repeat N] [--threads N]
Prints the median and 90th percentile of the wall time per case, and the median CPU time of
the process (all threads): on a shared machine the wall time includes waiting for a core,
the CPU time does not. The frames are generated (seeded), so the numbers compare across
machines and commits.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import cv2
import numpy as np

from camtool.vision.degrade import chart_scene, jpeg, no_chart_frame, resize_to_width
from camtool.vision.detect import detect_orientation

BUDGET_MS_1080P = 10.0


def _cases(rng: np.random.Generator) -> list[tuple[str, np.ndarray]]:
    upright = jpeg(chart_scene(1920, 1080, rotation=90, residual_deg=3, tilt=0.1, rng=rng), 85)
    mirrored = jpeg(chart_scene(1920, 1080, rotation=270, mirrored=True, residual_deg=-4, rng=rng), 85)
    small_chart = jpeg(chart_scene(1920, 1080, rotation=180, fill=0.4, rng=rng), 85)
    return [
        ("320x180 chart", resize_to_width(upright, 320)),
        ("1280x720 chart", resize_to_width(upright, 1280)),
        ("1920x1080 chart", upright),
        ("1920x1080 chart mirrored", mirrored),
        ("1920x1080 chart at 40% of the height", small_chart),
        ("1920x1080 no chart (room)", no_chart_frame(rng, width=1920, kind="scene")),
        ("1920x1080 no chart (pure noise)", no_chart_frame(rng, width=1920, kind="noise")),
        ("3840x2160 chart", cv2.resize(upright, (3840, 2160), interpolation=cv2.INTER_LINEAR)),
    ]


def _time_ms(frame: np.ndarray, repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each of `repeat` detections."""
    detect_orientation(frame)  # warm-up: the detector is built on first use
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        detect_orientation(frame)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--threads", type=int, default=None, help="cv2.setNumThreads (default: OpenCV's choice)")
    args = parser.parse_args()
    if args.threads is not None:
        cv2.setNumThreads(args.threads)
    rng = np.random.default_rng(2026)
    print(f"OpenCV {cv2.__version__}, threads {cv2.getNumThreads()}, repeat {args.repeat}")
    print(f"{'case':40} {'median ms':>10} {'p90 ms':>8} {'cpu ms':>8}  result")
    for name, frame in _cases(rng):
        times, cpu = _time_ms(frame, args.repeat)
        times.sort()
        result = detect_orientation(frame)
        verdict = (f"rotation {result.rotation} mirrored {result.mirrored} markers {result.markers}"
                   if result.detected else "not detected")
        p90 = times[int(0.9 * (len(times) - 1))]
        print(f"{name:40} {statistics.median(times):10.2f} {p90:8.2f} {statistics.median(cpu):8.2f}  {verdict}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"budget: {BUDGET_MS_1080P:.0f} ms per 1080p frame; load average {load:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
