"""`dumpsys media.camera` as the scenario's Android release prints it (docs/domain.md, Seeing cameras over adb).

Three generations: HAL1 era (Android 7 and older: `Camera N information:`), HAL3 without
`Device N maps to` lines (Android 8-9: every HAL device is public, and Android 9's external HAL
names cameras after the node, `device@3.4/external//dev/video0`), and HAL3 with `maps to` lines
(Android 10+). The traps real devices have are reproduced on purpose: hidden HAL devices with
static blocks, API1 `Facing: Front` for EXTERNAL cameras, `0 devices` provider headers, vendor
sections with `== ... ==` lines. Device output is never translated.
"""

from __future__ import annotations

from camtool.virtual.device_state import DeviceSnapshot
from camtool.virtual.scenario import BuiltinCamera

_HAL1_MAX_SDK = 25        # Android 7.1: the last release whose camera service printed HAL1 blocks
_MAPS_TO_MIN_SDK = 29     # Android 10: `Device N maps to "ID"` lines
_API1_COUNT_MIN_SDK = 30  # Android 11: "Number of public camera devices visible to API1"

_LENS_FACING = {"back": "BACK", "front": "FRONT", "external": "EXTERNAL"}
# API1 has no EXTERNAL: the camera service reports such cameras as Front (by design).
_API1_FACING = {"back": "Back", "front": "Front", "external": "Front"}


def _versions(sdk: int, hal: str) -> tuple[str, str]:
    """(provider version, device version) a release of that SDK ships."""
    if hal == "external" or sdk <= 28:
        return ("2.4", "3.4") if sdk >= 28 else ("2.4", "3.3")
    return {29: ("2.5", "3.5"), 30: ("2.6", "3.6")}.get(sdk, ("2.7", "3.7"))


def dumpsys_media_camera(snap: DeviceSnapshot) -> str:
    sdk = snap.scenario.device.sdk
    if sdk <= _HAL1_MAX_SDK:
        return _hal1(snap)
    return _hal3(snap)


def _events(snap: DeviceSnapshot, ids: list[str]) -> list[str]:
    lines = ["== Camera service events log (most recent at top): =="]
    if snap.wmpf_installed and ids:
        camera = snap.active_camera.camera_id if snap.active_camera.camera_id in ids else ids[0]
        # Stable timestamps keep outputs comparable between runs (capture/replay round trips).
        lines += [f"  11-25 09:41:07 : DISCONNECT device {camera} client for package com.tencent.wmpf (PID 4121)",
                  f"  11-25 09:40:52 : CONNECT device {camera} client for package com.tencent.wmpf (PID 4121)"]
    lines.append("")
    return lines


def _hidden_ids(snap: DeviceSnapshot) -> list[str]:
    numeric = [int(c.id) for c in snap.scenario.builtin_cameras if c.id.isdigit()]
    start = max(numeric, default=-1) + 1
    return [str(start + i) for i in range(snap.scenario.device.hidden_hal_devices)]


def _hal3(snap: DeviceSnapshot) -> str:
    sdk = snap.scenario.device.sdk
    cameras = snap.builtin_cameras
    hidden = _hidden_ids(snap)
    public_ids = [c.id for c in cameras]
    lines = ["", "== Service global info: ==", "",
             f"Number of camera devices: {len(cameras) + len(hidden)}",
             f"Number of normal camera devices: {len(cameras)}"]
    if sdk >= _API1_COUNT_MIN_SDK:
        lines.append(f"Number of public camera devices visible to API1: {len(cameras)}")
    if sdk >= _MAPS_TO_MIN_SDK:
        lines += [f"    Device {n} maps to \"{cid}\"" for n, cid in enumerate(public_ids)]
    lines += ["Active Camera Clients:", "[]", "Allowed user IDs: 0", ""]
    lines += _events(snap, public_ids)
    # Before Android 10 the hidden devices would be public; vendors of that era hid nothing.
    all_ids = public_ids + (hidden if sdk >= _MAPS_TO_MIN_SDK else [])
    for cid in all_ids:
        lines += [f"== Camera device {cid} dynamic info: ==", f"  Device {cid} is closed, no client instance"]
    providers: dict[str, list[BuiltinCamera | str]] = {}
    for camera in snap.scenario.builtin_cameras:
        providers.setdefault(camera.hal, [])
        if camera in cameras:
            providers[camera.hal].append(camera)
    if sdk >= _MAPS_TO_MIN_SDK and hidden:
        providers.setdefault("legacy", []).extend(hidden)
    for hal, members in providers.items():
        provider_version, device_version = _versions(sdk, hal)
        lines.append(f"== Camera Provider HAL {hal}/0 (v{provider_version}, remote) static info: "
                     f"{len(members)} devices: ==")
        for member in members:
            if isinstance(member, str):
                # A hidden (vendor) device: static block like any other, but no public id.
                member = BuiltinCamera(id=member, facing="back", sensor_orientation=90, hal=hal)
            lines += _hal3_device(member, hal, device_version)
    lines += ["", "== Vendor tags: ==", "",
              "  Dumping vendor tag descriptors for vendor with id 3854507339",
              "  Dumping configured vendor tag descriptors: 2 entries",
              "    0x80000000 (private_property) with type 0 (byte) defined in section org.codeaurora.qcamera3.internal_private",
              "    0x80010000 (exposure_metering_mode) with type 1 (int32) defined in section org.codeaurora.qcamera3.exposure_metering",
              "", "== Camera error traces (0): ==", "  No camera traces collected.", ""]
    return "\n".join(lines)


def _hal3_device(camera: BuiltinCamera, hal: str, version: str) -> list[str]:
    name = f"device@{version}/{hal}/{camera.id}"
    level = "EXTERNAL" if camera.facing == "external" else "LIMITED"
    flash = "false" if camera.facing != "back" else "true"
    entries = [
        ("android.control.aeAvailableModes (10013): byte[4]", ["[0 1 2 3 ]"]),
        ("android.lens.facing (80005): byte[1]", [f"[{_LENS_FACING[camera.facing]} ]"]),
        ("android.scaler.availableStreamConfigurations (d000a): int32[12]",
         ["[35 1920 1080 OUTPUT ]", "[35 1280 720 OUTPUT ]", "[33 1920 1080 OUTPUT ]"]),
        ("android.sensor.orientation (e000e): int32[1]", [f"[{camera.sensor_orientation} ]"]),
        ("android.info.supportedHardwareLevel (150000): byte[1]", [f"[{level} ]"]),
    ]
    lines = [f"== Camera HAL device {name} (v{version}) static information: ==",
             "  Resource cost: 50", "  Conflicting devices: None",
             "  API1 info:", f"    Has a flash unit: {flash}",
             f"    Facing: {_API1_FACING[camera.facing]}", f"    Orientation: {camera.sensor_orientation}",
             "  API2 camera characteristics:",
             f"    Dumping camera metadata array: {len(entries)} / {len(entries)} entries, 0 / 0 bytes of extra data.",
             "", "      Version: 1, Flags: 00000000"]
    for key, values in entries:
        lines.append(f"      {key}")
        lines += [f"        {v}" for v in values]
    lines += [f"== Camera HAL device {name} (v{version}) dumpState: =="]
    if hal == "external":
        lines.append("No active camera device session instance")
    else:
        # Vendors print their own headed sections inside a device dump: a parser must read past them.
        lines += ["== Sensor module info ==", "  module: s5k3l6 / otp: valid",
                  "No active camera device session instance"]
    return lines


def _hal1(snap: DeviceSnapshot) -> str:
    sdk = snap.scenario.device.sdk
    cameras = snap.builtin_cameras
    header = "static information" if sdk <= 22 else "information"   # Android 4-5 vs 6-7
    lines = ["Camera module HAL API version: 0x100", "Camera module API version: 0x204",
             "Camera module name: QCamera Module", "Camera module author: Qualcomm Innovation Center Inc",
             f"Number of camera devices: {len(cameras)}",
             f"Number of normal camera devices: {len(cameras)}",
             "Active Camera Clients:", "[]", "Allowed user IDs: 0", ""]
    lines += _events(snap, [c.id for c in cameras])
    for n, camera in enumerate(cameras):
        facing = "FRONT" if camera.facing == "front" else "BACK"
        lines += [f"Camera {n} {header}:", f"  Facing: {facing}", f"  Orientation: {camera.sensor_orientation}",
                  "  Resource cost: 100", "  Conflicting devices: NONE", "  Device version: 0x100",
                  f"  Device {n} is closed, no client instance"]
    lines.append("")
    return "\n".join(lines)
