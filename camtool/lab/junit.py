"""A lab run as JUnit XML, the shape Jenkins, GitLab CI and most CI systems read.

One <testsuite> (the lab file), one <testcase> per station: name = the station, classname =
its SKU (profile, else config file name), time = its seconds. A failed check is a
<failure> whose text lists the explanations and the recommended keys; a device that cannot
be used (or camtool failing on it) is an <error>; a station the interrupted run never
reached is <skipped>. Element and attribute names never change with the language.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import socket
import xml.etree.ElementTree as ET

from camtool.i18n import N_, join_clauses, join_list, tr
from camtool.lab.lab_run import LabResult, StationResult, StationStatus

# XML 1.0 cannot carry most control characters at all (not even escaped): a device's garbage
# in a message would make the whole file unreadable to the CI, so they are shown as \uXXXX.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: object) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", str(text))


def _failure_text(result: StationResult) -> str:
    outcome = result.outcome
    lines = [f"- {e['message']}" for e in outcome.explanations]
    keys = result.changed_keys
    lines.append(tr(N_("Keys to change: {keys}"), keys=join_list(keys) if keys else tr(N_("none"))))
    lines.append(tr(N_("Recommended config:")))
    lines.append(json.dumps(outcome.recommended, ensure_ascii=False, indent=2))
    return "\n".join(lines)


def _summary(result: StationResult) -> str:
    if result.outcome is None:
        return result.message
    explanations = join_clauses(e["message"] for e in result.outcome.explanations)
    return explanations or tr(N_("Both ends are not upright; keys to change: {keys}"),
                              keys=join_list(result.changed_keys) or tr(N_("none")))


def junit_xml(result: LabResult, suite_name: str, *, when: _dt.datetime | None = None) -> bytes:
    """The JUnit XML document (UTF-8 bytes, with declaration)."""
    counts = {"tests": len(result.results), "failures": result.count(StationStatus.FAIL),
              "errors": result.count(StationStatus.UNAVAILABLE) + result.count(StationStatus.ERROR),
              "skipped": result.count(StationStatus.NOT_RUN)}
    total = {k: str(v) for k, v in counts.items()}
    root = ET.Element("testsuites", name="camtool lab", time=f"{result.seconds:.3f}", **total)
    stamp = (when or _dt.datetime.now(_dt.timezone.utc)).astimezone(_dt.timezone.utc)
    suite = ET.SubElement(root, "testsuite", name=_x(suite_name), time=f"{result.seconds:.3f}",
                          timestamp=stamp.strftime("%Y-%m-%dT%H:%M:%S"), hostname=_x(socket.gethostname()),
                          **total)
    for r in result.results:
        case = ET.SubElement(suite, "testcase", name=_x(r.station.name), classname=_x(r.station.sku),
                             time=f"{r.seconds:.3f}")
        if r.status is StationStatus.FAIL:
            failure = ET.SubElement(case, "failure", message=_x(_summary(r)), type="orientation")
            failure.text = _x(_failure_text(r))
        elif r.status in (StationStatus.UNAVAILABLE, StationStatus.ERROR):
            error = ET.SubElement(case, "error", message=_x(r.message), type=r.status.value)
            error.text = _x(r.message)
        elif r.status is StationStatus.NOT_RUN:
            ET.SubElement(case, "skipped", message=_x(r.message))
        out = tr(N_("device end {serial}; WeChat end {wechat}"), serial=r.station.serial,
                 wechat=r.station.wechat_serial or "-")
        ET.SubElement(case, "system-out").text = _x(out)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
