"""A directory of per-SKU profiles: list, load, resolve `extends`, validate, create, save, delete, diff.

`extends` makes another profile's config the base and this one's config overrides it, key
by key (a shallow merge). In a profile that extends another, a key set to null removes the
inherited key, so a child can switch a USB parent to a built-in camera. Cycles and missing
parents are findings. Saves are atomic and refused when the resolved config has error
findings: `save` raises ProfileError carrying those findings, and writes nothing.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from camtool.config.atomic import atomic_write_text
from camtool.config.errors import ProfileError
from camtool.config.findings import Finding, has_errors, sorted_findings
from camtool.config.keys import CAMERA_KEY_ORDER
from camtool.config.rules_codes import LazyText, make_finding, printable
from camtool.config.profile_file import Profile, profile_finding, profile_to_text, read_profile_file, sku_problem
from camtool.i18n import N_, ListText
from camtool.resources import shipped_profiles_dir

__all__ = ["NOT_SET", "ProfileLibrary", "default_library_dir", "diff_configs"]


class _NotSet:
    """A key a config does not have (distinct from a JSON null)."""

    def __repr__(self) -> str:
        return "NOT_SET"


NOT_SET: Any = _NotSet()


def diff_configs(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(key, a_value, b_value) for every key whose JSON differs; NOT_SET where a side lacks it.

    Camera keys come first in their fixed order, then the other keys as they appear in a, then b.
    `true` and 1 differ here, as they do for WMPF.
    """
    keys = [k for k in CAMERA_KEY_ORDER if k in a or k in b]
    keys += [k for k in [*a, *b] if k not in CAMERA_KEY_ORDER]
    seen: set[str] = set()
    rows = []
    for key in keys:
        if key in seen:
            continue
        seen.add(key)
        left, right = a.get(key, NOT_SET), b.get(key, NOT_SET)
        if left is NOT_SET or right is NOT_SET or _as_json(left) != _as_json(right):
            rows.append((key, left, right))
    return rows


def _as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, sort_keys=False)


def default_library_dir() -> Path:
    """The per-user profile library: e.g. ~/.local/share/camtool/profiles on Linux,
    %LOCALAPPDATA%\\camtool\\profiles on Windows, ~/Library/Application Support/camtool/profiles on macOS."""
    return platformdirs.user_data_path("camtool", appauthor=False) / "profiles"


class _Resolved(NamedTuple):
    """A profile's config merged with its whole `extends` chain, which ended without a finding."""

    config: dict[str, Any]
    skus: frozenset[str]  # the chain's SKUs, lower case


class ProfileLibrary:
    """The profiles in one directory, one `<sku>.json` file each."""

    default_library_dir = staticmethod(default_library_dir)

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    @classmethod
    def default(cls) -> "ProfileLibrary":
        """The technician's own library in the per-user data folder (created on the first save)."""
        return cls(default_library_dir())

    def __repr__(self) -> str:
        return f"ProfileLibrary({str(self.directory)!r})"

    # --- reading -----------------------------------------------------------------------
    def path_for(self, sku: str) -> Path:
        """The file of `sku`; ProfileError for a name that could escape the directory or is not portable."""
        problem = sku_problem(sku)
        if problem:
            raise ProfileError(N_("\"{sku}\" cannot be a profile name: {problem}."), sku=sku, problem=LazyText(problem))
        return self.directory / f"{sku}.json"

    def problem(self, *, must_exist: bool = True) -> ProfileError | None:
        """Why the library folder cannot be used (missing, not a folder, not readable), or None.

        `list()` cannot tell an empty library from one it may not read (the OS hides the
        files either way), so a command that reports on the whole library asks this first.
        """
        try:
            mode = os.stat(self.directory).st_mode
        except (FileNotFoundError, NotADirectoryError):
            if not must_exist:
                return None
            return ProfileError(N_("The profile library {directory} does not exist. Check the folder given with "
                                   "--profiles, or create a profile there with camtool profiles new SKU."),
                                directory=str(self.directory))
        except OSError as exc:
            return self._unreadable(exc)
        if not stat.S_ISDIR(mode):
            return ProfileError(N_("The profile library {directory} is a file, not a folder. Give the folder that "
                                   "holds the profiles with --profiles DIR."), directory=str(self.directory))
        try:
            with os.scandir(self.directory) as entries:
                for entry in entries:
                    if entry.name.endswith(".json"):
                        os.stat(entry.path)  # a folder without search permission lists names but cannot open them
        except OSError as exc:
            return self._unreadable(exc)
        return None

    def list(self) -> list[str]:
        """The SKUs in the library, sorted case-insensitively (files with unusable names are skipped).

        Never raises: an unreadable folder lists nothing (ask `problem()` to know why)."""
        if _is_file_or_dir(self.directory) != "dir":
            return []
        skus = [p.stem for p in self.directory.glob("*.json")
                if sku_problem(p.stem) is None and _is_file_or_dir(p) == "file"]
        return sorted(skus, key=lambda s: (s.lower(), s))

    def exists(self, sku: str) -> bool:
        return sku_problem(sku) is None and _is_file_or_dir(self.directory / f"{sku}.json") == "file"

    def read(self, sku: str) -> tuple[Profile | None, list[Finding]]:
        """The profile and the findings about its file; (None, findings) when it cannot be used."""
        if sku_problem(sku) is not None:
            return None, [self._missing(sku)]
        kind = _is_file_or_dir(self.directory / f"{sku}.json")
        if kind is None or kind == "dir":
            return None, [self._missing(sku)]
        if kind == "other":  # a FIFO named like a profile would block the read forever
            return None, [make_finding("CAM001", (), N_("{source} is not a regular file (a pipe, a device or a socket)."),
                                       N_("Keep only profile files in the library folder."),
                                       source=printable(str(self.directory / f"{sku}.json")))]
        return read_profile_file(self.directory / f"{sku}.json")  # "unreadable" too: it says why (CAM001)

    def load(self, sku: str) -> Profile:
        """The profile `sku`; ProfileError (with findings) when it is missing or not a valid profile file."""
        profile, findings = self.read(sku)
        if profile is None:
            raise ProfileError(N_("Profile {sku} cannot be opened."), findings=findings, sku=sku)
        return profile

    def resolved_config(self, sku: str) -> tuple[dict[str, Any], list[Finding]]:
        """The config of `sku` with its `extends` chain merged in, and the findings of the merge."""
        profile, findings = self.read(sku)
        if profile is None:
            return {}, findings
        config, chain_findings = self.resolve(profile)
        return config, findings + chain_findings

    def resolve(self, profile: Profile) -> tuple[dict[str, Any], list[Finding]]:
        """Merge `profile` (saved or not) over the parents named by `extends`, read from the library."""
        return self._resolve(profile, self.read, None)

    def _resolve(self, profile: Profile, read, done: dict[str, _Resolved] | None) -> tuple[dict[str, Any], list[Finding]]:
        """`resolve`, reading through `read`; with `done` (what validate already resolved, by the
        name it was read under), the walk stops at a parent whose chain is known to be sound, so
        checking a library with a chain of N profiles reads and merges each one once, not N/2 times."""
        chain = [profile]
        findings: list[Finding] = []
        names = [profile.sku]           # for the cycle's message
        seen = {profile.sku.lower()}    # SKUs compare without case, as file names do on Windows and macOS
        base: _Resolved | None = None
        current = profile
        while current.extends is not None:
            parent_sku = current.extends
            if parent_sku.lower() in seen:
                findings.append(profile_finding(
                    "CAM855", N_("The profiles extend each other in a cycle: {cycle}."),
                    N_("Remove \"extends\" from one of them, so that the chain ends at a profile without it."),
                    keys=("extends",), cycle=" -> ".join([*names, parent_sku])))
                break
            known = done.get(parent_sku) if done is not None else None
            if known is not None and seen.isdisjoint(known.skus):  # its chain ends soundly and never comes back here
                base = known
                break
            parent, _parent_findings = read(parent_sku)
            if parent is None:
                findings.append(profile_finding(
                    "CAM854", N_("Profile {sku} extends {parent}, which is missing or cannot be read."),
                    N_("Create profile {parent}, correct it (camtool profiles validate {parent}), or change \"extends\"."),
                    keys=("extends",), sku=current.sku, parent=parent_sku))
                break
            chain.append(parent)
            names.append(parent.sku)
            # The name read too: a file whose "sku" differs from its name may extend that name
            # (itself), and with only the SKU remembered the walk never ended.
            seen.update((parent.sku.lower(), parent_sku.lower()))
            current = parent
        merged: dict[str, Any] = dict(base.config) if base is not None else {}
        skus = base.skus if base is not None else frozenset()
        for index, link in enumerate(reversed(chain)):
            for key, value in link.config.items():
                if value is None and (index > 0 or base is not None):  # a child's null removes what it inherited
                    merged.pop(key, None)
                else:
                    merged[key] = value
            if done is not None and not findings:
                # Every link of a sound chain heads a sound chain itself: remember each, so that
                # validating the others (in any order) stops here instead of walking it again.
                skus = skus.union((link.sku.lower(),))
                position = len(chain) - 1 - index
                read_as = chain[position - 1].extends if position > 0 else profile.sku
                if read_as == link.sku:
                    done[link.sku] = _Resolved(dict(merged), skus)
        return merged, findings

    def validate(self, sku: str | list[str] | None = None, *, wmpf_version: str | None = None) -> dict[str, list[Finding]]:
        """Findings per SKU (the whole library when `sku` is None): file, extends chain and config rules."""
        from camtool.config.rules import validate as validate_config

        skus = self.list() if sku is None else ([sku] if isinstance(sku, str) else list(sku))
        reads: dict[str, tuple[Profile | None, list[Finding]]] = {}

        def read(name: str) -> tuple[Profile | None, list[Finding]]:
            if name not in reads:
                reads[name] = self.read(name)
            return reads[name]

        done: dict[str, _Resolved] = {}
        report: dict[str, list[Finding]] = {}
        for name in skus:
            profile, findings = read(name)
            if profile is not None:
                config, chain_findings = self._resolve(profile, read, done if profile.sku == name else None)
                findings = findings + chain_findings + validate_config(config, wmpf_version=wmpf_version)
            report[name] = sorted_findings(findings)
        return report

    def children(self, sku: str) -> list[str]:
        """The profiles that extend `sku` directly."""
        found = []
        for name in self.list():
            profile, _ = self.read(name)
            if profile is not None and profile.extends is not None and profile.extends.lower() == sku.lower():
                found.append(name)
        return found

    def diff(self, a: str, b: str) -> list[tuple[str, Any, Any]]:
        """Differences between the resolved configs of two profiles (see diff_configs)."""
        configs = []
        for sku in (a, b):
            config, findings = self.resolved_config(sku)
            if has_errors(findings):
                raise ProfileError(N_("Profile {sku} cannot be compared: it cannot be resolved."), findings=findings, sku=sku)
            configs.append(config)
        return diff_configs(*configs)

    # --- writing -----------------------------------------------------------------------
    def new(self, sku: str, extends: str | None = None, *, description: str = "",
            description_zh_cn: str | None = None) -> Profile:
        """Create and save an empty profile (or one that only extends `extends`)."""
        self.path_for(sku)
        self._refuse_name_clash(sku, allow_same=False)
        if extends is not None and not self.exists(extends):
            raise ProfileError(N_("Profile {parent} does not exist, so {sku} cannot extend it."),
                               findings=[self._missing(extends)], sku=sku, parent=extends)
        profile = Profile(sku=sku, description=description, description_zh_cn=description_zh_cn or None,
                          extends=extends)
        self.save(profile)
        return profile

    def save(self, profile: Profile, *, wmpf_version: str | None = None) -> list[Finding]:
        """Write `profile` atomically; returns its warnings and info.

        Raises ProfileError carrying the findings, and writes nothing, when the resolved
        config or the extends chain has an error. OSError from the disk passes through
        (the old file is then intact).
        """
        from camtool.config.rules import validate as validate_config

        target = self.path_for(profile.sku)
        self._refuse_name_clash(profile.sku, allow_same=True)
        config, findings = self.resolve(profile)
        findings = sorted_findings(findings + validate_config(config, wmpf_version=wmpf_version))
        if has_errors(findings):
            raise ProfileError(N_("Profile {sku} was not saved: its config has errors."), findings=findings, sku=profile.sku)
        text = profile_to_text(profile)
        self.directory.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
        return findings

    def delete(self, sku: str, *, force: bool = False) -> None:
        """Remove a profile; refused while others extend it, unless `force`."""
        path = self.path_for(sku)
        if not path.is_file():
            raise ProfileError(N_("Profile {sku} does not exist in {directory}."), sku=sku, directory=str(self.directory))
        dependants = self.children(sku)
        if dependants and not force:
            raise ProfileError(N_("Profile {sku} is extended by {children}; delete or change those first."),
                               sku=sku, children=ListText(dependants))
        path.unlink()

    # --- helpers -----------------------------------------------------------------------
    def _refuse_name_clash(self, sku: str, *, allow_same: bool) -> None:
        # Windows and macOS file names ignore case: Door-1.json would overwrite door-1.json.
        for existing in self.list():
            if existing.lower() == sku.lower() and (existing != sku or not allow_same):
                raise ProfileError(N_("A profile named {existing} already exists in {directory}."),
                                   existing=existing, directory=str(self.directory))

    def _unreadable(self, exc: OSError) -> ProfileError:
        return ProfileError(N_("The profile library {directory} cannot be read ({reason}). Make it readable for "
                               "your user, or choose another folder with --profiles DIR."),
                            directory=str(self.directory), reason=exc.strerror or type(exc).__name__)

    def _missing(self, sku: str) -> Finding:
        examples = shipped_profiles_dir()
        fix = N_("Check the SKU (camtool profiles list) or the library folder (--profiles DIR).")
        if (examples / f"{sku}.json").is_file() and self.directory.resolve() != examples.resolve():
            # The README's examples name shipped profiles; a fresh library has none of them yet.
            fix = N_("{sku} is one of the examples that ship with camtool: add --profiles \"{examples}\", "
                     "or copy {examples}/{sku}.json into {directory}.")
        return profile_finding("CAM856", N_("There is no profile {sku} in {directory}."), fix,
                               sku=sku, directory=str(self.directory), examples=str(examples))



def _is_file_or_dir(path: Path) -> str | None:
    """"file", "dir", "other", "unreadable" (a stat the OS refused), or None when it does not exist.

    Path.is_file() raises PermissionError in a folder without search permission; a library
    that cannot be read must give a message, never an internal error."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        return "unreadable"
    if stat.S_ISREG(mode):
        return "file"
    return "dir" if stat.S_ISDIR(mode) else "other"
