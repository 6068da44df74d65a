"""camtool's own small error tree for device access, each with a sentence a technician understands.

adbutils raises `AdbError`, `AdbTimeout`, `AdbConnectionError` and plain socket errors; the
device layer maps them here (`from_adb_error`) so the CLI and the window never show a
traceback or adb's raw wording alone.
"""

from __future__ import annotations

import re

from camtool import exitcodes
from camtool.i18n import N_, join_sentences, tr
from camtool.printable import printable


def adb_complaint(output: str | bytes) -> str:
    """What adb said that matters, on one line: without its progress chatter ("* daemon not
    running; starting now at tcp:5037", "* daemon started successfully"), which adb prints on
    every cold start and which is no reason for anything."""
    if isinstance(output, bytes):
        output = output.decode("utf-8", "replace")
    lines = [line.strip() for line in output.splitlines()]
    return " ".join(line for line in lines if line and not line.startswith("* "))


class DeviceError(Exception):
    """A device could not be used. `message` says what happened, `action` what to do."""

    message_source = N_("The device could not be used.")
    action_source = N_("Check the cable and that USB debugging is on, then try again.")
    exit_code = exitcodes.UNAVAILABLE
    #: The detail is part of the message (a path, an SDK level, a version), not adb's words to quote.
    detail_in_message = False

    def __init__(self, serial: str | None = None, detail: str = "") -> None:
        self.serial = serial
        self.detail = detail.strip()
        super().__init__(self.describe())

    # The serial and adb's text come from the device: shown escaped (camtool.printable).
    @property
    def message(self) -> str:
        return tr(self.message_source, serial=printable(self.serial or "?"), detail=printable(self.detail))

    @property
    def action(self) -> str:
        return tr(self.action_source, serial=printable(self.serial or "?"), detail=printable(self.detail))

    def describe(self) -> str:
        adb_said = (tr(N_("(adb said: {detail})"), detail=printable(self.detail))
                    if self.detail and not self.detail_in_message else "")
        return join_sentences([self.message, self.action, adb_said])


class AdbUnavailable(DeviceError):
    message_source = N_("adb is missing or its server did not start.")
    action_source = N_("Reinstall camtool (its adb comes with it) or set ADBUTILS_ADB_PATH to a working adb, then try again.")


class AdbFolderUnwritable(AdbUnavailable):
    """adb keeps its keys in ~/.android and will not start without it (HOME missing or read-only)."""

    detail_in_message = True
    message_source = N_("adb cannot create its folder {detail}, so its server does not start.")
    action_source = N_("Set HOME to a folder that exists and that you can write to, then try again.")


_CANNOT_MKDIR = re.compile(r"Cannot mkdir '([^'\r\n]+)'")


def adb_failure(output: str | bytes) -> AdbUnavailable:
    """Why adb did not start, from what it said: its folder could not be made, or the general case."""
    complaint = adb_complaint(output)
    folder = _CANNOT_MKDIR.search(complaint)
    return AdbFolderUnwritable(detail=folder.group(1)) if folder else AdbUnavailable(detail=complaint)


class DeviceNotFound(DeviceError):
    message_source = N_("No device with serial {serial} is attached.")
    action_source = N_("Run `camtool devices` to see the serials adb knows; plug the device in or start the virtual device.")


class NoDevice(DeviceNotFound):
    """No serial was given and adb lists no device at all."""

    message_source = N_("No device is attached.")
    action_source = N_("Plug a device in with USB debugging on, or run `camtool virtual start`, then try again.")


class DeviceUnauthorized(DeviceError):
    message_source = N_("Device {serial} has not authorized this computer.")
    action_source = N_("Accept the USB debugging prompt on the device (tick \"Always allow\"), then try again.")


class DeviceOffline(DeviceError):
    message_source = N_("Device {serial} is offline.")
    action_source = N_("Replug the cable or restart adb on the device (toggle USB debugging); camtool reconnects by itself.")


class DeviceNoPermissions(DeviceError):
    message_source = N_("This computer has no permission to open device {serial}.")
    action_source = N_("On Linux add a udev rule for the device's USB vendor id (and be in the plugdev group), then replug it.")


class DeviceGone(DeviceError):
    message_source = N_("Device {serial} went away during the operation.")
    action_source = N_("Check the cable; camtool picks the device up again when it returns.")


class DeviceTimeout(DeviceError):
    message_source = N_("Device {serial} did not answer in time.")
    action_source = N_("The device may be busy or stuck: wait a moment, replug it, and try again.")


class DeviceRefused(DeviceError):
    """The device answered, but said no (e.g. a broadcast nobody received)."""

    message_source = N_("Device {serial} refused: {detail}")
    action_source = N_("Read the device's answer above.")
    exit_code = exitcodes.NO


class AdbPortSettingError(DeviceError):
    """ANDROID_ADB_SERVER_PORT is set to something that is no port: the user's setting is wrong, not adb."""

    message_source = N_("ANDROID_ADB_SERVER_PORT is set to \"{detail}\", which is not a TCP port (1 to 65535).")
    action_source = N_("Set it to the port of your adb server (adb's default is 5037), or unset it.")
    exit_code = exitcodes.USAGE
    detail_in_message = True   # the detail is the setting itself


class DeviceAnswerCut(DeviceError):
    """The device answered, but its answer stopped before the end: it is not used as if it were whole.

    Known from the protocol (no shell-v2 exit status, no `echo $?` marker, a PNG without its
    last chunk) or from the answer itself (camtool.device.answer_checks)."""

    message_source = N_("The answer of device {serial} to `{detail}` was cut off, so camtool did not use it.")
    action_source = N_("Try again. If it keeps happening, check the cable and restart the device: it may be overloaded.")
    detail_in_message = True   # the detail is the command
