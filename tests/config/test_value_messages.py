"""What a technician reads about one wrong camera value: the finding's code, message and fix, word for word.

Each case is one key set to one value; the fix is the part a technician acts on (remove the
quotes, the decimal of a hex id, the three-digit path), so a changed word here is a visible change.
"""

from __future__ import annotations

import pytest

from camtool.config.rules import validate

CASES = [
    ('usbCameraVendorId', '0bda',
     [('CAM101', ('usbCameraVendorId',), 'usbCameraVendorId must be a whole number (a JSON integer, without quotes), but the config has "0bda".', 'The JSON takes USB ids in decimal: hex "0bda" is 3034. Write 3034 without quotes.')]),
    ('usbCameraVendorId', '3034',
     [('CAM101', ('usbCameraVendorId',), 'usbCameraVendorId must be a whole number (a JSON integer, without quotes), but the config has "3034".', 'Remove the quotes: write 3034. If "3034" is the hex id shown by lsusb or sysfs, write 12340 instead.')]),
    ('usbCameraVendorId', ' 12 ',
     [('CAM101', ('usbCameraVendorId',), 'usbCameraVendorId must be a whole number (a JSON integer, without quotes), but the config has " 12 ".', 'Remove the quotes: write 12.')]),
    ('usbCameraVendorId', '0x0BDA',
     [('CAM101', ('usbCameraVendorId',), 'usbCameraVendorId must be a whole number (a JSON integer, without quotes), but the config has "0x0BDA".', 'The JSON takes USB ids in decimal: hex "0x0BDA" is 3034. Write 3034 without quotes.')]),
    ('usbCameraProductId', None,
     [('CAM101', ('usbCameraProductId',), 'usbCameraProductId must be a whole number (a JSON integer, without quotes), but the config has null.', 'Write a value, or delete usbCameraProductId to leave it unset.')]),
    ('usbCameraVendorId', 3034.0,
     [('CAM101', ('usbCameraVendorId',), 'usbCameraVendorId must be a whole number (a JSON integer, without quotes), but the config has 3034.0.', 'Write 3034: a whole number without a decimal point.')]),
    ('usbCameraVendorId', 1.5,
     [('CAM101', ('usbCameraVendorId',), 'usbCameraVendorId must be a whole number (a JSON integer, without quotes), but the config has 1.5.', 'Write a whole number without quotes, for example 3034.')]),
    ('usbCameraVendorId', True,
     [('CAM101', ('usbCameraVendorId',), 'usbCameraVendorId must be a whole number (a JSON integer, without quotes), but the config has true.', 'Write a whole number without quotes, for example 3034.')]),
    ('cameraId', '1',
     [('CAM101', ('cameraId',), 'cameraId must be a whole number (a JSON integer, without quotes), but the config has "1".', 'Remove the quotes: write 1.')]),
    ('cameraId', 1.0,
     [('CAM101', ('cameraId',), 'cameraId must be a whole number (a JSON integer, without quotes), but the config has 1.0.', 'Write 1: a whole number without a decimal point.')]),
    ('cameraId', 'abc',
     [('CAM101', ('cameraId',), 'cameraId must be a whole number (a JSON integer, without quotes), but the config has "abc".', 'Write a whole number without quotes, for example 0.')]),
    ('cameraPushFlip', 'true',
     [('CAM101', ('cameraPushFlip',), 'cameraPushFlip must be true or false (without quotes), but the config has "true".', 'Remove the quotes: write true.')]),
    ('cameraPushFlip', ' FALSE ',
     [('CAM101', ('cameraPushFlip',), 'cameraPushFlip must be true or false (without quotes), but the config has " FALSE ".', 'Remove the quotes: write false.')]),
    ('cameraPushFlip', 1,
     [('CAM101', ('cameraPushFlip',), 'cameraPushFlip must be true or false (without quotes), but the config has 1.', 'Write true instead of 1: JSON has its own true and false.')]),
    ('cameraPushFlip', 0,
     [('CAM101', ('cameraPushFlip',), 'cameraPushFlip must be true or false (without quotes), but the config has 0.', 'Write false instead of 0: JSON has its own true and false.')]),
    ('cameraPushFlip', 2,
     [('CAM101', ('cameraPushFlip',), 'cameraPushFlip must be true or false (without quotes), but the config has 2.', 'Write true or false without quotes.')]),
    ('cameraPushFlip', 'yes',
     [('CAM101', ('cameraPushFlip',), 'cameraPushFlip must be true or false (without quotes), but the config has "yes".', 'Write true or false without quotes.')]),
    ('usbCameraPushFlip', [1],
     [('CAM101', ('usbCameraPushFlip',), 'usbCameraPushFlip must be true or false (without quotes), but the config has […].', 'Write true or false without quotes.')]),
    ('internalCameraName', 0,
     [('CAM101', ('internalCameraName',), 'internalCameraName must be a string in double quotes, but the config has 0.', 'Put the value in double quotes: "0".')]),
    ('internalCameraName', 1.5,
     [('CAM101', ('internalCameraName',), 'internalCameraName must be a string in double quotes, but the config has 1.5.', 'Put the value in double quotes: "1.5".')]),
    ('internalCameraName', True,
     [('CAM101', ('internalCameraName',), 'internalCameraName must be a string in double quotes, but the config has true.', 'Write the value in double quotes, for example "0".')]),
    ('usbSerialNumber', 123,
     [('CAM101', ('usbSerialNumber',), 'usbSerialNumber must be a string in double quotes, but the config has 123.', 'Put the value in double quotes: "123".')]),
    ('cameraRotationAngle', 450,
     [('CAM102', ('cameraRotationAngle',), 'cameraRotationAngle is 450, but a rotation angle is 0, 90, 180 or 270 (assumed: the WMPF documentation says only "int, default 0"; the VoIP plugin\'s cameraRotation takes exactly these).', 'Write 90: the same turn within 0..270.')]),
    ('cameraRotationAngle', 45,
     [('CAM102', ('cameraRotationAngle',), 'cameraRotationAngle is 45, but a rotation angle is 0, 90, 180 or 270 (assumed: the WMPF documentation says only "int, default 0"; the VoIP plugin\'s cameraRotation takes exactly these).', 'Use 0, 90, 180 or 270; camtool verify finds the right one on the real ends.')]),
    ('cameraRotationAngle', -90,
     [('CAM102', ('cameraRotationAngle',), 'cameraRotationAngle is -90, but a rotation angle is 0, 90, 180 or 270 (assumed: the WMPF documentation says only "int, default 0"; the VoIP plugin\'s cameraRotation takes exactly these).', 'Write 270: the same turn within 0..270.')]),
    ('cameraRotationAngle', 91,
     [('CAM102', ('cameraRotationAngle',), 'cameraRotationAngle is 91, but a rotation angle is 0, 90, 180 or 270 (assumed: the WMPF documentation says only "int, default 0"; the VoIP plugin\'s cameraRotation takes exactly these).', 'Use 0, 90, 180 or 270; camtool verify finds the right one on the real ends.')]),
    ('usbCameraRotationAngle', 720,
     [('CAM102', ('usbCameraRotationAngle',), 'usbCameraRotationAngle is 720, but a rotation angle is 0, 90, 180 or 270 (assumed: the WMPF documentation says only "int, default 0"; the VoIP plugin\'s cameraRotation takes exactly these).', 'Write 0: the same turn within 0..270.')]),
    ('usbCameraName', '/dev/bus/usb/1/4',
     [('CAM105', ('usbCameraName',), 'usbCameraName "/dev/bus/usb/1/4" must have three digits for bus and device.', 'Write /dev/bus/usb/001/004.')]),
    ('usbCameraName', '/dev/bus/usb/000/004',
     [('CAM105', ('usbCameraName',), 'usbCameraName "/dev/bus/usb/000/004" names bus 0, device 4, which cannot exist (buses count from 1, devices from 1 to 127).', 'Copy the path from camtool cameras or dumpsys usb (name=/dev/bus/usb/...).'),
      ('CAM402', ('usbCameraName',), 'The USB camera is selected by its path /dev/bus/usb/000/004, which changes when the camera is replugged or the device reboots.', 'If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; without one, the path is the only choice: check it after every reboot.')]),
    ('usbCameraName', '/dev/bus/usb/001/128',
     [('CAM105', ('usbCameraName',), 'usbCameraName "/dev/bus/usb/001/128" names bus 1, device 128, which cannot exist (buses count from 1, devices from 1 to 127).', 'Copy the path from camtool cameras or dumpsys usb (name=/dev/bus/usb/...).'),
      ('CAM402', ('usbCameraName',), 'The USB camera is selected by its path /dev/bus/usb/001/128, which changes when the camera is replugged or the device reboots.', 'If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; without one, the path is the only choice: check it after every reboot.')]),
    ('usbCameraName', '/dev/bus/usb/001/000',
     [('CAM105', ('usbCameraName',), 'usbCameraName "/dev/bus/usb/001/000" names bus 1, device 0, which cannot exist (buses count from 1, devices from 1 to 127).', 'Copy the path from camtool cameras or dumpsys usb (name=/dev/bus/usb/...).'),
      ('CAM402', ('usbCameraName',), 'The USB camera is selected by its path /dev/bus/usb/001/000, which changes when the camera is replugged or the device reboots.', 'If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; without one, the path is the only choice: check it after every reboot.')]),
    ('usbCameraName', '/dev/video0',
     [('CAM106', ('usbCameraName',), 'usbCameraName is "/dev/video0", a V4L2 video node; WMPF expects the USB device path.', 'Use the /dev/bus/usb/BBB/DDD path of the same camera (camtool cameras shows it), or select it by vendor id, product id and serial.')]),
    ('usbCameraName', '/dev/bus/usb/001/004 x',
     [('CAM107', ('usbCameraName',), 'usbCameraName "/dev/bus/usb/001/004 x" contains characters a USB device path never has: " ".', 'Write exactly /dev/bus/usb/BBB/DDD, with no spaces, quotes or other characters; copy it from camtool cameras.')]),
    ('usbCameraName', '/dev/bus/usb/001/\x1b04',
     [('CAM112', ('usbCameraName',), 'usbCameraName "/dev/bus/usb/001/\\u001b04" contains control characters ("\\u001b"), which no camera id, USB path or serial number has.', 'Write usbCameraName again without them; copy the value from camtool cameras.')]),
    ('usbCameraName', 'usb1',
     [('CAM105', ('usbCameraName',), 'usbCameraName "usb1" is not a USB device path of the form /dev/bus/usb/BBB/DDD.', 'Copy the path from camtool cameras or dumpsys usb, e.g. /dev/bus/usb/001/004.')]),
    ('usbCameraName', '/dev/"bus"/usb 1',
     [('CAM107', ('usbCameraName',), 'usbCameraName "/dev/\\"bus\\"/usb 1" contains characters a USB device path never has: " " "\\"".', 'Write exactly /dev/bus/usb/BBB/DDD, with no spaces, quotes or other characters; copy it from camtool cameras.')]),
    ('internalCameraName', ' 1 ',
     [('CAM110', ('internalCameraName',), 'internalCameraName " 1 " has spaces around the id.', 'Write "1".')]),
    ('internalCameraName', 'back',
     [('CAM109', ('internalCameraName',), 'internalCameraName is "back", a facing word; WMPF needs the camera id from the system camera service.', 'Write the id, e.g. "0" or "1": camtool cameras lists each id with its facing.')]),
    ('internalCameraName', ' Front ',
     [('CAM109', ('internalCameraName',), 'internalCameraName is " Front ", a facing word; WMPF needs the camera id from the system camera service.', 'Write the id, e.g. "0" or "1": camtool cameras lists each id with its facing.')]),
    ('internalCameraName', '  ',
     [('CAM110', ('internalCameraName',), 'internalCameraName is empty, so it names no camera.', 'Write a camera id such as "0", or delete the key to use WMPF\'s default camera.')]),
    ('internalCameraName', '/dev/video2',
     [('CAM404', ('internalCameraName',), 'internalCameraName "/dev/video2" is not a number.', 'Android 9\'s external camera HAL used the video node as the id; keep it only if camtool cameras lists "/dev/video2", else use a numeric id.')]),
    ('internalCameraName', 'cam0',
     [('CAM404', ('internalCameraName',), 'internalCameraName "cam0" is not a number.', 'Camera ids are usually numbers such as "0"; check that camtool cameras lists "cam0".')]),
    ('internalCameraName', '١',
     [('CAM404', ('internalCameraName',), 'internalCameraName "١" is not a number.', 'Camera ids are usually numbers such as "0"; check that camtool cameras lists "١".')]),
    ('usbSerialNumber', '',
     [('CAM108', ('usbSerialNumber',), 'usbSerialNumber is empty, so it cannot match any camera.', 'Copy the serial number from camtool cameras. If the camera has none, select it by usbCameraName instead of the triple.')]),
    ('cameraId', -1,
     [('CAM104', ('cameraId',), 'cameraId is -1; camera ids are 0 or more.', 'Use the id of a camera that camtool cameras lists, e.g. 0 (better: internalCameraName "0").')]),
    ('usbCameraProductId', 65536,
     [('CAM103', ('usbCameraProductId',), 'usbCameraProductId is 65536, but USB ids are 0..65535.', 'Copy the decimal id from camtool cameras or dumpsys usb (vendor_id=, product_id=).')]),
]


@pytest.mark.parametrize("key, value, expected", CASES)
def test_a_wrong_value_gets_its_own_message_and_fix(key, value, expected):
    found = [(f.code, f.keys, f.message, f.fix) for f in validate({key: value}) if key in f.keys and f.code[3] in "14"]
    assert found == expected


@pytest.mark.parametrize("key, value", [
    ("usbCameraName", "/dev/bus/usb/001/127"), ("usbCameraName", "/dev/bus/usb/001/001"), ("usbCameraProductId", 65535),
    ("usbCameraVendorId", 0), ("cameraId", 0), ("cameraRotationAngle", 270), ("internalCameraName", "10"),
])
def test_the_edges_of_a_valid_value_are_no_error(key, value):
    assert [f.code for f in validate({key: value}) if f.code.startswith("CAM1")] == []


@pytest.mark.parametrize("config, message", [
    ({"usbCameraVendorId": 2**63}, "usbCameraVendorId is 9223372036854775808, but USB ids are 0..65535."),
    ({"usbCameraVendorId": 2**64}, "usbCameraVendorId is ~10^19, but USB ids are 0..65535."),
    ({"usbCameraVendorId": -(2**64)}, "usbCameraVendorId is -~10^19, but USB ids are 0..65535."),
    ({"internalCameraName": {}}, "internalCameraName must be a string in double quotes, but the config has {…}."),
    ({"internalCameraName": {1}}, "internalCameraName must be a string in double quotes, but the config has set."),
    ({"internalCameraName": "x" * 60}, 'internalCameraName "' + "x" * 44 + "… is not a number."),
    ({"cameraId": "é" * 50}, 'cameraId must be a whole number (a JSON integer, without quotes), but the config has "'
                             + "é" * 44 + "…."),
])
def test_a_value_is_shown_short_a_huge_number_by_its_size(config, message):
    assert message in [f.message for f in validate(config)]


def test_a_config_that_is_no_object_is_named_by_what_it_is():
    assert [(f.code, f.keys, f.message, f.fix) for f in validate([1, 2])] == [
        ("CAM004", (), "The config is […], not a JSON object.",
         'Put the keys in one object: {"internalCameraName": "0", "cameraRotationAngle": 90}.')]


@pytest.mark.parametrize("config, expected", [
    ({"internalCameraName": "\udfff"},
     [("internalCameraName", 'internalCameraName "\\udfff" contains "\\udfff": half of a UTF-16 surrogate pair '
       "(a \\uD800-\\uDFFF escape without its partner), which is no character.")]),
    ({"internalCameraName": "a\x1b\x07", "usbSerialNumber": "\x00"},
     [("internalCameraName", 'internalCameraName "a\\u001b\\u0007" contains control characters ("\\u001b" "\\u0007"), '
       "which no camera id, USB path or serial number has."),
      ("usbSerialNumber", 'usbSerialNumber "\\u0000" contains control characters ("\\u0000"), '
       "which no camera id, USB path or serial number has.")]),
])
def test_control_characters_and_half_surrogates_are_named_in_each_text_key(config, expected):
    findings = [f for f in validate(config) if f.code == "CAM112"]
    assert [(f.keys[0], f.message) for f in findings] == expected
    assert findings[0].fix == f"Write {expected[0][0]} again without them; copy the value from camtool cameras."


def test_a_value_is_cut_only_past_48_characters():
    assert 'internalCameraName "' + "x" * 46 + '" is not a number.' in [f.message for f in validate({"internalCameraName": "x" * 46})]
    assert 'internalCameraName "' + "x" * 44 + "… is not a number." in [f.message for f in validate({"internalCameraName": "x" * 47})]
