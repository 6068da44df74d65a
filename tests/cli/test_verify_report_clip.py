"""`camtool verify --report FILE --report-clip SECONDS`: the report embeds a clip of both ends that plays back."""

from __future__ import annotations

import base64
import io
import re

import av
import pytest

from camtool import exitcodes
from camtool.cli import main

CLIP = re.compile(r'<video id="clip"[^>]* src="data:video/mp4;base64,([A-Za-z0-9+/=]+)"')


def clip_of(html: str) -> tuple[float, int, int, int]:
    """(seconds, frames, width, height) of the clip embedded in a report, decoded with PyAV."""
    found = CLIP.findall(html)
    assert len(found) == 1
    with av.open(io.BytesIO(base64.b64decode(found[0])), format="mp4") as container:
        stream = container.streams.video[0]
        pts = [frame.pts for frame in container.decode(stream)]
        return float((pts[-1] + 1) * stream.time_base), len(pts), stream.width, stream.height


def test_the_report_embeds_both_ends_as_a_clip_that_plays(virtual_device, tmp_path, capsys):
    report = tmp_path / "report.html"
    code = main(["verify", "--serial", virtual_device.serial, "--wechat-serial", virtual_device.wechat_serial,
                 "--report", str(report), "--report-clip", "2"])
    out, err = capsys.readouterr()
    assert code in (exitcodes.OK, exitcodes.NO), err
    assert "Recording 2 s of the ends for the report" in err and "report.html" in out
    html = report.read_text(encoding="utf-8")
    seconds, frames, width, height = clip_of(html)
    assert seconds == pytest.approx(2.0, abs=0.1) and frames > 0 and width > height
    assert height < 720   # reduced: half the record command's panel height, plus the label bar
    assert "Both ends for 2.0 s after the last check" in html and "WeChat end on the right" in html
    assert len(html.encode("utf-8")) < 2_000_000   # a report people mail stays small


def test_without_the_option_the_report_has_no_clip(virtual_device, tmp_path, capsys):
    report = tmp_path / "report.html"
    main(["verify", "--serial", virtual_device.serial, "--report", str(report)])
    err = capsys.readouterr().err
    html = report.read_text(encoding="utf-8")
    assert "<video" not in html and "video/mp4" not in html and "Recording" not in err


def test_the_device_end_alone_is_said_so(virtual_device, tmp_path, capsys):
    report = tmp_path / "report.html"
    main(["verify", "--serial", virtual_device.serial, "--report", str(report), "--report-clip", "1"])
    capsys.readouterr()
    html = report.read_text(encoding="utf-8")
    _seconds, frames, width, height = clip_of(html)
    assert frames > 0 and "The device end for 1.0 s after the last check" in html


@pytest.mark.parametrize("argv,words", [
    (["--serial", "X", "--report-clip", "3"], "--report"),
    (["--device-image", "a.png", "--report", "r.html", "--report-clip", "3"], "--serial"),
    (["--serial", "X", "--report", "r.html", "--report-clip", "0"], "at most 10"),
    (["--serial", "X", "--report", "r.html", "--report-clip", "11"], "at most 10"),
    (["--serial", "X", "--report", "r.html", "--report-clip", "nan"], "at most 10"),
    (["--serial", "X", "--source", "camera", "--report-clip", "3"], "--source camera"),
])
def test_usage_errors(tmp_path, monkeypatch, capsys, argv, words):
    monkeypatch.chdir(tmp_path)
    assert main(["verify", *argv]) == exitcodes.USAGE
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_the_option_is_said_in_chinese(capsys):
    main(["--lang", "zh", "verify", "--serial", "X", "--report-clip", "3"])
    assert "视频片段嵌入在报告中" in capsys.readouterr().err
