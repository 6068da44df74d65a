"""Per-SKU profiles: the public entry point (model, library, default and shipped locations).

A technician keeps one profile per device SKU: which camera, how it is turned, notes on
the hardware, the package that receives camtool's apply broadcast, and the orientation
check's verification records. See profile_file.py for the file format and
profile_library.py for `extends`, validation and the atomic, validated saves.
"""

from __future__ import annotations

from typing import Any

from camtool.config.errors import ProfileError
from camtool.config.findings import has_errors
from camtool.config.profile_file import (PROFILE_CODES, SCHEMA_VERSION, Profile, package_problem,
                                         profile_to_text, read_profile_file, sku_problem)
from camtool.config.profile_library import NOT_SET, ProfileLibrary, default_library_dir, diff_configs
from camtool.i18n import join_clauses, join_sentences
from camtool.resources import shipped_profiles_dir

__all__ = ["NOT_SET", "PROFILE_CODES", "SCHEMA_VERSION", "Profile", "ProfileError", "ProfileLibrary",
           "default_library_dir", "diff_configs", "package_problem", "profile_to_text", "read_profile_file",
           "profile_to_run", "shipped_library", "sku_problem"]


def shipped_library() -> ProfileLibrary:
    """The example profiles installed with camtool (read them; copy into your own library to change them)."""
    return ProfileLibrary(shipped_profiles_dir())


def profile_to_run(library: ProfileLibrary, sku: str) -> tuple[dict[str, Any] | None, Profile | None, str]:
    """The config profile `sku` resolves to (its `extends` chain applied) and the profile, for a
    command that runs it (verify, a lab station); or (None, None, why) with what to do, e.g. that
    a missing SKU is one of the shipped examples."""
    profile, findings = library.read(sku)
    if profile is None:
        return None, None, join_clauses(join_sentences([f.message, f.fix]) for f in findings if f.is_error)
    config, chain = library.resolve(profile)
    if has_errors(chain):
        return None, None, join_clauses(join_sentences([f.message, f.fix]) for f in chain if f.is_error)
    return config, profile, ""
