"""The camera itself as a capture source: scrcpy's server, supplied by the user, on Android 12+.

The shell user may open a camera from Android 12; scrcpy's server (Apache-2.0) does exactly
that and streams H.264. camtool never ships or downloads it: it finds the user's file, pushes
it, runs it with `app_process` and reads its stream, following the server protocol scrcpy
documents for server versions 2.2 and later (see `read_stream_head` and `PacketHeader`).
None of scrcpy's code is used. The frames are the same `Frame`s the screen source delivers.

The server insists on the client's exact version as its first argument. camtool does not
ask the user: it starts the server once with a placeholder, reads the server's own
"The server version (X) does not match the client (Y)" answer and starts it again as X.
Every refusal is a `CameraRefusal` that says what to do; every wait has a deadline.
"""


from __future__ import annotations

import logging
import os
import threading
import time

from camtool.device.capture import SourceState, _SourceBase
from camtool.device.errors import DeviceError, DeviceGone
from camtool.device.h264 import H264Decoder
from camtool.device.scrcpy_stream import PacketHeader, StreamHead, Stopped, read_exactly
from camtool.i18n import N_, tr
# The refusals and the server have their own modules (camera_refusals.py, scrcpy_server.py);
# their names stay importable from here, the camera source's one entry point.
from camtool.device.camera_refusals import (  # noqa: F401 (re-exported)
    CameraBusy, CameraNotPresent, CameraRefusal, NeedsAndroid12, NoServerFile, ServerFailed, ServerNoAnswer,
    ServerTooOld,
)
from camtool.device.scrcpy_server import (  # noqa: F401 (re-exported)
    CAMERA_MIN_SDK, MIN_SERVER_VERSION, OPEN_TIMEOUT_S, READ_TIMEOUT_S, REMOTE_PATH, SERVER_FILE_ENV,
    START_TIMEOUT_S, CameraRequest, CameraServer, _learned_versions, check_camera_id, find_server_file,
    install_places, version_tuple,
)

log = logging.getLogger(__name__)

MAX_PACKET = 32 << 20
KEEP_PACKET_BYTES = 64 << 20


# -- the source -----------------------------------------------------------------------------

class CameraSource(_SourceBase):
    """Decoded frames of one camera, through the user's scrcpy server (Android 12+)."""

    def __init__(self, io, serial: str, server_file: str | os.PathLike | None, camera_id: str | None = None,
                 size: tuple[int, int] | None = None, fps: int = 30, **kwargs) -> None:
        super().__init__(**kwargs)
        self._server = CameraServer(io, serial, server_file)
        self._request = CameraRequest(check_camera_id(camera_id), size, fps)
        self.restarts = 0
        self.refusal: CameraRefusal | None = None
        self.head: StreamHead | None = None
        self._prepared = False
        #: The first packets received (Annex-B, at most KEEP_PACKET_BYTES), as the screen's recording is kept.
        self.packets: list[bytes] = []
        self._kept_bytes = 0

    @property
    def server_version(self) -> str | None:
        return self._server.version

    def prepare(self) -> None:
        """The checks before streaming (Android 12, push, version); raises the refusal, in words."""
        if self._prepared:
            return
        self._server.check_device()
        self._server.learn_version(self._stop)
        self._prepared = True

    def _run_guarded(self) -> None:
        while not self._stop.is_set():
            try:
                self.prepare()
                self._run()
            except Stopped:
                return
            except CameraRefusal as exc:
                # A refusal does not go away by trying again: say it and stop.
                self.refusal = exc
                self._set_state(SourceState.LOST, exc.describe())
                return
            except DeviceError as exc:
                if self._stop.is_set():
                    return   # the device went away because we were leaving: nobody to tell
                self._set_state(SourceState.LOST, exc.describe())
                self.restarts += 1
                self._stop.wait(1.0)
            except Exception as exc:  # garbage from a device must not kill the thread silently
                log.exception("camera source failed")
                self._set_state(SourceState.LOST, str(exc))
                self.restarts += 1
                self._stop.wait(1.0)

    def _run(self) -> None:
        run, stream, head = self._server.start(self._request, self._stop)
        self.head = head
        decoder = H264Decoder()
        layout_v4 = self._server.layout_v4
        try:
            while not self._stop.is_set():
                header = PacketHeader.parse(read_exactly(stream, 12, self._stop, serial=self._server.serial), layout_v4)
                if header.session:
                    continue  # the 12 bytes were the whole session packet (a new video size)
                if header.size > MAX_PACKET:
                    raise DeviceGone(self._server.serial, tr(N_("a packet of {size} bytes from the scrcpy server"),
                                                             size=header.size))
                payload = read_exactly(stream, header.size, self._stop, serial=self._server.serial)
                if self._kept_bytes < KEEP_PACKET_BYTES:   # for `bench`'s decode-only ceiling
                    self.packets.append(payload)
                    self._kept_bytes += len(payload)
                received = time.monotonic_ns()   # the packet's last byte: decoding and conversion start here
                for image, received_ns in decoder.feed_timed(payload, idle=not header.config, received_ns=received):
                    self._deliver(image, received_ns)
        finally:
            stream.close()
            run.close()


def wait_first_frame(source: CameraSource, timeout: float, cancel: threading.Event | None = None) -> None:
    """Block until the source streams, refuses, or the deadline passes (raising the refusal)."""
    deadline = time.monotonic() + timeout
    while source.frames_delivered == 0:
        if source.refusal is not None:
            raise source.refusal
        if cancel is not None and cancel.is_set():
            return
        if time.monotonic() > deadline:
            raise ServerNoAnswer(source._server.serial)
        time.sleep(0.05)


__all__ = ["CameraSource", "CameraServer", "CameraRequest", "CameraRefusal", "NeedsAndroid12", "NoServerFile",
           "ServerTooOld", "CameraNotPresent", "CameraBusy", "ServerFailed", "ServerNoAnswer",
           "find_server_file", "install_places", "wait_first_frame"]
