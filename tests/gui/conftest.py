"""GUI test fixtures: a window on throwaway settings and library, scripted dialogs, and a leak check.

Every GUI test fails when it leaves a camtool worker thread, an active QTimer or a running
QProcess behind (checked after pytest-qt has closed the test's widgets).
"""

from __future__ import annotations

import shutil

import pytest

from gui_helpers import ScriptedPrompts, qt_leftovers


@pytest.fixture(autouse=True)
def _no_qt_leftovers(qapp, qtbot, request):
    yield
    # pytest-qt closed the test's widgets before this runs; what still runs now is a leak.
    try:
        qtbot.waitUntil(lambda: not qt_leftovers(), timeout=3000)
    except qtbot.TimeoutError:
        pytest.fail("the test left behind: " + ", ".join(qt_leftovers()), pytrace=False)


@pytest.fixture
def prompts():
    return ScriptedPrompts()


@pytest.fixture
def settings(tmp_path):
    from camtool.gui.preferences import WindowSettings, file_qsettings

    return WindowSettings(file_qsettings(tmp_path / "settings.ini"))


@pytest.fixture
def library_dir(tmp_path):
    """A copy of the shipped example profiles, so tests may save and delete."""
    from camtool.resources import shipped_profiles_dir

    target = tmp_path / "profiles"
    shutil.copytree(shipped_profiles_dir(), target)
    return target


@pytest.fixture
def library(library_dir):
    from camtool.config.profiles import ProfileLibrary

    return ProfileLibrary(library_dir)


@pytest.fixture
def document():
    from camtool.gui.config_document import ConfigDocument

    return ConfigDocument()


@pytest.fixture
def window(qtbot, document, library, settings, prompts):
    from camtool.gui.preferences import LanguageSwitcher
    from camtool.gui.main_window import MainWindow

    win = MainWindow(document, library, settings, prompts=prompts, language=LanguageSwitcher())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.ends.both_ends_shown, timeout=10_000)
    yield win
    win.language.switch("en")
