"""The virtual device's state: which camera WMPF uses (docs/domain.md family rules), replug, apply."""

from __future__ import annotations

import threading

import pytest

from camtool.virtual.device_state import VirtualDeviceState
from camtool.virtual.scenario import load_scenario


def state(name: str) -> VirtualDeviceState:
    return VirtualDeviceState(load_scenario(name))


def active_after(name: str, config: dict | None):
    s = state(name)
    if config is not None:
        s.apply_config(config)
    return s.active_camera()


def test_without_a_config_wmpf_uses_the_first_back_camera():
    camera = active_after("tablet-a12", None)
    assert (camera.kind, camera.camera_id, camera.facing) == ("builtin", "0", "back")


def test_internal_camera_name_picks_that_built_in_camera():
    assert active_after("tablet-a12", {"internalCameraName": "1"}).camera_id == "1"


def test_legacy_camera_id_picks_the_built_in_camera_too():
    assert active_after("tablet-a12", {"cameraId": 1}).camera_id == "1"


@pytest.mark.parametrize("config", [
    {"internalCameraName": "back"},      # a facing word is not an id
    {"internalCameraName": "7"},         # no such camera
    {"cameraId": True},                  # a JSON true is not a camera number
])
def test_a_built_in_selection_that_matches_nothing_falls_back_to_the_default(config):
    assert active_after("tablet-a12", config).camera_id == "0"


def test_internal_camera_name_has_no_effect_before_wmpf_2():
    # legacy-a81 runs WMPF 1.2.4: the key is unknown to it.
    s = state("legacy-a81")
    s.apply_config({"internalCameraName": "0", "usbCameraName": "/dev/bus/usb/001/003"})
    assert s.active_camera().kind == "usb"         # USB keys exist from 1.1.0


def test_usb_path_selects_the_plugged_camera_with_its_own_mounting():
    camera = active_after("legacy-a81", {"usbCameraName": "/dev/bus/usb/001/003"})
    assert (camera.kind, camera.usb_path, camera.mounting.rotation) == ("usb", "/dev/bus/usb/001/003", 180)


def test_the_client_library_default_path_matches_nothing_so_the_built_in_camera_stays():
    camera = active_after("legacy-a81", {"usbCameraName": "/dev/bus/usb/002/007", "usbCameraPushFlip": True})
    assert camera.kind == "builtin"


def test_the_triple_tells_two_identical_cameras_apart_by_serial():
    triple = {"usbCameraVendorId": 0x0BDA, "usbCameraProductId": 0x5960}
    first = active_after("kiosk-dual-usb", {**triple, "usbSerialNumber": "200901010001"})
    second = active_after("kiosk-dual-usb", {**triple, "usbSerialNumber": "200901010002"})
    assert (first.usb_path, first.mounting.rotation) == ("/dev/bus/usb/001/004", 0)
    assert (second.usb_path, second.mounting.rotation) == ("/dev/bus/usb/001/005", 180)


def test_a_partial_triple_selects_nothing():
    # kiosk-dual-usb has no built-in camera: with no USB selection WMPF has no camera at all.
    camera = active_after("kiosk-dual-usb", {"usbCameraVendorId": 0x0BDA, "usbCameraProductId": 0x5960})
    assert camera.kind is None and camera.mounting is None


def test_a_triple_never_matches_a_camera_without_serial():
    camera = active_after("legacy-a81", {"usbCameraVendorId": 0x1908, "usbCameraProductId": 0x2310,
                                         "usbSerialNumber": ""})
    assert camera.kind == "builtin"


def test_the_audio_device_is_never_a_camera():
    camera = active_after("kiosk-dual-usb", {"usbCameraName": "/dev/bus/usb/001/006"})
    assert camera.kind is None


def test_an_external_hal_camera_is_usable_as_built_in_or_by_usb_keys():
    as_builtin = active_after("intercom-rk3588", {"internalCameraName": "111"})
    by_usb = active_after("intercom-rk3588", {"usbCameraName": "/dev/bus/usb/003/002"})
    assert (as_builtin.kind, as_builtin.usb_path) == ("builtin", "/dev/bus/usb/003/002")
    assert by_usb.kind == "usb"
    assert as_builtin.mounting == by_usb.mounting       # the same physical camera


def test_replug_counts_the_device_number_up_and_the_old_path_stops_matching():
    s = state("legacy-a81")
    s.apply_config({"usbCameraName": "/dev/bus/usb/001/003"})
    assert s.active_camera().kind == "usb"
    s.unplug_usb(0)
    assert s.active_camera().kind == "builtin"
    s.replug_usb(0)
    paths = [p.path for p in s.snapshot().plugged_usb]
    assert paths == ["/dev/bus/usb/001/004"]
    assert s.active_camera().kind == "builtin"         # the saved path is stale now
    s.replug_usb(0)                                     # replug without unplug: out and in again
    assert [p.dev for p in s.snapshot().plugged_usb] == [5]


def test_the_triple_survives_a_replug():
    s = state("kiosk-dual-usb")
    s.apply_config({"usbCameraVendorId": 0x0BDA, "usbCameraProductId": 0x5960, "usbSerialNumber": "200901010002"})
    s.unplug_usb(1)
    s.replug_usb(1)
    camera = s.active_camera()
    assert camera.kind == "usb" and camera.usb_path == "/dev/bus/usb/001/007"   # 6 is the sound card


def test_unplugging_the_external_hal_camera_removes_it_from_the_camera_list():
    s = state("intercom-rk3588")
    s.unplug_usb(0)
    assert s.snapshot().builtin_cameras == []
    assert s.active_camera().kind is None
    history = s.snapshot().connections
    assert [r.connected for r in history] == [True, False]


def test_a_bad_usb_index_is_a_clear_error():
    with pytest.raises(ValueError, match="no USB device number 3"):
        state("legacy-a81").unplug_usb(3)


def test_apply_counts_the_generation_and_keeps_its_own_copy():
    s = state("tablet-a12")
    config = {"internalCameraName": "1"}
    s.apply_config(config)
    config["internalCameraName"] = "0"
    snap = s.snapshot()
    assert snap.config == {"internalCameraName": "1"} and snap.config_generation == 1
    snap.config["internalCameraName"] = "0"
    assert s.snapshot().config == {"internalCameraName": "1"}
    with pytest.raises(TypeError):
        s.apply_config(["not", "an", "object"])


def test_concurrent_applies_are_all_counted():
    s = state("tablet-a12")
    threads = [threading.Thread(target=lambda: [s.apply_config({"cameraId": i}) for i in range(50)])
               for _ in range(4)]
    for t in threads:
        t.start()
    assert s.wait_for_generation(200, timeout=10)
    for t in threads:
        t.join()
    assert s.config_generation == 200


def test_wmpf_can_be_uninstalled_and_installed_again():
    s = state("tablet-a12")
    s.set_wmpf_installed(False)
    assert (s.snapshot().wmpf_installed, s.snapshot().wmpf_version) == (False, None)
    s.set_wmpf_installed(True)
    assert s.snapshot().wmpf_version == "2.1.2"
    fresh = state("tablet-no-wmpf")
    assert fresh.snapshot().wmpf_installed is False
