"""What `camtool record` really captures: distinct pictures per second, not just frames in the file.

Run: .venv/bin/python benchmarks/bench_record.py [--seconds 5] [--repeat 2] [--scenario tablet-a12] [--alone]
                                                 [--in-process]

A clip always has a frame on every 1/30 s tick it wrote; what matters is whether each frame shows
a new picture of the device. The virtual device stamps every picture it renders (frame number,
docs/frame-stamp.md), so the bench decodes the clip with PyAV, reads the stamp in each end's panel
and counts:
- frames: frames in the file; ticks: the 30 frames/s ticks the clip spans; dropped: ticks with no
  frame (encoding fell behind and the tick was skipped);
- distinct: frames whose device-end stamp differs from the previous frame's (new pictures), per
  second of clip; repeats: frames that show the same picture as the one before;
- rendered: pictures the device rendered over the clip (the stamps' frame-number span), so
  distinct / rendered says how much of what the device showed reached the clip;
- CPU of the recording process: user+sys seconds per clip frame (start-up included), cores used,
  and the marginal CPU per frame (a 1-second record subtracted: start-up and connecting left out).

The virtual device runs in its own `camtool virtual start` process (a real device is its own
hardware; in-process it would share the recorder's interpreter) against a private adb server.
With --in-process it runs in this process and `camtool record` is called in it too, as the test
suite does: the harder case (rendering and encoding both ends share the recorder's GIL), and the
CPU figures then include the device's.
The machine's load average is printed first and last: on a shared machine it explains a lot.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

from camtool.device.adb_server import AdbServer
from camtool.device.frame_stamp import read_stamp
from camtool.virtual.scenario import load_scenario

sys.path.insert(0, str(Path(__file__).parent))
from bench_lab import start_device, stop_device  # noqa: E402  (the same device processes)

FPS = 30


def panel_boxes(width: int, height: int, ends: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(x0, y0, x1, y1) of each end's picture in a clip frame of width x height.

    The panels are as wide as each end's aspect at the panel height; the label bar is on top. The
    boxes are found from the clip itself (its height less the bar) so the bench follows the layout.
    """
    from camtool.vision.clip import SideBySide, panels_for

    pictures = [np.zeros((h, w, 3), np.uint8) for w, h in ends]
    # An end other than the first may have started as a placeholder (no picture within the grace).
    variants = [pictures] + [pictures[:1] + [None] * (len(ends) - 1)] * (len(ends) > 1)
    for panel_height, firsts in ((h, f) for h in range(height, 16, -2) for f in variants):
        layout = SideBySide(panels_for(["a"] * len(ends), firsts, panel_height))
        if (layout.width, layout.height) == (width, height):
            boxes, left = [], 0
            for panel, (w, h) in zip(layout.panels, ends):
                scale = min(panel.width / w, panel.height / h)
                pw, ph = round(w * scale), round(h * scale)
                x0, y0 = left + (panel.width - pw) // 2, layout.bar + (panel.height - ph) // 2
                boxes.append((x0, y0, x0 + pw, y0 + ph))
                left += panel.width
            return boxes
    raise RuntimeError(f"no layout gives a {width}x{height} clip")


def clip_figures(path: Path, ends: list[tuple[int, int]]) -> dict:
    numbers: list[list[int | None]] = [[] for _ in ends]
    with av.open(str(path)) as clip:
        stream = clip.streams.video[0]
        pts = []
        boxes = None
        for frame in clip.decode(stream):
            pts.append(round(frame.pts * stream.time_base * FPS))
            image = frame.to_ndarray(format="bgr24")
            if boxes is None:
                boxes = panel_boxes(image.shape[1], image.shape[0], ends)
            for i, (x0, y0, x1, y1) in enumerate(boxes):
                stamp = read_stamp(image[y0:y1, x0:x1])
                numbers[i].append(None if stamp is None else stamp.frame_number)
    ticks = pts[-1] + 1
    out = {"clip_s": round(ticks / FPS, 2), "frames": len(pts), "ticks": ticks, "dropped": ticks - len(pts)}
    for name, seen in zip(("device", "wechat"), numbers):
        read = [n for n in seen if n is not None]
        distinct = sum(1 for a, b in zip([None] + seen, seen) if b is not None and a != b)
        rendered = (max(read) - min(read) + 1) if read else 0
        out[name] = {"distinct": distinct, "distinct_per_s": round(distinct / (ticks / FPS), 1),
                     "rendered": rendered, "unreadable": len(seen) - len(read),
                     "repeats": sum(1 for a, b in zip(seen, seen[1:]) if a is not None and a == b)}
    return out


def record_in_child(serial: str, phone: str | None, seconds: float, target: Path, server: AdbServer) -> dict:
    argv = [sys.executable, "-m", "camtool", "record", "--serial", serial, "--seconds", str(seconds), "-o", str(target)]
    if phone:
        argv += ["--wechat-serial", phone]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    done = subprocess.run(argv, env=server.env, capture_output=True, text=True, timeout=300)
    wall = time.perf_counter() - begin
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"process_wall_s": round(wall, 2), "process_cpu_s": round(cpu, 2), "cores": round(cpu / wall, 2)}


def record_in_process(serial: str, phone: str | None, seconds: float, target: Path) -> dict:
    import contextlib
    import io

    from camtool.cli import main as camtool

    argv = ["record", "--serial", serial, "--seconds", str(seconds), "-o", str(target)]
    if phone:
        argv += ["--wechat-serial", phone]
    before = resource.getrusage(resource.RUSAGE_SELF)
    begin = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        if camtool(argv) != 0:
            raise RuntimeError(err.getvalue())
    wall = time.perf_counter() - begin
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"process_wall_s": round(wall, 2), "process_cpu_s": round(cpu, 2), "cores": round(cpu / wall, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--scenario", default="tablet-a12")
    parser.add_argument("--alone", action="store_true", help="record the device end alone (no --wechat-serial)")
    parser.add_argument("--in-process", action="store_true",
                        help="run the virtual device and the recording in this process (as the tests do)")
    args = parser.parse_args()
    print("load average at start:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    scenario = load_scenario(args.scenario)
    ends = [(scenario.device.screen.width, scenario.device.screen.height)]
    if not args.alone:
        ends.append((scenario.wechat_phone.screen.width, scenario.wechat_phone.screen.height))
    with tempfile.TemporaryDirectory(prefix="camtool-bench-record-") as tmp:
        folder = Path(tmp)
        server = AdbServer(home=folder / "adb-home")
        proc = device = None
        try:
            if args.in_process:
                from camtool.virtual.device import VirtualDevice

                os.environ.update(server.env)   # the in-process recording talks to the private server
                device = VirtualDevice(args.scenario).start(server)
                serial, phone = device.serial, device.wechat_serial
                run_record = record_in_process
            else:
                for attempt in range(3):   # free_port() checks one port; the WeChat end takes the next one
                    try:
                        proc, serial, phone = start_device(server, args.scenario)
                        break
                    except RuntimeError:
                        if attempt == 2:
                            raise

                def run_record(*what):
                    return record_in_child(*what, server)
            short = folder / "short.mp4"
            other = None if args.alone else phone
            short_cpu = run_record(serial, other, 1.0, short)["process_cpu_s"]
            short_frames = clip_figures(short, ends)["frames"]
            runs = []
            for i in range(args.repeat):
                target = folder / f"clip-{i}.mp4"
                process = run_record(serial, other, args.seconds, target)
                figures = clip_figures(target, ends)
                figures.update(process)
                figures["cpu_ms_per_frame"] = round(1000 * process["process_cpu_s"] / figures["frames"], 1)
                figures["marginal_cpu_ms_per_frame"] = round(
                    1000 * (process["process_cpu_s"] - short_cpu) / max(1, figures["frames"] - short_frames), 1)
                figures["bytes"] = target.stat().st_size
                runs.append(figures)
                print(f"run {i + 1}: {figures}", flush=True)
            print(f"record --seconds {args.seconds:g}, {'device end alone' if args.alone else 'both ends'}, "
                  f"device {'in this process' if args.in_process else 'in its own process'}, median of {args.repeat}:")
            for key in ("frames", "dropped", "cpu_ms_per_frame", "marginal_cpu_ms_per_frame", "cores"):
                print(f"  {key:26s} {statistics.median(r[key] for r in runs)}")
            for end in ("device", "wechat")[:len(ends)]:
                for key in ("distinct", "distinct_per_s", "rendered", "repeats", "unreadable"):
                    print(f"  {end + ' ' + key:26s} {statistics.median(r[end][key] for r in runs)}")
        finally:
            if proc is not None:
                stop_device(proc)
            if device is not None:
                device.stop()
            server.kill()
    print("load average at end:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
