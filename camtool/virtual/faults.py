"""Faults a virtual device can be told to show, and what an adb client sees for each.

They exist for tests, for the window's "what if" and for benchmarks: each reproduces a way a
real device or cable fails, as the real adb server reports it. The effects (measured with
adb 1.0.41, the one adbutils bundles, attached through `adb connect`):

| fault | set with | what a client sees |
|---|---|---|
| drop | `VirtualDevice.drop_connection()` | state `offline`; a running `shell`/`exec-out` ends at once (v2 shell: exit 255); the server reconnects by itself ~250 ms later and the state is `device` again |
| drop-after=BYTES | `faults.drop_after_bytes` | a stream (e.g. `screenrecord`) breaks mid-way after about BYTES bytes, then as "drop" |
| silent | `faults.silent = True` | the device reads but never answers: commands time out (adbutils `AdbTimeout`); a new `adb connect` waits 10 s and prints `failed to connect`, the entry stays `offline` |
| offline | `faults.offline = True` | current connections drop and new ones are closed at once: state `offline`, commands fail with `device offline`; the server retries every 3 s and the state is `device` again soon after the fault is cleared |
| unauthorized | `faults.unauthorized = True` | the device asks for AUTH and never accepts a key: state `unauthorized`, commands fail with `device unauthorized` |
| latency=MS | `faults.latency_ms` | every command (each shell/exec stream) starts answering MS ms late |
| truncate=BYTES | `faults.truncate_bytes` | each command's output stops after BYTES bytes and its stream closes without the exit status, as a real device's cut answer does: `adb shell` exits 255, adbutils' v1 `echo $?` marker is cut off too, `exec-out` (screencap) just ends early; an answer shorter than BYTES is whole, with its exit status |
| unplug=I | `VirtualDevice.unplug_usb(I)` / `replug_usb(I)` | USB device I vanishes from `dumpsys usb` and sysfs; after replug its device number has counted up, so `/dev/bus/usb/BBB/DDD` changed |
| no-wmpf | `VirtualDevice.set_wmpf_installed(False)` | `dumpsys package com.tencent.wmpf` prints no `versionName=`: WMPF is not installed |

`unauthorized` and `offline` act on connections made after they are set (a connected device
is dropped first by `VirtualDevice.set_fault`), like re-plugging a cable would.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from camtool.i18n import N_, join_list, tr


class FaultSpecError(ValueError):
    """A `--fault` value that cannot be understood; the message lists the valid ones."""


@dataclass
class Faults:
    """The protocol-level faults of one endpoint. Plain attributes: set from any thread.

    Single attribute writes are atomic in CPython and the adbd reads them once per packet or
    command, so no lock is needed for a flag that changes a few times per test.
    """

    silent: bool = False
    offline: bool = False
    unauthorized: bool = False
    latency_ms: int = 0
    truncate_bytes: int | None = None
    drop_after_bytes: int | None = None

    def clear(self) -> None:
        for item in fields(self):
            setattr(self, item.name, item.default)


@dataclass
class FaultSpec:
    """What `--fault` asked for: protocol faults, plus device-state faults applied at start."""

    faults: Faults
    unplug_usb: list[int]
    wmpf_installed: bool | None = None


#: CLI names of the faults, with their help text (shown translated).
FAULT_HELP: dict[str, str] = {
    "silent": N_("never answer (commands time out; adb connect fails after 10 s)"),
    "offline": N_("refuse connections (adb shows the device offline)"),
    "unauthorized": N_("ask for USB debugging authorisation and never accept (adb shows unauthorized)"),
    "latency=MS": N_("answer every command MS milliseconds late"),
    "truncate=BYTES": N_("cut every command's output after BYTES bytes"),
    "drop-after=BYTES": N_("drop the connection after BYTES bytes of one stream (mid-stream)"),
    "unplug=I": N_("start with USB device number I (0 = first in the scenario) unplugged"),
    "no-wmpf": N_("start with WMPF not installed"),
}


def _number(name: str, value: str | None) -> int:
    if value is None or not value.strip().isdigit():
        raise FaultSpecError(tr("The fault {name} needs a whole number, as in {name}=100.", name=name))
    return int(value.strip())


def parse_faults(items: list[str] | None) -> FaultSpec:
    """Parse `--fault` values (`silent`, `latency=200`, ...) into a `FaultSpec`."""
    spec = FaultSpec(faults=Faults(), unplug_usb=[])
    for raw in items or []:
        name, _, value = raw.partition("=")
        name = name.strip().lower()
        value = value if "=" in raw else None
        if name in ("silent", "offline", "unauthorized") and value is None:
            setattr(spec.faults, name, True)
        elif name == "latency":
            spec.faults.latency_ms = _number(name, value)
        elif name == "truncate":
            spec.faults.truncate_bytes = _number(name, value)
        elif name == "drop-after":
            spec.faults.drop_after_bytes = max(1, _number(name, value))
        elif name == "unplug":
            spec.unplug_usb.append(_number(name, value))
        elif name == "no-wmpf" and value is None:
            spec.wmpf_installed = False
        else:
            raise FaultSpecError(tr("Unknown fault \"{fault}\". Valid faults: {valid}.",
                                    fault=raw, valid=join_list(FAULT_HELP)))
    return spec
