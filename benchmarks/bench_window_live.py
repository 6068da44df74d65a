"""The window on the virtual device: start-up to window shown, live preview frames/s, longest GUI stall.

    .venv/bin/python benchmarks/bench_window_live.py [--seconds 5] [--runs 3]

Everything runs against a private adb server (free port, its own HOME), killed at the end.
1. `camtool gui --smoke` as fresh processes (the virtual device started by the window
   itself): `camtool` to window shown (bench_gui's measure, interpreter start included), and
   the window-shown and first-live-frame times the smoke run prints.
2. The window in this process, live on a virtual device whose screen is 1280x720 and then
   1920x1080 (screenrecord asked for the full size, 30 fps): frames/s received from the
   capture and shown by each end view, the stamp latency, and the longest gap of a 5 ms
   heartbeat QTimer on the GUI thread (the longest stall).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def smoke_runs(runs: int, env: dict[str, str]) -> None:
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "camtool", "gui", "--smoke"], env=env, capture_output=True,
                              text=True, timeout=120)
        wall = (time.perf_counter() - started) * 1000
        match = re.search(r"after (\d+) ms, first frame of both ends after (\d+) ms \(([^)]*)\)", done.stdout)
        if match is None:
            print(f"smoke run failed (exit {done.returncode}): {done.stdout.strip()} {done.stderr.strip()[-300:]}")
            continue
        print(f"smoke: window shown {match[1]} ms, first frame of both ends {match[2]} ms ({match[3]}), "
              f"whole process {wall:.0f} ms")


def live_figures(size: tuple[int, int], seconds: float, server) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from camtool.config.profiles import ProfileLibrary
    from camtool.device.capture import ScreenrecordSource
    from camtool.device.device_service import AdbDeviceService
    from camtool.gui.config_document import ConfigDocument
    from camtool.gui.main_window import MainWindow
    from camtool.gui.preferences import WindowSettings, file_qsettings
    from camtool.resources import shipped_profiles_dir
    from camtool.virtual.device import VirtualDevice
    from camtool.virtual.scenario import Screen, load_scenario

    class FullSizeService(AdbDeviceService):
        def screen_source(self, serial, on_frame, on_state):
            return ScreenrecordSource(self.io, serial, size=size if serial == device.serial else None,
                                      on_frame=on_frame, on_state=lambda s, d: on_state(s.value, d))

    app = QApplication.instance() or QApplication([])
    base = load_scenario("tablet-a12")
    scenario = base.model_copy(update={"device": base.device.model_copy(
        update={"screen": Screen(width=size[0], height=size[1])})})
    device = VirtualDevice(scenario).start(server)
    with tempfile.TemporaryDirectory() as scratch:
        settings = WindowSettings(file_qsettings(Path(scratch) / "s.ini"))
        window = MainWindow(ConfigDocument(), ProfileLibrary(shipped_profiles_dir()), settings,
                            device_service=FullSizeService())
        window.device_side.bar.prefer(device.serial, device.wechat_serial)
        window.show()
        loop = QEventLoop()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        window.ends.liveEndsShown.connect(loop.quit)
        deadline.start(30_000)
        loop.exec()
        if not window.ends.live_ends_shown():
            print(f"{size[0]}x{size[1]}: no live frames within 30 s")
        else:
            feeds = window.ends.live_feeds()
            base_counts = {end: (f.frames_received, f.frames_shown) for end, f in feeds.items()}
            gaps = []
            last = [time.perf_counter()]

            def beat() -> None:
                now = time.perf_counter()
                gaps.append(now - last[0])
                last[0] = now
            heartbeat = QTimer()
            heartbeat.setInterval(5)
            heartbeat.timeout.connect(beat)
            heartbeat.start()
            deadline.start(int(seconds * 1000))
            loop.exec()
            heartbeat.stop()
            for end, feed in feeds.items():
                received = (feed.frames_received - base_counts[end][0]) / seconds
                shown = (feed.frames_shown - base_counts[end][1]) / seconds
                latency = f"{feed.last_latency_ms:.0f} ms" if feed.last_latency_ms is not None else "n/a"
                print(f"{size[0]}x{size[1]} {end} end: received {received:.1f} frames/s, shown {shown:.1f} "
                      f"frames/s, latency {latency}")
            print(f"{size[0]}x{size[1]}: longest GUI-thread stall {max(gaps) * 1000:.0f} ms "
                  f"(5 ms heartbeat, {len(gaps)} beats)")
        window.document.mark_saved()
        window.close()
        window.deleteLater()
        app.processEvents()   # a benchmark script, not the window: let deleteLater run
    device.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from camtool.device.adb_server import AdbServer

    with tempfile.TemporaryDirectory(prefix="camtool-bench-adb-") as home:
        server = AdbServer(home=Path(home))
        os.environ["ANDROID_ADB_SERVER_PORT"] = str(server.port)
        try:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from bench_gui import startup   # `camtool` (interpreter start) to window shown

            startup(args.runs)
            smoke_runs(args.runs, dict(os.environ))
            for size in ((1280, 720), (1920, 1080)):
                live_figures(size, args.seconds, server)
        finally:
            server.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
