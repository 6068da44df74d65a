"""`VirtualDevice`: a scenario's device and its WeChat phone, served over adb from a background thread.

    with VirtualDevice("tablet-a12").start(AdbServer()) as vd:
        adbutils.AdbClient(port=server.port).device(vd.serial).shell("getprop ro.product.model")

Two endpoints share one state: the device (role "device", `serial`) and the phone that receives
the call (role "wechat", `wechat_serial`), whose screen shows the pushed picture. `start()`
runs an asyncio loop on its own thread and, given an adb server, attaches both with
`adb connect`; `stop()` detaches and closes everything it opened.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
from pathlib import Path

from camtool.i18n import tr
from camtool.virtual.adbd import AdbdServer
from camtool.virtual.device_state import VirtualDeviceState
from camtool.virtual.faults import Faults
from camtool.virtual.replay import ReplayAnswers
from camtool.virtual.scenario import DEFAULT_SCENARIO, Scenario, load_scenario
from camtool.virtual.services import EndEndpoint

log = logging.getLogger(__name__)

ATTACH_TIMEOUT_S = 15.0
_EMULATOR_PORTS = range(5554, 5586)


class VirtualDeviceError(RuntimeError):
    """The virtual device could not start or attach; the message says what to do."""


def _load_scenario(scenario) -> Scenario:
    if scenario is None:
        scenario = DEFAULT_SCENARIO
    if isinstance(scenario, (str, Path)):
        return load_scenario(scenario)
    return scenario


class VirtualDevice:
    """A virtual device and its WeChat phone on two loopback ports (0 = a free port each)."""

    def __init__(self, scenario=None, port: int = 0, replay_dir: Path | str | None = None, *,
                 wechat_port: int = 0, host: str = "127.0.0.1"):
        for value in (port, wechat_port):
            if value in _EMULATOR_PORTS:
                raise VirtualDeviceError(tr("Port {port} is in adb's emulator range (5554-5585); choose another.", port=value))
        self.scenario = _load_scenario(scenario)
        self.state = VirtualDeviceState(self.scenario)
        self.replay = ReplayAnswers(Path(replay_dir)) if replay_dir is not None else None
        self.host = host
        self._ports = (port, wechat_port)
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._servers: list[AdbdServer] = []
        self.endpoints: list[EndEndpoint] = []
        self.adb_server = None
        #: Protocol faults of each end (see `camtool.virtual.faults`); set before or after start().
        self.faults = Faults()
        self.wechat_faults = Faults()

    # --- addresses ---------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._servers[0].port if self._servers else 0

    @property
    def wechat_port(self) -> int:
        return self._servers[1].port if self._servers else 0

    @property
    def serial(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def wechat_serial(self) -> str:
        return f"{self.host}:{self.wechat_port}"

    # --- life cycle ----------------------------------------------------------------------
    def start(self, adb_server=None, timeout: float = ATTACH_TIMEOUT_S) -> VirtualDevice:
        """Listen on both ports; with `adb_server` (an `AdbServer` or a server port), attach both and wait until listed."""
        if self._thread is not None:
            return self
        if isinstance(adb_server, int):
            from camtool.device.adb_server import AdbServer

            adb_server = AdbServer(port=adb_server)
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="camtool-virtual-media")
        self.endpoints = [
            EndEndpoint("device", self.state, self.scenario, self._executor, self.replay, self.faults),
            EndEndpoint("wechat", self.state, self.scenario, self._executor, None, self.wechat_faults),
        ]
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="camtool-virtual-device", daemon=True)
        self._thread.start()
        try:
            self._servers = [AdbdServer(ep, self.host, port) for ep, port in zip(self.endpoints, self._ports)]
            for server in self._servers:
                self.call(server.start(), timeout)
        except OSError as exc:
            self.stop()
            raise VirtualDeviceError(tr("Cannot listen on {host} port {port}: {reason}. Choose another port with --port.",
                                        host=self.host, port=self._ports[0] or 0, reason=exc.strerror or str(exc))) from exc
        log.info("virtual device %s, WeChat phone %s", self.serial, self.wechat_serial)
        if adb_server is not None:
            try:
                self.attach(adb_server, timeout)
            except BaseException:
                self.stop()
                raise
        return self

    def attach(self, adb_server, timeout: float = ATTACH_TIMEOUT_S) -> None:
        """`adb connect` both endpoints and wait until adb lists them (unless a fault forbids it)."""
        self.adb_server = adb_server
        for serial, faults in ((self.serial, self.faults), (self.wechat_serial, self.wechat_faults)):
            answered = adb_server.connect(serial, timeout=timeout)
            if faults.silent or faults.offline or faults.unauthorized:
                continue  # the fault is the point: adb shows what it shows
            if not answered or not _wait_for_state(adb_server, serial, "device", timeout):
                raise VirtualDeviceError(tr("The adb server on port {port} did not attach {serial}. Check that adb runs and try again.",
                                            port=adb_server.port, serial=serial))

    def call(self, coroutine, timeout: float | None = ATTACH_TIMEOUT_S):
        """Run a coroutine on the device's loop from another thread and return its result."""
        if self._loop is None:
            coroutine.close()
            raise VirtualDeviceError(tr("The virtual device is not running; call start() first."))
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Detach from adb, close both ports and every connection, end the thread. Safe to repeat."""
        if self.adb_server is not None:
            for serial in (self.serial, self.wechat_serial):
                self.adb_server.disconnect(serial)
            self.adb_server = None
        for endpoint in self.endpoints:
            endpoint.media.stop_all()
            endpoint.camera_servers.stop_all()
        if self._loop is not None and self._thread is not None:
            if self._servers:
                try:
                    self.call(_stop_all(self._servers), timeout)
                except (concurrent.futures.TimeoutError, RuntimeError) as exc:
                    log.warning("virtual device did not stop cleanly: %s", exc)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout)
            self._loop.close()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._loop = self._thread = self._executor = None

    def __enter__(self) -> VirtualDevice:
        return self.start() if self._thread is None else self

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- faults and device state ---------------------------------------------------------
    def drop_connection(self, wechat: bool = False) -> None:
        """Drop the TCP connections of one end now (mid-stream too); adb reconnects by itself."""
        server = self._servers[1 if wechat else 0]
        self.call(_drop(server))  # returns once this side has closed them

    def set_fault(self, name: str, value=True, wechat: bool = False) -> None:
        """Set one protocol fault (a `Faults` field); connection-level ones drop the current link."""
        faults = self.wechat_faults if wechat else self.faults
        if not hasattr(faults, name):
            raise ValueError(name)
        setattr(faults, name, value)
        # adb only notices these on a new connection: drop the current one so it reconnects.
        if (name == "offline" and value) or name == "unauthorized":
            self.drop_connection(wechat)

    def clear_faults(self) -> None:
        for faults in (self.faults, self.wechat_faults):
            faults.clear()

    def unplug_usb(self, index: int) -> None:
        self.state.unplug_usb(index)

    def replug_usb(self, index: int) -> None:
        self.state.replug_usb(index)

    def set_wmpf_installed(self, installed: bool) -> None:
        self.state.set_wmpf_installed(installed)

    def screenshot(self, wechat: bool = False):
        """The current screen of one end as a BGR array (what `screencap` would show)."""
        return self.endpoints[1 if wechat else 0].media.screenshot()

    def __repr__(self) -> str:
        return f"VirtualDevice({getattr(self.scenario, 'name', '?')!r}, serial={self.serial!r})"


async def _drop(server: AdbdServer) -> None:
    server.drop_connections()
    await asyncio.sleep(0)  # let the transports run their close callbacks


async def _stop_all(servers: list[AdbdServer]) -> None:
    for server in servers:
        await server.stop()
    # Whatever is still pending (a service in its latency sleep) ends now, not at interpreter exit.
    pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)


def _wait_for_state(adb_server, serial: str, state: str, timeout: float) -> bool:
    """Poll adb's device list until `serial` shows `state`; False at the deadline."""
    deadline = time.monotonic() + timeout
    delay = 0.01
    while time.monotonic() < deadline:
        if adb_server.state(serial, timeout=min(5.0, timeout)) == state:
            return True
        time.sleep(delay)
        delay = min(delay * 2, 0.2)
    return False
