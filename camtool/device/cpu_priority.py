"""Lower the CPU priority of a process that stands in for other hardware: the virtual device.

On a 2-core desktop the window's GUI thread shares the CPU with the virtual device that
renders and H.264-encodes both ends (a whole core at 1080p). The kernel then made a GUI
thread that woke for a repaint wait behind it: the window benchmark measured 12 ms of a
17-19 ms GUI-thread gap spent "runnable, waiting for a CPU" (issue 14). A real phone takes
no CPU of the host at all; at nice 10 the virtual device still gets every idle cycle, it only
stops winning against the window and the threads that decode its pictures.

Linux applies nice values per thread (setpriority on the thread id); elsewhere this does
nothing.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

#: The virtual device started for the window: it stands in for other hardware.
VIRTUAL_DEVICE_NICE = 10


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
