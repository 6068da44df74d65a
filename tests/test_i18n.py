"""Every user-visible string below `gui` goes through the translation function, and the
Chinese catalogue has every message with the same placeholders."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from camtool import i18n

PACKAGE = Path(__file__).resolve().parent.parent / "camtool"
TRANSLATORS = {"tr", "N_"}
# Keyword arguments whose literal values a user reads (argparse help and descriptions).
USER_KEYWORDS = {"help", "description", "epilog"}


def _py_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ("gui", "i18n"):
            continue
        yield path


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _literal(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _has_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return any(ch.isalpha() for ch in node.value) and " " in node.value.strip()
    return isinstance(node, ast.JoinedStr) and any(
        isinstance(v, ast.Constant) and any(ch.isalpha() for ch in v.value) and " " in v.value for v in node.values)


def _messages():
    found = []
    for path in _py_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in TRANSLATORS and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((path.relative_to(PACKAGE), node.lineno, arg.value))
    return found


MESSAGES = _messages()


def test_there_are_messages_to_check():
    assert len(MESSAGES) > 20


@pytest.mark.parametrize("where,line,source", MESSAGES, ids=lambda v: str(v)[:40] if isinstance(v, str) else None)
def test_chinese_catalogue_has_the_message_with_its_placeholders(where, line, source):
    zh = i18n.catalogue("zh")
    assert source in zh, f"{where}:{line}: no Chinese for {source!r}"
    assert i18n.placeholders(zh[source]) == i18n.placeholders(source), f"{where}:{line}: placeholders differ"


def test_catalogue_entries_keep_placeholders():
    for source, text in i18n.catalogue("zh").items():
        assert i18n.placeholders(text) == i18n.placeholders(source), source


def test_user_visible_literals_go_through_tr():
    """print()/write() of a sentence and argparse help= with a bare literal are untranslated text."""
    offenders = []
    for path in _py_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name in ("print", "write") and node.args and _literal(node.args[0]) and _has_words(node.args[0]):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            for kw in node.keywords:
                if kw.arg in USER_KEYWORDS and _literal(kw.value) and _has_words(kw.value):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} ({kw.arg}=)")
    assert not offenders, "untranslated user-visible text at: " + ", ".join(offenders)


def test_language_follows_the_environment():
    assert i18n.language_from_env({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert i18n.language_from_env({"LANG": "zh_TW.UTF-8"}) == "zh"  # Traditional falls back to Simplified
    assert i18n.language_from_env({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.language_from_env({"LANG": "C"}) == "en"
    assert i18n.language_from_env({}) == "en"


def test_tr_fills_named_placeholders_in_both_languages():
    i18n.set_language("zh")
    assert i18n.tr("Device {serial} is offline.", serial="ABC") == "设备 ABC 处于离线状态。"
    i18n.set_language("en")
    assert i18n.tr("Device {serial} is offline.", serial="ABC") == "Device ABC is offline."
    # a missing value stays visible rather than crashing
    assert "{serial}" in i18n.tr("Device {serial} is offline.")
