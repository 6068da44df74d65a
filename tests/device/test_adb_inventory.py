"""Inventory JSON (contract 7) read over the real adb server, for every shipped scenario and the capture dirs.

The expected values come from the scenario file itself (an independent oracle: what the
virtual device was told it is), not from the parsers under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from camtool.cli import main
from camtool.device.adb_io import AdbDeviceIO
from camtool.device.inventory import INVENTORY_COMMANDS, TRIPLE_NO_SERIAL, TRIPLE_SHARED, build_inventory_from_outputs
from camtool.device.inventory_fetch import FetchCancelled, fetch_inventory
from camtool.virtual.device import VirtualDevice
from camtool.virtual.scenario import list_scenarios, load_scenario, scenario_from_data

pytestmark = pytest.mark.timeout(120)

CAPTURES = Path(__file__).resolve().parents[1] / "data" / "captures"
SCENARIOS = [name for name, _ in list_scenarios()]


def usb_path(bus: int, dev: int) -> str:
    return f"/dev/bus/usb/{bus:03d}/{dev:03d}"


def expected_json(scenario, serial: str) -> dict:
    d = scenario.device
    triples = [(u.vendor_id, u.product_id, u.serial) for u in scenario.usb_devices]
    usb = []
    for u in sorted(scenario.usb_devices, key=lambda u: usb_path(u.bus, u.dev)):
        shared = u.serial is not None and triples.count((u.vendor_id, u.product_id, u.serial)) > 1
        usb.append({
            "usbCameraName": usb_path(u.bus, u.dev), "usbCameraVendorId": u.vendor_id,
            "usbCameraProductId": u.product_id, "usbSerialNumber": u.serial,
            "vendor_hex": f"{u.vendor_id:04x}", "product_hex": f"{u.product_id:04x}",
            "manufacturer": u.manufacturer, "product": u.product, "is_camera": u.is_uvc,
            "triple_usable": u.serial is not None and not shared,
            "reason": TRIPLE_NO_SERIAL if u.serial is None else (TRIPLE_SHARED if shared else None),
        })
    builtin = []
    for cam in scenario.builtin_cameras:
        behind = None
        if cam.usb_ref is not None:
            bus, dev = (int(p) for p in cam.usb_ref.split("/"))
            behind = usb_path(bus, dev)
        builtin.append({"internalCameraName": cam.id, "facing": cam.facing,
                        "sensor_orientation": cam.sensor_orientation, "usb_path": behind})
    return {"device": {"serial": serial, "model": d.model, "android": d.android, "sdk": d.sdk, "wmpf": d.wmpf},
            "builtin": builtin, "usb": usb}


def comparable(data: dict) -> dict:
    """The contract fields the oracle knows (hal/external are the parsers' detail, checked elsewhere)."""
    builtin = [{k: entry[k] for k in ("internalCameraName", "facing", "sensor_orientation", "usb_path")}
               for entry in data["builtin"]]
    return {"device": data["device"], "builtin": builtin, "usb": data["usb"]}


@pytest.fixture
def io(adb_server):
    return AdbDeviceIO(port=adb_server.port)


@pytest.mark.parametrize("name", SCENARIOS)
def test_inventory_json_of_every_shipped_scenario(name, adb_server, io, capsys):
    scenario = load_scenario(name)
    with VirtualDevice(scenario).start(adb_server) as device:
        assert main(["cameras", "--serial", device.serial, "--json"]) == 0
        printed = json.loads(capsys.readouterr().out)
    assert "notes" not in printed
    assert comparable(printed) == expected_json(scenario, device.serial)
    assert all(set(entry) >= {"hal", "external"} for entry in printed["builtin"])


def test_text_output_names_the_keys_and_values(adb_server):
    import io as stdio
    from contextlib import redirect_stdout

    with VirtualDevice("kiosk-dual-usb").start(adb_server) as device:
        out = stdio.StringIO()
        with redirect_stdout(out):
            assert main(["cameras", "--serial", device.serial]) == 0
    text = out.getvalue()
    assert 'usbCameraName "/dev/bus/usb/001/004"' in text
    assert "usbCameraVendorId 3034 (0x0bda)" in text and 'usbSerialNumber "200901010002"' in text
    assert "USB Audio Device (not a camera)" in text


def test_two_cameras_sharing_one_triple_and_one_without_serial(adb_server, io):
    base = load_scenario("kiosk-dual-usb").model_dump(mode="python")
    base["name"] = "kiosk-shared-triple"
    base["usb_devices"][1]["serial"] = base["usb_devices"][0]["serial"]        # two identical cameras
    base["usb_devices"].append({"bus": 2, "dev": 3, "vendor_id": 0x058f, "product_id": 0x3822,
                                "manufacturer": "Alcor Micro, Corp.", "product": "USB 2.0 PC Camera",
                                "is_uvc": True})                                   # no serial at all
    scenario = scenario_from_data(base, "test")
    with VirtualDevice(scenario).start(adb_server) as device:
        data = fetch_inventory(io, device.serial).to_json()
    assert comparable(data) == expected_json(scenario, device.serial)
    by_path = {entry["usbCameraName"]: entry for entry in data["usb"]}
    assert by_path["/dev/bus/usb/001/004"]["reason"] == TRIPLE_SHARED
    assert by_path["/dev/bus/usb/001/005"]["reason"] == TRIPLE_SHARED
    assert by_path["/dev/bus/usb/002/003"]["reason"] == TRIPLE_NO_SERIAL
    assert by_path["/dev/bus/usb/002/003"]["manufacturer"] == "Alcor Micro, Corp."


def test_replugged_camera_shows_its_new_path(adb_server, io):
    with VirtualDevice("legacy-a81").start(adb_server) as device:
        before = [u["usbCameraName"] for u in fetch_inventory(io, device.serial).to_json()["usb"]]
        device.unplug_usb(0)
        assert fetch_inventory(io, device.serial).to_json()["usb"] == []
        device.replug_usb(0)
        after = [u["usbCameraName"] for u in fetch_inventory(io, device.serial).to_json()["usb"]]
    assert len(before) == len(after) == 1 and before != after


def test_wmpf_not_installed_is_null(adb_server, io):
    with VirtualDevice("tablet-a12").start(adb_server) as device:
        device.set_wmpf_installed(False)
        assert fetch_inventory(io, device.serial).to_json()["device"]["wmpf"] is None


def test_a_cancelled_fetch_on_a_hung_device_stops_after_the_command_in_hand(adb_server, io):
    """A silent device holds each command until its timeout; a cancel (the window closing) ends
    the fetch after the one in hand instead of all five, and builds no inventory from nothing."""
    tried: list[str] = []
    shell = io.shell

    def counting_shell(serial, command, timeout=10.0):
        tried.append(command)
        return shell(serial, command, timeout=timeout)

    io.shell = counting_shell
    with VirtualDevice("tablet-a12").start(adb_server) as device:
        device.faults.silent = True    # the connection stays; nothing is answered any more
        with pytest.raises(FetchCancelled):
            fetch_inventory(io, device.serial, timeout=1.0, cancelled=lambda: bool(tried))
        device.clear_faults()
    assert tried == [next(iter(INVENTORY_COMMANDS.values()))]


def _file_outputs(directory: Path) -> dict[str, str]:
    index = json.loads((directory / "capture.json").read_text(encoding="utf-8"))
    by_command = {entry["command"]: (directory / entry["stdout"]).read_text(encoding="utf-8", errors="replace")
                  for entry in index["commands"]}
    return {key: by_command[command] for key, command in INVENTORY_COMMANDS.items()}


@pytest.mark.parametrize("capture", sorted(p.name for p in CAPTURES.iterdir() if p.is_dir()))
def test_capture_directories_replayed_through_adb(capture, adb_server, io):
    directory = CAPTURES / capture
    with VirtualDevice(replay_dir=directory).start(adb_server) as device:
        fetched = fetch_inventory(io, device.serial)
    data = fetched.to_json()
    assert fetched.notes == []
    # Over adb the answers are the same bytes as the files: the same inventory as from the files.
    assert data == build_inventory_from_outputs(device.serial, _file_outputs(directory)).to_json()
    index = json.loads((directory / "capture.json").read_text(encoding="utf-8"))
    assert data["device"]["model"] == index["device"]["model"]
    assert data["device"]["sdk"] == index["device"]["sdk"]
    cameras = [u for u in data["usb"] if u["is_camera"]]
    assert cameras, "each capture has a USB camera"
    if capture.startswith("a12"):
        # Android 12: `maps to` ids, the USB camera behind the external HAL linked to its USB device.
        external = [b for b in data["builtin"] if b["facing"] == "external"]
        assert [b["usb_path"] for b in external] == [cameras[0]["usbCameraName"]]
        assert any(u["is_camera"] is False for u in data["usb"])            # the hub is not a camera
        assert cameras[0]["triple_usable"] is True
    else:
        # Android 8.1: `USB Host State`, a camera without a serial: select it by path.
        assert cameras[0]["usbSerialNumber"] is None
        assert cameras[0]["reason"] == TRIPLE_NO_SERIAL
        assert {b["facing"] for b in data["builtin"]} == {"back", "front"}
