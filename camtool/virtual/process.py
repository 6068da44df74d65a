"""The virtual device in a process of its own: `camtool virtual start` as a child, for the window.

In the window's process, rendering and H.264-encoding two ends took the GIL from the GUI
thread (PyAV copies each encoded frame's planes holding it) and stalled the window by tens of
milliseconds while both ends played (issue 14). A phone is other hardware; the virtual device
now is another process, and the window meets it over adb exactly as it meets a phone.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from camtool.device.cpu_priority import VIRTUAL_DEVICE_NICE
from camtool.i18n import tr
from camtool.virtual.device import ATTACH_TIMEOUT_S, VirtualDeviceError

log = logging.getLogger(__name__)

#: Fresh port pairs tried when a port is taken before the child binds it.
_START_ATTEMPTS = 3
_STOP_TIMEOUT_S = 15.0


class VirtualDeviceProcess:
    """`camtool virtual start --scenario S` attached to the adb server `server` (an AdbServer)."""

    def __init__(self, scenario: str | Path, server, timeout: float = ATTACH_TIMEOUT_S) -> None:
        self.scenario = str(scenario)
        self.server = server
        self.serial = self.wechat_serial = ""
        self._timeout = timeout
        self._child: subprocess.Popen | None = None
        self._errors = None

    def start(self) -> VirtualDeviceProcess:
        """Start the child and wait until adb lists both ends; VirtualDeviceError with its words if it cannot."""
        for attempt in range(_START_ATTEMPTS):
            try:
                self._start_once()
                return self
            except VirtualDeviceError as exc:
                if attempt == _START_ATTEMPTS - 1 or "already in use" not in str(exc).lower():
                    raise
        raise AssertionError("unreachable")

    def _start_once(self) -> None:
        from camtool import i18n
        from camtool.device.adb_server import free_port

        port, wechat_port = free_port(), free_port()
        self.serial, self.wechat_serial = f"127.0.0.1:{port}", f"127.0.0.1:{wechat_port}"
        argv = [sys.executable, "-m", "camtool", "--lang", i18n.language(), "virtual", "start",
                "--scenario", self.scenario, "--port", str(port), "--wechat-port", str(wechat_port),
                "--nice", str(VIRTUAL_DEVICE_NICE)]
        # A file, not a pipe: a child that logs much would block on a full pipe nobody reads.
        self._errors = tempfile.TemporaryFile()
        flags = subprocess.CREATE_NEW_PROCESS_GROUP if sys.platform.startswith("win") else 0
        self._child = subprocess.Popen(argv, env=self.server.env, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=self._errors, creationflags=flags)
        deadline = time.monotonic() + self._timeout
        delay = 0.05
        while not all(self.server.state(serial, timeout=5.0) == "device" for serial in (self.serial, self.wechat_serial)):
            if self._child.poll() is not None or time.monotonic() > deadline:
                said = self._said()
                self.stop()
                raise VirtualDeviceError(said or tr("The virtual device did not attach to adb within {seconds} s.",
                                                    seconds=int(self._timeout)))
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
        log.info("virtual device %s, WeChat phone %s (process %d)", self.serial, self.wechat_serial, self._child.pid)

    def _said(self) -> str:
        """The child's last line on stderr (its own message, already translated)."""
        if self._errors is None:
            return ""
        self._errors.seek(0)
        lines = [line for line in self._errors.read().decode("utf-8", "replace").splitlines() if line.strip()]
        return lines[-1].strip() if lines else ""

    def stop(self) -> None:
        """SIGTERM: the child detaches from adb and stops; killed if it does not. Safe to repeat."""
        child, self._child = self._child, None
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(_STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait(5)
        if child is not None:
            for serial in (self.serial, self.wechat_serial):   # a killed child could not detach itself
                if self.server.state(serial, timeout=5.0) is not None:
                    self.server.disconnect(serial)
        if self._errors is not None:
            self._errors.close()
            self._errors = None

    @property
    def pid(self) -> int | None:
        return self._child.pid if self._child is not None else None

    def running(self) -> bool:
        return self._child is not None and self._child.poll() is None
