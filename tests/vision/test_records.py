"""Verification records: appended to the profile through the library, thumbnails beside it, read back."""

from __future__ import annotations

import datetime as dt

import cv2
import numpy as np
import pytest

from camtool.config.errors import ProfileError
from camtool.config.profiles import Profile, ProfileLibrary
from camtool.vision.detect import ChartDetection
from camtool.vision.records import (RECORD_SCHEMA, THUMBNAIL_SIDE, VerificationRecord, latest_verification,
                                    make_record, record_run)
from camtool.vision.verdict import verdict_from_detections
from camtool.vision.verify_run import VerifyRound, VerifyRun

WHEN = dt.datetime(2026, 11, 25, 11, 20, 31, tzinfo=dt.timezone.utc)


def _run(rotation: int = 0, config: dict | None = None) -> VerifyRun:
    config = {} if config is None else config
    detection = ChartDetection(True, rotation, 0.0, False, 6, 0.9)
    verdict = verdict_from_detections(detection, detection, config)
    frames = np.full((720, 1280, 3), 90, np.uint8), np.full((1280, 720, 3), 160, np.uint8)
    return VerifyRun([VerifyRound(config, frames[0], frames[1], verdict)], serial="127.0.0.1:5600",
                     wechat_serial="127.0.0.1:5602")


@pytest.fixture
def library(tmp_path):
    lib = ProfileLibrary(tmp_path / "profiles")
    lib.save(Profile(sku="door-1", description="front door", config={"internalCameraName": "0"},
                     verifications=[{"someone": "else's entry"}]))
    return lib


def test_a_record_is_appended_and_survives_a_reload(library):
    record = record_run(library, "door-1", _run(90, {"internalCameraName": "0"}), device_model="DB-10",
                        wmpf_version="2.0.1", date=WHEN)
    reloaded = ProfileLibrary(library.directory).load("door-1")
    assert reloaded.verifications[0] == {"someone": "else's entry"}   # kept as it was
    assert reloaded.verifications[1] == record
    assert record["schema"] == RECORD_SCHEMA and record["date"] == "2026-11-25T11:20:31Z"
    assert record["device"] == {"model": "DB-10", "serial": "127.0.0.1:5600", "wmpf": "2.0.1"}
    assert record["config"] == {"internalCameraName": "0"} and record["verdict"] == "fail"
    assert record["ends"]["device"] == {"detected": True, "rotation": 90, "mirrored": False, "upright": False}
    assert record["camtool_version"]
    latest = latest_verification(reloaded)
    assert latest is not None and not latest.passed and latest.device_model == "DB-10"


def test_thumbnails_are_small_jpegs_beside_the_profile(library):
    record = record_run(library, "door-1", _run(), device_model=None, wmpf_version=None, date=WHEN)
    for end in ("device", "wechat"):
        name = record["thumbnails"][end]
        assert name.startswith("door-1.verifications/") and name.endswith(f"-{end}.jpg")
        image = cv2.imread(str(library.directory / name))
        assert image is not None and max(image.shape[:2]) == THUMBNAIL_SIDE
    assert library.list() == ["door-1"]   # the thumbnail folder is not mistaken for a profile


def test_two_checks_in_the_same_second_keep_both_pictures_and_the_latest_is_the_newest(library):
    first = record_run(library, "door-1", _run(90), device_model=None, wmpf_version=None, date=WHEN)
    second = record_run(library, "door-1", _run(0), device_model=None, wmpf_version=None, date=WHEN)
    assert first["thumbnails"]["device"] != second["thumbnails"]["device"]
    later = record_run(library, "door-1", _run(0), device_model=None, wmpf_version=None,
                       date=WHEN + dt.timedelta(days=1))
    latest = latest_verification(library.load("door-1"))
    assert latest.passed and latest.date == later["date"]
    assert len(library.load("door-1").verifications) == 4


def test_a_profile_that_cannot_be_saved_keeps_its_file_and_leaves_no_thumbnails(library):
    with pytest.raises(ProfileError):
        record_run(library, "missing", _run(), device_model=None, wmpf_version=None, date=WHEN)
    # A profile whose config has errors cannot be saved: nothing half-written stays behind.
    path = library.path_for("door-1")
    text = path.read_text(encoding="utf-8").replace('"internalCameraName": "0"', '"internalCameraName": 5')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError):
        record_run(library, "door-1", _run(), device_model=None, wmpf_version=None, date=WHEN)
    assert path.read_text(encoding="utf-8") == text
    assert not any((library.directory / "door-1.verifications").glob("*.jpg"))


def test_odd_entries_are_skipped_when_reading_records():
    assert VerificationRecord.from_json({"verdict": "maybe", "date": "x"}) is None
    assert VerificationRecord.from_json(["not", "a", "record"]) is None
    profile = Profile(sku="a", verifications=[{"verdict": "pass"}, {"verdict": "pass", "date": "2026-01-01T00:00:00Z",
                                                                   "device": "not an object"}])
    latest = latest_verification(profile)
    assert latest is not None and latest.passed and latest.device_model is None
    assert latest_verification(Profile(sku="b")) is None


def test_make_record_without_pictures_names_no_thumbnails():
    run = _run()
    record = make_record(run.verdict, device_model="M", serial=None, wmpf_version=None, date=WHEN)
    assert record["thumbnails"] == {"device": None, "wechat": None}
    assert record["verdict"] == "pass"
    assert record["explanations"] == ["works"]   # codes: the device works as it is
