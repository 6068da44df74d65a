"""The window speaks Chinese and English: a complete Qt catalogue, no bare literals, run-time switch."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from PySide6.QtCore import QObject

from camtool import i18n
from camtool.gui.config_document import ConfigDocument
from camtool.gui.preferences import CATALOGUE_DIR, LanguageSwitcher
from camtool.gui.selection_form import SelectionForm

GUI = Path(__file__).resolve().parents[2] / "camtool" / "gui"
TS = CATALOGUE_DIR / "camtool_zh_CN.ts"
QM = CATALOGUE_DIR / "camtool_zh_CN.qm"
# Widget methods whose string argument a technician reads.
TEXT_SETTERS = {"setText", "setTitle", "setToolTip", "setStatusTip", "setPlaceholderText", "setWindowTitle",
                "showMessage", "addTab", "setTabText", "setInformativeText", "show_error", "show_text"}


def _messages():
    tree = ET.parse(TS)
    for context in tree.getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message.find("source").text, message.find("translation")


def test_every_window_text_has_a_finished_chinese_translation_with_its_placeholders():
    messages = list(_messages())
    assert len(messages) > 100
    for context, source, translation in messages:
        assert translation.get("type") is None, f"{context}: unfinished translation of {source!r}"
        assert translation.text, f"{context}: empty translation of {source!r}"
        assert i18n.placeholders(translation.text) == i18n.placeholders(source), f"{context}: {source!r}"


def test_the_catalogue_holds_every_text_the_code_translates(tmp_path):
    """lupdate over the code finds nothing new: no string was added without its translation."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in GUI.glob("*.py"))
    result = subprocess.run([str(lupdate), *sources, "-ts", str(copy)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "0 new" in result.stdout, result.stdout


def test_the_compiled_catalogue_matches_its_source(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    fresh = tmp_path / QM.name
    subprocess.run([str(lrelease), str(TS), "-qm", str(fresh)], check=True, capture_output=True, timeout=60)
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on camtool_zh_CN.ts and commit the .qm"


def test_no_bare_literal_reaches_a_widget():
    """Texts given to widgets go through self.tr()/translate(), or come translated from camtool.i18n."""
    offenders = []
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr in TEXT_SETTERS:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value.strip():
                        offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, "untranslated text at " + ", ".join(offenders)


def test_switching_the_language_retranslates_an_open_form(qtbot):
    form = SelectionForm(ConfigDocument())
    qtbot.addWidget(form)
    form.show()
    switcher = LanguageSwitcher()
    english = form.label_text("internalCameraName"), form._camera_box.title()
    try:
        assert switcher.switch("zh") == "zh"
        qtbot.waitUntil(lambda: form._camera_box.title() == "摄像头")
        # The key titles come from the Qt-free catalogue and switch with it.
        assert form.label_text("internalCameraName") == "内置摄像头 ID："
        # Labels built in code take Chinese punctuation too: "标题（cameraRotationAngle）：".
        assert form._rotation_label.text().endswith("（cameraRotationAngle）：")
        assert "(" not in form.flip_check.text() and form.flip_check.text().endswith("（cameraPushFlip）")
        switcher.switch("en")
        qtbot.waitUntil(lambda: (form.label_text("internalCameraName"), form._camera_box.title()) == english)
    finally:
        switcher.switch("en")


def _cut_off_texts(window) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

    cut = []
    widgets = window.findChildren(QAbstractButton) + window.findChildren(QLabel) + window.findChildren(QLineEdit)
    for widget in widgets:
        if not widget.isVisibleTo(window):
            continue
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        too_narrow = not wraps and not isinstance(widget, QLineEdit) and widget.width() < widget.sizeHint().width()
        needed = widget.heightForWidth(widget.width()) if wraps else widget.minimumSizeHint().height()
        if too_narrow or widget.height() < needed:
            cut.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}: "
                       f"{widget.width()}x{widget.height()}, needs {widget.sizeHint().width()}x{needed}")
    return cut


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("profile", ["doorlock-l7-builtin", "intercom-v3-usb"])   # built-in and USB triple forms
def test_no_text_is_cut_off_at_1366x768(qtbot, window, lang, profile):
    assert window.sidebar.open_profile(profile)
    window.switch_language(lang)
    window.resize(1366, 768)
    # Layouts settle in the event loop after the changes: poll with a deadline, then report.
    try:
        qtbot.waitUntil(lambda: window.width() == 1366 and not _cut_off_texts(window), timeout=3000)
    except qtbot.TimeoutError:
        pytest.fail("cut off:\n" + "\n".join(_cut_off_texts(window)))


def test_every_panel_of_an_open_window_follows_a_language_switch(qtbot, window):
    """Each panel re-reads its texts on Qt's LanguageChange (gui/retranslating.py): none stays English."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    from camtool.gui.retranslating import Retranslating

    def texts(panel) -> list[str]:
        children = panel.findChildren(QAbstractButton) + panel.findChildren(QLabel)
        return ([w.text() for w in children if w.text()] + [b.title() for b in panel.findChildren(QGroupBox)]
                + ([panel.windowTitle()] if panel.isWindow() else []))

    panels = [w for w in [window, *window.findChildren(QObject)] if isinstance(w, Retranslating)]
    names = {type(panel).__name__ for panel in panels}
    assert {"MainWindow", "SelectionForm", "ExportPanel", "ProfilesSidebar"} <= names
    english = {id(panel): texts(panel) for panel in panels}
    try:
        window.switch_language("zh")
        for panel in panels:
            if not english[id(panel)]:
                continue
            qtbot.waitUntil(lambda panel=panel: texts(panel) != english[id(panel)], timeout=3000)
    finally:
        window.switch_language("en")
