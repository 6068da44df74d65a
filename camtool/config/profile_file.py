"""One per-SKU profile: the pydantic model, its file format, and the checks on its names.

A profile is a small JSON file a technician may edit by hand, named `<sku>.json`:

    {"schema": 1, "sku": "intercom-a1", "description": "...", "extends": "intercom-base",
     "device": {"model": "...", "camera_module": "..."}, "apply_package": "com.example.door",
     "config": {...initGlobalConfig keys...}, "verifications": [...]}

`description` is the English line; `description_zh_CN` (optional) the same line in Simplified
Chinese, shown instead when camtool speaks Chinese. A file with it says "schema": 2, so an older
camtool (which reads 1 only) asks to be updated instead of calling the field a typo; a file
without it stays at 1 and opens everywhere. Exports never carry a description.

`config` is kept as parsed JSON (order and unknown keys untouched; the rules check it),
`verifications` is an opaque list owned by the orientation check, round-tripped as is.
Problems with a file come back as findings (CAM85x), never as exceptions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from camtool.config.export import canonical_order, to_canonical_json
from camtool.config.findings import Finding
from camtool.config.jsonread import read_json_file
from camtool.config.rules_codes import PROFILE_CODES, LazyText, make_finding
from camtool.i18n import N_, language

__all__ = ["PROFILE_CODES", "SCHEMA_VERSION", "Profile", "profile_finding", "profile_to_text", "read_profile_file",
           "sku_problem", "package_problem"]

#: The newest profile file format this camtool reads (and writes, when the profile needs it).
SCHEMA_VERSION = 2
#: Format 1: no localized description; format 2 adds description_zh_CN.
_FIRST_SCHEMA = 1

_SKU = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# Names Windows refuses as file names, whatever the extension.
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
# An Android application id; it is passed to `am broadcast -p`, so nothing else may pass.
_PACKAGE = re.compile(r"[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+")


def sku_problem(sku: object) -> str | None:
    """Why `sku` cannot name a profile file (an N_ source), or None when it can."""
    if not isinstance(sku, str) or not _SKU.fullmatch(sku):
        return N_("a SKU is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    if ".." in sku or sku.endswith("."):
        return N_("a SKU may not contain '..' or end with '.'")
    if sku.split(".")[0].lower() in _WINDOWS_DEVICES:
        return N_("Windows reserves this name for a device; choose another SKU")
    return None


def package_problem(package: object) -> str | None:
    """Why `package` is not an Android package name (an N_ source), or None."""
    if not isinstance(package, str) or len(package) > 255 or not _PACKAGE.fullmatch(package):
        return N_("an Android package name looks like com.example.app (letters, digits, '_', dot-separated)")
    return None


class Profile(BaseModel):
    """A per-SKU profile. `schema` in the file is `schema_version` here (pydantic reserves `schema`)."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True, validate_assignment=True)

    schema_version: int = Field(_FIRST_SCHEMA, alias="schema", ge=1)
    sku: str
    description: str = ""
    description_zh_cn: str | None = Field(None, alias="description_zh_CN")
    extends: str | None = None
    device: dict[str, Any] | None = None
    apply_package: str | None = None
    config: dict[str, Any] = Field(default_factory=dict)
    verifications: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("sku", "extends")
    @classmethod
    def _valid_sku(cls, value: str | None) -> str | None:
        problem = sku_problem(value) if value is not None else None
        if problem:
            raise PydanticCustomError("camtool_name", problem)
        return value

    @field_validator("apply_package")
    @classmethod
    def _valid_package(cls, value: str | None) -> str | None:
        problem = package_problem(value) if value is not None else None
        if problem:
            raise PydanticCustomError("camtool_name", problem)
        return value

    @field_validator("device")
    @classmethod
    def _device_notes_are_text(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        for key in ("model", "camera_module"):
            if value is not None and key in value and not isinstance(value[key], str):
                raise PydanticCustomError("camtool_name", N_("device notes such as model and camera_module are text"))
        return value

    def shown_description(self) -> str:
        """The description in the language camtool speaks: the Chinese line when there is one."""
        if language() == "zh" and self.description_zh_cn:
            return self.description_zh_cn
        return self.description

    def file_schema(self) -> int:
        """The format the file is written in: the oldest that holds everything it has."""
        return SCHEMA_VERSION if self.description_zh_cn else _FIRST_SCHEMA

    def to_json_dict(self) -> dict[str, Any]:
        """The file's content: fixed field order, optional fields only when set, config camera keys first."""
        data: dict[str, Any] = {"schema": self.file_schema(), "sku": self.sku, "description": self.description}
        if self.description_zh_cn:
            data["description_zh_CN"] = self.description_zh_cn
        if self.extends is not None:
            data["extends"] = self.extends
        if self.device is not None:
            data["device"] = self.device
        if self.apply_package is not None:
            data["apply_package"] = self.apply_package
        data["config"] = canonical_order(self.config)
        data["verifications"] = self.verifications
        return data


def profile_to_text(profile: Profile) -> str:
    """The profile as its file text (2-space JSON, UTF-8 characters readable, trailing newline)."""
    # canonical_order is a no-op at the top level (no camera keys there); it orders `config`.
    return to_canonical_json(profile.to_json_dict())


def profile_finding(code: str, message: str, fix: str, *, keys: tuple[str, ...] = (), **values: Any) -> Finding:
    return make_finding(code, keys, message, fix, **values)


def read_profile_file(path: Path) -> tuple[Profile | None, list[Finding]]:
    """Read and check one profile file; (None, findings) when it is not a usable profile."""
    parsed = read_json_file(path)
    source = str(path)
    if parsed.data is None or not isinstance(parsed.data, dict):
        return None, list(parsed.findings)
    data = parsed.data
    findings = list(parsed.findings)
    schema = data.get("schema")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
        return None, findings + [profile_finding(
            "CAM852", N_("{source} is a profile of format {schema}; this camtool reads format {supported}."),
            N_("Update camtool to open this profile."), source=source, schema=schema, supported=SCHEMA_VERSION)]
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        return None, findings + _field_findings(exc, source)
    if profile.sku != path.stem:
        findings.append(profile_finding(
            "CAM853", N_("{source} says its sku is {sku}, but the file is named {stem}.json."),
            N_("Make the two the same: rename the file to {sku}.json or set \"sku\" to {stem}."),
            source=source, sku=profile.sku, stem=path.stem))
    return profile, findings


_FIELD_PROBLEMS = {
    "missing": N_("is missing"),
    "extra_forbidden": N_("is not a profile field (a typo?)"),
    "string_type": N_("must be text in double quotes"),
    "int_type": N_("must be a whole number"),
    "dict_type": N_("must be a JSON object (in braces)"),
    "list_type": N_("must be a JSON list (in square brackets)"),
    "greater_than_equal": N_("must be 1 or more"),
}


def _field_findings(exc: ValidationError, source: str) -> list[Finding]:
    findings = []
    for error in exc.errors(include_url=False):
        field = ".".join(str(part) for part in error["loc"]) or "schema"
        if error["type"] == "camtool_name":  # our own validators: the message is an N_ source
            message = N_("{source}: the field \"{field}\" is not valid: {problem}.")
            problem: Any = LazyText(error["msg"])
        else:
            message = N_("{source}: the field \"{field}\" {problem}.")
            known = _FIELD_PROBLEMS.get(error["type"])
            problem = LazyText(known) if known else error["msg"]
        findings.append(profile_finding(
            "CAM851", message,
            N_("Correct the field; a profile has schema, sku, description, description_zh_CN, extends, device, "
               "apply_package, config and verifications."),
            keys=(field,), source=source, field=field, problem=problem))
    return findings
