"""Lower the CPU priority of the calling thread, so the window's GUI thread comes first.

On a 2-core desktop the window's GUI thread shares the CPU with the threads that decode both
ends and, when there is no phone, with the virtual device that renders and encodes them. The
kernel then makes a GUI thread that wakes for a repaint wait behind them: the window
benchmark measured 12 ms of a 17-19 ms GUI-thread gap spent "runnable, waiting for a CPU"
(issue 14). A nicer decode thread or virtual device still gets every idle cycle, it only
stops winning against the thread the technician is looking at.

Linux applies nice values per thread (setpriority on the thread id); elsewhere this does
nothing, since raising a nice value can never be undone there without privileges anyway.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

#: Decoding threads: behind the GUI thread, ahead of a virtual device.
DECODE_NICE = 5
#: The virtual device started for the window: it stands in for other hardware.
VIRTUAL_DEVICE_NICE = 10


def lower_this_thread(step: int) -> bool:
    """Raise the calling thread's nice value by `step` (Linux); True when it took effect."""
    if step <= 0 or not sys.platform.startswith("linux"):
        return False
    tid = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, min(19, current + step))
    except OSError as exc:   # a sandbox may forbid it; the thread then just runs as before
        log.debug("could not lower the priority of thread %d: %s", tid, exc)
        return False
    return True


def lower_this_process(step: int) -> bool:
    """Raise the nice value of every thread of this process by `step` (Linux; threads started
    later inherit it from their creator). Libraries start worker threads at import (OpenCV's
    pool), before a command can run, so the calling thread alone is not enough."""
    if step <= 0 or not sys.platform.startswith("linux"):
        return False
    try:
        tids = [int(name) for name in os.listdir("/proc/self/task")]
    except OSError:
        tids = [threading.get_native_id()]
    done = True
    for tid in tids:
        try:
            os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + step))
        except OSError as exc:   # a thread that ended meanwhile, or a sandbox that forbids it
            log.debug("could not lower the priority of thread %d: %s", tid, exc)
            done = False
    return done


def thread_nice() -> int | None:
    """The calling thread's nice value on Linux, None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
