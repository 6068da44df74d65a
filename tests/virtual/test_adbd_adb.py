"""The virtual device through the real adb server (the bundled adb, private port) and adbutils."""

from __future__ import annotations

import io
import subprocess

import av
import numpy as np
import pytest

pytestmark = pytest.mark.adb


def adb(server, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([str(server.adb), "-P", str(server.port), *args], env=server.env,
                          capture_output=True, timeout=timeout)


def test_adb_shell_dumpsys_media_camera_prints_the_scenarios_cameras(adb_server, virtual_device):
    done = adb(adb_server, "-s", virtual_device.serial, "shell", "dumpsys media.camera")
    text = done.stdout.decode()
    assert done.returncode == 0
    cameras = virtual_device.scenario.builtin_cameras
    assert cameras
    for camera in cameras:
        assert f'maps to "{camera.id}"' in text


def test_adb_devices_lists_both_ends_with_their_models(adb_server, virtual_device):
    text = adb(adb_server, "devices", "-l").stdout.decode()
    lines = {line.split()[0]: line for line in text.splitlines()[1:] if line.strip()}
    device_model = virtual_device.scenario.device.model.replace(" ", "_")
    phone_model = virtual_device.scenario.wechat_phone.model.replace(" ", "_")
    assert " device " in lines[virtual_device.serial] and f"model:{device_model}" in lines[virtual_device.serial]
    assert f"model:{phone_model}" in lines[virtual_device.wechat_serial]


def test_adbutils_shell_and_exit_codes_with_and_without_v2(adb_server, virtual_device):
    device = adb_server.client().device(virtual_device.serial)
    assert device.shell("getprop ro.product.model") == virtual_device.scenario.device.model
    assert device.shell2("nosuch", v2=True).returncode == 127
    result = device.shell2("echo 'a b'; false")  # without v2: adbutils appends `; echo X4EXIT:$?`
    assert (result.output, result.returncode) == ("a b\n", 1)


def test_adb_shell_passes_the_exit_code_through_shell_v2(adb_server, virtual_device):
    done = adb(adb_server, "-s", virtual_device.serial, "shell", "exit 7")
    assert done.returncode == 7


def test_the_wechat_phone_answers_as_the_phone(adb_server, virtual_device):
    phone = adb_server.client().device(virtual_device.wechat_serial)
    assert phone.shell("getprop ro.product.model") == virtual_device.scenario.wechat_phone.model


def test_screenshot_has_the_size_of_each_ends_screen(adb_server, virtual_device):
    client = adb_server.client()
    image = client.device(virtual_device.serial).screenshot(error_ok=False)
    screen = virtual_device.scenario.device.screen
    assert image.size == (screen.width, screen.height)
    phone = virtual_device.scenario.wechat_phone.screen
    assert client.device(virtual_device.wechat_serial).screenshot(error_ok=False).size == (phone.width, phone.height)


def _decode(data: bytes):
    container = av.open(io.BytesIO(data), format="h264")
    try:
        frames = [f.to_ndarray(format="bgr24") for f in container.decode(video=0)]
        rate = container.streams.video[0].codec_context.framerate
    finally:
        container.close()
    return frames, rate


def test_screenrecord_streams_h264_at_the_screen_size_and_30_fps(adb_server, virtual_device):
    done = adb(adb_server, "-s", virtual_device.serial, "exec-out",
               "screenrecord", "--output-format=h264", "--time-limit", "2", "-")
    assert done.returncode == 0
    frames, rate = _decode(done.stdout)
    screen = virtual_device.scenario.device.screen
    assert frames and frames[0].shape[:2] == (screen.height, screen.width)
    assert rate == 30
    assert len(frames) > 30  # two seconds at 30 fps, minus whatever a busy machine drops


def test_screenrecord_honours_size_and_the_stamp_counts_frames_in_order(adb_server, virtual_device):
    done = adb(adb_server, "-s", virtual_device.serial, "exec-out",
               "screenrecord --output-format=h264 --size 640x360 --time-limit 1 -")
    frames, _ = _decode(done.stdout)
    assert frames and frames[0].shape[:2] == (360, 640)
    from camtool.device.frame_stamp import read_stamp

    numbers = [s.frame_number for s in map(read_stamp, frames) if s is not None]
    assert len(numbers) > len(frames) // 2
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_screenrecord_usage_errors_come_back_like_the_real_tool(adb_server, virtual_device):
    device = adb_server.client().device(virtual_device.serial)
    bad = device.shell2("screenrecord --output-format=h264 --time-limit 999 -", v2=True)
    assert bad.returncode == 2 and "outside acceptable range" in bad.stderr
    to_file = device.shell2("screenrecord /sdcard/x.mp4", v2=True)
    assert to_file.returncode == 1


def test_stop_detaches_both_ends_from_adb(adb_server):
    from camtool.virtual.device import VirtualDevice

    with VirtualDevice().start(adb_server) as vd:
        serials = (vd.serial, vd.wechat_serial)
        assert adb_server.state(vd.serial) == "device"
    listed = {d.serial for d in adb_server.client().list()}
    assert not listed & set(serials)


def test_the_wechat_phones_stream_fits_1280_on_its_long_side(adb_server, virtual_device):
    done = adb(adb_server, "-s", virtual_device.wechat_serial, "exec-out",
               "screenrecord --output-format=h264 --time-limit 1 -")
    frames, _ = _decode(done.stdout)
    phone = virtual_device.scenario.wechat_phone.screen
    height, width = frames[0].shape[:2]
    assert max(width, height) <= 1280
    assert abs(width / height - phone.width / phone.height) < 0.02  # same shape as the phone's screen


def test_a_replayed_capture_answers_its_commands_and_nothing_else(adb_server, tmp_path):
    from camtool.virtual.commands import CommandResult
    from camtool.virtual.device import VirtualDevice
    from camtool.device.capture_format import write_capture

    write_capture(tmp_path, {"serial": "R1", "model": "Field Unit", "android": "9", "sdk": 28},
                  [("dumpsys media.camera", CommandResult(b"recorded cameras\n")),
                   ("getprop ro.build.version.sdk", CommandResult(b"28\n"))])
    with VirtualDevice(replay_dir=tmp_path).start(adb_server) as vd:
        device = adb_server.client().device(vd.serial)
        assert device.shell("dumpsys   media.camera") == "recorded cameras"  # whitespace normalised
        assert device.shell2("getprop ro.build.version.sdk", v2=True).output == "28\n"
        missing = device.shell2("dumpsys usb", v2=True)
        assert missing.returncode == 127 and "not found" in missing.stderr
        assert device.screenshot(error_ok=False).size[0] > 0  # the scenes still serve pictures


def test_adb_shell_without_a_command_runs_piped_lines(adb_server, virtual_device):
    done = subprocess.run([str(adb_server.adb), "-P", str(adb_server.port), "-s", virtual_device.serial, "shell"],
                          input=b"echo one\ngetprop ro.product.model\nexit 3\necho never\n", env=adb_server.env,
                          capture_output=True, timeout=30)
    model = virtual_device.scenario.device.model
    assert (done.stdout, done.returncode) == (f"one\n{model}\n".encode(), 3)


def test_adb_server_helpers_fail_with_sentences(adb_server, monkeypatch, tmp_path):
    from camtool.device.adb_server import AdbServerError, adb_path, free_port

    monkeypatch.setenv("ADBUTILS_ADB_PATH", str(tmp_path / "no-adb"))
    with pytest.raises(AdbServerError, match="ADBUTILS_ADB_PATH"):
        adb_path()
    monkeypatch.delenv("ADBUTILS_ADB_PATH")
    assert adb_path().is_file()
    nobody = free_port()
    assert nobody != 5037 and not 5554 <= nobody <= 5585
    assert adb_server.connect(f"127.0.0.1:{nobody}", timeout=10) is False  # adb says "failed", exit 0
    adb_server.disconnect(f"127.0.0.1:{nobody}")


def test_a_port_in_use_is_a_clear_error(adb_server):
    from camtool.virtual.device import VirtualDevice, VirtualDeviceError

    with VirtualDevice() as first:
        with pytest.raises(VirtualDeviceError, match="--port"):
            VirtualDevice(port=first.port).start()


def test_grep_after_a_pipe_filters_the_output(adb_server, virtual_device):
    device = adb_server.client().device(virtual_device.serial)
    lines = device.shell("dumpsys media.camera | grep 'maps to' | head -n 1").splitlines()
    assert len(lines) == 1 and "maps to" in lines[0]


def test_an_applied_config_reaches_the_stamp_of_the_next_screenshot(adb_server, virtual_device):
    import base64
    import json

    from camtool.device.frame_stamp import read_stamp

    package = virtual_device.scenario.device.receiver_package
    if package is None:
        pytest.skip("the default scenario has no receiver app")
    device = adb_server.client().device(virtual_device.serial)
    config = base64.b64encode(json.dumps({"cameraRotationAngle": 90}).encode()).decode()
    done = device.shell2(["am", "broadcast", "-a", "com.camtool.APPLY_CONFIG", "-p", package,
                          "--es", "config_b64", config], v2=True)
    assert "result=1" in done.output
    stamp = read_stamp(np.asarray(device.screenshot(error_ok=False))[:, :, ::-1].copy())
    assert stamp is not None and stamp.config_generation == 1
