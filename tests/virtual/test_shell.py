"""The virtual device's shell parses and runs lines the way Android's sh does for what camtool sends."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camtool.virtual.shell import Shell, ShellIO, ShellSyntaxError, normalise, parse


def run(line: str, known: dict[str, tuple[bytes, int]] | None = None, shell: Shell | None = None):
    """Run `line`; commands in `known` answer (stdout, status), others are 'not found' (127)."""
    calls: list[list[str]] = []
    out, err = bytearray(), bytearray()

    async def runner(argv, command, io):
        calls.append(argv)
        if argv[0] == "cat" and io.piped:
            await io.out(io.stdin)
            return 0
        if known and argv[0] in known:
            data, status = known[argv[0]]
            await io.out(data)
            return status
        await io.err(f"/system/bin/sh: {argv[0]}: not found\n".encode())
        return 127

    async def to_out(data):
        out.extend(data)

    async def to_err(data):
        err.extend(data)

    shell = shell or Shell(runner)
    shell.runner = runner
    status = asyncio.run(shell.run_line(line, ShellIO(to_out, to_err)))
    return status, bytes(out), bytes(err), calls


def test_adbutils_exit_code_suffix_reports_the_status_of_the_command_before_it():
    status, out, _, _ = run("dumpsys media.camera; echo X4EXIT:$?", {"dumpsys": (b"cams\n", 0)})
    assert out == b"cams\nX4EXIT:0\n" and status == 0
    _, out, err, _ = run("nosuch; echo X4EXIT:$?")
    assert out == b"X4EXIT:127\n" and b"nosuch: not found" in err


def test_quotes_and_backslashes_make_words_like_sh():
    _, out, _, _ = run(r"""echo 'a  b' "c \"d\" \$e" f\ g 'it'\''s' "$?" '$?'""")
    assert out == b"a  b c \"d\" $e f g it's 0 $?\n"


def test_exec_out_quoting_of_adbutils_reaches_the_command_unquoted():
    _, _, _, calls = run("getprop 'ro.product.model'", {"getprop": (b"x\n", 0)})
    assert calls == [["getprop", "ro.product.model"]]


def test_and_or_skip_commands_by_status():
    _, out, _, _ = run("false && echo no; true && echo yes; false || echo fallback; true || echo never")
    assert out == b"yes\nfallback\n"


def test_exit_sets_the_status_and_stops_the_line():
    status, out, _, _ = run("echo a; exit 3; echo b")
    assert (status, out) == (3, b"a\n")
    status, _, _, _ = run("false; exit")
    assert status == 1


def test_redirects_to_dev_null_silence_each_stream():
    _, out, err, _ = run("nosuch 2>/dev/null; echo ok >/dev/null; echo shown")
    assert (out, err) == (b"shown\n", b"")
    _, out, err, _ = run("nosuch 2>&1")
    assert b"not found" in out and err == b""


def test_writing_a_file_fails_like_a_read_only_system():
    status, _, err, _ = run("echo x > /system/x")
    assert status == 1 and b"can't create /system/x" in err


def test_a_pipe_feeds_the_next_command():
    _, out, _, calls = run("dumpsys media.camera | cat", {"dumpsys": (b"one\ntwo\n", 0)})
    assert out == b"one\ntwo\n" and calls[-1] == ["cat"]


def test_variables_and_comments():
    _, out, _, _ = run("A=1; echo $A ${A}x $UNSET. # not a command")
    assert out == b"1 1x .\n"


@pytest.mark.parametrize("line", ["echo 'open", 'echo "open', "&& echo x", "echo >"])
def test_syntax_errors_are_reported_on_stderr_with_status_1(line):
    status, out, err, _ = run(line)
    assert status == 1 and out == b"" and err.startswith(b"/system/bin/sh: ")


def test_parse_keeps_the_source_text_of_each_command_for_replay():
    items = parse("dumpsys   media.camera ; ls /sys/class/video4linux/  && true")
    texts = [cmd.text for _, pipe in items for cmd in pipe.commands]
    assert texts == ["dumpsys   media.camera", "ls /sys/class/video4linux/", "true"]
    assert normalise(texts[0]) == "dumpsys media.camera"


def test_unknown_syntax_error_class_is_a_value():
    with pytest.raises(ShellSyntaxError):
        parse("echo 'x")



@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab 12'\"\\$?;&|<>#{}=\n\t-") + ["echo ", "exit ", "2>", "$?"]), max_size=30)
       .map("".join))
def test_any_line_gives_a_status_never_an_exception(line):
    status, _, _, _ = run(line)
    assert 0 <= status <= 255


def test_a_quoted_digit_before_a_redirect_is_an_argument_not_a_descriptor():
    _, out, _, _ = run("echo ''2>/dev/null")
    assert out == b""  # stdout went to /dev/null; "2" was echo's argument
    _, out, _, _ = run("echo '2'>&2")
    assert out == b""
