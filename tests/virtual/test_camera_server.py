"""The virtual device's side of a scrcpy camera server: adb push, the app_process line, the socket adb forwards.

Spoken to with adbutils and with the real adb client (push, forward), as a user's tools would;
no real scrcpy server file is involved: any pushed file stands in for it.
"""

from __future__ import annotations

import socket
import struct
import subprocess
import time

import adbutils
import numpy as np
import pytest

from camtool.config.semantics import Turn
from camtool.device.h264 import H264Decoder
from camtool.virtual.camera_server import CODEC_H264, SERVER_VERSION, frame_header, split_packets
from camtool.virtual.device import VirtualDevice
from camtool.virtual.encoder import H264Encoder
from camtool.virtual.scenario import Mounting, load_scenario
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.device.frame_stamp import stamp_area_height

pytestmark = pytest.mark.timeout(120)

JAR = "/data/local/tmp/scrcpy-server.jar"
SERVER = f"CLASSPATH={JAR} app_process / com.genymobile.scrcpy.Server"
CAMERA = "video_source=camera audio=false control=false tunnel_forward=true"


def device_of(adb_server, vd):
    return adbutils.AdbClient(port=adb_server.port).device(vd.serial)


def adb(adb_server, *args: str, timeout: float = 20.0) -> subprocess.CompletedProcess:
    return subprocess.run([adbutils.adb_path(), "-P", str(adb_server.port), *args], env=adb_server.env,
                          capture_output=True, timeout=timeout)


def read_exactly(sock: socket.socket, n: int) -> bytes:
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        assert chunk, f"the stream ended after {len(data)} of {n} bytes"
        data += chunk
    return bytes(data)


def start_server(device, args: str):
    conn = device.open_transport(timeout=10)
    conn.send_command(f"exec:{SERVER} {SERVER_VERSION} {args}")
    conn.check_okay()
    return conn


def read_packets(sock: socket.socket, count: int) -> list[tuple[int, bool, bool, bytes]]:
    packets = []
    for _ in range(count):
        value, size = struct.unpack(">QI", read_exactly(sock, 12))
        packets.append((value & ((1 << 62) - 1), bool(value >> 63), bool(value >> 62 & 1), read_exactly(sock, size)))
    return packets


def test_the_real_adb_client_pushes_and_the_file_is_kept(adb_server, virtual_device, tmp_path):
    local = tmp_path / "scrcpy-server"
    data = bytes(range(256)) * 700      # 175 KiB: several DATA chunks
    local.write_bytes(data)
    result = adb(adb_server, "-s", virtual_device.serial, "push", str(local), JAR)
    assert result.returncode == 0, result.stderr
    pushed = virtual_device.endpoints[0].files.get(JAR)
    assert pushed is not None and pushed.data == data
    # What only the shell user may not write is refused in adb's words, and nothing is kept.
    result = adb(adb_server, "-s", virtual_device.serial, "push", str(local), "/system/bin/evil")
    assert result.returncode != 0 and b"Read-only" in result.stdout + result.stderr
    assert virtual_device.endpoints[0].files.get("/system/bin/evil") is None


def test_a_mismatching_client_version_gets_the_servers_own_answer(adb_server, virtual_device):
    device = device_of(adb_server, virtual_device)
    device.sync.push(b"any file stands in", JAR)
    result = device.shell2(f"{SERVER} 1.0 {CAMERA}", timeout=10)
    assert result.returncode == 1
    assert f"The server version ({SERVER_VERSION}) does not match the client (1.0)" in result.output
    virtual_device.endpoints[0].camera_servers.version = "2.4"
    assert "The server version (2.4) does not match" in device.shell2(f"{SERVER} 1.0 {CAMERA}", timeout=10).output


def test_without_the_pushed_file_app_process_finds_no_class(adb_server, virtual_device):
    result = device_of(adb_server, virtual_device).shell2(f"{SERVER} {SERVER_VERSION} {CAMERA}", timeout=10)
    assert result.returncode == 1 and "Could not find" in result.output


def test_below_android_12_the_camera_is_refused(adb_server):
    vd = VirtualDevice("intercom-a9").start(adb_server)
    try:
        device = device_of(adb_server, vd)
        device.sync.push(b"x", JAR)
        result = device.shell2(f"{SERVER} {SERVER_VERSION} {CAMERA} camera_id=/dev/video0", timeout=10)
        assert result.returncode == 1 and "not supported before Android 12" in result.output
    finally:
        vd.stop()


def test_unknown_camera_id_and_busy_camera_are_refused(adb_server, virtual_device):
    device = device_of(adb_server, virtual_device)
    device.sync.push(b"x", JAR)
    result = device.shell2(f"{SERVER} {SERVER_VERSION} {CAMERA} camera_id=7", timeout=10)
    assert result.returncode == 1 and "Camera id 7 not found" in result.output and "0, 1" in result.output
    virtual_device.endpoints[0].camera_servers.in_use.add("1")
    result = device.shell2(f"{SERVER} {SERVER_VERSION} {CAMERA} camera_id=1", timeout=10)
    assert result.returncode == 1 and "in use" in result.output


def test_camera_sizes_are_listed_per_camera(adb_server, virtual_device):
    device = device_of(adb_server, virtual_device)
    device.sync.push(b"x", JAR)
    out = device.shell2(f"{SERVER} {SERVER_VERSION} {CAMERA} list_camera_sizes=true", timeout=10).output
    assert "--camera-id=0    (back," in out and "--camera-id=1    (front," in out
    assert "        - 1280x720" in out


def test_the_stream_through_adb_forward_is_the_mounted_cameras_picture(adb_server):
    base = load_scenario("tablet-a12")
    cameras = list(base.builtin_cameras)
    cameras[1] = cameras[1].model_copy(update={"mounting": Mounting(rotation=90, mirrored=False)})
    scenario = base.model_copy(update={"builtin_cameras": cameras})
    vd = VirtualDevice(scenario).start(adb_server)
    server = None
    sock = None
    try:
        device = device_of(adb_server, vd)
        device.sync.push(b"x", JAR)
        server = start_server(device, f"{CAMERA} scid=0000abcd camera_id=1 camera_size=640x480 max_fps=30")
        assert b"Device:" in server.conn.recv(4096)
        forwarded = adb(adb_server, "-s", vd.serial, "forward", "tcp:0", "localabstract:scrcpy_0000abcd")
        assert forwarded.returncode == 0, forwarded.stderr
        port = int(forwarded.stdout.strip())
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        assert read_exactly(sock, 1) == b"\0"                                    # the dummy byte
        assert read_exactly(sock, 64).rstrip(b"\0") == b"Acme SmartPad 10"      # device meta
        assert struct.unpack(">III", read_exactly(sock, 12)) == (CODEC_H264, 640, 480)
        packets = read_packets(sock, 8)
        assert packets[0][1] and not packets[0][2]           # config first (SPS/PPS)
        assert packets[1][2] and not packets[1][1]           # then a key frame
        pts = [p[0] for p in packets[1:]]
        assert pts == sorted(pts) and pts[-1] > pts[0]
        decoder = H264Decoder()
        frames = []
        for _pts, config, _key, payload in packets:
            frames += decoder.feed(payload, idle=not config)
        assert frames and frames[-1].shape == (480, 640, 3)
        # The camera's own picture, turned by its mounting; clearly not the upright one.
        keep = 480 - 2 * stamp_area_height(640)
        expected = picture_of_mounted_camera(Turn(90), (640, 480))[:keep].astype(int)
        upright = picture_of_mounted_camera(Turn(0), (640, 480))[:keep].astype(int)
        got = frames[-1][:keep].astype(int)
        assert np.abs(got - expected).mean() < 12 < np.abs(got - upright).mean()
    finally:
        if sock is not None:
            sock.close()
        if server is not None:
            server.close()
        adb(adb_server, "-s", vd.serial, "forward", "--remove-all")
        vd.stop()


def test_nothing_listens_before_the_server_runs(adb_server, virtual_device):
    with pytest.raises(adbutils.AdbError):
        device_of(adb_server, virtual_device).create_connection(adbutils.Network.LOCAL_ABSTRACT, "scrcpy_00000001")


def test_packets_split_config_from_the_key_frame_and_headers_carry_the_flags():
    encoder = H264Encoder(64, 64, fps=30)
    first = encoder.encode(np.zeros((64, 64, 3), np.uint8))
    packets = split_packets(first)
    assert [(config, key) for _payload, config, key in packets] == [(True, False), (False, True)]
    assert b"".join(p for p, _c, _k in packets) != b"" and len(packets[0][0]) < len(packets[1][0])
    value, size = struct.unpack(">QI", frame_header(1234, 99, config=False, key=True))
    assert (value >> 63, value >> 62 & 1, value & ((1 << 62) - 1), size) == (0, 1, 1234, 99)
    value, _ = struct.unpack(">QI", frame_header(0, 5, config=True, key=False))
    assert value >> 63 == 1 and value >> 62 & 1 == 0


def test_a_client_that_goes_away_ends_the_server(adb_server, virtual_device, wait_until):
    device = device_of(adb_server, virtual_device)
    device.sync.push(b"x", JAR)
    server = start_server(device, f"{CAMERA} scid=12 camera_id=0 camera_size=640x480")
    try:
        sock = device.create_connection(adbutils.Network.LOCAL_ABSTRACT, "scrcpy_00000012")
        sock.settimeout(10)
        read_exactly(sock, 1 + 64 + 12)
        sock.close()
        servers = virtual_device.endpoints[0].camera_servers
        assert wait_until(lambda: "0" not in servers.in_use, timeout=10)
        server.conn.settimeout(10)
        deadline = time.monotonic() + 10
        while server.conn.recv(4096) and time.monotonic() < deadline:
            pass   # the server's output ends: app_process exited
    finally:
        server.close()
