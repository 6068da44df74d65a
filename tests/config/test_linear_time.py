"""Huge inputs cost time in proportion to their size (issue 14): a config with 100,000 keys, a
snippet with 200,000 `put` lines, a profile library with a 1,000-deep `extends` chain.

The guards count operations, never seconds: Python lines executed (sys.settrace) for an input
and for one four times as big, characters rescanned through str methods, edit distances
computed, profile files read."""

from __future__ import annotations

import json
import sys

import pytest

from camtool.config import profile_library, rules
from camtool.config.jsonread import top_level_key_positions
from camtool.config.rules import validate_text
from camtool.config.snippets import read_snippet

CAMERA = '"internalCameraName": "1", "cameraRotationAngle": 90'


def lines_executed(work) -> int:
    """How many Python lines `work()` executes: a measure of work that a busy machine cannot skew."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


def growth(make_input, work, small: int) -> float:
    """Lines executed for 4 x `small` items divided by those for `small` items (4.0 = linear)."""
    a, b = make_input(small), make_input(4 * small)
    return lines_executed(lambda: work(b)) / lines_executed(lambda: work(a))


def big_config(keys: int) -> str:
    extra = ",\n  ".join(f'"vendorSetting{i}": {{"level": {i}, "name": "x{i}"}}' for i in range(keys))
    return "{\n  " + CAMERA + ",\n  " + extra + "\n}"


def test_validating_a_config_grows_linearly_with_its_keys():
    assert growth(big_config, lambda text: validate_text(text, "big.json"), 500) < 4.4


def test_a_config_with_a_key_twice_is_still_linear():
    def with_repeats(keys: int) -> str:
        return big_config(keys)[:-2] + ',\n  "vendorSetting0": 1, "cameraRotationAngle": 180\n}'

    assert growth(with_repeats, lambda text: validate_text(text, "big.json"), 500) < 4.4


class CountingText(str):
    """A str that counts the characters its search methods are asked to scan."""

    scanned = 0

    def _span(self, args) -> int:
        start = args[1] if len(args) > 1 and args[1] is not None else 0
        end = args[2] if len(args) > 2 and args[2] is not None else len(self)
        return max(0, min(end, len(self)) - max(start, 0))

    def count(self, *args):
        CountingText.scanned += self._span(args)
        return super().count(*args)

    def find(self, *args):
        CountingText.scanned += self._span(args)
        return super().find(*args)

    def rfind(self, *args):
        CountingText.scanned += self._span(args)
        return super().rfind(*args)

    def index(self, *args):
        CountingText.scanned += self._span(args)
        return super().index(*args)


def test_key_positions_do_not_rescan_the_text_for_each_key():
    """Counting the newlines before every key rescanned the text once per key (100,000 keys: a minute)."""
    text = CountingText(big_config(3000))
    CountingText.scanned = 0
    positions = top_level_key_positions(text)
    assert len(positions) == 3002
    assert CountingText.scanned <= 2 * len(text)
    # and the positions are right: the key's quote is at that line and column
    lines = str(text).split("\n")
    line, column = positions["vendorSetting2999"]
    assert lines[line - 1][column - 1:].startswith('"vendorSetting2999"')


def test_unknown_keys_cost_no_edit_distance_but_a_typo_is_still_found(monkeypatch):
    calls = []
    real = rules._edit_distance
    monkeypatch.setattr(rules, "_edit_distance", lambda a, b, limit: calls.append(a) or real(a, b, limit))
    rules._closest_camera_key.cache_clear()
    text = big_config(5000)[:-2] + ',\n  "usbCameraRotationAngel": 90\n}'
    _, findings = validate_text(text, "big.json")
    assert [f.keys for f in findings if f.code == "CAM111"] == [("usbCameraRotationAngel",)]
    assert set(calls) == {"usbcamerarotationangel"}  # not one for the 5,000 vendor keys


@pytest.mark.parametrize("language,put", [("kotlin", '    .put("vendorSetting{i}", {i})'),
                                          ("java", '    config.put("vendorSetting{i}", {i});')])
def test_reading_a_snippet_grows_linearly_with_its_lines(language, put):
    head = {"kotlin": 'val config = JSONObject()\n    .put("internalCameraName", "1")\n',
            "java": 'JSONObject config = new JSONObject();\n    config.put("internalCameraName", "1");\n'}[language]

    def snippet(lines: int) -> str:
        return head + "\n".join(put.format(i=i) for i in range(lines)) + "\n"

    data, findings, *_ = read_snippet(snippet(10), language)
    assert data["vendorSetting9"] == 9 and not [f for f in findings if f.severity.value == "error"]
    assert growth(snippet, lambda text: read_snippet(text, language), 300) < 4.4


@pytest.mark.parametrize("language", ["kotlin", "java"])
def test_the_snippet_lexer_scans_characters_in_re_not_in_python(language):
    """The per-character loop in Python ran 7 lines for every character (200,000 `put` lines: 16 s);
    the lexer's Python now runs about ten lines per token, and a whole `.put("key", literal)` is one token."""
    from camtool.config.snippet_lexer import PUT, tokenize

    put = {"kotlin": '    .put("vendorSetting{i}", {i}) // note {i}', "java": '    config.put("vendorSetting{i}", {i}); /* {i} */'}
    text = "\n".join(put[language].format(i=i) for i in range(2000)) + "\n"
    tokens, problems = tokenize(text, language)
    assert not problems
    assert [t.problem for t in tokens if t.kind == PUT] == [f"vendorSetting{i}" for i in range(2000)]
    assert len(tokens) == {"kotlin": 1, "java": 3}[language] * 2000 + 1   # config, the put, ";" (and eof)
    assert lines_executed(lambda: tokenize(text, language)) < 2 * len(text)


def write_chain(folder, depth: int, *, children_first: bool) -> list[str]:
    """A chain of `depth` profiles, each extending the previous; names sort child-first if asked."""
    names = [f"p{(depth - i if children_first else i):05d}" for i in range(depth)]
    for i, name in enumerate(names):
        data = {"schema": 1, "sku": name, "config": {"cameraRotationAngle": (90 * i) % 360}}
        if i:
            data["extends"] = names[i - 1]
        else:
            data["config"]["internalCameraName"] = "1"
        (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return names


@pytest.mark.parametrize("children_first", [False, True])
def test_validating_a_long_extends_chain_reads_each_profile_once(tmp_path, monkeypatch, children_first):
    names = write_chain(tmp_path, 120, children_first=children_first)
    reads = []
    real = profile_library.read_profile_file
    monkeypatch.setattr(profile_library, "read_profile_file", lambda path: reads.append(path) or real(path))
    library = profile_library.ProfileLibrary(tmp_path)
    report = library.validate()
    assert len(reads) == len(names)  # the chain-walk read every parent again for every child: 7,260 reads
    assert not any(f.severity.value == "error" for findings in report.values() for f in findings)
    # The shortcut gives each profile exactly what resolving it alone gives.
    for name in (names[0], names[1], names[60], names[-1]):
        alone, _ = library.resolved_config(name)
        assert alone["cameraRotationAngle"] == (90 * names.index(name)) % 360
        assert alone["internalCameraName"] == "1"


def test_validating_a_long_extends_chain_grows_linearly(tmp_path):
    def library(depth: int):
        folder = tmp_path / f"chain{depth}"
        folder.mkdir()
        write_chain(folder, depth, children_first=True)
        return profile_library.ProfileLibrary(folder)

    assert growth(library, lambda lib: lib.validate(), 40) < 4.6


def test_a_profile_whose_sku_is_not_its_file_name_cannot_loop_forever(tmp_path):
    (tmp_path / "a0.json").write_text('{"schema": 1, "sku": "b0", "extends": "a0", "config": {}}', encoding="utf-8")
    report = profile_library.ProfileLibrary(tmp_path).validate()
    assert {f.code for f in report["a0"]} >= {"CAM853", "CAM855"}
