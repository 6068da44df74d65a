"""The whole window on a throwaway profile library: profiles, the unsaved-changes guard, settings."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence

from camtool.gui.dialogs import UnsavedAnswer
from camtool.gui.selection import SelectionMode

USB = "intercom-v3-usb"
LOCK = "doorlock-l7-builtin"


def test_open_change_guard_save_reopen_gives_the_same_bytes(qtbot, window, prompts, library_dir):
    sidebar, document = window.sidebar, window.document
    assert sidebar.open_profile(USB)
    original_file = (library_dir / f"{USB}.json").read_bytes()
    window.actions.actions["rotate_cw"].trigger()          # Ctrl+R: 90 -> 180
    assert document.is_dirty and window.windowTitle().startswith(f"{USB}*")

    prompts.unsaved_answers.append(UnsavedAnswer.CANCEL)
    assert not sidebar.open_profile(LOCK)                  # the guard keeps the change
    assert prompts.asked[-1] == ("unsaved", USB)
    assert document.profile_sku == USB and document.rotation == 180

    prompts.unsaved_answers.append(UnsavedAnswer.SAVE)
    assert sidebar.open_profile(LOCK)                      # saved, then switched
    saved = json.loads((library_dir / f"{USB}.json").read_text(encoding="utf-8"))
    assert saved["config"]["usbCameraRotationAngle"] == 180
    assert saved["apply_package"] == "com.example.intercom"   # the rest of the profile is kept

    assert sidebar.open_profile(USB)
    exported = document.export("json")
    file_after_first_save = (library_dir / f"{USB}.json").read_bytes()
    assert sidebar.save_current()                          # save unchanged: same bytes on disk
    assert (library_dir / f"{USB}.json").read_bytes() == file_after_first_save
    assert sidebar.open_profile(USB) and document.export("json") == exported
    window.actions.actions["rotate_ccw"].trigger()         # back to 90: the original file again
    assert sidebar.save_current()
    assert (library_dir / f"{USB}.json").read_bytes() == original_file


def test_closing_with_unsaved_changes_asks_first(qtbot, window, prompts):
    assert window.sidebar.open_profile(LOCK)
    window.actions.actions["flip"].trigger()
    prompts.unsaved_answers.append(UnsavedAnswer.CANCEL)
    assert not window.close()
    assert window.isVisible()
    prompts.unsaved_answers.append(UnsavedAnswer.DISCARD)
    assert window.close()
    assert [q for q in prompts.asked if q[0] == "unsaved"] == [("unsaved", LOCK), ("unsaved", LOCK)]


def test_a_child_profile_saves_only_what_differs_from_its_parent(qtbot, window, library_dir):
    child = "kiosk-k15-portrait"
    assert window.sidebar.open_profile(child)
    assert window.document.data.get("uiZoom") == 1.5          # resolved: the parent's keys are in the form
    window.actions.actions["rotate_cw"].trigger()             # 270 -> 0
    assert window.sidebar.save_current()
    saved = json.loads((library_dir / f"{child}.json").read_text(encoding="utf-8"))
    assert saved["extends"] == "kiosk-k15-base"
    # 0 is the parent's value: the child no longer overrides it; its own zoom stays its own.
    assert saved["config"] == {"uiZoom": 1.5}
    window.document.set_value("defaultRenderer", None)        # removing an inherited key is stored as null
    assert window.sidebar.save_current()
    saved = json.loads((library_dir / f"{child}.json").read_text(encoding="utf-8"))
    assert saved["config"] == {"uiZoom": 1.5, "defaultRenderer": None}
    assert window.sidebar.open_profile(child) and "defaultRenderer" not in window.document.data


def test_save_is_refused_with_the_reason_while_the_config_has_an_error(qtbot, window, prompts, library_dir):
    assert window.sidebar.open_profile(USB)
    before = (library_dir / f"{USB}.json").read_bytes()
    window.document.set_value("usbSerialNumber", None)        # a partial triple: an error
    save = window.actions.actions["save"]
    assert not save.isEnabled() and "CAM202" in save.toolTip()
    assert not window.sidebar.buttons["save"].isEnabled()
    assert not window.sidebar.save_current()
    assert (library_dir / f"{USB}.json").read_bytes() == before


def test_profiles_list_search_extends_duplicate_delete_and_diff(qtbot, window, prompts, library_dir):
    sidebar = window.sidebar
    texts = [sidebar.list.item(i).text() for i in range(sidebar.list.count())]
    assert any("kiosk-k15-portrait" in t and "kiosk-k15-base" in t for t in texts)   # extends shown
    sidebar.search.setText("kiosk")
    assert sidebar.skus() == ["kiosk-k15-base", "kiosk-k15-portrait"]
    sidebar.search.clear()

    prompts.skus.append("intercom-v3-usb-b")
    assert sidebar.duplicate(USB)
    assert (library_dir / "intercom-v3-usb-b.json").is_file()

    prompts.delete_answers.append(False)
    assert not sidebar.delete("intercom-v3-usb-b")            # "No" keeps it
    prompts.delete_answers.append(True)
    assert sidebar.delete("intercom-v3-usb-b")
    assert not (library_dir / "intercom-v3-usb-b.json").exists()
    assert ("delete", "intercom-v3-usb-b") in prompts.asked

    for i in range(sidebar.list.count()):
        item = sidebar.list.item(i)
        item.setSelected(sidebar.list.item(i).text().split()[0] in ("kiosk-k15-base", "kiosk-k15-portrait"))
    with qtbot.waitSignal(sidebar.diffShown) as shown:
        sidebar.buttons["diff"].click()
    keys = [row[0] for row in shown.args[0]]
    assert "cameraRotationAngle" in keys
    sidebar.diff_dialog.close()


def test_a_dropped_kotlin_snippet_replaces_the_config_keeping_other_keys(qtbot, window, tmp_path):
    snippet = tmp_path / "Config.kt"
    snippet.write_text('val config = JSONObject()\n'
                       'config.put("usbCameraName", "/dev/bus/usb/001/004")\n'
                       'config.put("usbCameraRotationAngle", 270)\n'
                       'config.put("uiZoom", 1.25)\n', encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(snippet))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.data == {"usbCameraName": "/dev/bus/usb/001/004", "usbCameraRotationAngle": 270,
                                    "uiZoom": 1.25}
    assert window.document.mode is SelectionMode.USB_PATH
    assert '"uiZoom": 1.25' in window.export.text_of("json")


def test_shortcuts_are_the_documented_ones(window):
    expected = {"open": "Ctrl+O", "save": "Ctrl+S", "save_as": "Ctrl+Shift+S", "export": "Ctrl+E",
                "rotate_cw": "Ctrl+R", "rotate_ccw": "Ctrl+Shift+R", "flip": "Ctrl+F", "refresh_devices": "F5"}
    for name, keys in expected.items():
        assert window.actions.actions[name].shortcut() == QKeySequence(keys), name
    document = window.document
    window.actions.actions["rotate_ccw"].trigger()
    assert document.rotation == 270
    window.actions.actions["flip"].trigger()
    assert document.flip


def test_the_language_menu_retranslates_the_open_window(qtbot, window, settings):
    title = window.ends._device_title
    assert title.text() == "Device end (preview)"
    window.actions.language_actions["zh"].trigger()
    qtbot.waitUntil(lambda: title.text() == "设备端（预览画面）")
    assert window.actions.menus["file"].title() == "文件(&F)"
    assert settings.language() == "zh"
    window.actions.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: title.text() == "Device end (preview)")


def test_geometry_splitters_and_library_are_remembered(qtbot, window, settings, library, prompts, document):
    from camtool.gui.main_window import MainWindow

    # The offscreen screen is 800 px wide: restoring clamps wider windows to the window's minimum.
    width = window.minimumSizeHint().width()
    window.resize(width, 700)
    window.splitters["main"].setSizes([150, 350, width - 500])
    sizes = window.splitters["main"].sizes()
    assert window.sidebar.open_profile(LOCK)
    assert window.close()
    assert settings.library_dir() == library.directory and settings.last_profile() == LOCK
    again = MainWindow(type(document)(), library, settings, prompts=prompts)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (width, 700)
    assert again.splitters["main"].sizes() == sizes
    assert again.document.profile_sku == LOCK                # the last profile is opened again


def test_about_shows_the_versions_and_the_wmpf_assumptions(qtbot, window):
    window.actions.actions["about"].trigger()
    box = window.about_box
    qtbot.waitUntil(lambda: box.adb_version is not None or "not available" in box.informativeText(), timeout=10_000)
    text = box.informativeText()
    assert "Qt " in text and "adb:" in text and "clockwise" in text and "internalCameraName" in text
    box.close()


def test_smoke_run_opens_waits_for_both_ends_and_exits_0(qapp, capsys, adb_server):
    # adb_server: the smoke run starts the virtual device on the session's private adb server
    from camtool.gui.app import run

    assert run(smoke=True) == 0
    assert "first frame of both ends" in capsys.readouterr().out


def test_without_a_display_the_window_command_says_what_to_do(monkeypatch, capsys):
    import sys

    from camtool.gui.app import run

    if sys.platform.startswith(("win", "darwin")):
        pytest.skip("Windows and macOS always have a display for a desktop session")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert run() == 1
    assert "no display" in capsys.readouterr().err


def test_the_latest_verification_verdict_is_shown_per_profile(qtbot, window, library_dir):
    path = library_dir / f"{LOCK}.json"
    profile = json.loads(path.read_text(encoding="utf-8"))
    profile["verifications"] = [{"date": "2026-11-01T10:00:00Z", "verdict": "fail"},
                                {"date": "2026-11-20T09:30:00Z", "verdict": "pass"}]
    path.write_text(json.dumps(profile), encoding="utf-8")
    window.sidebar.reload()
    item = next(window.sidebar.list.item(i) for i in range(window.sidebar.list.count())
                if window.sidebar.list.item(i).text() == LOCK)
    assert "2 verification record(s); latest: both ends upright (2026-11-20T09:30:00Z)" in item.toolTip()
    assert not item.icon().isNull()


def test_the_sidebar_shows_a_profile_s_chinese_description_when_the_window_speaks_chinese(qtbot, window):
    def tooltip_of(sku):
        items = [window.sidebar.list.item(i) for i in range(window.sidebar.list.count())]
        return next(item.toolTip() for item in items if item.text().startswith(sku))

    assert tooltip_of(LOCK).startswith("Smart door lock L7")
    window.switch_language("zh")
    qtbot.waitUntil(lambda: tooltip_of(LOCK).startswith("智能门锁 L7"))
    window.switch_language("en")
    qtbot.waitUntil(lambda: tooltip_of(LOCK).startswith("Smart door lock L7"))
