"""The orientation check's HTML report: one self-contained file that opens in any browser and prints.

Both ends before and after (the first and the last check of a run), each with the detected
"up" drawn on it, the verdict, the explanations, the rule findings and the recommended
config; with `camtool verify --report-clip`, a short clip of both ends after the last check
(vision/report_clip.py). Pictures and the clip are embedded as data URIs (no files beside the
report); text follows the current language through tr(); every value from a device or a config
is HTML-escaped.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import json
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from camtool import __version__
from camtool.config.profile_library import NOT_SET, diff_configs
from camtool.config.rules import validate
from camtool.i18n import N_, join_clauses, language, tr
from camtool.vision.detect import ChartDetection
from camtool.vision.verdict import END_NAMES, EndResult

if TYPE_CHECKING:
    from camtool.vision.report_clip import ReportClip

__all__ = ["REPORT_IMAGE_SIDE", "annotated_frame", "render_report"]

#: Long side of an embedded picture: sharp on screen and paper, a report stays a few hundred kB.
REPORT_IMAGE_SIDE = 640
_UPRIGHT_INK, _WRONG_INK = (60, 170, 40), (40, 40, 220)   # BGR: green when upright, red when not

_CSS = """
body{font-family:system-ui,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
.verdict{display:inline-block;padding:.3em .9em;border-radius:.3em;font-weight:bold;color:#fff}
.pass{background:#2e7d32} .fail{background:#c62828}
.ends{display:flex;flex-wrap:wrap;gap:1em} figure{margin:0;flex:1 1 18em;max-width:30em}
figure img{width:100%;border:1px solid #999} figcaption{font-size:.9em;margin-top:.3em}
table{border-collapse:collapse} td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left;vertical-align:top}
pre{background:#f4f4f4;padding:.8em;overflow-x:auto} .meta{color:#555;font-size:.9em}
@media print{body{margin:1cm;font-size:10pt} .verdict{print-color-adjust:exact;-webkit-print-color-adjust:exact}
 figure,table,pre,li{break-inside:avoid} h2{break-after:avoid} .ends{display:block} figure{display:inline-block;
 width:45%;vertical-align:top;margin:0 2% 1em 0}}
"""


def annotated_frame(frame: np.ndarray, detection: ChartDetection | None) -> np.ndarray:
    """A copy of `frame` with the detected "up" drawn from the chart's centre (nothing when not detected)."""
    out = frame.copy() if frame.ndim == 3 else cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    if detection is None or not detection.detected or detection.centre is None or detection.up is None:
        return out
    ink = _UPRIGHT_INK if detection.rotation == 0 and not detection.mirrored else _WRONG_INK
    h, w = out.shape[:2]
    cx, cy = detection.centre
    length = min(max(detection.marker_side_px * 2.5, 0.12 * min(h, w)), 0.4 * min(h, w))
    tip = (int(round(cx + detection.up[0] * length)), int(round(cy + detection.up[1] * length)))
    thickness = max(3, round(min(h, w) / 90))
    cv2.circle(out, (int(round(cx)), int(round(cy))), thickness * 2, ink, -1, cv2.LINE_AA)
    cv2.arrowedLine(out, (int(round(cx)), int(round(cy))), tip, ink, thickness, cv2.LINE_AA, tipLength=0.3)
    for sighting in detection.sightings:  # the markers that counted, outlined
        quad = np.array(sighting.corners, np.float32).round().astype(np.int32)
        cv2.polylines(out, [quad], True, ink, max(1, thickness // 2), cv2.LINE_AA)
    return out


def _data_uri(image: np.ndarray) -> str:
    h, w = image.shape[:2]
    scale = REPORT_IMAGE_SIDE / max(h, w)
    if scale < 1.0:
        image = cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
    if not ok:
        raise ValueError("JPEG encoding of a report picture failed")
    return "data:image/jpeg;base64," + base64.b64encode(data.tobytes()).decode("ascii")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _end_caption(end: EndResult) -> str:
    if not end.captured:
        return tr(N_("not captured"))
    if not end.detected:
        return tr(N_("no chart visible"))
    parts = [tr(N_("upright")) if end.upright else tr(N_("turned {degrees} degrees clockwise; needs {needed} degrees "
                                                         "clockwise"), degrees=end.rotation, needed=end.turn_needed)]
    if end.mirrored:
        parts.append(tr(N_("mirrored")))
    parts.append(tr(N_("{markers} markers, confidence {confidence}"), markers=end.detection.markers,
                    confidence=f"{end.detection.confidence:.2f}"))
    return join_clauses(parts)


def _figure(title: str, frame: np.ndarray | None, end: EndResult) -> str:
    if frame is None:
        return (f'<figure><div class="meta">{_e(title)}</div>'
                f'<figcaption>{_e(_end_caption(end))}</figcaption></figure>')
    uri = _data_uri(annotated_frame(frame, end.detection))
    return (f'<figure><img src="{uri}" alt="{_e(title)}"><figcaption><b>{_e(title)}</b>{_e(tr(N_(": ")))}'
            f'{_e(_end_caption(end))}</figcaption></figure>')


def _json_value(value: Any) -> str:
    return tr(N_("(not set)")) if value is NOT_SET else json.dumps(value, ensure_ascii=False)


def _changes_table(config: dict, recommended: dict) -> str:
    rows = diff_configs(config, recommended)
    if not rows:
        return f"<p>{_e(tr(N_('No change: keep the config as it is.')))}</p>"
    head = (f"<tr><th>{_e(tr(N_('key')))}</th><th>{_e(tr(N_('checked')))}</th>"
            f"<th>{_e(tr(N_('recommended')))}</th></tr>")
    body = "".join(f"<tr><td><code>{_e(k)}</code></td><td><code>{_e(_json_value(a))}</code></td>"
                   f"<td><code>{_e(_json_value(b))}</code></td></tr>" for k, a, b in rows)
    return f"<table>{head}{body}</table>"


# The severity is a word the reader reads (错误 / 警告 / 提示), not the code "info".
_SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def _findings_list(findings) -> str:
    if not findings:
        return f"<p>{_e(tr(N_('No findings.')))}</p>"
    items = "".join(f"<li><code>{_e(f.code)}</code> "
                    f"{_e(tr(N_('{severity}: {message}'), severity=tr(_SEVERITY_WORDS[f.severity.value]), message=f.message))}"
                    f"<br><span class='meta'>{_e(f.fix)}</span></li>" for f in findings)
    return f"<ul>{items}</ul>"


#: Only in a report with a clip (a report without one stays as it was); paper shows the caption only.
_CLIP_CSS = ("<style>.clip video{width:100%;max-width:60em;border:1px solid #999}"
             "@media print{.clip video{display:none}}</style>")


def _clip_section(clip: "ReportClip | None") -> str:
    if clip is None:
        return ""
    heading = f"\n{_CLIP_CSS}<h2>{_e(tr(N_('Clip')))}</h2>"
    if clip.mp4 is None:
        return heading + f'<p class="meta" id="clip">{_e(tr(N_("No clip: {reason}"), reason=clip.problem or "-"))}</p>'
    seconds = f"{clip.seconds:.1f}"
    if clip.both_ends:
        what = tr(N_("Both ends for {seconds} s after the last check, as the devices showed them: the device end on "
                     "the left, the WeChat end on the right, each labelled with its serial and the time."), seconds=seconds)
    else:
        what = tr(N_("The device end for {seconds} s after the last check, as the device showed it, labelled with its "
                     "serial and the time."), seconds=seconds)
    data = base64.b64encode(clip.mp4).decode("ascii")
    return (heading + f'<div class="clip"><p class="meta">{_e(what)}</p>'
            f'<video id="clip" controls muted playsinline preload="metadata" src="data:video/mp4;base64,{data}">'
            f'{_e(tr(N_("This browser cannot play the embedded MP4 (H.264) clip.")))}</video></div>')


def render_report(run, *, title: str | None = None, device_model: str | None = None,
                  wmpf_version: str | None = None, date: _dt.datetime | None = None,
                  clip: "ReportClip | None" = None) -> str:
    """The report of a verify run (camtool.vision.verify_run.VerifyRun) as one HTML document."""
    first, last = run.first, run.last
    verdict = last.verdict
    when = (date or _dt.datetime.now(_dt.timezone.utc)).astimezone(_dt.timezone.utc)
    heading = title or tr(N_("Orientation check"))
    badge = tr(N_("PASS")) if verdict.passed else tr(N_("FAIL"))
    meta = tr(N_("Device {model} ({serial}), WMPF {wmpf}; WeChat end: {wechat}; {date}; camtool {version}"),
              model=device_model or "-", serial=run.serial or "-", wmpf=wmpf_version or "-",
              wechat=run.wechat_serial or "-", date=when.strftime("%Y-%m-%d %H:%M UTC"), version=__version__)
    figures = []
    for name in ("device", "wechat"):
        end_title = tr(END_NAMES[name])
        if len(run.rounds) > 1:
            figures.append(_figure(tr(N_("{end}, before"), end=end_title), _frame(first, name),
                                   first.verdict.end(name)))
            figures.append(_figure(tr(N_("{end}, after"), end=end_title), _frame(last, name), verdict.end(name)))
        else:
            figures.append(_figure(end_title, _frame(last, name), verdict.end(name)))
    explanations = "".join(f"<li>{_e(e.message)}</li>" for e in run.explanations)
    rounds = "".join(
        f"<tr><td>{i}</td><td><code>{_e(json.dumps(r.config, ensure_ascii=False))}</code></td>"
        f"<td>{_e(tr(N_('PASS')) if r.verdict.passed else tr(N_('FAIL')))}</td>"
        f"<td>{_e(r.applied.message if r.applied is not None else '-')}</td></tr>"
        for i, r in enumerate(run.rounds, start=1))
    lang = "zh-CN" if language() == "zh" else "en"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(heading)}</title><style>{_CSS}</style></head><body>
<h1>{_e(heading)}</h1>
<p class="meta">{_e(meta)}</p>
<p><span class="verdict {'pass' if verdict.passed else 'fail'}" id="verdict">{_e(badge)}</span></p>
<h2>{_e(tr(N_('Both ends')))}</h2>
<p class="meta">{_e(tr(N_('The arrow points to the top of the chart as detected: green when the end is upright and not mirrored, red otherwise.')))}</p>
<div class="ends">{''.join(figures)}</div>{_clip_section(clip)}
<h2>{_e(tr(N_('Explanations')))}</h2>
{f'<ul>{explanations}</ul>' if explanations else f"<p>{_e(tr(N_('Nothing to explain: both ends are upright.')))}</p>"}
<h2>{_e(tr(N_('Recommendation')))}</h2>
{_changes_table(verdict.config, verdict.recommended)}
<pre id="recommended">{_e(json.dumps(verdict.recommended, ensure_ascii=False, indent=2))}</pre>
<h2>{_e(tr(N_('Findings')))}</h2>
<h3>{_e(tr(N_('Config checked')))}</h3>
{_findings_list(validate(verdict.config, wmpf_version=wmpf_version))}
<h3>{_e(tr(N_('Recommended config')))}</h3>
{_findings_list(verdict.findings)}
<h2>{_e(tr(N_('Checks')))}</h2>
<table><tr><th>#</th><th>{_e(tr(N_('config')))}</th><th>{_e(tr(N_('verdict')))}</th><th>{_e(tr(N_('apply')))}</th></tr>{rounds}</table>
</body></html>
"""


def _frame(round_, name: str) -> np.ndarray | None:
    return round_.device_frame if name == "device" else round_.wechat_frame
