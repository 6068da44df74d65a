"""The window on the virtual device: start-up to window shown, live preview frames/s, longest GUI stall.

    .venv/bin/python benchmarks/bench_window_live.py [--seconds 5] [--runs 3] [--live-only] [--explain-gaps]

Everything runs against a private adb server (free port, its own HOME), killed at the end.
1. `camtool gui --smoke` as fresh processes (the virtual device started by the window
   itself): `camtool` to window shown (bench_gui's measure, interpreter start included), and
   the window-shown and first-live-frame times the smoke run prints.
2. The window in this process, live on a virtual device whose screen is 1280x720 and then
   1920x1080 (screenrecord asked for the full size, 30 fps): frames/s received from the
   capture and shown by each end view, the stamp latency, and the longest gap of a 5 ms
   heartbeat QTimer on the GUI thread (the longest stall), with its p99.
   The virtual device runs in a child process (`camtool virtual start`), as `camtool gui`
   runs its own and as a phone is other hardware: rendering and H.264-encoding two ends would
   otherwise share this process's GIL with the window. `--device-in-process` runs it in this
   process instead (what `camtool gui` did before), for comparison. The three longest gaps
   are split (Linux schedstat) into the GUI thread running, waiting for a CPU, and asleep;
   `--explain-gaps` adds what this process's other threads did meanwhile (a thread holding
   the GIL while it waits for a CPU keeps the GUI thread asleep: that is machine load).
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


def child_device(size: tuple[int, int], server, scratch: Path):
    """The virtual device as the window runs it (camtool.virtual.process), its screen `size`."""
    import json

    from camtool.virtual.process import VirtualDeviceProcess
    from camtool.virtual.scenario import load_scenario

    data = load_scenario("tablet-a12").model_dump(mode="json")
    data["device"]["screen"] = {"width": size[0], "height": size[1]}
    scenario = scratch / f"screen-{size[0]}x{size[1]}.json"
    scenario.write_text(json.dumps(data), encoding="utf-8")
    return VirtualDeviceProcess(scenario, server).start()


def _sched_times(path: str = "/proc/thread-self/schedstat") -> tuple[float, float]:
    """(s this thread ran on a CPU, s it waited runnable for one) from Linux's schedstat; zeros elsewhere."""
    try:
        with open(path, "rb") as stat:
            ran, waited, _slices = stat.read().split()
    except (OSError, ValueError):
        return 0.0, 0.0
    return int(ran) / 1e9, int(waited) / 1e9


def _other_threads_times() -> tuple[float, float]:
    """_sched_times summed over this process's other threads (capture, fitting, adb)."""
    import threading

    me = threading.get_native_id()
    try:
        tids = [tid for tid in os.listdir("/proc/self/task") if int(tid) != me]
    except OSError:
        return 0.0, 0.0
    times = [_sched_times(f"/proc/self/task/{tid}/schedstat") for tid in tids]
    return sum(t[0] for t in times), sum(t[1] for t in times)


def _process_cpu_s(pid: int | None) -> float | None:
    """CPU seconds (user + system, all threads) of process `pid` so far, from /proc; None elsewhere."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def live_figures(size: tuple[int, int], seconds: float, server, in_process: bool = False,
                 explain: bool = False) -> None:
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
    with tempfile.TemporaryDirectory() as scratch:
        if in_process:
            base = load_scenario("tablet-a12")
            scenario = base.model_copy(update={"device": base.device.model_copy(
                update={"screen": Screen(width=size[0], height=size[1])})})
            device = VirtualDevice(scenario).start(server)
        else:
            device = child_device(size, server, Path(scratch))
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
            gaps = []   # (gap s, this thread ran s, waited for a CPU s) between two beats
            others = _other_threads_times if explain else (lambda: (0.0, 0.0))
            last = [time.perf_counter(), *_sched_times(), *others()]

            def beat() -> None:
                now, ran, waited, others_ran, others_waited = time.perf_counter(), *_sched_times(), *others()
                gaps.append((now - last[0], ran - last[1], waited - last[2], others_ran - last[3],
                             others_waited - last[4]))
                last[:] = now, ran, waited, others_ran, others_waited
            heartbeat = QTimer()
            heartbeat.setInterval(5)
            heartbeat.timeout.connect(beat)
            child_pid = getattr(device, "pid", None)
            child_cpu, own_cpu, wall = _process_cpu_s(child_pid), time.process_time(), time.perf_counter()
            heartbeat.start()
            deadline.start(int(seconds * 1000))
            loop.exec()
            heartbeat.stop()
            wall = time.perf_counter() - wall
            own_cpu = (time.process_time() - own_cpu) / wall
            child_cpu = (_process_cpu_s(child_pid) - child_cpu) / wall if child_cpu is not None else None
            for end, feed in feeds.items():
                received = (feed.frames_received - base_counts[end][0]) / seconds
                shown = (feed.frames_shown - base_counts[end][1]) / seconds
                latency = f"{feed.last_latency_ms:.0f} ms" if feed.last_latency_ms is not None else "n/a"
                print(f"{size[0]}x{size[1]} {end} end: received {received:.1f} frames/s, shown {shown:.1f} "
                      f"frames/s, latency {latency}")
            ordered = sorted(gaps)
            print(f"{size[0]}x{size[1]}: longest GUI-thread stall {ordered[-1][0] * 1000:.0f} ms, p99 "
                  f"{ordered[int(0.99 * (len(ordered) - 1))][0] * 1000:.0f} ms (5 ms heartbeat, {len(gaps)} beats; "
                  f"virtual device {'in this process' if in_process else 'in a child process'})")
            print(f"    CPU while playing: the window's process {own_cpu:.0%} of one core, the virtual device's "
                  f"{'(in it)' if child_cpu is None else f'{child_cpu:.0%}'}; load average {os.getloadavg()[0]:.1f} "
                  f"on {os.cpu_count()} cores")
            for gap, ran, waited, others_ran, others_waited in ordered[-3:][::-1]:
                print(f"    a {gap * 1000:.0f} ms gap: the GUI thread ran {ran * 1000:.1f} ms, waited for a CPU "
                      f"{waited * 1000:.1f} ms (runnable, other processes or threads on both cores), "
                      f"{max(0.0, gap - ran - waited) * 1000:.1f} ms asleep (idle, or waiting for the GIL)")
                if explain:
                    print(f"      meanwhile this process's other threads ran {others_ran * 1000:.1f} ms and waited "
                          f"{others_waited * 1000:.1f} ms for a CPU (a GIL holder waiting for a CPU keeps the GUI "
                          f"thread asleep)")
        window.document.mark_saved()
        window.close()
        window.deleteLater()
        app.processEvents()   # a benchmark script, not the window: let deleteLater run
        device.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--device-in-process", action="store_true",
                        help="run the virtual device in this process (shares the GIL with the window)")
    parser.add_argument("--live-only", action="store_true", help="skip the start-up and smoke runs")
    parser.add_argument("--explain-gaps", action="store_true",
                        help="also read the other threads' CPU waits at every beat (costs the GUI thread a little)")
    args = parser.parse_args()
    from camtool.device.adb_server import AdbServer

    with tempfile.TemporaryDirectory(prefix="camtool-bench-adb-") as home:
        server = AdbServer(home=Path(home))
        os.environ["ANDROID_ADB_SERVER_PORT"] = str(server.port)
        try:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from bench_gui import startup   # `camtool` (interpreter start) to window shown

            if not args.live_only:
                startup(args.runs)
                smoke_runs(args.runs, dict(os.environ))
            for size in ((1280, 720), (1920, 1080)):
                live_figures(size, args.seconds, server, args.device_in_process, args.explain_gaps)
        finally:
            server.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
