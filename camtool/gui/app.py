"""Starts the window: `camtool` / `camtool gui [--smoke]` land here (imported lazily by the CLI).

Without a device service given, the window gets the adb device layer and starts the
virtual device when no phone is attached. The smoke run opens the window offscreen on the
virtual device, waits (on signals, with a deadline) for the first live frame of both ends,
prints how long it took, and exits 0; CI and the README check use it. When adb cannot start,
the ends stay simulated, the banner says why, and the smoke run waits for the simulated ends.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from camtool import exitcodes

SMOKE_DEADLINE_MS = 30_000


def _no_display() -> bool:
    """A desktop session is needed unless Qt is told to draw offscreen (Linux/BSD only)."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _library(settings, smoke: bool):
    from camtool.config.profiles import ProfileLibrary, default_library_dir
    from camtool.resources import shipped_profiles_dir

    if smoke:
        return ProfileLibrary(shipped_profiles_dir())   # read only: nothing is saved in a smoke run
    return ProfileLibrary(settings.library_dir() or default_library_dir())


def _command_name() -> str:
    """How the technician runs this camtool: `.venv/bin/camtool` after `make run`, else `camtool`."""
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is None or argv0.name != "camtool" or not argv0.exists():
        return "camtool"
    try:
        return str(argv0.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(argv0)


def _missing_xcb_message(missing) -> str:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    from camtool.gui.preferences import translate_without_app
    from camtool.i18n import join_list  # the language translate_without_app speaks

    lines = [translate_without_app("Startup", QT_TRANSLATE_NOOP(
        "Startup", "camtool cannot open its window: Qt's X11 (xcb) platform plugin needs system libraries "
                   "that are not installed: {libraries}.")).format(libraries=join_list(missing.sonames))]
    if missing.debian_packages:
        lines.append(translate_without_app("Startup", QT_TRANSLATE_NOOP(
            "Startup", "Install them, then run camtool again:")))
        lines.append(translate_without_app("Startup", QT_TRANSLATE_NOOP(
            "Startup", "  Debian/Ubuntu: {command}")).format(
            command="sudo apt-get install " + " ".join(missing.debian_packages)))
        lines.append(translate_without_app("Startup", QT_TRANSLATE_NOOP(
            "Startup", "  Fedora: {command}")).format(command="sudo dnf install " + " ".join(missing.fedora_packages)))
    if missing.unknown:
        lines.append(translate_without_app("Startup", QT_TRANSLATE_NOOP(
            "Startup", "Install the package that provides {libraries} on your system.")).format(
            libraries=join_list(missing.unknown)))
    lines.append(translate_without_app("Startup", QT_TRANSLATE_NOOP(
        "Startup", "The command line works without them: {command} --help")).format(command=_command_name()))
    return "\n".join(lines)


def run(smoke: bool = False, *, device_service=None, find_missing_xcb=None) -> int:
    """Open the window and run until it closes; returns the process exit code.

    `find_missing_xcb` (tests) replaces the look-up of the xcb plugin's system libraries.
    """
    started = time.perf_counter()
    if smoke:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif _no_display():
        from PySide6.QtCore import QT_TRANSLATE_NOOP

        from camtool.gui.preferences import translate_without_app

        source = QT_TRANSLATE_NOOP("Startup", "camtool found no display to open its window on. Run it in a "
                                              "desktop session, or use the command line: {command} --help")
        print(translate_without_app("Startup", source).format(command=_command_name()), file=sys.stderr)
        return exitcodes.NO
    else:
        from camtool.gui import xcb_libraries

        # Qt aborts the whole process (exit 134) when its xcb plugin misses a library: look first.
        if xcb_libraries.uses_xcb():
            missing = (find_missing_xcb or xcb_libraries.missing_libraries)()
            if missing.sonames:
                print(_missing_xcb_message(missing), file=sys.stderr)
                return exitcodes.NO

    from PySide6.QtWidgets import QApplication

    from camtool.gui.config_document import ConfigDocument
    from camtool.gui.main_window import MainWindow
    from camtool.gui.preferences import (LanguageSwitcher, WindowSettings, default_qsettings, file_qsettings,
                                         system_language)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("camtool")
    app.setApplicationName("camtool")
    with tempfile.TemporaryDirectory(prefix="camtool-smoke-") as scratch:
        store = file_qsettings(Path(scratch) / "settings.ini") if smoke else default_qsettings()
        settings = WindowSettings(store)
        language = LanguageSwitcher(app)
        language.switch(settings.language() or system_language())
        if device_service is None:
            device_service = _adb_service()
        window = MainWindow(ConfigDocument(), _library(settings, smoke), settings, language=language,
                            device_service=device_service, auto_virtual=device_service is not None)
        window.show()
        shown_ms = (time.perf_counter() - started) * 1000
        code = app.exec() if not smoke else _finish_smoke(app, window, started, shown_ms)
    # The window has gone; work it stopped waiting for (a device call bounded by its timeout)
    # ends here, before Python tears down a QThread that still runs.
    from camtool.gui.workers import wait_for_detached

    wait_for_detached()
    return code


def _adb_service():
    """The adb device layer; None (simulated ends) if it cannot even be set up."""
    try:
        from camtool.device.device_service import AdbDeviceService

        return AdbDeviceService()
    except Exception as exc:  # e.g. a broken ANDROID_ADB_SERVER_PORT: the window still opens
        print(exc, file=sys.stderr)
        return None


def _smoke_done(window) -> tuple[bool, bool]:
    """(finished, live): live frames of both ends, or simulated ends after the virtual device failed."""
    ends = window.ends
    if ends.live_ends_shown() and ends.both_ends_shown():
        return True, True
    side = window.device_side
    host = side.virtual_host if side is not None else None
    gave_up = side is None or (host is not None and not host.busy and host.current is None
                               and side.listed_once)
    return gave_up and ends.both_ends_shown(), False


def _finish_smoke(app, window, started: float, shown_ms: float) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    loop = QEventLoop()
    check = lambda *_: loop.quit() if _smoke_done(window)[0] else None  # noqa: E731
    window.ends.bothEndsShown.connect(check)
    window.ends.liveEndsShown.connect(check)
    side = window.device_side
    if side is not None and side.virtual_host is not None:
        side.virtual_host.failed.connect(check)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    if not _smoke_done(window)[0]:
        deadline.start(SMOKE_DEADLINE_MS)
        loop.exec()
    ok, live = _smoke_done(window)
    frames_ms = (time.perf_counter() - started) * 1000
    deadline.stop()
    window.document.mark_saved()   # nothing to guard in a smoke run
    window.close()
    window.deleteLater()
    if ok and live:
        print(QCoreApplication.translate("Smoke", "camtool gui smoke: window shown after {shown} ms, first frame "
                                                  "of both ends after {frames} ms (live, virtual device).").format(
            shown=round(shown_ms), frames=round(frames_ms)))
        return exitcodes.OK
    if ok:
        print(QCoreApplication.translate("Smoke", "camtool gui smoke: window shown after {shown} ms, first frame "
                                                  "of both ends after {frames} ms (simulated ends).").format(
            shown=round(shown_ms), frames=round(frames_ms)))
        return exitcodes.OK
    print(QCoreApplication.translate("Smoke", "camtool gui smoke: no frame of both ends within {seconds} s.").format(
        seconds=SMOKE_DEADLINE_MS // 1000), file=sys.stderr)
    return exitcodes.NO
