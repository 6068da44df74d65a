"""The selection form, findings and export as a technician uses them (issue 7, no device needed)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from camtool.config.export import export_config
from camtool.gui.config_document import ConfigDocument
from camtool.gui.export_panel import ExportPanel
from camtool.gui.findings_panel import KEYS_ROLE, FindingsPanel
from camtool.gui.selection import SelectionMode, switch_mode
from camtool.gui.selection_form import SelectionForm, parse_field
from gui_helpers import ScriptedPrompts

USB_KEYS = ("usbCameraName", "usbCameraVendorId", "usbCameraProductId", "usbSerialNumber",
            "usbCameraRotationAngle", "usbCameraPushFlip")


@pytest.fixture
def panels(qtbot):
    document = ConfigDocument()
    form = SelectionForm(document)
    findings = FindingsPanel(document)
    export = ExportPanel(document, ScriptedPrompts())
    for widget in (form, findings, export):
        qtbot.addWidget(widget)
    form.show()
    return document, form, findings, export


def _type(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(edit, text)


def _pick_usb_triple_rotated_flipped(qtbot, form):
    qtbot.mouseClick(form.mode_buttons[SelectionMode.USB_TRIPLE], Qt.MouseButton.LeftButton)
    _type(qtbot, form.wmpf_edit, "2.1.0")
    _type(qtbot, form.edits["usbCameraVendorId"], "0x0bda")
    _type(qtbot, form.edits["usbCameraProductId"], "22136")
    _type(qtbot, form.edits["usbSerialNumber"], "SN-0042")
    qtbot.mouseClick(form.rotation_buttons[90], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.flip_check, Qt.MouseButton.LeftButton)


def test_usb_triple_rotated_and_flipped_has_no_findings_and_exports_like_the_cli(qtbot, panels):
    document, form, findings, export = panels
    _pick_usb_triple_rotated_flipped(qtbot, form)
    assert document.data == {"usbCameraVendorId": 3034, "usbCameraProductId": 22136, "usbSerialNumber": "SN-0042",
                             "usbCameraRotationAngle": 90, "usbCameraPushFlip": True}
    assert findings.codes() == []
    assert export.can_export()
    for to in ("json", "line", "kotlin", "java"):
        assert export.text_of(to) + "\n" == export_config(document.data, to) or \
            export.text_of(to) == export_config(document.data, to)
        assert document.export(to) == export_config(document.data, to)


def test_the_export_is_byte_identical_to_camtool_export(qtbot, panels, tmp_path, capsys):
    from camtool.cli import main

    document, form, _findings, export = panels
    _pick_usb_triple_rotated_flipped(qtbot, form)
    source = tmp_path / "config.json"
    source.write_text(document.export("json"), encoding="utf-8")
    for to in ("json", "line", "kotlin", "java"):
        target = tmp_path / f"gui.{to}"
        export._prompts.paths.append(target)
        export.show_format(to)
        assert export.save_current() == target
        capsys.readouterr()
        assert main(["export", str(source), "--to", to, "--wmpf-version", "2.1.0"]) == 0
        assert target.read_bytes() == capsys.readouterr().out.encode("utf-8")


def test_switching_to_the_built_in_camera_drops_the_usb_keys(qtbot, panels):
    document, form, _findings, _export = panels
    _pick_usb_triple_rotated_flipped(qtbot, form)
    qtbot.mouseClick(form.mode_buttons[SelectionMode.BUILTIN_NAME], Qt.MouseButton.LeftButton)
    assert not set(USB_KEYS) & set(document.data)
    # The technician's rotation and flip carry over to the built-in camera's own keys.
    assert document.data == {"cameraRotationAngle": 90, "cameraPushFlip": True}
    assert "cameraRotationAngle" in form.flip_check.text() or "cameraPushFlip" in form.flip_check.text()
    assert not form.edits["usbSerialNumber"].isVisible()
    assert form.edits["internalCameraName"].isVisible()


def test_an_empty_serial_shows_the_error_and_disables_export(qtbot, panels):
    document, form, findings, export = panels
    _pick_usb_triple_rotated_flipped(qtbot, form)
    _type(qtbot, form.edits["usbSerialNumber"], "")
    assert "CAM202" in findings.codes()
    assert not export.can_export()
    assert "CAM202" in export.save_button.toolTip()
    _type(qtbot, form.edits["usbSerialNumber"], "SN-0042")
    assert findings.codes() == [] and export.can_export()


def test_an_invalid_usb_path_shows_an_error_and_disables_export(qtbot, panels):
    document, form, findings, export = panels
    qtbot.mouseClick(form.mode_buttons[SelectionMode.USB_PATH], Qt.MouseButton.LeftButton)
    _type(qtbot, form.edits["usbCameraName"], "/dev/video0")
    errors = [f for f in document.findings if f.is_error]
    assert errors and errors[0].code in findings.codes()
    assert not export.can_export()
    assert export.blocked_reason() in export.save_button.toolTip()
    _type(qtbot, form.edits["usbCameraName"], "/dev/bus/usb/001/004")
    assert not document.has_errors and export.can_export()


def test_clicking_a_finding_focuses_its_field(qtbot, panels):
    document, form, findings, _export = panels
    qtbot.mouseClick(form.mode_buttons[SelectionMode.USB_PATH], Qt.MouseButton.LeftButton)
    _type(qtbot, form.edits["usbCameraName"], "/dev/video0")
    focused = []
    findings.focusRequested.connect(lambda key: focused.append(form.focus_key(key)))
    form.wmpf_edit.setFocus()
    item = findings.list.item(0)
    rect = findings.list.visualItemRect(item)
    findings.show()
    qtbot.mouseClick(findings.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert focused == [True]


def test_labels_and_tooltips_come_from_the_key_titles_and_descriptions(qtbot, panels):
    from camtool.config.keys import KEYS_BY_NAME

    _document, form, _findings, _export = panels
    for key in ("internalCameraName", "usbCameraVendorId", "usbSerialNumber"):
        assert form.label_text(key).startswith(KEYS_BY_NAME[key].title)
        assert KEYS_BY_NAME[key].description in form.edits[key].toolTip()


@pytest.mark.parametrize("key,text,value", [
    ("usbCameraVendorId", "3034", 3034), ("usbCameraVendorId", "0x0BDA", 3034), ("usbCameraVendorId", "", None),
    ("usbCameraVendorId", "bda", "bda"),  # kept as typed: the rules then say it is not a number
    ("cameraId", " 1 ", 1), ("usbSerialNumber", " SN ", " SN "), ("usbSerialNumber", "", None),
])
def test_typed_text_becomes_json_values(key, text, value):
    assert parse_field(key, text) == value


def test_switching_modes_keeps_other_keys_in_place():
    data = {"uiZoom": 1.5, "usbCameraName": "/dev/bus/usb/001/004", "usbCameraRotationAngle": 270,
            "defaultRenderer": "skyline"}
    result = switch_mode(data, SelectionMode.USB_PATH, SelectionMode.USB_TRIPLE)
    assert result == {"uiZoom": 1.5, "usbCameraRotationAngle": 270, "defaultRenderer": "skyline"}
    result = switch_mode(data, SelectionMode.USB_PATH, SelectionMode.BUILTIN_ID)
    assert result == {"uiZoom": 1.5, "defaultRenderer": "skyline", "cameraRotationAngle": 270}


def test_findings_follow_the_wmpf_version_gates(qtbot, panels):
    document, form, findings, _export = panels
    _type(qtbot, form.edits["internalCameraName"], "0")
    _type(qtbot, form.wmpf_edit, "1.5.0")
    gated = set(findings.codes())
    _type(qtbot, form.wmpf_edit, "2.1.0")
    assert gated != set(findings.codes())
    assert document.wmpf_version == "2.1.0"


def test_a_key_of_the_other_family_can_be_removed_from_its_finding(qtbot, panels):
    document, form, findings, export = panels
    document.import_data({"usbCameraName": "/dev/bus/usb/001/004", "cameraRotationAngle": 90})
    assert document.has_errors and not export.can_export()
    row = next(i for i in range(findings.list.count())
               if "cameraRotationAngle" in findings.list.item(i).data(KEYS_ROLE))
    actions = findings.removal_actions(row)
    assert [a.text() for a in actions] == ["Remove cameraRotationAngle from the config"]
    actions[0].trigger()
    assert document.data == {"usbCameraName": "/dev/bus/usb/001/004"}
    assert not document.has_errors and export.can_export()
