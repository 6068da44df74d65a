"""A bounded fuzz of the command line over generated files: whatever the file, camtool answers
with an exit code from the contract (0, 1, 2) and a message, never an internal error.

The classes are the ones a fault campaign found trouble in: encodings (UTF-16/32 with and
without a byte order mark, GBK, Latin-1, invalid bytes), sizes, nesting, numbers (huge,
non-finite, floats for integers), control characters and lone surrogates in keys and values,
text cut anywhere, and paths that are not files. Each run takes a few seconds (50
generated files, four commands each, in-process).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from camtool.cli import main
from camtool.config.keys import CAMERA_KEY_ORDER

EXIT_CODES = {0, 1, 2}
ODD_TEXT = st.text(alphabet=st.sampled_from(["0", "a", " ", "/", "\x1b", "\r", "\n", "\x07", "\x00", "\x9b", "\ud800",
                                             "\udfff", "😀", "中", "\u202e", '"', "\\", "$", ";"]), max_size=12)
NUMBERS = st.one_of(st.integers(min_value=-(2 ** 70), max_value=2 ** 70), st.just(10 ** 400),
                    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0, 90, 180, 270, -90, 360]))
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, ODD_TEXT)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      st.dictionaries(ODD_TEXT, inner, max_size=3)), max_leaves=8)
KEYS = st.one_of(st.sampled_from(CAMERA_KEY_ORDER), ODD_TEXT, st.sampled_from(["CameraRotationAngle", "cameraid", ""]))
CONFIGS = st.dictionaries(KEYS, VALUES, max_size=6)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be",
                             "gbk", "latin-1"])


def _json_text(config: dict) -> str:
    # NaN and Infinity are written as bare words, as some tools do; that is a finding too.
    return json.dumps(config, ensure_ascii=False, allow_nan=True)


@st.composite
def file_bytes(draw) -> bytes:
    kind = draw(st.sampled_from(["json", "json", "cut", "nested", "digits", "binary", "snippet", "empty"]))
    if kind == "binary":
        return draw(st.binary(max_size=200))
    if kind == "empty":
        return draw(st.sampled_from([b"", b"   \n", b"\xef\xbb\xbf", b"\xff\xfe"]))
    if kind == "nested":
        depth = draw(st.integers(min_value=1, max_value=3_000))  # past Python's recursion limit; deeper is a benchmark matter (issue 14)
        opener = draw(st.sampled_from(["[", '{"a":']))
        return (opener * depth + "1" + ("]" if opener == "[" else "}") * draw(st.integers(0, depth))).encode()
    if kind == "digits":
        return ('{"cameraId": %s}' % ("9" * draw(st.integers(min_value=1, max_value=20_000)))).encode()
    if kind == "snippet":
        text = "JSONObject().put(%s, %s)" % (json.dumps(draw(KEYS)), json.dumps(draw(SCALARS), allow_nan=True))
        return text.encode("utf-8", "surrogatepass")
    text = _json_text(draw(CONFIGS))
    encoding = draw(ENCODINGS)
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf-") else "replace") \
        if encoding not in ("utf-8-sig",) else text.encode("utf-8-sig", "surrogatepass")
    if kind == "cut":
        data = data[:draw(st.integers(min_value=0, max_value=max(0, len(data) - 1)))]
    return data


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, err.getvalue()


def _check(code: int, err: str, argv) -> None:
    assert code in EXIT_CODES, (code, argv, err)
    assert "internal error" not in err and "Traceback" not in err, (argv, err)


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory(prefix="camtool-fuzz-") as folder:
        yield Path(folder)


@settings(max_examples=50, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(data=file_bytes(), suffix=st.sampled_from([".json", ".kt", ".java", ".txt"]), to=st.sampled_from(["json", "line", "kotlin", "java"]))
def test_any_file_gets_a_contract_exit_code_and_no_internal_error(workdir, data, suffix, to):
    path = workdir / f"config{suffix}"
    path.write_bytes(data)
    library = workdir / "library"
    library.mkdir(exist_ok=True)
    (library / "fuzz.json").write_bytes(data)
    for argv in (["validate", str(path)], ["validate", str(path), "--format", "json"],
                 ["export", str(path), "--to", to, "-o", str(workdir / "out.txt")],
                 ["profiles", "--profiles", str(library), "validate", "--format", "json"]):
        _check(*_run(*argv), argv)


def _not_files(root: Path) -> dict[str, Path]:
    paths = {"missing": root / "missing.json", "folder": root / "folder.json", "loop": root / "loop.json",
             "dangling": root / "dangling.json", "in-a-file": root / "plain" / "x.json"}
    paths["folder"].mkdir(exist_ok=True)
    (root / "plain").write_text("{}")
    for name, target in (("loop", "loop.json"), ("dangling", "nowhere.json")):
        if not paths[name].is_symlink():
            try:
                paths[name].symlink_to(root / target)
            except OSError:
                del paths[name]   # no symlinks here (Windows without the privilege)
    if Path("/dev/null").exists():
        paths["dev-null"] = Path("/dev/null")
    if Path("/dev/zero").exists():
        paths["dev-zero"] = Path("/dev/zero")
    return paths


def test_paths_that_are_not_files_get_a_message(tmp_path):
    paths = _not_files(tmp_path)
    sock = None
    if hasattr(socket, "AF_UNIX") and len(str(tmp_path / "s.sock")) < 100:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(tmp_path / "s.sock"))
        paths["socket"] = tmp_path / "s.sock"
    good = tmp_path / "good.json"
    good.write_text('{"internalCameraName": "0"}')
    try:
        for name, path in paths.items():
            for argv in (["validate", str(path)], ["export", str(path)], ["profiles", "--profiles", str(path), "validate"],
                         ["profiles", "--profiles", str(path), "list"], ["apply", str(path), "--package", "a.b"][:2]):
                code, err = _run(*argv)
                _check(code, err, (name, argv))
            if name in ("folder", "socket", "in-a-file", "loop"):
                code, err = _run("export", str(good), "-o", str(path))
                _check(code, err, (name, "export -o"))
                assert code != 0, (name, err)
        if hasattr(os, "mkfifo"):   # a FIFO only as a target: reading one waits for a writer, as `cat` does
            fifo = tmp_path / "fifo"
            os.mkfifo(fifo)
            code, err = _run("export", str(good), "-o", str(fifo))
            _check(code, err, "fifo")
            assert code == 1
    finally:
        if sock is not None:
            sock.close()
