"""Chinese for argparse's own texts ("usage:", "options", its error messages).

argparse translates through gettext with %-style placeholders, so these live apart from
the `{named}` catalogues; `install()` points argparse's gettext at this table when the
CLI runs in Chinese.
"""

from __future__ import annotations

import argparse

ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "show program's version number and exit": "显示程序版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值：%(value)r（可选值：%(choices)s）",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个参数",
    "expected at most one argument": "最多需要一个参数",
    "expected at least one argument": "至少需要一个参数",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可匹配 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须提供以下参数之一：%s",
    "ignored explicit argument %r": "已忽略显式参数 %r",
}


def install(lang: str) -> None:
    """Make argparse speak `lang` ("zh" or "en") from now on."""
    table = ARGPARSE_ZH if lang == "zh" else {}

    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._ = gettext  # argparse bound gettext at import; rebinding its module name is the hook
    argparse.ngettext = ngettext
