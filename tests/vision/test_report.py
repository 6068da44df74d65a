"""The HTML report: one self-contained file with both ends before and after, the detected up drawn,
the verdict, the explanations, the findings and the recommendation; it prints and follows the language."""

from __future__ import annotations

import base64
import re

import cv2
import numpy as np

from camtool import i18n
from camtool.config.semantics import Turn, ends_for
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.screens import end_screen
from camtool.vision.detect import detect_orientation
from camtool.vision.report import annotated_frame, render_report
from camtool.vision.verdict import check_orientation
from camtool.vision.verify_run import VerifyRound, VerifyRun

MOUNTING = Turn(90)


def _ends(config: dict):
    effect = ends_for(config)
    picture = picture_of_mounted_camera(MOUNTING)
    return end_screen(picture, effect.device_end, (480, 270)), end_screen(picture, effect.wechat_end, (270, 480))


def _two_round_run(extra: dict | None = None) -> VerifyRun:
    start = dict(extra or {})
    before = check_orientation(*_ends(start), start)
    after_config = before.recommended
    after = check_orientation(*_ends(after_config), after_config, history=(before.observation,))
    return VerifyRun([VerifyRound(start, *_ends(start), before), VerifyRound(after_config, *_ends(after_config), after)],
                     serial="127.0.0.1:5600", wechat_serial="127.0.0.1:5602")


def _images(html: str) -> list[np.ndarray]:
    found = re.findall(r'src="data:image/jpeg;base64,([A-Za-z0-9+/=]+)"', html)
    return [cv2.imdecode(np.frombuffer(base64.b64decode(b), np.uint8), cv2.IMREAD_COLOR) for b in found]


def test_report_embeds_both_ends_before_and_after_and_shows_verdict_and_recommendation():
    run = _two_round_run()
    html = render_report(run, device_model="DB-10", wmpf_version="2.0.1")
    images = _images(html)
    assert len(images) == 4 and all(img is not None for img in images)
    # device before/after are landscape, WeChat before/after portrait, in that order
    assert [img.shape[1] > img.shape[0] for img in images] == [True, True, False, False]
    assert 'id="verdict">FAIL<' in html
    assert "cameraRotationAngle" in html and "&quot;cameraRotationAngle&quot;: 270" in html
    assert "setUIConfig" not in html   # nothing mirrored here
    assert "preview" in html           # the built-in preview explanation
    assert "DB-10" in html and "127.0.0.1:5600" in html


def test_report_is_self_contained_and_prints():
    html = render_report(_two_round_run())
    assert "@media print" in html and "break-inside:avoid" in html
    assert not re.search(r'(src|href)="(?!data:)', html)   # no file or URL beside the report
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html


def test_values_from_configs_are_escaped():
    run = _two_round_run({"uiZoom": "<script>alert(1)</script>"})
    html = render_report(run)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_report_follows_the_language():
    run = _two_round_run()
    i18n.set_language("zh")
    html = render_report(run)
    assert 'lang="zh-CN"' in html and "未通过" in html and "设备端" in html and "建议" in html
    # Labels and separators built in code are Chinese too: "设备端（调整前）：", no ": " after Chinese.
    assert "设备端（调整前）</b>：" in html and not re.search(r"[\u4e00-\u9fff）]</b>: ", html)


def test_a_single_check_shows_each_end_once_and_a_missing_end_is_named():
    device, _ = _ends({})
    verdict = check_orientation(device, None, {})
    html = render_report(VerifyRun([VerifyRound({}, device, None, verdict)]))
    assert len(_images(html)) == 1 and "not captured" in html


def test_the_detected_up_is_drawn_green_when_upright_and_red_otherwise():
    upright, _ = _ends({})  # device end of a camera turned by 90: not upright
    detection = detect_orientation(upright)
    drawn = annotated_frame(upright, detection)
    changed = np.any(drawn != upright, axis=2)
    assert changed.any()
    red = drawn[changed]
    assert np.mean(red[:, 2]) > np.mean(red[:, 1])   # red ink for a turned end
    # The arrow runs from the chart's centre towards its top: for a 90-degree turn, to the right.
    cx, cy = (int(v) for v in detection.centre)
    assert changed[cy, cx + 5: cx + 40].any() and not changed[cy, cx - 40: cx - 25].any()
    straight = end_screen(picture_of_mounted_camera(Turn()), Turn(), (480, 270))
    drawn = annotated_frame(straight, detect_orientation(straight))
    ink = drawn[np.any(drawn != straight, axis=2)]
    assert np.mean(ink[:, 1]) > np.mean(ink[:, 2])   # green for an upright end
    nothing = np.zeros((100, 100, 3), np.uint8)
    assert np.array_equal(annotated_frame(nothing, detect_orientation(nothing)), nothing)


def _mp4(tmp_path) -> bytes:
    from camtool.vision.clip import ClipWriter

    writer = ClipWriter(tmp_path / "c.mp4", 64, 48)
    for tick in range(15):
        writer.write(np.full((48, 64, 3), tick * 10, np.uint8), tick)
    return writer.close().read_bytes()


def test_a_clip_is_a_section_of_its_own_and_the_rest_of_the_report_is_unchanged(tmp_path):
    import datetime as _dt
    import io

    import av

    from camtool.vision.report_clip import ReportClip

    run, when = _two_round_run(), _dt.datetime(2026, 12, 2, 10, 0, tzinfo=_dt.timezone.utc)
    plain = render_report(run, date=when)
    with_clip = render_report(run, date=when, clip=ReportClip(_mp4(tmp_path), 0.5, both_ends=True))
    section = re.search(r"\n<style>\.clip.*?</video></div>", with_clip, re.S)
    assert section and with_clip.replace(section.group(0), "") == plain
    assert "<video" not in plain
    data = re.search(r'src="data:video/mp4;base64,([A-Za-z0-9+/=]+)"', section.group(0)).group(1)
    with av.open(io.BytesIO(base64.b64decode(data)), format="mp4") as container:
        assert len(list(container.decode(video=0))) == 15
    assert "Both ends for 0.5 s after the last check" in section.group(0)
    i18n.set_language("zh")
    assert "最后一次检查后 0.5 秒内两端的实际画面" in render_report(run, clip=ReportClip(_mp4(tmp_path), 0.5, True))


def test_a_clip_that_could_not_be_recorded_is_said_so():
    from camtool.vision.report_clip import ReportClip

    html = render_report(_two_round_run(), clip=ReportClip(None, 0.0, True, "Device end showed no picture"))
    assert "No clip: Device end showed no picture" in html and "<video" not in html
