"""The window's GUI thread comes first: the virtual device it starts runs nicer."""

from __future__ import annotations

import subprocess
import sys

import pytest


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="nice values per thread are Linux's")


@linux_only
def test_lowering_a_process_reaches_threads_that_were_already_running():
    script = (
        "import os, threading, time\n"
        "from camtool.device.cpu_priority import lower_this_process\n"
        "started, done = threading.Event(), threading.Event()\n"
        "seen = []\n"
        "def early():\n"
        "    started.set(); done.wait(5); seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))\n"
        "t = threading.Thread(target=early); t.start(); started.wait(5)\n"
        "assert lower_this_process(7)\n"
        "late = threading.Thread(target=lambda: seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))\n"
        "late.start(); late.join(); done.set(); t.join()\n"
        "print(sorted(seen), os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))\n"
    )
    base = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpriority(os.PRIO_PROCESS, 0))"],
                              capture_output=True, text=True, check=True).stdout)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    want = min(19, base + 7)
    assert out.stdout.split() == [f"[{want},", f"{want}]", str(want)]


def test_virtual_start_refuses_a_nice_value_out_of_range(capsys):
    from camtool.cli import main

    assert main(["virtual", "start", "--nice", "25"]) == 2
    assert "--nice 25" in capsys.readouterr().err
