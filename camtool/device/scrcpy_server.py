"""scrcpy's server, supplied by the user, on the device: finding the file, pushing it, starting it for a camera.

camtool never ships or downloads the server (Apache-2.0): it finds the user's file, pushes it,
runs it with `app_process` and follows the server protocol scrcpy documents for server
versions 2.2 and later. None of scrcpy's code is used. The server insists on the client's
exact version as its first argument: camtool starts it once with a placeholder, reads the
server's own "The server version (X) does not match the client (Y)" answer and starts it
again as X. Every refusal is a `CameraRefusal` (camera_refusals.py); every wait has a deadline.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from camtool.device.adb_io import quote_command
from camtool.device.camera_refusals import (
    CameraBusy, CameraNotPresent, NeedsAndroid12, NoServerFile, ServerFailed, ServerNoAnswer, ServerTooOld,
)
from camtool.device.errors import DeviceError, DeviceTimeout
from camtool.device.scrcpy_stream import CODEC_H264, Stopped, read_stream_head
from camtool.i18n import N_, join_list, tr
from camtool.printable import printable

CAMERA_MIN_SDK = 31                      # Android 12: the shell user may open cameras
MIN_SERVER_VERSION = (2, 2)              # the first with the protocol followed here
REMOTE_PATH = "/data/local/tmp/camtool-scrcpy-server.jar"
SERVER_CLASS = "com.genymobile.scrcpy.Server"
SERVER_FILE_ENV = "SCRCPY_SERVER_PATH"
#: Any version the server rejects makes it say its own; this one is never a real release.
PLACEHOLDER_VERSION = "0"
START_TIMEOUT_S = 15.0                   # server start to its socket answering
OPEN_TIMEOUT_S = 5.0                     # opening an adb stream to the device
READ_TIMEOUT_S = 1.0                     # one socket read; `stop()` takes effect within this
MAX_SERVER_TEXT = 64 << 10
CAMERA_ID_PATTERN = re.compile(r"^[A-Za-z0-9_./-]{1,64}$")
_VERSION_ANSWER = re.compile(r"The server version \(([^()\s]{1,32})\) does not match the client")
_BUSY = re.compile(r"in use|IN_USE|CAMERA_DISABLED|disconnected", re.I)
_NOT_FOUND = re.compile(r"camera.{0,40}not found|no camera|invalid camera id|unknown camera", re.I)
_LISTED_ID = re.compile(r"--camera-id=(\S+)\s+\((\w+)")
_LISTED_SIZE = re.compile(r"^\s+- (\d{1,5})x(\d{1,5})\s*$", re.M)
#: Versions learned per server file (by content), so the handshake costs one start per file.
_learned_versions: dict[str, str] = {}


# -- the server file ------------------------------------------------------------------------

def install_places(env: Mapping[str, str] = os.environ) -> list[Path]:
    """Where scrcpy's packages put the server file, most specific first."""
    places = [Path("/usr/share/scrcpy/scrcpy-server"), Path("/usr/local/share/scrcpy/scrcpy-server")]
    brew = env.get("HOMEBREW_PREFIX")
    if brew:
        places.append(Path(brew) / "share/scrcpy/scrcpy-server")
    places.append(Path("/opt/homebrew/share/scrcpy/scrcpy-server"))
    found = shutil.which("scrcpy.exe" if sys.platform.startswith("win") else "scrcpy", path=env.get("PATH"))
    if found:
        # Windows releases keep scrcpy-server next to scrcpy.exe; Homebrew links bin/scrcpy into
        # its prefix, so the file is at ../share/scrcpy from the real binary.
        real = Path(found).resolve()
        places += [Path(found).parent / "scrcpy-server", real.parent / "scrcpy-server",
                   real.parent.parent / "share/scrcpy/scrcpy-server"]
    return places


def find_server_file(explicit: str | os.PathLike | None = None, env: Mapping[str, str] = os.environ,
                     places: list[Path] | None = None) -> Path:
    """The scrcpy server file to use: the given one, $SCRCPY_SERVER_PATH, or an install place."""
    for given, origin in ((explicit, "--scrcpy-server"), (env.get(SERVER_FILE_ENV), SERVER_FILE_ENV)):
        if given:
            path = Path(given)
            if not path.is_file():
                raise NoServerFile(detail=tr(N_("{path} (from {origin})"), path=_quoted(str(path)), origin=origin))
            return path
    for path in places if places is not None else install_places(env):
        if path.is_file():
            return path
    raise NoServerFile(detail="")


def _quoted(text: str, limit: int = 600) -> str:
    """A path, a version or the server's words as a message quotes them: escaped (camtool.printable), capped."""
    return printable(text)[:limit]


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


# -- the server on the device ---------------------------------------------------------------

class _ServerRun:
    """One `app_process` run of the server: its output collected on a thread until it ends."""

    def __init__(self, io, serial: str, version: str, options: list[str]) -> None:
        line = f"CLASSPATH={REMOTE_PATH} app_process / {SERVER_CLASS} " + quote_command([version, *options])
        self._stream = _short_reads(io.stream(serial, line, timeout=OPEN_TIMEOUT_S))
        self._text = bytearray()
        self._closed = False
        self.ended = threading.Event()
        self._thread = threading.Thread(target=self._collect, name="scrcpy-server-output", daemon=True)
        self._thread.start()

    def _collect(self) -> None:
        try:
            while not self._closed:
                try:
                    chunk = self._stream.read(4096)
                except DeviceTimeout:
                    continue
                if not chunk:
                    break
                if len(self._text) < MAX_SERVER_TEXT:
                    self._text += chunk
        except DeviceError:
            pass
        finally:
            self.ended.set()

    @property
    def text(self) -> str:
        return bytes(self._text).decode("utf-8", "replace")

    def wait(self, timeout: float) -> bool:
        return self.ended.wait(timeout)

    def close(self) -> None:
        self._closed = True
        self._stream.close()
        self._thread.join(READ_TIMEOUT_S * 2)


def _short_reads(stream):
    """Reads time out after READ_TIMEOUT_S (opening may take longer), so a stop is seen promptly."""
    sock = getattr(getattr(stream, "_connection", None), "conn", None)
    if sock is not None:
        sock.settimeout(READ_TIMEOUT_S)
    return stream


def _server_words(text: str) -> str:
    """The server's error lines, for a message: printable only, without the Java stack."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("at ")]
    picked = [ln for ln in lines if "ERROR" in ln] or lines
    return _quoted(" / ".join(picked[:4]))


@dataclass
class CameraRequest:
    camera_id: str | None = None
    size: tuple[int, int] | None = None
    fps: int = 30


class CameraServer:
    """Pushes the server file, learns its version, and starts it for a camera (one device)."""

    def __init__(self, io, serial: str, server_file: str | os.PathLike | None) -> None:
        """`server_file` None: found when first needed (find_server_file), so the refusal comes from the worker."""
        self.io, self.serial = io, serial
        self.server_file = Path(server_file) if server_file is not None else None
        self.version: str | None = None
        self._pushed = False

    def check_device(self) -> None:
        result = self.io.shell(self.serial, ["getprop", "ro.build.version.sdk"], timeout=10.0)
        sdk_text = result.text.strip()
        if not sdk_text.isdigit():
            return  # unknown: the server itself will say whether it can
        if int(sdk_text) < CAMERA_MIN_SDK:
            raise NeedsAndroid12(self.serial, sdk_text)

    def push(self) -> None:
        if self._pushed:
            return
        if self.server_file is None:
            self.server_file = find_server_file()
        try:
            data = self.server_file.read_bytes()
        except OSError as exc:
            raise NoServerFile(detail=tr(N_("{path} ({reason})"), path=_quoted(str(self.server_file)),
                                         reason=exc.strerror or str(exc))) from None
        self._key = hashlib.sha256(data).hexdigest()
        self.io.push(self.serial, data, REMOTE_PATH, 0o644, timeout=30.0)
        self._pushed = True

    def _wait_end(self, run: _ServerRun, stop: threading.Event | None) -> None:
        """Until the server run ends by itself; a stop or the deadline ends the wait."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while not run.wait(0.1):
            if stop is not None and stop.is_set():
                raise Stopped()
            if time.monotonic() > deadline:
                raise ServerNoAnswer(self.serial)

    def learn_version(self, stop: threading.Event | None = None) -> str:
        """The server's version, from its answer to a placeholder (once per file)."""
        self.push()
        known = _learned_versions.get(self._key)
        if known:
            self.version = known
            return known
        run = _ServerRun(self.io, self.serial, PLACEHOLDER_VERSION, ["log_level=info"])
        try:
            self._wait_end(run, stop)
            text = run.text
        finally:
            run.close()
        found = _VERSION_ANSWER.search(text)
        if not found:
            raise ServerFailed(self.serial, _server_words(text) or tr(N_("nothing; is the file a scrcpy server?")))
        version = found.group(1)
        if version_tuple(version) < MIN_SERVER_VERSION:
            raise ServerTooOld(self.serial, _quoted(version))
        _learned_versions[self._key] = version
        self.version = version
        return version

    def list_cameras(self) -> list[tuple[str, str, list[tuple[int, int]]]]:
        """(id, facing, sizes) of each camera, as the server lists them."""
        version = self.learn_version()
        options = ["log_level=info", "video_source=camera", "list_camera_sizes=true",
                   "audio=false", "control=false", "tunnel_forward=true"]
        run = _ServerRun(self.io, self.serial, version, options)
        try:
            self._wait_end(run, None)
            text = run.text
        finally:
            run.close()
        cameras = []
        blocks = re.split(r"(?=--camera-id=)", text)
        for block in blocks:
            m = _LISTED_ID.match(block)
            if m:
                sizes = [(int(w), int(h)) for w, h in _LISTED_SIZE.findall(block)]
                cameras.append((m.group(1), m.group(2), sizes))
        if not cameras and "ERROR" in text:
            raise ServerFailed(self.serial, _server_words(text))
        return cameras

    def start(self, request: CameraRequest, stop: threading.Event | None = None):
        """Start the server for the camera; returns (server run, stream positioned after the head, head)."""
        version = self.version or self.learn_version()
        scid = random.randrange(1, 1 << 31)
        options = [f"scid={scid:08x}", "log_level=info", "video_source=camera", "audio=false", "control=false",
                   "tunnel_forward=true", "video_codec=h264", f"max_fps={int(request.fps)}", "cleanup=false"]
        if request.camera_id is not None:
            options.append(f"camera_id={request.camera_id}")
        if request.size is not None:
            options.append(f"camera_size={int(request.size[0])}x{int(request.size[1])}")
        run = _ServerRun(self.io, self.serial, version, options)
        try:
            stream = self._connect(run, f"scrcpy_{scid:08x}", stop, request.camera_id)
            try:
                head = read_stream_head(stream, self.layout_v4, self.serial, stop)
            except BaseException:
                stream.close()
                raise
        except BaseException:
            run.close()
            raise
        if head.codec != CODEC_H264:
            stream.close()
            run.close()
            raise ServerFailed(self.serial, tr(N_("it streams codec {codec:#x}, not H.264"), codec=head.codec))
        return run, stream, head

    @property
    def layout_v4(self) -> bool:
        return bool(self.version) and version_tuple(self.version)[:1] >= (4,)

    def _connect(self, run: _ServerRun, name: str, stop: threading.Event | None, camera_id: str | None):
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if stop is not None and stop.is_set():
                raise Stopped()
            if run.ended.is_set():
                self._explain_failure(run.text, camera_id)
            try:
                return _short_reads(self.io.connect_abstract(self.serial, name, timeout=OPEN_TIMEOUT_S))
            except DeviceError:
                pass  # nothing listens yet: the server is still starting
            if time.monotonic() > deadline:
                raise ServerNoAnswer(self.serial)
            run.wait(0.1)

    def _explain_failure(self, text: str, camera_id: str | None) -> None:
        """The server ended before listening: say why, in camtool's words where it can tell."""
        words = _server_words(text)
        if "not supported before Android 12" in text:
            raise NeedsAndroid12(self.serial, "< 31")
        if _BUSY.search(text):
            raise CameraBusy(self.serial, words)
        if _NOT_FOUND.search(text):
            raise CameraNotPresent(self.serial, words)
        if camera_id is not None:
            # The server's wording differs between versions: its own camera list decides.
            try:
                listed = [cam_id for cam_id, _facing, _sizes in self.list_cameras()]
            except DeviceError:
                listed = []
            if listed and camera_id not in listed:
                raise CameraNotPresent(self.serial, tr(N_("{id}; the cameras are {ids}"), id=camera_id,
                                                       ids=join_list(listed)))
        raise ServerFailed(self.serial, words or tr(N_("nothing")))


def check_camera_id(camera_id: str | None) -> str | None:
    """A camera id as Android prints them; anything else is refused before it reaches a device."""
    if camera_id is not None and not CAMERA_ID_PATTERN.match(camera_id):
        raise CameraNotPresent(None, camera_id.encode("unicode_escape").decode("ascii")[:80])
    return camera_id
