"""Encoded chunks handed from an encoder thread to the virtual device's event loop."""

from __future__ import annotations

import asyncio
import gc
import threading
import warnings

from camtool.virtual import media


def _loop_in_a_thread():
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    return loop, thread


def _stop(loop, thread) -> None:
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


def test_every_chunk_reaches_the_stream_in_order():
    loop, thread = _loop_in_a_thread()
    written = []

    async def write(chunk: bytes) -> None:
        written.append(chunk)

    chunks = (bytes([i]) for i in range(50))
    try:
        media.pump(chunks, write, loop, threading.Event())
    finally:
        _stop(loop, thread)
    assert written == [bytes([i]) for i in range(50)]


def test_a_write_that_hangs_is_cancelled_when_the_end_stops():
    loop, thread = _loop_in_a_thread()
    stop = threading.Event()
    cancelled = threading.Event()

    async def write(chunk: bytes) -> None:
        stop.set()                         # the host stopped reading: the end is asked to stop
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    try:
        assert media._deliver(loop, write, b"x", stop) is False
        assert cancelled.wait(5)
    finally:
        _stop(loop, thread)


def test_a_chunk_stopped_before_the_loop_ran_it_leaves_no_coroutine_never_awaited():
    loop = asyncio.new_event_loop()        # not running: the end stops before the loop gets to the chunk
    stop = threading.Event()
    stop.set()
    made = []

    async def write(chunk: bytes) -> None:
        made.append(chunk)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert media._deliver(loop, write, b"x", stop) is False
        loop.close()
        gc.collect()
    assert made == []
    assert not [w for w in caught if "never awaited" in str(w.message)]
