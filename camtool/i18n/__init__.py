"""The one translation function for everything below `gui` (Qt-free).

Every user-visible string in `config`, `device`, `virtual`, `vision` and the CLI goes
through `tr(source, **values)`. `source` is the English text (it is also the message id,
as in gettext); values are named placeholders, `{name}`, so a translation can reorder them.
Strings defined at import time (tables, help texts) are marked with `N_()` and translated
when shown, so a language switch at run time takes effect everywhere.

Catalogues live in `camtool/i18n/zh_CN/*.py`, one module per area (each a dict named
`MESSAGES`), so parts of the project never edit the same file. Codes, JSON keys and
exports never go through here: they do not change with the language.
"""

from __future__ import annotations

import importlib
import os
import string
from collections.abc import Mapping

__all__ = ["tr", "N_", "join_list", "join_clauses", "join_sentences", "ListText", "set_language", "language", "language_from_env", "catalogue", "LANGUAGES"]

LANGUAGES = ("en", "zh")

_current = "en"
_catalogues: dict[str, dict[str, str]] = {}


def N_(source: str) -> str:
    """Mark a string for translation without translating it now (it is translated when shown)."""
    return source


def catalogue(lang: str) -> dict[str, str]:
    """All translations of one language, merged from its area modules (cached)."""
    if lang == "en":
        return {}
    if lang not in _catalogues:
        import pkgutil  # only for a translation: `camtool validate` in English need not load it

        merged: dict[str, str] = {}
        package = importlib.import_module(f"camtool.i18n.{_package_for(lang)}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            merged.update(getattr(module, "MESSAGES", {}))
        _catalogues[lang] = merged
    return _catalogues[lang]


def _package_for(lang: str) -> str:
    return {"zh": "zh_CN"}[lang]


class _KeepMissing(dict):
    """Leaves an unknown placeholder visible instead of raising: a translation bug must not crash."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def tr(source: str, /, **values: object) -> str:
    """Translate `source` into the current language and fill its named placeholders."""
    text = catalogue(_current).get(source, source) if _current != "en" else source
    if not values:
        return text
    try:
        if _current == "zh":
            return _fill_spaced(text, _KeepMissing(values))
        return string.Formatter().vformat(text, (), _KeepMissing(values))
    except (ValueError, IndexError, KeyError, AttributeError):
        return text


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _fill_spaced(text: str, values: Mapping[str, object]) -> str:
    """Fill placeholders the Chinese way: a value that starts or ends with a Latin letter or digit
    gets a space where it meets a Chinese character ("是 USB 摄像头的配置项", "是内置摄像头的配置项").
    A template cannot write that space itself when the same placeholder is Chinese in one message
    and Latin in the next."""
    formatter = string.Formatter()
    out = ""
    after_value = False
    for literal, field, spec, conversion in formatter.parse(text):
        if literal:
            if after_value and out and _is_latin(out[-1]) and _is_cjk(literal[0]):
                out += " "
            out += literal
        if field is None:
            after_value = False
            continue
        value, _ = formatter.get_field(field, (), values)
        spec = formatter.vformat(spec, (), values) if spec and "{" in spec else spec or ""  # nested "{x:{w}}"
        shown = formatter.format_field(formatter.convert_field(value, conversion), spec)
        if shown and out and _is_cjk(out[-1]) and _is_latin(shown[0]):
            out += " "
        out += shown
        after_value = True
    return out


# Separators built in code are text too: Chinese lists take the enumeration comma (、) and
# clauses the full-width semicolon, so a list inside a Chinese sentence reads as Chinese.
LIST_SEPARATOR = N_(", ")
CLAUSE_SEPARATOR = N_("; ")


def join_list(items) -> str:
    """Items of a list inside a sentence: "a, b, c" in English, "a、b、c" in Chinese."""
    return tr(LIST_SEPARATOR).join(str(item) for item in items)


def join_clauses(items) -> str:
    """Whole messages in one line: "a; b" in English, "a；b" in Chinese. A Chinese message that
    ends a sentence drops its 。 before the ； ("请重新检查；尚未确认……。", never "。；")."""
    texts = [str(item) for item in items]
    if _current == "zh":
        texts = [text[:-1] if text.endswith("。") else text for text in texts[:-1]] + texts[-1:]
    return tr(CLAUSE_SEPARATOR).join(texts)


SENTENCE_SEPARATOR = N_(" ")


def join_sentences(items) -> str:
    """Sentences one after the other: "It failed. Try again." in English; Chinese puts no space
    after 。 ("失败了。请重试。"), only after a sentence that ends in a Latin word or number."""
    separator = tr(SENTENCE_SEPARATOR)
    text = ""
    for item in (str(item) for item in items if str(item)):
        if text:
            text += separator if separator or not (text[-1].isascii() and not text[-1].isspace()) else " "
        text += item
    return text


class ListText:
    """A list used as a placeholder value of a stored message (a finding): joined with the
    separator of the language the message is shown in, not the one it was made in."""

    __slots__ = ("items",)

    def __init__(self, items) -> None:
        self.items = tuple(str(item) for item in items)

    def __str__(self) -> str:
        return join_list(self.items)

    def __bool__(self) -> bool:  # an empty list is "nothing listed", as an empty string was
        return bool(self.items)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ListText) and other.items == self.items or str(self) == other

    def __hash__(self) -> int:
        return hash(self.items)


def set_language(lang: str | None) -> str:
    """Set the language for `tr` ("en" or "zh"; None = from the environment). Returns it."""
    global _current
    _current = normalise(lang) if lang else language_from_env(os.environ)
    return _current


def language() -> str:
    return _current


def normalise(lang: str) -> str:
    """Map a locale name to a supported language: zh_CN, zh_TW, zh -> zh; anything else -> en."""
    return "zh" if lang.strip().lower().replace("-", "_").startswith("zh") else "en"


def language_from_env(environ: Mapping[str, str]) -> str:
    """The language POSIX tools would pick: LC_ALL, then LC_MESSAGES, then LANG (LANGUAGE first if set)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value and value not in ("C", "POSIX"):
            return normalise(value.split(":")[0])
    return "en"


def placeholders(text: str) -> set[str]:
    """The named placeholders of a message (for the catalogue completeness test)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
