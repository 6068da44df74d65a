"""The window at 1366x768 in both languages, on the virtual kiosk: what a technician must see
without scrolling, texts that wrap instead of running off, and views that keep their place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from camtool.gui.selection import SelectionMode
from test_gui_device import LIVE_TIMEOUT_MS, _make_window, kiosk  # noqa: F401 (fixture)

#: Three findings of the kinds technicians make (a turn WMPF does not take, a facing name
#: for an id, a key with the wrong case).
THREE_FINDINGS = {"internalCameraName": "back", "cameraRotationAngle": 45, "CameraPushFlip": True}


@pytest.fixture(params=["en", "zh"])
def small_window(request, qtbot, kiosk, document, library, settings, prompts):
    win = _make_window(qtbot, document, library, settings, prompts)
    win.switch_language(request.param)
    win.device_side.bar.prefer(kiosk.serial, kiosk.wechat_serial)
    win.resize(1366, 768)
    qtbot.waitUntil(lambda: win.device_side.cameras.item_for("usb:/dev/bus/usb/001/004") is not None,
                    timeout=LIVE_TIMEOUT_MS)
    qtbot.waitUntil(win.ends.both_ends_shown, timeout=LIVE_TIMEOUT_MS)
    yield win
    win.document.mark_saved()
    win.close()
    win.language.switch("en")


def _shown_whole(widget, viewport) -> bool:
    """`widget` is visible and lies entirely inside `viewport` (no scrolling needed to see it)."""
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))


def test_rotation_push_flip_and_three_findings_are_visible_without_scrolling(qtbot, small_window):
    win = small_window
    assert win.size().width() == 1366 and win.size().height() == 768
    viewport = win.form_scroll.viewport()
    for mode in (SelectionMode.BUILTIN_NAME, SelectionMode.USB_TRIPLE):   # the triple is the tallest form
        assert win.device_side.cameras.pick("usb:/dev/bus/usb/001/004") if mode is SelectionMode.USB_TRIPLE \
            else win.document.set_mode(mode) is None
        qtbot.waitUntil(lambda: win.document.mode is mode)
        for button in win.form.rotation_buttons.values():
            assert _shown_whole(button, viewport), (mode, button.text())
        assert _shown_whole(win.form.flip_check, viewport), mode
    win.document.import_data(THREE_FINDINGS)
    findings = win.findings.list
    assert findings.count() >= 3   # the device adds its own (CAM601: no camera "back")
    # Wrapped to the list's width (after its scroll bar took its place), and the first three whole.
    qtbot.waitUntil(lambda: all(findings.visualItemRect(findings.item(row)).width() <= findings.viewport().width()
                                for row in range(findings.count())), timeout=3000)
    for row in range(3):
        rect = findings.visualItemRect(findings.item(row))
        assert findings.viewport().rect().contains(rect), (row, rect, findings.viewport().rect())


def test_long_texts_wrap_instead_of_running_off(qtbot, small_window):
    win = small_window
    tree = win.device_side.cameras.tree
    row = win.device_side.cameras.item_for("usb:/dev/bus/usb/001/004")
    details = row.text(1)
    assert "200901010001" in details
    line = tree.fontMetrics().height()
    assert tree.fontMetrics().horizontalAdvance(details) > tree.columnWidth(1)   # would not fit one line
    assert tree.visualItemRect(row).height() >= 2 * line                      # so the row is taller: wrapped
    # Nothing runs off to the right once the tree has laid out (a language switch refills it).
    qtbot.waitUntil(lambda: tree.horizontalScrollBar().maximum() == 0, timeout=3000)
    # "Export is disabled while the config has an error: ..." wraps in the export view.
    win.document.import_data(THREE_FINDINGS)
    shown = win.export.texts[win.export.current_format()]
    assert shown.toPlainText().startswith(win.export.blocked_reason()[:10])
    qtbot.waitUntil(lambda: shown.horizontalScrollBar().maximum() == 0)
    # The form never needs a horizontal scroll (its notes wrap).
    assert win.form.width() <= win.form_scroll.viewport().width()


def test_the_badges_cover_no_part_of_the_pictures_and_are_not_cut(qtbot, small_window):
    win = small_window
    for live in (True, False):
        win.ends.live_check.setChecked(live)
        for view in (win.ends.device_view, win.ends.wechat_view):
            qtbot.waitUntil(lambda view=view: view.image() is not None)
            badge = view.badge_rect()
            assert not badge.intersects(view._picture_rect()), (live, badge, view._picture_rect())
            bold = view.font()
            bold.setBold(True)
            from PySide6.QtGui import QFontMetrics

            assert QFontMetrics(bold).horizontalAdvance(view._badge_text()) + 16 <= badge.width() + 0.5


def test_device_runs_and_live_do_not_move_the_views(qtbot, small_window):
    win = small_window
    ends = win.ends
    qtbot.waitUntil(lambda: ends.device_runs.isVisible())
    before = (ends.device_view.geometry(), ends.wechat_view.geometry())
    longest = max(win.sidebar.skus(), key=len)
    assert ends.device_runs.choose("profile", longest)
    ends.live_check.setChecked(not ends.live_check.isChecked())
    assert (ends.device_view.geometry(), ends.wechat_view.geometry()) == before
    ends.live_check.setChecked(not ends.live_check.isChecked())
    assert (ends.device_view.geometry(), ends.wechat_view.geometry()) == before


def test_device_bar_state_words_are_translated(qtbot, small_window):
    win = small_window
    bar = win.device_side.bar
    texts = [bar.device_combo.itemText(i) for i in range(bar.device_combo.count())] + [bar.state_label.text()]
    if win.language.language == "zh":
        assert all("ready" not in text and "virtual" not in text for text in texts), texts
        assert "就绪" in bar.state_label.text()
    else:
        assert "ready" in bar.state_label.text()


def test_the_caption_under_a_live_end_describes_the_live_picture(qtbot, small_window):
    win = small_window
    ends = win.ends
    ends.live_check.setChecked(True)
    qtbot.waitUntil(lambda: ends.device_view.is_live())
    win.document.set_mode(SelectionMode.BUILTIN_NAME)
    win.document.set_rotation(90)
    live_caption = ends._wechat_effect.text()
    assert "90" not in live_caption and live_caption == ends._device_effect.text()
    ends.live_check.setChecked(False)
    assert "90°" in ends._wechat_effect.text()          # simulated: what the form's config does
    assert ends._wechat_effect.text() != live_caption


def test_the_orientation_dock_takes_its_height_from_the_findings_not_the_form(qtbot, small_window):
    """Opening the check's dock at 1366x768 leaves the rotation buttons and the push flip in view."""
    win = small_window
    win.document.set_mode(SelectionMode.BUILTIN_NAME)
    findings_before = win.findings.height()
    dock = win.orientation_check.dock
    dock.show()
    qtbot.waitUntil(lambda: dock.isVisible() and dock.height() > 100)
    qtbot.waitUntil(lambda: win.findings.height() < findings_before)
    viewport = win.form_scroll.viewport()
    for button in win.form.rotation_buttons.values():
        assert _shown_whole(button, viewport), button.text()
    assert _shown_whole(win.form.flip_check, viewport)
