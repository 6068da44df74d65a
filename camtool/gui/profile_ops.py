"""Helpers of the profiles sidebar: what a child profile stores, a profile's summary, the diff dialog.

`own_config` is pure (no Qt) and decides what a profile that extends another writes: only
the keys whose value differs from the parent's resolved config, in the document's order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


def own_config(resolved: dict, parent: dict | None) -> dict:
    """The keys a profile stores itself: all of them, or only those differing from its parent.

    A parent's key the technician removed is stored as null, which the library reads as
    "remove what was inherited".
    """
    if not parent:
        return dict(resolved)
    own = {key: value for key, value in resolved.items()
           if key not in parent or parent[key] != value or type(parent[key]) is not type(value)}
    own.update({key: None for key in parent if key not in resolved})
    return own


@dataclass(frozen=True)
class ProfileSummary:
    verifications: int
    latest_verdict: str | None     # "pass" | "fail" (camtool.vision.records), or None
    latest_date: str | None


def profile_summary(profile: Any) -> ProfileSummary:
    """Verification records are opaque to the config layer (contracts.md section 8): read defensively."""
    records = getattr(profile, "verifications", None) or []
    latest = records[-1] if records else None
    verdict = date = None
    if isinstance(latest, dict):
        verdict = latest.get("verdict") if latest.get("verdict") in ("pass", "fail") else None
        date = str(latest["date"]) if isinstance(latest.get("date"), str) else None
    return ProfileSummary(len(records), verdict, date)


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    return json.dumps(value, ensure_ascii=False)


class DiffDialog(QDialog):
    """Key by key, where two profiles' resolved configs differ."""

    def __init__(self, sku_a: str, sku_b: str, rows: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Diff: {a} / {b}").format(a=sku_a, b=sku_b))
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), sku_a, sku_b])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (key, value_a, value_b) in enumerate(rows):
            for column, text in enumerate((key, _shown(value_a), _shown(value_b))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not rows:
            from PySide6.QtWidgets import QLabel

            layout.addWidget(QLabel(self.tr("The two profiles have the same config."), self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 360)
