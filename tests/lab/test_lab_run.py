"""The lab runner's rules, with a scripted check instead of devices: concurrency, shared phones, cancel."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET

import pytest

from camtool.device.errors import DeviceOffline
from camtool.lab.junit import junit_xml
from camtool.lab.lab_file import Station
from camtool.lab.lab_run import LabRunner, StationStatus
from camtool.lab.verify_adapter import CheckOutcome


class FakeIO:
    def __init__(self) -> None:
        self.calls = 0

    def list_devices(self):
        self.calls += 1
        return []


def station(name, serial, wechat=None, config=None):
    return Station(name=name, serial=serial, wechat_serial=wechat, config=config or {})


def outcome(passed=True, recommended=None):
    return CheckOutcome(passed=passed, explanations=[], recommended=recommended or {})


def test_stations_on_different_devices_run_at_once_and_a_shared_phone_is_used_by_one_at_a_time():
    stations = [station("a", "D1", "PHONE"), station("b", "D2", "PHONE"), station("c", "D3")]
    together = threading.Barrier(2, timeout=10)   # only passes when a (or b) and c run at the same time
    in_use: set[str] = set()
    overlaps: list[str] = []
    guard = threading.Lock()

    def checker(io, serial, config, *, wechat_serial, **_):
        mine = {serial, wechat_serial} - {None}
        with guard:
            overlaps.extend(sorted(in_use & mine))
            in_use.update(mine)
        if serial in ("D1", "D3"):
            together.wait()
        io.list_devices()
        with guard:
            in_use.difference_update(mine)
        return outcome(passed=serial != "D2", recommended={"cameraRotationAngle": 90} if serial == "D2" else {})

    result = LabRunner(FakeIO(), stations, checker=checker).run()
    assert overlaps == []
    assert [r.status for r in result.results] == [StationStatus.PASS, StationStatus.FAIL, StationStatus.PASS]
    assert result.results[1].changed_keys == ["cameraRotationAngle"]
    assert not result.passed


def test_jobs_1_runs_one_station_at_a_time():
    active, most = [0], [0]
    guard = threading.Lock()

    def checker(io, serial, config, **_):
        with guard:
            active[0] += 1
            most[0] = max(most[0], active[0])
        io.list_devices()
        with guard:
            active[0] -= 1
        return outcome()

    result = LabRunner(FakeIO(), [station(n, n) for n in "abcd"], jobs=1, checker=checker).run()
    assert most[0] == 1 and result.passed and len(result.results) == 4


def test_an_unavailable_device_and_a_crash_do_not_stop_the_others():
    def checker(io, serial, config, **_):
        if serial == "GONE":
            raise DeviceOffline(serial)
        if serial == "BUG":
            raise ZeroDivisionError("oops")
        return outcome()

    result = LabRunner(FakeIO(), [station("a", "GONE"), station("b", "BUG"), station("c", "OK")],
                       checker=checker).run()
    statuses = [r.status for r in result.results]
    assert statuses == [StationStatus.UNAVAILABLE, StationStatus.ERROR, StationStatus.PASS]
    assert "GONE is offline" in result.results[0].message and "ZeroDivisionError" in result.results[1].message
    suite = ET.fromstring(junit_xml(result, "lab")).find("testsuite")
    assert (suite.get("errors"), suite.get("failures")) == ("2", "0")


def test_ctrl_c_stops_running_stations_at_their_next_device_call_and_keeps_what_finished():
    finished_one = threading.Event()
    blocked = threading.Event()

    def checker(io, serial, config, **_):
        if serial == "FAST":
            return outcome()
        blocked.set()
        threading.Event().wait(0.05)          # a device call in progress...
        while True:
            io.list_devices()                 # ...and the next one raises once cancelled

    def progress(item, event):
        if event == "finished":
            finished_one.set()

    def wait(done):
        assert finished_one.wait(10) and blocked.wait(10)
        raise KeyboardInterrupt

    stations = [station("fast", "FAST"), station("slow", "SLOW"), station("later", "LATER")]
    runner = LabRunner(FakeIO(), stations, jobs=2, progress=progress, checker=checker)
    result = runner.run(wait=wait)
    assert result.cancelled
    statuses = [r.status for r in result.results]
    assert statuses[0] is StationStatus.PASS and statuses[1] is StationStatus.NOT_RUN
    assert statuses[2] in (StationStatus.NOT_RUN, StationStatus.PASS)   # a free worker may have taken it first
    xml = ET.fromstring(junit_xml(result, "lab"))
    assert xml.find("testsuite").find("testcase[@name='slow']/skipped") is not None


def test_junit_survives_control_characters_from_a_device():
    def checker(io, serial, config, **_):
        raise DeviceOffline(serial, "garbage \x01\x1b[2J")

    result = LabRunner(FakeIO(), [station("a\x02", "S")], checker=checker).run()
    root = ET.fromstring(junit_xml(result, "lab"))   # still well-formed XML
    case = root.find("testsuite/testcase")
    assert case.get("name") == "a\\u0002" and "\\u001b" in case.find("error").get("message")
