"""Why the camera source cannot run on this device or with this server file, and what to do instead.

Every refusal of the camera source (camera_source.py, scrcpy_server.py) is one of these
`DeviceError`s: `message` says why, `action` what to do instead, in words a technician acts on.
"""

from __future__ import annotations

from camtool import exitcodes
from camtool.device.errors import DeviceError
from camtool.i18n import N_, join_sentences, tr


class CameraRefusal(DeviceError):
    """The camera source cannot run here; `message` says why, `action` what to do instead."""

    exit_code = exitcodes.NO


class NeedsAndroid12(CameraRefusal):
    detail_in_message = True
    message_source = N_("The camera source needs Android 12 or later; device {serial} runs SDK {detail}.")
    action_source = N_("Use the screen source (leave out --source camera): it shows the camera while an app shows it.")


class NoServerFile(CameraRefusal):
    detail_in_message = True
    message_source = N_("No scrcpy server file was found.")
    missing_source = N_("The scrcpy server file {detail} cannot be read.")

    @property
    def message(self) -> str:
        return tr(self.missing_source, detail=self.detail) if self.detail else tr(self.message_source)

    action_source = N_("Install scrcpy 2.2 or later (its package has the file scrcpy-server; releases at "
                       "https://github.com/Genymobile/scrcpy/releases), then give its path with "
                       "--scrcpy-server FILE or set SCRCPY_SERVER_PATH. camtool never downloads it.")


class ServerTooOld(CameraRefusal):
    detail_in_message = True
    message_source = N_("The scrcpy server file is version {detail}; the camera source needs 2.2 or later.")
    action_source = N_("Give the server file of scrcpy 2.2 or later with --scrcpy-server FILE.")


class CameraNotPresent(CameraRefusal):
    detail_in_message = True
    message_source = N_("Device {serial} has no camera with that id ({detail}).")
    action_source = N_("Use one of the ids `camtool cameras` lists with --camera-id.")


class CameraBusy(CameraRefusal):
    message_source = N_("The camera is in use by another app on device {serial} (WMPF in a call, or another camera app).")
    action_source = N_("End the call or close the app that holds the camera, then try again; or use the screen source.")


class ServerFailed(CameraRefusal):
    message_source = N_("The scrcpy server on device {serial} stopped without streaming.")
    action_source = N_("Read the server's own words below; check --camera-id and --camera-size.")

    def describe(self) -> str:
        return join_sentences([self.message, self.action, tr(N_("(the server said: {detail})"), detail=self.detail)])


class ServerNoAnswer(CameraRefusal):
    message_source = N_("The scrcpy server on device {serial} did not open its stream in time.")
    action_source = N_("The device may be busy: try again; if it persists, use the screen source.")
    exit_code = exitcodes.UNAVAILABLE
