"""Per-SKU profiles: the public entry point (model, library, default and shipped locations).

A technician keeps one profile per device SKU: which camera, how it is turned, notes on
the hardware, the package that receives camtool's apply broadcast, and the orientation
check's verification records. See profile_file.py for the file format and
profile_library.py for `extends`, validation and the atomic, validated saves.
"""

from __future__ import annotations

from camtool.config.errors import ProfileError
from camtool.config.profile_file import (PROFILE_CODES, SCHEMA_VERSION, Profile, package_problem,
                                         profile_to_text, read_profile_file, sku_problem)
from camtool.config.profile_library import NOT_SET, ProfileLibrary, default_library_dir, diff_configs
from camtool.resources import shipped_profiles_dir

__all__ = ["NOT_SET", "PROFILE_CODES", "SCHEMA_VERSION", "Profile", "ProfileError", "ProfileLibrary",
           "default_library_dir", "diff_configs", "package_problem", "profile_to_text", "read_profile_file",
           "shipped_library", "sku_problem"]


def shipped_library() -> ProfileLibrary:
    """The example profiles installed with camtool (read them; copy into your own library to change them)."""
    return ProfileLibrary(shipped_profiles_dir())
