"""The lab file (TOML): which stations a lab has, checked strictly, each mistake named by its line.

    profiles = "profiles"            # optional: library for `profile =` (relative to the file)
    [[station]]
    name = "intercom-3"              # unique
    serial = "R58M123ABC"            # the WMPF device (device end)
    wechat_serial = "PHONE01"        # optional: the phone in the call (WeChat end)
    config = "configs/ic3588.json"   # or: profile = "IC-3588"; neither = WMPF's defaults ({})
    package = "com.example.doorbell" # optional; needed when apply = true
    apply = false                    # optional

Every config is read (and every profile resolved) while loading, so a wrong path fails the
whole run at once with exit 2 instead of one station per CI build. tomllib gives no line
numbers for keys, so `_LineIndex` finds them in the text: enough to say "line 12".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from camtool.i18n import N_, join_clauses, join_list, tr

STATION_FIELDS = ("name", "serial", "wechat_serial", "config", "profile", "package", "apply")
TOP_FIELDS = ("profiles", "station")
_REQUIRED = ("name", "serial")
_STRINGS = ("name", "serial", "wechat_serial", "config", "profile", "package")


class LabFileError(Exception):
    """The lab file is wrong; the message names the file, the line and what to change."""


@dataclass(frozen=True)
class Station:
    name: str
    serial: str
    config: dict[str, Any]
    wechat_serial: str | None = None
    config_source: str | None = None     # the `config =` path or the `profile =` SKU, as written
    profile: str | None = None
    package: str | None = None
    apply: bool = False
    line: int = 0

    @property
    def sku(self) -> str:
        """What CI groups the station by (JUnit classname): the profile, else the config file name."""
        if self.profile:
            return self.profile
        return Path(self.config_source).stem if self.config_source else "default-config"

    @property
    def devices(self) -> tuple[str, ...]:
        """The serials this station occupies while it runs."""
        return (self.serial,) if not self.wechat_serial else (self.serial, self.wechat_serial)


@dataclass
class Lab:
    path: Path
    stations: list[Station] = field(default_factory=list)


class _LineIndex:
    """Line numbers of `[[station]]` headers and of the keys under each (1-based)."""

    _HEADER = re.compile(r"^\s*\[\[\s*station\s*\]\]")
    _TABLE = re.compile(r"^\s*\[")
    _KEY = re.compile(r"""^\s*["']?([A-Za-z0-9_-]+)["']?\s*=""")

    def __init__(self, text: str) -> None:
        self.stations: list[int] = []
        self.keys: list[dict[str, int]] = []
        self.top: dict[str, int] = {}
        current: dict[str, int] | None = self.top
        for number, line in enumerate(text.splitlines(), start=1):
            if self._HEADER.match(line):
                self.stations.append(number)
                current = {}
                self.keys.append(current)
            elif self._TABLE.match(line):
                current = None   # some other table: its keys are reported by the table check
            elif current is not None and (match := self._KEY.match(line)):
                current.setdefault(match.group(1), number)

    def station(self, index: int, key: str | None = None) -> int:
        if index >= len(self.stations):
            return 0
        return self.keys[index].get(key, self.stations[index]) if key else self.stations[index]


def _where(path: Path, line: int) -> str:
    return f"{path}:{line}" if line else str(path)


def load_lab(path: str | Path, *, config_loader=None) -> Lab:
    """Read and check a lab file; LabFileError (a usage error) says what is wrong and where."""
    path = Path(path).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LabFileError(tr(N_("cannot read the lab file {file} ({reason})."), file=str(path),
                              reason=getattr(exc, "strerror", None) or str(exc))) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LabFileError(tr(N_("{file} is not valid TOML: {reason}"), file=str(path), reason=str(exc))) from None
    lines = _LineIndex(text)
    for key in data:
        if key not in TOP_FIELDS:
            raise LabFileError(tr(N_("{where}: unknown field {field}; a lab file has {fields}."),
                                  where=_where(path, lines.top.get(key, 0)), field=key,
                                  fields=join_list(TOP_FIELDS)))
    profiles = data.get("profiles")
    if profiles is not None and not isinstance(profiles, str):
        raise LabFileError(tr(N_("{where}: profiles must be a folder name in quotes."),
                              where=_where(path, lines.top.get("profiles", 0))))
    raw = data.get("station")
    if not isinstance(raw, list) or not raw or not all(isinstance(s, dict) for s in raw):
        raise LabFileError(tr(N_("{file} lists no station: add a [[station]] table with name and serial."),
                              file=str(path)))
    base = path.parent
    library_dir = (base / profiles) if profiles else None
    lab = Lab(path)
    seen: dict[str, int] = {}
    for index, entry in enumerate(raw):
        station = _station(entry, index, lines, path, base, library_dir, config_loader or load_station_config)
        if station.name in seen:
            raise LabFileError(tr(N_("{where}: station name {name} is used twice (first on line {first}); names must be unique."),
                                  where=_where(path, lines.station(index, "name")), name=station.name,
                                  first=seen[station.name]))
        seen[station.name] = lines.station(index, "name")
        lab.stations.append(station)
    return lab


def _station(entry: dict[str, Any], index: int, lines: _LineIndex, path: Path, base: Path,
             library_dir: Path | None, config_loader) -> Station:
    def fail(key: str | None, problem: str) -> LabFileError:
        return LabFileError(tr(N_("{where}: station {number}: {problem}"),
                               where=_where(path, lines.station(index, key)), number=index + 1, problem=problem))

    for key in entry:
        if key not in STATION_FIELDS:
            raise fail(key, tr(N_("unknown field {field}; a station has {fields}."), field=key,
                       fields=join_list(STATION_FIELDS)))
    for key in _REQUIRED:
        if key not in entry:
            raise fail(None, tr(N_("{field} is missing."), field=key))
    for key in _STRINGS:
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise fail(key, tr(N_("{field} must be a non-empty text in quotes."), field=key))
    if "apply" in entry and not isinstance(entry["apply"], bool):
        raise fail("apply", tr(N_("apply must be true or false.")))
    if "config" in entry and "profile" in entry:
        raise fail("profile", tr(N_("give config or profile, not both.")))
    apply = bool(entry.get("apply", False))
    if "package" in entry:
        from camtool.device.apply import PackageNameError, check_package

        try:
            check_package(entry["package"])
        except PackageNameError as exc:
            raise fail("package", str(exc)) from None
    if entry.get("wechat_serial") == entry["serial"]:
        raise fail("wechat_serial", tr(N_("wechat_serial is the phone in the call; it cannot be the device itself.")))
    key = "config" if "config" in entry else "profile" if "profile" in entry else None
    try:
        config, package = config_loader(entry, base, library_dir)
    except LabFileError as exc:
        raise fail(key, str(exc)) from None
    package = entry.get("package") or package
    if apply and not package:
        raise fail("apply", tr(N_("apply = true needs package (the app with camtool's receiver), or a profile "
                                  "with apply_package.")))
    return Station(name=entry["name"], serial=entry["serial"], wechat_serial=entry.get("wechat_serial"),
                   config=config, config_source=entry.get("config") or entry.get("profile"),
                   profile=entry.get("profile"), package=package, apply=apply,
                   line=lines.station(index))


def load_station_config(entry: dict[str, Any], base: Path, library_dir: Path | None) -> tuple[dict, str | None]:
    """(config, the profile's apply_package or None) of one station, as `camtool verify` reads them."""
    if "config" in entry:
        from camtool.config.rules import validate_file

        file = (base / entry["config"]).expanduser()
        config, findings = validate_file(file)
        if config is None:
            raise LabFileError(join_clauses(f.message for f in findings) or
                               tr(N_("{file} is not a config."), file=str(file)))
        return config, None
    if "profile" in entry:
        from camtool.config.profiles import ProfileLibrary, default_library_dir, profile_to_run

        library = ProfileLibrary(library_dir if library_dir is not None else default_library_dir())
        config, profile, why = profile_to_run(library, entry["profile"])
        if config is None:
            raise LabFileError(why)
        return config, profile.apply_package
    return {}, None
