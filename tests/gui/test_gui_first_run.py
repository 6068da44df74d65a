"""What a technician meets on the first run: missing system libraries, no display, Chinese dialogs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from camtool.gui import xcb_libraries

ROOT = Path(__file__).resolve().parents[2]

_CHECK_ONLY = """
import sys
from camtool import i18n
from camtool.gui import app, xcb_libraries
i18n.set_language(None)  # from LANG, as `camtool` does before it opens the window
missing = xcb_libraries.MissingLibraries(tuple(sys.argv[1:]))
code = app.run(find_missing_xcb=lambda: missing)
# Qt never got as far as a window (or its platform plugin): nothing of QtGui was loaded.
print("QtGui loaded" if "PySide6.QtGui" in sys.modules else "QtGui not loaded")
raise SystemExit(code)
"""


def _run_check(*missing: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", LANG="zh_CN.UTF-8" if lang == "zh" else "C.UTF-8", LC_ALL="")
    return subprocess.run([sys.executable, "-c", _CHECK_ONLY, *missing], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_a_missing_xcb_library_is_named_with_the_commands_that_install_it_and_camtool_exits_1():
    result = _run_check("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    assert result.returncode == 1, result.stderr
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in result.stderr
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in result.stderr
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in result.stderr
    assert "QtGui not loaded" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_in_chinese_the_missing_libraries_are_listed_with_the_enumeration_comma():
    result = _run_check("libxcb-icccm.so.4", "libxcb-keysyms.so.1", lang="zh")
    assert result.returncode == 1, result.stderr
    assert "libxcb-icccm.so.4、libxcb-keysyms.so.1" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_a_library_camtool_has_no_package_for_is_named_as_it_is():
    result = _run_check("libxcb-future.so.9")
    assert result.returncode == 1
    assert "libxcb-future.so.9" in result.stderr and "apt-get" not in result.stderr


def test_the_libraries_looked_for_are_what_the_installed_plugin_needs():
    files = xcb_libraries.plugin_files()
    if not any(f.name == "libqxcb.so" for f in files):
        pytest.skip("this PySide6 has no xcb plugin (not Linux)")
    needed = xcb_libraries.required_sonames(files)
    assert "libxcb-icccm.so.4" in needed and "libxcb-cursor.so.0" in needed
    assert not any(name.startswith("libQt6") for name in needed)
    # Every library the plugin needs has its package names (the README lists the same ones).
    assert [name for name in needed if name not in xcb_libraries.XCB_PACKAGES] == []
    for name in ("README.md", "README.zh-CN.md"):
        readme = (ROOT / name).read_text(encoding="utf-8")
        for debian, fedora in xcb_libraries.XCB_PACKAGES.values():
            assert f" {debian} " in readme and f" {fedora} " in readme, (name, debian, fedora)


def test_the_check_reports_exactly_the_libraries_the_loader_cannot_find():
    present = {"libxcb.so.1", "libX11.so.6"}
    missing = xcb_libraries.missing_libraries(["libxcb.so.1", "libxcb-icccm.so.4", "libX11.so.6"],
                                              is_present=present.__contains__)
    assert missing.sonames == ("libxcb-icccm.so.4",)
    assert missing.debian_packages == ["libxcb-icccm4"] and missing.fedora_packages == ["xcb-util-wm"]


def test_only_an_xcb_session_is_checked():
    assert xcb_libraries.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not xcb_libraries.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert xcb_libraries.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not xcb_libraries.uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland",
                                       "DISPLAY": ":0"}, "linux")
    assert not xcb_libraries.uses_xcb({"DISPLAY": ":0"}, "win32")


def test_without_a_display_the_message_names_the_command_as_the_technician_runs_it(monkeypatch, capsys, tmp_path):
    from camtool.gui.app import run

    if sys.platform.startswith(("win", "darwin")):
        pytest.skip("Windows and macOS always have a display for a desktop session")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    script = tmp_path / ".venv" / "bin" / "camtool"
    script.parent.mkdir(parents=True)
    script.write_text("")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [".venv/bin/camtool"])
    assert run() == 1
    assert ".venv/bin/camtool --help" in capsys.readouterr().err


def test_qt_standard_buttons_speak_chinese(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from camtool.gui.preferences import LanguageSwitcher

    switcher = LanguageSwitcher()
    try:
        assert switcher.switch("zh") == "zh"
        box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Save
                          | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        texts = {box.button(b).text().replace("&", "") for b in (QMessageBox.StandardButton.Save,
                                                                 QMessageBox.StandardButton.Discard,
                                                                 QMessageBox.StandardButton.Cancel)}
        assert texts.isdisjoint({"Save", "Discard", "Cancel"}), texts
        assert "保存" in "".join(texts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") != "Cancel"
    finally:
        switcher.switch("en")
