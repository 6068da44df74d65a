"""The capture-directory format (docs/architecture.md, "Capture directories"): a device's answers on disk.

`capture.json` = `{"version": 1, "device": {...}, "commands": [{"command", "stdout": FILE,
"stderr": FILE or null, "exit_code"}]}` with the files beside it (raw bytes). Commands are
stored after whitespace normalisation, so a replay matches them as camtool issues them.

`camtool device capture` writes it and the virtual device replays it
(`camtool virtual start --replay DIR`): it is a contract between the two, so it lives in
the device layer and production code never imports the emulator.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from camtool.i18n import tr

CAPTURE_FILE = "capture.json"
CAPTURE_VERSION = 1


class CaptureFormatError(Exception):
    """A capture directory that cannot be read or written; the text says which file and what to do."""


class Answer(Protocol):
    """What a recorded command answered (the device's ShellResult, the virtual device's CommandResult)."""
    stdout: bytes
    stderr: bytes
    exit_code: int


@dataclass(frozen=True)
class RecordedAnswer:
    stdout: bytes
    stderr: bytes
    exit_code: int


@dataclass(frozen=True)
class Capture:
    device: dict[str, Any]
    answers: dict[str, RecordedAnswer]   # keyed by the normalised command line


def normalise_command(command_line: str) -> str:
    return " ".join(command_line.split())


def read_capture(capture_dir: str | Path) -> Capture:
    """Read and check a capture directory; CaptureFormatError says what is wrong."""
    directory = Path(capture_dir)
    index_path = directory / CAPTURE_FILE
    if not directory.is_dir():
        raise CaptureFormatError(tr("Capture directory {path} does not exist.", path=str(directory)))
    try:
        data = json.loads(index_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaptureFormatError(tr("{path} has no {file}: it is not a capture directory (make one with "
                                    "`camtool device capture`).", path=str(directory), file=CAPTURE_FILE)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaptureFormatError(tr("{path} cannot be read: {reason}", path=str(index_path), reason=str(exc))) from None
    except json.JSONDecodeError as exc:
        raise CaptureFormatError(tr("{path} is not valid JSON at line {line}, column {column}: {reason}",
                                    path=str(index_path), line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    return _parse(directory, data, index_path)


def _parse(directory: Path, data: Any, index_path: Path) -> Capture:
    def broken(field: str, problem: str) -> CaptureFormatError:
        return CaptureFormatError(tr("{path}: {field}: {problem}", path=str(index_path), field=field, problem=problem))

    if not isinstance(data, dict):
        raise broken(tr("(top level)"), tr("must be a JSON object."))
    if data.get("version") != CAPTURE_VERSION:
        raise broken("version", tr("must be {version}; this capture says {found}. Capture again with this "
                                   "camtool.", version=CAPTURE_VERSION, found=json.dumps(data.get("version"))))
    device = data.get("device", {})
    commands = data.get("commands")
    if not isinstance(device, dict):
        raise broken("device", tr("must be a JSON object."))
    if not isinstance(commands, list):
        raise broken("commands", tr("must be a list."))
    answers: dict[str, RecordedAnswer] = {}
    for n, entry in enumerate(commands, start=1):
        where = f"commands #{n}"
        if not isinstance(entry, dict) or not isinstance(entry.get("command"), str):
            raise broken(where, tr("needs \"command\" (a text)."))
        code = entry.get("exit_code", 0)
        if not isinstance(code, int) or isinstance(code, bool):
            raise broken(f"{where}.exit_code", tr("must be a whole number."))
        stdout = _read(directory, entry.get("stdout"), f"{where}.stdout", broken, required=True)
        stderr = _read(directory, entry.get("stderr"), f"{where}.stderr", broken, required=False)
        answers[normalise_command(entry["command"])] = RecordedAnswer(stdout, stderr, code)
    return Capture(dict(device), answers)


def _read(directory: Path, name: Any, field: str, broken, required: bool) -> bytes:
    if name is None and not required:
        return b""
    if not isinstance(name, str) or not name:
        raise broken(field, tr("must name a file in the capture directory."))
    path = (directory / name).resolve()
    # A capture comes from somewhere else: never let it read outside its own directory.
    if path.parent != directory.resolve():
        raise broken(field, tr("\"{name}\" is not a plain file name inside the capture directory.", name=name))
    try:
        return path.read_bytes()
    except OSError:
        raise broken(field, tr("the file \"{name}\" is missing from the capture directory.", name=name)) from None


def _file_stem(n: int, command: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", command).strip("-.")[:48] or "command"
    return f"{n:03d}-{slug}"


def write_capture(directory: str | Path, device: dict[str, Any],
                  results: list[tuple[str, Answer]]) -> Path:
    """Write a capture directory (created if needed); returns the path of capture.json."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        entries = []
        for n, (command, result) in enumerate(results, start=1):
            stem = _file_stem(n, command)
            (directory / f"{stem}.stdout").write_bytes(result.stdout)
            stderr_name = None
            if result.stderr:
                stderr_name = f"{stem}.stderr"
                (directory / stderr_name).write_bytes(result.stderr)
            entries.append({"command": normalise_command(command), "stdout": f"{stem}.stdout",
                            "stderr": stderr_name, "exit_code": result.exit_code})
        text = json.dumps({"version": CAPTURE_VERSION, "device": device, "commands": entries},
                          ensure_ascii=False, indent=2) + "\n"
        return _write_atomically(directory / CAPTURE_FILE, text.encode("utf-8"))
    except OSError as exc:
        raise CaptureFormatError(tr("Cannot write the capture to {path}: {reason}", path=str(directory),
                             reason=exc.strerror or str(exc))) from None


def _write_atomically(path: Path, data: bytes) -> Path:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".capture-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
