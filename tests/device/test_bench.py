"""`camtool bench`: the figures it derives, one real run on the virtual device, progress and cancelling."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest

from camtool.cli import main
from camtool.device.adb_io import AdbDeviceIO
from camtool.device.bench import (BenchCancelled, _added_latency, _stamp_figures, decode_ceilings, format_report,
                                  keeps_up, run_bench)
from camtool.device.capture import Frame
from camtool.virtual.encoder import H264Encoder
from camtool.device.frame_stamp import Stamp

pytestmark = pytest.mark.timeout(180)


def frame(number: int, rendered_ms: int, arrived_ms: int, index: int) -> Frame:
    return Frame(None, arrived_ms * 1_000_000, index, Stamp(number, rendered_ms * 1_000_000, 0))


def test_drops_and_latency_come_from_the_stamps():
    frames = [frame(n, 100 + 33 * n, 120 + 33 * n, i) for i, n in enumerate([0, 1, 2, 4, 5], start=1)]
    # then a new recording, numbered from 0 again, with frame 1 lost
    frames += [frame(n, 300 + 33 * n, 340 + 33 * n, 6 + i) for i, n in enumerate([0, 2, 3])]
    latency, dropped, rendered = _stamp_figures(frames)
    assert dropped == 2                     # 3 in the first recording, 1 in the second
    assert rendered == 6 + 4
    assert latency["p50"] == 20 and latency["max"] == 40


def test_no_stamps_means_unknown_not_zero():
    assert _stamp_figures([Frame(None, 1, 1, None)]) == (None, None, None)


def test_ceilings_decode_every_recorded_frame_with_and_without_conversion():
    encoder = H264Encoder(320, 240, fps=30)
    rng = np.random.default_rng(1)
    chunks = [encoder.encode(rng.integers(0, 255, (240, 320, 3), dtype=np.uint8)) for _ in range(20)]
    chunks.append(encoder.flush())
    # Bytes arrive in arbitrary pieces over adb; the ceiling must not depend on how they were cut.
    data = b"".join(chunks)
    pieces = [data[i:i + 1000] for i in range(0, len(data), 1000)]
    ceilings = decode_ceilings(pieces)
    assert ceilings.decode_convert_fps > 0 and ceilings.decode_convert_ms_p95 is not None
    # decoding alone is part of decoding and converting, so it is never slower
    assert ceilings.pure_decode_fps >= ceilings.decode_convert_fps
    assert decode_ceilings([]).decode_convert_fps is None and decode_ceilings([]).pure_decode_fps is None


def test_added_latency_is_last_byte_to_ready_and_needs_no_stamp():
    frames = [Frame(None, (1000 + 33 * i + extra) * 1_000_000, i, None, (1000 + 33 * i) * 1_000_000)
              for i, extra in enumerate([4, 6, 5, 30, 5])]
    added = _added_latency(frames)
    assert added["p50"] == 5 and added["max"] == 30
    assert _added_latency([Frame(None, 5, 1, None)]) is None   # screencap frames: unknown, not zero


def test_keeping_up_is_judged_against_the_slower_of_source_and_ceiling():
    assert keeps_up(27.5, 30.0, 200.0) is True       # 27.5 >= 0.9 x 30
    assert keeps_up(26.0, 30.0, 200.0) is False
    assert keeps_up(19.0, 30.0, 20.0) is True        # the decoder cannot do more than 20
    assert keeps_up(19.0, None, None) is None
    # A real device has no frame stamps: 30 frames/s against a 600 frames/s decoder is not "no",
    # it is unknown (the device may have sent only 30); reaching the ceiling is "yes" anyway.
    assert keeps_up(30.5, None, 624.0) is None
    assert keeps_up(19.0, None, 20.0) is True
    assert keeps_up(30.0, 0.0, 624.0) is None


def test_one_run_on_the_virtual_device_reports_every_figure(adb_server, virtual_device):
    io = AdbDeviceIO(port=adb_server.port)
    lines: list[str] = []
    report = run_bench(io, virtual_device.serial, virtual=True, seconds=2, sizes=((640, 400),), progress=lines.append)
    stream = report.to_json()["streams"][0]
    assert stream["size"] == "640x400"
    assert stream["frames_delivered"] > 0 and stream["delivered_fps"] > 0
    assert stream["decode_convert_fps"] > 0 and stream["pure_decode_fps"] >= stream["decode_convert_fps"]
    assert stream["keeps_up"] in (True, False)
    assert set(stream["latency_ms"]) == {"p50", "p95", "max"}
    added = stream["added_latency_ms"]
    assert 0 <= added["p50"] <= added["p95"] <= added["max"]
    # what camtool adds is part of the render -> delivered latency
    assert added["p50"] <= stream["latency_ms"]["p50"]
    assert stream["latency_ms"]["p50"] <= stream["latency_ms"]["p95"] <= stream["latency_ms"]["max"]
    assert stream["dropped_frames"] is not None and stream["dropped_frames"] >= 0
    assert 0 < stream["cpu_fraction"]
    assert len(lines) >= 2 and all("640x400" in line for line in lines)   # a line per second
    text = format_report(report)
    assert "latency render to delivered" in text and "last byte arrived to frame ready" in text
    assert "decode + colour conversion" in text and "decode alone" in text


def test_cancel_stops_the_run_and_its_capture(adb_server, virtual_device):
    io = AdbDeviceIO(port=adb_server.port)
    cancel = threading.Event()
    with pytest.raises(BenchCancelled):
        run_bench(io, virtual_device.serial, virtual=True, seconds=30, sizes=((640, 400),),
                  progress=lambda line: cancel.set(), cancel=cancel)


def test_ctrl_c_stops_the_capture_cleanly(adb_server, virtual_device):
    io = AdbDeviceIO(port=adb_server.port)

    def interrupt(line: str) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_bench(io, virtual_device.serial, virtual=True, seconds=30, sizes=((640, 400),), progress=interrupt)
    # the leak check after this test proves the capture connection and threads are gone


def test_bench_cli_default_runs_its_own_virtual_device(capsys):
    assert main(["bench", "--seconds", "1", "--json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["virtual"] is True
    assert [s["size"] for s in report["streams"]] == ["1280x720", "1920x1080"]
    assert "1280x720: " in captured.err      # progress goes to stderr, the JSON stays clean


@pytest.mark.parametrize("seconds", ["0", "601"])
def test_bench_seconds_out_of_range_is_a_usage_error(seconds, capsys):
    assert main(["bench", "--seconds", seconds]) == 2
    assert "--seconds" in capsys.readouterr().err
