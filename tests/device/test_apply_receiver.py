"""The apply broadcast as an argv list, am's answers read back, and the exported Kotlin receiver."""

from __future__ import annotations

import base64
import json

import pytest

from camtool.cli import main
from camtool.config.apply_contract import APPLY_ACTION, CONFIG_EXTRA, decode_config
from camtool.device.adb_io import ShellResult, quote_command
from camtool.device.apply import PackageNameError, apply_config, check_package, parse_broadcast_answer
from camtool.device.receiver import kotlin_receiver
from camtool.i18n import set_language


class RecordingIO:
    """A DeviceIO that records the argv it was given and answers like am."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.commands: list = []

    def shell(self, serial, command, timeout=10.0):
        self.commands.append(command)
        return ShellResult(self.answer.encode(), b"", 0)


def test_broadcast_is_an_argv_list_with_the_config_as_base64():
    io = RecordingIO('Broadcasting: Intent { act=x }\nBroadcast completed: result=1, data="applied"\n')
    config = {"internalCameraName": "0", "note": "it's \"quoted\"; $(reboot) 中文"}
    result = apply_config(io, "SER", config, "com.example.doorbell")
    assert result.applied
    argv = io.commands[0]
    assert isinstance(argv, list)
    assert argv[:7] == ["am", "broadcast", "-a", APPLY_ACTION, "-p", "com.example.doorbell", "--es"]
    assert argv[7] == CONFIG_EXTRA and decode_config(argv[8]) == config
    # Quoted for the device's sh, the whole base64 stays one word: nothing of the config is interpreted.
    assert quote_command(argv).split()[-1] == argv[8]
    assert json.loads(base64.b64decode(argv[8]).decode("utf-8")) == config


@pytest.mark.parametrize("answer,code,data,applied", [
    ('Broadcast completed: result=1, data="applied"', 1, "applied", True),
    ('Broadcasting: Intent { act=a }\nBroadcast completed: result=0', 0, None, False),
    ('Broadcast completed: result=2, data="Bad JSON at line 1 column 2: x"', 2, "Bad JSON at line 1 column 2: x", False),
    ("Exception occurred while executing 'broadcast':\njava.lang.IllegalArgumentException: bad", None, None, False),
    ("", None, None, False),
    ("\x00\xff garbage Broadcast completed: result=", None, None, False),
])
def test_am_answers_are_read_without_exceptions(answer, code, data, applied):
    result = parse_broadcast_answer("com.example.doorbell", answer)
    assert (result.result_code, result.data, result.applied) == (code, data, applied)
    assert result.message   # always a sentence to show


def test_no_receiver_says_which_package_and_what_to_install():
    message = parse_broadcast_answer("com.example.kiosk", "Broadcast completed: result=0").message
    assert "com.example.kiosk" in message and "debug build" in message
    set_language("zh")
    assert "com.example.kiosk" in parse_broadcast_answer("com.example.kiosk", "Broadcast completed: result=0").message
    assert "调试版" in parse_broadcast_answer("com.example.kiosk", "Broadcast completed: result=0").message


@pytest.mark.parametrize("bad", ["", "x", "com.example.app; reboot", "com example", "../etc", "1com.x"])
def test_package_names_are_checked(bad):
    with pytest.raises(PackageNameError):
        check_package(bad)
    io = RecordingIO("")
    with pytest.raises(PackageNameError):
        apply_config(io, "SER", {}, bad)
    assert io.commands == []   # nothing was sent


def test_receiver_source_uses_the_contract_names_and_answers():
    text = kotlin_receiver({"internalCameraName": "1"})
    assert f'const val ACTION = "{APPLY_ACTION}"' in text
    assert f'const val EXTRA_CONFIG = "{CONFIG_EXTRA}"' in text
    assert "pending.setResult(RESULT_APPLIED, \"applied\", null)" in text
    assert "RESULT_REFUSED = 2" in text and "RESULT_APPLIED = 1" in text
    assert "initGlobalConfig" in text and "launchMiniProgram" in text
    assert "must restart the mini program" in text
    assert '{"internalCameraName":"1"}' in text
    assert text.count("{") == text.count("}")


def test_export_kotlin_receiver_from_the_cli(tmp_path, capsys):
    config = tmp_path / "c.json"
    config.write_text('{"internalCameraName": "0"}', encoding="utf-8")
    assert main(["export", str(config), "--to", "kotlin-receiver"]) == 0
    out = capsys.readouterr().out
    assert "class CamtoolApplyReceiver : BroadcastReceiver()" in out
    # The export never changes with the language.
    assert main(["--lang", "zh", "export", str(config), "--to", "kotlin-receiver"]) == 0
    assert capsys.readouterr().out == out
