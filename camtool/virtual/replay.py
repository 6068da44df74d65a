"""Replay of a capture directory: a real device's answers, served again by the virtual device.

The format (reading, checking, writing) is the device layer's: camtool.device.capture_format.
An unknown command answers None (the shell then says not found).
"""

from __future__ import annotations

from pathlib import Path

from camtool.device.capture_format import normalise_command, read_capture
from camtool.virtual.commands import CommandResult


class ReplayAnswers:
    """The answers of one capture directory, read once at construction (CaptureFormatError if broken)."""

    def __init__(self, capture_dir: str | Path) -> None:
        self.directory = Path(capture_dir)
        capture = read_capture(self.directory)
        self.device_info = capture.device
        self._answers = {command: CommandResult(a.stdout, a.stderr, a.exit_code)
                         for command, a in capture.answers.items()}

    @property
    def commands(self) -> list[str]:
        return list(self._answers)

    def answer(self, command_line: str) -> CommandResult | None:
        return self._answers.get(normalise_command(command_line))
