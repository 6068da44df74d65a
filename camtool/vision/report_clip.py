"""A short clip of both ends for the verify report (`camtool verify --report ... --report-clip SECONDS`).

Recorded after the last check, so it shows the ends as the verdict found them: the same
side-by-side composition as `camtool record`, at half its panel height and a higher CRF, so a
few seconds add a few hundred kB to the self-contained report (embedded as a base64 MP4).
A clip that cannot be recorded is not a failed check: the report then says why it has none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from camtool.i18n import N_, tr

#: The longest clip a report embeds: a report is a file people mail and attach to tickets.
#: (This module imports the video code only when it records, so `verify --help` can read this.)
MAX_REPORT_CLIP_SECONDS = 10
#: Each end's height in the report's clip (the `record` command's is 720).
REPORT_CLIP_PANEL_HEIGHT = 360
#: x264 quality: 28 keeps the labels and the chart readable at about a third of the bytes of 23.
REPORT_CLIP_CRF = 28


@dataclass(frozen=True)
class ReportClip:
    """What the report embeds: the MP4, or why there is none."""

    mp4: bytes | None
    seconds: float
    both_ends: bool
    problem: str | None = None


def record_report_clip(io, serial: str, wechat_serial: str | None, seconds: float, *,
                       progress: Callable[[float], None] | None = None) -> ReportClip:
    """Record the ends' screens for `seconds`; never raises for a device that shows nothing (the clip says why)."""
    import tempfile
    import threading

    from camtool.device.capture import ScreenrecordSource
    from camtool.device.errors import DeviceError
    from camtool.vision.recording import DEVICE_END_LABEL, WECHAT_END_LABEL, NoPicture, record_sources, source_feed

    ends = [(DEVICE_END_LABEL, serial)] + ([(WECHAT_END_LABEL, wechat_serial)] if wechat_serial else [])
    feeds = [source_feed(label, serial=end_serial) for label, end_serial in ends]
    sources = [ScreenrecordSource(io, end_serial, read_stamps=False, max_height=REPORT_CLIP_PANEL_HEIGHT,
                                  on_frame=feed.pictures.on_frame)
               for (_label, end_serial), feed in zip(ends, feeds)]
    both = wechat_serial is not None
    with tempfile.TemporaryDirectory(prefix="camtool-report-clip-") as folder:
        target = Path(folder) / "clip.mp4"
        try:
            figures = record_sources(sources, feeds, target, seconds=seconds, stop=threading.Event(),
                                     panel_height=REPORT_CLIP_PANEL_HEIGHT, crf=REPORT_CLIP_CRF, progress=progress)
        except NoPicture as exc:
            return ReportClip(None, 0.0, both, str(exc))
        except DeviceError as exc:
            return ReportClip(None, 0.0, both, exc.describe())
        except KeyboardInterrupt:   # before the first picture
            return ReportClip(None, 0.0, both, tr(N_("the recording was interrupted before the first picture.")))
        except OSError as exc:
            return ReportClip(None, 0.0, both, exc.strerror or str(exc))
        if figures.path is None:
            return ReportClip(None, 0.0, both, tr(N_("no frame was recorded.")))
        return ReportClip(figures.path.read_bytes(), figures.seconds, both)
