"""CLI commands of the device layer: devices, cameras, device capture, apply, bench.

Exit codes (docs/architecture.md, Exit codes): 0 ok, 1 the answer is no (error findings, the device
refused), 2 usage, 3 adb or the device unavailable. Device errors print their message and
action, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

from camtool import exitcodes
from camtool.device.errors import DeviceError, DeviceNotFound, NoDevice
from camtool.i18n import N_, join_list, tr
from camtool.printable import printable


def add_devices(devices: argparse.ArgumentParser) -> None:
    devices.add_argument("--json", action="store_true", help=tr(N_("Print one JSON object for scripts.")))
    devices.set_defaults(handler=run_devices)


def add_cameras(cameras: argparse.ArgumentParser) -> None:
    _serial_option(cameras)
    cameras.add_argument("--json", action="store_true", help=tr(N_("Print one JSON object for scripts.")))
    cameras.add_argument("--sizes", action="store_true",
                         help=tr(N_("Also list the sizes each camera streams, asked through the scrcpy server file (Android 12+).")))
    cameras.add_argument("--scrcpy-server", metavar="FILE", default=None,
                         help=tr(N_("With --sizes: scrcpy's server file (default: $SCRCPY_SERVER_PATH or where scrcpy installs it).")))
    cameras.set_defaults(handler=run_cameras)


def add_device(device: argparse.ArgumentParser) -> None:
    device_commands = device.add_subparsers(dest="device_command", metavar="COMMAND", parser_class=type(device))
    capture = device_commands.add_parser("capture", help=tr(N_("Record the answers camtool reads from a device into a capture directory.")))
    _serial_option(capture)
    capture.add_argument("directory", metavar="DIR", help=tr(N_("The directory to write (created if needed).")))
    capture.set_defaults(handler=run_capture)
    device.set_defaults(handler=lambda args: _usage(device))


def add_apply(apply: argparse.ArgumentParser) -> None:
    apply.add_argument("path", metavar="CONFIG", help=tr(N_("The config file, or - for standard input.")))
    _serial_option(apply)
    apply.add_argument("--package", metavar="P", default=None,
                       help=tr(N_("The Android package whose debug build contains camtool's receiver.")))
    apply.add_argument("--from", dest="from_", choices=("json", "kotlin", "java"), default=None,
                       help=tr(N_("Read the config as this format (default: from the file name).")))
    apply.add_argument("--json", action="store_true", help=tr(N_("Print one JSON object for scripts.")))
    apply.set_defaults(handler=run_apply)


def add_bench(bench: argparse.ArgumentParser) -> None:
    bench.add_argument("--serial", metavar="S", default=None,
                       help=tr(N_("Measure this device instead of a private virtual device.")))
    bench.add_argument("--seconds", metavar="N", type=float, default=None,
                       help=tr(N_("Seconds to measure each stream size (default 5).")))
    bench.add_argument("--json", action="store_true", help=tr(N_("Print one JSON object for scripts.")))
    bench.add_argument("--scenario", metavar="NAME", default=None,
                       help=tr(N_("The private virtual device's scenario (default tablet-a12); not with --serial.")))
    camera_source_options(bench)
    bench.set_defaults(handler=run_bench)


def camera_source_options(parser: argparse.ArgumentParser) -> None:
    """--source screen|camera and the camera's options (issue 17), one definition for every command."""
    parser.add_argument("--source", choices=("screen", "camera"), default="screen",
                        help=tr(N_("What to capture: the device's screen (default) or a camera itself "
                                   "(Android 12+, needs the scrcpy server file).")))
    parser.add_argument("--camera-id", metavar="ID", default=None,
                        help=tr(N_("With --source camera: the camera's id, as `camtool cameras` lists it.")))
    parser.add_argument("--camera-size", metavar="WxH", default=None,
                        help=tr(N_("With --source camera: the size to stream, e.g. 1280x720 (default: the camera's largest).")))
    parser.add_argument("--scrcpy-server", metavar="FILE", default=None,
                        help=tr(N_("With --source camera: scrcpy's server file (default: $SCRCPY_SERVER_PATH or "
                                   "where scrcpy installs it).")))


def camera_choice(args: argparse.Namespace):
    """(server file, camera id, size) for --source camera; usage problems and refusals raise."""
    import re

    from camtool.device.scrcpy_server import check_camera_id, find_server_file

    size = None
    if args.camera_size is not None:
        m = re.fullmatch(r"(\d{2,5})x(\d{2,5})", args.camera_size.strip().lower())
        if not m:
            raise _UsageProblem(tr(N_("--camera-size must look like 1280x720, not {value}."),
                                   value=args.camera_size.encode("unicode_escape").decode("ascii")[:40]))
        size = (int(m.group(1)), int(m.group(2)))
    if args.source != "camera":
        if args.camera_id is not None or size is not None or args.scrcpy_server is not None:
            raise _UsageProblem(tr(N_("--camera-id, --camera-size and --scrcpy-server go with --source camera.")))
        return None
    return find_server_file(args.scrcpy_server), check_camera_id(args.camera_id), size


PARSERS = {"devices": add_devices, "cameras": add_cameras, "device": add_device, "apply": add_apply,
           "bench": add_bench}


def _serial_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--serial", "-s", metavar="S", default=None,
                        help=tr(N_("The device's serial (see `camtool devices`); needed when several are attached.")))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return exitcodes.USAGE


def _io():
    from camtool.device.adb_io import AdbDeviceIO

    return AdbDeviceIO()


def fail(exc: DeviceError) -> int:
    print(exc.describe(), file=sys.stderr)
    return exc.exit_code


class _UsageProblem(Exception):
    pass


def choose_serial(io, serial: str | None) -> str:
    """The given serial once it is ready, or the only ready device; errors say what to do."""
    from camtool.device.adb_io import raise_for_state
    from camtool.device.states import DeviceState

    entries = io.list_devices()
    if serial is not None:
        for entry in entries:
            if entry.serial == serial:
                raise_for_state(entry)
                return serial
        raise DeviceNotFound(serial)
    ready = [e for e in entries if e.state is DeviceState.READY]
    if len(ready) == 1:
        return ready[0].serial
    if not ready:
        if entries:
            raise_for_state(entries[0])  # the one that is there, and why it cannot be used
        raise NoDevice()
    raise _UsageProblem(tr(N_("Several devices are attached ({serials}); choose one with --serial."),
                           serials=join_list(printable(e.serial) for e in ready)))


def _with_device(args: argparse.Namespace, work) -> int:
    """Pick the device and run `work(io, serial)`; device errors exit 3, usage problems 2."""
    try:
        io = _io()
        serial = choose_serial(io, args.serial)
        return work(io, serial)
    except _UsageProblem as exc:
        print(str(exc), file=sys.stderr)
        return exitcodes.USAGE
    except DeviceError as exc:
        return fail(exc)


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# -- devices ----------------------------------------------------------------------------------

def run_devices(args: argparse.Namespace) -> int:
    try:
        entries = _io().list_devices()
    except DeviceError as exc:
        return fail(exc)
    if args.json:
        _print_json({"devices": [e.to_json() for e in entries]})
        return exitcodes.OK
    if not entries:
        print(tr(N_("No device attached. Plug a device in with USB debugging on, or run `camtool virtual start`.")))
        return exitcodes.OK
    for e in entries:
        model = e.model or "-"
        # serial and model come from the device (its USB descriptor, its banner): escaped.
        print(tr(N_("{serial}  {model}  {state}: {action}"), serial=printable(e.serial), model=printable(model),
                 state=e.state.words, action=e.state.action))
    return exitcodes.OK


# -- cameras ----------------------------------------------------------------------------------

def run_cameras(args: argparse.Namespace) -> int:
    def work(io, serial: str) -> int:
        from camtool.device.inventory_fetch import format_inventory
        from camtool.device.inventory_fetch import fetch_inventory

        fetched = fetch_inventory(io, serial)
        sizes, refusal = (_camera_sizes(io, serial, args.scrcpy_server) if args.sizes else (None, None))
        if args.json:
            data = fetched.to_json()
            if sizes is not None:
                data["camera_sizes"] = {cam_id: [f"{w}x{h}" for w, h in listed] for cam_id, _f, listed in sizes}
            _print_json(data)
        else:
            print(format_inventory(fetched))
            if sizes is not None:
                print(tr(N_("Sizes each camera streams (camera source, scrcpy server):")))
                for cam_id, facing, listed in sizes:
                    print(tr(N_("  camera {id} ({facing}): {sizes}"), id=cam_id, facing=facing,
                             sizes=join_list(f"{w}x{h}" for w, h in listed) or "?"))
        if refusal is not None:
            print(refusal.describe(), file=sys.stderr)
            return refusal.exit_code
        return exitcodes.OK

    return _with_device(args, work)


def _camera_sizes(io, serial: str, server_path: str | None):
    """(cameras with sizes, None) or (None, the refusal): the inventory is printed either way."""
    from camtool.device.camera_refusals import CameraRefusal
    from camtool.device.scrcpy_server import CameraServer, find_server_file

    try:
        server = CameraServer(io, serial, find_server_file(server_path))
        server.check_device()
        return server.list_cameras(), None
    except CameraRefusal as exc:
        return None, exc


# -- device capture ---------------------------------------------------------------------------

def run_capture(args: argparse.Namespace) -> int:
    def work(io, serial: str) -> int:
        from camtool.device.capture_dir import CaptureWriteError, describe, record_capture

        try:
            report = record_capture(io, serial, args.directory)
        except CaptureWriteError as exc:
            print(str(exc), file=sys.stderr)
            return exitcodes.NO
        for note in report.notes:
            print(note.text(), file=sys.stderr)
        print(describe(report))
        return exitcodes.OK

    return _with_device(args, work)


# -- apply ------------------------------------------------------------------------------------

def run_apply(args: argparse.Namespace) -> int:
    from camtool.device.apply import PackageNameError, check_package

    if args.package is None:
        print(tr(N_("camtool apply: give --package, the Android package of the integrator's debug build that "
                    "contains camtool's receiver (e.g. --package com.example.doorbell).")), file=sys.stderr)
        return exitcodes.USAGE
    try:
        check_package(args.package)
    except PackageNameError as exc:
        print(str(exc), file=sys.stderr)
        return exitcodes.USAGE

    def work(io, serial: str) -> int:
        from camtool.cli.config_commands import format_findings_text
        from camtool.device.apply import apply_config
        from camtool.device.apply import validate_on_device

        checked = validate_on_device(args.path, io, serial, from_=args.from_)
        source = "<stdin>" if args.path == "-" else args.path
        if not checked.ok:
            if args.json:
                _print_json({"applied": False, "refused_by": "validation",
                             "findings": [f.to_json() for f in checked.findings]})
            else:
                sys.stdout.write(format_findings_text(source, checked.findings))
                print(tr(N_("Not sent: fix the errors above first.")), file=sys.stderr)
            return exitcodes.NO
        result = apply_config(io, serial, checked.config, args.package)
        if args.json:
            _print_json(result.to_json() | {"serial": serial})
        else:
            print(result.message)
        return exitcodes.OK if result.applied else exitcodes.NO

    return _with_device(args, work)


# -- bench ------------------------------------------------------------------------------------

def run_bench(args: argparse.Namespace) -> int:
    from camtool.device import bench

    seconds = bench.DEFAULT_SECONDS if args.seconds is None else args.seconds
    if not 1 <= seconds <= 600:
        print(tr(N_("camtool bench: --seconds must be between 1 and 600.")), file=sys.stderr)
        return exitcodes.USAGE
    previous = _terminate_as_interrupt()
    try:
        if args.serial is not None and args.scenario is not None:
            raise _UsageProblem(tr(N_("camtool bench: --scenario is for the private virtual device; leave out --serial.")))
        camera = camera_choice(args)
        options: dict = {}
        if camera is not None:
            from camtool.device.camera_source import CameraSource

            server_file, camera_id, size = camera

            def make_source(io, serial, size, on_frame):
                return CameraSource(io, serial, server_file, camera_id=camera_id, size=size, on_frame=on_frame)

            options = {"make_source": make_source, "sizes": (size,)}
        if args.serial is None:
            with bench.VirtualBench(args.scenario or bench.DEFAULT_SCENARIO) as (io, serial):
                report = bench.run_bench(io, serial, virtual=True, seconds=seconds, **options)
        else:
            io = _io()
            serial = choose_serial(io, args.serial)
            report = bench.run_bench(io, serial, virtual=False, seconds=seconds, **options)
    except _UsageProblem as exc:
        print(str(exc), file=sys.stderr)
        return exitcodes.USAGE
    except DeviceError as exc:
        return fail(exc)
    except TimeoutError as exc:
        print(str(exc), file=sys.stderr)
        return exitcodes.UNAVAILABLE
    except KeyboardInterrupt:
        # Everything was stopped on the way out (sources, the virtual device, the private server).
        print(tr(N_("Benchmark cancelled.")), file=sys.stderr)
        return 130
    finally:
        _restore_terminate(previous)
    if args.json:
        _print_json(report.to_json())
    else:
        print(bench.format_report(report))
    return exitcodes.OK


def _terminate_as_interrupt():
    """SIGTERM (a service manager, `kill`) stops a bench like Ctrl+C: its virtual device and server go too."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):   # not the main thread (e.g. called from a test worker)
        return None


def _restore_terminate(previous) -> None:
    import signal

    if previous is not None:
        try:
            signal.signal(signal.SIGTERM, previous)
        except (ValueError, OSError):
            pass

