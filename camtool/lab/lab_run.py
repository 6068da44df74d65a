"""Running a lab: every station checked concurrently, each device used by one station at a time.

One worker per station up to `jobs`; a station holds a lock on each serial it uses (the
device and the phone), taken in one global order so two stations sharing phones never wait
for each other in a circle. All workers talk to the one adb server. A station whose device
is missing, offline or unauthorized ends as `unavailable` and the others go on. Cancelling
(Ctrl+C) makes every device call raise `LabCancelled`, so running stations stop at their
next adb call; what finished is kept and the rest is `not_run`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from camtool.device.adb_io import DeviceIO
from camtool.i18n import N_, tr
from camtool.lab.lab_file import Station
from camtool.lab.verify_adapter import CheckOutcome, check_station

#: How long a cancelled run waits for running stations to reach their next device call.
CANCEL_GRACE_S = 10.0


class StationStatus(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    UNAVAILABLE = "unavailable"   # the device or phone cannot be used (JUnit <error>)
    ERROR = "error"               # camtool failed on this station (JUnit <error>)
    NOT_RUN = "not_run"           # the run was cancelled first (JUnit <skipped>)


class LabCancelled(Exception):
    """The lab run was cancelled while this station was using a device."""


@dataclass
class StationResult:
    station: Station
    status: StationStatus
    seconds: float = 0.0
    outcome: CheckOutcome | None = None
    message: str = ""                 # why unavailable / error / not run

    @property
    def passed(self) -> bool:
        return self.status is StationStatus.PASS

    @property
    def changed_keys(self) -> list[str]:
        """Keys the recommendation changes in the station's config (what the integrator edits)."""
        if self.outcome is None:
            return []
        from camtool.config.profile_library import diff_configs

        return [key for key, _a, _b in diff_configs(self.station.config, self.outcome.recommended)]

    def to_json(self) -> dict[str, Any]:
        s = self.station
        data: dict[str, Any] = {"name": s.name, "serial": s.serial, "wechat_serial": s.wechat_serial,
                                "sku": s.sku, "status": self.status.value, "seconds": round(self.seconds, 3),
                                "message": self.message or None}
        if self.outcome is not None:
            data.update(verdict="pass" if self.outcome.passed else "fail",
                        explanations=self.outcome.explanations, recommended=self.outcome.recommended,
                        changed_keys=self.changed_keys, device_model=self.outcome.device_model,
                        wmpf=self.outcome.wmpf_version)
        return data


@dataclass
class LabResult:
    results: list[StationResult] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(r.passed for r in self.results)

    def count(self, status: StationStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    def to_json(self) -> dict[str, Any]:
        return {"passed": self.passed, "cancelled": self.cancelled, "seconds": round(self.seconds, 3),
                "stations": [r.to_json() for r in self.results]}


class _CancellableIO:
    """A DeviceIO whose every call first checks the run's cancel flag."""

    def __init__(self, io: DeviceIO, cancel: threading.Event) -> None:
        self._io, self._cancel = io, cancel

    def _check(self) -> None:
        if self._cancel.is_set():
            raise LabCancelled()

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._io, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            self._check()
            return attr(*args, **kwargs)
        return call


Progress = Callable[[StationResult | Station, str], None]
Checker = Callable[..., CheckOutcome]


class LabRunner:
    """Runs stations on `io`; `progress(station_or_result, event)` with event "started" or "finished"."""

    def __init__(self, io: DeviceIO, stations: Sequence[Station], *, jobs: int | None = None,
                 with_reports: bool = False, progress: Progress | None = None,
                 checker: Checker = check_station) -> None:
        self._io = io
        self.stations = list(stations)
        self.jobs = max(1, min(jobs or len(self.stations), len(self.stations) or 1))
        self._with_reports = with_reports
        self._progress = progress
        self._checker = checker
        self.cancel_event = threading.Event()
        self._locks: dict[str, threading.Lock] = {}
        for station in self.stations:
            for serial in station.devices:
                self._locks.setdefault(serial, threading.Lock())
        self._results: dict[int, StationResult] = {}
        self._results_lock = threading.Lock()
        self._queue: list[int] = list(range(len(self.stations)))
        self._queue_lock = threading.Lock()

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self, wait: Callable[[Callable[[], bool]], None] | None = None) -> LabResult:
        """Run every station; returns when all are done or, after cancel(), when the running ones stopped.

        `wait(done)` blocks until `done()` is true; the CLI passes one that wakes up for Ctrl+C.
        """
        began = time.monotonic()
        threads = [threading.Thread(target=self._worker, name=f"camtool-lab-{i}", daemon=True)
                   for i in range(self.jobs)]
        for thread in threads:
            thread.start()

        def done() -> bool:
            return not any(t.is_alive() for t in threads)
        try:
            (wait or _poll_until)(done)
        except KeyboardInterrupt:
            self.cancel()
        if self.cancel_event.is_set():
            deadline = time.monotonic() + CANCEL_GRACE_S
            for thread in threads:
                thread.join(max(0.0, deadline - time.monotonic()))
        result = LabResult(seconds=time.monotonic() - began, cancelled=self.cancel_event.is_set())
        with self._results_lock:
            for index, station in enumerate(self.stations):
                result.results.append(self._results.get(index) or StationResult(
                    station, StationStatus.NOT_RUN, message=tr(N_("Not run: the lab run was interrupted."))))
        return result

    # ---- workers ------------------------------------------------------------------------------
    def _next(self) -> int | None:
        with self._queue_lock:
            return self._queue.pop(0) if self._queue and not self.cancel_event.is_set() else None

    def _worker(self) -> None:
        io = _CancellableIO(self._io, self.cancel_event)
        while (index := self._next()) is not None:
            station = self.stations[index]
            locks = [self._locks[s] for s in sorted(set(station.devices))]   # one global order: no deadlock
            for lock in locks:
                lock.acquire()
            try:
                if self.cancel_event.is_set():
                    return
                result = self._run_station(io, station)
            finally:
                for lock in reversed(locks):
                    lock.release()
            if result is None:
                return
            with self._results_lock:
                self._results[index] = result
            if self._progress is not None:
                self._progress(result, "finished")

    def _run_station(self, io: DeviceIO, station: Station) -> StationResult | None:
        from camtool.device.errors import DeviceError
        from camtool.vision.verify_run import CaptureError

        if self._progress is not None:
            self._progress(station, "started")
        began = time.monotonic()

        def ended(status: StationStatus, **kw: Any) -> StationResult:
            return StationResult(station, status, seconds=time.monotonic() - began, **kw)
        try:
            outcome = self._checker(io, station.serial, station.config, wechat_serial=station.wechat_serial,
                                    apply=station.apply, package=station.package, title=station.name,
                                    with_report=self._with_reports)
        except LabCancelled:
            return None
        except DeviceError as exc:
            return ended(StationStatus.UNAVAILABLE, message=exc.describe())
        except CaptureError as exc:
            return ended(StationStatus.UNAVAILABLE, message=str(exc))
        except Exception as exc:   # one station's bug must not lose the other stations' results
            return ended(StationStatus.ERROR, message=tr(N_("camtool failed on this station ({error})."),
                                                         error=f"{type(exc).__name__}: {exc}"))
        return ended(StationStatus.PASS if outcome.passed else StationStatus.FAIL, outcome=outcome)


def _poll_until(done: Callable[[], bool]) -> None:
    # Short waits, not one long join: the main thread must stay able to take Ctrl+C.
    while not done():
        time.sleep(0.1)
