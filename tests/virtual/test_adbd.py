"""The adbd of the virtual device, spoken to directly as the adb host would (no adb server).

These pin the protocol facts the real adb server depends on: the banner, maxdata, one WRTE in
flight until OKAY, CLSE at the end of every stream, and bad input answered with CLSE.
"""

from __future__ import annotations

import logging
import socket
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from camtool.virtual.adbd import A_CLSE, A_CNXN, A_OKAY, A_OPEN, A_VERSION, A_WRTE, MAX_PAYLOAD, packet
from camtool.virtual.device import VirtualDevice

HEADER = struct.Struct("<6I")


class RawHost:
    """The host side of adb, just enough to drive one connection by hand."""

    def __init__(self, port: int, maxdata: int = MAX_PAYLOAD):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.maxdata = maxdata

    def send(self, command: int, arg0: int, arg1: int, payload: bytes = b"") -> None:
        self.sock.sendall(packet(command, arg0, arg1, payload))

    def recv(self) -> tuple[int, int, int, bytes]:
        command, arg0, arg1, length, _check, magic = HEADER.unpack(self._exact(HEADER.size))
        assert magic == command ^ 0xFFFFFFFF
        return command, arg0, arg1, self._exact(length)

    def _exact(self, n: int) -> bytes:
        data = bytearray()
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed by the device")
            data += chunk
        return bytes(data)

    def handshake(self) -> tuple[int, int, bytes]:
        self.send(A_CNXN, A_VERSION, self.maxdata, b"host::features=shell_v2,cmd\0")
        command, version, maxdata, banner = self.recv()
        assert command == A_CNXN
        return version, maxdata, banner

    def run(self, service: str, local_id: int = 7, ack: bool = True) -> tuple[list[bytes], int]:
        """OPEN a service and read it to its CLSE; returns the WRTE payloads and the device's id."""
        self.send(A_OPEN, local_id, 0, service.encode() + b"\0")
        command, remote, mine, _ = self.recv()
        if command == A_CLSE:
            return [], 0
        assert (command, mine) == (A_OKAY, local_id)
        payloads = []
        while True:
            command, arg0, arg1, data = self.recv()
            assert arg1 == local_id
            if command == A_CLSE:
                return payloads, remote
            assert command == A_WRTE
            payloads.append(data)
            if ack:
                self.send(A_OKAY, local_id, remote)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def device():
    vd = VirtualDevice().start()
    yield vd
    vd.stop()


@pytest.fixture
def host(device):
    h = RawHost(device.port)
    yield h
    h.close()


def test_banner_names_the_scenarios_device_and_turns_on_shell_v2(device, host):
    version, maxdata, banner = host.handshake()
    text = banner.decode()
    assert version == A_VERSION and maxdata == MAX_PAYLOAD
    assert text.startswith("device::") and "features=shell_v2,cmd" in text
    info = device.scenario.device
    assert f"ro.product.model={info.model};" in text and f"ro.product.device={info.device};" in text


def test_the_wechat_phone_is_a_second_device_with_its_own_banner(device):
    h = RawHost(device.wechat_port)
    try:
        _, _, banner = h.handshake()
    finally:
        h.close()
    assert f"ro.product.model={device.scenario.wechat_phone.model};" in banner.decode()
    assert device.wechat_serial != device.serial


def test_no_write_is_larger_than_the_hosts_maxdata_and_the_stream_ends_with_clse(host):
    host.maxdata = 4096
    _, maxdata, _ = host.handshake()
    assert maxdata == 4096
    payloads, _ = host.run("exec:screencap -p")
    assert payloads and all(len(p) <= 4096 for p in payloads)
    assert b"".join(payloads).startswith(b"\x89PNG\r\n\x1a\n")


def test_shell_v2_frames_stdout_stderr_and_the_exit_code(host):
    host.handshake()
    payloads, _ = host.run("shell,v2,TERM=xterm,raw:echo out; nosuch; exit 5")
    data = b"".join(payloads)
    frames = []
    while data:
        kind, length = data[0], int.from_bytes(data[1:5], "little")
        frames.append((kind, data[5:5 + length]))
        data = data[5 + length:]
    assert (1, b"out\n") in frames
    assert (2, b"/system/bin/sh: nosuch: not found\n") in frames
    assert frames[-1] == (3, bytes([5]))


def test_a_reader_that_does_not_acknowledge_gets_one_write_and_memory_stays_bounded(device, host, wait_until):
    host.maxdata = 256
    host.handshake()
    host.send(A_OPEN, 9, 0, b"exec:screenrecord --output-format=h264 --time-limit 20 -\0")
    command, remote, _, _ = host.recv()
    assert command == A_OKAY
    command, _, _, first = host.recv()
    assert command == A_WRTE and len(first) <= 256

    def stream():
        conns = list(device._servers[0].connections)
        return next(iter(conns[0].streams.values())) if conns and conns[0].streams else None

    # The encoder keeps producing; the device must park it instead of queueing without end.
    assert wait_until(lambda: stream() is not None and len(stream()._buffer) >= stream().high_water, timeout=10)
    assert len(stream()._buffer) <= stream().high_water + 64 * 1024
    # Nothing more was sent for that stream: the next packet is the answer to a new service.
    payloads, _ = host.run("exec:echo still here", local_id=11)
    assert b"".join(payloads) == b"still here\n"
    host.send(A_OKAY, 9, remote)  # the reader catches up: data flows again
    command, _, arg1, _ = host.recv()
    assert (command, arg1) == (A_WRTE, 9)
    host.send(A_CLSE, 9, remote)


def test_an_unknown_service_is_refused_with_clse_and_the_connection_lives_on(host, caplog):
    host.handshake()
    with caplog.at_level(logging.WARNING, logger="camtool.virtual.adbd"):
        payloads, remote = host.run("framebuffer:")
    assert (payloads, remote) == ([], 0)
    assert "unsupported service" in caplog.text
    assert b"".join(host.run("exec:echo ok", local_id=8)[0]) == b"ok\n"


def test_a_huge_packet_gets_clse_and_the_device_keeps_serving_new_connections(device, host, caplog):
    host.handshake()
    with caplog.at_level(logging.WARNING, logger="camtool.virtual.adbd"):
        host.sock.sendall(HEADER.pack(A_OPEN, 5, 0, MAX_PAYLOAD * 64, 0, A_OPEN ^ 0xFFFFFFFF))
        command, _, arg1, _ = host.recv()
        assert (command, arg1) == (A_CLSE, 5)
        with pytest.raises(ConnectionError):
            host.recv()
    assert "exceeds maxdata" in caplog.text
    again = RawHost(device.port)
    try:
        again.handshake()
        assert b"".join(again.run("exec:echo alive")[0]) == b"alive\n"
    finally:
        again.close()


def test_garbage_closes_only_that_connection(device, host, caplog):
    with caplog.at_level(logging.WARNING, logger="camtool.virtual.adbd"):
        host.sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        with pytest.raises(ConnectionError):
            host.recv()
    assert "malformed packet" in caplog.text
    again = RawHost(device.port)
    try:
        assert again.handshake()[2].startswith(b"device::")
    finally:
        again.close()


def test_host_closing_a_stream_stops_the_recording(device, host, wait_until):
    host.handshake()
    host.send(A_OPEN, 3, 0, b"exec:screenrecord --output-format=h264 -\0")
    _, remote, _, _ = host.recv()
    assert host.recv()[0] == A_WRTE
    host.send(A_CLSE, 3, remote)
    media = device.endpoints[0].media
    assert wait_until(lambda: not media.active, timeout=5)


def test_big_output_goes_out_in_writes_as_large_as_the_host_allows(host):
    host.handshake()
    payloads, _ = host.run("exec:screencap")  # raw RGBA: megabytes in one go
    total = sum(map(len, payloads))
    width, height, pixel_format = struct.unpack("<3I", payloads[0][:12])
    assert (pixel_format, total) == (1, 16 + width * height * 4)
    assert len(payloads) == -(-total // MAX_PAYLOAD)  # coalesced: as few WRTEs as maxdata permits


def test_an_interactive_pty_shell_prompts_echoes_and_exits_with_the_status(device, host):
    host.handshake()
    host.send(A_OPEN, 4, 0, b"shell,v2,TERM=xterm-256color,pty:\0")
    command, remote, _, _ = host.recv()
    assert command == A_OKAY
    typed = b"echo hi\rexit 3\r"
    host.send(A_WRTE, 4, remote, bytes([0]) + len(typed).to_bytes(4, "little") + typed)
    received = bytearray()
    while True:
        command, _, _, data = host.recv()
        if command == A_CLSE:
            break
        if command == A_WRTE:
            received += data
            host.send(A_OKAY, 4, remote)
    stdout, exit_code = bytearray(), None
    while received:
        kind, length = received[0], int.from_bytes(received[1:5], "little")
        if kind == 1:
            stdout += received[5:5 + length]
        elif kind == 3:
            exit_code = received[5]
        del received[:5 + length]
    prompt = f"{device.scenario.device.device}:/ $ ".encode()
    assert stdout.startswith(prompt + b"echo hi\r\nhi\r\n" + prompt) and exit_code == 3


def test_a_service_opened_before_the_handshake_is_refused(host, caplog):
    with caplog.at_level(logging.WARNING, logger="camtool.virtual.adbd"):
        host.send(A_OPEN, 6, 0, b"shell:echo early\0")
        command, _, arg1, _ = host.recv()
    assert (command, arg1) == (A_CLSE, 6) and "before the handshake" in caplog.text
    assert host.handshake()[2].startswith(b"device::")


_COMMANDS = st.sampled_from([A_CNXN, A_OPEN, A_OKAY, A_WRTE, A_CLSE, 0x48545541, 0x12345678])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_COMMANDS, st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1),
                          st.binary(max_size=64)), max_size=6))
def test_random_packets_never_take_the_device_down(device, packets):
    h = RawHost(device.port)
    try:
        for command, arg0, arg1, payload in packets:
            h.send(command, arg0, arg1, payload)
    except OSError:
        pass  # the device may close a connection it does not like; that is allowed
    finally:
        h.close()
    fresh = RawHost(device.port)
    try:
        fresh.handshake()
        assert b"".join(fresh.run("exec:echo fine")[0]) == b"fine\n"
    finally:
        fresh.close()
