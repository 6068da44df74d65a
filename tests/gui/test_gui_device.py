"""The window's device side against the virtual device over the session's private adb server.

Device bar, cameras panel, live ends, Apply, virtual device by default, faults and hotplug.
Every wait is on a condition with a deadline (qtbot.waitUntil); nothing sleeps.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from camtool.config.export import export_config
from camtool.gui.selection import SelectionMode

LIVE_TIMEOUT_MS = 20_000


class _Packages:
    """Scripted answers to "which package?" (records the suggestion the window offered)."""

    def __init__(self, answer: str | None = None) -> None:
        self.answer = answer
        self.suggestions: list[str] = []

    def __call__(self, _title: str, _label: str, suggestion: str) -> str | None:
        self.suggestions.append(suggestion)
        return self.answer if self.answer is not None else suggestion


def _make_window(qtbot, document, library, settings, prompts, *, auto_virtual=False, ask_package=None, service=None):
    from camtool.device.device_service import AdbDeviceService
    from camtool.gui.main_window import MainWindow
    from camtool.gui.preferences import LanguageSwitcher

    win = MainWindow(document, library, settings, prompts=prompts, language=LanguageSwitcher(),
                     device_service=service or AdbDeviceService(), auto_virtual=auto_virtual,
                     ask_package=ask_package or _Packages())
    qtbot.addWidget(win)
    win.show()
    return win


def _listed(win) -> list[str]:
    combo = win.device_side.bar.device_combo
    return [combo.itemData(i) for i in range(combo.count())]


@pytest.fixture
def kiosk(adb_server):
    from camtool.virtual.device import VirtualDevice

    device = VirtualDevice("kiosk-dual-usb").start(adb_server)
    yield device
    device.stop()


@pytest.fixture
def kiosk_window(qtbot, kiosk, document, library, settings, prompts):
    packages = _Packages()
    win = _make_window(qtbot, document, library, settings, prompts, ask_package=packages)
    win.packages = packages
    win.device_side.bar.prefer(kiosk.serial, kiosk.wechat_serial)
    qtbot.waitUntil(lambda: win.device_side.cameras.fetched is not None, timeout=LIVE_TIMEOUT_MS)
    yield win
    win.document.mark_saved()
    win.close()


def _wait_live(qtbot, win) -> None:
    qtbot.waitUntil(win.ends.live_ends_shown, timeout=LIVE_TIMEOUT_MS)


def _frames_shown(win, end: str) -> int:
    return win.ends.live_feeds()[end].frames_shown


def test_without_a_phone_the_virtual_device_starts_and_both_ends_go_live(
        qtbot, adb_server, document, library, settings, prompts):
    from camtool.virtual.scenario import DEFAULT_SCENARIO, load_scenario

    win = _make_window(qtbot, document, library, settings, prompts, auto_virtual=True)
    side = win.device_side
    qtbot.waitUntil(lambda: side.virtual_host.current is not None, timeout=LIVE_TIMEOUT_MS)
    started = side.virtual_host.current
    assert side.virtual_banner.isVisible()
    assert "Virtual device: no phone attached" in side.virtual_banner.message.text()
    assert side.virtual_banner.scenario() == DEFAULT_SCENARIO
    qtbot.waitUntil(lambda: started.serial in _listed(win), timeout=LIVE_TIMEOUT_MS)
    # adb lists the two endpoints one after the other: wait for both to be chosen and ready.
    qtbot.waitUntil(lambda: side.bar.chosen() == (started.serial, started.wechat_serial), timeout=LIVE_TIMEOUT_MS)
    qtbot.waitUntil(lambda: side.bar.entry(started.serial).description == "ready", timeout=LIVE_TIMEOUT_MS)
    assert side.bar.entry(started.serial).virtual

    # The cameras panel shows the scenario's built-in cameras; the device's WMPF goes to the document.
    scenario = load_scenario(DEFAULT_SCENARIO)
    qtbot.waitUntil(lambda: side.cameras.fetched is not None, timeout=LIVE_TIMEOUT_MS)
    shown = {item.data(0, 0x0100) for item in side.cameras.items()}
    assert {f"builtin:{cam.id}" for cam in scenario.builtin_cameras} <= shown
    assert document.wmpf_version == scenario.device.wmpf

    _wait_live(qtbot, win)
    assert set(win.ends.live_feeds()) == {"device", "wechat"}
    assert win.ends.device_view.is_live() and win.ends.wechat_view.is_live()
    figures = win.ends.update_live_figures()
    assert "Device end" in figures and "WeChat end" in figures and "ms latency" in figures

    # Another scenario from the banner: the virtual device restarts with it and both ends follow.
    banner = side.virtual_banner
    banner.set_scenario("kiosk-dual-usb")
    banner.scenario_combo.activated.emit(banner.scenario_combo.currentIndex())
    qtbot.waitUntil(lambda: side.virtual_host.current is not None
                    and side.virtual_host.current.scenario == "kiosk-dual-usb", timeout=LIVE_TIMEOUT_MS)
    kiosk = side.virtual_host.current
    assert adb_server.state(started.serial) is None
    qtbot.waitUntil(lambda: side.bar.chosen() == (kiosk.serial, kiosk.wechat_serial), timeout=LIVE_TIMEOUT_MS)
    qtbot.waitUntil(lambda: side.cameras.fetched is not None and side.cameras.serial == kiosk.serial
                    and side.cameras.item_for("usb:/dev/bus/usb/001/004") is not None, timeout=LIVE_TIMEOUT_MS)
    # Apply offers the scenario's receiver package.
    packages = win.device_side.apply._ask
    assert side.cameras.pick("usb:/dev/bus/usb/001/004")
    with qtbot.waitSignal(side.apply.answered, timeout=LIVE_TIMEOUT_MS) as answer:
        assert side.apply.trigger()
    assert answer.args[0] is True, answer.args
    assert packages.suggestions == ["com.example.kiosk"]

    document.mark_saved()
    win.close()
    # Closing stopped the virtual device and detached it from adb.
    assert adb_server.state(kiosk.serial) is None


def test_picking_a_usb_camera_fills_the_triple_with_no_findings_and_exports_like_the_cli(
        qtbot, kiosk, kiosk_window, tmp_path, capsys):
    from camtool.cli import main

    win, document = kiosk_window, kiosk_window.document
    cameras = win.device_side.cameras
    usb = [item for item in cameras.items() if str(item.data(0, 0x0100)).startswith("usb:")]
    assert len(usb) == 3
    sound_card = [item for item in usb if not item.isDisabled()]
    assert len(sound_card) == 2, "the USB sound card is listed greyed out"
    cam = kiosk.scenario.usb_devices[1]
    row = cameras.item_for(f"usb:/dev/bus/usb/{cam.bus:03d}/{cam.dev:03d}")
    assert f"0x{cam.vendor_id:04x} ({cam.vendor_id})" in row.text(1)
    assert f"0x{cam.product_id:04x} ({cam.product_id})" in row.text(1)
    assert cam.serial in row.text(1)
    assert cameras.pick_item(row)
    assert document.mode is SelectionMode.USB_TRIPLE
    assert document.data == {"usbCameraVendorId": cam.vendor_id, "usbCameraProductId": cam.product_id,
                             "usbSerialNumber": cam.serial}
    assert document.wmpf_version == kiosk.scenario.device.wmpf
    document.set_rotation(90)
    document.toggle_flip()
    assert document.findings == []
    source = tmp_path / "config.json"
    source.write_text(document.export("json"), encoding="utf-8")
    for to in ("json", "kotlin"):
        capsys.readouterr()
        assert main(["export", str(source), "--to", to]) == 0
        assert capsys.readouterr().out.rstrip("\n") == document.export(to).rstrip("\n")
        assert document.export(to) == export_config(document.data, to)
    # A disabled row cannot be picked.
    disabled = next(item for item in usb if item.isDisabled())
    assert not cameras.pick_item(disabled)


def test_apply_reaches_the_device_and_its_live_end_changes(qtbot, kiosk, kiosk_window):
    win = kiosk_window
    side = win.device_side
    _wait_live(qtbot, win)
    cameras = side.cameras
    cameras.pick(next(i.data(0, 0x0100) for i in cameras.items() if not i.isDisabled()))
    win.document.set_rotation(180)
    win.packages.answer = kiosk.scenario.device.receiver_package   # typed by the technician
    before_generation = kiosk.state.config_generation
    before_picture = win.ends.device_view.displayed_array()
    with qtbot.waitSignal(side.apply.answered, timeout=LIVE_TIMEOUT_MS) as answer:
        assert side.apply.trigger()
    assert answer.args[0] is True, answer.args
    assert win.packages.suggestions == [""]    # not started by the window: no scenario to suggest from
    assert kiosk.state.config_generation == before_generation + 1
    assert side.apply.applied_config == win.document.data
    # The device end now shows the camera through the applied config: a different picture.

    def changed() -> bool:
        now = win.ends.device_view.displayed_array()
        return now is not None and (now.shape != before_picture.shape
                                    or float(np.abs(now.astype(int) - before_picture.astype(int)).mean()) > 8)
    qtbot.waitUntil(changed, timeout=LIVE_TIMEOUT_MS)


def test_apply_with_an_error_is_refused_with_the_reason(qtbot, kiosk_window):
    win = kiosk_window
    win.document.set_value("usbSerialNumber", "")
    win.document.set_mode(SelectionMode.USB_TRIPLE)
    assert win.document.has_errors
    assert not win.device_side.apply.trigger()
    assert win.prompts.errors and "error" in win.prompts.errors[-1][1]
    assert win.packages.suggestions == []   # never asked for a package


class _Heartbeat:
    """A 20 ms QTimer counting its ticks: the GUI thread keeps turning while the device misbehaves."""

    def __init__(self) -> None:
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


@pytest.mark.parametrize("fault", ["drop", "offline", "unauthorized", "slow"])
def test_device_faults_show_a_message_keep_the_window_responsive_and_recover(qtbot, kiosk, kiosk_window, fault):
    win = kiosk_window
    _wait_live(qtbot, win)
    feed = win.ends.live_feeds()["device"]
    heartbeat = _Heartbeat()
    try:
        if fault == "drop":
            kiosk.drop_connection()
        elif fault == "slow":
            kiosk.set_fault("latency_ms", 400)
            kiosk.drop_connection()
        else:
            kiosk.set_fault(fault)
        if fault in ("drop", "slow"):
            qtbot.waitUntil(lambda: any(s == "lost" for _serial, s, _d in win.device_side.feed_states),
                            timeout=LIVE_TIMEOUT_MS)
        else:
            qtbot.waitUntil(lambda: feed.state == "lost", timeout=LIVE_TIMEOUT_MS)
            assert "not answering" in win.ends.device_view._message
            if fault == "unauthorized":
                # The device bar follows adb (hotplug) and says what to do, in words.
                qtbot.waitUntil(lambda: "Accept the USB debugging prompt" in win.device_side.bar.state_label.text(),
                                timeout=LIVE_TIMEOUT_MS)
            ticks_during_fault = heartbeat.ticks
            qtbot.waitUntil(lambda: heartbeat.ticks >= ticks_during_fault + 5, timeout=5000)
        kiosk.clear_faults()
        if fault in ("offline", "unauthorized"):
            kiosk.drop_connection()   # adb reconnects and finds the device well again
        shown = feed.frames_shown
        qtbot.waitUntil(lambda: feed.frames_shown > shown + 3 and feed.state == "streaming",
                        timeout=LIVE_TIMEOUT_MS * 2)
        assert win.ends.device_view._message == ""
    finally:
        heartbeat.stop()
    # The GUI thread kept turning through the fault: many ticks (not a timing assertion:
    # the count only shows the loop was never blocked for the whole fault).
    assert heartbeat.ticks > 10


def test_closing_the_window_while_the_cameras_fetch_hangs_on_a_silent_device_ends_every_thread(
        qtbot, kiosk, document, library, settings, prompts, caplog):
    import logging
    import threading

    from camtool.device.device_service import AdbDeviceService
    from camtool.device.inventory import INVENTORY_COMMANDS
    from camtool.gui.workers import detached_threads, running_threads

    service = AdbDeviceService(timeout=3.0)    # each adb command of the fetch hangs this long at most
    asked_while_silent: list[str] = []
    hanging = threading.Event()
    shell = service.io.shell

    def watched_shell(serial, command, timeout=10.0):
        if kiosk.faults.silent and command in INVENTORY_COMMANDS.values():
            asked_while_silent.append(command)
            hanging.set()
        return shell(serial, command, timeout=timeout)

    service.io.shell = watched_shell
    win = _make_window(qtbot, document, library, settings, prompts, service=service)
    win.device_side.bar.prefer(kiosk.serial, kiosk.wechat_serial)
    qtbot.waitUntil(lambda: win.device_side.cameras.fetched is not None, timeout=LIVE_TIMEOUT_MS)
    kiosk.faults.silent = True          # the link stays up, the device answers nothing any more
    win.device_side.cameras.refresh()
    qtbot.waitUntil(hanging.is_set, timeout=5000)
    win.document.mark_saved()
    assert win.close()
    # The window did not wait out the hung command: it is gone while the fetch still hangs.
    assert not win.isVisible()
    assert "camtool-inventory" in [thread.objectName() for thread in detached_threads()]
    # The command in hand ends by its timeout; the cancelled fetch asks nothing more and its
    # thread ends (no QThread destroyed while running, none left behind).
    qtbot.waitUntil(lambda: not running_threads() and not detached_threads(), timeout=LIVE_TIMEOUT_MS)
    assert len(asked_while_silent) == 1
    assert not [r for r in caplog.records if r.name.startswith("camtool.gui") and r.levelno >= logging.ERROR]


def test_hotplug_a_second_device_appears_in_the_bar_and_goes(qtbot, adb_server, kiosk_window):
    from camtool.virtual.device import VirtualDevice

    win = kiosk_window
    chosen = win.device_side.bar.chosen()
    second = VirtualDevice("intercom-rk3588").start(adb_server)
    try:
        qtbot.waitUntil(lambda: second.serial in _listed(win), timeout=LIVE_TIMEOUT_MS)
    finally:
        second.stop()
    qtbot.waitUntil(lambda: second.serial not in _listed(win), timeout=LIVE_TIMEOUT_MS)
    assert win.device_side.bar.chosen() == chosen   # the chosen ends never moved


def test_f5_lists_the_devices_again(qtbot, kiosk, kiosk_window):
    bar = kiosk_window.device_side.bar
    before = bar.refreshes
    kiosk_window.actions.actions["refresh_devices"].trigger()
    qtbot.waitUntil(lambda: bar.refreshes > before, timeout=LIVE_TIMEOUT_MS)
    assert kiosk.serial in _listed(kiosk_window)


def test_the_smoke_run_waits_for_live_frames_of_the_virtual_device(qapp, adb_server, capsys):
    from camtool.gui.app import run

    assert run(smoke=True) == 0
    out = capsys.readouterr().out
    assert "first frame of both ends" in out and "live, virtual device" in out
    assert not [line for line in adb_server.run("devices").splitlines() if line.startswith("127.0.0.1:")]


def test_when_adb_cannot_start_the_ends_stay_simulated_and_the_banner_says_why(
        qtbot, monkeypatch, document, library, settings, prompts):
    from camtool.device import adb_io, adb_server as adb_server_module
    from camtool.device.adb_server import AdbServerError
    from camtool.device.errors import AdbUnavailable

    def refuse(*_args, **_kwargs):
        raise AdbServerError("Cannot run adb (/nowhere/adb): not found")

    def no_server(*_args, **_kwargs):
        raise AdbUnavailable(detail="adb not found")
    # Neither the device list nor the virtual device can reach adb; no adb process is started.
    monkeypatch.setattr(adb_server_module.AdbServer, "__init__", refuse)
    monkeypatch.setattr(adb_io.AdbDeviceIO, "ensure_server", no_server)
    win = _make_window(qtbot, document, library, settings, prompts, auto_virtual=True)
    banner = win.device_side.virtual_banner
    qtbot.waitUntil(lambda: "could not start" in banner.message.text(), timeout=LIVE_TIMEOUT_MS)
    assert "/nowhere/adb" in banner.message.text() and banner.isVisible()
    qtbot.waitUntil(win.ends.both_ends_shown, timeout=LIVE_TIMEOUT_MS)
    assert not win.ends.live_feeds() and not win.ends.device_view.is_live()
    document.mark_saved()
    win.close()


def test_a_usb_camera_without_serial_is_picked_by_path_and_says_why(
        qtbot, adb_server, document, library, settings, prompts):
    from camtool.virtual.device import VirtualDevice

    device = VirtualDevice("legacy-a81").start(adb_server)
    try:
        win = _make_window(qtbot, document, library, settings, prompts)
        win.device_side.bar.prefer(device.serial, device.wechat_serial)
        cameras = win.device_side.cameras
        qtbot.waitUntil(lambda: cameras.fetched is not None and cameras.serial == device.serial,
                        timeout=LIVE_TIMEOUT_MS)
        row = cameras.item_for("usb:/dev/bus/usb/001/003")
        assert "serial none" in row.text(1) and "by path only" in row.text(1)
        assert row.childCount() == 1 and "no serial number" in row.child(0).text(1)
        assert cameras.pick_item(row)
        assert document.mode is SelectionMode.USB_PATH
        assert document.data == {"usbCameraName": "/dev/bus/usb/001/003"}
        document.mark_saved()
        win.close()
    finally:
        device.stop()


def test_the_package_is_remembered_in_the_profile(qtbot, kiosk, kiosk_window, library):
    win = kiosk_window
    side = win.device_side
    sku = library.list()[0]
    assert win.sidebar.open_profile(sku, guard=False, quiet=True) is not False
    assert win.document.profile_sku == sku
    assert side.cameras.pick("usb:/dev/bus/usb/001/004")
    win.packages.answer = "com.example.kiosk"
    with qtbot.waitSignal(side.apply.answered, timeout=LIVE_TIMEOUT_MS) as answer:
        assert side.apply.trigger()
    assert answer.args[0] is True, answer.args
    assert library.read(sku)[0].apply_package == "com.example.kiosk"
    win.packages.answer = None   # take what the window offers
    with qtbot.waitSignal(side.apply.answered, timeout=LIVE_TIMEOUT_MS):
        assert side.apply.trigger()
    assert win.packages.suggestions[-1] == "com.example.kiosk"


def test_the_device_side_speaks_chinese(qtbot, kiosk_window):
    win = kiosk_window
    win.language.switch("zh")
    try:
        bar, cameras = win.device_side.bar, win.device_side.cameras
        qtbot.waitUntil(lambda: bar._device_label.text() == "设备端(&D)：", timeout=5000)
        assert bar._wechat_label.text() == "微信端(&W)："
        assert cameras.tree.topLevelItem(1).text(0) == "USB 设备"
        assert "厂商 ID 0x" in cameras.item_for("usb:/dev/bus/usb/001/004").text(1)
        assert win.actions.actions["apply"].text().startswith("应用到设备")
    finally:
        win.language.switch("en")
    qtbot.waitUntil(lambda: bar._device_label.text() == "&Device end:", timeout=5000)
