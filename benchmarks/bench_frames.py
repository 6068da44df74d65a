"""Cost of the virtual device's pictures: render + stamp + H.264 encode per frame, at 720p and 1080p.

Run: .venv/bin/python benchmarks/bench_frames.py [--frames N] [--paced-seconds S]
Prints per-frame CPU milliseconds (process CPU time, all threads) for rendering (EndFrames,
ticker and stamp included) and for encoding, and the CPU fraction of one core that a 30 fps
stream needs. The paced run measures a real screenrecord_stream over S seconds.
The issue's budget: one 720p30 stream at most half a core.
"""

from __future__ import annotations

import argparse
import threading
import time
from types import SimpleNamespace

from camtool.config.turns import Turn
from camtool.virtual.encoder import DEFAULT_BIT_RATE, H264Encoder, screenrecord_stream
from camtool.virtual.frames import EndFrames

SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}


class BenchState:
    """A device with a USB camera mounted a quarter turn and a config that turns both ends."""

    def __init__(self, size: tuple[int, int]):
        screen = SimpleNamespace(width=size[0], height=size[1])
        self._snapshot = SimpleNamespace(
            scenario=SimpleNamespace(device=SimpleNamespace(screen=screen),
                                     wechat_phone=SimpleNamespace(screen=screen), behaviour=None),
            config={"usbCameraName": "/dev/bus/usb/001/004", "usbCameraRotationAngle": 270},
            config_generation=1, wmpf_installed=True, wmpf_version="2.1.0",
            active_camera=SimpleNamespace(kind="usb", mounting=Turn(90)))

    def snapshot(self):
        return self._snapshot


def per_frame(name: str, frames: int) -> None:
    size = SIZES[name]
    end = EndFrames(BenchState(size), "device", max_side=None)
    end.frame(0)  # first frame renders the scene and fills the cache; not part of the steady cost
    encoder = H264Encoder(*size, fps=30, bit_rate=DEFAULT_BIT_RATE)
    render_cpu = encode_cpu = 0.0
    start_wall = time.perf_counter()
    for n in range(1, frames + 1):
        t0 = time.process_time()
        img = end.frame(n)
        t1 = time.process_time()
        encoder.encode(img)
        t2 = time.process_time()
        render_cpu += t1 - t0
        encode_cpu += t2 - t1
    wall = time.perf_counter() - start_wall
    render_ms, encode_ms = 1000 * render_cpu / frames, 1000 * encode_cpu / frames
    total = render_ms + encode_ms
    print(f"{name:>6} {size[0]}x{size[1]}: render+stamp {render_ms:6.2f} ms  encode {encode_ms:6.2f} ms  "
          f"total {total:6.2f} ms CPU/frame  -> {total * 30 / 1000:5.1%} of a core at 30 fps  "
          f"(wall {1000 * wall / frames:.2f} ms/frame)")


def paced(name: str, seconds: float) -> None:
    size = SIZES[name]
    end = EndFrames(BenchState(size), "device", max_side=None)
    end.frame(0)
    stop = threading.Event()
    count = 0
    sent = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for chunk in screenrecord_stream(end.frame, *size, fps=30, time_limit_s=seconds, stop=stop):
        count += 1
        sent += len(chunk)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"{name:>6} paced {seconds:.0f} s: {count / wall:5.1f} frames/s delivered, "
          f"{cpu / wall:5.1%} of a core, {8 * sent / wall / 1e6:.1f} Mbit/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=150)
    parser.add_argument("--paced-seconds", type=float, default=5.0)
    args = parser.parse_args()
    for name in SIZES:
        per_frame(name, args.frames)
    if args.paced_seconds > 0:
        for name in SIZES:
            paced(name, args.paced_seconds)


if __name__ == "__main__":
    main()
