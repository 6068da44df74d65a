"""Device I/O over adb: the one implementation of camtool's small device interface.

Everything camtool does with a device (list, shell with timeout, binary stream) goes
through `AdbDeviceIO`, for real phones and for the virtual device alike (one code path).
Every call has a timeout; adbutils' exceptions become camtool's `DeviceError`s. Commands
are given as argv lists and quoted for the device's sh here, so no value from a user or a
device is ever pasted into a command line unquoted.
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


def _port_setting_is_valid(value: str | None) -> bool:
    text = (value or "").strip()
    return not text or (text.isascii() and text.isdigit() and 1 <= int(text) <= 65535)


def _import_adbutils():
    """adbutils builds a module-level client on import that int()s ANDROID_ADB_SERVER_PORT and
    crashes on a bad value; camtool checks the setting itself where it is used (see
    server_port_from_env), so the import hides a bad value from adbutils for that moment."""
    value = os.environ.get("ANDROID_ADB_SERVER_PORT")
    if _port_setting_is_valid(value):
        import adbutils
        return adbutils
    del os.environ["ANDROID_ADB_SERVER_PORT"]
    try:
        import adbutils
    finally:
        os.environ["ANDROID_ADB_SERVER_PORT"] = value
    return adbutils


adbutils = _import_adbutils()
from adbutils.errors import AdbConnectionError, AdbError, AdbTimeout  # noqa: E402 (after the guarded import)

from camtool.device.errors import (
    AdbPortSettingError,
    DeviceAnswerCut,
    AdbUnavailable,
    adb_failure,
    DeviceError,
    DeviceGone,
    DeviceNoPermissions,
    DeviceNotFound,
    DeviceOffline,
    DeviceRefused,
    DeviceTimeout,
    DeviceUnauthorized,
)
from camtool.device.states import DeviceEntry, DeviceState, parse_devices_output

DEFAULT_PORT = 5037
SERVER_START_TIMEOUT_S = 20.0
#: The sync protocol's largest DATA chunk.
SYNC_DATA_MAX = 64 * 1024


@dataclass(frozen=True)
class ShellResult:
    stdout: bytes
    stderr: bytes
    exit_code: int

    @property
    def text(self) -> str:
        return self.stdout.decode("utf-8", errors="replace")


class ByteStream(Protocol):
    def read(self, size: int) -> bytes: ...
    def close(self) -> None: ...


class DeviceIO(Protocol):
    """What camtool needs from a device connection (one adb implementation; tests may fake it)."""

    def list_devices(self) -> list[DeviceEntry]: ...
    def shell(self, serial: str, command: Sequence[str] | str, timeout: float = 10.0) -> ShellResult: ...
    def stream(self, serial: str, command: Sequence[str] | str, timeout: float = 10.0) -> ByteStream: ...
    def exec_out(self, serial: str, command: Sequence[str] | str, timeout: float = 10.0) -> bytes: ...


def quote_command(command: Sequence[str] | str) -> str:
    """An argv list becomes one sh command line with every word quoted; a str is camtool's own fixed text."""
    if isinstance(command, str):
        return command
    return " ".join(shlex.quote(str(word)) for word in command)


def adb_executable() -> str:
    """The adb camtool runs: $ADBUTILS_ADB_PATH, else adb on PATH, else the one bundled with adbutils."""
    try:
        return adbutils.adb_path()
    except AdbError as exc:
        raise AdbUnavailable(detail=str(exc)) from None


def server_port_from_env() -> int:
    """The user's adb server port: $ANDROID_ADB_SERVER_PORT, else 5037.

    A value that is no port is the user's mistake, said as such (AdbPortSettingError, a usage
    error): falling back to 5037 would talk to another server, and 99999 reached adb and was
    blamed on it."""
    value = os.environ.get("ANDROID_ADB_SERVER_PORT")
    if not _port_setting_is_valid(value):
        from camtool.printable import printable

        raise AdbPortSettingError(detail=printable(value[:40]))
    return int(value.strip()) if value and value.strip() else DEFAULT_PORT


class _ExecStream:
    """A raw `exec:` connection: bytes exactly as the device wrote them (no PTY mangling)."""

    def __init__(self, connection: adbutils.AdbConnection, serial: str, timeout: float) -> None:
        self._connection = connection
        self._serial = serial
        connection.conn.settimeout(timeout)

    def read(self, size: int) -> bytes:
        try:
            return self._connection.conn.recv(size)
        except socket.timeout:
            raise DeviceTimeout(self._serial) from None
        except OSError as exc:
            if self._connection.closed:
                return b""
            raise DeviceGone(self._serial, str(exc)) from None

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> "_ExecStream":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AdbDeviceIO:
    """Device I/O through an adb server on `host:port` (started on demand with the chosen adb)."""

    def __init__(self, host: str = "127.0.0.1", port: int | None = None, socket_timeout: float = 10.0) -> None:
        self.host = host
        self.port = port if port is not None else server_port_from_env()
        self._socket_timeout = socket_timeout
        self._client = adbutils.AdbClient(host=host, port=self.port, socket_timeout=socket_timeout)

    # -- the server ---------------------------------------------------------------------------
    def server_running(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def ensure_server(self) -> None:
        """Start the adb server if it is not running (adbutils would start one on 5037 by itself)."""
        if self.server_running():
            return
        flags = subprocess.CREATE_NO_WINDOW if os.name == "nt" else 0
        try:
            result = subprocess.run(
                [adb_executable(), "-P", str(self.port), "start-server"],
                capture_output=True, timeout=SERVER_START_TIMEOUT_S, creationflags=flags,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise AdbUnavailable(detail=str(exc)) from None
        if result.returncode != 0 or not self.server_running():
            raise adb_failure(result.stdout + result.stderr)

    def server_version(self) -> int | None:
        try:
            self.ensure_server()
            return self._client.server_version()
        except (DeviceError, AdbError, OSError):
            return None

    # -- devices ------------------------------------------------------------------------------
    def list_devices(self) -> list[DeviceEntry]:
        self.ensure_server()
        try:
            with self._client.make_connection(timeout=self._socket_timeout) as c:
                c.send_command("host:devices-l")
                c.check_okay()
                return parse_devices_output(c.read_string_block())
        except (AdbError, OSError) as exc:
            raise AdbUnavailable(detail=str(exc)) from None

    def entry(self, serial: str) -> DeviceEntry:
        for entry in self.list_devices():
            if entry.serial == serial:
                return entry
        raise DeviceNotFound(serial)

    def require_ready(self, serial: str) -> DeviceEntry:
        entry = self.entry(serial)
        raise_for_state(entry)
        return entry

    # -- commands -----------------------------------------------------------------------------
    def shell(self, serial: str, command: Sequence[str] | str, timeout: float = 10.0) -> ShellResult:
        """Run a command; exit code from shell v2 when the device has it (else adb's echo trick).

        An answer without its exit status (v2) or its `echo $?` marker (without v2) stopped
        before the end: DeviceAnswerCut, or DeviceGone when the device went away with it."""
        from camtool.device.shell_v2 import run_shell_v2

        line = quote_command(command)
        device = self._client.device(serial)
        try:
            if self._has_shell_v2(device):
                answer = run_shell_v2(device, line, timeout)
                if answer.exit_code is None:
                    raise self._cut(serial, line)
                return ShellResult(answer.stdout, answer.stderr, answer.exit_code)
            result = device.shell2(line, timeout=timeout, encoding=None, v2=False)
        except AdbError as exc:
            if exc.args and exc.args[0] == "shell output invalid":  # adbutils: the X4EXIT marker is missing
                raise self._cut(serial, line) from None
            raise self._map_error(serial, exc) from None
        except DeviceError:
            raise
        except Exception as exc:  # adbutils raises AdbError, socket errors and timeouts alike
            raise self._map_error(serial, exc) from None
        return ShellResult(result.stdout if result.stdout is not None else result.output,
                           result.stderr or b"", int(result.returncode))

    def _cut(self, serial: str, line: str) -> DeviceError:
        """A cut answer from a device that is still there is the answer's fault; else the device went away."""
        try:
            ready = self.entry(serial).state is DeviceState.READY
        except DeviceError:
            ready = False
        return DeviceAnswerCut(serial, line) if ready else DeviceGone(serial)

    def stream(self, serial: str, command: Sequence[str] | str, timeout: float = 10.0) -> _ExecStream:
        """A binary stream of a command's stdout (`adb exec-out`), e.g. screenrecord's H.264."""
        return self._open_service(serial, "exec:" + quote_command(command), timeout)

    def exec_out(self, serial: str, command: Sequence[str] | str, timeout: float = 10.0,
                 limit: int = 256 << 20) -> bytes:
        """All of a command's stdout as raw bytes (`adb exec-out`): binary-safe, e.g. `screencap -p`."""
        chunks, total = [], 0
        with self.stream(serial, command, timeout=timeout) as stream:
            while total < limit:
                chunk = stream.read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        return b"".join(chunks)

    def push(self, serial: str, data: bytes, remote: str, mode: int = 0o644, timeout: float = 10.0) -> None:
        """Write `data` to the file `remote` on the device (`adb push`, the sync protocol's SEND).

        adbutils' own push waits without a timeout; this one bounds every read and write.
        """
        spec = f"{remote},{0o100000 | mode}".encode("utf-8")
        try:
            connection = self._client.device(serial).open_transport(timeout=timeout)
        except Exception as exc:
            raise self._map_error(serial, exc) from None
        try:
            sock = connection.conn
            sock.settimeout(timeout)
            connection.send_command("sync:")
            connection.check_okay()
            payload = bytearray(b"SEND" + len(spec).to_bytes(4, "little") + spec)
            for i in range(0, len(data), SYNC_DATA_MAX):
                chunk = data[i:i + SYNC_DATA_MAX]
                payload += b"DATA" + len(chunk).to_bytes(4, "little") + chunk
            payload += b"DONE" + int(time.time()).to_bytes(4, "little")
            sock.sendall(bytes(payload))
            answer = _recv_exactly(sock, 8)
            if answer[:4] != b"OKAY":
                length = int.from_bytes(answer[4:8], "little")
                message = _recv_exactly(sock, min(length, 4096)).decode("utf-8", "replace") if answer[:4] == b"FAIL" else ""
                raise DeviceRefused(serial, message or answer[:4].decode("ascii", "replace"))
            sock.sendall(b"QUIT" + bytes(4))
        except DeviceError:
            raise
        except Exception as exc:
            raise self._map_error(serial, exc) from None
        finally:
            connection.close()

    def connect_abstract(self, serial: str, name: str, timeout: float = 10.0) -> _ExecStream:
        """A byte stream to the device's abstract socket `name` (what `adb forward ... localabstract:` reaches)."""
        return self._open_service(serial, "localabstract:" + name, timeout)

    def _open_service(self, serial: str, service: str, timeout: float) -> _ExecStream:
        """A byte stream to one adbd service ("exec:...", "localabstract:..."), every read bounded by `timeout`."""
        try:
            connection = self._client.device(serial).open_transport(timeout=timeout)
            connection.send_command(service)
            connection.check_okay()
        except Exception as exc:
            raise self._map_error(serial, exc) from None
        return _ExecStream(connection, serial, timeout)

    def _has_shell_v2(self, device: adbutils.AdbDevice) -> bool:
        try:
            return "shell_v2" in device.get_features().split(",")
        except Exception:
            return False

    def _map_error(self, serial: str, exc: BaseException) -> DeviceError:
        if isinstance(exc, DeviceError):
            return exc
        text = " ".join(str(a) for a in getattr(exc, "args", ()) if isinstance(a, (str, bytes)))
        text = text if text else str(exc)
        lowered = text.lower()
        if isinstance(exc, (AdbTimeout, socket.timeout, TimeoutError)):
            return DeviceTimeout(serial)
        if "unauthorized" in lowered:
            return DeviceUnauthorized(serial)
        if "no permissions" in lowered or "insufficient permissions" in lowered:
            return DeviceNoPermissions(serial)
        if "offline" in lowered:
            return DeviceOffline(serial)
        if "not found" in lowered:
            return DeviceNotFound(serial)
        if isinstance(exc, AdbConnectionError) and not self.server_running():
            return AdbUnavailable(serial, text)
        return DeviceGone(serial, text)


def _recv_exactly(sock: socket.socket, n: int) -> bytes:
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("the device closed the connection")
        data += chunk
    return bytes(data)


def raise_for_state(entry: DeviceEntry) -> None:
    """Turn a state that cannot run commands into the error that says what to do."""
    errors = {
        DeviceState.UNAUTHORIZED: DeviceUnauthorized,
        DeviceState.AUTHORIZING: DeviceUnauthorized,
        DeviceState.OFFLINE: DeviceOffline,
        DeviceState.CONNECTING: DeviceOffline,
        DeviceState.NO_PERMISSIONS: DeviceNoPermissions,
    }
    if entry.state is DeviceState.READY:
        return
    raise errors.get(entry.state, DeviceOffline)(entry.serial, entry.raw_state)
