"""Detection accuracy on generated degraded frames (seeded): how often the turn, the mirroring
and "no chart" come out right, and the time per frame.

Run: .venv/bin/python tools/detection_accuracy.py [--frames 240] [--seed 6] [--severity 1.0] [--h264]

Chart frames cycle through the 4 turns x mirrored or not, at widths from 320 px to 4K, with
random blur, noise, uneven light, JPEG artefacts, perspective lean, residual tilt and
occluded markers (camtool.vision.degrade). One frame in five has no chart (sensor noise or
a plain room). With --h264 every chart frame also goes through libx264 and back.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict

import numpy as np

from camtool.vision.degrade import degraded_chart_frame, h264_roundtrip, no_chart_frame
from camtool.vision.detect import detect_orientation

_MOUNTINGS = [(rotation, mirrored) for mirrored in (False, True) for rotation in (0, 90, 180, 270)]


def _percent(hits: int, total: int) -> str:
    return f"{100.0 * hits / total:6.1f}%" if total else "     - "


def run(frames: int, seed: int, severity: float, h264: bool) -> dict:
    rng = np.random.default_rng(seed)
    stats = defaultdict(int)
    by_width: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    times: list[float] = []
    residual_errors: list[float] = []
    for i in range(frames):
        if i % 5 == 4:
            frame = no_chart_frame(rng)
            truth = None
        else:
            rotation, mirrored = _MOUNTINGS[i % len(_MOUNTINGS)]
            frame, truth = degraded_chart_frame(rng, rotation=rotation, mirrored=mirrored, severity=severity)
            if h264:
                frame = h264_roundtrip([frame], crf=int(rng.integers(26, 38)))[0]
        start = time.perf_counter()
        result = detect_orientation(frame)
        times.append((time.perf_counter() - start) * 1000)
        if truth is None:
            stats["no_chart"] += 1
            stats["no_chart_right"] += not result.detected
            continue
        stats["chart"] += 1
        stats["detected"] += result.detected
        rotation_right = result.detected and result.rotation == truth.rotation
        stats["rotation_right"] += rotation_right
        stats["mirror_right"] += result.detected and result.mirrored == truth.mirrored
        by_width[frame.shape[1]][0] += rotation_right and result.mirrored == truth.mirrored
        by_width[frame.shape[1]][1] += 1
        if rotation_right:
            residual_errors.append(abs(result.residual_deg - truth.residual_deg))
    return {"stats": stats, "by_width": by_width, "times": times, "residual_errors": residual_errors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=240, help="number of frames (at least 200 for the report)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--severity", type=float, default=1.0, help="0 = clean renders, 1 = the full mix of faults")
    parser.add_argument("--h264", action="store_true", help="also pass every chart frame through libx264")
    args = parser.parse_args()
    out = run(args.frames, args.seed, args.severity, args.h264)
    s, times = out["stats"], sorted(out["times"])
    print(f"{args.frames} frames, seed {args.seed}, severity {args.severity}, h264 {args.h264}")
    print("| measure | right | of |")
    print("|---|---|---|")
    print(f"| rotation right | {_percent(s['rotation_right'], s['chart'])} | {s['chart']} chart frames |")
    print(f"| mirror right | {_percent(s['mirror_right'], s['chart'])} | {s['chart']} chart frames |")
    print(f"| no-chart right | {_percent(s['no_chart_right'], s['no_chart'])} | {s['no_chart']} frames without chart |")
    print(f"| chart detected at all | {_percent(s['detected'], s['chart'])} | {s['chart']} chart frames |")
    for width in sorted(out["by_width"]):
        hits, total = out["by_width"][width]
        print(f"| both right at {width} px wide | {_percent(hits, total)} | {total} |")
    if out["residual_errors"]:
        print(f"residual angle error: median {statistics.median(out['residual_errors']):.2f} deg, "
              f"max {max(out['residual_errors']):.2f} deg")
    print(f"time per frame: median {statistics.median(times):.2f} ms, mean {statistics.fmean(times):.2f} ms, "
          f"p90 {times[int(0.9 * (len(times) - 1))]:.2f} ms, max {times[-1]:.2f} ms (all sizes mixed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
