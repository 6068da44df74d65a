"""Atomic saves: the user's file is either the old one or the new one, never lost or half-written."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from camtool.config import atomic
from camtool.config.atomic import TEMP_SUFFIX, atomic_write_text


def _leftovers(directory):
    return [p.name for p in directory.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_writes_new_file_with_exact_bytes(tmp_path):
    target = tmp_path / "door.json"
    atomic_write_text(target, '{\n  "cameraId": 0\n}\n')
    # no newline translation: the same bytes on Windows
    assert target.read_bytes() == b'{\n  "cameraId": 0\n}\n'
    assert _leftovers(tmp_path) == []


def test_replaces_existing_file(tmp_path):
    target = tmp_path / "door.json"
    target.write_text("old", encoding="utf-8")
    atomic_write_text(target, "新的")
    assert target.read_text(encoding="utf-8") == "新的"


def test_crash_at_rename_keeps_the_original_and_removes_the_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "door.json"
    target.write_text('{"cameraId": 1}\n', encoding="utf-8")

    def power_cut(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", power_cut)
    with pytest.raises(OSError):
        atomic_write_text(target, '{"cameraId": 2}\n')
    assert target.read_text(encoding="utf-8") == '{"cameraId": 1}\n'
    assert _leftovers(tmp_path) == []


def test_crash_while_writing_keeps_the_original_and_removes_the_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "door.json"
    target.write_text("original", encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(OSError):
        atomic_write_text(target, "x" * 10_000)
    assert target.read_text(encoding="utf-8") == "original"
    assert _leftovers(tmp_path) == []


def test_text_that_cannot_be_encoded_fails_before_touching_anything(tmp_path):
    target = tmp_path / "door.json"
    target.write_text("original", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "\ud800")
    assert target.read_text(encoding="utf-8") == "original"
    assert _leftovers(tmp_path) == []


def test_missing_directory_is_an_oserror(tmp_path):
    with pytest.raises(OSError):
        atomic_write_text(tmp_path / "no" / "such" / "dir.json", "{}")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "door.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_symlinked_file_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
