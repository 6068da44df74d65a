"""The window's workflow as a technician meets it: New, profile names, an empty library, removing keys."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from camtool.gui.dialogs import SkuDialog, UnsavedAnswer

LOCK = "doorlock-l7-builtin"


def test_file_new_starts_an_empty_untitled_config_after_the_unsaved_guard(qtbot, window, prompts):
    assert window.sidebar.open_profile(LOCK, guard=False)
    window.document.rotate_by(90)
    turned = window.document.rotation
    assert window.document.is_dirty
    prompts.unsaved_answers = [UnsavedAnswer.CANCEL, UnsavedAnswer.DISCARD]
    window.actions.actions["new"].trigger()
    assert window.document.profile_sku == LOCK and window.document.rotation == turned   # cancelled: kept
    window.actions.actions["new"].trigger()
    assert window.document.data == {} and window.document.profile_sku is None
    assert not window.document.is_dirty
    assert window.windowTitle().startswith("untitled")
    assert window.actions.actions["new"].shortcut().toString() == "Ctrl+N"
    assert window.actions.actions["new"] in window.actions.menus["file"].actions()


def test_a_refused_profile_name_gets_the_rule_in_words_and_the_typed_name_stays(qtbot):
    dialog = SkuDialog("Save profile as", "")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.edit, "IC-3588 v2")
    assert not ok.isEnabled()
    assert dialog.rule.text() == ("\"IC-3588 v2\" cannot name a profile: a SKU is 1 to 64 letters, digits, '.', "
                                  "'_' or '-', starting with a letter or digit.")
    assert "pydantic" not in dialog.rule.text() and "validation error" not in dialog.rule.text()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)     # Enter does not take a refused name
    assert dialog.result() == 0 and dialog.edit.text() == "IC-3588 v2"
    dialog.edit.setCursorPosition(8)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.edit, "-")
    assert dialog.edit.text() == "IC-3588-v2" and ok.isEnabled() and dialog.rule.isHidden()


def test_the_sku_rule_is_said_in_chinese_too(qtbot, window):
    window.switch_language("zh")
    dialog = SkuDialog("x", "IC-3588 v2")
    qtbot.addWidget(dialog)
    assert "不能" in dialog.rule.text() or "SKU" in dialog.rule.text()
    assert "cannot name a profile" not in dialog.rule.text()


def test_save_as_with_a_refused_name_says_the_rule_not_a_pydantic_message(qtbot, window, prompts, library_dir):
    window.document.set_value("internalCameraName", "1")
    prompts.skus = ["IC-3588 v2"]
    assert not window.sidebar.save_as()
    title, text = prompts.errors[-1]
    assert "letters, digits" in text and "validation error" not in text
    assert not (library_dir / "IC-3588 v2.json").exists()


def test_an_empty_library_offers_the_examples_to_open_or_copy_in(qtbot, window, prompts, tmp_path):
    empty = tmp_path / "empty-library"
    prompts.paths = [empty]
    window.choose_library()
    sidebar = window.sidebar
    assert sidebar.showing_examples() and str(empty) in sidebar.examples_note.text()
    assert LOCK in sidebar.skus()
    item = next(sidebar.list.item(i) for i in range(sidebar.list.count()) if sidebar.list.item(i).data(
        Qt.ItemDataRole.UserRole + 1) == LOCK)
    assert "(example)" in item.text()
    sidebar.list.setCurrentItem(item)
    assert not sidebar.buttons["delete"].isEnabled()
    sidebar.buttons["open"].click()
    assert window.document.data.get("internalCameraName") is not None
    assert window.document.profile_sku is None          # an unsaved copy: Save asks for a name
    assert not list(empty.glob("*.json"))
    copied = sidebar.copy_examples()
    assert copied >= 4 and (empty / f"{LOCK}.json").is_file()
    assert not sidebar.showing_examples()
    assert json.loads((empty / f"{LOCK}.json").read_text(encoding="utf-8"))["sku"] == LOCK
    assert sidebar.open_profile(LOCK, guard=False)


def test_a_hidden_key_that_blocks_export_is_shown_and_removed_with_one_click(qtbot, window):
    document = window.document
    document.import_data({"internalCameraName": "0", "cameraId": 1, "uiZoom": 1.2})
    assert "cameraId" not in document.mode.keys              # the form offers internalCameraName only
    assert document.has_errors and window.export.blocked_reason()
    assert "CAM203" in window.findings.codes()
    assert set(window.findings.remove_buttons) == {"cameraId"}
    assert window.findings.remove_bar.isVisibleTo(window)
    assert window.findings.remove_buttons["cameraId"].accessibleName() == "Remove cameraId"
    assert "cameraId" in window.form.other_key_buttons and window.form.other_keys_box.isVisibleTo(window)
    window.findings.remove_buttons["cameraId"].click()
    assert document.data == {"internalCameraName": "0", "uiZoom": 1.2}
    assert not document.has_errors and not window.export.blocked_reason()
    assert not window.findings.remove_bar.isVisibleTo(window) and not window.form.other_keys_box.isVisibleTo(window)


def test_the_other_family_s_keys_are_on_the_form_with_their_value_and_a_remove_button(qtbot, window):
    document = window.document
    document.import_data({"usbCameraName": "/dev/bus/usb/001/004", "cameraRotationAngle": 90, "cameraPushFlip": True})
    form = window.form
    assert set(form.other_key_buttons) == {"cameraRotationAngle", "cameraPushFlip"}
    labels = [w.text() for w in form.other_keys_box.findChildren(type(form._family_note)) if w.text()]
    assert "cameraRotationAngle = 90" in labels and "cameraPushFlip = true" in labels
    form.other_key_buttons["cameraPushFlip"].click()
    assert "cameraPushFlip" not in document.data and document.data["cameraRotationAngle"] == 90
    assert set(form.other_key_buttons) == {"cameraRotationAngle"}
