"""The virtual device's small shell language: quoting, `;` `&&` `||` `|`, `$?`, redirects to /dev/null.

It parses a command line the way Android's /system/bin/sh (mksh) would for the commands camtool
and a technician send, and runs each simple command through a runner supplied by the device
(nothing is ever executed on the host). adbutils' `shell2()` without shell v2 appends
`; echo X4EXIT:$?`, so `;` and `$?` must work exactly.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

SH = "/system/bin/sh"
# Deferred expansions are kept as marker characters in a word until the command runs.
_VAR_OPEN, _VAR_CLOSE = "\ue000", "\ue001"
_VAR_RE = re.compile(_VAR_OPEN + "([^" + _VAR_CLOSE + "]*)" + _VAR_CLOSE)
_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class ShellSyntaxError(Exception):
    """The line cannot be parsed; the text is what mksh would print after `sh: `."""


@dataclass
class Redirect:
    fd: int          # 1 or 2
    target: str      # a path, or "&1" / "&2"
    append: bool = False


@dataclass
class SimpleCommand:
    words: list[str]
    redirects: list[Redirect] = field(default_factory=list)
    text: str = ""   # the source text, for matching recorded (replayed) commands


@dataclass
class Pipeline:
    commands: list[SimpleCommand]
    text: str = ""


@dataclass
class ShellIO:
    """Where a command's output goes: two async sinks and the bytes piped into it."""

    out: Callable[[bytes], Awaitable[None]]
    err: Callable[[bytes], Awaitable[None]]
    stdin: bytes = b""
    piped: bool = False   # stdin comes from the command before `|`


#: Runs one simple command (already expanded argv) and returns its exit status.
Runner = Callable[[list[str], SimpleCommand, ShellIO], Awaitable[int]]


class ShellExit(Exception):
    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


def parse(line: str) -> list[tuple[str, Pipeline]]:
    """Split a line into (connector, pipeline) pairs; connector is ";" (or first), "&&" or "||"."""
    items: list[tuple[str, Pipeline]] = []
    commands: list[SimpleCommand] = []
    words: list[str] = []
    redirects: list[Redirect] = []
    word: list[str] = []
    in_word = False
    connector = ";"
    cmd_start = pipe_start = 0
    pending_redirect: Redirect | None = None
    i, n = 0, len(line)

    def end_word() -> None:
        nonlocal word, in_word, pending_redirect
        if in_word:
            text = "".join(word)
            if pending_redirect is not None:
                pending_redirect.target = text
                redirects.append(pending_redirect)
                pending_redirect = None
            else:
                words.append(text)
        word, in_word = [], False

    def end_command(at: int) -> None:
        nonlocal words, redirects, cmd_start
        end_word()
        if pending_redirect is not None:
            raise ShellSyntaxError("syntax error: newline unexpected")
        if words or redirects:
            commands.append(SimpleCommand(words, redirects, line[cmd_start:at].strip()))
        words, redirects = [], []
        cmd_start = at + 1

    def end_pipeline(at: int, next_connector: str) -> None:
        nonlocal commands, connector, pipe_start
        end_command(at)
        if commands:
            items.append((connector, Pipeline(commands, line[pipe_start:at].strip())))
        elif next_connector != ";":
            raise ShellSyntaxError(f"syntax error: '{next_connector}' unexpected")
        commands, connector, pipe_start = [], next_connector, at + len(next_connector)

    while i < n:
        c = line[i]
        if c == "\\":
            if i + 1 < n and line[i + 1] != "\n":
                word.append(line[i + 1])
                in_word = True
            i += 2
            continue
        if c == "'":
            end = line.find("'", i + 1)
            if end < 0:
                raise ShellSyntaxError("no closing quote")
            word.append(line[i + 1:end])
            in_word, i = True, end + 1
            continue
        if c == '"':
            i = _double_quoted(line, i + 1, word)
            in_word = True
            continue
        if c == "$":
            i = _dollar(line, i + 1, word)
            in_word = True
            continue
        if c in " \t":
            end_word()
        elif c == "#" and not in_word:
            end = line.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c in ";\n" or (c == "&" and line[i:i + 2] != "&&"):
            end_pipeline(i, ";")
            cmd_start = i + 1
        elif line.startswith("&&", i) or line.startswith("||", i):
            end_pipeline(i, line[i:i + 2])
            cmd_start = i + 2
            i += 2
            continue
        elif c == "|":
            end_command(i)
            if not commands:
                raise ShellSyntaxError("syntax error: '|' unexpected")
        elif c in "<>":
            fd = 1
            if in_word and len(word) == 1 and word[0] in ("1", "2") and line[i - 1] in "12":  # unquoted 1> / 2>
                fd, word, in_word = int(word[0]), [], False
            end_word()
            append = line.startswith(">>", i)
            i += 2 if append else 1
            if c == "<":
                fd = 0
            if line.startswith("&", i):
                m = re.match(r"&(\d)", line[i:])
                if not m:
                    raise ShellSyntaxError("syntax error: bad redirect")
                redirects.append(Redirect(fd, "&" + m.group(1), append))
                i += 2
            else:
                pending_redirect = Redirect(fd, "", append)
            continue
        else:
            word.append(c)
            in_word = True
        i += 1
    end_pipeline(n, ";")
    return items


def _double_quoted(line: str, i: int, word: list[str]) -> int:
    while i < len(line):
        c = line[i]
        if c == '"':
            return i + 1
        if c == "\\" and i + 1 < len(line) and line[i + 1] in '"\\$`\n':
            if line[i + 1] != "\n":
                word.append(line[i + 1])
            i += 2
            continue
        if c == "$":
            i = _dollar(line, i + 1, word)
            continue
        word.append(c)
        i += 1
    raise ShellSyntaxError("no closing quote")


def _dollar(line: str, i: int, word: list[str]) -> int:
    """`$?`, `$NAME`, `${NAME}` become deferred expansions; a lone `$` stays a `$`."""
    if i < len(line) and line[i] in "?$#0":
        word.append(_VAR_OPEN + line[i] + _VAR_CLOSE)
        return i + 1
    if line.startswith("{", i):
        end = line.find("}", i)
        if end < 0:
            raise ShellSyntaxError("${: bad substitution")
        word.append(_VAR_OPEN + line[i + 1:end] + _VAR_CLOSE)
        return end + 1
    m = _NAME_RE.match(line, i)
    if not m:
        word.append("$")
        return i
    word.append(_VAR_OPEN + m.group(0) + _VAR_CLOSE)
    return m.end()


@dataclass
class Shell:
    """One shell session: `$?` and variables survive between lines of an interactive shell."""

    runner: Runner
    status: int = 0
    variables: dict[str, str] = field(default_factory=dict)
    exited: bool = False   # `exit` ran: an interactive session ends

    def expand(self, word: str) -> str:
        def value(m: re.Match) -> str:
            name = m.group(1)
            if name == "?":
                return str(self.status)
            if name == "$":
                return "4242"
            if name == "#":
                return "0"
            if name == "0":
                return SH
            return self.variables.get(name, "")

        return _VAR_RE.sub(value, word)

    async def run_line(self, line: str, io: ShellIO) -> int:
        """Run a whole command line; returns the status of the last command run."""
        try:
            items = parse(line)
        except ShellSyntaxError as exc:
            await io.err(f"{SH}: {exc}\n".encode())
            self.status = 1
            return self.status
        try:
            for connector, pipeline in items:
                if (connector == "&&" and self.status != 0) or (connector == "||" and self.status == 0):
                    continue
                self.status = await self._run_pipeline(pipeline, io)
        except ShellExit as done:
            self.status = done.status
            self.exited = True
        return self.status

    async def _run_pipeline(self, pipeline: Pipeline, io: ShellIO) -> int:
        stdin = io.stdin
        status = 0
        for index, command in enumerate(pipeline.commands):
            last = index == len(pipeline.commands) - 1
            if last:
                status = await self._run_simple(command, ShellIO(io.out, io.err, stdin, index > 0))
            else:
                captured = bytearray()

                async def keep(data: bytes, captured: bytearray = captured) -> None:
                    captured += data

                await self._run_simple(command, ShellIO(keep, io.err, stdin, index > 0))
                stdin = bytes(captured)
        return status

    async def _run_simple(self, command: SimpleCommand, io: ShellIO) -> int:
        argv = [self.expand(w) for w in command.words]
        io = await self._redirected(command.redirects, io)
        if io is None:
            return 1
        if argv and "=" in argv[0] and _NAME_RE.fullmatch(argv[0].split("=", 1)[0]) and len(argv) == 1:
            name, value = argv[0].split("=", 1)
            self.variables[name] = value
            return 0
        if not argv:
            return 0
        if argv[0] == "exit" and len(argv) == 1:
            raise ShellExit(self.status)  # plain `exit` keeps the last status, as sh does
        builtin = _BUILTINS.get(argv[0])
        if builtin is not None:
            return await builtin(argv, io)
        return await self.runner(argv, command, io)

    async def _redirected(self, redirects: list[Redirect], io: ShellIO) -> ShellIO | None:
        async def discard(_data: bytes) -> None:
            return None

        out, err = io.out, io.err
        for redirect in redirects:
            target = self.expand(redirect.target)
            if redirect.fd == 0:
                if target != "/dev/null":
                    await io.err(f"{SH}: can't open {target}: No such file or directory\n".encode())
                    return None
                io = ShellIO(io.out, io.err, b"", io.piped)
                continue
            if target == "/dev/null":
                sink = discard
            elif target in ("&1", "&2"):
                sink = out if target == "&1" else err
            else:
                await io.err(f"{SH}: can't create {target}: Read-only file system\n".encode())
                return None
            if redirect.fd == 1:
                out = sink
            else:
                err = sink
        return ShellIO(out, err, io.stdin, io.piped)


async def _echo(argv: list[str], io: ShellIO) -> int:
    args = argv[1:]
    newline = True
    if args and args[0] == "-n":
        newline, args = False, args[1:]
    await io.out((" ".join(args) + ("\n" if newline else "")).encode("utf-8", "surrogateescape"))
    return 0


async def _true(_argv: list[str], _io: ShellIO) -> int:
    return 0


async def _false(_argv: list[str], _io: ShellIO) -> int:
    return 1


async def _exit(argv: list[str], io: ShellIO) -> int:
    if len(argv) > 1 and not argv[1].lstrip("-").isdigit():
        await io.err(f"{SH}: exit: {argv[1]}: bad number\n".encode())
        raise ShellExit(1)
    raise ShellExit(int(argv[1]) & 0xFF if len(argv) > 1 else 0)


_BUILTINS = {"echo": _echo, "true": _true, "false": _false, "exit": _exit, ":": _true}


def normalise(command_line: str) -> str:
    """Whitespace-normalised form used to match recorded commands."""
    return " ".join(command_line.split())
