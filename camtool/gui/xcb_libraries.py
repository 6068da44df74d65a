"""The system libraries Qt's xcb platform plugin needs, checked before Qt loads it.

When one is missing, Qt prints "xcb-cursor0 or libxcb-cursor0 is needed" and aborts the
process (exit 134), naming only the first library it missed: installing that one package
then fails again on the next. camtool looks first, names every missing library, and prints
the one command that installs them all (Debian/Ubuntu and Fedora package names).

Which libraries: the DT_NEEDED entries of PySide6's libqxcb.so and libQt6XcbQpa.so.6 (read
from the files, so a new PySide6 is followed), or the table below when they cannot be read.
A library is present when the dynamic loader can load it by its soname, which is the same
search Qt's own loading does (ld.so.cache, LD_LIBRARY_PATH).
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

#: soname -> (Debian/Ubuntu package, Fedora package). The README lists the same packages.
XCB_PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
}

# Parts of the Python install or of glibc/gcc: never what a technician has to install.
_OWN_PREFIXES = ("libQt6", "libpyside6", "libshiboken6", "libc.so", "libm.so", "libstdc++", "libgcc_s",
                 "libpthread", "libdl.so", "librt.so", "ld-linux")


@dataclass(frozen=True)
class MissingLibraries:
    sonames: tuple[str, ...]

    @property
    def debian_packages(self) -> list[str]:
        return _unique(XCB_PACKAGES[s][0] for s in self.sonames if s in XCB_PACKAGES)

    @property
    def fedora_packages(self) -> list[str]:
        return _unique(XCB_PACKAGES[s][1] for s in self.sonames if s in XCB_PACKAGES)

    @property
    def unknown(self) -> list[str]:
        """Missing libraries camtool has no package name for (named as they are)."""
        return [s for s in self.sonames if s not in XCB_PACKAGES]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def uses_xcb(environ: dict | None = None, platform: str | None = None) -> bool:
    """Will Qt pick its xcb plugin? (Linux/BSD with an X display, unless told otherwise or on Wayland.)"""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(environ.get("DISPLAY"))


def plugin_files() -> list[Path]:
    """libqxcb.so and the library it is built on, inside the installed PySide6 (no Qt loaded)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    roots = [Path(p) / "Qt" for p in (spec.submodule_search_locations or [])] if spec else []
    files = []
    for root in roots:
        files += [root / "plugins" / "platforms" / "libqxcb.so", root / "lib" / "libQt6XcbQpa.so.6"]
    return [f for f in files if f.is_file()]


def needed_sonames(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file ([] when it is not one)."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    try:
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        dynamic = next((s for s in sections if s[1] == 6), None)   # SHT_DYNAMIC
        if dynamic is None:
            return []
        strtab = sections[dynamic[6]]                              # sh_link: its string table
        names = []
        for offset in range(dynamic[4], dynamic[4] + dynamic[5], 16):
            tag, value = struct.unpack_from("<qQ", data, offset)
            if tag == 0:
                break
            if tag == 1:                                           # DT_NEEDED
                start = strtab[4] + value
                names.append(data[start:data.index(b"\0", start)].decode("ascii", "replace"))
        return names
    except (struct.error, IndexError, ValueError):
        return []


def required_sonames(files: list[Path] | None = None) -> list[str]:
    files = plugin_files() if files is None else files
    found = _unique(name for f in files for name in needed_sonames(f))
    if not found:
        return list(XCB_PACKAGES)
    return [name for name in found if not name.startswith(_OWN_PREFIXES)]


def loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(sonames: list[str] | None = None,
                      is_present: Callable[[str], bool] = loadable) -> MissingLibraries:
    sonames = required_sonames() if sonames is None else sonames
    return MissingLibraries(tuple(s for s in sonames if not is_present(s)))
