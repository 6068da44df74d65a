"""`camtool virtual list` and `camtool virtual start`: the virtual device on the command line.

`start` runs in the foreground, attached to the user's adb server (started if needed, as any
adb command would), prints the serials to use and detaches on Ctrl+C.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from camtool import exitcodes
from camtool.i18n import N_, join_clauses, tr


def add_virtual(virtual: argparse.ArgumentParser) -> None:
    virtual.description = tr(N_("A virtual device speaks adb on 127.0.0.1 so that camtool (and adb itself) can be "
                                "used without hardware. Its cameras, USB devices and WMPF version come from a scenario."))
    commands = virtual.add_subparsers(dest="virtual_command", metavar="COMMAND", title=tr(N_("commands")))
    virtual.set_defaults(handler=lambda args: _usage(virtual))

    listing = commands.add_parser("list", help=tr(N_("List the shipped scenarios.")))
    listing.set_defaults(handler=run_list)

    from camtool.virtual.faults import FAULT_HELP

    faults = join_clauses(tr("{name}{default}: {description}", name=name, default="", description=tr(text))
                          for name, text in FAULT_HELP.items())
    start = commands.add_parser(
        "start", help=tr(N_("Start a virtual device and attach it to adb until Ctrl+C.")),
        description=tr(N_("Start a virtual device (and the WeChat phone that receives its calls), attach both to "
                          "the adb server (started if needed) and keep them until Ctrl+C. Exit 2: bad scenario or "
                          "option; 3: adb is not available.")))
    start.add_argument("--scenario", metavar="NAME|FILE", default=None,
                       help=tr(N_("A shipped scenario (see `camtool virtual list`) or a .toml/.json file.")))
    start.add_argument("--replay", metavar="DIR", default=None,
                       help=tr(N_("Answer commands from a capture directory (`camtool device capture`).")))
    start.add_argument("--port", metavar="P", type=int, default=0,
                       help=tr(N_("TCP port of the device end (default: a free port).")))
    start.add_argument("--wechat-port", metavar="P", type=int, default=None,
                       help=tr(N_("TCP port of the WeChat phone (default: the device port + 1, or a free port).")))
    start.add_argument("--fault", metavar="FAULT", action="append", default=[],
                       help=tr(N_("Inject a fault, repeatable. {faults}"), faults=faults))
    start.add_argument("--no-attach", action="store_true",
                       help=tr(N_("Only listen; do not attach to adb (run `adb connect` yourself).")))
    start.add_argument("--nice", metavar="N", type=int, default=0,
                       help=tr(N_("Run at a lower CPU priority (0-19; Linux). The window starts its virtual device "
                                  "at 10: it stands in for other hardware and must not slow the window down.")))
    start.set_defaults(handler=run_start)


PARSERS = {"virtual": add_virtual}


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return exitcodes.USAGE


def run_list(args: argparse.Namespace) -> int:
    from camtool.virtual.scenario import DEFAULT_SCENARIO, list_scenarios

    for name, description in list_scenarios():
        mark = tr(N_(" (default)")) if name == DEFAULT_SCENARIO else ""
        print(tr(N_("{name}{default}: {description}"), name=name, default=mark, description=description))
    return exitcodes.OK


def run_start(args: argparse.Namespace) -> int:
    from camtool.device.adb_server import AdbServer, AdbServerError, default_port
    from camtool.device.errors import DeviceError
    from camtool.virtual.device import VirtualDevice, VirtualDeviceError
    from camtool.virtual.faults import FaultSpecError, parse_faults
    from camtool.device.capture_format import CaptureFormatError
    from camtool.virtual.scenario import ScenarioError

    for port in (args.port, args.wechat_port):
        if port is not None and not 0 <= port <= 65535:
            print(tr(N_("Port {port} is not a TCP port (0-65535)."), port=port), file=sys.stderr)
            return exitcodes.USAGE
    if not 0 <= args.nice <= 19:
        print(tr(N_("--nice {value} is not a nice value (0-19)."), value=args.nice), file=sys.stderr)
        return exitcodes.USAGE
    if args.nice:
        from camtool.device.cpu_priority import lower_this_process

        lower_this_process(args.nice)   # before the device's own threads start: they inherit it
    wechat_port = args.wechat_port if args.wechat_port is not None else (args.port + 1 if args.port else 0)
    try:
        spec = parse_faults(args.fault)
        device = VirtualDevice(args.scenario, port=args.port, replay_dir=args.replay, wechat_port=wechat_port)
    except (FaultSpecError, ScenarioError, CaptureFormatError, VirtualDeviceError) as exc:
        print(str(exc), file=sys.stderr)
        return exitcodes.USAGE
    for name in ("silent", "offline", "unauthorized", "latency_ms", "truncate_bytes", "drop_after_bytes"):
        setattr(device.faults, name, getattr(spec.faults, name))
    try:
        for index in spec.unplug_usb:
            device.unplug_usb(index)
        if spec.wmpf_installed is not None:
            device.set_wmpf_installed(spec.wmpf_installed)
    except (IndexError, ValueError) as exc:
        print(tr(N_("Cannot apply the fault: {reason}"), reason=str(exc)), file=sys.stderr)
        return exitcodes.USAGE
    try:
        server = None if args.no_attach else AdbServer(port=default_port())
        device.start(server)
    except DeviceError as exc:  # e.g. ANDROID_ADB_SERVER_PORT is no port
        device.stop()
        print(exc.describe(), file=sys.stderr)
        return exc.exit_code
    except AdbServerError as exc:
        device.stop()
        print(str(exc), file=sys.stderr)
        return exitcodes.UNAVAILABLE
    except VirtualDeviceError as exc:
        print(str(exc), file=sys.stderr)
        return exitcodes.UNAVAILABLE
    try:
        _announce(device, attached=server is not None)
        _wait_for_interrupt()
    finally:
        device.stop()
    print(tr(N_("Detached and stopped.")), flush=True)
    return exitcodes.OK


def _announce(device, attached: bool) -> None:
    scenario = device.scenario
    print(tr(N_("Virtual device \"{name}\" ({model}, Android {android}) is running."), name=scenario.name,
             model=scenario.device.model, android=scenario.device.android))
    print(tr(N_("  device end:  {serial}    e.g. adb -s {serial} shell dumpsys media.camera"), serial=device.serial))
    print(tr(N_("  WeChat end:  {serial}    (the phone that receives the call)"), serial=device.wechat_serial))
    if attached:
        print(tr(N_("Attached to the adb server on port {port}. Press Ctrl+C to detach and stop."),
                 port=device.adb_server.port if device.adb_server else "?"), flush=True)
    else:
        print(tr(N_("Not attached: run adb connect {serial} (and {wechat}). Press Ctrl+C to stop."),
                 serial=device.serial, wechat=device.wechat_serial), flush=True)


def _wait_for_interrupt() -> None:
    """Block until Ctrl+C (or SIGTERM, so a service manager's stop also detaches cleanly)."""
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGBREAK"):
        sig = getattr(signal, name, None)
        if sig is not None:
            previous[sig] = signal.signal(sig, on_signal)
    try:
        while not stop.wait(0.5):  # a timeout keeps Ctrl+C responsive on Windows
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
