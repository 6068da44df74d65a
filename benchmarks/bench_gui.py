"""Window figures for the closing note: start-up time, frames/s of an end view, longest GUI stall.

    .venv/bin/python benchmarks/bench_gui.py [--seconds 3]

1. `camtool gui --smoke` as a fresh process: time to window shown (from the start of the
   window code; the process start adds the interpreter and CLI imports, also printed).
2. An EndView fed 720p30 and 1080p30 BGR frames from a worker thread by queued signal,
   as the device layer's sources will: frames received, frames shown (repaint is throttled
   to ~60 Hz and keeps only the newest), and the longest gap of a 5 ms heartbeat timer on
   the GUI thread, i.e. the longest stall.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


_CHILD = """
import time
t0 = time.perf_counter()
from camtool.cli import main
import camtool.gui.app as app
window_run = app.run
def timed_run(*args, **kwargs):   # the CLI (imports, parser) ends where the window code starts
    print(f"cli {(time.perf_counter() - t0) * 1000:.0f}", flush=True)
    return window_run(*args, **kwargs)
app.run = timed_run
raise SystemExit(main(["gui", "--smoke"]))
"""


def startup(runs: int) -> None:
    """From `camtool` (interpreter started) to the window shown, as a fresh process each time."""
    bare = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, timeout=60)
        bare.append((time.perf_counter() - started) * 1000)
    to_window = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=120)
        cli = re.search(r"cli (\d+)", result.stdout)
        shown = re.search(r"shown after (\d+) ms", result.stdout)
        if result.returncode != 0 or not (cli and shown):
            print("smoke run failed:", result.stdout, result.stderr)
            return
        to_window.append(min(bare) + int(cli.group(1)) + int(shown.group(1)))
    to_window.sort()
    print(f"start-up: `camtool` to window shown {to_window[0]:.0f} ms best, {to_window[len(to_window) // 2]:.0f} ms "
          f"median of {runs} (interpreter start {min(bare):.0f} ms included)")


def frames(width: int, height: int, fps: int, seconds: float) -> None:
    import cv2  # noqa: F401  (loaded by the render thread in the window; not a per-frame cost)
    import numpy as np
    from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    from camtool.gui.end_view import EndView

    app = QApplication.instance() or QApplication([])

    class Source(QObject):
        frame = Signal(object)

    source = Source()
    view = EndView()
    view.resize(960, 540)
    view.show()
    received = [0]

    def take(frame) -> None:
        received[0] += 1
        view.set_frame(frame)

    source.frame.connect(take)
    stop = threading.Event()
    pictures = [np.full((height, width, 3), shade, np.uint8) for shade in (40, 120, 200)]

    def produce() -> None:   # paced like a camera, off the GUI thread
        period, next_at, n = 1 / fps, time.monotonic(), 0
        while not stop.is_set():
            source.frame.emit(pictures[n % 3])
            n += 1
            next_at += period
            stop.wait(max(0.0, next_at - time.monotonic()))

    clock, longest = QElapsedTimer(), [0]
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.timeout.connect(beat)
    heartbeat.start(5)
    shown_before = view.frames_shown
    producer = threading.Thread(target=produce, name="bench-frames")
    producer.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    stop.set()
    producer.join()
    heartbeat.stop()
    view.stop()
    view.close()
    shown = view.frames_shown - shown_before
    print(f"{width}x{height}@{fps}: received {received[0] / seconds:.1f} frames/s, shown {shown / seconds:.1f} "
          f"frames/s, longest GUI-thread stall {longest[0]} ms (heartbeat every 5 ms)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    startup(args.runs)
    frames(1280, 720, 30, args.seconds)
    frames(1920, 1080, 30, args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
