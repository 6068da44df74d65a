"""Check orientation in the window: Ctrl+K on the simulated ends, the verdict, the drawn "up", Apply recommendation."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from camtool import i18n
from camtool.config.semantics import REASON_MIRROR, REASON_MIRROR_DEVICE, REASON_PREVIEW_FIXED, Turn, WmpfBehaviour
from camtool.gui import orientation_check
from camtool.gui.orientation_check import install_orientation_check

USB_PATH = "/dev/bus/usb/001/004"


@pytest.fixture
def check(window):
    return install_orientation_check(window)


def _verdict_after(qtbot, check, trigger):
    with qtbot.waitSignal(check.verdictReady, timeout=10_000) as ready:
        trigger()
    return ready.args[0]


def _use_usb_camera(qtbot, window):
    window.document.load({"usbCameraName": USB_PATH}, origin_name="usb")
    qtbot.waitUntil(window.ends.is_up_to_date, timeout=10_000)


def test_the_action_is_in_the_device_menu_with_ctrl_k_and_the_panel_appears_with_the_first_check(qtbot, window,
                                                                                               check):
    assert check.action in window.actions.menus["device"].actions()
    assert check.action.shortcut() == QKeySequence("Ctrl+K")
    assert not check.dock.isVisible()   # the window opens as it always did
    verdict = _verdict_after(qtbot, check, check.action.trigger)
    assert check.dock.isVisible()
    assert verdict.passed   # the simulated camera is mounted upright and the config is empty
    assert check.panel.verdict_text().startswith("Simulation (not a device): PASS")
    assert not check.panel.apply_button.isEnabled()   # nothing to change


def test_ctrl_k_runs_the_check_and_installing_twice_adds_no_second_action(qtbot, window, check):
    assert install_orientation_check(window) is check
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(check.verdictReady, timeout=10_000):
        qtbot.keyClick(window.form, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert [a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("Ctrl+K")] == [check.action]


def test_a_turned_usb_camera_fails_and_its_recommendation_makes_both_ends_pass(qtbot, window, check):
    _use_usb_camera(qtbot, window)
    window.ends.set_mounting(Turn(90, False))
    # Checked at once: the check waits for the ends to show the new mounting.
    verdict = _verdict_after(qtbot, check, check.action.trigger)
    assert verdict.verdict == "fail"
    assert (verdict.device.rotation, verdict.wechat.rotation) == (90, 90)
    assert "assumption" in [e.code for e in verdict.explanations]   # clockwise is assumed, not yet seen
    assert "FAIL" in check.panel.verdict_text()
    assert "turned 90° clockwise" in check.panel.device_result.text()
    assert "usbCameraRotationAngle: 270" in check.panel.recommendation_label.text()
    # The drawn "up" points where the chart's top is: to the right on a picture turned clockwise.
    tail, head = check.overlays["device"].arrow_line()
    assert head.x() - tail.x() > abs(head.y() - tail.y())
    assert check.overlays["wechat"].isVisible()

    assert check.panel.apply_button.isEnabled()
    # Apply puts the keys into the form (simulated ends update) and checks again on the new pictures.
    after = _verdict_after(qtbot, check, lambda: qtbot.mouseClick(check.panel.apply_button,
                                                                  Qt.MouseButton.LeftButton))
    assert window.document.data["usbCameraRotationAngle"] == 270
    assert window.document.is_dirty   # an edit: the profile keeps it only when saved
    assert window.form.rotation_buttons[270].isChecked()
    assert after.passed
    assert "PASS" in check.panel.verdict_text()
    assert check.panel.device_result.text() == "upright"
    # The re-check knew the earlier observation: the clockwise turn is confirmed, no longer assumed.
    assert "assumption" not in [e.code for e in after.explanations]
    assert [e.code for e in after.explanations] == ["works"]
    tail, head = check.overlays["wechat"].arrow_line()
    assert tail.y() - head.y() > abs(head.x() - tail.x())


def test_a_built_in_camera_turned_and_mirrored_says_what_no_key_can_fix(qtbot, window, check):
    window.ends.set_mounting(Turn(180, True))
    first = _verdict_after(qtbot, check, check.action.trigger)
    assert first.verdict == "fail"
    assert first.recommended["cameraPushFlip"] is True    # upside down: the FAQ's push flip
    second = _verdict_after(qtbot, check, lambda: check.apply_recommendation())
    assert second.verdict == "fail"
    assert second.wechat.upright and second.wechat.mirrored        # the push is turned right...
    assert not second.device.upright                                # ...the built-in preview cannot be
    assert check.panel.wechat_result.text() == "upright, but mirrored"
    shown = check.panel.explanation_texts()
    # Each sentence says which end it is about, so the same advice for both ends is not a riddle.
    assert "Device end: " + i18n.tr(REASON_PREVIEW_FIXED) in shown
    assert "WeChat end: " + i18n.tr(REASON_MIRROR) in shown
    assert "Device end: " + i18n.tr(REASON_MIRROR_DEVICE) in shown
    assert "setUIConfig" in check.panel.explanations_label.text()
    assert not check.panel.apply_button.isEnabled()   # nothing more a key can do


def test_a_device_that_turns_the_other_way_is_found_out_by_the_check_after_apply(qtbot, window, check):
    # A WMPF that turns counter-clockwise: the first recommendation (clockwise assumed) goes wrong.
    window.ends.set_simulation(behaviour=WmpfBehaviour(rotation_direction="ccw"))
    _use_usb_camera(qtbot, window)
    window.ends.set_mounting(Turn(90, False))
    first = _verdict_after(qtbot, check, check.action.trigger)
    assert first.recommended["usbCameraRotationAngle"] == 270
    second = _verdict_after(qtbot, check, check.apply_recommendation)
    assert second.wechat.rotation == 180   # turned further instead of back
    assert "rotation_direction" in [e.code for e in second.explanations]
    assert any("counter-clockwise" in text for text in check.panel.explanation_texts())
    assert second.recommended["usbCameraRotationAngle"] == 90   # corrected
    third = _verdict_after(qtbot, check, check.apply_recommendation)
    assert third.passed


def test_changing_the_mounting_removes_the_stale_up_arrows(qtbot, window, check):
    _verdict_after(qtbot, check, check.action.trigger)
    assert check.overlays["device"].isVisible()
    window.ends.set_mounting(Turn(270, False))
    assert not check.overlays["device"].isVisible()
    assert not check.overlays["wechat"].isVisible()


def test_apply_also_sends_to_the_device_when_the_window_can_apply(qtbot, window, check):
    sent = []
    window.actions.set_handler("apply", lambda: sent.append(window.document.data))
    _use_usb_camera(qtbot, window)
    window.ends.set_mounting(Turn(270, False))
    _verdict_after(qtbot, check, check.action.trigger)
    assert check.panel.device_too.isVisible() and check.panel.device_too.isChecked()
    with qtbot.waitSignal(check.recommendationApplied, timeout=5000) as applied:
        qtbot.mouseClick(check.panel.apply_button, Qt.MouseButton.LeftButton)
    assert applied.args[1] is True
    # The device got the recommended config, already in the form when the apply ran.
    assert sent == [applied.args[0]]
    assert sent[0]["usbCameraRotationAngle"] == 90
    assert "check again" in check.panel.recommendation_label.text()
    assert not check.panel.apply_button.isEnabled()   # sent once; the next check offers it again if needed


def test_the_detection_runs_off_the_gui_thread(qtbot, window, check, monkeypatch):
    threads = []
    real = orientation_check.run_check

    def recording(request):
        threads.append(threading.current_thread())
        return real(request)

    monkeypatch.setattr(orientation_check, "run_check", recording)
    _verdict_after(qtbot, check, check.run)
    assert threads and threads[0] is not threading.main_thread()
    assert not check.is_busy()   # the worker thread ends with the check (the leak fixture checks it too)


def test_a_failing_check_says_why_and_the_window_goes_on(qtbot, window, check, monkeypatch):
    def broken(request):
        raise ValueError("no frames")

    monkeypatch.setattr(orientation_check, "run_check", broken)
    with qtbot.waitSignal(check.checkFailed, timeout=10_000):
        check.run()
    assert "no frames" in check.panel.verdict_text()
    assert check.panel.check_button.isEnabled()


def test_the_panel_speaks_chinese(qtbot, window, check):
    window.ends.set_mounting(Turn(90, False))
    _verdict_after(qtbot, check, check.action.trigger)
    window.switch_language("zh")
    qtbot.waitUntil(lambda: check.panel.apply_button.text() == "应用建议", timeout=3000)
    assert "未通过" in check.panel.verdict_text()
    assert check.action.text() == "检查方向(&O)"
    assert check.dock.windowTitle() == "方向检查"
    assert "顺时针" in check.panel.device_result.text()
    # The explanations come from the vision layer's catalogue and switch with the window.
    assert "设备端：InitGlobalConfig 无法旋转内置摄像头的预览画面" in check.panel.explanations_label.text()


def test_a_live_end_is_judged_against_what_device_runs_says(qtbot, window, check):
    window.document.import_data({"usbCameraName": USB_PATH, "usbCameraRotationAngle": 90})
    window.ends.device_view.set_live(True)   # as when a device is attached: the view shows its screen
    assert window.ends.device_runs.choose("none")
    verdict = _verdict_after(qtbot, check, check.run)
    assert verdict.config == {}        # "none": the device runs no camera keys, not the form's config
    assert "Device runs" in check.panel.recommendation_label.text()
    assert not check.panel.verdict_text().startswith("Simulation")

    running = {"usbCameraName": USB_PATH, "usbCameraRotationAngle": 180}
    window.ends.device_runs.set_applied(running)   # camtool applied it: that is what the device runs
    verdict = _verdict_after(qtbot, check, check.run)
    assert verdict.config == running
    window.ends.device_view.set_live(False)


def test_another_device_clears_the_verdict_and_the_arrows(qtbot, window, check):
    window.ends.set_mounting(Turn(90, False))
    _verdict_after(qtbot, check, check.action.trigger)
    assert check.overlays["device"].result() is not None
    window.ends.attach_live(None, None)          # what the device bar does when the device changes
    assert check.verdict is None and check.panel.verdict() is None
    assert check.overlays["device"].result() is None and "Not checked yet" in check.panel.verdict_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_text_of_the_panel_is_cut_off_at_1366x768(qtbot, window, check, lang):
    from test_gui_i18n import _cut_off_texts

    window.switch_language(lang)
    window.resize(1366, 768)
    window.ends.set_mounting(Turn(180, True))
    _verdict_after(qtbot, check, check.run)
    _verdict_after(qtbot, check, check.apply_recommendation)   # the longest explanations

    def cut():
        return [line for line in _cut_off_texts(window.orientation_check.dock) if line]

    try:
        qtbot.waitUntil(lambda: not cut(), timeout=3000)
    except qtbot.TimeoutError:
        pytest.fail("cut off:\n" + "\n".join(cut()))


# ---- live ends: the virtual kiosk over the session's private adb server ---------------------
LIVE_TIMEOUT_MS = 20_000
UPSIDE_DOWN_CAMERA = {"usbCameraVendorId": 0x0BDA, "usbCameraProductId": 0x5960,
                      "usbSerialNumber": "200901010002"}   # mounted turned by 180° in kiosk-dual-usb


@pytest.fixture
def kiosk(adb_server):
    from camtool.virtual.device import VirtualDevice

    device = VirtualDevice("kiosk-dual-usb").start(adb_server)
    yield device
    device.stop()


def _window_on(qtbot, device, document, library, settings, prompts):
    from camtool.device.device_service import AdbDeviceService
    from camtool.gui.main_window import MainWindow
    from camtool.gui.preferences import LanguageSwitcher

    package = device.scenario.device.receiver_package   # what the technician types when asked
    win = MainWindow(document, library, settings, prompts=prompts, language=LanguageSwitcher(),
                     device_service=AdbDeviceService(), ask_package=lambda _title, _label, _suggested: package)
    qtbot.addWidget(win)
    win.show()
    win.device_side.bar.prefer(device.serial, device.wechat_serial)
    qtbot.waitUntil(lambda: win.ends.live_ends_shown() and all(p is not None for p in _live_pictures(win)),
                    timeout=LIVE_TIMEOUT_MS)
    return win


@pytest.fixture
def live_window(qtbot, kiosk, document, library, settings, prompts):
    win = _window_on(qtbot, kiosk, document, library, settings, prompts)
    yield win
    win.document.mark_saved()
    win.close()


@pytest.fixture
def faq_window(qtbot, adb_server, document, library, settings, prompts):
    from camtool.virtual.device import VirtualDevice

    device = VirtualDevice("intercom-faq-push-flip").start(adb_server)
    win = _window_on(qtbot, device, document, library, settings, prompts)
    win.faq_device = device
    yield win
    win.document.mark_saved()
    win.close()
    device.stop()


def test_the_faq_first_case_is_fixed_in_the_window_by_the_push_flip(qtbot, faq_window):
    """WMPF FAQ 4.1, first case, on live ends: the app's keys (the triple, no orientation key) are
    applied from the window; the check keeps the upright preview and recommends the push flip."""
    win, side = faq_window, faq_window.device_side
    check = install_orientation_check(win)
    app = dict(faq_window.faq_device.state.snapshot().config)
    win.document.import_data(app)
    with qtbot.waitSignal(side.apply.answered, timeout=LIVE_TIMEOUT_MS) as answer:
        assert side.apply.trigger()
    assert answer.args[0] is True, answer.args
    first = _verdict_after(qtbot, check, check.action.trigger)
    assert first.config == app     # "Device runs": what camtool applied
    assert (first.device.rotation, first.wechat.rotation) == (0, 180)
    assert first.recommended == {**app, "usbCameraRotationAngle": 0, "usbCameraPushFlip": True}
    assert "inconsistent" not in [e.code for e in first.explanations]

    before = _live_pictures(win)
    with qtbot.waitSignal(side.apply.answered, timeout=LIVE_TIMEOUT_MS) as answer:
        qtbot.mouseClick(check.panel.apply_button, Qt.MouseButton.LeftButton)
    assert answer.args[0] is True, answer.args
    import numpy as np

    def push_changed():   # only the WeChat end changes: the flip turns the push alone
        now = win.ends.wechat_view.displayed_array()
        return now is not None and float(np.abs(now.astype(int) - before[1].astype(int)).mean()) > 8
    qtbot.waitUntil(push_changed, timeout=LIVE_TIMEOUT_MS)
    second = _verdict_after(qtbot, check, check.action.trigger)
    assert second.passed and second.recommended == first.recommended


def _new_live_pictures(qtbot, window, before):
    """Wait until both live ends show pictures other than `before` (the device took the new config)."""
    import numpy as np

    def changed():
        now = (window.ends.device_view.displayed_array(), window.ends.wechat_view.displayed_array())
        return all(a is not None and (b is None or a.shape != b.shape
                                      or float(np.abs(a.astype(int) - b.astype(int)).mean()) > 8)
                   for a, b in zip(now, before))
    qtbot.waitUntil(changed, timeout=LIVE_TIMEOUT_MS)


def _live_pictures(window):
    return window.ends.device_view.displayed_array(), window.ends.wechat_view.displayed_array()


def test_on_live_ends_the_recommendation_goes_to_the_device_and_the_next_check_passes(qtbot, live_window):
    win, side = live_window, live_window.device_side
    check = install_orientation_check(win)
    win.document.import_data(dict(UPSIDE_DOWN_CAMERA))
    before = _live_pictures(win)
    with qtbot.waitSignal(side.apply.answered, timeout=LIVE_TIMEOUT_MS) as answer:
        assert side.apply.trigger()
    assert answer.args[0] is True, answer.args
    _new_live_pictures(qtbot, win, before)

    first = _verdict_after(qtbot, check, check.action.trigger)
    assert first.config == side.apply.applied_config   # judged against what the device runs
    assert (first.device.rotation, first.wechat.rotation) == (180, 180)
    assert first.recommended["usbCameraRotationAngle"] == 180
    assert check.panel.device_too.isVisible() and check.panel.device_too.isChecked()

    before = _live_pictures(win)
    with qtbot.waitSignal(side.apply.answered, timeout=LIVE_TIMEOUT_MS) as answer:
        qtbot.mouseClick(check.panel.apply_button, Qt.MouseButton.LeftButton)
    assert answer.args[0] is True, answer.args
    assert side.apply.applied_config == first.recommended
    _new_live_pictures(qtbot, win, before)
    second = _verdict_after(qtbot, check, check.action.trigger)
    assert second.passed
    assert "PASS" in check.panel.verdict_text()


def test_the_window_has_the_check_and_lists_ctrl_k_among_the_shortcuts(window):
    """The real MainWindow installs the orientation check; Help > Shortcuts names it."""
    assert window.orientation_check.action.shortcut().toString() == "Ctrl+K"
    assert any(line.startswith("Ctrl+K") for line in window.actions.shortcut_lines())
