"""The device side of the adb protocol (v1) over TCP, in asyncio: what the real adb server attaches.

One `AdbdServer` listens on 127.0.0.1; each accepted connection is an `AdbdConnection` that
answers the host's CNXN with the endpoint's banner and runs one `Stream` per OPEN. The facts
this follows were measured against adb 1.0.41 (see the project's adb notes): checksum 0 is
accepted, the host never asks for AUTH, a WRTE larger than the host's maxdata makes it drop the
connection, and throughput is set by payload size, so writes are coalesced into big WRTEs.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import struct
from collections.abc import Awaitable, Callable
from typing import Protocol

from camtool.virtual.faults import Faults

log = logging.getLogger(__name__)

A_SYNC, A_CNXN, A_OPEN, A_OKAY = 0x434E5953, 0x4E584E43, 0x4E45504F, 0x59414B4F
A_CLSE, A_WRTE, A_AUTH, A_STLS = 0x45534C43, 0x45545257, 0x48545541, 0x534C5453
A_VERSION = 0x01000001
#: What we accept from the host; adb's own host and device use 1 MiB.
MAX_PAYLOAD = 1024 * 1024
AUTH_TOKEN, AUTH_SIGNATURE, AUTH_RSAPUBLICKEY = 1, 2, 3
_HEADER = struct.Struct("<6I")
_NAMES = {A_SYNC: "SYNC", A_CNXN: "CNXN", A_OPEN: "OPEN", A_OKAY: "OKAY", A_CLSE: "CLSE",
          A_WRTE: "WRTE", A_AUTH: "AUTH", A_STLS: "STLS"}


class StreamClosed(Exception):
    """The host closed the stream or the connection went away; the service should stop."""


class Endpoint(Protocol):
    """What an adbd serves: its CNXN banner and its services."""

    faults: Faults

    def banner(self) -> bytes: ...

    def service(self, name: str) -> Callable[[Stream], Awaitable[None]] | None:
        """The coroutine that runs service `name` on a stream, or None if unknown."""


def packet(command: int, arg0: int, arg1: int, payload: bytes = b"") -> bytes:
    # The host ignores the checksum (measured): computing it would only cost throughput.
    return _HEADER.pack(command, arg0, arg1, len(payload), 0, command ^ 0xFFFFFFFF) + payload


class Stream:
    """One OPEN'd service: bytes written here reach the host as WRTEs, one in flight at a time.

    Writes append to a buffer; a WRTE goes out as soon as the host has acknowledged the
    previous one, carrying everything buffered so far (up to maxdata). A fast reader thus
    gets small, prompt payloads and a slow one gets big ones; a writer that gets ahead of
    the reader by `high_water` bytes waits, so memory stays bounded.
    """

    def __init__(self, conn: AdbdConnection, local_id: int, remote_id: int):
        self.conn = conn
        self.local_id = local_id
        self.remote_id = remote_id
        self.input: asyncio.Queue[bytes] = asyncio.Queue()
        self.closed = asyncio.Event()
        self._buffer = bytearray()
        self._in_flight = False
        self._progress = asyncio.Event()
        self._sent_bytes = 0
        self.high_water = 2 * conn.max_payload

    async def write(self, data: bytes) -> None:
        if self.closed.is_set():
            raise StreamClosed
        self._buffer += data
        self._pump()
        while len(self._buffer) >= self.high_water:
            await self._wait_progress()

    async def flush(self) -> None:
        """Wait until everything written has been acknowledged by the host."""
        while self._buffer or self._in_flight:
            await self._wait_progress()

    async def _wait_progress(self) -> None:
        self._progress.clear()
        if self.closed.is_set():
            raise StreamClosed
        await self._progress.wait()
        if self.closed.is_set():
            raise StreamClosed

    def _pump(self) -> None:
        if self._in_flight or not self._buffer or self.closed.is_set():
            return
        size = min(len(self._buffer), self.conn.max_payload)
        chunk = bytes(self._buffer[:size])
        del self._buffer[:size]
        self._in_flight = True
        self.conn.send(A_WRTE, self.local_id, self.remote_id, chunk)
        self._sent_bytes += size
        limit = self.conn.faults.drop_after_bytes
        if limit is not None and self._sent_bytes >= limit:
            log.info("fault: dropping the connection after %d bytes of a stream", self._sent_bytes)
            self.conn.abort()

    def on_okay(self) -> None:
        self._in_flight = False
        self._pump()
        self._progress.set()

    def on_close(self) -> None:
        self.closed.set()
        self._progress.set()

    async def close(self) -> None:
        """Flush, then CLSE: a stream must always end with CLSE or adbutils waits for minutes."""
        try:
            await self.flush()
        except StreamClosed:
            return
        if not self.closed.is_set():
            self.closed.set()
            self.conn.send(A_CLSE, self.local_id, self.remote_id)
            self.conn.forget(self.local_id)


class AdbdConnection:
    """One TCP connection from the adb server: handshake, then packets until either side closes."""

    _ids = itertools.count(1)

    def __init__(self, endpoint: Endpoint, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.endpoint = endpoint
        self.faults = endpoint.faults
        self.reader = reader
        self.writer = writer
        self.max_payload = 4096  # until the host's CNXN says more
        self.streams: dict[int, Stream] = {}
        self.tasks: set[asyncio.Task] = set()
        self.online = False

    def send(self, command: int, arg0: int, arg1: int, payload: bytes = b"") -> None:
        if self.writer.is_closing():
            return
        self.writer.write(packet(command, arg0, arg1, payload))

    def abort(self) -> None:
        """Drop the TCP connection at once, as a cable pull or a crashed adbd would."""
        transport = self.writer.transport
        if not transport.is_closing():
            transport.abort()

    def forget(self, local_id: int) -> None:
        self.streams.pop(local_id, None)

    async def run(self) -> None:
        try:
            while True:
                header = await self.reader.readexactly(_HEADER.size)
                command, arg0, arg1, length, _check, magic = _HEADER.unpack(header)
                if magic != command ^ 0xFFFFFFFF:
                    log.warning("malformed packet (bad magic %#x for %#x); closing the connection", magic, command)
                    return
                if length > MAX_PAYLOAD:
                    log.warning("%s packet of %d bytes exceeds maxdata %d; closing the connection",
                                _NAMES.get(command, hex(command)), length, MAX_PAYLOAD)
                    if command in (A_OPEN, A_WRTE):
                        self.send(A_CLSE, 0, arg0)
                    return
                payload = await self.reader.readexactly(length) if length else b""
                if self.faults.silent:
                    continue  # read everything, answer nothing: what a hung adbd looks like
                await self._dispatch(command, arg0, arg1, payload)
                await self.writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        except Exception:  # a bug here ends this connection, never the device; adb reconnects
            log.exception("adb connection failed")
        finally:
            await self._shutdown()

    async def _dispatch(self, command: int, arg0: int, arg1: int, payload: bytes) -> None:
        if command == A_CNXN:
            self._on_connect(arg1, payload)
        elif command == A_AUTH:
            self._on_auth(arg0)
        elif not self.online:
            log.warning("%s before the handshake; refused", _NAMES.get(command, hex(command)))
            if command in (A_OPEN, A_WRTE):
                self.send(A_CLSE, 0, arg0)
        elif command == A_OPEN:
            self._on_open(arg0, payload)
        elif command == A_OKAY:
            stream = self.streams.get(arg1)
            if stream is not None:
                stream.on_okay()
        elif command == A_WRTE:
            stream = self.streams.get(arg1)
            if stream is None:
                self.send(A_CLSE, 0, arg0)
                return
            stream.input.put_nowait(payload)
            self.send(A_OKAY, stream.local_id, stream.remote_id)
        elif command == A_CLSE:
            stream = self.streams.pop(arg1, None)
            if stream is not None:
                stream.on_close()
        else:
            log.warning("unknown adb command %#x; ignored", command)

    def _on_connect(self, host_max: int, payload: bytes) -> None:
        self.max_payload = max(256, min(host_max or 4096, MAX_PAYLOAD))
        if self.faults.unauthorized:
            # Ask for a signature and never accept one: adb shows the device as unauthorized.
            self.send(A_AUTH, AUTH_TOKEN, 0, os.urandom(20))
            return
        self.online = True
        self.send(A_CNXN, A_VERSION, self.max_payload, self.endpoint.banner())
        log.info("host connected: %s", payload.rstrip(b"\0")[:200].decode("ascii", "replace"))

    def _on_auth(self, auth_type: int) -> None:
        if auth_type == AUTH_SIGNATURE:
            self.send(A_AUTH, AUTH_TOKEN, 0, os.urandom(20))  # "wrong key, try the next"
        # AUTH_RSAPUBLICKEY: a real device would show the prompt; nobody ever accepts here.

    def _on_open(self, remote_id: int, payload: bytes) -> None:
        name = payload.rstrip(b"\0").decode("utf-8", "replace")
        run = self.endpoint.service(name) if remote_id else None
        if run is None:
            log.warning("unsupported service %r; refused", name[:200])
            self.send(A_CLSE, 0, remote_id)
            return
        local_id = next(self._ids)
        stream = Stream(self, local_id, remote_id)
        self.streams[local_id] = stream
        self.send(A_OKAY, local_id, remote_id)
        task = asyncio.get_running_loop().create_task(self._serve(run, stream, name))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _serve(self, run: Callable[[Stream], Awaitable[None]], stream: Stream, name: str) -> None:
        try:
            await run(stream)
        except StreamClosed:
            pass
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug in one service must not take the whole device down
            log.exception("service %r failed", name[:200])
        finally:
            if not stream.closed.is_set():
                await stream.close()

    async def _shutdown(self) -> None:
        for stream in list(self.streams.values()):
            stream.on_close()
        self.streams.clear()
        for task in list(self.tasks):
            task.cancel()
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)
        self.abort()


class AdbdServer:
    """Listens on 127.0.0.1:port for one endpoint; keeps its connections so faults can drop them."""

    def __init__(self, endpoint: Endpoint, host: str = "127.0.0.1", port: int = 0):
        self.endpoint = endpoint
        self.host = host
        self.requested_port = port
        self.port = 0
        self.connections: set[AdbdConnection] = set()
        self._server: asyncio.base_events.Server | None = None

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._accept, self.host, self.requested_port,
                                                  limit=MAX_PAYLOAD + 64)
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.endpoint.faults.offline:
            writer.transport.abort()  # refuse at once: adb keeps the entry offline and retries
            return
        conn = AdbdConnection(self.endpoint, reader, writer)
        self.connections.add(conn)
        try:
            await conn.run()
        finally:
            self.connections.discard(conn)

    def drop_connections(self) -> None:
        for conn in list(self.connections):
            conn.abort()

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        self.drop_connections()
        for _ in range(200):  # each connection task ends once its transport is gone
            if not self.connections:
                break
            await asyncio.sleep(0.01)
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None
