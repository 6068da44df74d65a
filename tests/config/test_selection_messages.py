"""What a technician reads about keys of the family not in use and fragile selections, word for word.

CAM204 names why the other family's key has no effect (the reason differs with what selects
the camera and with the WMPF version); CAM401-CAM403 warn about a selection that works but is fragile.
"""

from __future__ import annotations

import pytest

from camtool.config.rules import validate

SELECTIONS = [
    ({'usbCameraName': '/dev/bus/usb/001/004', 'cameraRotationAngle': 90}, None,
     [('CAM204', ('cameraRotationAngle',), 'cameraRotationAngle is a built-in camera key, but this config uses a USB camera (usbCameraName or the complete USB triple is given): WMPF ignores cameraRotationAngle, so it has no effect. This is the usual cause of "set successfully but no effect".', "Write usbCameraRotationAngle instead of cameraRotationAngle (the USB camera's key), or select the camera of the other family."),
      ('CAM402', ('usbCameraName',), 'The USB camera is selected by its path /dev/bus/usb/001/004, which changes when the camera is replugged or the device reboots.', 'If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; without one, the path is the only choice: check it after every reboot.')]),
    ({'usbCameraName': '/dev/bus/usb/001/004', 'cameraRotationAngle': 90, 'usbCameraRotationAngle': 90, 'cameraPushFlip': True}, None,
     [('CAM204', ('cameraRotationAngle',), 'cameraRotationAngle is a built-in camera key, but this config uses a USB camera (usbCameraName or the complete USB triple is given): WMPF ignores cameraRotationAngle, so it has no effect. This is the usual cause of "set successfully but no effect".', 'Delete cameraRotationAngle: usbCameraRotationAngle already sets this for the USB camera.'),
      ('CAM204', ('cameraPushFlip',), 'cameraPushFlip is a built-in camera key, but this config uses a USB camera (usbCameraName or the complete USB triple is given): WMPF ignores cameraPushFlip, so it has no effect. This is the usual cause of "set successfully but no effect".', "Write usbCameraPushFlip instead of cameraPushFlip (the USB camera's key), or select the camera of the other family."),
      ('CAM402', ('usbCameraName',), 'The USB camera is selected by its path /dev/bus/usb/001/004, which changes when the camera is replugged or the device reboots.', 'If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; without one, the path is the only choice: check it after every reboot.')]),
    ({'usbCameraName': '/dev/bus/usb/001/004', 'usbCameraRotationAngle': 90, 'usbCameraPushFlip': True}, '1.0.0',
     [('CAM204', ('usbCameraRotationAngle',), 'usbCameraRotationAngle is a USB camera key, but this config uses a built-in camera (this WMPF version does not read the USB keys that would select it): WMPF ignores usbCameraRotationAngle, so it has no effect. This is the usual cause of "set successfully but no effect".', "Write cameraRotationAngle instead of usbCameraRotationAngle (the built-in camera's key), or select the camera of the other family."),
      ('CAM204', ('usbCameraPushFlip',), 'usbCameraPushFlip is a USB camera key, but this config uses a built-in camera (this WMPF version does not read the USB keys that would select it): WMPF ignores usbCameraPushFlip, so it has no effect. This is the usual cause of "set successfully but no effect".', "Write cameraPushFlip instead of usbCameraPushFlip (the built-in camera's key), or select the camera of the other family."),
      ('CAM402', ('usbCameraName',), 'The USB camera is selected by its path /dev/bus/usb/001/004, which changes when the camera is replugged or the device reboots.', 'If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; without one, the path is the only choice: check it after every reboot.')]),
    ({'usbCameraName': '/dev/video0', 'usbCameraRotationAngle': 90}, None,
     []),
    ({'usbCameraVendorId': 1, 'usbCameraRotationAngle': 90}, None,
     [('CAM204', ('usbCameraRotationAngle',), 'usbCameraRotationAngle is a USB camera key, but this config uses a built-in camera (the USB triple is incomplete): WMPF ignores usbCameraRotationAngle, so it has no effect. This is the usual cause of "set successfully but no effect".', "Write cameraRotationAngle instead of usbCameraRotationAngle (the built-in camera's key), or select the camera of the other family.")]),
    ({'usbCameraRotationAngle': 90}, None,
     [('CAM204', ('usbCameraRotationAngle',), 'usbCameraRotationAngle is a USB camera key, but this config uses a built-in camera (no USB camera is selected): WMPF ignores usbCameraRotationAngle, so it has no effect. This is the usual cause of "set successfully but no effect".', "Write cameraRotationAngle instead of usbCameraRotationAngle (the built-in camera's key), or select the camera of the other family.")]),
    ({'usbCameraVendorId': '0bda', 'usbCameraProductId': 1, 'usbSerialNumber': 'x', 'usbCameraRotationAngle': 90}, None,
     [('CAM204', ('usbCameraRotationAngle',), 'usbCameraRotationAngle is a USB camera key, but this config uses a built-in camera (the USB keys that would select it have values WMPF cannot read): WMPF ignores usbCameraRotationAngle, so it has no effect. This is the usual cause of "set successfully but no effect".', "Write cameraRotationAngle instead of usbCameraRotationAngle (the built-in camera's key), or select the camera of the other family.")]),
    ({'usbCameraVendorId': 3034, 'usbCameraProductId': 1, 'usbSerialNumber': 'x', 'usbCameraPushFlip': False}, '1.0.0',
     [('CAM204', ('usbCameraPushFlip',), 'usbCameraPushFlip is a USB camera key, but this config uses a built-in camera (this WMPF version does not read the USB keys that would select it): WMPF ignores usbCameraPushFlip, so it has no effect. This is the usual cause of "set successfully but no effect".', "Write cameraPushFlip instead of usbCameraPushFlip (the built-in camera's key), or select the camera of the other family.")]),
    ({'cameraId': 2}, None,
     [('CAM403', ('cameraId',), 'cameraId is a legacy key (it is in the FAQ only, in no reference table).', 'On WMPF 2.0.0 or newer write internalCameraName "2" instead.')]),
    ({'cameraId': 2}, '1.9.9',
     []),
    ({'usbCameraName': '/dev/bus/usb/001/004', 'usbSerialNumber': 'x'}, None,
     [('CAM402', ('usbCameraName',), 'The USB camera is selected by its path /dev/bus/usb/001/004, which changes when the camera is replugged or the device reboots.', 'The camera has a serial number: add usbCameraVendorId and usbCameraProductId and delete usbCameraName.')]),
    ({'usbCameraName': '/dev/bus/usb/001/004'}, None,
     [('CAM402', ('usbCameraName',), 'The USB camera is selected by its path /dev/bus/usb/001/004, which changes when the camera is replugged or the device reboots.', 'If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; without one, the path is the only choice: check it after every reboot.')]),
    ({'usbCameraName': '/dev/bus/usb/002/007'}, None,
     [('CAM401', ('usbCameraName',), "usbCameraName is /dev/bus/usb/002/007, the value the WMPF client library's getDefaultConfigJson() fills in: this config was probably copied from the default, and WMPF will look for a USB camera that is not there.", 'Use the path of your camera from camtool cameras, or delete usbCameraName (and usbCameraPushFlip) for a built-in camera.')]),
]


@pytest.mark.parametrize("config, wmpf_version, expected", SELECTIONS)
def test_a_key_without_effect_or_a_fragile_selection_says_why(config, wmpf_version, expected):
    found = [(f.code, f.keys, f.message, f.fix) for f in validate(config, wmpf_version=wmpf_version)
             if f.code in ("CAM204", "CAM401", "CAM402", "CAM403")]
    assert found == expected
