"""The camera source on the virtual device: finding the server file, the version handshake, refusals, frames."""

from __future__ import annotations

import json
import struct
import threading
import time

import pytest

from camtool.cli import main
from camtool.device import camera_source, scrcpy_server
from camtool.device.adb_io import AdbDeviceIO
from camtool.device.camera_source import (
    CameraBusy,
    CameraNotPresent,
    CameraServer,
    CameraSource,
    NeedsAndroid12,
    NoServerFile,
    ServerTooOld,
    find_server_file,
)
from camtool.device.scrcpy_stream import PacketHeader, read_stream_head
from camtool.virtual.device import VirtualDevice

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(autouse=True)
def _forget_learned_versions():
    camera_source._learned_versions.clear()
    yield
    camera_source._learned_versions.clear()


@pytest.fixture
def server_file(tmp_path):
    path = tmp_path / "scrcpy-server"
    path.write_bytes(b"stands in for scrcpy's server")
    return path


def wait_frames(source: CameraSource, count: int, timeout: float = 30.0) -> None:
    """Poll until `count` frames arrived; a refusal is raised as the source reported it."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while source.frames_delivered < count:
        if source.refusal is not None:
            raise source.refusal
        assert time.monotonic() < deadline, f"only {source.frames_delivered} frames; state {source.state_detail}"
        pause.wait(0.05)


# -- the server file ---------------------------------------------------------------------------

def test_server_file_order_explicit_then_environment_then_install_places(tmp_path):
    explicit, from_env, installed = (tmp_path / n for n in ("a", "b", "c"))
    for p in (explicit, from_env, installed):
        p.write_bytes(b"x")
    env = {"SCRCPY_SERVER_PATH": str(from_env), "PATH": ""}
    assert find_server_file(explicit, env, [installed]) == explicit
    assert find_server_file(None, env, [installed]) == from_env
    assert find_server_file(None, {"PATH": ""}, [tmp_path / "missing", installed]) == installed


def test_no_server_file_says_where_to_get_one(tmp_path):
    with pytest.raises(NoServerFile) as missing:
        find_server_file(None, {"PATH": ""}, [tmp_path / "nowhere"])
    assert "--scrcpy-server" in missing.value.describe() and "scrcpy" in missing.value.describe()
    with pytest.raises(NoServerFile) as wrong:
        find_server_file(tmp_path / "typo", {}, [])
    assert str(tmp_path / "typo") in wrong.value.describe()


def test_install_places_include_next_to_scrcpy_on_path(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "scrcpy"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    (bin_dir / "scrcpy-server").write_bytes(b"x")
    places = camera_source.install_places({"PATH": str(bin_dir)})
    assert bin_dir / "scrcpy-server" in places
    assert find_server_file(None, {"PATH": str(bin_dir)}, [p for p in places if str(tmp_path) in str(p)]) \
        == bin_dir / "scrcpy-server"


# -- the protocol --------------------------------------------------------------------------------

class Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int) -> bytes:
        chunk, self.data = self.data[:min(size, 3)], self.data[min(size, 3):]   # arrives in small pieces
        return chunk


def test_stream_head_and_packet_headers_of_servers_2_2_to_3():
    head = read_stream_head(Bytes(b"\0" + b"Pad".ljust(64, b"\0") + struct.pack(">III", 0x68323634, 1280, 720)),
                            layout_v4=False)
    assert (head.device_name, head.codec, head.width, head.height) == ("Pad", 0x68323634, 1280, 720)
    header = PacketHeader.parse(struct.pack(">QI", (1 << 62) | 5000, 321), layout_v4=False)
    assert (header.pts_us, header.size, header.config, header.key_frame) == (5000, 321, False, True)
    assert PacketHeader.parse(struct.pack(">QI", 1 << 63, 30), layout_v4=False).config


def test_version_4_layout_with_session_packets():
    session = bytes([0x80, 0, 0, 0]) + struct.pack(">II", 640, 480)
    head = read_stream_head(Bytes(b"\0" + bytes(64) + struct.pack(">I", 0x68323634) + session), layout_v4=True)
    assert (head.width, head.height) == (640, 480)
    assert PacketHeader.parse(session, layout_v4=True).session
    media = PacketHeader.parse(struct.pack(">QI", (1 << 61) | 77, 9), layout_v4=True)
    assert (media.session, media.config, media.key_frame, media.pts_us) == (False, False, True, 77)


# -- on the virtual device -------------------------------------------------------------------------

def test_version_is_learned_from_the_servers_answer(adb_server, virtual_device, server_file):
    virtual_device.endpoints[0].camera_servers.version = "2.7"
    server = CameraServer(AdbDeviceIO(port=adb_server.port), virtual_device.serial, server_file)
    assert server.learn_version() == "2.7"
    assert virtual_device.endpoints[0].files.get(camera_source.REMOTE_PATH).data == server_file.read_bytes()


def test_a_server_older_than_2_2_is_refused(adb_server, virtual_device, server_file):
    virtual_device.endpoints[0].camera_servers.version = "2.1.1"
    server = CameraServer(AdbDeviceIO(port=adb_server.port), virtual_device.serial, server_file)
    with pytest.raises(ServerTooOld) as old:
        server.learn_version()
    assert "2.1.1" in old.value.describe() and "2.2" in old.value.describe()


def test_frames_of_the_chosen_camera_arrive_with_stamps(adb_server, virtual_device, server_file, wait_until):
    source = CameraSource(AdbDeviceIO(port=adb_server.port), virtual_device.serial, server_file,
                          camera_id="1", size=(640, 480))
    source.prepare()
    assert source.server_version == "3.3.4"
    source.start()
    try:
        wait_frames(source, 10)
        frame = source.latest()
        assert frame.image.shape == (480, 640, 3) and frame.stamp is not None
        assert source.head.width == 640 and source.state.value == "streaming"
    finally:
        source.stop()
    # Stopping lets the camera go: the next client may open it.
    assert wait_until(lambda: "1" not in virtual_device.endpoints[0].camera_servers.in_use, timeout=10)


def test_below_android_12_the_source_refuses_before_pushing(adb_server, server_file):
    vd = VirtualDevice("intercom-a9").start(adb_server)
    try:
        source = CameraSource(AdbDeviceIO(port=adb_server.port), vd.serial, server_file, camera_id="/dev/video0")
        with pytest.raises(NeedsAndroid12) as refused:
            source.prepare()
        assert "Android 12" in refused.value.describe() and "screen source" in refused.value.describe()
        assert vd.endpoints[0].files.get(camera_source.REMOTE_PATH) is None
    finally:
        vd.stop()


def test_an_unknown_camera_id_is_refused_in_words(adb_server, virtual_device, server_file):
    source = CameraSource(AdbDeviceIO(port=adb_server.port), virtual_device.serial, server_file, camera_id="7")
    source.start()
    try:
        with pytest.raises(CameraNotPresent) as refused:
            wait_frames(source, 1)
        assert "--camera-id" in refused.value.describe()
    finally:
        source.stop()


def test_a_camera_held_by_another_app_is_refused_as_busy(adb_server, virtual_device, server_file):
    virtual_device.endpoints[0].camera_servers.in_use.add("0")   # WMPF in a call holds it
    source = CameraSource(AdbDeviceIO(port=adb_server.port), virtual_device.serial, server_file, camera_id="0")
    source.start()
    try:
        with pytest.raises(CameraBusy):
            wait_frames(source, 1)
        assert source.state.value == "lost"
    finally:
        source.stop()


def test_a_camera_id_that_is_not_an_android_id_never_reaches_the_device(adb_server, virtual_device, server_file):
    with pytest.raises(CameraNotPresent):
        CameraSource(AdbDeviceIO(port=adb_server.port), virtual_device.serial, server_file, camera_id="1; reboot")


def test_cameras_and_their_sizes_come_from_the_server(adb_server, virtual_device, server_file):
    server = CameraServer(AdbDeviceIO(port=adb_server.port), virtual_device.serial, server_file)
    cameras = server.list_cameras()
    assert [(cam_id, facing) for cam_id, facing, _ in cameras] == [("0", "back"), ("1", "front")]
    assert (1280, 720) in cameras[1][2]


# -- the CLI -------------------------------------------------------------------------------------

def test_bench_camera_on_android_9_exits_with_the_android_12_message(server_file, capsys):
    code = main(["bench", "--scenario", "intercom-a9", "--source", "camera", "--camera-id", "0",
                 "--scrcpy-server", str(server_file), "--seconds", "1"])
    assert code == 1
    assert "needs Android 12" in capsys.readouterr().err


def test_bench_camera_reports_the_cameras_stream(server_file, capsys):
    code = main(["bench", "--source", "camera", "--camera-id", "1", "--camera-size", "640x480",
                 "--scrcpy-server", str(server_file), "--seconds", "2", "--json"])
    assert code == 0
    stream = json.loads(capsys.readouterr().out)["streams"][0]
    assert stream["size"] == "640x480" and stream["frames_delivered"] > 0
    assert stream["latency_ms"] is not None and stream["dropped_frames"] is not None
    assert stream["decode_convert_fps"] > 0 and stream["added_latency_ms"] is not None


def test_bench_camera_options_without_the_camera_source_are_a_usage_error(capsys):
    assert main(["bench", "--camera-id", "1"]) == 2
    assert main(["bench", "--source", "camera", "--camera-size", "big"]) == 2


def test_cameras_sizes_lists_each_cameras_sizes(adb_server, virtual_device, server_file, capsys):
    assert main(["cameras", "--serial", virtual_device.serial, "--sizes", "--scrcpy-server", str(server_file)]) == 0
    out = capsys.readouterr().out
    assert "camera 1 (front): 1920x1080, 1280x720, 640x480" in out
    assert main(["cameras", "--serial", virtual_device.serial, "--sizes", "--json",
                 "--scrcpy-server", str(server_file)]) == 0
    assert json.loads(capsys.readouterr().out)["camera_sizes"]["0"][1] == "1280x720"


def test_cameras_sizes_without_a_server_file_still_lists_the_cameras(adb_server, virtual_device, tmp_path, capsys):
    missing = tmp_path / "no\x1b[31mfile"
    assert main(["cameras", "--serial", virtual_device.serial, "--sizes", "--scrcpy-server", str(missing)]) == 1
    captured = capsys.readouterr()
    assert 'internalCameraName "1"' in captured.out
    assert "cannot be read" in captured.err and "\x1b" not in captured.err


@pytest.mark.parametrize("rotation,mirrored", [(90, False), (270, True)])
def test_verify_on_the_camera_picture_reports_the_cameras_mounting(adb_server, server_file, capsys, rotation, mirrored):
    from camtool.virtual.scenario import Mounting, load_scenario

    base = load_scenario("tablet-a12")
    cameras = list(base.builtin_cameras)
    cameras[1] = cameras[1].model_copy(update={"mounting": Mounting(rotation=rotation, mirrored=mirrored)})
    vd = VirtualDevice(base.model_copy(update={"builtin_cameras": cameras})).start(adb_server)
    try:
        code = main(["verify", "--serial", vd.serial, "--source", "camera", "--camera-id", "1", "--camera-size",
                     "1280x720", "--scrcpy-server", str(server_file), "--format", "json"])
        assert code == 0
        assert json.loads(capsys.readouterr().out)["mounting"] == {"rotation": rotation, "mirrored": mirrored}
    finally:
        vd.stop()


def test_verify_camera_source_needs_a_serial(server_file, capsys):
    assert main(["verify", "--device-image", str(server_file), "--source", "camera", "--camera-id", "1"]) == 2
    assert "--serial" in capsys.readouterr().err


class _FakeIO:
    """A device whose `app_process` answers `answer` (None: never ends, never says anything)."""

    def __init__(self, answer: bytes | None) -> None:
        self.answer = answer
        self.pushed: dict[str, bytes] = {}

    def push(self, serial, data, remote, mode=0o644, timeout=10.0):
        self.pushed[remote] = data

    def stream(self, serial, command, timeout=10.0):
        answer = self.answer

        class _Stream:
            def __init__(self):
                self.left = answer

            def read(self, size):
                if self.left is None:
                    pause = threading.Event()
                    pause.wait(0.05)
                    from camtool.device.errors import DeviceTimeout

                    raise DeviceTimeout(serial)
                chunk, self.left = self.left[:size], self.left[size:]
                return chunk

            def close(self):
                pass

        return _Stream()


def test_a_file_that_is_no_server_is_refused_with_its_own_words_escaped(server_file):
    from camtool.device.camera_source import ServerFailed

    server = CameraServer(_FakeIO(b"Error: \x1b[2Jnot a dex file\n"), "S1", server_file)
    with pytest.raises(ServerFailed) as failed:
        server.learn_version()
    assert "not a dex file" in failed.value.describe() and "\x1b" not in failed.value.describe()


def test_a_server_that_never_answers_ends_in_a_refusal_not_a_hang(server_file, monkeypatch):
    from camtool.device.camera_source import ServerNoAnswer

    monkeypatch.setattr(scrcpy_server, "START_TIMEOUT_S", 0.5)
    with pytest.raises(ServerNoAnswer):
        CameraServer(_FakeIO(None), "S1", server_file).learn_version()


def test_cameras_sizes_on_android_9_says_it_needs_android_12(adb_server, server_file, capsys):
    vd = VirtualDevice("intercom-a9").start(adb_server)
    try:
        assert main(["cameras", "--serial", vd.serial, "--sizes", "--scrcpy-server", str(server_file)]) == 1
        captured = capsys.readouterr()
        assert "needs Android 12" in captured.err and "/dev/video0" in captured.out
    finally:
        vd.stop()


def test_bench_scenario_is_for_the_private_virtual_device_only(capsys):
    assert main(["bench", "--serial", "X", "--scenario", "intercom-a9"]) == 2
    assert "--scenario" in capsys.readouterr().err
