"""Validate a config against a connected device: the config rules plus the device-aware CAM6xx.

The installed WMPF's version replaces `--wmpf-version` (the device knows better than the
technician's memory); when WMPF is not installed, or its version could not be read, the
given version (if any) is used. `camtool validate --serial S` and `camtool apply` both go
through `validate_on_device`, so both judge a config the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from camtool.config.findings import Finding, has_errors, sorted_findings
from camtool.device.adb_io import DeviceIO
from camtool.device.device_rules import device_findings
from camtool.device.inventory_fetch import FetchedInventory, fetch_inventory


@dataclass(frozen=True)
class DeviceValidation:
    config: dict[str, Any] | None
    findings: list[Finding]
    fetched: FetchedInventory
    wmpf_version: str | None      # the version the rules were run with

    @property
    def ok(self) -> bool:
        return self.config is not None and not has_errors(self.findings)


def findings_for_device(config: dict[str, Any], fetched: FetchedInventory) -> list[Finding]:
    """The CAM6xx findings of one config against one fetched inventory."""
    return device_findings(config, fetched.inventory)


def validate_on_device(source: str | Path, io: DeviceIO, serial: str, *, from_: str | None = None,
                       wmpf_version: str | None = None, stdin: IO[Any] | None = None) -> DeviceValidation:
    """Read `source` (path or "-"), fetch the device's inventory, run both kinds of rules.

    Raises DeviceError when the device cannot be used (the caller exits 3); a config that
    cannot be read comes back as findings with `config` None, as in plain validate.
    """
    from camtool.config.imports import load_and_validate

    fetched = fetch_inventory(io, serial)
    version = fetched.inventory.device.wmpf or wmpf_version
    config, findings = load_and_validate(source, from_, stdin, wmpf_version=version)
    if config is not None:
        findings = sorted_findings(findings + findings_for_device(config, fetched))
    return DeviceValidation(config, findings, fetched, version)
