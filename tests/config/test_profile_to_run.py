"""The profile a command runs (verify, a lab station): its resolved config, or the reason it cannot run, word for word."""

from __future__ import annotations

import json

from camtool.config.profiles import ProfileLibrary, profile_to_run


def _library(tmp_path, **profiles):
    for sku, fields in profiles.items():
        data = {"schema": 1, "sku": sku, "description": "", **fields}
        (tmp_path / f"{sku}.json").write_text(json.dumps(data), encoding="utf-8")
    return ProfileLibrary(tmp_path)


def test_a_profile_runs_with_its_extends_chain_applied(tmp_path):
    library = _library(tmp_path, ok={"config": {"internalCameraName": "1"}},
                       kid={"extends": "ok", "config": {"cameraRotationAngle": 90}})
    config, profile, why = profile_to_run(library, "kid")
    assert config == {"internalCameraName": "1", "cameraRotationAngle": 90}
    assert profile.sku == "kid" and profile.config == {"cameraRotationAngle": 90} and why == ""


def test_a_profile_that_cannot_run_says_what_and_what_to_do(tmp_path):
    library = _library(tmp_path, a={"extends": "b"}, b={"extends": "a"}, bad={"config": []})
    assert profile_to_run(library, "zz") == (None, None, f"There is no profile zz in {tmp_path}. Check the SKU "
                                             "(camtool profiles list) or the library folder (--profiles DIR).")
    assert profile_to_run(library, "a") == (None, None, "The profiles extend each other in a cycle: a -> b -> a. "
                                            'Remove "extends" from one of them, so that the chain ends at a profile without it.')
    assert profile_to_run(library, "bad") == (None, None, f'{tmp_path / "bad.json"}: the field "config" must be a JSON '
                                              "object (in braces). Correct the field; a profile has schema, sku, description, "
                                              "description_zh_CN, extends, device, apply_package, config and verifications.")
