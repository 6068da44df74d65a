"""The quick commands load only what they use (issue 14): a fresh `camtool validate` in a CI
loop or a pre-commit hook must not pay for OpenCV, numpy, PyAV, Qt or pydantic.

Each case runs the command in a new interpreter, as a user's shell would, and reads the
module table it ended with."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("cv2", "numpy", "av", "PySide6", "pydantic", "adbutils")

_PROBE = """
import contextlib, io, json, sys
from camtool.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules if m.split(".")[0] in %r)}))
""" % (HEAVY,)


def loaded(*argv: str, cwd=None) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, timeout=120,
                          cwd=cwd, env=None)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return answer["code"], {name.split(".")[0] for name in answer["modules"]}


@pytest.fixture
def configs(tmp_path):
    (tmp_path / "ok.json").write_text('{"internalCameraName": "1", "cameraRotationAngle": 90}', encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"internalCameraName": 1}', encoding="utf-8")
    (tmp_path / "Init.kt").write_text('val c = JSONObject().put("internalCameraName", "0")', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("argv,code", [
    (["validate", "ok.json"], 0),
    (["validate", "--format", "json", "ok.json", "bad.json"], 1),
    (["validate", "."], 1),
    (["validate", "Init.kt"], 0),
    (["validate", "--help"], 0),
    (["rules"], 0),
    (["schema"], 0),
    (["rules", "--format", "markdown"], 0),
    (["export", "ok.json", "--to", "kotlin"], 0),
    (["--help"], 0),
    (["--lang", "zh", "validate", "bad.json"], 1),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_quick_commands_load_no_heavy_library(configs, argv, code):
    result, modules = loaded(*argv, cwd=configs)
    assert result == code
    assert not modules & set(HEAVY), f"camtool {' '.join(argv)} loaded {sorted(modules)}"


def test_the_probe_sees_a_heavy_library_when_one_is_loaded(configs):
    """Guards the test above: the profile library's model is pydantic, and the probe must notice."""
    _, modules = loaded("profiles", "--profiles", str(configs), "list", cwd=configs)
    assert "pydantic" in modules
