"""Read a config from Kotlin or Java code that builds it with `JSONObject().put(...)`; write it back.

Integrators keep the config in their app as code, not as a file, e.g.
`val config = JSONObject().put("usbCameraVendorId", 3034)` or `config.put(...)` lines,
chained or not, on any receiver name, in `apply { put(...) }` blocks too. The reader follows
those calls the way JSONObject would (last put wins, `put(k, null)` removes the key,
`JSONObject.NULL` is a JSON null, an object put into another one is nested) and reports
every put it cannot read (a variable, a function call, a `$` template) with its line,
instead of guessing. Statements that do not touch a JSONObject are skipped.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Any

from camtool.config.findings import Finding
from camtool.config.jsonread import read_json_text
from camtool.config.rules_codes import RULES_BY_CODE, SNIPPET_CODES, LazyText, make_finding
from camtool.config.snippet_lexer import JAVA, KOTLIN, PUT, STMT, STMT_END, Token, put_call_tokens, tokenize
from camtool.config.snippet_values import Unreadable, read_number
from camtool.config.snippet_writer import java_string, kotlin_string, write_java, write_kotlin
from camtool.i18n import N_

__all__ = ["SNIPPET_CODES", "SNIPPET_LANGUAGES", "read_snippet", "read_snippet_with_positions", "write_kotlin", "write_java",
           "kotlin_string", "java_string"]

SNIPPET_LANGUAGES = (KOTLIN, JAVA)


_PUTS = {"put", "putOpt"}
_UNFOLLOWED = {"remove", "accumulate", "append", "putAll", "increment", "clear"}
_SCOPE_FUNCTIONS = {"apply", "run"}  # their block's `this` is the object
_CALLS = _PUTS | _UNFOLLOWED                 # made once: a union per token cost as much as the token
_CHAIN_NAMES = _CALLS | _SCOPE_FUNCTIONS
_JSON_TYPES = frozenset(("JSONObject", "JSONArray"))
_STATEMENTS = frozenset((STMT, STMT_END))   # `name.put("key", literal)`, read as its ident and put tokens


def _finding(code: str, token: Token | None, message: str, fix: str, keys: tuple[str, ...] = (), **values: Any) -> Finding:
    return make_finding(code, keys, message, fix, line=token.line if token else None,
                        column=token.column if token else None, **values)


class _Reader:
    """Walks the tokens once, applying each readable put to the object it targets."""

    def __init__(self, tokens: list[Token], language: str, source: str) -> None:
        self.tokens = tokens
        self.language = language
        self.source = source
        self.pos = 0
        self.findings: list[Finding] = []
        self.variables: dict[str, dict | list] = {}
        self.objects: list[dict | list] = []      # every object created, in order
        self.nested: set[int] = set()             # ids of objects put into another one
        self.filled: list[dict] = []              # objects that received a put, in order
        self._filled_ids: set[int] = set()
        self.receivers: list[dict | None] = []    # implicit `this` per open brace
        self.pending_receiver: dict | None = None
        self.key_positions: dict[str, tuple[int, int]] = {}  # key -> (line, column) of its last put

    # --- token helpers -------------------------------------------------------------------
    def peek(self, offset: int = 0) -> Token:
        try:
            return self.tokens[self.pos + offset]
        except IndexError:   # past the end: the eof token (no negative index reaches here)
            return self.tokens[-1]

    def is_punct(self, text: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token.kind == "punct" and token.text == text

    def is_ident(self, text: str | set[str], offset: int = 0) -> bool:
        token = self.peek(offset)
        return token.kind == "ident" and (token.text == text if isinstance(text, str) else token.text in text)

    def expect_punct(self, text: str) -> Token:
        token = self.peek()
        if not (token.kind == "punct" and token.text == text):
            raise Unreadable(N_("expected \"{expected}\" here"), token, expected=text)
        self.pos += 1
        return token

    # --- the walk ------------------------------------------------------------------------
    def run(self) -> None:
        # Dispatched on the token's kind first: a generated snippet is 200,000 statements, and
        # every test before the one that matches costs each of them (issue 14).
        while True:
            start = self.pos
            token = self.peek()
            kind = token.kind
            if kind == "eof":
                break
            if kind == "punct":             # between statements only braces matter
                if token.text == "{":
                    self.receivers.append(self.pending_receiver)
                    self.pending_receiver = None
                elif token.text == "}" and self.receivers:
                    self.receivers.pop()
                self.pos += 1
            elif kind == PUT:      # `.put("key", literal)` after something not followed: like put(...) below
                self.pos += 1
                self.put_call(self.current_receiver(), token)
            elif kind in _STATEMENTS:
                self.chain()
            elif kind != "ident":            # a string, number or character outside any put
                self.pos += 1
            elif token.text != "new" and self.peek(1).kind == PUT:
                self.chain()                 # `config.put("key", literal)`: the common statement
            elif self.is_punct("=", 1) and self.starts_chain(2):
                self.pos += 2
                self.bind(token.text, self.chain())
            elif self.is_punct("=", 1) and self.is_alias(2):
                self.variables[token.text] = self.variables[self.peek(2).text]   # `d = c;`: one object, two names
                self.pos += 3
            elif self.is_punct(":", 1) and self.declaration_with_type():
                pass
            elif self.starts_chain(0):
                self.chain()
            elif token.text == "with" and self.is_punct("(", 1) and self.is_punct(")", 3) and self.is_punct("{", 4):
                self.pending_receiver = self.variables.get(self.peek(2).text)  # Kotlin with(config) { put(...) }
                self.pos += 4
            elif token.text in _CALLS and self.is_punct("(", 1):
                self.receiver_call(self.current_receiver())
            else:
                self.pos += 1
            if self.pos == start:  # a parse that consumed nothing must still move on
                self.pos += 1

    def declaration_with_type(self) -> bool:
        """Kotlin `val config: JSONObject = JSONObject()`: skip the type, then bind like `=`."""
        name = self.peek()
        offset = 2
        while self.peek(offset).kind == "ident" or self.is_punct(".", offset) or self.is_punct("?", offset):
            offset += 1
        if self.is_punct("=", offset) and self.starts_chain(offset + 1):
            self.pos += offset + 1
            self.bind(name.text, self.chain())
            return True
        return False

    def starts_chain(self, offset: int) -> bool:
        """A new JSONObject/JSONArray, or a name/`this` followed by `.put(` and friends."""
        if self.is_ident("new", offset):
            offset += 1
        if self.is_ident(_JSON_TYPES, offset) and self.is_punct("(", offset + 1):
            return True
        kind = self.peek(offset).kind
        if kind in _STATEMENTS:
            return True
        if kind != "ident":
            return False
        return (self.peek(offset + 1).kind == PUT
                or ((self.is_punct(".", offset + 1) or self.is_punct("?.", offset + 1)) and self.is_ident(_CHAIN_NAMES, offset + 2)))

    def is_alias(self, offset: int) -> bool:
        """A known object's name standing alone at `offset` (`JSONObject d = c;`, or Kotlin's
        `val d = c` ending its line), not the start of an expression like `c.optJSONObject(...)`."""
        name, after = self.peek(offset), self.peek(offset + 1)
        return (name.kind == "ident" and name.text in self.variables
                and ((after.kind == "punct" and after.text == ";") or after.line > name.line or after.kind == "eof"))

    def bind(self, name: str, target: dict | list | None) -> None:
        if target is not None:
            self.variables[name] = target

    def current_receiver(self) -> dict:
        for receiver in reversed(self.receivers):
            if receiver is not None:
                return receiver
        return self.variables.setdefault("this", self.new_object({}))

    def new_object(self, value: dict | list) -> dict | list:
        self.objects.append(value)
        return value

    def chain(self) -> dict | list | None:
        """A receiver and its `.put(...)` calls; returns the object (None when not a JSON object)."""
        statement = self.peek()
        if statement.kind == "ident" and statement.text == "new" and self.peek(1).kind in _STATEMENTS:
            self.pos += 1                  # `new config.put(...)`: chain_base skips the new too
            statement = self.peek()
        if statement.kind in _STATEMENTS:  # the ident and put tokens it stands for, then its ";"
            self.pos += 1
            base = self.named_receiver(statement.text)
            self.put_call(base, statement.value)
            if statement.kind == STMT_END:
                return base
        else:
            base = self.chain_base()
        while True:
            token = self.peek()
            if token.kind == PUT:
                self.pos += 1
                self.put_call(base, token)
                continue
            if token.kind != "punct" or token.text not in (".", "?."):
                break
            name = self.peek(1)
            if name.kind != "ident":
                break
            if name.text in _SCOPE_FUNCTIONS and isinstance(base, dict) and self.is_punct("{", 2):
                self.pos += 2
                self.pending_receiver = base  # `JSONObject().apply { put(...) }`
                break
            if name.text not in _CALLS or not self.is_punct("(", 2):
                break
            self.pos += 1
            self.receiver_call(base)
        return base

    def chain_base(self) -> dict | list | None:
        if self.is_ident("new"):
            self.pos += 1
        token = self.peek()
        self.pos += 1
        if token.text in ("JSONObject", "JSONArray") and self.is_punct("("):
            self.pos += 1
            if self.peek().kind == "string" and self.is_punct(")", 1):  # JSONObject("{...}"): JSON in code
                return self.json_text_base(token)
            if not self.is_punct(")"):  # JSONObject(map), JSONObject(variable): built at run time
                self.pos -= 1               # from its "(": JSONObject(f(x)) ends at the second ")"
                self.skip_call_arguments()
                self.findings.append(_finding(
                    "CAM807", token, N_("Line {line}: {name}(...) with arguments builds its content at run time; camtool cannot read it."),
                    N_("Build the object with put(\"key\", value) calls, or import the JSON text itself."), name=token.text))
                return None
            self.pos += 1
            created = self.new_object({} if token.text == "JSONObject" else [])
            if self.is_punct("{") and self.language == JAVA:  # double-brace initialisation
                self.pending_receiver = created if isinstance(created, dict) else None
            return created
        return self.named_receiver(token.text)

    def named_receiver(self, name: str) -> dict | list:
        """The object a name stands for: `this`, a variable, or (a fragment of `config.put(...)`
        lines without their declaration) a new object the name now stands for."""
        if name == "this":
            return self.current_receiver()
        if name not in self.variables:
            self.variables[name] = self.new_object({})
        return self.variables[name]

    def json_text_base(self, token: Token) -> dict | list | None:
        """`JSONObject("{\"cameraId\": 0}")` / `JSONArray("[...]")`: the constant is parsed as JSON."""
        text_token = self.peek()
        self.pos += 2
        expected = dict if token.text == "JSONObject" else list
        parsed = read_json_text(text_token.value, self.source) if text_token.value is not None else None
        if parsed is None or not isinstance(parsed.data, expected) or any(f.is_error and f.code != "CAM004" for f in parsed.findings):
            self.findings.append(_finding(
                "CAM801", text_token, N_("Line {line}: the text given to {name}(...) is not JSON of that kind that camtool can read."),
                N_("Check the JSON inside the string (camtool validate reads it from a .json file), or use put(\"key\", value) calls."),
                name=token.text))
            return None
        for key in parsed.data if isinstance(parsed.data, dict) else ():
            self.key_positions[key] = (text_token.line, text_token.column)
        created = self.new_object(parsed.data)
        if isinstance(created, dict) and created:
            self._filled_ids.add(id(created))
            self.filled.append(created)
        return created

    def receiver_call(self, receiver: dict | list | None) -> None:
        """`put(...)` or another call at self.pos, applied to `receiver`."""
        name = self.peek()
        self.pos += 1
        open_paren = self.pos
        if name.text in _UNFOLLOWED:
            self.skip_call_arguments()
            self.findings.append(_finding(
                "CAM807", name, N_("Line {line}: {name}(...) changes the JSON in a way camtool does not follow."),
                N_("Use only put(\"key\", value) calls, or import the JSON text itself."), name=name.text))
            return
        try:
            self.expect_punct("(")
            if isinstance(receiver, list):
                self.array_put(receiver)
            elif isinstance(receiver, dict):
                self.object_put(receiver, name)
            else:
                raise Unreadable(N_("it is not called on a JSONObject camtool can follow"), name)
            self.expect_punct(")")
        except Unreadable as problem:
            self.pos = open_paren
            self.skip_call_arguments()
            self.findings.append(_finding(
                "CAM801", problem.token,
                N_("Line {line}: this put(...) call cannot be read: {reason}."),
                N_("Write the value as a literal (a number, true or false, a \"string\", JSONObject.NULL), or import the JSON text itself."),
                reason=problem.reason()))

    def put_call(self, receiver: dict | list | None, put: Token) -> None:
        """A "put" token (a whole `.put("key", literal)`) applied to `receiver`."""
        if isinstance(receiver, dict):
            self.store(receiver, put.problem, put.value, put.line, put.column + put.text.index('"'))
            return
        # Not a JSONObject: read its tokens the long way, for the same findings at the same columns.
        tokens = put_call_tokens(put, self.language)
        reader = _Reader(tokens + [Token("eof", "", put.line, tokens[-1].column + 1)], self.language, self.source)
        reader.pos = 1   # at `put`, past the "."
        reader.receiver_call(receiver)
        self.findings += reader.findings

    def object_put(self, receiver: dict, name: Token) -> None:
        key_token = self.peek()
        if key_token.kind != "string":
            raise Unreadable(N_("the key is not a \"string\" constant"), key_token)
        if key_token.value is None:   # the lexer says why: a template, an escape, never closed
            raise Unreadable(key_token.problem, key_token)
        self.pos += 1
        self.expect_punct(",")
        value_token = self.peek()
        value = self.value()
        self.expect_value_end(value_token)
        key = key_token.value
        if value is _ABSENT:
            if name.text == "put":
                self.findings.append(_finding(
                    "CAM804", value_token, N_("Line {line}: put(\"{key}\", null) removes {key} instead of setting it to JSON null."),
                    N_("Use JSONObject.NULL for a JSON null, or delete the line if removing the key is meant."), (key,), key=key))
                receiver.pop(key, None)
            return
        self.store(receiver, key, value, key_token.line, key_token.column)

    def store(self, receiver: dict, key: str, value: Any, line: int, column: int) -> None:
        """receiver[key] = value, as JSONObject.put does it, noting where the key was put."""
        if key in receiver:
            self.findings.append(make_finding(
                "CAM803", (key,), N_("Line {line}: {key} is put a second time; only this last value counts."),
                N_("Delete the earlier put of {key}, keeping the value you mean."), line=line, column=column, key=key))
        receiver[key] = value  # like JSONObject's LinkedHashMap: a repeated key keeps its first position
        self.key_positions[key] = (line, column)
        if len(receiver) == 1 and id(receiver) not in self._filled_ids:   # its first key (or first again after a null)
            self._filled_ids.add(id(receiver))
            self.filled.append(receiver)

    def expect_value_end(self, value_token: Token) -> None:
        """The put's `)` must follow the value: `1 + 2` or `1.coerceAtLeast(0)` start with a literal
        but are worked out when the app runs; nothing is stored for them (storing the 1 was a guess)."""
        if self.is_punct(","):     # put(key, value, more): no such put on this receiver
            raise Unreadable(N_("expected \"{expected}\" here"), self.peek(), expected=")")
        if not self.is_punct(")"):
            raise Unreadable(N_("the value is computed when the app runs, not a literal"), value_token)

    def array_put(self, receiver: list) -> None:
        value_token = self.peek()
        value = self.value()
        self.expect_value_end(value_token)
        if value is _ABSENT:
            value = None  # JSONArray.put(null) appends a JSON null
        receiver.append(value)

    def value(self) -> Any:
        token = self.peek()
        if token.kind == "string":
            if token.value is None:   # the lexer says why
                raise Unreadable(token.problem, token)
            self.pos += 1
            return token.value
        if token.kind == "punct" and token.text in "-+" and self.peek(1).kind == "number":
            self.pos += 2
            number = read_number(self.peek(-1), self.language, negated=token.text == "-")
            return -number if token.text == "-" else number
        if token.kind == "number":
            self.pos += 1
            return read_number(token, self.language)
        if token.kind == "ident" and token.text in ("true", "false"):
            self.pos += 1
            return token.text == "true"
        if token.kind == "ident" and token.text == "null":
            self.pos += 1
            return _ABSENT
        if self.is_ident("JSONObject") and self.is_punct(".", 1) and self.is_ident("NULL", 2):
            self.pos += 3
            return None
        if self.is_ident({"new", "JSONObject", "JSONArray"}) and self.starts_chain(0):
            nested = self.chain()
            if nested is None:
                raise Unreadable(N_("the nested object is built at run time"), token)
            self.nested.add(id(nested))
            return nested
        if token.kind == "ident" and token.text in self.variables and self.peek(1).text in (")", ","):
            self.pos += 1
            nested = self.variables[token.text]
            self.nested.add(id(nested))
            return nested
        if token.kind == "char":
            raise Unreadable(N_("a character literal is not a JSON value"), token)
        raise Unreadable(N_("the value is computed when the app runs, not a literal"), token)

    def skip_call_arguments(self) -> None:
        """From an opening parenthesis at self.pos, move past its matching closing one."""
        depth = 0
        while self.peek().kind != "eof":
            token = self.peek()
            self.pos += 1
            if token.kind == "punct" and token.text in "([{":
                depth += 1
            elif token.kind == "punct" and token.text in ")]}":
                depth -= 1
                if depth <= 0:
                    return

    def result(self) -> dict | None:
        roots = [obj for obj in self.filled if id(obj) not in self.nested]
        if not roots:
            roots = [obj for obj in self.objects if isinstance(obj, dict) and id(obj) not in self.nested][:1]
        if not roots:
            if not any(f.code in ("CAM801", "CAM807") for f in self.findings):
                self.findings.append(_finding(
                    "CAM802", None, N_("{source} has no JSONObject put(\"key\", value) call, so there is no config to read."),
                    N_("Choose the code that builds the initGlobalConfig JSON, or import the JSON itself."), source=self.source))
            return None
        if len(roots) > 1:
            self.findings.append(_finding(
                "CAM806", None, N_("{source} puts keys into {count} different JSONObjects; camtool merged them into one config."),
                N_("Check that all these keys belong to the initGlobalConfig JSON."), source=self.source, count=len(roots)))
        merged: dict[str, Any] = {}
        for root in roots:
            merged.update(root)
        return merged


_ABSENT = object()  # `null` in put(key, null): JSONObject removes the key


@contextmanager
def _no_cycle_collection():
    """No cyclic garbage collection while a snippet is read.

    Its tokens and values hold no reference cycles, but the collector ran over the growing
    list of tokens again and again: half the time of a 200,000-line snippet (issue 14)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_snippet(text: str, language: str, source: str = "<snippet>") -> tuple[dict | None, list[Finding]]:
    """The config a Kotlin or Java snippet builds, and a finding for everything it could not read.

    Returns (None, findings) when no config can be read at all. Never raises for user text.
    """
    data, findings, _ = read_snippet_with_positions(text, language, source)
    return data, findings


def read_snippet_with_positions(text: str, language: str, source: str = "<snippet>"
                                ) -> tuple[dict | None, list[Finding], dict[str, tuple[int, int]]]:
    """read_snippet, plus the (line, column) of each key's last put, so rule findings can point at it."""
    if language not in SNIPPET_LANGUAGES:
        raise ValueError(f"unknown snippet language {language!r}")
    with _no_cycle_collection():
        tokens, problems = tokenize(text, language)
        reader = _Reader(tokens, language, source)
        return _read(reader, problems, source)


def _read(reader: _Reader, problems, source: str) -> tuple[dict | None, list[Finding], dict[str, tuple[int, int]]]:
    """The lexer's problems as findings, then the walk over the tokens."""
    for problem in problems:
        reader.findings.append(Finding(
            code="CAM805", severity=RULES_BY_CODE["CAM805"].severity, keys=(),
            message_source=N_("Line {line}, column {column}: {problem}"),
            fix_source=N_("Copy the whole statement that builds the JSON, up to its end."),
            values={"line": problem.line, "column": problem.column, "problem": LazyText(problem.message_source)},
            line=problem.line, column=problem.column))
    try:
        reader.run()
    except RecursionError:  # objects nested hundreds deep: not a config, and not worth a crash
        return None, [_finding("CAM805", None, N_("{source} nests JSONObjects too deeply to be a camera config."),
                               N_("Check that you chose the code that builds the initGlobalConfig JSON."),
                               source=source)], {}
    data = reader.result()
    findings = sorted(reader.findings, key=lambda f: (f.severity.rank, f.line or 0))
    return data, findings, reader.key_positions
