"""CLI commands of the device layer: devices, cameras, device capture, apply, bench."""

from __future__ import annotations

import argparse
import json
import sys

from camtool import exitcodes
from camtool.device.errors import DeviceError
from camtool.i18n import N_, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    devices = subparsers.add_parser("devices", help=tr(N_("List the devices adb sees, with their state in words and what to do.")))
    devices.add_argument("--json", action="store_true", help=tr(N_("Print one JSON object for scripts.")))
    devices.set_defaults(handler=run_devices)


def _io():
    from camtool.device.adb_io import AdbDeviceIO

    return AdbDeviceIO()


def fail(exc: DeviceError) -> int:
    print(exc.describe(), file=sys.stderr)
    return exc.exit_code


def run_devices(args: argparse.Namespace) -> int:
    try:
        entries = _io().list_devices()
    except DeviceError as exc:
        return fail(exc)
    if args.json:
        print(json.dumps({"devices": [e.to_json() for e in entries]}, ensure_ascii=False, indent=2))
        return exitcodes.OK
    if not entries:
        print(tr(N_("No device attached. Plug a device in with USB debugging on, or run `camtool virtual start`.")))
        return exitcodes.OK
    for e in entries:
        model = e.model or "-"
        print(tr(N_("{serial}  {model}  {state}: {action}"), serial=e.serial, model=model,
                 state=e.state.words, action=e.state.action))
    return exitcodes.OK
