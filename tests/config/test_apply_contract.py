"""The apply broadcast: the exact `am broadcast` argv, and the receiver's answers to a bad extra."""

from __future__ import annotations

import base64

import pytest

from camtool.config.apply_contract import ConfigDecodeError, apply_broadcast_argv, decode_config, encode_config


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def test_the_broadcast_names_action_package_and_extra_as_the_receiver_expects():
    config = {"usbCameraName": "/dev/bus/usb/001/004"}
    argv = apply_broadcast_argv("com.example.kiosk", config)
    assert argv == ["am", "broadcast", "-a", "com.camtool.APPLY_CONFIG", "-p", "com.example.kiosk",
                    "--es", "config_b64", encode_config(config)]
    assert decode_config(argv[-1]) == config


def test_the_config_travels_as_compact_utf8_json_in_standard_base64():
    config = {"usbSerialNumber": "序列号", "nested": {"a": [1, 2]}}
    word = encode_config(config)
    assert base64.b64decode(word, validate=True).decode("utf-8") == '{"usbSerialNumber":"序列号","nested":{"a":[1,2]}}'
    assert decode_config(word) == config


@pytest.mark.parametrize("extra, answer", [
    ("not base64!", "Bad base64 in config_b64: "),
    ("eyJh IjoxfQ==", "Bad base64 in config_b64: "),  # a space: only the strict alphabet is accepted
    ("é", "Bad base64 in config_b64: "),
    (_b64(b"\xff\xfe"), "Config is not UTF-8: 'utf-8' codec can't decode byte 0xff in position 0"),
    (_b64(b'{"a": 1'), "Bad JSON at line 1 column 8: Expecting ',' delimiter"),
    (_b64(b'{\n "a" 1}'), "Bad JSON at line 2 column 6: Expecting ':' delimiter"),
    (_b64(b"[1, 2]"), "Config must be a JSON object"),
    (_b64(b'"text"'), "Config must be a JSON object"),
])
def test_a_bad_extra_gets_the_receivers_error_text(extra, answer):
    with pytest.raises(ConfigDecodeError) as refused:
        decode_config(extra)
    assert str(refused.value).startswith(answer)
