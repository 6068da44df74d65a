"""`camtool verify --source camera`: the camera's own picture of the chart, and so its mounting.

The screen shows a camera only through an app, after that app's turns; the camera source
(scrcpy's server, Android 12+) shows what the sensor delivers. Read with the chart held
upright in front of the camera, the chart's turn and mirroring in that picture are the
camera's mounting: the first thing an integrator tuning a new camera module needs.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time

from camtool import exitcodes
from camtool.i18n import N_, tr

#: Frames to let pass before reading: the first ones of a camera may still be adjusting exposure.
SETTLE_FRAMES = 5
FRAME_TIMEOUT_S = 30.0


def run_camera_verify(args: argparse.Namespace) -> int:
    from camtool.cli.device_commands import _io, _UsageProblem, camera_choice, choose_serial
    from camtool.device.camera_source import CameraSource, wait_first_frame
    from camtool.device.errors import DeviceError
    from camtool.vision.detect import detect_orientation

    if not args.serial or args.device_image or args.wechat_serial or args.wechat_image or args.apply:
        print(tr(N_("camtool verify: --source camera reads one camera of one device: give --serial and --camera-id "
                    "(no pictures, no --wechat-serial, no --apply).")), file=sys.stderr)
        return exitcodes.USAGE
    try:
        server_file, camera_id, size = camera_choice(args)
        io = _io()
        serial = choose_serial(io, args.serial)
        source = CameraSource(io, serial, server_file, camera_id=camera_id, size=size)
        print(tr(N_("Starting camera {id} on {serial} through the scrcpy server (Ctrl+C cancels)..."),
                 id=camera_id if camera_id is not None else "?", serial=serial), file=sys.stderr, flush=True)
        source.prepare()
        source.start()
        try:
            wait_first_frame(source, FRAME_TIMEOUT_S)
            deadline = time.monotonic() + FRAME_TIMEOUT_S
            pause = threading.Event()
            while source.frames_delivered < SETTLE_FRAMES and time.monotonic() < deadline:
                pause.wait(0.05)
            frame = source.latest()
        finally:
            source.stop()
    except _UsageProblem as exc:
        print(str(exc), file=sys.stderr)
        return exitcodes.USAGE
    except DeviceError as exc:
        print(exc.describe(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(tr(N_("Cancelled.")), file=sys.stderr)
        return 130
    detection = detect_orientation(frame.image)
    height, width = frame.image.shape[:2]
    if args.format == "json":
        print(json.dumps({"serial": serial, "source": "camera", "camera_id": camera_id, "size": f"{width}x{height}",
                          "mounting": ({"rotation": detection.rotation, "mirrored": detection.mirrored}
                                       if detection.detected else None),
                          "detection": detection.to_json()}, ensure_ascii=False, indent=2))
    elif detection.detected:
        print(tr(N_("Camera {id} on {serial} ({size}, its own picture): the chart is turned {rotation} degrees "
                    "clockwise{mirrored}. With the chart held upright, that is the camera's mounting."),
                 id=camera_id if camera_id is not None else "?", serial=serial, size=f"{width}x{height}",
                 rotation=detection.rotation,
                 mirrored=tr(N_(" and mirrored")) if detection.mirrored else ""))
    else:
        print(tr(N_("No chart is visible in the picture of camera {id} on {serial}: hold the printed chart "
                    "(camtool chart) upright in front of the camera and try again."),
                 id=camera_id if camera_id is not None else "?", serial=serial), file=sys.stderr)
    return exitcodes.OK if detection.detected else exitcodes.NO
