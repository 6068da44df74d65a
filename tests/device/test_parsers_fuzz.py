"""Any text in, no exception out: the parsers on random text and on mutated real output.

Besides not raising, what comes out must still be well-formed (ids unique, paths of the
`/dev/bus/usb/BBB/DDD` form, orientations 0..359), since the inventory trusts it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from camtool.device.device_rules import device_findings
from camtool.device.inventory import build_inventory
from camtool.device.parsers import (
    parse_dumpsys_usb,
    parse_getprop,
    parse_media_camera,
    parse_sysfs_dump,
    parse_sysfs_usb,
    parse_v4l_names,
    wmpf_version_name,
)

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
USB_PATH = re.compile(r"/dev/bus/usb/\d{3}/\d{3}")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _real_excerpt() -> str:
    """The parts of the real Redmi K30 dump that matter, small enough to mutate many times."""
    path = CAPTURES / "redmi-k30-media-camera.txt"
    if not path.is_file():  # the hand-written dump stands in when the shared folder is absent
        return (DUMPS / "media-camera-a12-hal3.txt").read_text(encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    keep = [*range(0, 20), *range(266, 380), *range(840, 850), *range(1655, 1680)]
    return "\n".join(lines[i] for i in keep if i < len(lines))


SEEDS = {
    "media": [_real_excerpt()] + [(DUMPS / n).read_text(encoding="utf-8") for n in (
        "media-camera-a12-hal3.txt", "media-camera-a9-external-mapsto.txt", "media-camera-hal1-a7.txt")],
    "usb": [(DUMPS / n).read_text(encoding="utf-8") for n in (
        "usb-a10-one-device.txt", "usb-a11-two-cameras-audio.txt", "usb-a81-host-state.txt")]
    + ([(CAPTURES / "mt8168-a13-dumpsys-usb-no-devices.txt").read_text(encoding="utf-8")]
       if (CAPTURES / "mt8168-a13-dumpsys-usb-no-devices.txt").is_file() else []),
    "sysfs": [(DUMPS / "sysfs-rk3588.txt").read_text(encoding="utf-8")],
    "misc": [(DUMPS / n).read_text(encoding="utf-8") for n in (
        "getprop-a12.txt", "package-wmpf.txt", "package-wmpf-updated-system.txt")],
}
JUNK = st.sampled_from(["{", "}", "[", "]", "=", "==", '"', "\r", "\t", "maps to", "==  ==", "null", "-1",
                        "Device 0 maps to \"", "[EXTERNAL ]", "UsbDevice[", "mClass=14", "devices={",
                        "host_manager={", "/dev/bus/usb/", ":", "\x00", "\u3000", "９９"])


@st.composite
def mutated(draw, kind: str) -> str:
    lines = draw(st.sampled_from(SEEDS[kind])).splitlines()
    for _ in range(draw(st.integers(0, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "cut", "truncate"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(st.one_of(JUNK, st.text(max_size=40))))
        elif op == "cut":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(JUNK) + lines[i][at:]
        else:
            lines = lines[:i]
    return "\n".join(lines)


def _well_formed_cameras(text: str) -> None:
    cameras = parse_media_camera(text)
    ids = [c.camera_id for c in cameras]
    assert len(ids) == len(set(ids)) and all(ids)
    for camera in cameras:
        assert camera.facing in (None, "back", "front", "external")
        assert camera.sensor_orientation is None or 0 <= camera.sensor_orientation < 360


def _well_formed_usb(devices) -> None:
    paths = [d.path for d in devices]
    assert len(paths) == len(set(paths))
    for device in devices:
        assert USB_PATH.fullmatch(device.path)
        assert all(v is None or 0 <= v <= 0xFFFF for v in (device.vendor_id, device.product_id))


@FUZZ
@given(st.text())
def test_any_text_into_every_parser(text):
    _well_formed_cameras(text)
    _well_formed_usb(parse_dumpsys_usb(text))
    _well_formed_usb(parse_sysfs_usb(parse_sysfs_dump(text)))
    parse_v4l_names(text)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in parse_getprop(text).items())
    assert wmpf_version_name(text) is None or isinstance(wmpf_version_name(text), str)


@FUZZ
@given(mutated("media"))
def test_mutated_camera_dumps(text):
    _well_formed_cameras(text)


@FUZZ
@given(mutated("usb"))
def test_mutated_usb_dumps(text):
    _well_formed_usb(parse_dumpsys_usb(text))


@FUZZ
@given(mutated("sysfs"))
def test_mutated_sysfs_dumps(text):
    _well_formed_usb(parse_sysfs_usb(parse_sysfs_dump(text)))
    for node in parse_v4l_names(text):
        assert node.usb_path is None or USB_PATH.fullmatch(node.usb_path)


@FUZZ
@given(st.dictionaries(st.one_of(st.text(max_size=30), st.from_regex(
    r"/sys/(bus/usb/devices/[0-9a-z:.-]{1,8}|class/video4linux/video[0-9]{1,2})/"
    r"(idVendor|idProduct|serial|busnum|devnum|bInterfaceClass|bDeviceClass|name|device/\.\./busnum)", fullmatch=True)),
    st.text(max_size=12), max_size=20))
def test_sysfs_files_dicts(files):
    _well_formed_usb(parse_sysfs_usb(files))
    parse_v4l_names(files)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers(-5, 70000) | st.text(max_size=25),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=6)
CONFIG_KEYS = st.sampled_from(["internalCameraName", "cameraId", "usbCameraName", "usbCameraVendorId",
                               "usbCameraProductId", "usbSerialNumber", "cameraRotationAngle", "usbCameraPushFlip"])


@FUZZ
@given(mutated("media"), mutated("usb"), mutated("sysfs"), mutated("misc"),
       st.dictionaries(CONFIG_KEYS, JSON_VALUES, max_size=5))
def test_inventory_and_device_findings_from_mutated_outputs(media, usb, sysfs, misc, config):
    inventory = build_inventory("S", misc, media, usb, sysfs_files=sysfs, package_text=misc)
    json.dumps(inventory.to_json())
    for finding in device_findings(config, inventory):
        assert finding.code.startswith("CAM6") and finding.message and finding.fix
