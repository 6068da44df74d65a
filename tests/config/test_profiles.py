"""Per-SKU profiles: file format, extends, cycles, missing parents, refused saves, diff, shipped examples."""

from __future__ import annotations

import json

import pytest

from camtool.config import atomic
from camtool.config.errors import ProfileError
from camtool.resources import shipped_profiles_dir
from camtool.config.findings import has_errors
from camtool.config.profiles import (NOT_SET, Profile, ProfileLibrary, default_library_dir, profile_to_run, profile_to_text,
                                     shipped_library)


def _write(library: ProfileLibrary, sku: str, **fields) -> None:
    library.directory.mkdir(parents=True, exist_ok=True)
    data = {"schema": 1, "sku": sku, "description": "", **fields}
    (library.directory / f"{sku}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def library(tmp_path):
    return ProfileLibrary(tmp_path / "profiles")


def test_shipped_profiles_all_validate_without_errors_or_warnings():
    report = shipped_library().validate()
    assert len(report) >= 3
    for sku, findings in report.items():
        assert [f.code for f in findings if f.severity.value != "info"] == [], sku


def test_shipped_profiles_include_a_usb_triple_a_builtin_and_an_extends():
    library = shipped_library()
    configs = {sku: library.resolved_config(sku)[0] for sku in library.list()}
    assert any("usbSerialNumber" in c for c in configs.values())
    assert any("internalCameraName" in c for c in configs.values())
    assert any(library.load(sku).extends for sku in library.list())


def test_default_library_is_a_per_user_data_folder():
    path = default_library_dir()
    assert path.name == "profiles" and path.parent.name == "camtool"


def test_new_then_list_load_and_file_layout(library):
    library.new("door-1")
    assert library.list() == ["door-1"]
    profile = library.load("door-1")
    assert profile.sku == "door-1" and profile.config == {} and profile.verifications == []
    assert list(json.loads((library.directory / "door-1.json").read_text(encoding="utf-8"))) == [
        "schema", "sku", "description", "config", "verifications"]


def test_save_round_trips_verifications_and_other_keys_untouched(library):
    verifications = [{"when": "2026-11-25T10:00:00Z", "verdict": "pass", "ends": {"device": 0, "wechat": 90}}]
    profile = Profile(sku="lock", config={"uiZoom": 1.5, "internalCameraName": "1"}, verifications=verifications,
                      device={"model": "L7", "camera_module": "GC2053", "board": "PX30"}, apply_package="com.example.lock")
    library.save(profile)
    again = library.load("lock")
    assert again.verifications == verifications and again.device == profile.device
    assert list(again.config) == ["internalCameraName", "uiZoom"]  # camera keys first on disk
    assert profile_to_text(again) == (library.directory / "lock.json").read_text(encoding="utf-8")


def test_extends_merges_child_over_parent_and_null_removes_an_inherited_key(library):
    _write(library, "base", config={"usbCameraName": "/dev/bus/usb/001/004", "usbCameraRotationAngle": 90, "uiZoom": 1})
    _write(library, "child", extends="base",
           config={"usbCameraName": None, "usbCameraRotationAngle": None, "internalCameraName": "0", "uiZoom": 2})
    config, findings = library.resolved_config("child")
    assert findings == []
    assert config == {"uiZoom": 2, "internalCameraName": "0"}


def test_extends_chain_of_three(library):
    _write(library, "a", config={"internalCameraName": "0"})
    _write(library, "b", extends="a", config={"cameraRotationAngle": 90})
    _write(library, "c", extends="b", config={"cameraPushFlip": True})
    config, findings = library.resolved_config("c")
    assert config == {"internalCameraName": "0", "cameraRotationAngle": 90, "cameraPushFlip": True}


def test_extends_cycle_is_a_finding_naming_the_cycle(library):
    _write(library, "a", extends="b", config={})
    _write(library, "b", extends="a", config={})
    config, findings = library.resolved_config("a")
    assert [f.code for f in findings] == ["CAM855"]
    assert "a -> b -> a" in findings[0].message


def test_missing_parent_is_a_finding(library):
    _write(library, "child", extends="gone", config={"cameraId": 0})
    report = library.validate()
    assert "CAM854" in [f.code for f in report["child"]] and "gone" in report["child"][0].message


def test_validate_whole_library_reports_each_sku(library):
    _write(library, "good", config={"internalCameraName": "0"})
    _write(library, "bad", config={"usbCameraRotationAngle": "90"})
    (library.directory / "mismatch.json").write_text(json.dumps({"schema": 1, "sku": "other", "config": {}}), encoding="utf-8")
    report = library.validate()
    assert set(report) == {"good", "bad", "mismatch"}
    assert not has_errors(report["good"])
    assert "CAM101" in [f.code for f in report["bad"]]
    assert "CAM853" in [f.code for f in report["mismatch"]]


def test_broken_profile_files_are_findings_not_exceptions(library):
    library.directory.mkdir(parents=True)
    (library.directory / "dup.json").write_text('{"schema": 1, "sku": "dup", "config": {"cameraId": 1, "cameraId": 2}}', encoding="utf-8")
    (library.directory / "typo.json").write_text('{"schema": 1, "sku": "typo", "confg": {}}', encoding="utf-8")
    (library.directory / "future.json").write_text('{"schema": 9, "sku": "future"}', encoding="utf-8")
    report = library.validate()
    assert "CAM005" in [f.code for f in report["dup"]]
    assert "confg" in " ".join(f.message for f in report["typo"])
    assert [f.code for f in report["future"]] == ["CAM852"]
    with pytest.raises(ProfileError):
        library.load("typo")


def test_save_refuses_a_config_with_errors_and_keeps_the_old_file(library):
    library.save(Profile(sku="door", config={"internalCameraName": "0"}))
    before = (library.directory / "door.json").read_bytes()
    with pytest.raises(ProfileError) as info:
        library.save(Profile(sku="door", config={"internalCameraName": "0", "cameraId": 1}))
    assert "CAM203" in [f.code for f in info.value.findings]
    assert (library.directory / "door.json").read_bytes() == before


def test_save_refuses_a_child_whose_parent_is_missing(library):
    with pytest.raises(ProfileError) as info:
        library.save(Profile(sku="child", extends="nobody"))
    assert [f.code for f in info.value.findings if f.is_error] == ["CAM854"]
    assert not library.exists("child")


def test_crash_mid_save_keeps_the_users_profile(library, monkeypatch):
    library.save(Profile(sku="door", description="mine", config={"cameraId": 0}))
    before = (library.directory / "door.json").read_bytes()

    def crash(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError):
        library.save(Profile(sku="door", description="changed", config={"cameraId": 1}))
    assert (library.directory / "door.json").read_bytes() == before
    assert [p.name for p in library.directory.iterdir()] == ["door.json"]


@pytest.mark.parametrize("sku", ["../evil", "a/b", "a\\b", "..", "", "con", "x" * 65, "a..b", "-a"])
def test_sku_names_that_could_escape_the_folder_or_break_on_windows_are_refused(library, sku):
    with pytest.raises(ProfileError):
        library.new(sku)
    with pytest.raises(Exception):
        Profile(sku=sku)


def test_apply_package_must_be_an_android_package_name():
    with pytest.raises(Exception):
        Profile(sku="a", apply_package="com.example; reboot")
    assert Profile(sku="a", apply_package="com.example.door_bell").apply_package == "com.example.door_bell"


def test_new_refuses_existing_names_case_insensitively_and_missing_parents(library):
    library.new("Door")
    with pytest.raises(ProfileError, match="already exists"):
        library.new("door")
    with pytest.raises(ProfileError, match="does not exist"):
        library.new("kid", extends="nobody")


def test_new_with_extends(library):
    library.save(Profile(sku="base", config={"internalCameraName": "1"}))
    child = library.new("kid", extends="base")
    assert child.extends == "base"
    assert library.resolved_config("kid") == ({"internalCameraName": "1"}, [])


def test_delete_refuses_a_parent_unless_forced(library):
    library.save(Profile(sku="base", config={}))
    library.new("kid", extends="base")
    with pytest.raises(ProfileError, match="kid"):
        library.delete("base")
    library.delete("base", force=True)
    assert library.list() == ["kid"]
    with pytest.raises(ProfileError):
        library.delete("base")


def test_diff_lists_changed_added_and_removed_keys_camera_keys_first(library):
    library.save(Profile(sku="a", config={"uiZoom": 1, "internalCameraName": "0", "cameraPushFlip": True}))
    library.save(Profile(sku="b", config={"uiZoom": 1, "internalCameraName": "1", "cameraRotationAngle": 90,
                                          "defaultRenderer": "skyline"}))
    assert library.diff("a", "b") == [
        ("internalCameraName", "0", "1"),
        ("cameraRotationAngle", NOT_SET, 90),
        ("cameraPushFlip", True, NOT_SET),
        ("defaultRenderer", NOT_SET, "skyline"),
    ]


def test_diff_tells_true_from_1(library):
    library.save(Profile(sku="a", config={"x": True}))
    library.save(Profile(sku="b", config={"x": 1}))
    assert library.diff("a", "b") == [("x", True, 1)]


def test_list_of_a_missing_folder_is_empty(tmp_path):
    assert ProfileLibrary(tmp_path / "none").list() == []


# --- the Chinese description (issue 19) ---------------------------------------------------------

def test_a_chinese_description_is_shown_in_chinese_and_the_english_one_otherwise(library):
    from camtool import i18n

    _write(library, "lock", schema=2, description="Door lock", description_zh_CN="门锁")
    profile, findings = library.read("lock")
    assert findings == []
    before = i18n.language()
    try:
        i18n.set_language("zh")
        assert profile.shown_description() == "门锁"
        i18n.set_language("en")
        assert profile.shown_description() == "Door lock"
    finally:
        i18n.set_language(before)


def test_a_profile_without_a_chinese_description_shows_the_english_one_in_chinese(library):
    from camtool import i18n

    _write(library, "lock", description="Door lock")
    profile, _ = library.read("lock")
    before = i18n.language()
    i18n.set_language("zh")
    try:
        assert profile.shown_description() == "Door lock"
    finally:
        i18n.set_language(before)


def test_only_a_file_with_a_chinese_description_is_written_as_format_2(library):
    """Format 1 files stay format 1, so an older camtool still opens them; one with
    description_zh_CN says 2, so an older camtool asks to be updated instead of calling it a typo."""
    plain = Profile(sku="plain", description="Door lock")
    assert json.loads(profile_to_text(plain))["schema"] == 1
    localized = plain.model_copy(update={"sku": "zh", "description_zh_cn": "门锁"})
    data = json.loads(profile_to_text(localized))
    assert data["schema"] == 2 and data["description_zh_CN"] == "门锁"
    assert list(data)[:4] == ["schema", "sku", "description", "description_zh_CN"]
    library.save(localized)
    assert library.read("zh")[0].description_zh_cn == "门锁"


def test_a_format_1_file_may_carry_a_chinese_description_added_by_hand(library):
    _write(library, "lock", description="Door lock", description_zh_CN="门锁")
    profile, findings = library.read("lock")
    assert findings == [] and profile.description_zh_cn == "门锁"


def test_a_chinese_description_that_is_not_text_is_a_field_finding(library):
    _write(library, "lock", description="Door lock", description_zh_CN=["门锁"])
    profile, findings = library.read("lock")
    assert profile is None
    assert [(f.code, f.keys) for f in findings] == [("CAM851", ("description_zh_CN",))]


def test_every_shipped_profile_has_a_chinese_description():
    library = shipped_library()
    for sku in library.list():
        profile, _ = library.read(sku)
        assert profile.description_zh_cn and profile.description_zh_cn != profile.description, sku


def test_the_export_of_a_profile_has_no_description_in_any_language(tmp_path, capsys):
    from camtool.cli import main
    from camtool.resources import shipped_profiles_dir

    outputs = []
    for lang in ("en", "zh"):
        assert main(["--lang", lang, "profiles", "--profiles", str(shipped_profiles_dir()),
                     "export", "doorlock-l7-builtin"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and "description" not in outputs[0] and "门锁" not in outputs[0]


# --- a profile a command runs (verify, a lab station) -------------------------------------

def test_a_profile_to_run_gives_its_resolved_config_and_itself(library):
    _write(library, "base", config={"internalCameraName": "1", "cameraRotationAngle": 90})
    _write(library, "child", extends="base", config={"cameraRotationAngle": 180})
    config, profile, why = profile_to_run(library, "child")
    assert config == {"internalCameraName": "1", "cameraRotationAngle": 180}
    assert profile.sku == "child" and why == ""


def test_a_missing_shipped_example_says_where_the_examples_are(library):
    config, profile, why = profile_to_run(library, "doorlock-l7-builtin")
    assert (config, profile) == (None, None)
    examples = shipped_profiles_dir()
    assert why == (f"There is no profile doorlock-l7-builtin in {library.directory}. doorlock-l7-builtin is one of the "
                   f'examples that ship with camtool: add --profiles "{examples}", or copy '
                   f"{examples}/doorlock-l7-builtin.json into {library.directory}.")
    _, _, why = profile_to_run(ProfileLibrary(examples), "no-such-sku")   # the examples folder itself: no such hint
    assert why == (f"There is no profile no-such-sku in {examples}. "
                   "Check the SKU (camtool profiles list) or the library folder (--profiles DIR).")


def test_a_profile_whose_chain_is_broken_cannot_run_and_says_why(library):
    _write(library, "child", extends="gone", config={"cameraRotationAngle": 180})
    config, profile, why = profile_to_run(library, "child")
    assert (config, profile) == (None, None)
    assert "gone" in why and why.count(".") >= 2     # the problem and what to do, as sentences
