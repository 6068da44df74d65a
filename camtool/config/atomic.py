"""Atomic saves of files the user owns: the old file or the new one, never half of either.

The text goes to a temporary file in the target's own directory (os.replace is atomic only
within one file system), is flushed and fsync'ed, then renamed over the target. If anything
fails, the temporary file is removed and the user's original file is left as it was.
Works on Windows, where os.replace also overwrites, and where a virus scanner or an
editor may hold the target open for a moment (a short retry covers that).

Only regular files are replaced: a target that exists as a device node, a FIFO, a socket or
a folder is refused (NotARegularFile), since renaming over `/dev/full` or a pipe a script
reads would silently swap it for a plain file. Temporary files an interrupted save (kill -9,
power cut) left behind for the same target are removed by the next save (see
`_remove_stale_temps`).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path

from camtool.i18n import N_, tr

__all__ = ["atomic_write_text", "atomic_write_bytes", "NotARegularFile", "TEMP_SUFFIX"]

#: Temporary files are named `.<target name>.<random>.camtool-tmp` next to the target.
TEMP_SUFFIX = ".camtool-tmp"

# Windows: a sharing violation from a scanner or indexer holding the file is transient.
_REPLACE_ATTEMPTS = 5 if sys.platform == "win32" else 1
_REPLACE_BACKOFF_S = 0.05

_KINDS = ((stat.S_ISDIR, N_("a folder")), (stat.S_ISCHR, N_("a device")), (stat.S_ISBLK, N_("a device")),
          (stat.S_ISFIFO, N_("a pipe (FIFO)")), (stat.S_ISSOCK, N_("a socket")))


class NotARegularFile(OSError):
    """The target exists and is not a regular file; nothing was written. `strerror` says what it is."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EEXIST, tr(N_("it is {kind}, not a file; camtool only replaces files"), kind=tr(kind)),
                         str(path))


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
        try:
            target = target.resolve()
        except RuntimeError:  # Python 3.11 names a symlink loop so; later versions raise OSError(ELOOP)
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(target)) from None
    _refuse_what_is_not_a_file(target)
    directory = target.parent
    _remove_stale_temps(directory, target.name)
    temp = directory / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    # O_EXCL: never reuse a file someone else created; 0o666 lets the umask decide, like open().
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        _hold(fd)
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


def _refuse_what_is_not_a_file(target: Path) -> None:
    try:
        mode = target.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return  # a new file (a missing folder fails later, with the OS's own reason)
    if stat.S_ISREG(mode):
        return
    kind = next((text for test, text in _KINDS if test(mode)), N_("not a regular file"))
    raise NotARegularFile(target, kind)


# `.<name>.<8 hex>.camtool-tmp`: exactly what this module creates, nothing a user named.
def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(f".{name}.") + r"[0-9a-f]{8}" + re.escape(TEMP_SUFFIX))


def _hold(fd: int) -> None:
    """Mark a temporary file as in use while it is written: another save must not take it for stale.

    POSIX: an flock that dies with the process (kill -9 included). Windows needs none: a file
    another process has open cannot be deleted there.
    """
    try:
        import fcntl
    except ImportError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass  # a file system without locks (some network shares): cleanup is then best effort


def _remove_stale_temps(directory: Path, name: str) -> None:
    """Delete temporary files of `name` that no running save holds (left by an interrupted save)."""
    pattern = _temp_pattern(name)
    try:
        candidates = [entry.name for entry in os.scandir(directory) if pattern.fullmatch(entry.name)]
    except OSError:
        return  # the folder cannot be listed: the save itself will say why it fails
    for candidate in candidates:
        path = directory / candidate
        if _held_by_another_save(path):
            continue
        _remove_quietly(path)


def _held_by_another_save(path: Path) -> bool:
    try:
        import fcntl
    except ImportError:
        return False  # Windows: deleting a file that is open elsewhere fails, which is what we want
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return True  # cannot even look at it: leave it alone
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


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
