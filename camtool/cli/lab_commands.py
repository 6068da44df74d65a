"""`camtool lab run` (many stations at once, for CI) and `camtool record` (both ends as a clip): issue 16.

    camtool lab run LAB.toml [--junit FILE] [--reports DIR] [--jobs N] [--format text|json]
    camtool record --serial S [--wechat-serial P] --seconds N -o FILE.mp4

Exit codes (docs/architecture.md, Exit codes): `lab run` 0 every station passes, 1 otherwise (the JUnit
and JSON say which and why), 2 a bad lab file or option, 3 adb unavailable, 130 interrupted
(what finished is still written). `record` 0 a clip was written (also when Ctrl+C ended it),
2 usage, 3 the device is unavailable or showed no picture.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path

from camtool import exitcodes
from camtool.printable import printable
from camtool.i18n import N_, join_list, tr

MAX_RECORD_SECONDS = 3600


def add_lab(lab: argparse.ArgumentParser) -> None:
    lab.description = tr(N_("A lab file lists stations (a WMPF device, optionally the phone in the call, and the "
                            "config it runs); `lab run` checks them all concurrently and writes what CI reads."))
    lab_sub = lab.add_subparsers(dest="lab_command", metavar="COMMAND", title=tr(N_("commands")), required=True)
    run = lab_sub.add_parser(
        "run", help=tr(N_("Run the orientation check on every station of a lab file.")),
        description=tr(N_("Run `camtool verify` on every station of LAB.toml, one worker per device; a phone "
                          "shared by stations is used by one at a time. A station whose device is missing, offline "
                          "or unauthorized is reported as unavailable and the others go on. Ctrl+C stops all and "
                          "still writes what finished. See docs/lab.md.")))
    run.add_argument("lab_file", metavar="LAB.toml", help=tr(N_("The lab file (TOML) listing the stations.")))
    run.add_argument("--junit", metavar="FILE", help=tr(N_("Write JUnit XML (one testcase per station) for CI.")))
    run.add_argument("--reports", metavar="DIR",
                     help=tr(N_("Write each station's HTML report and an index.html into this folder.")))
    run.add_argument("--jobs", metavar="N", type=int,
                     help=tr(N_("Stations checked at the same time (default: all).")))
    run.add_argument("--format", choices=("text", "json"), default="text",
                     help=tr(N_("Output format (default: text).")))
    run.set_defaults(handler=run_lab_command)


def add_record(rec: argparse.ArgumentParser) -> None:
    rec.description = tr(N_("Record the device end (left) and the WeChat end (right), each labelled with the time, "
                            "into an H.264 MP4, from the same low-latency capture as the window. --seconds bounds "
                            "it; Ctrl+C ends it early with a playable file. Without --wechat-serial the device end "
                            "is recorded alone."))
    rec.add_argument("--serial", metavar="DEVICE", required=True,
                     help=tr(N_("Serial of the WMPF device (see camtool devices).")))
    rec.add_argument("--wechat-serial", metavar="PHONE",
                     help=tr(N_("Serial of the phone that receives the call in WeChat (its screen is the WeChat end).")))
    rec.add_argument("--seconds", metavar="N", type=float, required=True, help=tr(N_("How long to record.")))
    rec.add_argument("-o", "--output", metavar="FILE.mp4", required=True, help=tr(N_("The clip to write (.mp4).")))
    from camtool.cli.device_commands import camera_source_options

    camera_source_options(rec)   # --source camera: the device end is the camera's own picture
    rec.set_defaults(handler=run_record_command)


PARSERS = {"lab": add_lab, "record": add_record}


def _say(command: str, message: str) -> None:
    print(printable(tr(N_("camtool {command}: {problem}"), command=command, problem=message)), file=sys.stderr)


def _folder_problem(path: str, *, is_dir: bool) -> str | None:
    target = Path(path).expanduser()
    folder = target if is_dir else target.parent
    if is_dir and target.exists() and not target.is_dir():
        return tr(N_("{folder} exists and is not a folder."), folder=str(target))
    if not is_dir and not folder.is_dir():
        return tr(N_("the folder of {file}, {folder}, does not exist."), file=str(target), folder=str(folder))
    if not is_dir and target.exists() and not target.is_file():
        return tr(N_("{file} exists and is not a regular file; give another name."), file=str(target))
    return None


# ---- lab run --------------------------------------------------------------------------------------
def run_lab_command(args: argparse.Namespace) -> int:
    from camtool.device.adb_io import AdbDeviceIO
    from camtool.device.errors import DeviceError
    from camtool.lab.lab_file import LabFileError, load_lab
    from camtool.lab.lab_run import LabRunner

    problems = [p for p in (_folder_problem(args.junit, is_dir=False) if args.junit else None,
                            _folder_problem(args.reports, is_dir=True) if args.reports else None) if p]
    if args.jobs is not None and args.jobs < 1:
        problems.append(tr(N_("--jobs must be 1 or more.")))
    if problems:
        _say("lab run", problems[0])
        return exitcodes.USAGE
    try:
        lab = load_lab(args.lab_file)
    except LabFileError as exc:
        _say("lab run", str(exc))
        return exitcodes.USAGE
    io = AdbDeviceIO()
    try:
        io.ensure_server()
    except DeviceError as exc:
        print(printable(exc.describe()), file=sys.stderr)
        return exitcodes.UNAVAILABLE
    lock = threading.Lock()

    def progress(item, event: str) -> None:
        with lock:   # lines from several workers never interleave
            if event == "started":
                print(printable(tr(N_("[{station}] checking {serial}..."), station=item.name,
                                   serial=" + ".join(item.devices))), file=sys.stderr, flush=True)
            else:
                print(printable(tr(N_("[{station}] {status} in {seconds} s"), station=item.station.name,
                                   status=_status_word(item), seconds=f"{item.seconds:.1f}")),
                      file=sys.stderr, flush=True)

    runner = LabRunner(io, lab.stations, jobs=args.jobs, with_reports=bool(args.reports), progress=progress)
    result = runner.run()
    if result.cancelled:
        print(tr(N_("Interrupted: writing the stations that finished.")), file=sys.stderr)
    code = _write_outputs(args, lab, result)
    if args.format == "json":
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_lab_text(result)
    if code:
        return code
    if result.cancelled:
        return 130
    return exitcodes.OK if result.passed else exitcodes.NO


def _status_word(result) -> str:
    from camtool.lab.lab_reports import STATUS_WORDS

    return tr(STATUS_WORDS[result.status])


def _write_outputs(args: argparse.Namespace, lab, result) -> int:
    from camtool.config.atomic import atomic_write_bytes
    from camtool.lab.junit import junit_xml
    from camtool.lab.lab_reports import write_reports

    name = lab.path.stem
    try:
        if args.junit:
            target = atomic_write_bytes(Path(args.junit).expanduser(), junit_xml(result, name))
            print(printable(tr(N_("JUnit written to {file}."), file=str(target))), file=sys.stderr)
        if args.reports:
            folder = Path(args.reports).expanduser()
            write_reports(result, folder, name)
            print(printable(tr(N_("Reports written to {folder} (open index.html)."), folder=str(folder))),
                  file=sys.stderr)
    except OSError as exc:
        _say("lab run", tr(N_("could not write {file} ({reason})."), file=str(exc.filename or ""),
                           reason=exc.strerror or str(exc)))
        return exitcodes.USAGE
    return 0


def _print_lab_text(result) -> None:
    from camtool.lab.lab_run import StationStatus

    for r in result.results:
        print(printable(tr(N_("{status}  {station}  ({seconds} s)"), status=_status_word(r), station=r.station.name,
                           seconds=f"{r.seconds:.1f}")))
        if r.outcome is not None and r.status is StationStatus.FAIL:
            for explanation in r.outcome.explanations:
                print(printable(tr(N_("  - {text}"), text=explanation["message"])))
            print(tr(N_("  keys to change: {keys}"), keys=join_list(r.changed_keys) or tr(N_("none"))))
        elif r.message:
            print(printable(tr(N_("  {text}"), text=r.message)))
    print(tr(N_("{passed} of {total} stations pass."), passed=result.count(StationStatus.PASS),
             total=len(result.results)))


# ---- record ---------------------------------------------------------------------------------------
def run_record_command(args: argparse.Namespace) -> int:
    from camtool.device.adb_io import AdbDeviceIO
    from camtool.device.capture import ScreenrecordSource
    from camtool.device.errors import DeviceError
    from camtool.vision.clip import DEFAULT_PANEL_HEIGHT
    from camtool.vision.recording import (CAMERA_END_LABEL, DEVICE_END_LABEL, WECHAT_END_LABEL, NoPicture,
                                          record_sources, source_feed)

    target = Path(args.output).expanduser()
    problem = _folder_problem(args.output, is_dir=False)
    if target.suffix.lower() != ".mp4":
        problem = tr(N_("the clip is an MP4: give a file name ending in .mp4, not {file}."), file=str(target))
    elif not 0 < args.seconds <= MAX_RECORD_SECONDS:
        problem = tr(N_("--seconds must be more than 0 and at most {limit}."), limit=MAX_RECORD_SECONDS)
    elif args.wechat_serial == args.serial:
        problem = tr(N_("--wechat-serial is the phone in the call; it cannot be the device itself."))
    if problem:
        _say("record", problem)
        return exitcodes.USAGE
    from camtool.cli.device_commands import _UsageProblem, camera_choice

    try:
        camera = camera_choice(args)
    except _UsageProblem as exc:
        _say("record", str(exc))
        return exitcodes.USAGE
    except DeviceError as exc:   # no server file, a camera id that cannot be one
        print(printable(exc.describe()), file=sys.stderr)
        return exc.exit_code
    labels = [(CAMERA_END_LABEL if camera is not None else DEVICE_END_LABEL, args.serial)]
    if args.wechat_serial:
        labels.append((WECHAT_END_LABEL, args.wechat_serial))
    camera_id = camera[1] if camera is not None else ""
    feeds = [source_feed(label, serial=serial, camera=camera_id) for label, serial in labels]
    io = AdbDeviceIO()
    try:
        io.require_ready(args.serial)
        if args.wechat_serial:
            io.require_ready(args.wechat_serial)
        device_source = _device_end_source(io, args.serial, camera, feeds[0])
    except DeviceError as exc:   # not ready, or the camera source refused (Android < 12, busy, ...)
        print(printable(exc.describe()), file=sys.stderr)
        return exc.exit_code if camera is not None else exitcodes.UNAVAILABLE
    # Decoded straight to the clip's panel height: one swscale pass instead of a resize per frame.
    sources = [device_source] + [ScreenrecordSource(io, serial, read_stamps=False, max_height=DEFAULT_PANEL_HEIGHT,
                                                    on_frame=feed.pictures.on_frame)
                                 for (_label, serial), feed in zip(labels[1:], feeds[1:])]

    def progress(elapsed: float) -> None:
        print(tr(N_("Recording: {elapsed} s of {total} s"), elapsed=int(elapsed), total=f"{args.seconds:g}"),
              file=sys.stderr, flush=True)
    try:
        figures = record_sources(sources, feeds, target, seconds=args.seconds, stop=threading.Event(),
                                 progress=progress)
    except NoPicture as exc:
        print(printable(str(exc)), file=sys.stderr)
        return exitcodes.UNAVAILABLE
    except KeyboardInterrupt:   # before the first picture: nothing was recorded
        print(tr(N_("Interrupted before the first picture: no clip written.")), file=sys.stderr)
        return 130
    except OSError as exc:
        _say("record", tr(N_("could not write {file} ({reason})."), file=str(target), reason=exc.strerror or str(exc)))
        return exitcodes.USAGE
    if figures.path is None:
        _say("record", tr(N_("no frame was recorded, so no clip was written.")))
        return exitcodes.UNAVAILABLE
    print(printable(tr(N_("Recorded {seconds} s ({frames} frames) to {file}."), seconds=f"{figures.seconds:.1f}",
                       frames=figures.frames, file=str(figures.path))))
    return exitcodes.OK


def _device_end_source(io, serial: str, camera, feed):
    """The device end: its screen, or with --source camera the camera's own picture (scrcpy's server)."""
    from camtool.device.capture import ScreenrecordSource
    from camtool.vision.clip import DEFAULT_PANEL_HEIGHT

    if camera is None:
        return ScreenrecordSource(io, serial, read_stamps=False, max_height=DEFAULT_PANEL_HEIGHT,
                                  on_frame=feed.pictures.on_frame)
    from camtool.device.camera_source import CameraSource

    server_file, camera_id, size = camera
    source = CameraSource(io, serial, server_file, camera_id=camera_id, size=size, on_frame=feed.pictures.on_frame)
    source.prepare()   # refusals (Android < 12, no such camera, busy) before anything is recorded
    return source
