"""Minimal stand-ins for the scenario, state, answers and pictures until their own modules land.

Each is used only when the real module cannot be imported; the virtual device then still
speaks adb, answers `getprop` and serves a plain numbered picture, so the protocol can be
tested on its own.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Iterator

import numpy as np


@dataclass
class CommandResult:
    stdout: bytes
    stderr: bytes = b""
    exit_code: int = 0


def scenario(name: object = None) -> SimpleNamespace:
    screen = SimpleNamespace(width=1280, height=720)
    device = SimpleNamespace(model="Virtual Tablet", product="camtool_tablet", device="camtool_tablet",
                             manufacturer="camtool", android="12", sdk=31, wmpf="2.1.0", screen=screen)
    phone = SimpleNamespace(model="Pixel 7", product="panther", device="panther", manufacturer="Google",
                            android="14", sdk=34, screen=SimpleNamespace(width=720, height=1280))
    return SimpleNamespace(name="standin", description="stand-in", device=device, wechat_phone=phone,
                           builtin_cameras=[], usb_devices=[])


@dataclass
class State:
    scenario: object
    lock: threading.Lock = field(default_factory=threading.Lock)
    config: dict | None = None
    config_generation: int = 0
    wmpf_installed: bool = True
    unplugged: set = field(default_factory=set)

    def apply_config(self, config: dict) -> None:
        with self.lock:
            self.config, self.config_generation = dict(config), self.config_generation + 1

    def unplug_usb(self, i: int) -> None:
        self.unplugged.add(i)

    def replug_usb(self, i: int) -> None:
        self.unplugged.discard(i)

    def set_wmpf_installed(self, flag: bool) -> None:
        self.wmpf_installed = bool(flag)


def answer(state: State, argv: list[str], role: str) -> CommandResult | None:
    end = state.scenario.device if role == "device" else state.scenario.wechat_phone
    props = {"ro.product.model": end.model, "ro.product.device": end.device,
             "ro.build.version.release": end.android, "ro.build.version.sdk": str(end.sdk)}
    if argv[0] == "getprop":
        if len(argv) > 1:
            return CommandResult((props.get(argv[1], "") + "\n").encode())
        return CommandResult("".join(f"[{k}]: [{v}]\n" for k, v in props.items()).encode())
    return None


class EndFrames:
    def __init__(self, state: State, role: str):
        end = state.scenario.device if role == "device" else state.scenario.wechat_phone
        self.size = (end.screen.width, end.screen.height)

    def frame(self, n: int) -> np.ndarray:
        w, h = self.size
        img = np.full((h, w, 3), 96, np.uint8)
        x = (n * 8) % max(1, w - 32)
        img[h // 2 - 16:h // 2 + 16, x:x + 32] = 255  # something that moves, so frames differ
        return img


def png_bytes(bgr: np.ndarray) -> bytes:
    import cv2

    ok, data = cv2.imencode(".png", bgr)
    return data.tobytes() if ok else b""


def screenrecord_stream(render, width: int, height: int, fps: int, bit_rate: int,
                        time_limit_s: float, stop: threading.Event) -> Iterator[bytes]:
    import av

    codec = av.CodecContext.create("libx264", "w")
    codec.width, codec.height, codec.pix_fmt = width, height, "yuv420p"
    codec.framerate = fps
    codec.bit_rate = bit_rate
    codec.options = {"preset": "ultrafast", "tune": "zerolatency", "bf": "0"}
    start = time.monotonic()
    n = 0
    while not stop.is_set() and n < time_limit_s * fps:
        due = start + n / fps
        wait = due - time.monotonic()
        if wait > 0 and stop.wait(wait):
            break
        frame = av.VideoFrame.from_ndarray(render(n), format="bgr24").reformat(format="yuv420p")
        frame.pts = n
        data = b"".join(bytes(p) for p in codec.encode(frame))
        n += 1
        if data:
            yield data
    tail = b"".join(bytes(p) for p in codec.encode(None))
    if tail:
        yield tail
