"""A finding as `--json` prints it: the contract fields, and the position only when there is one."""

from __future__ import annotations

from camtool.config.findings import Finding, Severity
from camtool.config.jsonread import read_json_text


def test_a_finding_in_json_output_has_the_contract_fields_and_its_position():
    finding = read_json_text('{"a": 1,\n "a": 2}', "door.json").findings[0]
    assert finding.to_json() == {
        "code": "CAM005", "severity": "error", "keys": ["a"],
        "message": "door.json, line 2: the key a is given a second time in the same object; "
                   "the device keeps only the last value, silently.",
        "fix": "Delete one of the two a entries, keeping the value you mean.", "line": 2, "column": 2}
    unplaced = Finding("CAM501", Severity.INFO, (), "No camera.", "Add one.")
    assert unplaced.to_json() == {"code": "CAM501", "severity": "info", "keys": [], "message": "No camera.", "fix": "Add one."}
