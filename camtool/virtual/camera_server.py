"""The device's side of a scrcpy server started for a camera: the `app_process` line and its socket.

A real integrator pushes scrcpy's server file and runs it with
`CLASSPATH=/data/local/tmp/NAME app_process / com.genymobile.scrcpy.Server VERSION key=value...`.
The virtual device answers that line as a server of version `SERVER_VERSION` would, without
running any of scrcpy's code: any pushed file stands in for the server. Facts followed (scrcpy's
developer documentation for server versions 2.2 to 3.x; no real device was used):

- the first argument must equal the server's version, else it prints
  "The server version (S) does not match the client (C)" and exits;
- the camera source needs Android 12 (SDK 31);
- with `tunnel_forward=true` it listens on the abstract socket `scrcpy_<scid as 8 hex digits>`
  (what `adb forward tcp:P localabstract:NAME` reaches); on the first socket it sends one dummy
  byte, then the device name in 64 bytes (`send_device_meta`), then the codec id and the video
  width and height as big-endian u32 (`send_codec_meta`), then each packet behind a 12-byte
  header: u64 PTS in microseconds with bit 63 = config packet and bit 62 = key frame, and the
  u32 packet size (`send_frame_meta`).

The picture is the scenario camera's own: the upright scene as that camera's mounting turns
it (camtool.virtual.scene), stamped like the screens so `bench` can measure it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import struct
import threading
import time
from dataclasses import dataclass

import numpy as np

from camtool.config.turns import Turn
from camtool.virtual.adbd import Stream
from camtool.virtual.encoder import screenrecord_stream
from camtool.virtual.media import pump, run_encoder
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.shell import ShellIO
from camtool.device.frame_stamp import Stamp, draw_stamp, draw_ticker
from camtool.virtual.sync_service import DeviceFiles

SERVER_VERSION = "3.3.4"
SERVER_CLASS = "com.genymobile.scrcpy.Server"
CAMERA_MIN_SDK = 31
#: What every virtual camera streams (largest first), and its frame rates.
CAMERA_SIZES = ((1920, 1080), (1280, 720), (640, 480))
CAMERA_FPS = (15, 30)
CODEC_H264 = 0x68323634
FLAG_CONFIG = 1 << 63
FLAG_KEY_FRAME = 1 << 62
DEVICE_NAME_BYTES = 64
#: The virtual encoder's ceiling: the host pays for every bit, a phone's encoder does not.
MAX_BIT_RATE = 4_000_000
_BOOL = {"true": True, "false": False}
_KNOWN = {"scid", "log_level", "video", "audio", "control", "tunnel_forward", "video_source", "camera_id",
          "camera_size", "camera_facing", "camera_fps", "camera_ar", "camera_high_speed", "max_size", "max_fps",
          "video_codec", "video_bit_rate", "send_device_meta", "send_codec_meta", "send_frame_meta",
          "send_dummy_byte", "raw_stream", "cleanup", "power_off_on_close", "list_cameras",
          "list_camera_sizes", "stay_awake", "clipboard_autosync", "downsize_on_error", "video_encoder"}


class ServerRefusal(Exception):
    """The server stops before listening; the text is what it prints."""


@dataclass
class ServerOptions:
    socket_name: str
    camera_id: str | None
    camera_size: tuple[int, int] | None
    max_size: int
    fps: int
    bit_rate: int
    dummy_byte: bool
    device_meta: bool
    codec_meta: bool
    frame_meta: bool
    list_cameras: bool
    list_sizes: bool


def _flag(options: dict[str, str], key: str, default: bool) -> bool:
    value = options.get(key)
    if value is None:
        return default
    if value not in _BOOL:
        raise ServerRefusal(f"Invalid boolean value for {key}: {value}")
    return _BOOL[value]


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{1,5})x(\d{1,5})", text)
    if not m:
        raise ServerRefusal(f"Invalid size format (expected <width>x<height>): {text}")
    return int(m.group(1)), int(m.group(2))


def parse_options(args: list[str]) -> tuple[ServerOptions, list[str]]:
    """key=value arguments as the server reads them; returns the options and warnings to print."""
    raw: dict[str, str] = {}
    warnings = []
    for arg in args:
        key, sep, value = arg.partition("=")
        if not sep:
            raise ServerRefusal(f"Invalid key=value pair: \"{arg}\"")
        if key not in _KNOWN:
            warnings.append(f"Unknown server option: {key}")
            continue
        raw[key] = value
    raw_stream = _flag(raw, "raw_stream", False)
    if raw.get("video_source", "display") != "camera" and not (_flag(raw, "list_cameras", False)
                                                              or _flag(raw, "list_camera_sizes", False)):
        raise ServerRefusal("The virtual device's server streams cameras only: pass video_source=camera")
    if raw.get("video_codec", "h264") != "h264":
        raise ServerRefusal(f"No encoder for codec {raw['video_codec']} on the virtual device")
    for key in ("audio", "control"):
        if _flag(raw, key, True):
            raise ServerRefusal(f"The virtual device's server needs {key}=false (it has no {key} socket)")
    if not _flag(raw, "tunnel_forward", False):
        raise ServerRefusal("The virtual device's server needs tunnel_forward=true (adb reverse is not served)")
    scid = raw.get("scid")
    if scid is not None and not re.fullmatch(r"[0-9a-fA-F]{1,8}", scid):
        raise ServerRefusal(f"Invalid scid: {scid}")
    max_size = raw.get("max_size", "0")
    fps = raw.get("max_fps", raw.get("camera_fps", "30"))
    rate = raw.get("video_bit_rate", str(MAX_BIT_RATE))
    for key, value in (("max_size", max_size), ("max_fps", fps), ("video_bit_rate", rate)):
        if not re.fullmatch(r"\d{1,9}(\.\d+)?", value):
            raise ServerRefusal(f"Invalid value for {key}: {value}")
    return ServerOptions(
        socket_name="scrcpy" if scid is None else f"scrcpy_{int(scid, 16):08x}",
        camera_id=raw.get("camera_id"),
        camera_size=_size(raw["camera_size"]) if raw.get("camera_size") else None,
        max_size=int(max_size),
        fps=max(1, min(CAMERA_FPS[-1], round(float(fps)) or CAMERA_FPS[-1])),
        bit_rate=max(100_000, min(MAX_BIT_RATE, int(float(rate)))),
        dummy_byte=_flag(raw, "send_dummy_byte", True) and not raw_stream,
        device_meta=_flag(raw, "send_device_meta", True) and not raw_stream,
        codec_meta=_flag(raw, "send_codec_meta", True) and not raw_stream,
        frame_meta=_flag(raw, "send_frame_meta", True) and not raw_stream,
        list_cameras=_flag(raw, "list_cameras", False),
        list_sizes=_flag(raw, "list_camera_sizes", False),
    ), warnings


def nal_units(data: bytes) -> list[bytes]:
    """Annex-B bytes split into NAL units, each with its start code."""
    starts = [m.start() for m in re.finditer(b"\x00\x00\x01", data)]
    units = []
    for i, s in enumerate(starts):
        begin = s - 1 if s > 0 and data[s - 1] == 0 else s
        end = starts[i + 1] if i + 1 < len(starts) else len(data)
        if i + 1 < len(starts) and data[end - 1] == 0:
            end -= 1
        units.append(data[begin:end])
    return units


def split_packets(chunk: bytes) -> list[tuple[bytes, bool, bool]]:
    """One encoded frame as the server's packets: (payload, config, key frame).

    MediaCodec hands SPS and PPS over as a separate codec-config buffer; x264 puts them in front
    of the IDR frame, so they are split off here.
    """
    units = nal_units(chunk)
    config = [u for u in units if u[u.index(b"\x00\x00\x01") + 3] & 0x1F in (7, 8)]
    rest = [u for u in units if u not in config]
    packets = []
    if config:
        packets.append((b"".join(config), True, False))
    if rest:
        key = any(u[u.index(b"\x00\x00\x01") + 3] & 0x1F == 5 for u in rest)
        packets.append((b"".join(rest), False, key))
    return packets


def frame_header(pts_us: int, size: int, config: bool, key: bool) -> bytes:
    flags = (FLAG_CONFIG if config else 0) | (FLAG_KEY_FRAME if key else 0)
    return struct.pack(">QI", flags | (pts_us & (FLAG_KEY_FRAME - 1)), size)


@dataclass
class _Session:
    options: ServerOptions
    camera_id: str
    mounting: Turn
    size: tuple[int, int]
    device_name: str
    done: asyncio.Event
    connected: bool = False


class CameraServers:
    """The scrcpy servers running on one end: their listening sockets and the cameras they hold."""

    def __init__(self, endpoint, files: DeviceFiles, executor: concurrent.futures.Executor,
                 version: str = SERVER_VERSION) -> None:
        self._endpoint = endpoint
        self.files = files
        self.executor = executor
        self.version = version
        #: Camera ids another client holds: a test adds one to stand for WMPF in a call.
        self.in_use: set[str] = set()
        self._listening: dict[str, _Session] = {}
        self._stops: set[threading.Event] = set()

    # --- the shell side -----------------------------------------------------------------
    async def app_process(self, argv: list[str], env: dict[str, str], io: ShellIO, stream: Stream) -> int:
        classpath = env.get("CLASSPATH", "")
        args = argv[1:]
        if args[:1] == ["/"]:
            args = args[1:]
        if not args:
            await io.err(b"Usage: app_process [java-options] cmd-dir start-class-name [options]\n")
            return 1
        if self.files.get(classpath) is None or args[0] != SERVER_CLASS:
            await io.err(f"Error: Could not find or load main class {args[0]} (CLASSPATH={classpath})\n".encode())
            return 1
        client = args[1] if len(args) > 1 else ""
        if client != self.version:
            text = f"The server version ({self.version}) does not match the client ({client})"
            await io.err(f"[server] ERROR: {text}\njava.lang.IllegalArgumentException: {text}\n"
                         f"\tat com.genymobile.scrcpy.Options.parse(Options.java)\n".encode())
            return 1
        try:
            options, warnings = parse_options(args[2:])
            for warning in warnings:
                await io.err(f"[server] WARN: {warning}\n".encode())
            if self._endpoint.info.sdk < CAMERA_MIN_SDK:
                raise ServerRefusal("Camera mirroring is not supported before Android 12")
            if options.list_cameras or options.list_sizes:
                await io.out(self._camera_list(options.list_sizes).encode())
                return 0
            session = self._session(options)
        except ServerRefusal as exc:
            await io.err(f"[server] ERROR: {exc}\n".encode())
            return 1
        self._listening[options.socket_name] = session
        self.in_use.add(session.camera_id)
        await io.out(f"[server] INFO: Device: {session.device_name} (Android {self._endpoint.info.android})\n".encode())
        try:
            closed = asyncio.ensure_future(stream.closed.wait())
            ended = asyncio.ensure_future(session.done.wait())
            try:
                await asyncio.wait({closed, ended}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                closed.cancel()
                ended.cancel()
        finally:
            if self._listening.get(options.socket_name) is session:
                del self._listening[options.socket_name]
            self.in_use.discard(session.camera_id)
        return 0

    def _cameras(self) -> list:
        return list(self._endpoint.state.snapshot().builtin_cameras)

    def _camera_list(self, with_sizes: bool) -> str:
        lines = ["[server] INFO: List of cameras:"]
        for cam in self._cameras():
            w, h = CAMERA_SIZES[0]
            lines.append(f"    --camera-id={cam.id}    ({cam.facing}, {w}x{h}, fps={list(CAMERA_FPS)})")
            if with_sizes:
                lines += [f"        - {sw}x{sh}" for sw, sh in CAMERA_SIZES]
        return "\n".join(lines) + "\n"

    def _session(self, options: ServerOptions) -> _Session:
        cameras = self._cameras()
        if not cameras:
            raise ServerRefusal("No camera found")
        wanted = options.camera_id if options.camera_id is not None else cameras[0].id
        camera = next((c for c in cameras if c.id == wanted), None)
        if camera is None:
            raise ServerRefusal(f"Camera id {wanted} not found. Available camera ids: "
                                + ", ".join(c.id for c in cameras))
        if camera.id in self.in_use:
            raise ServerRefusal(f"Camera {camera.id} error: CAMERA_IN_USE (the camera is in use by another client)")
        if options.socket_name in self._listening:
            raise ServerRefusal(f"Address already in use: {options.socket_name}")
        if options.camera_size is not None:
            if options.camera_size not in CAMERA_SIZES:
                raise ServerRefusal(f"Camera {camera.id} has no size {options.camera_size[0]}x{options.camera_size[1]}")
            size = options.camera_size
        else:
            fitting = [s for s in CAMERA_SIZES if not options.max_size or max(s) <= options.max_size]
            size = fitting[0] if fitting else CAMERA_SIZES[-1]
        scenario = self._endpoint.state.scenario
        mounting = scenario.mounting_of(camera)
        info = self._endpoint.info
        return _Session(options, camera.id, Turn(int(mounting.rotation) % 360, bool(mounting.mirrored)),
                        size, f"{info.manufacturer} {info.model}".strip(), asyncio.Event())

    # --- the socket side ----------------------------------------------------------------
    def service(self, socket_name: str):
        session = self._listening.get(socket_name)
        if session is None or session.connected:
            return None  # nothing listens: adbd closes the stream, as a refused connect does
        session.connected = True
        return lambda stream: self._stream(session, stream)

    async def _stream(self, session: _Session, stream: Stream) -> None:
        options = session.options
        try:
            head = b""
            if options.dummy_byte:
                head += b"\0"
            if options.device_meta:
                head += session.device_name.encode("utf-8")[:DEVICE_NAME_BYTES - 1].ljust(DEVICE_NAME_BYTES, b"\0")
            if options.codec_meta:
                head += struct.pack(">III", CODEC_H264, *session.size)
            if head:
                await stream.write(head)
            await run_encoder(self.executor, self._stops, lambda loop, stop: self._encode(session, stream, loop, stop))
        finally:
            session.done.set()

    def _encode(self, session: _Session, stream: Stream, loop: asyncio.AbstractEventLoop,
                stop: threading.Event) -> None:
        picture = picture_of_mounted_camera(session.mounting, session.size)
        options = session.options
        width, height = session.size

        def render(n: int) -> np.ndarray:
            out = picture.copy()
            draw_ticker(out, n)
            return draw_stamp(out, Stamp(n, time.monotonic_ns(), 0))

        chunks = screenrecord_stream(render, width, height, options.fps, options.bit_rate, None, stop)
        started = time.monotonic_ns()

        def write(chunk: bytes):
            pts = (time.monotonic_ns() - started) // 1000
            data = bytearray()
            for payload, config, key in split_packets(chunk):
                if options.frame_meta:
                    data += frame_header(0 if config else pts, len(payload), config, key)
                data += payload
            return stream.write(bytes(data))

        pump(chunks, write, loop, stop)

    def stop_all(self) -> None:
        for stop in list(self._stops):
            stop.set()
