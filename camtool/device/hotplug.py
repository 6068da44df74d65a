"""A Qt-free hotplug watcher over adb's `track-devices`, surviving adb server restarts.

The adb server pushes the whole device list whenever it changes. The watcher keeps one
connection open on its own thread, hands each new list to a callback (the GUI wraps that
in a queued signal), and when the server goes away it reports an empty list with
`server_up=False`, then reconnects once the server is back. Stopping is prompt: reads use
a short socket timeout so the stop flag is seen.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass

from camtool.device.states import DeviceEntry, parse_devices_output

log = logging.getLogger(__name__)

POLL_S = 0.25          # how often a blocked read checks the stop flag
RECONNECT_S = 1.0      # how often a lost server is tried again


@dataclass(frozen=True)
class DeviceListChange:
    devices: tuple[DeviceEntry, ...]
    server_up: bool


class HotplugWatcher:
    def __init__(self, host: str, port: int, on_change: Callable[[DeviceListChange], None]) -> None:
        self._address = (host, port)
        self._on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last: DeviceListChange | None = None

    def start(self) -> "HotplugWatcher":
        self._thread = threading.Thread(target=self._run, name="camtool-hotplug", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def __enter__(self) -> "HotplugWatcher":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the thread ---------------------------------------------------------------------------
    def _emit(self, change: DeviceListChange) -> None:
        if change == self._last:
            return
        self._last = change
        try:
            self._on_change(change)
        except Exception:  # a consumer's bug must not kill the watcher
            log.exception("hotplug consumer failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._watch_once()
            except OSError as exc:
                log.debug("adb server not reachable: %s", exc)
            if self._stop.is_set():
                break
            self._emit(DeviceListChange((), server_up=False))
            self._stop.wait(RECONNECT_S)

    def _watch_once(self) -> None:
        with socket.create_connection(self._address, timeout=2.0) as sock:
            request = b"host:track-devices-l"
            sock.sendall(b"%04x" % len(request) + request)
            sock.settimeout(POLL_S)
            buffer = bytearray()
            status = self._read(sock, buffer, 4)
            if status != b"OKAY":
                raise OSError(f"adb server refused track-devices: {status!r}")
            while not self._stop.is_set():
                size_hex = self._read(sock, buffer, 4)
                if size_hex is None:
                    return
                try:
                    size = int(size_hex, 16)
                except ValueError:
                    raise OSError("garbage from the adb server") from None
                payload = self._read(sock, buffer, size) if size else b""
                if payload is None:
                    return
                devices = parse_devices_output(payload.decode("utf-8", "replace"))
                self._emit(DeviceListChange(tuple(devices), server_up=True))

    def _read(self, sock: socket.socket, buffer: bytearray, size: int) -> bytes | None:
        """Exactly `size` bytes, or None when stopping; OSError when the server closes."""
        while len(buffer) < size:
            if self._stop.is_set():
                return None
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                raise OSError("adb server closed the connection")
            buffer.extend(chunk)
        data = bytes(buffer[:size])
        del buffer[:size]
        return data
