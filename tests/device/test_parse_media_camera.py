"""`dumpsys media.camera` -> public built-in cameras: real captures and hand-written dumps of every trap."""

from __future__ import annotations

from pathlib import Path

import pytest

from camtool.device.parsers import parse_media_camera
from shared_captures import read_shared_capture

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"

# captures/README.md: the Redmi K30's public cameras (HAL devices 4-7 are hidden).
REDMI_K30 = [("0", "back", 90), ("1", "front", 270), ("2", "back", 90),
             ("3", "back", 90), ("8", "back", 90), ("9", "front", 270)]


def dump(name: str) -> str:
    return (DUMPS / name).read_text(encoding="utf-8")


def capture(name: str) -> str:
    return read_shared_capture(name)


def summary(text: str) -> list[tuple[str, str | None, int | None]]:
    return [(c.camera_id, c.facing, c.sensor_orientation) for c in parse_media_camera(text)]


@pytest.mark.parametrize("name", ["redmi-k30-media-camera.txt", "redmi-k30-media-camera-windows-console.txt"])
def test_real_redmi_k30_lists_only_public_ids_with_facing_and_orientation(name):
    cameras = parse_media_camera(capture(name))
    assert [(c.camera_id, c.facing, c.sensor_orientation) for c in cameras] == REDMI_K30
    assert all(c.hal == "legacy" and not c.external for c in cameras)
    # `Device 4 maps to "8"`: the id is the quoted string, and its data is HAL device 8's
    assert cameras[4].hal_device == "device@3.5/legacy/8"


def test_hidden_hal_devices_are_not_listed():
    ids = [c.camera_id for c in parse_media_camera(capture("redmi-k30-media-camera.txt"))]
    assert not {"4", "5", "6", "7"} & set(ids)


def test_android12_dump_with_external_hal_and_hidden_device():
    cameras = {c.camera_id: c for c in parse_media_camera(dump("media-camera-a12-hal3.txt"))}
    assert list(cameras) == ["0", "1", "100"]  # HAL device legacy/2 has no `maps to` line
    assert (cameras["1"].facing, cameras["1"].sensor_orientation) == ("front", 90)  # a front camera at 90 exists
    external = cameras["100"]
    # API1 says Front (EXTERNAL maps to Front by design); android.lens.facing says EXTERNAL
    assert external.facing == "external" and external.external and external.hal == "external"
    assert not cameras["0"].external


def test_vendor_sections_and_previous_session_tail_do_not_change_facts():
    cameras = {c.camera_id: c for c in parse_media_camera(dump("media-camera-a12-hal3.txt"))}
    # a vendor `== ... ==` section prints "Facing: Front / Orientation: 180"; the tail repeats
    # camera 0 as Front 270 and adds a `maps to "7"` line: none of it is current
    assert (cameras["0"].facing, cameras["0"].sensor_orientation) == ("back", 90)
    assert "7" not in cameras


def test_android9_external_hal_uses_the_v4l2_node_as_id():
    cameras = parse_media_camera(dump("media-camera-a9-external-mapsto.txt"))
    assert [c.camera_id for c in cameras] == ["0", "/dev/video0"]
    usb = cameras[1]
    assert usb.hal_device == "device@3.4/external//dev/video0"
    assert (usb.facing, usb.external, usb.video_node) == ("external", True, "/dev/video0")


def test_before_android10_every_listed_device_is_public():
    cameras = parse_media_camera(dump("media-camera-a9-no-mapsto.txt"))
    assert [c.camera_id for c in cameras] == ["0", "/dev/video2"]
    assert cameras[0].facing == "front" and cameras[0].sensor_orientation == 270
    # no android.lens.facing in the external block: the external provider says it all
    assert cameras[1].facing == "external" and cameras[1].sensor_orientation == 0


def test_hal1_camera_information_blocks():
    assert summary(dump("media-camera-hal1-a7.txt")) == [("0", "back", 90), ("1", "front", 270)]
    assert all(c.hal is None for c in parse_media_camera(dump("media-camera-hal1-a7.txt")))


def test_android5_static_information_after_a_shell_prompt():
    assert summary(dump("media-camera-hal1-a5.txt")) == [("0", "front", 0)]


def test_crlf_line_ends_and_blank_lines_between_key_and_value():
    text = dump("media-camera-a12-hal3.txt").replace("\n", "\r\n\r\n")
    assert summary(text) == [("0", "back", 90), ("1", "front", 90), ("100", "external", 0)]


def test_public_id_without_static_block_is_listed_with_unknown_facts():
    text = 'Number of camera devices: 1\n    Device 0 maps to "5"\n'
    cameras = parse_media_camera(text)
    assert [(c.camera_id, c.facing, c.sensor_orientation, c.hal) for c in cameras] == [("5", None, None, None)]


def test_instance_suffix_on_hal_device_still_matches_the_public_id():
    text = ('    Device 0 maps to "0"\n'
            "== Camera HAL device device@3.4/external/0-0 (v3.4) static information: ==\n"
            "      android.lens.facing (80005): byte[1]\n        [EXTERNAL ]\n"
            "      android.sensor.orientation (e000e): int32[1]\n        [180 ]\n")
    assert summary(text) == [("0", "external", 180)]


def test_nothing_recognisable_gives_no_cameras():
    assert parse_media_camera("Can't find service: media.camera\n") == []
    assert parse_media_camera("") == []


def test_vendor_lines_that_look_like_hal1_headers_add_no_camera():
    text = dump("media-camera-a9-no-mapsto.txt") + "  Camera characteristics information:\n    Facing: BACK\n"
    assert [c.camera_id for c in parse_media_camera(text)] == ["0", "/dev/video2"]


def _hal3_block(device: str, facing: str, orientation: str, api1: str = "") -> str:
    return (f"== Camera HAL device device@3.4/legacy/{device} (v3.4) static information: ==\n"
            f"      android.lens.facing (80005): byte[1]\n        [{facing} ]\n"
            f"      android.sensor.orientation (e000e): int32[1]\n        [{orientation} ]\n" + api1)


def test_android_lens_facing_alone_gives_the_facing():
    text = '    Device 0 maps to "0"\n' + _hal3_block("0", "FRONT", "270")
    assert summary(text) == [("0", "front", 270)]


def test_android_lens_facing_wins_over_the_api1_line():
    text = '    Device 0 maps to "0"\n' + _hal3_block("0", "BACK", "90", "    Facing: Front\n    Orientation: 180\n")
    assert summary(text) == [("0", "back", 90)]


@pytest.mark.parametrize("orientation, read", [("0", 0), ("359", 359), ("360", None), ("-90", None), ("ninety", None)])
def test_an_orientation_outside_0_to_359_is_unknown(orientation, read):
    text = '    Device 0 maps to "0"\n' + _hal3_block("0", "BACK", orientation)
    assert summary(text) == [("0", "back", read)]


def test_an_api1_orientation_fills_in_when_android_sensor_orientation_is_unreadable():
    text = "  Camera 0 information:\n    Facing: Back\n    Orientation: 360\n  Camera 1 information:\n    Facing: Front\n    Orientation: 270\n"
    assert summary(text) == [("0", "back", None), ("1", "front", 270)]


def test_dynamic_info_ids_are_listed_in_order_without_repeats():
    text = ("== Camera device 1 dynamic info: ==\n== Camera device 0 dynamic info: ==\n"
            "== Camera device 1 dynamic info: ==\n")
    assert [c.camera_id for c in parse_media_camera(text)] == ["1", "0"]


def test_after_the_previous_sessions_end_marker_the_current_dump_is_read_again():
    text = ("Dumpsys from previous open session\n" + _hal3_block("0", "FRONT", "270")
            + "End of Dumpsys from previous open session\n\n" + _hal3_block("0", "BACK", "90")
            + _hal3_block("1", "FRONT", "270"))
    assert summary(text) == [("0", "back", 90), ("1", "front", 270)]


def test_blank_lines_and_trailing_spaces_do_not_end_the_dump():
    text = ('    Device 0 maps to "0"   \n\n    Device 1 maps to "1"\n\n'
            + _hal3_block("0", "BACK", "90") + "\n   \n" + _hal3_block("1", "FRONT", "270"))
    assert summary(text) == [("0", "back", 90), ("1", "front", 270)]


def test_a_cameras_first_static_block_is_the_one_read_when_it_repeats():
    text = '    Device 0 maps to "0"\n' + _hal3_block("0", "BACK", "90") + _hal3_block("0", "FRONT", "270")
    assert summary(text) == [("0", "back", 90)]


def test_an_empty_bracketed_value_is_unknown_not_an_error():
    text = ('    Device 0 maps to "0"\n== Camera HAL device device@3.4/legacy/0 (v3.4) static information: ==\n'
            "      android.lens.facing (80005): byte[0]\n        [ ]\n"
            "      android.sensor.orientation (e000e): int32[0]\n        []\n")
    assert summary(text) == [("0", None, None)]
