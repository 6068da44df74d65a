"""Takes the README's screenshot of the window: `python -m camtool.gui.screenshot OUT.png [--lang zh]`.

tools/screenshot.sh runs it under Xvfb (a real X server, so fonts and styles are a
desktop's); without Xvfb it draws offscreen. It works on throwaway settings and a copy of
the shipped profiles, opens one of them, waits for both ends' first frame and saves
the window as PNG.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from camtool import exitcodes

DEFAULT_SIZE = (1366, 768)
FRAME_DEADLINE_MS = 20_000


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m camtool.gui.screenshot")
    parser.add_argument("output", type=Path)
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--profile", default=None)
    parser.add_argument("--size", default=f"{DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]}")
    parser.add_argument("--mounting", type=int, choices=(0, 90, 180, 270), default=0,
                        help="clockwise turn of the simulated camera's picture")
    parser.add_argument("--check", action="store_true", help="run the orientation check first (its dock open)")
    parser.add_argument("--simulated", action="store_true",
                        help="no device layer: both ends simulated (default: live on the virtual device)")
    return parser.parse_args(argv)


def take(output: Path, lang: str = "en", profile: str | None = None, size: tuple[int, int] = DEFAULT_SIZE,
         mounting: int = 0, live: bool = True, check: bool = False) -> bool:
    """Save a PNG of the window; False when both ends did not show a frame in time."""
    from PySide6.QtWidgets import QApplication

    from camtool.config.profiles import ProfileLibrary
    from camtool.config.turns import Turn
    from camtool.gui.config_document import ConfigDocument
    from camtool.gui.main_window import MainWindow
    from camtool.gui.preferences import LanguageSwitcher, WindowSettings, file_qsettings
    from camtool.resources import shipped_profiles_dir

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="camtool-screenshot-") as scratch:
        library_dir = Path(scratch) / "profiles"
        shutil.copytree(shipped_profiles_dir(), library_dir)
        library = ProfileLibrary(library_dir)
        language = LanguageSwitcher(app)
        language.switch(lang)
        service = None
        if live:  # as `camtool` opens: on the virtual device when no phone is attached
            from camtool.device.device_service import AdbDeviceService

            service = AdbDeviceService()
        window = MainWindow(ConfigDocument(), library, WindowSettings(file_qsettings(Path(scratch) / "s.ini")),
                            language=language, device_service=service, auto_virtual=live)
        window.resize(*size)
        try:
            skus = library.list()
            if skus:
                window.sidebar.open_profile(profile if profile in skus else skus[0], guard=False, quiet=True)
            window.ends.set_mounting(Turn(mounting, False))
            window.show()
            # Wait (polling, with a deadline) until both views show the newest request's frames.
            if live:
                side = window.device_side
                settled = lambda: (window.ends.live_ends_shown() and bool(side.cameras.items())  # noqa: E731
                                   and window.ends.both_ends_shown())
            else:
                settled = lambda: window.ends.both_ends_shown() and window.ends.is_up_to_date()  # noqa: E731
            _wait_until(settled, FRAME_DEADLINE_MS)
            if check:   # with the orientation check's dock open, as after Ctrl+K
                window.orientation_check.run()
                _wait_until(lambda: window.orientation_check.verdict is not None, FRAME_DEADLINE_MS)
            _wait_until(lambda: False, 100)   # let the views paint the frames they took
            ok = settled()
            if ok:
                output.parent.mkdir(parents=True, exist_ok=True)
                ok = window.grab().save(str(output), "PNG")
        finally:
            window.document.mark_saved()
            window.close()
            window.deleteLater()
            language.switch("en")
    return ok


def _wait_until(predicate, deadline_ms: int) -> None:
    """Run the event loop until `predicate()` holds or the deadline passes."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if predicate() else None)
    poll.start(20)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(deadline_ms)
    if not predicate():
        loop.exec()
    poll.stop()
    deadline.stop()


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        print(f"--size: expected WIDTHxHEIGHT, e.g. 1366x768, not {args.size!r}", file=sys.stderr)
        return exitcodes.USAGE
    if not take(args.output, args.lang, args.profile, (width, height), args.mounting, live=not args.simulated,
                check=args.check):
        print(f"no screenshot: both ends did not show a frame within {FRAME_DEADLINE_MS // 1000} s", file=sys.stderr)
        return exitcodes.NO
    print(args.output)
    return exitcodes.OK


if __name__ == "__main__":
    sys.exit(main())
