"""H.264 for the virtual device's `screenrecord` and PNG for its `screencap -p`.

The stream looks like Android's `screenrecord --output-format=h264 -`: raw Annex-B (start
codes, SPS/PPS in band), no B-frames, an IDR frame at the start and every ~2 s. libx264
runs with `tune=zerolatency` so each input frame comes out at once (no look-ahead queue):
a consumer measures latency from the frame stamp, and a queue would add to it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from fractions import Fraction

import av
import cv2
import numpy as np

from camtool.i18n import tr

__all__ = ["H264Encoder", "screenrecord_stream", "png_bytes", "DEFAULT_BIT_RATE",
           "DEFAULT_FPS", "KEYFRAME_INTERVAL_S"]

#: screenrecord's default --bit-rate (20 Mbps on current Android).
DEFAULT_BIT_RATE = 20_000_000
DEFAULT_FPS = 30
KEYFRAME_INTERVAL_S = 2.0
#: How far behind schedule the stream may fall before it stops trying to catch up.
_MAX_LAG_S = 0.5


class H264Encoder:
    """BGR frames in, Annex-B H.264 bytes out (one call per frame; nothing is buffered)."""

    def __init__(self, width: int, height: int, fps: int = DEFAULT_FPS,
                 bit_rate: int = DEFAULT_BIT_RATE, preset: str = "ultrafast"):
        if width < 16 or height < 16 or width % 2 or height % 2:
            raise ValueError(tr("Video size {width}x{height} cannot be encoded: width and height must be even and at least 16.",
                                width=width, height=height))
        if fps < 1 or bit_rate < 1000:
            raise ValueError(tr("Frame rate {fps} or bit rate {bit_rate} is out of range.", fps=fps, bit_rate=bit_rate))
        self.width, self.height, self.fps = int(width), int(height), int(fps)
        gop = max(1, round(fps * KEYFRAME_INTERVAL_S))
        codec = av.CodecContext.create("libx264", "w")
        codec.width, codec.height = self.width, self.height
        codec.pix_fmt = "yuv420p"
        codec.time_base = Fraction(1, self.fps)
        codec.framerate = Fraction(self.fps, 1)
        codec.bit_rate = int(bit_rate)
        codec.gop_size = gop
        codec.max_b_frames = 0
        codec.options = {
            "preset": preset,
            "tune": "zerolatency",
            # repeat-headers: SPS/PPS before every IDR, so a reader that joins late can start there.
            "x264-params": f"keyint={gop}:min-keyint={gop}:scenecut=0:bframes=0:repeat-headers=1",
        }
        codec.open()
        self._codec = codec
        self._pts = 0

    def _frame(self, bgr: np.ndarray) -> av.VideoFrame:
        if bgr.shape[1] != self.width or bgr.shape[0] != self.height:
            # screenrecord --size scales the whole screen, stamp included.
            bgr = cv2.resize(bgr, (self.width, self.height), interpolation=cv2.INTER_AREA)
        # OpenCV's BGR -> I420 is several times cheaper than letting swscale convert bgr24.
        yuv = cv2.cvtColor(bgr, cv2.COLOR_BGR2YUV_I420)
        frame = av.VideoFrame.from_ndarray(yuv, format="yuv420p")
        frame.pts = self._pts
        frame.time_base = self._codec.time_base
        self._pts += 1
        return frame

    def encode(self, bgr: np.ndarray) -> bytes:
        """Encode one frame; returns its Annex-B bytes (the first call starts with SPS/PPS + IDR)."""
        return b"".join(bytes(packet) for packet in self._codec.encode(self._frame(bgr)))

    def flush(self) -> bytes:
        """Whatever the encoder still holds (nothing with zerolatency, but say so explicitly)."""
        try:
            return b"".join(bytes(packet) for packet in self._codec.encode(None))
        except (av.error.EOFError, ValueError):
            return b""

    @property
    def frames_encoded(self) -> int:
        return self._pts


def screenrecord_stream(render: Callable[[int], np.ndarray], width: int, height: int,
                        fps: int = DEFAULT_FPS, bit_rate: int = DEFAULT_BIT_RATE,
                        time_limit_s: float | None = 180.0,
                        stop: threading.Event | None = None) -> Iterator[bytes]:
    """Yield Annex-B chunks of frames `render(0)`, `render(1)`, ... paced at `fps` in real time.

    Ends after `time_limit_s` seconds (None = no limit) or as soon as `stop` is set. Frame
    numbers passed to `render` are consecutive; when rendering falls more than half a second
    behind, the schedule restarts from now instead of bursting frames to catch up.
    """
    stop = stop or threading.Event()
    encoder = H264Encoder(width, height, fps, bit_rate)
    period_ns = 1_000_000_000 // fps
    start_ns = schedule_ns = time.monotonic_ns()
    end_ns = None if time_limit_s is None else start_ns + int(time_limit_s * 1e9)
    n = 0
    while not stop.is_set():
        now_ns = time.monotonic_ns()
        if end_ns is not None and now_ns >= end_ns and n > 0:
            break  # a stream always carries its first frame, however short the limit
        due_ns = schedule_ns + n * period_ns
        if due_ns > now_ns:
            # Waiting on the event makes `stop` take effect at once instead of after the pause.
            if stop.wait((due_ns - now_ns) / 1e9):
                break
            continue
        if now_ns - due_ns > _MAX_LAG_S * 1e9:
            schedule_ns = now_ns - n * period_ns  # frame n is due now; later ones follow at fps
        chunk = encoder.encode(render(n))
        n += 1
        if chunk:
            yield chunk
    tail = encoder.flush()
    if tail:
        yield tail


def png_bytes(bgr: np.ndarray) -> bytes:
    """A PNG of the picture, as `screencap -p` writes it (fast compression: it is sent, not stored)."""
    ok, buffer = cv2.imencode(".png", bgr, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:
        raise ValueError(tr("The picture could not be encoded as PNG."))
    return buffer.tobytes()
