"""Chinese for one-line command helps that moved into camtool/cli/__init__.py's COMMANDS table
(issue 14: `camtool --help` lists the commands without importing their modules)."""

MESSAGES: dict[str, str] = {
    "Write the printable orientation chart (PDF or PNG).": "输出可打印的方向检查图卡（PDF 或 PNG）。",
}
