"""Cost of one simulated render from a live device-end frame: recover the camera's picture, render both ends.

Run: .venv/bin/python benchmarks/bench_recover.py [--frames N]
For device screens of 720p and 1080p (stamped like the virtual device's), prints the median
milliseconds of `recover_camera_picture` alone and of recover + both ends at the window's
simulated screen sizes. The window renders at most 10 of these a second (device_picture.py),
so the CPU share of one core is about 10 x the total.
"""

from __future__ import annotations

import argparse
import statistics
import time

from camtool.config.turns import Turn
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.screens import render_ends
from camtool.device.frame_stamp import Stamp, draw_stamp, draw_ticker
from camtool.vision.recover import recover_camera_picture

SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}
APPLIED = {"usbCameraName": "/dev/video2", "usbCameraRotationAngle": 90, "usbCameraPushFlip": True}
FORM = {"usbCameraName": "/dev/video2", "usbCameraRotationAngle": 270}
WINDOW_SCREENS = ((800, 480), (360, 640))   # camtool.gui.ends_panel DEVICE_SCREEN, WECHAT_SCREEN


def _median_ms(work, frames: int) -> float:
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=50)
    args = parser.parse_args()
    for name, size in SIZES.items():
        camera = picture_of_mounted_camera(Turn(180, False), size)
        screen = render_ends(camera, APPLIED, "2.1.0", device_screen=size)[0].copy()
        draw_ticker(screen, 1)
        draw_stamp(screen, Stamp(1, 0, 1))
        recover = _median_ms(lambda: recover_camera_picture(screen, APPLIED, "2.1.0"), args.frames)

        def both():
            picture = recover_camera_picture(screen, APPLIED, "2.1.0")
            render_ends(picture, FORM, "2.1.0", device_screen=WINDOW_SCREENS[0], wechat_screen=WINDOW_SCREENS[1])
        total = _median_ms(both, args.frames)
        print(f"{name}: recover {recover:.1f} ms, recover + both ends {total:.1f} ms "
              f"(~{total * 10 / 1000:.0%} of a core at 10 renders/s)")


if __name__ == "__main__":
    main()
