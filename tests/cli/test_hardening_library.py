"""`profiles` on a library it cannot read: an error with the reason, never "valid" and never exit 70."""

from __future__ import annotations

import builtins
import io
import json
import os
from pathlib import Path

import pytest

from camtool.cli import main

GOOD = {"sku": "door", "config": {"internalCameraName": "0"}}


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "door.json").write_text(json.dumps(GOOD), encoding="utf-8")
    return folder


@pytest.fixture
def deny(monkeypatch):
    """Take a permission away from a folder: `"read"` (names cannot be listed) or `"search"` (files
    cannot be opened). As root permissions do not stop anything, so the OS's answer is simulated."""
    restore: list[tuple[Path, int]] = []

    def take(folder: Path, what: str) -> None:
        if os.geteuid() != 0:
            restore.append((folder, folder.stat().st_mode))
            os.chmod(folder, 0o300 if what == "read" else 0o600)
            return
        inside = str(folder) + os.sep
        real_stat, real_scandir, real_listdir = os.stat, os.scandir, os.listdir

        def refused(path) -> PermissionError:
            return PermissionError(13, "Permission denied", str(path))

        def stat(path, *args, **kwargs):
            if what == "search" and os.fspath(path).startswith(inside) if not isinstance(path, int) else False:
                raise refused(path)
            return real_stat(path, *args, **kwargs)

        def scandir(path=".", *args, **kwargs):
            if what == "read" and not isinstance(path, int) and os.fspath(path).rstrip(os.sep) == str(folder):
                raise refused(path)
            return real_scandir(path, *args, **kwargs)

        def listdir(path=".", *args, **kwargs):
            if what == "read" and not isinstance(path, int) and os.fspath(path).rstrip(os.sep) == str(folder):
                raise refused(path)
            return real_listdir(path, *args, **kwargs)

        real_open = io.open

        def open_(file, *args, **kwargs):
            if what == "search" and isinstance(file, (str, os.PathLike)) and os.fspath(file).startswith(inside):
                raise refused(file)
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(io, "open", open_)
        monkeypatch.setattr(builtins, "open", open_)   # `open(...)` itself, not only io.open / Path.open
        monkeypatch.setattr(os, "stat", stat)
        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "listdir", listdir)

    yield take
    for folder, mode in restore:
        os.chmod(folder, mode)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_of_a_library_that_does_not_exist_is_an_error(tmp_path, capsys, fmt):
    missing = tmp_path / "typo"
    assert main(["profiles", "--profiles", str(missing), "validate", "--format", fmt]) == 1
    captured = capsys.readouterr()
    assert "does not exist" in captured.err and "No profiles" not in captured.out
    if fmt == "json":
        answer = json.loads(captured.out)
        assert answer["valid"] is False and "does not exist" in answer["error"]


def test_validate_of_a_file_given_as_library_is_an_error(library, capsys):
    assert main(["profiles", "--profiles", str(library / "door.json"), "validate", "--format", "json"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["valid"] is False and "not a folder" in answer["error"]


@pytest.mark.parametrize("command", [["validate"], ["validate", "--format", "json"], ["list"]])
def test_a_library_that_cannot_be_listed_is_an_error(library, deny, capsys, command):
    deny(library, "read")
    assert main(["profiles", "--profiles", str(library), *command]) == 1
    captured = capsys.readouterr()
    assert "cannot be read" in captured.err and "internal error" not in captured.err
    assert "No profiles" not in captured.out and '"valid": true' not in captured.out


@pytest.mark.parametrize("command", [["validate"], ["list"], ["show", "door"], ["export", "door"], ["diff", "door", "door"]])
def test_a_library_whose_files_cannot_be_opened_is_no_internal_error(library, deny, capsys, command):
    deny(library, "search")
    code = main(["profiles", "--profiles", str(library), *command])
    captured = capsys.readouterr()
    assert code == 1, captured.err
    assert "internal error" not in captured.err and "Traceback" not in captured.err


def test_list_of_a_library_not_created_yet_says_where_the_examples_are(tmp_path, capsys):
    assert main(["profiles", "--profiles", str(tmp_path / "new"), "list"]) == 0
    assert "No profiles" in capsys.readouterr().out


def test_profiles_new_on_a_full_disk_names_the_file(library, capsys, monkeypatch):
    import errno

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert main(["profiles", "--profiles", str(library), "new", "gate"]) == 1
    err = capsys.readouterr().err
    assert str(library / "gate.json") in err and "No space left on device" in err
    assert not (library / "gate.json").exists()
