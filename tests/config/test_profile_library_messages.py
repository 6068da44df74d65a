"""What a technician reads when the profile library refuses something: every sentence and finding, word for word."""

from __future__ import annotations

import json
import os

import pytest

from camtool.config.errors import ProfileError
from camtool.config.profiles import NOT_SET, Profile, ProfileLibrary, default_library_dir, diff_configs, shipped_library
from camtool.resources import shipped_profiles_dir

NO_PROFILE_FIX = "Check the SKU (camtool profiles list) or the library folder (--profiles DIR)."


@pytest.fixture
def library(tmp_path):
    return ProfileLibrary(tmp_path / "profiles")


def _write(library, sku, **fields):
    library.directory.mkdir(parents=True, exist_ok=True)
    data = {"schema": 1, "sku": sku, "description": "", **fields}
    (library.directory / f"{sku}.json").write_text(json.dumps(data), encoding="utf-8")


def _shown(findings):
    return [(f.code, f.keys, f.message, f.fix) for f in findings]


def _refusal(call):
    with pytest.raises(ProfileError) as refused:
        call()
    return str(refused.value), _shown(refused.value.findings)


def test_a_cycle_names_every_profile_on_it_once(library):
    _write(library, "a", extends="b")
    _write(library, "b", extends="a")
    assert _shown(library.resolved_config("a")[1]) == [
        ("CAM855", ("extends",), "The profiles extend each other in a cycle: a -> b -> a.",
         'Remove "extends" from one of them, so that the chain ends at a profile without it.')]
    assert _shown(library.validate("b")["b"])[0][2] == "The profiles extend each other in a cycle: b -> a -> b."


def test_a_missing_parent_names_the_child_and_the_parent(library):
    _write(library, "c", extends="gone", config={"cameraId": 0})
    expected = ("CAM854", ("extends",), "Profile c extends gone, which is missing or cannot be read.",
                'Create profile gone, correct it (camtool profiles validate gone), or change "extends".')
    assert _shown(library.resolved_config("c")[1]) == [expected]
    assert _shown(library.validate()["c"])[0] == expected
    assert _refusal(lambda: library.diff("c", "c")) == ("Profile c cannot be compared: it cannot be resolved.", [expected])


def test_a_profile_that_is_not_there_says_where_it_was_looked_for(library):
    where = library.directory
    missing = ("CAM856", (), f"There is no profile zz in {where}.", NO_PROFILE_FIX)
    assert _refusal(lambda: library.load("zz")) == ("Profile zz cannot be opened.", [missing])
    assert _refusal(lambda: library.new("n", extends="nope")) == (
        "Profile nope does not exist, so n cannot extend it.",
        [("CAM856", (), f"There is no profile nope in {where}.", NO_PROFILE_FIX)])
    assert _refusal(lambda: library.delete("zz")) == (f"Profile zz does not exist in {where}.", [])
    assert _shown(library.read("con")[1]) == [("CAM856", (), f"There is no profile con in {where}.", NO_PROFILE_FIX)]


def test_a_folder_or_a_pipe_named_like_a_profile_is_no_profile(library):
    library.directory.mkdir(parents=True)
    (library.directory / "dir.json").mkdir()
    os.mkfifo(library.directory / "fifo.json")
    _write(library, "real")
    assert library.list() == ["real"]
    assert _shown(library.read("dir")[1]) == [
        ("CAM856", (), f"There is no profile dir in {library.directory}.", NO_PROFILE_FIX)]
    assert _shown(library.read("fifo")[1]) == [
        ("CAM001", (), f"{library.directory / 'fifo.json'} is not a regular file (a pipe, a device or a socket).",
         "Keep only profile files in the library folder.")]


def test_refused_names_saves_and_deletes_say_why(library):
    assert _refusal(lambda: library.path_for("../x")) == (
        "\"../x\" cannot be a profile name: a SKU is 1 to 64 letters, digits, '.', '_' or '-', "
        "starting with a letter or digit.", [])
    library.new("a")
    assert _refusal(lambda: library.new("A")) == (f"A profile named a already exists in {library.directory}.", [])
    assert _refusal(lambda: library.new("a")) == (f"A profile named a already exists in {library.directory}.", [])
    message, findings = _refusal(lambda: library.save(Profile(sku="bad", config={"cameraRotationAngle": 45})))
    assert message == "Profile bad was not saved: its config has errors."
    assert [f[0] for f in findings] == ["CAM102", "CAM501", "CAM502"]  # errors first
    library.new("b", extends="a")
    _write(library, "c", extends="A")  # names compare without case, as on Windows and macOS
    assert _refusal(lambda: library.delete("a")) == ("Profile a is extended by b, c; delete or change those first.", [])
    assert library.children("A") == ["b", "c"]


def test_new_writes_the_descriptions_given(library):
    library.new("door", description="Front door", description_zh_cn="前门")
    data = json.loads((library.directory / "door.json").read_text(encoding="utf-8"))
    assert data["description"] == "Front door" and data["description_zh_CN"] == "前门"
    library.new("gate", description_zh_cn="")
    data = json.loads((library.directory / "gate.json").read_text(encoding="utf-8"))
    assert data["description"] == "" and "description_zh_CN" not in data and "extends" not in data


def test_the_library_folder_problem_is_named(tmp_path):
    absent = ProfileLibrary(tmp_path / "none")
    assert str(absent.problem()) == (f"The profile library {tmp_path / 'none'} does not exist. Check the folder given "
                                     "with --profiles, or create a profile there with camtool profiles new SKU.")
    assert absent.problem(must_exist=False) is None
    a_file = tmp_path / "f"
    a_file.write_text("x", encoding="utf-8")
    assert str(ProfileLibrary(a_file).problem()) == (
        f"The profile library {a_file} is a file, not a folder. Give the folder that holds the profiles with --profiles DIR.")
    assert str(ProfileLibrary(a_file / "below").problem()).startswith(f"The profile library {a_file / 'below'} does not exist.")
    too_long = tmp_path / ("x" * 300)
    assert str(ProfileLibrary(too_long).problem()) == (
        f"The profile library {too_long} cannot be read (File name too long). Make it readable for your user, "
        "or choose another folder with --profiles DIR.")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "dangling.json").symlink_to(broken / "nowhere")
    assert str(ProfileLibrary(broken).problem()) == (
        f"The profile library {broken} cannot be read (No such file or directory). Make it readable for your user, "
        "or choose another folder with --profiles DIR.")
    (broken / "dangling.json").unlink()
    (broken / "notes.txt").symlink_to(broken / "nowhere")  # only profile files are opened
    assert ProfileLibrary(broken).problem() is None


def test_the_list_is_sorted_without_case_then_with_it(library):
    for sku in ("b", "A", "a", "_x"):
        _write(library, sku)
    assert library.list() == ["A", "a", "b"]


def test_diff_compares_json_exactly_and_names_a_missing_side():
    assert diff_configs({"d": {"a": 1, "b": 2}}, {"d": {"b": 2, "a": 1}}) == [("d", {"a": 1, "b": 2}, {"b": 2, "a": 1})]
    assert diff_configs({"s": "é"}, {"s": "é"}) == []
    assert diff_configs({"x": 1}, {}) == [("x", 1, NOT_SET)] and repr(NOT_SET) == "NOT_SET"


def test_the_default_library_is_the_per_user_one():
    assert ProfileLibrary.default().directory == default_library_dir()
    assert repr(ProfileLibrary("/x/profiles")) == "ProfileLibrary('/x/profiles')"


def test_a_shipped_example_missing_from_the_library_says_where_the_examples_are(library):
    examples = shipped_profiles_dir()
    assert [(f.code, f.message, f.fix) for f in library.read("doorlock-l7-builtin")[1]] == [
        ("CAM856", f"There is no profile doorlock-l7-builtin in {library.directory}.",
         f'doorlock-l7-builtin is one of the examples that ship with camtool: add --profiles "{examples}", '
         f"or copy {examples}/doorlock-l7-builtin.json into {library.directory}.")]
    assert shipped_library().read("nope")[1][0].fix == NO_PROFILE_FIX


def test_a_profile_without_extends_keeps_a_null_and_a_save_creates_missing_folders(tmp_path):
    library = ProfileLibrary(tmp_path / "a" / "b" / "profiles")
    _write(library, "root", config={"uiZoom": None})
    assert library.resolved_config("root") == ({"uiZoom": None}, [])
    deep = ProfileLibrary(tmp_path / "c" / "d" / "profiles")
    deep.new("door")
    assert deep.list() == ["door"]


def test_validate_and_save_check_the_wmpf_version_given(library):
    _write(library, "door", config={"internalCameraName": "0"})
    assert [f.code for f in library.validate("door", wmpf_version="1.0.0")["door"]] == ["CAM301"]
    assert list(library.validate(["door"])) == ["door"]
    message, findings = _refusal(lambda: library.save(library.load("door"), wmpf_version="1.0.0"))
    assert message == "Profile door was not saved: its config has errors." and [f[0] for f in findings] == ["CAM301"]
    assert [f.code for f in library.save(library.load("door"))] == ["CAM502"]


def test_names_sort_without_case_even_around_underscores(library):
    for sku in ("aax", "a_x", "B", "a"):
        _write(library, sku)
    assert library.list() == ["a", "a_x", "aax", "B"]


@pytest.mark.parametrize("sku, problem", [
    ("a..b", "a SKU may not contain '..' or end with '.'"),
    ("door.", "a SKU may not contain '..' or end with '.'"),
    ("NUL.door", "Windows reserves this name for a device; choose another SKU"),
    ("com1", "Windows reserves this name for a device; choose another SKU"),
])
def test_a_name_windows_or_the_folder_cannot_hold_is_refused_with_its_reason(library, sku, problem):
    assert _refusal(lambda: library.path_for(sku)) == (f'"{sku}" cannot be a profile name: {problem}.', [])
