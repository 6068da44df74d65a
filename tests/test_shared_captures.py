"""A missing ../shared/captures skips on a developer's machine and fails in CI."""

from __future__ import annotations

import pytest

import shared_captures


def test_a_missing_capture_fails_in_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(shared_captures, "SHARED_CAPTURES", tmp_path / "absent")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI lays it there"):
        shared_captures.read_shared_capture("redmi-k30-media-camera.txt")


def test_a_missing_capture_skips_outside_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(shared_captures, "SHARED_CAPTURES", tmp_path / "absent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        shared_captures.read_shared_capture("redmi-k30-media-camera.txt")


def test_a_present_capture_is_read(monkeypatch, tmp_path):
    (tmp_path / "x.txt").write_text("Device 0 maps to", encoding="utf-8")
    monkeypatch.setattr(shared_captures, "SHARED_CAPTURES", tmp_path)
    assert shared_captures.read_shared_capture("x.txt") == "Device 0 maps to"
