"""The one config being edited: an observable object the form, findings, export and ends listen to.

Views never keep their own copy of the config: they change it through this document and
redraw on `changed`. Findings are recomputed here on every change (validation is pure and
takes about a millisecond), so every view reads the same list.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject, Signal

from camtool.config.findings import Finding, has_errors, sorted_findings
from camtool.config.keys import Family
from camtool.gui import selection
from camtool.gui.selection import SelectionMode


def _snapshot(data: dict) -> str:
    # Order-sensitive on purpose: the export keeps other keys in their order.
    return json.dumps(data, ensure_ascii=False, default=str)


class ConfigDocument(QObject):
    """The config in the form, its WMPF version, its findings and where it came from."""

    changed = Signal()            # data, WMPF version or findings changed
    dirtyChanged = Signal(bool)   # unsaved changes appeared or went away
    originChanged = Signal()      # another profile/file was opened, or saved under a new name

    def __init__(self, data: dict | None = None, *, wmpf_version: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: dict = dict(data or {})
        self._wmpf_version = wmpf_version
        self._mode = selection.infer_mode(self._data)
        self._source_findings: list[Finding] = []
        self._saved = _snapshot(self._data)
        self._dirty = False
        self.origin_name = ""          # profile SKU or file name, for the title bar
        self.profile_sku: str | None = None
        self._inventory = None         # the device end's cameras (camtool.device.inventory.Inventory)
        self.device_serial = ""
        self._findings = self._validate()

    # ---- reading -------------------------------------------------------------------------
    @property
    def data(self) -> dict:
        """A copy: views change the config only through the document's methods."""
        return dict(self._data)

    @property
    def wmpf_version(self) -> str | None:
        return self._wmpf_version

    @property
    def mode(self) -> SelectionMode:
        return self._mode

    @property
    def family(self) -> Family:
        return self._mode.family

    @property
    def rotation(self) -> int:
        return selection.rotation_of(self._data, self.family)

    @property
    def flip(self) -> bool:
        return selection.flip_of(self._data, self.family)

    @property
    def findings(self) -> list[Finding]:
        """Findings of the file it came from (e.g. an unreadable snippet line), then the rules'."""
        return sorted_findings(self._source_findings + self._findings)

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    @property
    def first_error(self) -> Finding | None:
        return next((f for f in self.findings if f.is_error), None)

    @property
    def device_inventory(self):
        """The cameras of the device in the device bar, or None: the CAM6xx rules then are not run."""
        return self._inventory

    @property
    def device_findings(self) -> list[Finding]:
        """The device-aware findings (CAM6xx) among the findings."""
        return [f for f in self._findings if f.code.startswith("CAM6")]

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def export(self, to: str) -> str:
        """The same text `camtool export --to TO` prints for this config."""
        from camtool.config.export import export_config

        return export_config(self.data, to)

    # ---- editing -------------------------------------------------------------------------
    def set_value(self, key: str, value: Any) -> None:
        """Set one key (None removes it)."""
        data = dict(self._data)
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
        self._replace_data(data)

    def set_mode(self, mode: SelectionMode) -> None:
        if mode is self._mode:
            return
        data = selection.switch_mode(self._data, self._mode, mode)
        self._mode = mode
        self._replace_data(data, force=True)

    def set_rotation(self, degrees: int) -> None:
        self._replace_data(selection.with_rotation(self._data, self.family, degrees))

    def rotate_by(self, delta: int) -> None:
        self.set_rotation((self.rotation + delta) % 360)

    def set_flip(self, flip: bool) -> None:
        self._replace_data(selection.with_flip(self._data, self.family, flip))

    def toggle_flip(self) -> None:
        self.set_flip(not self.flip)

    def set_wmpf_version(self, version: str | None) -> None:
        """The device's WMPF version for the version gates (None = unknown: gates not checked)."""
        version = (version or "").strip() or None
        if version == self._wmpf_version:
            return
        self._wmpf_version = version
        self._findings = self._validate()
        self.changed.emit()

    def set_device_inventory(self, inventory, serial: str = "") -> None:
        """The device end's cameras (None: no device): the findings then include the CAM6xx rules,
        as `camtool validate --serial` gives them."""
        if inventory is self._inventory and serial == self.device_serial:
            return
        self._inventory = inventory
        self.device_serial = serial if inventory is not None else ""
        self._findings = self._validate()
        self.changed.emit()

    def load(self, data: dict, *, origin_name: str = "", profile_sku: str | None = None,
             source_findings: list[Finding] | None = None) -> None:
        """Replace the whole config (a profile or file was opened); the result counts as saved."""
        self._data = dict(data)
        self._mode = selection.infer_mode(self._data)
        self._source_findings = list(source_findings or [])
        self.origin_name = origin_name
        self.profile_sku = profile_sku
        self._findings = self._validate()
        self.mark_saved()
        self.originChanged.emit()
        self.changed.emit()

    def import_data(self, data: dict, source_findings: list[Finding] | None = None) -> None:
        """Take an imported config into the form as an edit (unsaved until the profile is saved)."""
        self._mode = selection.infer_mode(data)
        self._source_findings = list(source_findings or [])
        self._replace_data(dict(data), force=True)

    def mark_saved(self, *, origin_name: str | None = None, profile_sku: str | None = None) -> None:
        """The current config is what is on disk now."""
        if origin_name is not None:
            self.origin_name = origin_name
            self.profile_sku = profile_sku
            self.originChanged.emit()
        self._saved = _snapshot(self._data)
        self._set_dirty(False)

    def detach(self) -> None:
        """Its profile is gone (deleted): the config stays in the form as unsaved, untitled work."""
        self.origin_name = ""
        self.profile_sku = None
        self._saved = ""
        self._set_dirty(True)
        self.originChanged.emit()

    # ---- internals -----------------------------------------------------------------------
    def _validate(self) -> list[Finding]:
        from camtool.config.rules import validate

        findings = validate(self._data, wmpf_version=self._wmpf_version)
        if self._inventory is not None:
            from camtool.device.device_rules import device_findings

            findings = sorted_findings(findings + device_findings(self._data, self._inventory))
        return findings

    def _replace_data(self, data: dict, *, force: bool = False) -> None:
        if data == self._data and list(data) == list(self._data) and not force:
            return
        self._data = data
        self._findings = self._validate()
        self._set_dirty(_snapshot(self._data) != self._saved)
        self.changed.emit()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
