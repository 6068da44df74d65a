"""What the virtual device costs: start-to-listed time, and CPU and frame rate of one 720p30 stream.

Run: .venv/bin/python benchmarks/bench_virtual.py [--seconds 10] [--scenario tablet-a12] [--repeat 3]

Everything runs against a private adb server (free port, HOME/TMPDIR in a temp dir, killed at
the end). Measured:
- cold `adb start-server` (once; it is the adb server's cost, not the virtual device's);
- `VirtualDevice.start()` to both ends listed as `device` by adb (median of --repeat runs);
- one `adb exec-out screenrecord --output-format=h264 --size 1280x720 --time-limit S -`:
  CPU of this process (the virtual device's loop, renderer and encoder threads) divided by wall
  time, so 0.5 = half a core (budget of issue 4); frames/s delivered (decoded afterwards); frame
  numbers missing from the stamps (dropped frames); bytes/s.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import av

from camtool.device.adb_server import AdbServer
from camtool.virtual.device import VirtualDevice
from camtool.device.frame_stamp import read_stamp

BUDGET_CORES = 0.5


def time_to_listed(server: AdbServer, scenario: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        device = VirtualDevice(scenario).start(server)  # returns once adb lists both ends as "device"
        times.append(time.perf_counter() - begin)
        device.stop()
    return times


def stream(server: AdbServer, device: VirtualDevice, seconds: int) -> dict[str, float]:
    argv = [str(server.adb), "-P", str(server.port), "-s", device.serial, "exec-out",
            f"screenrecord --output-format=h264 --size 1280x720 --time-limit {seconds} -"]
    cpu0, wall0 = time.process_time(), time.perf_counter()
    proc = subprocess.Popen(argv, env=server.env, stdout=subprocess.PIPE)
    data = proc.stdout.read()  # reading a pipe costs this process next to nothing
    proc.wait(timeout=60)
    proc.stdout.close()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    container = av.open(io.BytesIO(data), format="h264")
    frames = [f.to_ndarray(format="bgr24") for f in container.decode(video=0)]
    container.close()
    numbers = [s.frame_number for s in map(read_stamp, frames) if s is not None]
    missing = (numbers[-1] - numbers[0] + 1 - len(set(numbers))) if numbers else -1
    return {"wall_s": wall, "cpu_s": cpu, "cores": cpu / wall, "frames": len(frames),
            "fps": len(frames) / wall, "stamped": len(numbers), "missing": missing,
            "mbit_s": len(data) * 8 / wall / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--scenario", default="tablet-a12")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        begin = time.perf_counter()
        server = AdbServer(home=Path(home))
        print(f"cold adb start-server (private port {server.port}): {time.perf_counter() - begin:.2f} s")
        try:
            listed = time_to_listed(server, args.scenario, args.repeat)
            print(f"start() to both ends listed by adb: median {statistics.median(listed) * 1000:.0f} ms "
                  f"(runs: {', '.join(f'{t * 1000:.0f}' for t in listed)} ms)")
            with VirtualDevice(args.scenario).start(server) as device:
                r = stream(server, device, args.seconds)
            verdict = "within" if r["cores"] <= BUDGET_CORES else "OVER"
            print(f"720p30 screenrecord for {r['wall_s']:.1f} s: CPU {r['cpu_s']:.2f} s = {r['cores']:.2f} core "
                  f"({verdict} the {BUDGET_CORES} budget); {r['frames']} frames = {r['fps']:.1f} fps delivered; "
                  f"{r['stamped']} stamps read, {r['missing']} frame numbers missing; {r['mbit_s']:.2f} Mbit/s")
        finally:
            server.kill()


if __name__ == "__main__":
    main()
