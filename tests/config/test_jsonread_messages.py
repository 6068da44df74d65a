"""What a technician reads for each broken config file: code, keys, message, fix and position, word for word.

These are the texts `camtool validate` prints and the GUI shows; a changed sentence or a wrong
line number is a visible change, so each case pins the whole finding.
"""

from __future__ import annotations

import pytest

from camtool.config import jsonread
from camtool.config.jsonread import MAX_FILE_BYTES, no_configs_in_folder, read_json_file, read_json_text

CASES = [
    ('{"a" }',  # no colon before a closing brace: not a trailing comma
     [('CAM003', (), 'door.json, line 1, column 6: the JSON is malformed: a colon is missing after a key.', 'Correct the JSON at line 1, column 6; a JSON checker or camtool export shows the valid form.', 1, 6)]),
    ('{"a": "\\u12"}',  # a broken \u escape
     [('CAM003', (), 'door.json, line 1, column 9: the JSON is malformed: a \\u escape needs exactly four hex digits.', 'Correct the JSON at line 1, column 9; a JSON checker or camtool export shows the valid form.', 1, 9)]),
    ('{"a": "x\\q"}',  # an unknown escape
     [('CAM003', (), 'door.json, line 1, column 9: the JSON is malformed: a backslash escape is not valid JSON (write \\\\ for one backslash).', 'Correct the JSON at line 1, column 9; a JSON checker or camtool export shows the valid form.', 1, 9)]),
    ('{"a": "x',  # an open string
     [('CAM003', (), 'door.json, line 1, column 7: the JSON is malformed: a string is not closed with a double quote.', 'Correct the JSON at line 1, column 7; a JSON checker or camtool export shows the valid form.', 1, 7)]),
    ('{"a": "x\ny"}',  # a raw line break
     [('CAM003', (), 'door.json, line 1, column 9: the JSON is malformed: a string contains a raw line break or control character.', 'Correct the JSON at line 1, column 9; a JSON checker or camtool export shows the valid form.', 1, 9)]),
    ('{"a" 1}',  # no colon
     [('CAM003', (), 'door.json, line 1, column 6: the JSON is malformed: a colon is missing after a key.', 'Correct the JSON at line 1, column 6; a JSON checker or camtool export shows the valid form.', 1, 6)]),
    ('{"a": 1} x',  # text after the object
     [('CAM003', (), 'door.json, line 1, column 10: the JSON is malformed: there is more text after the end of the JSON object.', 'Correct the JSON at line 1, column 10; a JSON checker or camtool export shows the valid form.', 1, 10)]),
    ('{"a": [1, 2,]}',  # a trailing comma in a list
     [('CAM003', (), 'door.json, line 1, column 13: the JSON is malformed: a comma comes right before a closing bracket (JSON allows no trailing comma).', 'Correct the JSON at line 1, column 13; a JSON checker or camtool export shows the valid form.', 1, 13)]),
    ('{"a": tru}',  # a bare word
     [('CAM003', (), 'door.json, line 1, column 7: the JSON is malformed: a value is missing or is not JSON (JSON has no comments, single quotes or bare words).', 'Correct the JSON at line 1, column 7; a JSON checker or camtool export shows the valid form.', 1, 7)]),
    ('{"a": 1,\n\n   }',  # a trailing comma lines before the brace
     [('CAM003', (), 'door.json, line 3, column 4: the JSON is malformed: a comma comes right before a closing bracket (JSON allows no trailing comma).', 'Correct the JSON at line 3, column 4; a JSON checker or camtool export shows the valid form.', 3, 4)]),
    ('{"a": -Infinity}',  # -Infinity
     [('CAM003', (), 'door.json, line 1, column 7: -Infinity is not a JSON number.', 'Write a plain number instead of -Infinity.', 1, 7)]),
    ('{"a": "NaN", "b": Infinity}',  # NaN in a string, then Infinity
     [('CAM003', (), 'door.json, line 1, column 19: Infinity is not a JSON number.', 'Write a plain number instead of Infinity.', 1, 19)]),
    ('{"a": ' + '9' * 5000 + '}',  # a huge integer
     [('CAM003', (), 'door.json holds a number with thousands of digits, which is no camera setting.', 'Check that you chose the right file; camera settings are small numbers.', None, None)]),
    ('[{"a": 1, "a": 2}]',  # a repeat inside a list
     [('CAM005', ('a',), 'door.json, line 1: the key a is given a second time in the same object; the device keeps only the last value, silently.', 'Delete one of the two a entries, keeping the value you mean.', 1, 11),
      ('CAM004', (), 'door.json holds […], but a config is one JSON object in braces.', 'Put the keys in one object: {"internalCameraName": "0", "cameraRotationAngle": 90}.', None, None)]),
    ('"tëxt"',  # a string
     [('CAM004', (), 'door.json holds "tëxt", but a config is one JSON object in braces.', 'Put the keys in one object: {"internalCameraName": "0", "cameraRotationAngle": 90}.', None, None)]),
    ('1.5',  # a number
     [('CAM004', (), 'door.json holds 1.5, but a config is one JSON object in braces.', 'Put the keys in one object: {"internalCameraName": "0", "cameraRotationAngle": 90}.', None, None)]),
    ('{"k": 1, "k": 2, "k": 3}',  # a key three times
     [('CAM005', ('k',), 'door.json, line 1: the key k is given a second time in the same object; the device keeps only the last value, silently.', 'Delete one of the two k entries, keeping the value you mean.', 1, 10),
      ('CAM005', ('k',), 'door.json, line 1: the key k is given a second time in the same object; the device keeps only the last value, silently.', 'Delete one of the two k entries, keeping the value you mean.', 1, 18)]),
    ('  \n\t',  # only blanks
     [('CAM003', (), 'door.json is empty.', 'Write a JSON object, for example {"internalCameraName": "0"}.', 1, 1)]),
]


def _shown(findings):
    return [(f.code, f.keys, f.message, f.fix, f.line, f.column) for f in findings]


@pytest.mark.parametrize("text, expected", CASES)
def test_each_broken_text_gets_its_own_sentence_and_position(text, expected):
    parsed = read_json_text(text, "door.json")
    assert _shown(parsed.findings) == expected
    assert parsed.source == "door.json"


@pytest.mark.parametrize("raw, expected", [
    ('{"a": 1}'.encode("utf-16-le"), ("CAM002", (), "door.json is UTF-16 text, not UTF-8.",
                                      "Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8).", 1, 1)),
    ('{"a": 1}'.encode("utf-32"), ("CAM002", (), "door.json is UTF-32 text, not UTF-8.",
                                   "Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8).", 1, 1)),
    (b'{"a": 1,\n "b": "\xff"}', ("CAM002", (), "door.json is not UTF-8 text: byte 16 (line 2, column 8) is not valid UTF-8.",
                                 "Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8); "
                                 "Chinese Windows editors often save as GBK.", 2, 8)),
    (b'\n{\n\n "b": "\xc4\xe3"}', ("CAM002", (), "door.json is not UTF-8 text: byte 11 (line 4, column 8) is not valid UTF-8.",
                                 "Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8); "
                                 "Chinese Windows editors often save as GBK.", 4, 8)),
    (b'\n\xff', ("CAM002", (), "door.json is not UTF-8 text: byte 1 (line 2, column 1) is not valid UTF-8.",
                 "Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8); "
                 "Chinese Windows editors often save as GBK.", 2, 1)),
])
def test_text_that_is_not_utf8_says_which_encoding_or_byte(raw, expected):
    parsed = read_json_text(raw, "door.json")
    assert parsed.data is None and parsed.source == "door.json"
    assert _shown(parsed.findings) == [expected]


def test_the_source_name_is_shown_escaped():
    assert read_json_text("", "a\x1bb.json").findings[0].message == "a\\u001bb.json is empty."
    assert read_json_text("{}", "a\x1bb.json").source == "a\\u001bb.json"


def test_a_folder_without_configs_names_the_patterns_looked_for():
    finding = no_configs_in_folder("configs/", (".json", ".txt"))
    assert _shown([finding]) == [("CAM001", (), "configs/ is a folder with no config file in it (looked for *.json, *.txt).",
                                  "Give the folder that holds the configs, or the config files themselves.", None, None)]


def test_a_file_that_cannot_be_opened_says_why(tmp_path, monkeypatch):
    missing = str(tmp_path / "x.json")
    assert _shown(read_json_file(missing).findings) == [
        ("CAM001", (), f"{missing} does not exist.",
         "Check the path and the file name (camtool validate PATH, or - for standard input).", None, None)]
    assert _shown(read_json_file(tmp_path).findings) == [
        ("CAM001", (), f"{tmp_path} is a folder, not a file.", "Give the path of the config file inside it.", None, None)]
    a_file = tmp_path / "f"
    a_file.write_text("{}", encoding="utf-8")
    below_a_file = read_json_file(a_file / "x.json")
    assert below_a_file.source == str(a_file / "x.json") and below_a_file.data is None
    assert _shown(below_a_file.findings) == [
        ("CAM001", (), f"{a_file / 'x.json'} cannot be read: Not a directory.",
         "Check that the file exists and that you may read it.", None, None)]

    def refuse(*args, **kwargs):
        raise OSError()  # no strerror: the reason is the error's name
    monkeypatch.setattr(jsonread, "open", refuse, raising=False)
    assert read_json_file(a_file).findings[0].message == f"{a_file} cannot be read: OSError."


def test_a_file_is_read_in_binary_up_to_the_size_limit(tmp_path):
    crlf = tmp_path / "crlf.json"
    crlf.write_bytes(b'{"a": 1,\r\n "a": 2}')
    assert read_json_file(crlf).findings[0].line == 2  # bytes as they are: no newline translation
    at_limit = tmp_path / "at-limit.json"
    at_limit.write_bytes(b"{}" + b" " * (MAX_FILE_BYTES - 2))
    parsed = read_json_file(at_limit)
    assert parsed.data == {} and parsed.findings == [] and parsed.source == str(at_limit)
    over = tmp_path / "over.json"
    over.write_bytes(b"{}" + b" " * (MAX_FILE_BYTES - 1))
    parsed = read_json_file(over)
    assert parsed.data is None and parsed.source == str(over)
    assert _shown(parsed.findings) == [
        ("CAM001", (), f"{over} is more than 10485760 bytes: far too big to be a camera config.",
         "Check that you chose the config file (a few hundred bytes of JSON).", None, None)]


def test_positions_of_keys_are_only_those_asked_for_and_only_of_an_object():
    parsed = read_json_text('{"a": 1,\n "b": {"a": 2}, "c\\u0041": 3}')
    assert parsed.positions_of(["a", "cA"]) == {"a": (1, 2), "cA": (2, 17)}
    assert parsed.positions_of([]) == {}
    assert read_json_text("[1]").positions_of(["a"]) == {}


def test_absurd_nesting_is_named_and_text_without_a_name_is_stdin():
    parsed = read_json_text("[" * 100000 + "]" * 100000, "door.json")
    assert _shown(parsed.findings) == [
        ("CAM003", (), "door.json is nested too deeply to be a camera config.",
         "A camera config is one flat JSON object; check that you chose the right file.", None, None)]
    assert read_json_text("").findings[0].message == "<stdin> is empty."


def test_only_an_object_keeps_its_text_for_positions():
    assert read_json_text('{"a": 1}').text == '{"a": 1}'
    assert read_json_text("[1]").text == ""
