"""Tokens of a Kotlin or Java snippet: just enough lexing to read `JSONObject.put` calls.

Strings are decoded by each language's own escape rules (Kotlin: `\\$` and `$name` templates;
Java: octal escapes and \\uXXXX). A string the reader cannot turn into a constant (a
template, an unknown escape) keeps `value=None` and a `problem` saying why, so the statement
using it is reported with its line rather than guessed at. Comments are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from camtool.config.text_positions import LineIndex
from camtool.i18n import N_

__all__ = ["Token", "LexProblem", "PUT", "STMT", "STMT_END", "tokenize", "put_call_tokens"]

KOTLIN, JAVA = "kotlin", "java"


class Token(NamedTuple):
    kind: str           # "ident" | "string" | "number" | "char" | "punct" | "put" | "stmt" | "stmt;" | "eof"
    text: str           # as written in the source
    line: int           # 1-based
    column: int         # 1-based
    value: Any = None   # decoded text of a string constant; a "put" token's literal value
    problem: str | None = None  # N_-marked reason a string is not a constant; a "put" token's key


#: A "put" token is a whole `.put("key", literal)` call on one line, the shape of nearly every
#: line of a generated snippet: one token instead of seven made 200,000 `put` lines read in a
#: fraction of the time (issue 14). Its line and column are its "."'s (where the seven tokens
#: start), `problem` holds the key and `value` the literal; `put_call_tokens` gives back the seven tokens when a put must be
#: read the long way (its receiver is not a JSONObject).
PUT = "put"
#: A "stmt" token is a receiver name and its put (`config.put("key", 1)`, "stmt;" when a ";"
#: ends it): `text` is the name, `value` the "put" token. It stands for the two or three tokens
#: a Java line is, so a 200,000-line Java snippet makes 200,000 tokens, not 600,000.
STMT, STMT_END = "stmt", "stmt;"
_NOT_RECEIVERS = frozenset(("new", "JSONObject", "JSONArray"))   # read by the reader's other rules


@dataclass(frozen=True)
class LexProblem:
    message_source: str
    line: int
    column: int


_WORD = re.compile(r"[\w$]+")               # identifier characters (Unicode letters too)
_TWO_CHAR_PUNCT = ("?.", "::", "->", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "!!", "?:")

#: The common tokens in one pattern, scanned by `re` (a per-character loop in Python took 18 s
#: for 200,000 `put` lines, issue 14). Each branch matches only where `_Lexer.slow_token` would
#: make the same token; anything else (a non-ASCII first character, a string with an escape or
#: a `$`, a number with a dot or an exponent sign, a comment holding "/*", a Kotlin raw string
#: or backtick name) is one `other` character, and `slow_token` reads that token as before.
#: A put line: an optional receiver name, the put, an optional ";" and the line break, in one
#: match (it gives the same tokens the branches below would, one match instead of four).
_PUT_CALL = r"""(?P<putline>(?P<recv>[A-Za-z_]\w*)?
      (?P<put>\.put\([^\S\n]*(?P<key>"[^"\\\n$]*")[^\S\n]*,[^\S\n]*
      (?:(?P<word>true|false)|(?P<digits>-?(?:0|[1-9][0-9]{0,8}))|(?P<text>"[^"\\\n$]*"))[^\S\n]*\))
      (?:[^\S\n]*(?P<semi>;))?(?P<eol>[^\S\n]*\n)?)"""
_TOKENS = r"""
    [^\S\n]*                                   # blanks before the token: no token of their own
  (?:
    (?P<newline>\n)
  | PUT_CALL                                   # .put("key", literal): one token
  | //[^\n]*                                   # a line comment, up to the line break
  | (?P<comment>/\*(?:[^*/]|\*(?!/)|/(?!\*))*\*/)   # a block comment with no /* inside (Kotlin nests those)
  | (?P<string>"(?!"")[^"\\\n$]*")           # a string without escapes or templates (not a raw string)
  | (?P<number>[0-9][0-9A-Za-z_]*(?![0-9A-Za-z_.+\-\x80-\U0010ffff]))   # no dot, exponent sign or non-ASCII
  | (?P<ident>[A-Za-z_$][\w$]*)
  | (?P<punct>\?\.|::|->|==|!=|<=|>=|&&|\|\||\+\+|--|\+=|-=|!!|\?:
             |\.(?![0-9\x80-\U0010ffff])|[!%&()*+,\-:;<=>?@\[\]^{|}~\#\\]|/(?![/*]))
  | (?P<other>.)
  | $                                          # blanks at the very end
  )
"""
_FAST = re.compile(_TOKENS.replace("PUT_CALL", _PUT_CALL), re.VERBOSE | re.DOTALL)
_FAST_NO_PUTS = re.compile(_TOKENS.replace("PUT_CALL", "(?P<putline>(?!))"), re.VERBOSE | re.DOTALL)  # a put's own tokens


class _Lexer:
    def __init__(self, text: str, language: str, whole_puts: bool = True) -> None:
        self.pattern = _FAST if whole_puts else _FAST_NO_PUTS
        self.text = text
        self.language = language
        self.pos = 0
        self.tokens: list[Token] = []
        self.problems: list[LexProblem] = []
        self._index: LineIndex | None = None   # built only when a slow token or a problem needs it

    def where(self, offset: int) -> tuple[int, int]:
        """(line, column) of an offset."""
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index.where(offset)

    def emit(self, kind: str, start: int, value: str | None = None, problem: str | None = None) -> None:
        line, column = self.where(start)
        self.tokens.append(Token(kind, self.text[start:self.pos], line, column, value, problem))

    def fail(self, message_source: str, pos: int) -> None:
        self.problems.append(LexProblem(message_source, *self.where(pos)))

    def run(self) -> None:
        text, tokens, new = self.text, self.tokens, tuple.__new__
        line, line_start = 1, 0        # of the position the scan is at
        scan = self.pattern.scanner(text)
        match = scan.match()
        while match is not None:
            kind = match.lastgroup
            if kind is None:                        # a line comment, or blanks at the end: no token
                if match.end() == len(text):
                    break
            elif kind == "newline":
                line, line_start = line + 1, match.end()
            elif kind == "putline":
                recv, call, key, word, digits, string, semi, eol = match.group(
                    "recv", "put", "key", "word", "digits", "text", "semi", "eol")
                if word:
                    value: Any = word == "true"
                elif digits:
                    value = int(digits)   # below 10**9: an Int in both languages
                else:
                    value = string[1:-1]
                put = new(Token, (PUT, call, line, match.start("put") - line_start + 1, value, key[1:-1]))
                if recv and recv not in _NOT_RECEIVERS:
                    tokens.append(new(Token, (STMT_END if semi else STMT, recv, line, match.start("recv") - line_start + 1,
                                              put, None)))
                else:
                    if recv:
                        tokens.append(new(Token, ("ident", recv, line, match.start("recv") - line_start + 1, None, None)))
                    tokens.append(put)
                    if semi:
                        tokens.append(new(Token, ("punct", ";", line, match.start("semi") - line_start + 1, None, None)))
                if eol:
                    line, line_start = line + 1, match.end()
            elif kind == "comment":
                start, end = match.span(kind)
                breaks = text.count("\n", start, end)
                if breaks:
                    line, line_start = line + breaks, text.rindex("\n", start, end) + 1
            elif kind == "other":
                start = match.start(kind)
                self.pos = start
                self.slow_token()
                breaks = text.count("\n", start, self.pos)
                if breaks:
                    line, line_start = line + breaks, text.rindex("\n", start, self.pos) + 1
                scan = self.pattern.scanner(text, self.pos)
            else:
                start = match.start(kind)
                word = match.group(kind)
                value = word[1:-1] if kind == "string" else None
                tokens.append(new(Token, (kind, word, line, start - line_start + 1, value, None)))
            match = scan.match()
        self.pos = len(text)
        tokens.append(Token("eof", "", line, self.pos - line_start + 1))   # where the scan ended: no line index needed

    def slow_token(self) -> None:
        """The token at self.pos read character by character (the cases `_FAST` leaves out).

        Never a line break, blanks or a // comment: `_FAST` matches those before its `other` branch."""
        text = self.text
        ch = text[self.pos]
        start = self.pos
        if text.startswith("/*", self.pos):
            self.block_comment()
        elif text.startswith('"""', self.pos):
            self.raw_string()
        elif ch == '"':
            self.string()
        elif ch == "'":
            self.char_literal()
        elif ch.isdigit() or (ch == "." and text[self.pos + 1:self.pos + 2].isdigit()):
            self.number()
        elif ch.isalpha() or ch in "_$":
            word = _WORD.match(text, self.pos)
            self.pos = word.end() if word else self.pos + 1
            self.emit("ident", start)
        elif ch == "`" and self.language == KOTLIN:
            end = text.find("`", self.pos + 1)
            self.pos = len(text) if end < 0 else end + 1
            line, column = self.where(start)
            self.tokens.append(Token("ident", text[start + 1:self.pos - 1], line, column))
        else:
            two = text[self.pos:self.pos + 2]
            self.pos += 2 if two in _TWO_CHAR_PUNCT else 1
            self.emit("punct", start)

    def block_comment(self) -> None:
        # Kotlin block comments nest; Java's end at the first */.
        start, depth = self.pos, 0
        while self.pos < len(self.text):
            if self.text.startswith("/*", self.pos):
                depth = depth + 1 if self.language == KOTLIN or depth == 0 else depth
                self.pos += 2
            elif self.text.startswith("*/", self.pos):
                depth -= 1
                self.pos += 2
                if depth == 0:
                    return
            else:
                self.pos += 1
        self.fail(N_("A /* comment is never closed."), start)

    def raw_string(self) -> None:
        start = self.pos
        end = self.text.find('"""', self.pos + 3)
        if end < 0:
            self.pos = len(self.text)
            self.fail(N_("A \"\"\" string is never closed."), start)
            self.emit("string", start, None, N_("the string is never closed"))
            return
        while self.text.startswith('"', end + 3):  # Kotlin: extra quotes before the closing """ belong to the string
            end += 1
        body = self.text[self.pos + 3:end]
        self.pos = end + 3
        if self.language == JAVA:
            self.emit("string", start, None, N_("Java text blocks are not read; use a plain \"...\" string"))
        elif _has_template(body):
            self.emit("string", start, None, N_("the string uses a $ template, so its value is only known when the app runs"))
        else:
            self.emit("string", start, body)

    def string(self) -> None:
        start = self.pos
        self.pos += 1
        out: list[str] = []
        problem: str | None = None
        text = self.text
        while True:
            if self.pos >= len(text) or text[self.pos] == "\n":
                self.fail(N_("A string is not closed on its line."), start)
                self.emit("string", start, None, N_("the string is never closed"))
                return
            ch = text[self.pos]
            if ch == '"':
                self.pos += 1
                break
            if ch == "\\":
                decoded = self.escape()
                if decoded is None:
                    problem = problem or N_("the string has an escape sequence the language does not allow")
                else:
                    out.append(decoded)
                continue
            if ch == "$" and self.language == KOTLIN and _starts_template(text, self.pos):
                problem = N_("the string uses a $ template, so its value is only known when the app runs")
            out.append(ch)
            self.pos += 1
        self.emit("string", start, None if problem else "".join(out), problem)

    def escape(self) -> str | None:
        """Decode one backslash escape at self.pos; None when the language does not allow it."""
        text, pos = self.text, self.pos
        nxt = text[pos + 1:pos + 2]
        simple = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "'": "'", '"': '"', "\\": "\\"}
        if self.language == KOTLIN:
            simple["$"] = "$"
        else:
            simple.update({"f": "\f", "s": " "})
        if nxt in simple:
            self.pos += 2
            return simple[nxt]
        if nxt == "u":
            end = pos + 2
            if self.language == JAVA:
                while text[end:end + 1] == "u":  # Java allows \uuuu0041
                    end += 1
            digits = text[end:end + 4]
            if len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
                self.pos = end + 4
                return chr(int(digits, 16))
        if self.language == JAVA and nxt in "01234567" and nxt:
            end = pos + 1
            limit = 3 if nxt in "0123" else 2
            while end < pos + 1 + limit and text[end:end + 1] in tuple("01234567"):
                end += 1
            self.pos = end
            return chr(int(text[pos + 1:end], 8))
        self.pos += 2 if nxt else 1
        return None

    def char_literal(self) -> None:
        start = self.pos
        self.pos += 1
        while self.pos < len(self.text) and self.text[self.pos] not in "'\n":
            self.pos += 2 if self.text[self.pos] == "\\" else 1
        self.pos = min(self.pos + 1, len(self.text))
        self.emit("char", start)

    def number(self) -> None:
        # The reader interprets the text; here only its extent matters (digits, '.', exponent, suffix).
        start, text = self.pos, self.text
        if text.startswith(("0x", "0X", "0b", "0B"), self.pos):
            self.pos += 2
        while self.pos < len(text):
            ch = text[self.pos]
            if ch.isalnum() or ch == "_":
                self.pos += 1
            elif ch == "." and "." not in text[start:self.pos] and (
                    text[self.pos + 1:self.pos + 2].isdigit()
                    or (self.language == JAVA and not text[start:start + 2].lower().startswith(("0x", "0b")))):
                self.pos += 1   # Java's 1. and 1.f are numbers; in Kotlin 1. is the Int 1 and a member access
            elif ch in "+-" and text[self.pos - 1] in "eE" and not text[start:start + 2].lower().startswith("0x"):
                self.pos += 1
            else:
                break
        self.emit("number", start)


def _starts_template(text: str, pos: int) -> bool:
    nxt = text[pos + 1:pos + 2]
    return nxt == "{" or nxt.isalpha() or nxt == "_"


def _has_template(body: str) -> bool:
    return any(ch == "$" and _starts_template(body, i) for i, ch in enumerate(body))


def put_call_tokens(put: Token, language: str) -> list[Token]:
    """The tokens a "put" token stands for (`.`, `put`, `(`, key, `,`, value, `)`), where they are in the source."""
    lexer = _Lexer(put.text, language, whole_puts=False)
    lexer.run()
    tokens = lexer.tokens
    shift = put.column - 1     # the column of the put's "." less one
    return [token._replace(line=put.line, column=token.column + shift) for token in tokens[:-1]]


def tokenize(text: str, language: str) -> tuple[list[Token], list[LexProblem]]:
    """Tokens of `text` (ending with an "eof" token; line breaks give none) and the problems met on the way."""
    if language not in (KOTLIN, JAVA):
        raise ValueError(f"unknown snippet language {language!r}")
    lexer = _Lexer(text, language)
    lexer.run()
    return lexer.tokens, lexer.problems
