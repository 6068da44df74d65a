"""The orientation check as a workflow: capture both ends, judge, and (with apply) fix and check again.

Each end is captured with `screencap -p` through the device layer's `exec_out` (binary-safe,
one code path for real phones and the virtual device). With `apply`, the recommendation is
sent with the device layer's apply broadcast, the new pictures are awaited (the frame stamp's
config generation says when the new config is live on the virtual device; a real device is
given time to relaunch and must show the same thing twice), and the check runs again with
every earlier observation, so a wrong guess about WMPF's rotation direction is caught and
corrected. At most `MAX_APPLY_ROUNDS` applies.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from camtool.config.ends import WmpfBehaviour
from camtool.device.adb_io import DeviceIO
from camtool.device.apply import ApplyResult, apply_config
from camtool.device.errors import DeviceError
from camtool.device.screencap import SCREENCAP_ARGV, answer_excerpt, decode_picture, screencap_png
from camtool.i18n import N_, tr
from camtool.device.frame_stamp import read_stamp
from camtool.vision.verdict import Explanation, Observation, OrientationVerdict, check_orientation

__all__ = ["MAX_APPLY_ROUNDS", "CaptureError", "VerifyRound", "VerifyRun", "capture_screen", "decode_image",
           "run_verify", "SCREENCAP_ARGV"]

MAX_APPLY_ROUNDS = 3
CAPTURE_TIMEOUT_S = 15.0
#: How long new pictures may take after an apply (the receiver relaunches the mini program).
NEW_FRAMES_TIMEOUT_S = 20.0
#: A device without the frame stamp: time for the relaunch before its pictures count.
RELAUNCH_SETTLE_S = 2.0
_POLL_S = 0.25

R_APPLY_FAILED = N_("The recommendation could not be applied: {reason}")
R_NO_NEW_FRAMES = N_("The {end} did not show the new config within {seconds} seconds; the check used the "
                     "pictures it had.")
R_NOTHING_MORE = N_("No key can do more: the remaining problems are explained above.")
R_ROUNDS_USED = N_("Stopped after {rounds} applies without both ends upright; check the explanations and the "
                   "pictures in the report.")


class CaptureError(Exception):
    """A screen could not be captured or decoded; the text says what to do."""


@dataclass
class VerifyRound:
    """One check: the config that was live, the pictures, the verdict, and what the apply after it answered."""

    config: dict[str, Any]
    device_frame: np.ndarray | None
    wechat_frame: np.ndarray | None
    verdict: OrientationVerdict
    applied: ApplyResult | None = None


@dataclass
class VerifyRun:
    rounds: list[VerifyRound]
    notes: list[Explanation] = field(default_factory=list)
    inventory: Any = None
    serial: str | None = None
    wechat_serial: str | None = None
    #: (source, config): where the config the first check assumes the device runs came from
    #: ("config", "profile", "last_applied" = what camtool applied to it last, "empty").
    assumed_config: tuple[str, dict[str, Any]] | None = None

    @property
    def first(self) -> VerifyRound:
        return self.rounds[0]

    @property
    def last(self) -> VerifyRound:
        return self.rounds[-1]

    @property
    def verdict(self) -> OrientationVerdict:
        return self.last.verdict

    @property
    def passed(self) -> bool:
        return self.verdict.passed

    @property
    def explanations(self) -> list[Explanation]:
        return [*self.verdict.explanations, *self.notes]

    def to_json(self) -> dict[str, Any]:
        data = self.verdict.to_json()
        data["explanations"] = [e.to_json() for e in self.explanations]
        if self.assumed_config is not None:
            data["assumed_config"] = {"source": self.assumed_config[0], "config": self.assumed_config[1]}
        data["rounds"] = [{"config": r.config,
                           "ends": {"device": r.verdict.device.to_json(), "wechat": r.verdict.wechat.to_json()},
                           "apply": r.applied.to_json() if r.applied is not None else None}
                          for r in self.rounds]
        return data


def decode_image(data: bytes, source: str) -> np.ndarray:
    """A PNG/JPEG (screencap -p, a photo) as a BGR array; CaptureError naming `source` otherwise."""
    image = decode_picture(data)
    if image is None or min(image.shape[:2]) < 16:
        preview = answer_excerpt(data) if data else None  # text the device said; a picture's bytes never
        raise CaptureError(tr(N_("{source} gave no picture ({detail}). Check that the screen is on and unlocked, "
                                 "and try again."), source=source, detail=preview or tr(N_("no data"))))
    return image


def capture_screen(io: DeviceIO, serial: str, timeout: float = CAPTURE_TIMEOUT_S) -> np.ndarray:
    """The current screen of `serial` (`screencap -p`), BGR. DeviceError/CaptureError when it cannot."""
    data = screencap_png(io, serial, timeout)  # DeviceAnswerCut when the PNG stops before its end
    return decode_image(data, tr(N_("screencap on {serial}"), serial=serial))


def _generation(frame: np.ndarray | None) -> int | None:
    stamp = read_stamp(frame) if frame is not None else None
    return None if stamp is None else stamp.config_generation


def _capture_pair(io: DeviceIO, serial: str, wechat_serial: str | None) -> tuple[np.ndarray, np.ndarray | None]:
    return capture_screen(io, serial), (capture_screen(io, wechat_serial) if wechat_serial else None)


def _await_new_frames(io: DeviceIO, serial: str, wechat_serial: str | None, before: tuple[int | None, int | None],
                      notes: list[Explanation], sleep: Callable[[float], None]
                      ) -> tuple[np.ndarray, np.ndarray | None]:
    """Pictures taken after the apply took effect (see the module docstring)."""
    deadline = time.monotonic() + NEW_FRAMES_TIMEOUT_S
    if before[0] is None:
        return _settled(io, serial, wechat_serial, deadline, sleep)
    frames: list[np.ndarray | None] = [None, None]
    for index, (who, old) in enumerate(((serial, before[0]), (wechat_serial, before[1]))):
        if who is None:
            continue
        frame = capture_screen(io, who)
        # Stamped frames (the virtual device): wait for the next config generation.
        while old is not None and _generation(frame) == old and time.monotonic() < deadline:
            sleep(_POLL_S)
            frame = capture_screen(io, who)
        if old is not None and _generation(frame) == old:
            notes.append(Explanation("no_new_frames", R_NO_NEW_FRAMES, ("device", "wechat")[index],
                                     {"seconds": int(NEW_FRAMES_TIMEOUT_S)}))
        frames[index] = frame
    return frames[0], frames[1]


def _reading(pair: tuple[np.ndarray | None, ...]) -> tuple:
    from camtool.vision.detect import detect_orientation

    out = []
    for frame in pair:
        detection = detect_orientation(frame) if frame is not None else None
        out.append((detection.rotation, detection.mirrored) if detection is not None and detection.detected else None)
    return tuple(out)


def _settled(io: DeviceIO, serial: str, wechat_serial: str | None, deadline: float,
             sleep: Callable[[float], None]) -> tuple[np.ndarray, np.ndarray | None]:
    """No stamp to read: after the relaunch, the first pair of pictures that a second pair confirms."""
    sleep(RELAUNCH_SETTLE_S)
    pair = _capture_pair(io, serial, wechat_serial)
    while time.monotonic() < deadline:
        sleep(_POLL_S)
        again = _capture_pair(io, serial, wechat_serial)
        if _reading(again) == _reading(pair):
            return again
        pair = again
    return pair


def run_verify(io: DeviceIO, serial: str, config: dict[str, Any], *, wechat_serial: str | None = None,
               apply: bool = False, package: str | None = None, behaviour: WmpfBehaviour | None = None,
               inventory=None, max_applies: int = MAX_APPLY_ROUNDS,
               sleep: Callable[[float], None] = time.sleep) -> VerifyRun:
    """Check `serial` (and the phone `wechat_serial`) against `config`; with `apply`, fix and re-check.

    `config` is the config live on the device. `inventory` (fetch it with the device layer)
    supplies the WMPF version and the external-HAL cameras. DeviceError and CaptureError
    pass through: the caller tells the user what to do. `package` is needed with `apply`.
    """
    if apply and not package:
        raise ValueError(tr(N_("Applying needs the package of the app with camtool's receiver: give --package "
                               "or set apply_package in the profile.")))
    run = VerifyRun([], inventory=inventory, serial=serial, wechat_serial=wechat_serial)
    history: tuple[Observation, ...] = ()
    frames = _capture_pair(io, serial, wechat_serial)
    tried = [config]
    while True:
        verdict = check_orientation(frames[0], frames[1], config, behaviour, inventory, history=history)
        current = VerifyRound(config, frames[0], frames[1], verdict)
        run.rounds.append(current)
        history = (*history, verdict.observation)
        if verdict.passed or not apply:
            break
        if not verdict.changes or verdict.recommended in tried:
            run.notes.append(Explanation("nothing_more", R_NOTHING_MORE))
            break
        if len(run.rounds) > max_applies:
            run.notes.append(Explanation("rounds_used", R_ROUNDS_USED, None, {"rounds": max_applies}))
            break
        before = (_generation(frames[0]), _generation(frames[1]))
        try:
            current.applied = apply_config(io, serial, verdict.recommended, package)
        except (DeviceError, ValueError) as exc:
            run.notes.append(Explanation("apply_failed", R_APPLY_FAILED, None,
                                         {"reason": getattr(exc, "message", None) or str(exc)}))
            break
        if not current.applied.applied:
            run.notes.append(Explanation("apply_failed", R_APPLY_FAILED, None, {"reason": current.applied.message}))
            break
        config = verdict.recommended
        tried.append(config)
        frames = _await_new_frames(io, serial, wechat_serial, before, run.notes, sleep)
    return run
