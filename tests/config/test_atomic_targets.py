"""Atomic saves and what is already there: no file, a pipe, a link loop, temporary files an interrupted save left."""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import stat

import pytest

from camtool.config import atomic
from camtool.config.atomic import NotARegularFile, atomic_write_bytes, atomic_write_text


@pytest.mark.parametrize("make, kind", [
    (lambda p: p.mkdir(), "a folder"),
    (lambda p: os.mkfifo(p), "a pipe (FIFO)"),
])
def test_a_target_that_is_no_regular_file_is_refused_and_left_as_it_is(tmp_path, make, kind):
    target = tmp_path / "door.json"
    make(target)
    with pytest.raises(NotARegularFile) as refused:
        atomic_write_text(target, "{}")
    assert refused.value.errno == errno.EEXIST and refused.value.filename == str(target)
    assert refused.value.strerror == f"it is {kind}, not a file; camtool only replaces files"
    assert os.listdir(tmp_path) == ["door.json"] and not stat.S_ISREG(os.stat(target).st_mode)


def test_a_device_and_a_socket_are_refused_too(tmp_path):
    with pytest.raises(NotARegularFile, match="it is a device, not a file"):
        atomic_write_text(os.devnull, "{}")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "s.json"))
        with pytest.raises(NotARegularFile, match=r"it is a socket, not a file; camtool only replaces files"):
            atomic_write_text(tmp_path / "s.json", "{}")


def test_a_link_loop_is_an_eloop_error_naming_the_link(tmp_path):
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    with pytest.raises(OSError) as refused:
        atomic_write_text(tmp_path / "a.json", "{}")
    assert (refused.value.errno, refused.value.strerror, refused.value.filename) == (
        errno.ELOOP, os.strerror(errno.ELOOP), str(tmp_path / "a.json"))
    assert sorted(os.listdir(tmp_path)) == ["a.json", "b.json"]


def test_a_save_removes_what_an_interrupted_save_of_the_same_file_left_and_nothing_else(tmp_path):
    stale = tmp_path / ".door.json.0123abcd.camtool-tmp"
    (tmp_path / ".door.json.00000000.camtool-tmp").write_text("another half", encoding="utf-8")
    keep = [".door.json.0123ABCD.camtool-tmp",      # not a name this module makes
            ".door.json.0123abc.camtool-tmp",       # seven hex digits: the user's
            ".gate.json.0123abcd.camtool-tmp",      # another file's: its own save cleans it
            ".door.json.0123abcd.camtool-tmp.bak"]
    for name in [stale.name, *keep]:
        (tmp_path / name).write_text("half", encoding="utf-8")
    atomic_write_text(tmp_path / "door.json", "{}")
    assert sorted(os.listdir(tmp_path)) == sorted(["door.json", *keep])


def test_a_temporary_file_a_running_save_holds_is_left_alone(tmp_path):
    held = tmp_path / ".door.json.89abcdef.camtool-tmp"
    held.write_text("being written", encoding="utf-8")
    link = tmp_path / ".door.json.fedcba98.camtool-tmp"
    link.symlink_to(tmp_path / "user.txt")   # a link is never opened, so never taken for stale
    (tmp_path / "user.txt").write_text("mine", encoding="utf-8")
    fd = os.open(held, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        atomic_write_text(tmp_path / "door.json", "{}")
    finally:
        os.close(fd)
    assert held.read_text(encoding="utf-8") == "being written" and link.is_symlink()
    atomic_write_text(tmp_path / "door.json", "{}")  # the lock is gone: now it is stale
    assert not held.exists() and link.is_symlink()


def test_the_temporary_file_is_held_while_it_is_written(tmp_path, monkeypatch):
    seen = []
    real_fsync = os.fsync

    def fsync(fd):
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX)]
        seen.append([atomic._held_by_another_save(p) for p in temps])
        real_fsync(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    atomic_write_bytes(tmp_path / "door.json", b"{}")
    assert seen[0] == [True]


def test_the_folder_is_synced_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    atomic_write_text(tmp_path / "door.json", "{}")
    assert synced == [False, True]  # the file's bytes, then the folder's entry


def test_a_rename_the_system_refuses_fails_the_save_and_keeps_the_original(tmp_path, monkeypatch):
    target = tmp_path / "door.json"
    target.write_text("old", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        atomic_write_text(target, "new")
    assert os.listdir(tmp_path) == ["door.json"] and target.read_text(encoding="utf-8") == "old"


def test_a_new_file_gets_the_mode_open_would_give_it(tmp_path):
    previous = os.umask(0o002)
    try:
        atomic_write_text(tmp_path / "door.json", "{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(tmp_path / "door.json").st_mode) == 0o664
