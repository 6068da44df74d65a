"""The adb server camtool talks through: the user's own, or a private one on its own port.

Tests and the virtual device's benchmark start a private server (`adb -P PORT start-server`
with HOME and TMPDIR in a folder of their own), so the user's server on 5037, its keys and its
log are never touched. Every call here has a timeout: adb's own defaults wait for minutes.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from camtool.i18n import tr

log = logging.getLogger(__name__)

#: The port `adb` uses when nothing says otherwise.
DEFAULT_PORT = 5037
#: adb probes these for emulators; a private server or a virtual device there would be confused with one.
EMULATOR_PORTS = range(5554, 5586)
#: `start-server` from cold takes about 3 s on a quiet machine; leave room for a busy one.
START_TIMEOUT_S = 30.0
CALL_TIMEOUT_S = 10.0


class AdbServerError(RuntimeError):
    """adb is missing or its server cannot be started or reached; the message says what to do.

    `failure` is the device layer's error for it when there is a more precise one (adb cannot
    make its folder), for callers that report DeviceErrors."""

    def __init__(self, message: str, failure: Exception | None = None) -> None:
        super().__init__(message)
        self.failure = failure


def adb_path() -> Path:
    """The adb executable: `$ADBUTILS_ADB_PATH` if set, else the one adbutils bundles.

    Deliberately not the first `adb` on PATH: an old system adb (< 1.0.41) kills a newer
    server on contact, and camtool is tested against the bundled one.
    """
    override = os.environ.get("ADBUTILS_ADB_PATH")
    if override:
        path = Path(override)
        if not path.is_file():
            raise AdbServerError(tr("ADBUTILS_ADB_PATH points to {path}, which is not a file. Fix the variable or unset it to use the adb bundled with camtool.", path=str(path)))
        return path
    try:
        from adbutils._utils import _get_bin_dir  # the bundled binaries' folder
    except ImportError as exc:  # pragma: no cover - adbutils is a hard dependency
        raise AdbServerError(tr("adbutils is not installed; reinstall camtool.")) from exc
    name = "adb.exe" if os.name == "nt" else "adb"
    path = Path(_get_bin_dir()) / name
    if path.is_file():
        return path
    found = shutil.which(name)  # a platform without a bundled binary: fall back to PATH
    if found:
        return Path(found)
    raise AdbServerError(tr("No adb executable found. Install Android platform-tools or set ADBUTILS_ADB_PATH to adb."))


def free_port() -> int:
    """A free TCP port on 127.0.0.1, never 5037 and never in adb's emulator range."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port != DEFAULT_PORT and port not in EMULATOR_PORTS:
            return port
    raise AdbServerError(tr("No free TCP port found on 127.0.0.1."))


def default_port() -> int:
    """The port of the user's server: `$ANDROID_ADB_SERVER_PORT`, else 5037 (AdbPortSettingError when it is no port)."""
    from camtool.device.adb_io import server_port_from_env

    return server_port_from_env()


def _server_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class AdbServer:
    """One adb server, addressed by its port; started (if not running) on construction.

    `AdbServer()` starts a private server on a free port; give `home` to keep its keys and
    log in that folder (HOME and TMPDIR point there). `AdbServer(port=default_port())` with
    no home is the user's own server, started if needed, as `adb` itself would.
    """

    def __init__(self, port: int | None = None, home: Path | None = None, *, timeout: float = START_TIMEOUT_S):
        self.port = free_port() if port is None else int(port)
        self.home = Path(home) if home is not None else None
        self.adb = adb_path()
        self.started_here = False
        self.env = self._environment()
        if not _server_answers(self.port):
            self._run(["start-server"], timeout=timeout)
            self.started_here = True
        log.info("adb server on port %d (started here: %s)", self.port, self.started_here)

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env["ANDROID_ADB_SERVER_PORT"] = str(self.port)
        if self.home is not None:
            # Keys (.android/adbkey) and the server log ($TMPDIR/adb.UID.log) stay in this folder.
            tmp = self.home / "tmp"
            tmp.mkdir(parents=True, exist_ok=True)
            for var in ("HOME", "USERPROFILE", "ANDROID_SDK_HOME"):
                env[var] = str(self.home)
            env["ANDROID_USER_HOME"] = str(self.home / ".android")
            for var in ("TMPDIR", "TEMP", "TMP"):
                env[var] = str(tmp)
            env.pop("ADB_VENDOR_KEYS", None)
        return env

    def _run(self, args: list[str], timeout: float = CALL_TIMEOUT_S, check: bool = True) -> str:
        """Run `adb -P PORT ARGS...` (argv list, no shell) and return its combined output."""
        argv = [str(self.adb), "-P", str(self.port), *args]
        flags = subprocess.CREATE_NO_WINDOW if sys.platform.startswith("win") else 0
        try:
            done = subprocess.run(argv, env=self.env, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=timeout, creationflags=flags)
        except subprocess.TimeoutExpired as exc:
            raise AdbServerError(tr("adb did not answer within {seconds} s ({command}). Kill stray adb processes and try again.",
                                    seconds=f"{timeout:g}", command=" ".join(args))) from exc
        except OSError as exc:
            raise AdbServerError(tr("Cannot run adb ({path}): {error}", path=str(self.adb), error=str(exc))) from exc
        output = (done.stdout + done.stderr).decode("utf-8", "replace")
        if check and done.returncode != 0:
            from camtool.device.errors import AdbFolderUnwritable, adb_complaint, adb_failure

            failure = adb_failure(output)
            if isinstance(failure, AdbFolderUnwritable):   # not "failed: <adb's log>": say what to fix
                raise AdbServerError(failure.describe(), failure)
            raise AdbServerError(tr("adb {command} failed: {output}", command=" ".join(args),
                                    output=adb_complaint(output) or f"exit {done.returncode}"))
        return output

    def run(self, *args: str, timeout: float = CALL_TIMEOUT_S, check: bool = True) -> str:
        """`adb -P PORT ARGS...` against this server; the output (stdout + stderr).

        With `check`, a non-zero exit raises `AdbServerError`; without, the output is returned anyway.
        """
        return self._run(list(args), timeout=timeout, check=check)

    def client(self, timeout: float = CALL_TIMEOUT_S):
        """An adbutils `AdbClient` on this server's port (socket timeout = `timeout`)."""
        import adbutils

        return adbutils.AdbClient(host="127.0.0.1", port=self.port, socket_timeout=timeout)

    def connect(self, addr: str, timeout: float = 15.0) -> bool:
        """`adb connect ADDR`; True when the server says it is connected.

        adb answers "failed to connect" with success, so the text decides. A device that
        never answers makes the server wait 10 s before giving up: `timeout` covers that.
        """
        from adbutils.errors import AdbError

        try:
            answer = self.client(timeout).connect(addr, timeout=timeout)
        except (AdbError, OSError) as exc:
            log.warning("adb connect %s: %s", addr, exc)
            return False
        log.info("adb connect %s: %s", addr, answer.strip())
        return answer.startswith(("connected to", "already connected to"))

    def disconnect(self, addr: str, timeout: float = CALL_TIMEOUT_S) -> None:
        """`adb disconnect ADDR`; quiet when it is not connected or the server is gone."""
        from adbutils.errors import AdbError

        if not _server_answers(self.port):
            return
        try:
            self.client(timeout).disconnect(addr)
        except (AdbError, OSError) as exc:
            log.info("adb disconnect %s: %s", addr, exc)

    def state(self, serial: str, timeout: float = CALL_TIMEOUT_S) -> str | None:
        """The state adb shows for `serial` (device, offline, unauthorized, ...) or None if not listed."""
        from adbutils.errors import AdbError

        try:
            for item in self.client(timeout).list():
                if item.serial == serial:
                    return item.state
        except (AdbError, OSError) as exc:
            log.info("adb devices: %s", exc)
        return None

    def kill(self, timeout: float = CALL_TIMEOUT_S) -> None:
        """`adb -P PORT kill-server`: only this port's server, never anyone else's adb."""
        if not _server_answers(self.port):
            return
        try:
            self._run(["kill-server"], timeout=timeout)
        except AdbServerError as exc:
            log.warning("adb kill-server on port %d: %s", self.port, exc)

    def __repr__(self) -> str:
        return f"AdbServer(port={self.port}, home={self.home})"
