"""`camtool verify`: the orientation check on both ends of a call (issue 6).

    camtool verify --serial DEVICE [--wechat-serial PHONE] [--config FILE | --profile SKU] [--profiles DIR]
                   [--apply] [--package P] [--report out.html [--report-clip SECONDS]] [--format json]
    camtool verify --device-image A [--wechat-image B] [--config FILE | --profile SKU]

Exit codes (docs/architecture.md, Exit codes): 0 both ends pass, 1 fail (or no chart visible), 2 usage
or an unreadable input file, 3 adb or a device unavailable.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from camtool import exitcodes
from camtool.i18n import N_, join_clauses, join_sentences, tr
from camtool.printable import printable
from camtool.vision.report_clip import MAX_REPORT_CLIP_SECONDS


def add_verify(p: argparse.ArgumentParser) -> None:
    p.description = tr(N_("Capture the device end (the device's preview) and the WeChat end (the phone in the call) "
                          "while the printed chart (camtool chart) is held upright in front of the camera; detect "
                          "the chart's turn and mirroring on each; recommend the config that makes both upright, and "
                          "say what no key can fix. With --apply the recommendation is sent to the device and "
                          "checked again (at most 3 times)."))
    source = p.add_argument_group(tr(N_("pictures")))
    source.add_argument("--serial", metavar="DEVICE", help=tr(N_("Serial of the WMPF device (see camtool devices).")))
    source.add_argument("--wechat-serial", metavar="PHONE",
                        help=tr(N_("Serial of the phone that receives the call in WeChat (its screen is the WeChat end).")))
    source.add_argument("--device-image", metavar="FILE", help=tr(N_("A photo or screenshot of the device end, instead of --serial.")))
    source.add_argument("--wechat-image", metavar="FILE", help=tr(N_("A photo or screenshot of the WeChat end.")))
    config = p.add_mutually_exclusive_group()
    config.add_argument("--config", metavar="FILE",
                        help=tr(N_("The config the device runs now (JSON). Default: an empty config (WMPF's defaults).")))
    config.add_argument("--profile", metavar="SKU",
                        help=tr(N_("Use the config of this profile, and add the result to it as a verification record.")))
    p.add_argument("--profiles", metavar="DIR", help=tr(N_("Profile library folder (default: your camtool profiles folder).")))
    p.add_argument("--apply", action="store_true",
                   help=tr(N_("Apply the recommendation to the device, wait for the new pictures and check again.")))
    p.add_argument("--package", metavar="P",
                   help=tr(N_("Package of the app with camtool's receiver (default: the profile's apply_package).")))
    p.add_argument("--report", metavar="FILE", help=tr(N_("Write an HTML report (one file, pictures included).")))
    p.add_argument("--report-clip", metavar="SECONDS", type=float,
                   help=tr(N_("Record both ends for SECONDS (at most {limit}) after the last check and embed the clip "
                              "in the report (about 100 kB a second). Default: no clip."),
                                limit=MAX_REPORT_CLIP_SECONDS))
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=tr(N_("Output format (default: text).")))
    from camtool.cli.device_commands import camera_source_options

    camera_source_options(p)   # --source camera: the camera's own picture gives its mounting (issue 17)
    p.set_defaults(handler=run_verify_command)


PARSERS = {"verify": add_verify}


class _Usage(Exception):
    """A usage problem; the message says what to do."""


class _NothingToCheck(Exception):
    """The device is there but cannot make a call (WMPF is not installed): exit 1, said as such."""


def _say(message: str) -> None:
    print(tr(N_("camtool verify: {problem}"), problem=message), file=sys.stderr)


def _check_args(args: argparse.Namespace) -> None:
    if bool(args.serial) == bool(args.device_image):
        raise _Usage(tr(N_("give either --serial (capture from a device) or --device-image (a picture file).")))
    if args.device_image and (args.wechat_serial or args.apply):
        raise _Usage(tr(N_("--wechat-serial and --apply need --serial; with pictures give --wechat-image.")))
    if args.serial and args.wechat_image:
        raise _Usage(tr(N_("--wechat-image goes with --device-image; with --serial give --wechat-serial.")))
    if args.report_clip is not None:
        if not args.report:
            raise _Usage(tr(N_("--report-clip goes with --report: the clip is embedded in the report.")))
        if not args.serial:
            raise _Usage(tr(N_("--report-clip needs --serial: it records the devices' screens, not picture files.")))
        if not 0 < args.report_clip <= MAX_REPORT_CLIP_SECONDS:
            raise _Usage(tr(N_("--report-clip must be more than 0 and at most {limit} seconds."),
                            limit=MAX_REPORT_CLIP_SECONDS))
    if args.report:
        folder = Path(args.report).expanduser().parent
        if not folder.is_dir():
            raise _Usage(tr(N_("the folder of the report, {folder}, does not exist."), folder=str(folder)))


def _load_config(args: argparse.Namespace) -> tuple[dict[str, Any], Any, Any]:
    """(config, profile library or None, profile or None)."""
    if args.config:
        from camtool.config.rules import validate_file

        config, findings = validate_file(Path(args.config).expanduser())
        if config is not None and any(f.code == "CAM006" for f in findings):
            config = None   # a profile file: its wrapper is not what the device runs (--profile is)
        if config is None:
            raise _Usage(join_clauses(join_sentences([f.message, f.fix]) if f.code == "CAM006" else f.message for f in findings)
                         or tr(N_("{file} is not a config."), file=args.config))
        return config, None, None
    if args.profile:
        from camtool.config.profiles import ProfileLibrary, default_library_dir, profile_to_run

        library = ProfileLibrary(Path(args.profiles).expanduser() if args.profiles else default_library_dir())
        config, profile, why = profile_to_run(library, args.profile)
        if config is None:
            raise _Usage(why)
        return config, library, profile
    return {}, None, None


#: Where the config the check assumes the device runs came from (JSON `assumed_config.source`).
_ASSUMED_TEXT = {
    "last_applied": N_("camtool assumes the device runs the config it applied to it last ({when}, package "
                       "{package}). Give --config or --profile if the app has set another one since."),
    "empty": N_("camtool assumes the device runs no camera keys: no --config or --profile was given and camtool "
                "has not applied a config to this device. If the app sets camera keys, give them with --config, "
                "or the recommendation may undo them."),
}


def _assumed_config(args: argparse.Namespace, config: dict[str, Any]):
    """(config, source, note): with neither --config nor --profile, what camtool applied last, else {}.

    The note is made from the record read here, before the run: an apply during the run
    rewrites the record, and the note must name the config the first check assumed.
    """
    from camtool.vision.verdict import Explanation

    if args.config:
        return config, "config", None
    if args.profile:
        return config, "profile", None
    if args.serial:
        from camtool.device.applied_record import last_applied

        record = last_applied(args.serial)
        if record is not None:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(record.applied_at))
            note = Explanation("assumed_config", _ASSUMED_TEXT["last_applied"], None,
                               {"when": when, "package": record.package})
            return dict(record.config), "last_applied", note
    return config, "empty", Explanation("assumed_config", _ASSUMED_TEXT["empty"])


def _read_image(path: str | None):
    if not path:
        return None
    from camtool.vision.verify_run import decode_image

    file = Path(path).expanduser()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise _Usage(tr(N_("cannot read {file} ({reason})."), file=str(file), reason=exc.strerror or str(exc))) from None
    from camtool.vision.verify_run import CaptureError

    try:
        return decode_image(data, str(file))
    except CaptureError as exc:
        raise _Usage(str(exc)) from None


def _image_run(args: argparse.Namespace, config: dict[str, Any]):
    from camtool.vision.verdict import check_orientation
    from camtool.vision.verify_run import VerifyRound, VerifyRun

    device, wechat = _read_image(args.device_image), _read_image(args.wechat_image)
    verdict = check_orientation(device, wechat, config)
    return VerifyRun([VerifyRound(config, device, wechat, verdict)])


def _device_run(args: argparse.Namespace, config: dict[str, Any], profile):
    from camtool.device.adb_io import AdbDeviceIO
    from camtool.device.inventory_fetch import fetch_inventory
    from camtool.vision.verify_run import run_verify

    package = args.package or (profile.apply_package if profile is not None else None)
    if args.apply and not package:
        raise _Usage(tr(N_("--apply needs --package (or a profile with apply_package): the app with camtool's receiver.")))
    if package:
        from camtool.device.apply import PackageNameError, check_package

        try:
            check_package(package)
        except PackageNameError as exc:
            raise _Usage(str(exc)) from None
    io = AdbDeviceIO()
    io.require_ready(args.serial)
    if args.wechat_serial:
        io.require_ready(args.wechat_serial)
    inventory = fetch_inventory(io, args.serial).inventory
    if inventory.wmpf_known and inventory.device.wmpf is None:
        # No WMPF, no call: the ends show no camera, and "no chart visible" would send the
        # technician to hold the chart better.
        raise _NothingToCheck(tr(N_("WMPF is not installed on {serial}, so there is no call whose ends could be checked. "
                                    "Install WMPF (com.tencent.wmpf) on the device, then run verify again."),
                                 serial=printable(args.serial)))
    return run_verify(io, args.serial, config, wechat_serial=args.wechat_serial, apply=args.apply,
                      package=package, inventory=inventory)


def run_verify_command(args: argparse.Namespace) -> int:
    from camtool.config.errors import ProfileError
    from camtool.device.errors import DeviceError
    from camtool.vision.verify_run import CaptureError

    if args.source == "camera":
        from camtool.cli.camera_verify import run_camera_verify

        if args.report_clip is not None:
            _say(tr(N_("--report-clip records the screens of a call; it does not go with --source camera.")))
            return exitcodes.USAGE

        return run_camera_verify(args)
    try:
        _check_args(args)
        config, library, profile = _load_config(args)
        config, source, note = _assumed_config(args, config)
        run = _device_run(args, config, profile) if args.serial else _image_run(args, config)
        run.assumed_config = (source, config)
        if note is not None:
            run.notes.insert(0, note)
    except _Usage as exc:
        _say(str(exc))
        return exitcodes.USAGE
    except _NothingToCheck as exc:
        _say(str(exc))
        return exitcodes.NO
    except DeviceError as exc:
        print(exc.describe(), file=sys.stderr)
        return exc.exit_code  # 3 for an unavailable device; 2 for a wrong adb port setting
    except CaptureError as exc:
        _say(str(exc))
        return exitcodes.UNAVAILABLE
    inventory = run.inventory
    model = getattr(getattr(inventory, "device", None), "model", None)
    wmpf = getattr(getattr(inventory, "device", None), "wmpf", None)
    if args.format == "json":
        print(json.dumps(run.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_text(run)
    if library is not None:
        from camtool.vision.records import record_run

        try:
            record_run(library, profile.sku, run, device_model=model, wmpf_version=wmpf)
            _note(args, tr(N_("Verification record added to profile {sku}."), sku=profile.sku))
        except (ProfileError, OSError) as exc:
            _say(tr(N_("the verification record was not saved to profile {sku}: {reason}"), sku=profile.sku,
                    reason=str(exc)))
    if args.report:
        from camtool.config.atomic import atomic_write_text
        from camtool.vision.report import render_report

        target = Path(args.report).expanduser()
        clip = _report_clip(args) if args.report_clip is not None else None
        try:
            atomic_write_text(target, render_report(run, device_model=model, wmpf_version=wmpf, clip=clip))
            _note(args, tr(N_("Report written to {file}."), file=str(target)))
        except OSError as exc:
            _say(tr(N_("could not write the report {file} ({reason})."), file=str(target), reason=exc.strerror or str(exc)))
            return exitcodes.USAGE
    return exitcodes.OK if run.passed else exitcodes.NO


def _report_clip(args: argparse.Namespace):
    """The clip for the report, recorded now (after the last check); a clip that failed says why, in the report too."""
    from camtool.device.adb_io import AdbDeviceIO
    from camtool.vision.report_clip import record_report_clip

    print(tr(N_("Recording {seconds} s of the ends for the report..."), seconds=f"{args.report_clip:g}"),
          file=sys.stderr, flush=True)
    clip = record_report_clip(AdbDeviceIO(), args.serial, args.wechat_serial, args.report_clip)
    if clip.problem:
        _say(tr(N_("the report has no clip: {reason}"), reason=printable(clip.problem)))
    return clip


def _note(args: argparse.Namespace, text: str) -> None:
    # With --format json, stdout is one JSON object: notes go to stderr.
    print(text, file=sys.stderr if args.format == "json" else sys.stdout)


def _turn_text(end) -> str:
    """One end of one check, short: "turned 180 degrees clockwise", "upright", "no chart"."""
    if not end.captured:
        return tr(N_("not captured"))
    if not end.detected:
        return tr(N_("no chart visible"))
    text = tr(N_("upright")) if end.upright else tr(N_("turned {degrees} degrees clockwise"), degrees=end.rotation)
    return tr(N_("{turn}, mirrored"), turn=text) if end.mirrored else text


def _print_text(run) -> None:
    from camtool.vision.verdict import END_NAMES

    verdict = run.verdict
    assumption = next((e for e in run.notes if e.code == "assumed_config"), None)
    if assumption is not None:  # said first: every recommendation below rests on it
        print(tr(N_("Note: {text}"), text=assumption.message))
    print(tr(N_("Verdict: {verdict}"), verdict=tr(N_("PASS")) if verdict.passed else tr(N_("FAIL"))))
    for name in ("device", "wechat"):
        end = verdict.end(name)
        if not end.captured:
            state = tr(N_("not captured"))
        elif not end.detected:
            state = tr(N_("no chart visible"))
        else:
            turned = (N_("turned {degrees} degrees clockwise, {mirror}, {upright}") if end.rotation
                      else N_("not turned, {mirror}, {upright}"))  # not "turned 0 degrees"
            state = tr(turned, degrees=end.rotation,
                       mirror=tr(N_("mirrored")) if end.mirrored else tr(N_("not mirrored")),
                       upright=tr(N_("upright")) if end.upright else tr(N_("not upright")))
        print(tr(N_("  {end}: {state}"), end=tr(END_NAMES[name]), state=state))
    applies = [r for r in run.rounds if r.applied is not None]
    if applies:
        print(tr(N_("Applied {count} time(s); checked {checks} time(s)."), count=len(applies), checks=len(run.rounds)))
        for number, done in enumerate(run.rounds, start=1):
            if done.applied is None:
                continue
            sent = {k: v for k, v in done.verdict.recommended.items() if done.config.get(k, object()) != v}
            print(tr(N_("  check {number}: device end {device}, WeChat end {wechat}; applied {keys}"), number=number,
                     device=_turn_text(done.verdict.device), wechat=_turn_text(done.verdict.wechat),
                     keys=json.dumps(sent, ensure_ascii=False)))
    for explanation in run.explanations:
        if explanation is not assumption:
            print(tr(N_("- {text}"), text=explanation.message))
    print(tr(N_("Recommended config:")))
    print(json.dumps(verdict.recommended, ensure_ascii=False, indent=2))
