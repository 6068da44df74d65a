"""Verification records (docs/architecture.md, Verification records): what an orientation check proved, kept in the SKU's profile.

The profile layer stores `verifications` as an opaque list; this module owns the record
schema. One record (a JSON object, schema 1):

    {"schema": 1, "date": "2026-11-25T11:20:31Z", "camtool_version": "0.1.0",
     "device": {"model": "DB-10", "serial": "...", "wmpf": "2.0.1"}, "wechat_serial": "..." | null,
     "config": {...the config the verdict is for...}, "verdict": "pass" | "fail",
     "ends": {"device": {"detected", "rotation", "mirrored", "upright"}, "wechat": {...}},
     "recommended": {...}, "explanations": ["preview_fixed", ...], "applies": 0,
     "thumbnails": {"device": "SKU.verifications/20261125T112031Z-device.jpg" | null, "wechat": ...}}

Thumbnail names are relative to the profile library folder: the pictures sit beside the
profile, in `<sku>.verifications/`. A record is appended through the profile library, so the
profile file is rewritten atomically (and the library's own checks apply).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from camtool import __version__
from camtool.config.atomic import atomic_write_bytes
from camtool.config.profiles import Profile, ProfileLibrary

__all__ = ["RECORD_SCHEMA", "THUMBNAIL_SIDE", "VerificationRecord", "make_record", "save_thumbnails",
           "add_verification", "record_run", "latest_verification", "thumbnail_folder"]

RECORD_SCHEMA = 1
#: Long side of a saved thumbnail: enough to see the chart's turn, small beside a profile.
THUMBNAIL_SIDE = 320
_JPEG_QUALITY = 80
_ENDS = ("device", "wechat")


@dataclass(frozen=True)
class VerificationRecord:
    """A record read back from a profile (tolerant: unknown fields are ignored, odd ones give None)."""

    date: str
    verdict: str
    camtool_version: str | None
    device_model: str | None
    device_serial: str | None
    wmpf: str | None
    config: dict[str, Any]
    ends: dict[str, dict[str, Any]]
    thumbnails: dict[str, str | None]
    raw: dict[str, Any]

    @property
    def passed(self) -> bool:
        return self.verdict == "pass"

    @classmethod
    def from_json(cls, data: object) -> VerificationRecord | None:
        """A record, or None when `data` is not one (a hand-edited or future entry is skipped, not fatal)."""
        if not isinstance(data, dict) or data.get("verdict") not in ("pass", "fail") \
                or not isinstance(data.get("date"), str):
            return None
        device = data.get("device") if isinstance(data.get("device"), dict) else {}
        ends = data.get("ends") if isinstance(data.get("ends"), dict) else {}
        thumbs = data.get("thumbnails") if isinstance(data.get("thumbnails"), dict) else {}
        return cls(
            date=data["date"], verdict=data["verdict"],
            camtool_version=_text(data.get("camtool_version")),
            device_model=_text(device.get("model")), device_serial=_text(device.get("serial")),
            wmpf=_text(device.get("wmpf")),
            config=data["config"] if isinstance(data.get("config"), dict) else {},
            ends={k: v for k, v in ends.items() if k in _ENDS and isinstance(v, dict)},
            thumbnails={k: _text(thumbs.get(k)) for k in _ENDS},
            raw=data,
        )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


def make_record(verdict, *, device_model: str | None, serial: str | None, wmpf_version: str | None,
                wechat_serial: str | None = None, applies: int = 0,
                thumbnails: dict[str, str | None] | None = None, date: _dt.datetime | None = None) -> dict[str, Any]:
    """The record of one check (`verdict`: an OrientationVerdict, usually the run's last one)."""
    when = (date or _now()).astimezone(_dt.timezone.utc).replace(microsecond=0)
    return {
        "schema": RECORD_SCHEMA,
        "date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "camtool_version": __version__,
        "device": {"model": device_model, "serial": serial, "wmpf": wmpf_version},
        "wechat_serial": wechat_serial,
        "config": dict(verdict.config),
        "verdict": verdict.verdict,
        "ends": {"device": verdict.device.to_json(), "wechat": verdict.wechat.to_json()},
        "recommended": dict(verdict.recommended),
        "explanations": [e.code for e in verdict.explanations],
        "applies": applies,
        "thumbnails": {end: (thumbnails or {}).get(end) for end in _ENDS},
    }


def thumbnail_folder(library: ProfileLibrary, sku: str) -> Path:
    """Where a profile's thumbnails live: beside `<sku>.json`, in `<sku>.verifications/`."""
    library.path_for(sku)  # refuses a SKU that could escape the library folder
    return library.directory / f"{sku}.verifications"


def _thumbnail_jpeg(frame: np.ndarray) -> bytes:
    h, w = frame.shape[:2]
    scale = THUMBNAIL_SIDE / max(h, w)
    if scale < 1.0:
        frame = cv2.resize(frame, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, _JPEG_QUALITY])
    if not ok:
        raise ValueError("JPEG encoding of a thumbnail failed")
    return data.tobytes()


def save_thumbnails(library: ProfileLibrary, sku: str, frames: dict[str, np.ndarray | None],
                    date: _dt.datetime | None = None) -> dict[str, str | None]:
    """Write one JPEG thumbnail per captured end; names relative to the library folder (POSIX style)."""
    folder = thumbnail_folder(library, sku)
    stamp = (date or _now()).astimezone(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    names: dict[str, str | None] = {}
    for end in _ENDS:
        frame = frames.get(end)
        if frame is None:
            names[end] = None
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path, n = folder / f"{stamp}-{end}.jpg", 1
        while path.exists():  # two checks in one second keep both pictures
            n += 1
            path = folder / f"{stamp}-{n}-{end}.jpg"
        atomic_write_bytes(path, _thumbnail_jpeg(frame))
        names[end] = path.relative_to(library.directory).as_posix()
    return names


def add_verification(library: ProfileLibrary, sku: str, record: dict[str, Any]) -> Profile:
    """Append `record` to profile `sku` and save it atomically; ProfileError when it cannot be saved."""
    profile = library.load(sku)
    updated = profile.model_copy(update={"verifications": [*profile.verifications, record]})
    library.save(updated)
    return updated


def record_run(library: ProfileLibrary, sku: str, run, *, device_model: str | None, wmpf_version: str | None,
               date: _dt.datetime | None = None) -> dict[str, Any]:
    """Save the run's last pictures as thumbnails and append its record to `sku`; returns the record.

    When the profile cannot be saved, the thumbnails just written are removed again and the
    ProfileError passes through.
    """
    when = date or _now()
    last = run.last
    names = save_thumbnails(library, sku, {"device": last.device_frame, "wechat": last.wechat_frame}, when)
    applies = sum(1 for r in run.rounds if r.applied is not None and r.applied.applied)
    record = make_record(run.verdict, device_model=device_model, serial=run.serial, wmpf_version=wmpf_version,
                         wechat_serial=run.wechat_serial, applies=applies, thumbnails=names, date=when)
    try:
        add_verification(library, sku, record)
    except Exception:
        for name in names.values():
            if name:
                (library.directory / name).unlink(missing_ok=True)
        raise
    return record


def latest_verification(profile: Profile) -> VerificationRecord | None:
    """The newest readable record of a profile (by date; the window shows its verdict per SKU)."""
    records = [r for r in (VerificationRecord.from_json(d) for d in profile.verifications) if r is not None]
    return max(records, key=lambda r: r.date) if records else None
