"""`camtool device capture --serial S DIR`: record a device's answers as a capture directory.

The directory (camtool.device.capture_format) holds the raw answer of every command in
INVENTORY_COMMANDS plus one `screencap -p` PNG, so a device met once in the field can be
replayed later by the virtual device (`camtool virtual start --replay DIR`) and become a
test. Commands are stored exactly as camtool issues them, so replay matches them.
The virtual device replays the same format: one format, one writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from camtool.device import screencap
from camtool.device.adb_io import DeviceIO, ShellResult, quote_command
from camtool.device.answer_checks import png_is_cut
from camtool.device.capture_format import CaptureFormatError, write_capture
from camtool.device.errors import DeviceAnswerCut, DeviceError
from camtool.device.inventory import INVENTORY_COMMANDS
from camtool.device.inventory_fetch import COMMAND_TIMEOUT_S, FetchNote, run_commands
from camtool.i18n import N_, tr
from camtool.printable import printable

SCREENCAP_ARGV = list(screencap.SCREENCAP_ARGV)
SCREENCAP_TIMEOUT_S = 20.0


class CaptureWriteError(Exception):
    """The directory could not be written; the text says where and why."""


@dataclass(frozen=True)
class CaptureReport:
    capture_file: Path
    device: dict
    commands: list[str]
    notes: list[FetchNote] = field(default_factory=list)


def record_capture(io: DeviceIO, serial: str, directory: str | Path, timeout: float = COMMAND_TIMEOUT_S,
                   cancelled: Callable[[], bool] | None = None) -> CaptureReport:
    """Run the inventory commands and one screencap on `serial` and write them to `directory`."""
    from camtool.device.inventory import build_inventory_from_outputs

    require = getattr(io, "require_ready", None)
    if require is not None:
        require(serial)
    results, notes = run_commands(io, serial, INVENTORY_COMMANDS, timeout, cancelled)
    recorded: list[tuple[str, ShellResult]] = [(INVENTORY_COMMANDS[key], results[key])
                                               for key in INVENTORY_COMMANDS if key in results]
    screencap_line = quote_command(SCREENCAP_ARGV)
    try:
        # exec-out: the PNG's bytes exactly (a shell with a PTY would turn \n into \r\n).
        png = io.exec_out(serial, SCREENCAP_ARGV, timeout=SCREENCAP_TIMEOUT_S)
        if png_is_cut(png):
            raise DeviceAnswerCut(serial, screencap_line)
        recorded.append((screencap_line, ShellResult(png, b"", 0)))
    except DeviceError as exc:
        notes.append(FetchNote("screencap", screencap_line, exc.message))
    outputs = {key: results[key].text if key in results else None for key in INVENTORY_COMMANDS}
    summary = build_inventory_from_outputs(serial, outputs).device
    device = {"serial": serial, "model": summary.model, "android": summary.android, "sdk": summary.sdk}
    try:
        path = write_capture(directory, device, recorded)
    except CaptureFormatError as exc:
        raise CaptureWriteError(str(exc)) from None
    return CaptureReport(path, device, [command for command, _ in recorded], notes)


def describe(report: CaptureReport) -> str:
    return tr(N_("Recorded {count} answers of {serial} to {path}. Replay them with `camtool virtual start --replay {directory}`."),
              count=len(report.commands), serial=printable(str(report.device.get("serial", "?"))), path=str(report.capture_file),
              directory=str(report.capture_file.parent))
