"""What the virtual device answers: real formats per Android generation, sysfs, getprop, am apply."""

from __future__ import annotations

import base64
import re
import shlex

import pytest

from camtool.device.inventory import INVENTORY_COMMANDS, build_inventory_from_outputs
from camtool.config.apply_contract import APPLY_ACTION, apply_broadcast_argv, decode_config, encode_config
from camtool.virtual.commands import answer
from camtool.virtual.device_state import VirtualDeviceState
from camtool.virtual.scenario import list_scenarios, load_scenario


def state(name: str) -> VirtualDeviceState:
    return VirtualDeviceState(load_scenario(name))


def out(s: VirtualDeviceState, command: str, role: str = "device") -> str:
    result = answer(s, shlex.split(command), role)
    assert result is not None, command
    return result.stdout.decode("utf-8")


# -- dumpsys media.camera --

def test_android_12_lists_public_ids_with_maps_to_lines_and_hides_the_vendor_device():
    text = out(state("tablet-a12"), "dumpsys media.camera")
    assert re.findall(r'Device (\d+) maps to "([^"]+)"', text) == [("0", "0"), ("1", "1")]
    assert "Number of camera devices: 3" in text                  # one hidden HAL device
    assert "device@3.7/legacy/2 (v3.7) static information" in text
    assert "[BACK ]" in text and "[FRONT ]" in text


def test_the_external_hal_camera_says_external_in_api2_and_front_in_api1():
    text = out(state("intercom-rk3588"), "dumpsys media.camera")
    assert 'Device 0 maps to "111"' in text
    assert "device@3.4/external/111" in text
    block = text.split("device@3.4/external/111 (v3.4) static information")[1]
    assert "Facing: Front" in block and "[EXTERNAL ]" in block


def test_android_9_has_no_maps_to_lines_and_names_the_external_camera_after_its_node():
    text = out(state("intercom-a9"), "dumpsys media.camera")
    assert "maps to" not in text
    assert "== Camera device /dev/video0 dynamic info: ==" in text
    assert "device@3.4/external//dev/video0" in text


def test_android_8_1_prints_hal3_blocks_without_maps_to_lines():
    text = out(state("legacy-a81"), "dumpsys media.camera")
    assert "maps to" not in text and "device@3.3/legacy/0" in text


def test_android_7_prints_hal1_camera_information_blocks():
    text = out(state("learning-a7"), "dumpsys media.camera")
    assert "Camera 0 information:\n  Facing: BACK\n  Orientation: 90" in text
    assert "Camera 1 information:\n  Facing: FRONT\n  Orientation: 90" in text
    assert "static information" not in text and "maps to" not in text


def test_an_unplugged_external_camera_leaves_a_provider_with_0_devices():
    s = state("intercom-rk3588")
    s.unplug_usb(0)
    text = out(s, "dumpsys media.camera")
    assert "static info: 0 devices: ==" in text and "maps to" not in text


# -- dumpsys usb --

def test_android_9_plus_tree_has_one_device_block_and_misleading_other_sections():
    text = out(state("intercom-rk3588"), "dumpsys usb")
    host = text.split("  host_manager={")[1].split("\n  port_manager=")[0]
    assert "    devices={\n      name=/dev/bus/usb/003/002\n      vendor_id=3141\n      product_id=25446" in host
    assert "serial_number=SN20231108A2" in host and "class=14" in host
    # outside host_manager: filters with vendor_id=-1 and permissions naming a path
    assert "vendor_id=-1" in text.split("settings_manager")[1]
    assert "device_name=/dev/bus/usb/003/002" in text


def test_two_devices_print_as_a_list_and_a_gone_device_stays_in_the_history():
    s = state("kiosk-dual-usb")
    s.unplug_usb(1)
    text = out(s, "dumpsys usb")
    host = text.split("  host_manager={")[1].split("\n  port_manager=")[0]
    devices = host.split("    devices=[")[1].split("\n    ]\n")[0]
    assert re.findall(r"name=(/dev/bus/usb/\S+)", devices) == ["/dev/bus/usb/001/004", "/dev/bus/usb/001/006"]
    assert "device_address=/dev/bus/usb/001/005" in host          # history of the unplugged camera
    assert devices.count("serial_number=null") == 1               # the sound card


def test_android_8_1_prints_usb_host_state_lines_with_null_serial():
    text = out(state("legacy-a81"), "dumpsys usb")
    lines = text.split("  USB Host State:\n")[1].splitlines()
    assert lines[0].startswith("    /dev/bus/usb/001/003: UsbDevice[mName=/dev/bus/usb/001/003,mVendorId=6408,"
                               "mProductId=8976,")
    assert "mSerialNumber=null,mConfigurations=[" in lines[0]
    assert any("mClass=14" in line and line.lstrip().startswith("UsbInterface[") for line in lines)


def test_replug_changes_the_path_in_every_output():
    s = state("legacy-a81")
    s.replug_usb(0)
    assert "/dev/bus/usb/001/004: UsbDevice[" in out(s, "dumpsys usb")
    assert out(s, "cat /sys/bus/usb/devices/1-1/devnum") == "4\n"


# -- sysfs --

def test_sysfs_has_hex_ids_decimal_numbers_and_no_serial_file_without_serial():
    s = state("legacy-a81")
    assert out(s, "cat /sys/bus/usb/devices/1-1/idVendor /sys/bus/usb/devices/1-1/idProduct") == "1908\n2310\n"
    assert out(s, "cat /sys/bus/usb/devices/1-1/busnum /sys/bus/usb/devices/1-1/devnum") == "1\n3\n"
    missing = answer(s, ["cat", "/sys/bus/usb/devices/1-1/serial"])
    assert missing.exit_code == 1 and b"No such file or directory" in missing.stderr
    assert out(s, "ls /sys/bus/usb/devices").split() == ["1-0:1.0", "1-1", "1-1:1.0", "1-1:1.1", "usb1"]
    assert out(s, "cat /sys/bus/usb/devices/1-1:1.0/bInterfaceClass") == "0e\n"


def test_video4linux_lists_soc_pipeline_nodes_and_two_nodes_per_uvc_camera():
    s = state("intercom-rk3588")
    names = out(s, "cat /sys/class/video4linux/*/name").splitlines()
    assert "rkcif_mipi_lvds" in names and "stream_cif_mipi_id0" in names
    assert names.count("USB 2.0 Camera: USB 2.0 Camera") == 2
    # the node links to its USB device, as the kernel's `device` symlink does
    assert out(s, "cat /sys/class/video4linux/video11/device/../devnum") == "2\n"


def test_the_device_layer_s_grep_dump_reads_every_attribute_in_one_command():
    s = state("kiosk-dual-usb")
    result = answer(s, shlex.split("grep -H . /sys/bus/usb/devices/*/serial /sys/bus/usb/devices/*/idVendor"))
    lines = result.stdout.decode().splitlines()
    assert "/sys/bus/usb/devices/1-1/serial:200901010001" in lines
    assert "/sys/bus/usb/devices/1-2/serial:200901010002" in lines
    assert "/sys/bus/usb/devices/1-3/idVendor:0d8c" in lines
    assert not any(line.startswith("/sys/bus/usb/devices/1-3/serial") for line in lines)


# -- getprop, package, wm --

def test_getprop_all_and_single_for_both_ends():
    s = state("intercom-rk3588")
    everything = out(s, "getprop")
    assert "[ro.product.model]: [IC-3588 Intercom]\n" in everything
    assert "[ro.build.version.sdk]: [31]\n" in everything
    keys = re.findall(r"^\[([^\]]+)\]: \[", everything, re.M)
    assert keys == sorted(keys)
    assert out(s, "getprop ro.build.version.release") == "12\n"
    assert out(s, "getprop no.such.prop") == "\n"
    assert out(s, "getprop ro.product.model", role="wechat") == "Pixel 7\n"


def test_dumpsys_package_gives_the_wmpf_version_or_says_it_is_not_installed():
    assert "    versionName=2.1.2\n" in out(state("tablet-a12"), "dumpsys package com.tencent.wmpf")
    missing = out(state("tablet-no-wmpf"), "dumpsys package com.tencent.wmpf")
    assert "Unable to find package: com.tencent.wmpf" in missing and "versionName=" not in missing
    assert "versionName=" not in out(state("tablet-a12"), "dumpsys package com.tencent.wmpf", role="wechat")


def test_wm_size_and_pm_follow_the_scenario():
    s = state("tablet-a12")
    assert out(s, "wm size") == "Physical size: 1280x800\n"
    assert "package:com.tencent.wmpf\n" in out(s, "pm list packages")
    assert out(s, "pm list packages doorbell") == "package:com.example.doorbell\n"


def test_commands_this_module_does_not_know_are_left_to_the_shell():
    s = state("tablet-a12")
    assert answer(s, ["reboot"]) is None
    assert answer(s, []) is None
    result = answer(s, ["dumpsys", "nosuchservice"])
    assert b"Can't find service: nosuchservice" in result.stderr


# -- apply (docs/architecture.md, Apply to device) --

def test_apply_changes_state_and_answers_like_am():
    s = state("tablet-a12")
    result = answer(s, apply_broadcast_argv("com.example.doorbell", {"internalCameraName": "1"}))
    assert result.stdout.decode() == (
        "Broadcasting: Intent { act=com.camtool.APPLY_CONFIG flg=0x400000 pkg=com.example.doorbell (has extras) }\n"
        'Broadcast completed: result=1, data="applied"\n')
    snap = s.snapshot()
    assert snap.config == {"internalCameraName": "1"} and snap.config_generation == 1
    assert snap.active_camera.camera_id == "1"


@pytest.mark.parametrize("argv", [
    ["am", "broadcast", "-a", APPLY_ACTION, "--es", "config_b64", encode_config({"cameraId": 1})],
    apply_broadcast_argv("com.other.app", {"cameraId": 1}),
    ["am", "broadcast", "-a", "com.camtool.OTHER", "-p", "com.example.doorbell", "--es", "config_b64", "e30="],
])
def test_no_receiver_answers_result_0_without_data_and_nothing_changes(argv):
    s = state("tablet-a12")
    text = answer(s, argv).stdout.decode()
    assert text.endswith("Broadcast completed: result=0\n")
    assert s.config_generation == 0


@pytest.mark.parametrize("value,words", [
    ("not*base64", "Bad base64"),
    (base64.b64encode(b"{nope").decode(), "Bad JSON"),
    (base64.b64encode(b"[1, 2]").decode(), "JSON object"),
])
def test_a_bad_config_is_refused_with_result_2_and_the_error_text(value, words):
    s = state("tablet-a12")
    argv = ["am", "broadcast", "-a", APPLY_ACTION, "-p", "com.example.doorbell", "--es", "config_b64", value]
    last = answer(s, argv).stdout.decode().splitlines()[-1]
    assert last.startswith('Broadcast completed: result=2, data="') and words in last
    assert s.config_generation == 0


def test_without_wmpf_the_receiver_answers_wmpf_not_installed():
    s = state("tablet-a12")
    s.set_wmpf_installed(False)
    last = answer(s, apply_broadcast_argv("com.example.doorbell", {})).stdout.decode().splitlines()[-1]
    assert last == 'Broadcast completed: result=2, data="WMPF not installed"'


def test_an_unknown_am_option_is_am_s_own_error():
    result = answer(state("tablet-a12"), ["am", "broadcast", "--bogus"])
    assert result.exit_code == 255 and b"Unknown option: --bogus" in result.stderr


def test_the_wechat_phone_has_no_apply_receiver():
    s = state("tablet-a12")
    text = answer(s, apply_broadcast_argv("com.example.doorbell", {"cameraId": 1}), "wechat").stdout.decode()
    assert text.endswith("result=0\n") and s.config_generation == 0


def test_the_config_survives_base64_and_unicode():
    config = {"usbSerialNumber": "序列号-1", "uiZoom": 1.5, "nested": {"a": [1, None]}}
    assert decode_config(encode_config(config)) == config


@pytest.mark.parametrize("name", [name for name, _ in list_scenarios()])
def test_the_device_layer_reads_each_scenario_back_as_the_scenario_says(name):
    s = state(name)
    outputs = {key: out(s, command) for key, command in INVENTORY_COMMANDS.items()}
    found = build_inventory_from_outputs("x", outputs).to_json()
    scenario = s.scenario
    assert [c["internalCameraName"] for c in found["builtin"]] == [c.id for c in scenario.builtin_cameras]
    assert [c["facing"] for c in found["builtin"]] == [c.facing for c in scenario.builtin_cameras]
    expected_usb = sorted((f"/dev/bus/usb/{u.bus:03d}/{u.dev:03d}", u.vendor_id, u.product_id, u.serial)
                          for u in scenario.usb_devices)
    assert sorted((u["usbCameraName"], u["usbCameraVendorId"], u["usbCameraProductId"], u["usbSerialNumber"])
                  for u in found["usb"]) == expected_usb
    assert found["device"]["wmpf"] == scenario.device.wmpf


_WORDS = ["getprop", "dumpsys", "cat", "ls", "grep", "am", "pm", "wm", "broadcast", "-a", "-p", "-n", "--es", "--ez",
          "--ei", "-e", "-H", "-v", "media.camera", "usb", "package", "list", "packages", "path", "size",
          "/sys/bus/usb/devices/*/idVendor", "/sys/class/video4linux/*/device/../busnum", "/", "..", "*", "[",
          APPLY_ACTION, "com.example.doorbell", "config_b64", "e30=", "", "\x00", "é"]


def test_no_command_line_makes_the_answers_raise():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    s = state("intercom-rk3588")

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), min_size=1, max_size=7))
    def check(argv):
        result = answer(s, argv)
        assert result is None or isinstance(result.stdout, bytes)

    check()
