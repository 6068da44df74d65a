"""Saves never replace what is not a file, `-o -` is standard output, and interrupted saves are cleaned up."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from camtool.cli import main
from camtool.config.atomic import TEMP_SUFFIX

GOOD = '{"internalCameraName": "0", "cameraRotationAngle": 90}'


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.json"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_export_refuses_to_replace_a_fifo(good, tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["export", str(good), "-o", str(fifo)]) == 1
    err = capsys.readouterr().err
    assert "pipe" in err and "not a file" in err and "Wrote" not in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the FIFO, not a text file
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_export_refuses_to_replace_a_folder(good, tmp_path, capsys):
    folder = tmp_path / "out.json"
    folder.mkdir()
    (folder / "keep").write_text("x")
    assert main(["export", str(good), "-o", str(folder)]) == 1
    assert "a folder, not a file" in capsys.readouterr().err
    assert (folder / "keep").read_text() == "x"


def _device_node(tmp_path: Path) -> Path:
    """A character device to aim at. As root, a private one: if the refusal ever broke, renaming
    over the real /dev/null would break the whole machine. Others cannot write /dev anyway."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        node = tmp_path / "null-device"
        try:
            os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except OSError as exc:
            pytest.skip(f"cannot create a device node here: {exc}")
        return node
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    return Path("/dev/null")


def test_export_refuses_a_device_node(good, tmp_path, capsys):
    node = _device_node(tmp_path)
    assert main(["export", str(good), "-o", str(node)]) == 1
    assert "a device, not a file" in capsys.readouterr().err
    assert stat.S_ISCHR(os.stat(node).st_mode)


def test_export_refuses_a_socket(good, tmp_path, capsys):
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets")
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert main(["export", str(good), "-o", str(path)]) == 1
        assert "a socket" in capsys.readouterr().err
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


def test_output_dash_is_standard_output(good, tmp_path, capsysbinary, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(good), "-o", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert json.loads(captured.out) == json.loads(GOOD)
    assert not (tmp_path / "-").exists()


def test_profiles_export_refuses_a_fifo_too(tmp_path, capsys):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    library = tmp_path / "lib"
    library.mkdir()
    (library / "door.json").write_text(json.dumps({"sku": "door", "config": json.loads(GOOD)}))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert main(["profiles", "--profiles", str(library), "export", "door", "-o", str(fifo)]) == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_chart_output_refuses_a_fifo(tmp_path, capsys):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    fifo = tmp_path / "chart.pdf"
    os.mkfifo(fifo)
    assert main(["chart", "-o", str(fifo)]) != 0
    assert "a pipe (FIFO), not a file" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


# --- temporary files of interrupted saves ------------------------------------------------

_KILLED_SAVE = """
import os, sys
from camtool.config import atomic
def stop(*args, **kwargs):
    os._exit(9)          # as kill -9 between writing the temporary file and the rename
atomic._replace = stop
from camtool.cli import main
main(sys.argv[1:])
"""


def test_the_next_save_removes_temp_files_of_killed_saves(good, tmp_path):
    out = tmp_path / "out.json"
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", _KILLED_SAVE, "export", str(good), "-o", str(out)],
                              capture_output=True, timeout=60)
        assert done.returncode == 9
    stale = [p.name for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    # each killed save removed the one before it: only the last one's file is left, not three
    assert len(stale) == 1 and stale[0].startswith(".out.json.")
    other = tmp_path / ".other.json.0123abcd.camtool-tmp"   # another target's: not ours to remove
    other.write_text("x")
    mine_by_name_only = tmp_path / ".out.json.keep-me.camtool-tmp"  # not a name camtool makes
    mine_by_name_only.write_text("x")
    assert main(["export", str(good), "-o", str(out)]) == 0
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX))
    assert left == sorted([other.name, mine_by_name_only.name])
    assert json.loads(out.read_text()) == json.loads(GOOD)


def test_a_save_in_progress_keeps_its_temp_file(good, tmp_path):
    """A temporary file another save is writing (it holds the lock) is not stale."""
    fcntl = pytest.importorskip("fcntl")
    out = tmp_path / "out.json"
    busy = tmp_path / ".out.json.89abcdef.camtool-tmp"
    fd = os.open(busy, os.O_WRONLY | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["export", str(good), "-o", str(out)]) == 0
        assert busy.exists()
    finally:
        os.close(fd)


def test_export_into_a_symlink_loop_is_a_message(good, tmp_path, capsys):
    loop = tmp_path / "loop.json"
    try:
        loop.symlink_to(tmp_path / "loop.json")
    except OSError as exc:
        pytest.skip(f"no symlinks here: {exc}")
    assert main(["export", str(good), "-o", str(loop)]) == 1
    err = capsys.readouterr().err
    assert "Cannot write" in err and "internal error" not in err
