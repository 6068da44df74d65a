"""Errors of the config layer that reach a technician: a translated sentence, maybe with findings.

User data never raises (it gives findings); these are for requests that cannot be done as
asked, such as exporting NaN or saving a profile whose config has errors. The message is
kept as English source + values and translated when read, like a Finding.
"""

from __future__ import annotations

from typing import Any

from camtool.config.findings import Finding
from camtool.i18n import tr

__all__ = ["ConfigError", "ExportError", "ProfileError"]


class ConfigError(Exception):
    """A request the config layer refuses, with a sentence that says what to do."""

    def __init__(self, message_source: str, /, *, findings: list[Finding] | None = None, **values: Any) -> None:
        self.message_source = message_source
        self.values = values
        self.findings: list[Finding] = list(findings or [])
        super().__init__(message_source)

    @property
    def message(self) -> str:
        return tr(self.message_source, **self.values)

    def __str__(self) -> str:
        return self.message


class ExportError(ConfigError):
    """The config holds something the chosen export format cannot express."""


class ProfileError(ConfigError):
    """A profile cannot be loaded, saved or deleted as asked; `findings` says why when it is the data."""
