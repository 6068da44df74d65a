#!/usr/bin/env bash
# Screenshots of the camtool window for the README, in English and Chinese.
# Runs under Xvfb when it is installed (apt-get install -y xvfb; Qt's xcb plugin also needs
# libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
# libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0, and fonts-noto-cjk for
# Chinese), so fonts and style are a
# real X desktop's; falls back to Qt's offscreen platform otherwise. Re-run after UI changes:
#   bash tools/screenshot.sh [OUTPUT_DIR]     (default docs/images)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/docs/images}"
python="${PYTHON:-$here/.venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"
mkdir -p "$out"

run() {
    if command -v xvfb-run >/dev/null 2>&1; then
        # -a: a free display number; 24-bit screen large enough for 1366x768 and the menus.
        QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" "$python" -m camtool.gui.screenshot "$@"
    else
        echo "xvfb-run not found: drawing offscreen (install xvfb for desktop fonts)" >&2
        QT_QPA_PLATFORM=offscreen "$python" -m camtool.gui.screenshot "$@"
    fi
}

# Live on the virtual device (default scenario), with the door-lock profile open.
run "$out/window-en.png" --lang en --profile doorlock-l7-builtin
run "$out/window-zh.png" --lang zh --profile doorlock-l7-builtin
