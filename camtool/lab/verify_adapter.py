"""The lab's one point of contact with the orientation check (`camtool verify`'s public entry points).

The check's verdict is being reshaped (each end gets its own base); the lab reads only what
CI needs from it, here and nowhere else: passed or not, the explanations (code, end, text)
and the recommended config. Everything else about a run (its pictures, its per-end
details) is the business of `camtool.vision.report`, which renders it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from camtool.device.adb_io import DeviceIO


@dataclass(frozen=True)
class CheckOutcome:
    """What the lab keeps of one verify run."""

    passed: bool
    explanations: list[dict[str, Any]]        # {"code", "end", "message"}: what is wrong and why
    recommended: dict[str, Any]
    report_html: str | None = None            # the same report `camtool verify --report` writes
    device_model: str | None = None
    wmpf_version: str | None = None


def outcome_of(run: Any, *, title: str | None = None, with_report: bool = False) -> CheckOutcome:
    """The adapter: a `VerifyRun` as the lab sees it (the only place that reads the verdict)."""
    device = getattr(run.inventory, "device", None)
    model, wmpf = getattr(device, "model", None), getattr(device, "wmpf", None)
    report = None
    if with_report:
        from camtool.vision.report import render_report

        report = render_report(run, title=title, device_model=model, wmpf_version=wmpf)
    explanations = [{"code": e.code, "end": e.end, "message": e.message} for e in run.explanations]
    return CheckOutcome(passed=bool(run.passed), explanations=explanations,
                        recommended=dict(run.verdict.recommended), report_html=report,
                        device_model=model, wmpf_version=wmpf)


def check_station(io: DeviceIO, serial: str, config: dict[str, Any], *, wechat_serial: str | None,
                  apply: bool, package: str | None, title: str | None = None,
                  with_report: bool = False) -> CheckOutcome:
    """What `camtool verify --serial ...` does for one device: ready check, inventory, run.

    DeviceError (missing, offline, unauthorized) and CaptureError pass through: the lab
    reports the station as unavailable.
    """
    from camtool.device.inventory_fetch import fetch_inventory
    from camtool.vision.verify_run import run_verify

    io.require_ready(serial)
    if wechat_serial:
        io.require_ready(wechat_serial)
    inventory = fetch_inventory(io, serial).inventory
    run = run_verify(io, serial, config, wechat_serial=wechat_serial, apply=apply, package=package,
                     inventory=inventory)
    return outcome_of(run, title=title, with_report=with_report)
