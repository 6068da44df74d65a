"""Atomic saves of files the user owns: the old file or the new one, never half of either.

The text goes to a temporary file in the target's own directory (os.replace is atomic only
within one file system), is flushed and fsync'ed, then renamed over the target. If anything
fails, the temporary file is removed and the user's original file is left as it was.
Works on Windows, where os.replace also overwrites, and where a virus scanner or an
editor may hold the target open for a moment (a short retry covers that).
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
import time
from pathlib import Path

__all__ = ["atomic_write_text", "atomic_write_bytes", "TEMP_SUFFIX"]

#: Temporary files are named `.<target name>.<random>.camtool-tmp` next to the target.
TEMP_SUFFIX = ".camtool-tmp"

# Windows: a sharing violation from a scanner or indexer holding the file is transient.
_REPLACE_ATTEMPTS = 5 if sys.platform == "win32" else 1
_REPLACE_BACKOFF_S = 0.05


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write `text` to `path` atomically, as `encoding`, with the newlines exactly as given.

    No newline translation happens (also on Windows), so an exported file has the same
    bytes on every platform. Raises OSError (or UnicodeEncodeError) on failure; the
    original file is then intact and no temporary file is left behind.
    """
    return atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically (see atomic_write_text). Returns the target path."""
    target = Path(path)
    if target.is_symlink():  # write through a link (e.g. a profile kept in a synced folder), keep the link
        target = target.resolve()
    directory = target.parent
    temp = directory / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    # O_EXCL: never reuse a file someone else created; 0o666 lets the umask decide, like open().
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_permissions(target, temp)
        _replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise
    _sync_directory(directory)
    return target


def _keep_permissions(target: Path, temp: Path) -> None:
    """A saved file keeps the mode the user gave the old one (e.g. read-only for the group)."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return
    try:
        os.chmod(temp, mode)
    except OSError:
        pass  # a file system without modes (FAT, some network shares): the content matters


def _replace(temp: Path, target: Path) -> None:
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(temp, target)
            return
        except PermissionError:
            if attempt + 1 >= _REPLACE_ATTEMPTS:
                raise
            time.sleep(_REPLACE_BACKOFF_S * (attempt + 1))


def _remove_quietly(temp: Path) -> None:
    try:
        temp.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # nothing more we can do; the original is intact either way


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX). Windows cannot open a directory: skip there."""
    if sys.platform == "win32" or not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
