"""Replay of a capture directory (contracts.md section 6): a real device's answers, served again.

`capture.json` = `{"version": 1, "device": {...}, "commands": [{"command", "stdout": FILE,
"stderr": FILE or null, "exit_code"}]}` with the files beside it (raw bytes). Commands match
after whitespace normalisation; an unknown one answers None (the shell then says not found).
`write_capture` writes such a directory (used by `camtool device capture`).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from camtool.i18n import tr
from camtool.virtual.commands import CommandResult

CAPTURE_FILE = "capture.json"
CAPTURE_VERSION = 1


class ReplayError(Exception):
    """A capture directory that cannot be served; the text says which file and what to do."""


def normalise_command(command_line: str) -> str:
    return " ".join(command_line.split())


class ReplayAnswers:
    """The answers of one capture directory, read once at construction."""

    def __init__(self, capture_dir: str | Path) -> None:
        self.directory = Path(capture_dir)
        index_path = self.directory / CAPTURE_FILE
        if not self.directory.is_dir():
            raise ReplayError(tr("Capture directory {path} does not exist.", path=str(self.directory)))
        try:
            data = json.loads(index_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ReplayError(tr("{path} has no {file}: it is not a capture directory (make one with "
                                 "`camtool device capture`).", path=str(self.directory), file=CAPTURE_FILE)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ReplayError(tr("{path} cannot be read: {reason}", path=str(index_path), reason=str(exc))) from None
        except json.JSONDecodeError as exc:
            raise ReplayError(tr("{path} is not valid JSON at line {line}, column {column}: {reason}",
                                 path=str(index_path), line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
        self.device_info, self._answers = self._parse(data, index_path)

    def _parse(self, data: Any, index_path: Path) -> tuple[dict[str, Any], dict[str, CommandResult]]:
        def broken(field: str, problem: str) -> ReplayError:
            return ReplayError(tr("{path}: {field}: {problem}", path=str(index_path), field=field, problem=problem))

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
        answers: dict[str, CommandResult] = {}
        for n, entry in enumerate(commands, start=1):
            where = f"commands #{n}"
            if not isinstance(entry, dict) or not isinstance(entry.get("command"), str):
                raise broken(where, tr("needs \"command\" (a text)."))
            code = entry.get("exit_code", 0)
            if not isinstance(code, int) or isinstance(code, bool):
                raise broken(f"{where}.exit_code", tr("must be a whole number."))
            stdout = self._read(entry.get("stdout"), f"{where}.stdout", broken, required=True)
            stderr = self._read(entry.get("stderr"), f"{where}.stderr", broken, required=False)
            answers[normalise_command(entry["command"])] = CommandResult(stdout, stderr, code)
        return dict(device), answers

    def _read(self, name: Any, field: str, broken, required: bool) -> bytes:
        if name is None and not required:
            return b""
        if not isinstance(name, str) or not name:
            raise broken(field, tr("must name a file in the capture directory."))
        path = (self.directory / name).resolve()
        # A capture comes from somewhere else: never let it read outside its own directory.
        if path.parent != self.directory.resolve():
            raise broken(field, tr("\"{name}\" is not a plain file name inside the capture directory.", name=name))
        try:
            return path.read_bytes()
        except OSError:
            raise broken(field, tr("the file \"{name}\" is missing from the capture directory.", name=name)) from None

    @property
    def commands(self) -> list[str]:
        return list(self._answers)

    def answer(self, command_line: str) -> CommandResult | None:
        return self._answers.get(normalise_command(command_line))


def _file_stem(n: int, command: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", command).strip("-.")[:48] or "command"
    return f"{n:03d}-{slug}"


def write_capture(directory: str | Path, device: dict[str, Any],
                  results: list[tuple[str, CommandResult]]) -> Path:
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
        raise ReplayError(tr("Cannot write the capture to {path}: {reason}", path=str(directory),
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
