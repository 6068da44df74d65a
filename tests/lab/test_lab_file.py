"""Lab files: what a station is made of, and every mistake a usage error naming its line."""

from __future__ import annotations

import pytest

from camtool import exitcodes
from camtool.cli import main
from camtool.config.profiles import Profile, ProfileLibrary
from camtool.lab.lab_file import LabFileError, load_lab


def lab(tmp_path, text: str):
    path = tmp_path / "lab.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_lab_file_reads_configs_and_profiles_relative_to_itself(tmp_path):
    (tmp_path / "configs").mkdir()
    (tmp_path / "configs" / "ic3588.json").write_text('{"cameraRotationAngle": 90}', encoding="utf-8")
    ProfileLibrary(tmp_path / "lib").save(Profile(sku="IC-3588", config={"cameraPushFlip": True},
                                                  apply_package="com.example.intercom"))
    loaded = load_lab(lab(tmp_path, """profiles = "lib"
[[station]]
name = "intercom-3"
serial = "R58M123ABC"
wechat_serial = "PHONE01"
config = "configs/ic3588.json"

[[station]]
name = "intercom-4"
serial = "R58M123ABD"
wechat_serial = "PHONE01"
profile = "IC-3588"
apply = true

[[station]]
name = "bare"
serial = "S3"
"""))
    a, b, c = loaded.stations
    assert (a.config, a.sku, a.devices, a.apply) == ({"cameraRotationAngle": 90}, "ic3588", ("R58M123ABC", "PHONE01"), False)
    assert (b.config, b.sku, b.package, b.apply) == ({"cameraPushFlip": True}, "IC-3588", "com.example.intercom", True)
    assert (c.config, c.devices, c.wechat_serial) == ({}, ("S3",), None)
    assert (a.line, b.line, c.line) == (2, 8, 15)


STATION = '[[station]]\nname = "a"\nserial = "X"\n'


@pytest.mark.parametrize("text,line,words", [
    (STATION + 'colour = "red"\n', 4, "unknown field colour"),
    ('[[station]]\nname = "a"\nconfig = "c.json"\n', 1, "serial is missing"),
    (STATION + 'config = "c.json"\nprofile = "P"\n', 5, "not both"),
    (STATION + '\n[[station]]\nname = "a"\nserial = "Y"\n', 6, "used twice (first on line 2)"),
    (STATION + 'apply = "yes"\n', 4, "true or false"),
    (STATION + 'apply = true\n', 4, "needs package"),
    (STATION + 'package = "not a package"\n', 4, "not an Android package name"),
    (STATION + 'serial2 = 1\nwechat_serial = "X"\n', 4, "unknown field serial2"),
    (STATION + 'config = "missing.json"\n', 4, "missing.json"),
    ('name = "top"\n' + STATION, 1, "unknown field name"),
    ('[[station]]\nname = "a"\nserial = 5\n', 3, "non-empty text"),
    ('[[station]]\nname = "a"\nserial = "X"\nwechat_serial = "X"\n', 4, "cannot be the device itself"),
])
def test_bad_lab_files_name_the_line_and_exit_2(tmp_path, capsys, text, line, words):
    path = lab(tmp_path, text)
    with pytest.raises(LabFileError) as caught:
        load_lab(path)
    assert f"{path}:{line}:" in str(caught.value) and words in str(caught.value)
    assert main(["lab", "run", str(path)]) == exitcodes.USAGE
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


@pytest.mark.parametrize("text", ["[[station]\nname=", "", "profiles = 3\n" + STATION, 'station = "x"\n'])
def test_garbage_and_empty_lab_files_are_usage_errors(tmp_path, capsys, text):
    assert main(["lab", "run", str(lab(tmp_path, text))]) == exitcodes.USAGE
    err = capsys.readouterr().err
    assert "lab.toml" in err and "Traceback" not in err


def test_a_control_character_in_a_name_never_reaches_the_terminal(tmp_path, capsys):
    path = lab(tmp_path, '[[station]]\nname = "a\\u001b[31m"\nserial = "X"\nbogus = 1\n')
    assert main(["lab", "run", str(path)]) == exitcodes.USAGE
    assert "\x1b" not in capsys.readouterr().err
