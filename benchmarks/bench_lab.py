"""Lab runs and clips: one station against two at once, and what `camtool record` achieves.

Run: .venv/bin/python benchmarks/bench_lab.py [--repeat 3] [--record-seconds 5] [--scenario tablet-a12]

Everything runs against a private adb server (free port, HOME/TMPDIR in a temp dir, killed at the
end). Each virtual device runs in its own `camtool virtual start` process, as a phone is its own
machine (it still shares this machine's cores, so the figures are a pessimistic bound for real
devices, whose rendering costs the host nothing). Measured:
- `camtool lab run` (a child process, as CI runs it) with one station, with two stations on two
  devices (default --jobs: both at once), and with the same two stations and --jobs 1 (one after
  the other): wall time, median of --repeat runs; the ratio two/one is the figure issue 16 asks
  for ("clearly less than twice");
- `camtool record` of both ends of one device for --record-seconds: the clip's duration, frames
  and frame rate as PyAV reads them back, and the recording process's CPU (user+sys / wall).
The machine's load average is printed first and last: on a shared machine it explains a lot.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av

from camtool.device.adb_server import AdbServer, free_port


def start_device(server: AdbServer, scenario: str) -> tuple[subprocess.Popen, str, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "camtool", "virtual", "start", "--scenario", scenario,
                             "--port", str(port), "--wechat-port", str(port + 1)],
                            env=server.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    serial, phone = f"127.0.0.1:{port}", f"127.0.0.1:{port + 1}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.state(serial) == "device" and server.state(phone) == "device":
            return proc, serial, phone
        if proc.poll() is not None:
            raise RuntimeError(proc.stderr.read().decode(errors="replace"))
        time.sleep(0.2)
    raise RuntimeError(f"virtual device on port {port} was not listed")


def stop_device(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)     # its Ctrl+C: detach from adb, stop
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def write_lab(folder: Path, devices: list[tuple[str, str]]) -> Path:
    lab = folder / f"lab-{len(devices)}.toml"
    lab.write_text("".join(f'[[station]]\nname = "station-{i}"\nserial = "{s}"\nwechat_serial = "{p}"\n\n'
                           for i, (s, p) in enumerate(devices, start=1)), encoding="utf-8")
    return lab


def lab_run(server: AdbServer, lab: Path, jobs: int | None = None) -> tuple[float, dict]:
    argv = [sys.executable, "-m", "camtool", "lab", "run", str(lab), "--format", "json"]
    if jobs:
        argv += ["--jobs", str(jobs)]
    begin = time.perf_counter()
    done = subprocess.run(argv, env=server.env, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - begin
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr)
    return wall, json.loads(done.stdout)


def record(server: AdbServer, serial: str, phone: str, seconds: float, folder: Path) -> dict:
    target = folder / "clip.mp4"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-m", "camtool", "record", "--serial", serial, "--wechat-serial", phone,
                    "--seconds", str(seconds), "-o", str(target)], env=server.env, check=True,
                   capture_output=True, timeout=120)
    wall = time.perf_counter() - begin
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with av.open(str(target)) as clip:
        stream = clip.streams.video[0]
        pts = [f.pts for f in clip.decode(stream)]
        duration = float(pts[-1] * stream.time_base) + 1 / 30
        size = (stream.width, stream.height)
    return {"clip_s": round(duration, 2), "frames": len(pts), "fps": round(len(pts) / duration, 1),
            "size": f"{size[0]}x{size[1]}", "bytes": target.stat().st_size, "process_wall_s": round(wall, 2),
            "process_cpu_cores": round(cpu / wall, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--record-seconds", type=float, default=5.0)
    parser.add_argument("--scenario", default="tablet-a12")
    args = parser.parse_args()
    print("load average at start:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="camtool-bench-lab-") as tmp:
        folder = Path(tmp)
        server = AdbServer(home=folder / "adb-home")
        children = []
        try:
            for _ in range(2):
                children.append(start_device(server, args.scenario))
            devices = [(serial, phone) for _proc, serial, phone in children]
            one, two = write_lab(folder, devices[:1]), write_lab(folder, devices)
            lab_run(server, one)   # warm-up: imports, adb connections, first renders
            runs = {"one station": (one, None), "two stations": (two, None), "two stations, --jobs 1": (two, 1)}
            process: dict[str, list[float]] = {name: [] for name in runs}
            stations: dict[str, list[float]] = {name: [] for name in runs}
            for _ in range(args.repeat):
                for name, (lab, jobs) in runs.items():   # interleaved: load changes hit all three alike
                    wall, data = lab_run(server, lab, jobs)
                    process[name].append(wall)
                    stations[name].append(data["seconds"])
            for title, figures in (("checking (the run's own seconds, from --format json)", stations),
                                   ("process wall time (adds Python start-up and imports)", process)):
                print(f"lab run, {title}, median of {args.repeat}:")
                for name, values in figures.items():
                    print(f"  {name:24s} {statistics.median(values):6.2f}   runs: "
                          + ", ".join(f"{v:.2f}" for v in values))
                ratio = statistics.median(figures["two stations"]) / statistics.median(figures["one station"])
                print(f"  two / one = {ratio:.2f} (2.0 would be no concurrency at all)")
            print("  per-station seconds in the last two-station run:",
                  ", ".join(f"{s['name']} {s['seconds']}" for s in data["stations"]))
            print(f"record --seconds {args.record_seconds:g}, both ends:",
                  record(server, *devices[0], args.record_seconds, folder))
        finally:
            for proc, _serial, _phone in children:
                stop_device(proc)
            server.kill()
    print("load average at end:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
