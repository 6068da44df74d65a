"""Session-wide test settings: offscreen Qt, English messages by default, no user state touched."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from camtool import i18n


@pytest.fixture(autouse=True, scope="session")
def _private_state_dir(tmp_path_factory):
    """camtool's per-user state (what it applied to each device) goes to a temp dir, never the user's."""
    from camtool.device.applied_record import STATE_DIR_ENV

    previous = os.environ.get(STATE_DIR_ENV)
    os.environ[STATE_DIR_ENV] = str(tmp_path_factory.mktemp("camtool-state"))
    yield
    if previous is None:
        os.environ.pop(STATE_DIR_ENV, None)
    else:
        os.environ[STATE_DIR_ENV] = previous


@pytest.fixture(autouse=True)
def _english_messages():
    """Tests read English unless they switch; the language never leaks between tests."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def chinese():
    """The test reads Simplified Chinese (the autouse fixture above switches back to English)."""
    i18n.set_language("zh")


# --- adb and the virtual device (issue 4); hygiene checks for every test -------------------
import sys
import threading
import time
from pathlib import Path


def pytest_configure(config):
    config.addinivalue_line("markers", "allow_leaks: skip the thread/socket/process leak check for this test")


def _wait_until(predicate, timeout: float = 5.0, interval: float = 0.01) -> bool:
    """Poll `predicate` until it is true or the deadline passes (tests never sleep a fixed time)."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
        interval = min(interval * 2, 0.1)


@pytest.fixture
def wait_until():
    """`wait_until(predicate, timeout=5.0) -> bool`: poll a condition with a deadline."""
    return _wait_until


@pytest.fixture(scope="session")
def adb_server(tmp_path_factory):
    """A private adb server for the whole session: free port, HOME/TMPDIR in a temp dir, killed at the end.

    ANDROID_ADB_SERVER_PORT points at it meanwhile, so nothing in the session can reach (or
    start) a server on the user's port 5037 by accident.
    """
    from camtool.device.adb_server import AdbServer, AdbServerError

    try:
        server = AdbServer(home=tmp_path_factory.mktemp("adb-home"))
    except AdbServerError as exc:
        pytest.fail(f"cannot start a private adb server: {exc}")
    previous = os.environ.get("ANDROID_ADB_SERVER_PORT")
    os.environ["ANDROID_ADB_SERVER_PORT"] = str(server.port)
    yield server
    if previous is None:
        os.environ.pop("ANDROID_ADB_SERVER_PORT", None)
    else:
        os.environ["ANDROID_ADB_SERVER_PORT"] = previous
    server.kill()


@pytest.fixture
def virtual_device(adb_server):
    """The default scenario's virtual device, attached to the session's adb server, detached after."""
    from camtool.virtual.device import VirtualDevice

    device = VirtualDevice().start(adb_server)
    yield device
    device.stop()


def _tcp_sockets() -> set[str] | None:
    """Inodes of this process's open TCP sockets (Linux); None where /proc cannot tell."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        tcp = set()
        for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
            lines = Path(table).read_text().splitlines()[1:]
            tcp.update(line.split()[9] for line in lines if len(line.split()) > 9)
        mine = set()
        for fd in Path("/proc/self/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in tcp:
                mine.add(target[8:-1])
        return mine
    except OSError:
        return None


def _child_processes() -> set[str] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        children = set()
        for task in Path("/proc/self/task").iterdir():
            children.update((task / "children").read_text().split())
        return children
    except OSError:
        return None


def _live_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if not t.daemon and t.is_alive()}


@pytest.fixture(autouse=True)
def _no_leaks(request):
    """Fail a test that leaves a new non-daemon thread, an open TCP socket or a child process behind."""
    if request.node.get_closest_marker("allow_leaks"):
        yield
        return
    threads, sockets, children = _live_threads(), _tcp_sockets(), _child_processes()
    yield

    def leaks() -> list[str]:
        found = [f"thread {t.name}" for t in _live_threads() - threads]
        now = _tcp_sockets()
        if sockets is not None and now is not None and now - sockets:
            found.append(f"{len(now - sockets)} TCP socket(s)")
        kids = _child_processes()
        if children is not None and kids is not None and kids - children:
            found.append(f"child process(es) {sorted(kids - children)}")
        return found

    # Closed things take a moment to go (a joined thread, a socket in the GC): poll, never sleep blindly.
    if not _wait_until(lambda: not leaks(), timeout=3.0):
        remaining = leaks()
        if remaining:
            pytest.fail("the test left behind: " + ", ".join(remaining), pytrace=False)
