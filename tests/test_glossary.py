"""The Chinese reads as one voice: the glossary's terms and not its rejected renderings,
Chinese punctuation around Chinese words, and lists joined with 、 (issue 19)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from camtool import i18n
from camtool.i18n.argparse_zh import ARGPARSE_ZH

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
TS = ROOT / "camtool" / "gui" / "i18n" / "camtool_zh_CN.ts"
README_ZH = ROOT / "README.zh-CN.md"
CJK = "\u4e00-\u9fff"
# Placeholders whose values are Latin (keys, paths, serials, numbers): a space on the Chinese side.
LATIN_PLACEHOLDERS = {"key", "path", "serial", "version", "needed", "counterpart", "code", "example", "sdk",
                      "count", "line", "file", "seconds", "width", "height", "keys", "found"}


def _rejected() -> list[str]:
    """The "不要用" column of docs/glossary.md: backquoted renderings separated by " / "."""
    rejected = []
    for row in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("English", "---"):
            rejected += re.findall(r"`([^`]+)`", cells[2])
    return rejected


def _chinese_strings() -> list[tuple[str, str]]:
    """(where, text) for every Chinese string the user reads: catalogues, argparse, .ts."""
    found = [(f"catalogue: {source[:50]}", text) for source, text in i18n.catalogue("zh").items()]
    found += [(f"argparse: {source[:50]}", text) for source, text in ARGPARSE_ZH.items()]
    for message in ET.parse(TS).iter("message"):
        text = message.findtext("translation") or ""
        found.append((f"ts: {(message.findtext('source') or '')[:50]}", text))
    return found


def _prose(text: str) -> str:
    """The text without what is not Chinese prose: code in backquotes, Qt mnemonics "(&X)",
    file-dialog filters "(*.json)" and calls such as "put(...)"."""
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\(&amp;.\)|\(&.\)", "", text)
    text = re.sub(r"\s?\(\*[^)]*\)(;;)?", "", text)
    return re.sub(r"[\w.{}]+\([^)]*\)", "", text)


def test_the_glossary_rejects_renderings():
    assert {"正立", "修正", "不通过", "更新版本", "静默", "内置场景"} <= set(_rejected())


@pytest.mark.parametrize("term", _rejected())
def test_no_chinese_string_uses_a_rejected_rendering(term):
    texts = _chinese_strings() + [("README.zh-CN.md", README_ZH.read_text(encoding="utf-8"))]
    offenders = [where for where, text in texts if term in text]
    assert not offenders, f"{term!r} is rejected in docs/glossary.md, but used in: {offenders[:5]}"


def test_one_pronoun():
    texts = _chinese_strings() + [("README.zh-CN.md", README_ZH.read_text(encoding="utf-8"))]
    assert not [where for where, text in texts if "您" in text]


def test_chinese_sentences_use_chinese_punctuation():
    half = re.compile(rf"[{CJK}）][,;:]|[,;:] ?[{CJK}（]|[{CJK}] ?\(|\) ?[{CJK}]")
    offenders = [(where, text) for where, text in _chinese_strings() if half.search(_prose(text))]
    assert not offenders, offenders[:5]


def test_id_in_a_chinese_sentence_is_written_ID():
    lower_id = re.compile(r"(?<![\w{\"'-])id(?![\w}\"'])(?! =)")
    offenders = [(where, text) for where, text in _chinese_strings()
                 if re.search(f"[{CJK}]", text) and lower_id.search(_prose(text))]
    assert not offenders, offenders[:5]


def test_latin_is_spaced_from_chinese():
    glued = re.compile(rf"[{CJK}][A-Za-z0-9]|[A-Za-z0-9][{CJK}]")
    names = "|".join(sorted(LATIN_PLACEHOLDERS))
    glued_placeholder = re.compile(rf"[{CJK}]\{{({names})\}}|\{{({names})\}}[{CJK}]")
    offenders = [(where, text) for where, text in _chinese_strings()
                 if glued.search(_prose(text)) or glued_placeholder.search(text)]
    assert not offenders, offenders[:5]


def test_lists_are_joined_with_the_enumeration_comma_in_chinese(chinese):
    assert i18n.join_list(["usbVendorId", "usbProductId"]) == "usbVendorId、usbProductId"
    assert i18n.join_clauses(["甲", "乙"]) == "甲；乙"
    assert i18n.join_clauses(["请重新检查。", "尚未确认。"]) == "请重新检查；尚未确认。"
    i18n.set_language("en")
    assert i18n.join_list(["usbVendorId", "usbProductId"]) == "usbVendorId, usbProductId"


def test_a_finding_made_in_english_lists_with_the_comma_of_the_language_it_is_shown_in():
    from camtool.config.rules import validate as validate_config

    before = i18n.language()
    i18n.set_language("en")
    try:
        findings = validate_config({"usbSerialNumber": "A1"})
        message = next(f for f in findings if f.code == "CAM202")
        assert "usbCameraVendorId, usbCameraProductId" in message.message
        i18n.set_language("zh")
        assert "usbCameraVendorId、usbCameraProductId" in message.message
    finally:
        i18n.set_language(before)


def test_a_listed_value_from_a_device_is_escaped_item_by_item():
    from camtool.config.findings import Finding, Severity

    finding = Finding("CAM999", Severity.INFO, ("k",), "{items}", "", {"items": i18n.ListText(["a\x1b[2J", "b"])})
    assert "\x1b" not in finding.message and finding.message.endswith(", b")


def test_the_inferred_legend_only_when_a_version_is_starred():
    from camtool.config.rules import validate

    def cam502(config):
        return next(f.message for f in validate(config) if f.code == "CAM502")

    assert "* =" not in cam502({"internalCameraName": "0"})
    assert "* =" in cam502({"internalCameraName": "0", "usbCameraRotationAngle": 90})


def test_a_placeholder_that_is_chinese_in_one_message_and_latin_in_another_is_spaced_when_latin(chinese):
    """"是{other}的配置项" reads "是内置摄像头的配置项" and "是 USB 摄像头的配置项": the template
    cannot hold the space, so filling in the value adds it (issue 19)."""
    from camtool.config.rules import validate

    usb = next(f for f in validate({"usbCameraName": "/dev/bus/usb/001/002", "cameraPushFlip": True})
               if f.code == "CAM204")
    assert "是内置摄像头的配置项" in usb.message and "使用的是 USB 摄像头（" in usb.message
    builtin = next(f for f in validate({"internalCameraName": "0", "usbCameraPushFlip": True}) if f.code == "CAM204")
    assert "是 USB 摄像头的配置项" in builtin.message and "使用的是内置摄像头（" in builtin.message


# Configs that between them raise most of the config rules, to read their messages as filled in.
_BAD_CONFIGS = [
    {"internalCameraName": "front", "cameraRotationAngle": "90", "usbCameraRotationAngle": 45,
     "usbSerialNumber": "x", "usbCameraPushflip": "True", "cameraId": 1, "usbCameraVendorId": "0x0bda"},
    {"usbCameraName": "/dev/bus/usb/002/007", "usbCameraRotationAngle": 90, "cameraPushFlip": True},
    {"usbCameraName": "/dev/video0", "internalCameraName": " 0", "cameraId": -1, "usbCameraProductId": 70000},
    {"usbCameraName": "/dev/bus/usb/1/2", "usbCameraVendorId": 1, "usbCameraProductId": 2, "usbSerialNumber": ""},
    {"internalCameraName": "0", "usbCameraName": "/dev/bus/usb/001/002", "cameraRotationAngle": 450},
]


@pytest.mark.parametrize("config", _BAD_CONFIGS)
def test_filled_in_findings_space_latin_from_chinese(chinese, config):
    from camtool.config.rules import validate

    glued = re.compile(rf"[{CJK}][A-Za-z0-9]|[A-Za-z0-9][{CJK}]")
    texts = [text for f in validate(config, wmpf_version="1.1.0") for text in (f.message, f.fix)]
    assert [t for t in texts if glued.search(_prose(t))] == []


def test_sentences_follow_each_other_without_a_space_in_chinese(chinese):
    from camtool.device.errors import DeviceNotFound, DeviceRefused

    assert DeviceNotFound("NOPE123").describe() == (
        "未连接序列号为 NOPE123 的设备。运行 `camtool devices` 查看 adb 已识别的序列号；请连接设备或启动虚拟设备。")
    refused = DeviceRefused("S1", "denied").describe()
    assert "拒绝了请求：denied 请查看" in refused and "。（adb 提示：denied）" in refused
    i18n.set_language("en")
    assert DeviceNotFound("NOPE123").describe().startswith("No device with serial NOPE123 is attached. Run")
