"""The lab's evidence folder: each station's orientation report plus an index.html table.

Each station that was checked gets the same self-contained report `camtool verify --report`
writes (camtool.vision.report), named after the station; index.html lists every station
with its verdict, the serials of its device end and WeChat end, and the keys to change,
linking to the reports. Every file is written atomically; every value is HTML-escaped.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from pathlib import Path

from camtool import __version__
from camtool.config.atomic import atomic_write_text
from camtool.i18n import N_, join_list, language, tr
from camtool.lab.lab_run import LabResult, StationStatus

STATUS_WORDS = {
    StationStatus.PASS: N_("PASS"),
    StationStatus.FAIL: N_("FAIL"),
    StationStatus.UNAVAILABLE: N_("UNAVAILABLE"),
    StationStatus.ERROR: N_("ERROR"),
    StationStatus.NOT_RUN: N_("NOT RUN"),
}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_CSS = """
body{font-family:system-ui,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse} td,th{border:1px solid #bbb;padding:.3em .7em;text-align:left;vertical-align:top}
.pass{color:#2e7d32;font-weight:bold} .fail,.error,.unavailable{color:#c62828;font-weight:bold}
.not_run{color:#777} .meta{color:#555;font-size:.9em}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def report_names(names: list[str]) -> list[str]:
    """A file name per station (station names may hold anything); unique even after cleaning."""
    taken: set[str] = {"index"}
    out = []
    for name in names:
        stem = _UNSAFE.sub("_", name).strip("._") or "station"
        candidate, n = stem, 2
        while candidate.lower() in taken:
            candidate, n = f"{stem}-{n}", n + 1
        taken.add(candidate.lower())
        out.append(candidate + ".html")
    return out


def write_reports(result: LabResult, folder: Path, lab_name: str) -> list[Path]:
    """Write the reports and index.html into `folder` (created if missing); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    names = report_names([r.station.name for r in result.results])
    written = []
    rows = []
    for r, file_name in zip(result.results, names):
        report = r.outcome.report_html if r.outcome is not None else None
        if report:
            written.append(atomic_write_text(folder / file_name, report))
            station = f'<a href="{_e(file_name)}">{_e(r.station.name)}</a>'
        else:
            station = _e(r.station.name)
        keys = join_list(f"<code>{_e(k)}</code>" for k in r.changed_keys) or "-"
        detail = f'<br><span class="meta">{_e(r.message)}</span>' if r.message else ""
        rows.append(f"<tr><td>{station}</td><td class=\"{r.status.value}\">{_e(tr(STATUS_WORDS[r.status]))}"
                    f"{detail}</td><td><code>{_e(r.station.serial)}</code></td>"
                    f"<td><code>{_e(r.station.wechat_serial or '-')}</code></td><td>{keys}</td>"
                    f"<td>{r.seconds:.1f}</td></tr>")
    when = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    summary = tr(N_("{passed} of {total} stations pass; {date}; camtool {version}"),
                 passed=result.count(StationStatus.PASS), total=len(result.results), date=when, version=__version__)
    if result.cancelled:
        summary += " · " + tr(N_("interrupted: stations not reached are marked NOT RUN"))
    head = "".join(f"<th>{_e(tr(h))}</th>" for h in (N_("Station"), N_("Verdict"), N_("Device end"),
                                                      N_("WeChat end"), N_("Keys to change"), N_("Seconds")))
    title = tr(N_("Lab run: {lab}"), lab=lab_name)
    lang = "zh-CN" if language() == "zh" else "en"
    index = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)}</title><style>{_CSS}</style></head><body>
<h1>{_e(title)}</h1>
<p class="meta">{_e(summary)}</p>
<table id="stations"><tr>{head}</tr>{''.join(rows)}</table>
</body></html>
"""
    written.append(atomic_write_text(folder / "index.html", index))
    return written
