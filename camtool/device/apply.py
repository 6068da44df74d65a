"""Apply a config to a device (docs/architecture.md, Apply to device): one `am broadcast`, and what it answered.

The command is an argv list (`apply_broadcast_argv`): the package and the base64 config
are separate, quoted words, never pasted into a shell string. `am` prints

    Broadcasting: Intent { act=com.camtool.APPLY_CONFIG flg=0x400000 pkg=... (has extras) }
    Broadcast completed: result=1, data="applied"

result=1 means the receiver in the integrator's debug build applied it, 2 that it refused
(data = its error text), 0 with no data that nobody answered: the package is wrong or its
debug build (with camtool's receiver) is not installed. Before anything is sent, the config
is checked against the device (`validate_on_device`): config rules plus CAM6xx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from camtool.config.apply_contract import (
    APPLIED_DATA,
    RESULT_APPLIED,
    RESULT_NO_RECEIVER,
    RESULT_REFUSED,
    apply_broadcast_argv,
)
from camtool.config.findings import Finding, has_errors, sorted_findings
from camtool.device.adb_io import DeviceIO
from camtool.device.applied_record import remember_applied
from camtool.device.device_rules import device_findings
from camtool.device.inventory_fetch import FetchedInventory, fetch_inventory
from camtool.i18n import N_, tr
from camtool.printable import printable

APPLY_TIMEOUT_S = 15.0     # the receiver closes and relaunches the mini program before it answers

_COMPLETED = re.compile(r'Broadcast completed:\s*result=(-?\d+)(?:,\s*data="(.*)")?\s*$', re.M | re.S)
_PACKAGE = re.compile(r"^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$")


class PackageNameError(ValueError):
    """Not an Android package name; the text says what one looks like."""


def check_package(package: str) -> str:
    """Refuse what cannot be a package before anything is sent (it is still sent as a quoted word)."""
    if not isinstance(package, str) or not _PACKAGE.match(package):
        raise PackageNameError(tr(N_("\"{package}\" is not an Android package name; give one like com.example.doorbell."),
                                  package=str(package)))
    return package


@dataclass(frozen=True)
class ApplyResult:
    """What the device answered to one apply broadcast."""

    package: str
    result_code: int | None      # None: am printed no "Broadcast completed" line at all
    data: str | None
    output: str                  # am's whole answer (stdout and stderr), for the report

    @property
    def applied(self) -> bool:
        return self.result_code == RESULT_APPLIED

    @property
    def message(self) -> str:
        """One translated sentence: what happened and, when it did not work, what to do."""
        if self.applied:
            return tr(N_("The receiver in {package} applied the config; the mini program restarts with it."),
                      package=self.package)
        if self.result_code == RESULT_NO_RECEIVER:
            return tr(N_("No receiver answered in package {package}. Install the integrator's debug build that contains "
                         "camtool's receiver (`camtool export --to kotlin-receiver`), or give the right package with --package."),
                      package=self.package)
        if self.result_code == RESULT_REFUSED:
            return tr(N_("The receiver in {package} refused the config: {reason}"),
                      package=self.package, reason=printable(self.data or "?"))
        if self.result_code is None:
            return tr(N_("The device did not run the broadcast: {output}"), output=printable(self.output.strip() or "?"))
        return tr(N_("The receiver in {package} answered an unknown result {code}: {reason}"),
                  package=self.package, code=self.result_code, reason=printable(self.data or ""))

    def to_json(self) -> dict[str, Any]:
        return {"package": self.package, "applied": self.applied, "result": self.result_code, "data": self.data,
                "message": self.message}


def parse_broadcast_answer(package: str, text: str) -> ApplyResult:
    """Read am's answer; never raises (garbage gives result None)."""
    match = None
    for match in _COMPLETED.finditer(text):
        pass  # the last completed line is the answer
    if match is None:
        return ApplyResult(package, None, None, text)
    data = match.group(2)
    return ApplyResult(package, int(match.group(1)), data, text)


def apply_config(io: DeviceIO, serial: str, config: dict[str, Any], package: str,
                 timeout: float = APPLY_TIMEOUT_S) -> ApplyResult:
    """Send `config` to the receiver in `package` on `serial`; DeviceError when the device is unusable."""
    check_package(package)
    result = io.shell(serial, apply_broadcast_argv(package, config), timeout=timeout)
    text = result.text + result.stderr.decode("utf-8", "replace")
    answer = parse_broadcast_answer(package, text)
    if answer.applied:  # so a later check knows what the device runs (see applied_record)
        remember_applied(serial, config, package)
    return answer


# -- checking a config against the device first ----------------------------------------------
# The installed WMPF's version replaces `--wmpf-version` (the device knows better than the
# technician's memory); when WMPF is not installed, or its version could not be read, the
# given version (if any) is used. `camtool apply` (and `validate --serial`) go through
# `validate_on_device`, so both judge a config the same way.

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


__all__ = ["APPLIED_DATA", "ApplyResult", "DeviceValidation", "PackageNameError", "apply_config", "check_package",
           "findings_for_device", "parse_broadcast_answer", "validate_on_device"]
