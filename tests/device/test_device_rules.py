"""Device-aware findings CAM6xx: each fires when it should and stays quiet when it should not."""

from __future__ import annotations

from pathlib import Path

import pytest

from camtool.config.findings import Severity
from camtool.config.rules_codes import DEVICE_RULES
from camtool.device.device_rules import device_findings
from camtool.device.inventory import build_inventory
from camtool.i18n import catalogue, set_language

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
WMPF_213 = "Packages:\n  Package [com.tencent.wmpf] (1):\n    versionName=2.1.3\n"
WMPF_105 = "Packages:\n  Package [com.tencent.wmpf] (1):\n    versionName=1.0.5\n"


def dump(name: str) -> str:
    return (DUMPS / name).read_text(encoding="utf-8")


def inventory(usb: str = "usb-a10-one-device.txt", media: str | None = "media-camera-a12-hal3.txt",
              package: str | None = WMPF_213, sysfs=None):
    return build_inventory("S", {}, dump(media) if media else None, dump(usb) if usb else None,
                           sysfs_files=sysfs, package_text=package)


def codes(config, inv) -> list[str]:
    return [f.code for f in device_findings(config, inv)]


def only(code, config, inv):
    found = [f for f in device_findings(config, inv) if f.code == code]
    assert len(found) == 1, [f.code for f in device_findings(config, inv)]
    return found[0]


# ---- CAM601 ----------------------------------------------------------------------------------

def test_cam601_builtin_id_that_does_not_exist_lists_the_ids_that_do():
    finding = only("CAM601", {"internalCameraName": "2"}, inventory())  # HAL device 2 is hidden
    assert finding.is_error and finding.keys == ("internalCameraName",)
    assert '"0", "1", "100"' in finding.message and '"0", "1", "100"' in finding.fix


def test_cam601_not_for_an_existing_id_or_a_legacy_index():
    assert "CAM601" not in codes({"internalCameraName": "100"}, inventory())
    assert "CAM601" not in codes({"cameraId": 2}, inventory())  # third public camera (Camera1 numbering)
    assert "CAM601" in codes({"cameraId": 7}, inventory())


def test_cam601_not_when_the_camera_dump_was_not_read():
    assert "CAM601" not in codes({"internalCameraName": "5"}, inventory(media=None))


def test_cam601_device_without_any_builtin_camera():
    inv = build_inventory("S", {}, 'Number of camera devices: 0\n', None)
    finding = only("CAM601", {"internalCameraName": "0"}, inv)
    assert "lists no built-in camera" in finding.message


# ---- CAM602 / CAM603 -------------------------------------------------------------------------

def test_cam602_stale_path_after_replug_names_the_camera_it_probably_meant():
    finding = only("CAM602", {"usbCameraName": "/dev/bus/usb/001/003"}, inventory())
    assert finding.is_error
    assert "/dev/bus/usb/001/004" in finding.message and "replugged" in finding.message
    assert "/dev/bus/usb/001/004" in finding.fix


def test_cam602_not_for_the_connected_path():
    assert codes({"usbCameraName": "/dev/bus/usb/001/004"}, inventory()) == []


def test_cam602_with_no_usb_camera_says_to_connect_one():
    finding = only("CAM602", {"usbCameraName": "/dev/bus/usb/002/007"}, inventory(usb="usb-a11-two-cameras-audio.txt", sysfs={}))
    assert "/dev/bus/usb/003/005" in finding.fix and "/dev/bus/usb/003/007" in finding.fix  # two: no single guess
    empty = build_inventory("S", {}, None, "{\n host_manager={\n }\n}\n")
    assert "connect" in only("CAM602", {"usbCameraName": "/dev/bus/usb/002/007"}, empty).fix


def test_cam603_path_of_a_device_that_is_not_a_camera():
    finding = only("CAM603", {"usbCameraName": "/dev/bus/usb/003/006"}, inventory(usb="usb-a11-two-cameras-audio.txt"))
    assert "USB PnP Sound Device" in finding.message
    assert "CAM603" not in codes({"usbCameraName": "/dev/bus/usb/003/007"}, inventory(usb="usb-a11-two-cameras-audio.txt"))


# ---- CAM604 / CAM605 -------------------------------------------------------------------------

def triple(vendor, product, serial):
    return {"usbCameraVendorId": vendor, "usbCameraProductId": product, "usbSerialNumber": serial}


def test_cam604_triple_with_another_serial_points_to_the_camera_with_the_same_ids():
    finding = only("CAM604", triple(3034, 22880, "000000000000"), inventory())
    assert '"200901010001"' in finding.fix and "/dev/bus/usb/001/004" in finding.fix


def test_cam604_hex_digits_written_as_decimal():
    # lsusb shows 1133:2085; the config copied those digits as decimal numbers
    inv = build_inventory("S", {}, None, None, sysfs_files={
        "/sys/bus/usb/devices/1-1/idVendor": "1133", "/sys/bus/usb/devices/1-1/idProduct": "2085",
        "/sys/bus/usb/devices/1-1/busnum": "1", "/sys/bus/usb/devices/1-1/devnum": "9",
        "/sys/bus/usb/devices/1-1:1.0/bInterfaceClass": "0e"})
    finding = only("CAM604", triple(1133, 2085, "X"), inv)
    assert "4403 and 8325" in finding.fix  # 0x1133, 0x2085
    assert "hex" not in only("CAM604", triple(1133, 2085, "X"), inventory()).fix  # ids unrelated: no such advice


def test_cam604_not_for_the_connected_triple():
    assert codes(triple(3034, 22880, "200901010001"), inventory()) == []


def test_cam605_triple_shared_by_two_cameras():
    finding = only("CAM605", triple(1133, 2085, "SN0001"), inventory(usb="usb-a11-two-cameras-audio.txt"))
    assert finding.is_error and "usbCameraName" in finding.fix
    assert "/dev/bus/usb/003/005" in finding.message and "/dev/bus/usb/003/007" in finding.message
    assert "CAM605" not in codes(triple(3034, 22880, "200901010001"), inventory())


def test_usb_rules_quiet_when_usb_was_not_read():
    assert codes({"usbCameraName": "/dev/bus/usb/009/009"}, inventory(usb=None)) == []


# ---- CAM606 / CAM607 -------------------------------------------------------------------------

def test_cam606_installed_wmpf_older_than_the_keys_need():
    found = [f for f in device_findings({"internalCameraName": "0", "cameraRotationAngle": 90},
                                        inventory(package=WMPF_105)) if f.code == "CAM606"]
    assert [f.keys for f in found] == [("internalCameraName",), ("cameraRotationAngle",)]
    assert "2.0.0" in found[0].message and "1.0.5" in found[0].message
    assert "assumed" in found[1].message  # cameraRotationAngle's gate is inferred


def test_cam606_not_when_wmpf_is_new_enough_or_unknown():
    assert "CAM606" not in codes({"internalCameraName": "0"}, inventory(package=WMPF_213))
    assert "CAM606" not in codes({"internalCameraName": "0"}, inventory(package=None))
    junk = "Packages:\n  Package [com.tencent.wmpf] (1):\n    versionName=beta\n"
    assert "CAM606" not in codes({"internalCameraName": "0"}, inventory(package=junk))


def test_cam607_wmpf_not_installed():
    finding = only("CAM607", {"internalCameraName": "0"}, inventory(package=dump("package-wmpf-missing.txt")))
    assert finding.severity is Severity.WARNING and "com.tencent.wmpf" in finding.message
    assert "CAM607" not in codes({"internalCameraName": "0"}, inventory(package=None))  # not read: say nothing
    assert "CAM607" not in codes({"uiZoom": 1}, inventory(package=dump("package-wmpf-missing.txt")))


# ---- CAM608 ----------------------------------------------------------------------------------

def test_cam608_usb_camera_plugged_in_while_builtin_selected():
    finding = only("CAM608", {"internalCameraName": "0"}, inventory())
    assert finding.severity is Severity.INFO and "/dev/bus/usb/001/004" in finding.fix


def test_cam608_not_when_the_builtin_choice_is_that_usb_camera_or_none_is_plugged():
    # "100" is the USB camera behind the external HAL (matched in the inventory)
    assert "CAM608" not in codes({"internalCameraName": "100"}, inventory())
    no_usb = build_inventory("S", {}, dump("media-camera-a12-hal3.txt"), "{\n host_manager={\n }\n}\n")
    assert "CAM608" not in codes({"internalCameraName": "0"}, no_usb)
    assert "CAM608" not in codes({"usbCameraName": "/dev/bus/usb/001/004"}, inventory())


# ---- all ------------------------------------------------------------------------------------

def test_every_code_in_the_table_has_chinese_title_and_messages_translate():
    zh = catalogue("zh")
    assert all(rule.code.startswith("CAM6") and rule.title_source in zh for rule in DEVICE_RULES)
    finding = only("CAM602", {"usbCameraName": "/dev/bus/usb/001/003"}, inventory())
    set_language("zh")
    assert "/dev/bus/usb/001/004" in finding.message and "设备路径" in finding.message


@pytest.mark.parametrize("config", [None, [], "x", {"usbCameraName": 5}, {"internalCameraName": None},
                                    {"usbCameraVendorId": True, "usbCameraProductId": 1, "usbSerialNumber": "x"}])
def test_bad_config_values_give_no_exception(config):
    assert isinstance(device_findings(config, inventory()), list)


def test_no_conclusions_from_an_unreadable_dump():
    broken = build_inventory("S", {}, "Can't find service: media.camera\n", "Can't find service: usb\n")
    assert codes({"internalCameraName": "3"}, broken) == []
    assert codes({"usbCameraName": "/dev/bus/usb/001/001"}, broken) == []


def test_cam602_vendor_and_product_beside_the_path_pick_the_camera_it_meant():
    inv = build_inventory("S", {}, None, dump("usb-a81-host-state.txt"))  # two cameras on bus 001
    config = {"usbCameraName": "/dev/bus/usb/001/009", "usbCameraVendorId": 7119, "usbCameraProductId": 9296}
    finding = only("CAM602", config, inv)
    assert "/dev/bus/usb/001/003" in finding.message and "probably" in finding.message
    assert "probably" not in only("CAM602", {"usbCameraName": "/dev/bus/usb/001/009"}, inv).message  # two: no guess
