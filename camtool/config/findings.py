"""A finding: one thing validation noticed, with a stable code, the keys involved and a fix.

Validation never raises for user data; it returns findings. The CLI, the GUI and the tests
all read the same list. `message` and `fix` are translated when read (English source +
named values are stored), so a language switch re-translates findings already shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from camtool.i18n import ListText, tr
from camtool.printable import printable


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    code: str                      # stable, e.g. "CAM101"; never translated
    severity: Severity
    keys: tuple[str, ...]          # JSON keys involved, spelled as in the file
    message_source: str            # English source text with {named} placeholders (N_-marked)
    fix_source: str
    values: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    line: int | None = None        # 1-based position in the source text, when known
    column: int | None = None

    @property
    def message(self) -> str:
        return tr(self.message_source, **self._shown_values())

    @property
    def fix(self) -> str:
        return tr(self.fix_source, **self._shown_values())

    def _shown_values(self) -> dict[str, Any]:
        # Values come from files and devices (a USB serial, a product name): escaped, whatever the rule.
        return {name: _escaped(value) for name, value in self.values.items()}

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_json(self) -> dict[str, Any]:
        """The machine-readable form (contracts: code, severity, keys, message, fix)."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "keys": list(self.keys),
            "message": self.message,
            "fix": self.fix,
        }
        if self.line is not None:
            data["line"] = self.line
            data["column"] = self.column
        return data


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; stable within a severity."""
    return sorted(findings, key=lambda f: f.severity.rank)


def _escaped(value: Any) -> Any:
    """A value as shown: text escaped item by item (a list keeps its language's separator)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, ListText):
        return ListText(printable(item) for item in value.items)
    return value
