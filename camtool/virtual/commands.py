"""The commands a virtual device answers from its state: getprop, dumpsys, cat/ls of sysfs, am, pm, wm.

`answer(state, argv, role)` takes the argv the shell tokenised (nothing here ever reaches a host
shell) and returns a `CommandResult`, or None for a command this module does not handle (the
shell then answers it or says `/system/bin/sh: X: not found`). Role "device" answers from the
scenario's device; role "wechat" from its `wechat_phone`, which has two phone cameras, no USB
devices, no WMPF and no apply receiver.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from dataclasses import dataclass, field

from camtool.config.apply_contract import (APPLIED_DATA, APPLY_ACTION, CONFIG_EXTRA, RESULT_APPLIED,
                                           RESULT_NO_RECEIVER, RESULT_REFUSED, WMPF_MISSING_DATA,
                                           ConfigDecodeError, decode_config)
from camtool.i18n import N_
from camtool.virtual import outputs_system as system
from camtool.virtual.device_state import DeviceSnapshot, VirtualDeviceState
from camtool.virtual.outputs_camera import dumpsys_media_camera
from camtool.virtual.outputs_sysfs import VirtualTree, sysfs_tree
from camtool.virtual.outputs_usb import dumpsys_usb
from camtool.virtual.scenario import BuiltinCamera, DeviceInfo, Scenario

ROLES = ("device", "wechat")
RECEIVER_VERSION = "1.0.0"
WECHAT_VERSION = "8.0.50"
_ROOT_ENTRIES = ("acct", "apex", "cache", "config", "d", "data", "dev", "etc", "mnt", "odm", "proc",
                 "product", "sdcard", "storage", "sys", "system", "vendor")


@dataclass(frozen=True)
class CommandResult:
    stdout: bytes
    stderr: bytes = b""
    exit_code: int = 0


def _ok(text: str) -> CommandResult:
    return CommandResult(text.encode("utf-8"))


_phones: weakref.WeakKeyDictionary[VirtualDeviceState, VirtualDeviceState] = weakref.WeakKeyDictionary()


def _phone_state(state: VirtualDeviceState) -> VirtualDeviceState:
    """The WeChat phone as a device of its own (built once per virtual device)."""
    if state not in _phones:
        phone = state.scenario.wechat_phone
        scenario = Scenario(
            name="wechat-phone", description=N_("The phone that receives the call in WeChat"),
            device=DeviceInfo(model=phone.model, product=phone.product, device=phone.device,
                              manufacturer=phone.manufacturer, android=phone.android, sdk=phone.sdk,
                              screen=phone.screen, hardware="phone"),
            builtin_cameras=[BuiltinCamera(id="0", facing="back", sensor_orientation=90),
                             BuiltinCamera(id="1", facing="front", sensor_orientation=270)])
        _phones[state] = VirtualDeviceState(scenario)
    return _phones[state]


def _snapshot(state: VirtualDeviceState, role: str) -> DeviceSnapshot:
    return (_phone_state(state) if role == "wechat" else state).snapshot()


def system_facts(snap: DeviceSnapshot, role: str) -> system.SystemFacts:
    d = snap.scenario.device
    packages: dict[str, str] = {}
    if role == "wechat":
        packages[system.WECHAT_PACKAGE] = WECHAT_VERSION
    else:
        if snap.wmpf_installed and snap.wmpf_version:
            packages[system.WMPF_PACKAGE] = snap.wmpf_version
        if d.receiver_package:
            packages[d.receiver_package] = RECEIVER_VERSION
    serial = d.serialno or hashlib.sha1(f"{snap.scenario.name}/{role}".encode()).hexdigest()[:12].upper()
    return system.SystemFacts(model=d.model, product=d.product, device=d.device, manufacturer=d.manufacturer,
                              brand=d.brand or d.manufacturer.lower(), hardware=d.hardware,
                              platform=d.platform or d.hardware, android=d.android,
                              sdk=d.sdk, serialno=serial, screen=(d.screen.width, d.screen.height),
                              packages=packages)


def filesystem(state: VirtualDeviceState, role: str = "device") -> VirtualTree:
    """The virtual files of that end (sysfs), e.g. for the shell's own glob expansion."""
    return sysfs_tree(_snapshot(state, role))


def answer(state: VirtualDeviceState, argv: list[str], role: str = "device", *,
           stdin: bytes = b"") -> CommandResult | None:
    """Answer one command; `stdin` is what a pipe feeds it (only grep reads it)."""
    if not argv:
        return None
    program, args = argv[0].rsplit("/", 1)[-1], list(argv[1:])
    if program == "grep":
        return _grep(state, args, role, stdin)
    handler = _HANDLERS.get(program)
    if handler is None:
        return None
    return handler(state, args, role)


def _getprop(state: VirtualDeviceState, args: list[str], role: str) -> CommandResult:
    facts = system_facts(_snapshot(state, role), role)
    if not args:
        return _ok(system.getprop_all(facts))
    return _ok(system.getprop_one(facts, args[0], args[1] if len(args) > 1 else ""))


def _dumpsys(state: VirtualDeviceState, args: list[str], role: str) -> CommandResult:
    snap = _snapshot(state, role)
    service = args[0] if args else ""
    if service == "media.camera":
        return _ok(dumpsys_media_camera(snap))
    if service == "usb":
        return _ok(dumpsys_usb(snap))
    if service == "package":
        package = next((a for a in args[1:] if not a.startswith("-")), system.WMPF_PACKAGE)
        return _ok(system.dumpsys_package(system_facts(snap, role), package))
    if not service:
        return _ok("Currently running services:\n  media.camera\n  package\n  usb\n")
    return CommandResult(b"", f"Can't find service: {service}\n".encode("utf-8"), 0)


def _cat(state: VirtualDeviceState, args: list[str], role: str) -> CommandResult:
    tree = filesystem(state, role)
    out, err = bytearray(), []
    for pattern in args:
        for path in tree.glob(pattern):
            data = tree.read(path)
            if data is not None:
                out += data
            else:
                reason = "Is a directory" if tree.is_dir(path) else "No such file or directory"
                err.append(f"cat: {path}: {reason}\n")
    return CommandResult(bytes(out), "".join(err).encode("utf-8"), 1 if err else 0)


def _ls(state: VirtualDeviceState, args: list[str], role: str) -> CommandResult:
    tree = filesystem(state, role)
    targets: list[str] = []
    for pattern in [a for a in args if not a.startswith("-")] or ["/"]:
        targets += tree.glob(pattern)
    blocks: list[tuple[str | None, list[str]]] = []
    err = []
    for path in targets:
        entries = tree.list(path)
        if entries is None:
            if tree.exists(path):
                blocks.append((None, [path]))
            else:
                err.append(f"ls: {path}: No such file or directory\n")
            continue
        if tree.resolve(path) == "/":
            entries = sorted(set(entries) | set(_ROOT_ENTRIES))
        blocks.append((path, entries))
    lines: list[str] = []
    for n, (header, entries) in enumerate(blocks):
        if len(blocks) > 1 and header is not None:
            lines += ([""] if n else []) + [f"{header}:"]
        lines += entries
    text = "".join(line + "\n" for line in lines)
    return CommandResult(text.encode("utf-8"), "".join(err).encode("utf-8"), 1 if err else 0)


def _grep(state: VirtualDeviceState, args: list[str], role: str, stdin: bytes) -> CommandResult | None:
    """toybox grep for what camtool and technicians type: [-HhivsFE] [-e PATTERN] PATTERN [FILE...]."""
    flags, patterns, operands = set(), [], []
    words = iter(args)
    for word in words:
        if word == "-e":
            patterns.append(next(words, ""))
        elif word.startswith("-") and len(word) > 1 and not operands and set(word[1:]) <= set("HhivsFEqc"):
            flags |= set(word[1:])
        else:
            operands.append(word)
    if not patterns:
        if not operands:
            return CommandResult(b"", b"grep: no pattern\n", 2)
        patterns.append(operands.pop(0))
    try:
        texts = [re.escape(p) if "F" in flags else p for p in patterns]
        matcher = re.compile("|".join(f"(?:{t})" for t in texts), re.IGNORECASE if "i" in flags else 0)
    except re.error as exc:
        return CommandResult(b"", f"grep: bad regex: {exc}\n".encode("utf-8"), 2)
    tree = filesystem(state, role)
    sources: list[tuple[str, bytes | None]] = []
    for pattern in operands:
        sources += [(path, tree.read(path)) for path in tree.glob(pattern)]
    if not operands:
        sources.append(("(standard input)", stdin))
    show_name = "H" in flags or (len(sources) > 1 and "h" not in flags)
    out, err, matched = [], [], False
    for path, data in sources:
        if data is None:
            if "s" not in flags:
                reason = "Is a directory" if tree.is_dir(path) else "No such file or directory"
                err.append(f"grep: {path}: {reason}\n")
            continue
        for line in data.decode("utf-8", "replace").splitlines():
            if bool(matcher.search(line)) != ("v" in flags):
                matched = True
                out.append(f"{path}:{line}\n" if show_name else f"{line}\n")
    code = 2 if err else (0 if matched else 1)
    stdout = "" if "q" in flags else "".join(out)
    return CommandResult(stdout.encode("utf-8"), "".join(err).encode("utf-8"), code)


def _pm(state: VirtualDeviceState, args: list[str], role: str) -> CommandResult | None:
    facts = system_facts(_snapshot(state, role), role)
    if args[:2] == ["list", "packages"]:
        needle = next((a for a in args[2:] if not a.startswith("-")), None)
        return _ok(system.pm_list_packages(facts, needle))
    if args[:1] == ["path"] and len(args) > 1:
        found = system.pm_path(facts, args[1])
        return _ok(found) if found else CommandResult(b"", b"", 1)
    return None


def _wm(state: VirtualDeviceState, args: list[str], role: str) -> CommandResult | None:
    if args[:1] == ["size"]:
        return _ok(system.wm_size(system_facts(_snapshot(state, role), role)))
    return None


def _am(state: VirtualDeviceState, args: list[str], role: str) -> CommandResult | None:
    if args[:1] == ["force-stop"]:
        return CommandResult(b"")
    if args[:1] != ["broadcast"]:
        return None
    parsed = parse_broadcast(args[1:])
    if parsed.error:
        return CommandResult(b"", (f"Exception occurred while executing 'broadcast':\n"
                                   f"java.lang.IllegalArgumentException: {parsed.error}\n").encode("utf-8"), 255)
    sdk = _snapshot(state, role).scenario.device.sdk
    intent = parsed.intent_text(sdk)
    code, data = _deliver(state, parsed, role)
    tail = f"Broadcast completed: result={code}" + (f", data=\"{data}\"" if data is not None else "")
    return _ok(f"Broadcasting: {intent}\n{tail}\n")


def _deliver(state: VirtualDeviceState, parsed: Broadcast, role: str) -> tuple[int, str | None]:
    """What camtool's receiver in the integrator's app answers (docs/architecture.md, Apply to device)."""
    snap = _snapshot(state, role)
    receiver = snap.scenario.device.receiver_package if role == "device" else None
    # Android 8+ delivers no implicit broadcast to a manifest receiver: -p (or -n) is required.
    if parsed.action != APPLY_ACTION or receiver is None or parsed.package != receiver:
        return RESULT_NO_RECEIVER, None
    if not snap.wmpf_installed:
        return RESULT_REFUSED, WMPF_MISSING_DATA
    value = parsed.extras.get(CONFIG_EXTRA)
    if not isinstance(value, str):
        return RESULT_REFUSED, f"Missing string extra {CONFIG_EXTRA}"
    try:
        config = decode_config(value)
    except ConfigDecodeError as exc:
        return RESULT_REFUSED, str(exc)
    state.apply_config(config)
    return RESULT_APPLIED, APPLIED_DATA


@dataclass
class Broadcast:
    """The intent an `am broadcast` command line describes."""
    action: str | None = None
    package: str | None = None
    component: str | None = None
    categories: list[str] = field(default_factory=list)
    data: str | None = None
    flags: int = 0
    extras: dict[str, object] = field(default_factory=dict)
    error: str | None = None

    def intent_text(self, sdk: int) -> str:
        """Intent.toShortString() as am prints it after "Broadcasting: "."""
        parts = []
        if self.action:
            parts.append(f"act={self.action}")
        if self.categories:
            parts.append("cat=[" + ",".join(self.categories) + "]")
        if self.data:
            parts.append(f"dat={self.data}")
        # From Android 8, am adds FLAG_RECEIVER_INCLUDE_BACKGROUND to every broadcast.
        flags = self.flags | (0x400000 if sdk >= 26 else 0)
        if flags:
            parts.append(f"flg=0x{flags:x}")
        if self.package:
            parts.append(f"pkg={self.package}")
        if self.component:
            parts.append(f"cmp={self.component}")
        if self.extras:
            parts.append("(has extras)")
        return "Intent { " + " ".join(parts) + " }"


# am's extra options: option -> (number of words after it, converter of the value)
_EXTRA_OPTIONS = {"--es": str, "--ei": int, "--el": int, "--ef": float, "--eu": str, "--ecn": str}
_IGNORED_WITH_VALUE = {"--user", "--receiver-permission", "-t"}
_IGNORED_FLAGS = {"--include-stopped-packages", "--exclude-stopped-packages", "--receiver-foreground",
                  "--allow-background-activity-starts", "--async", "-W"}


def parse_broadcast(words: list[str]) -> Broadcast:
    """Parse am's broadcast options the way am does; an unknown option is am's IllegalArgumentException."""
    b = Broadcast()
    i = 0

    def value(count: int) -> list[str] | None:
        nonlocal i
        taken = words[i + 1:i + 1 + count]
        i += count
        return taken if len(taken) == count else None

    while i < len(words):
        word = words[i]
        if word in ("-a", "-p", "-n", "-c", "-d", "-f"):
            got = value(1)
            if got is None:
                b.error = f"Argument expected after \"{word}\""
                return b
            if word == "-a":
                b.action = got[0]
            elif word == "-p":
                b.package = got[0]
            elif word == "-n":
                b.component = got[0]
                b.package = b.package or got[0].split("/", 1)[0]
            elif word == "-c":
                b.categories.append(got[0])
            elif word == "-d":
                b.data = got[0]
            else:
                try:
                    b.flags |= int(got[0], 0)
                except ValueError:
                    b.error = f"Bad flags: {got[0]}"
                    return b
        elif word in _EXTRA_OPTIONS or word == "--ez":
            got = value(2)
            if got is None:
                b.error = f"Argument expected after \"{word}\""
                return b
            key, raw = got
            try:
                b.extras[key] = (raw.lower() in ("true", "t", "1")) if word == "--ez" else _EXTRA_OPTIONS[word](raw)
            except ValueError:
                b.error = f"Bad value for {word}: {raw}"
                return b
        elif word in _IGNORED_WITH_VALUE:
            if value(1) is None:
                b.error = f"Argument expected after \"{word}\""
                return b
        elif word not in _IGNORED_FLAGS:
            b.error = f"Unknown option: {word}"
            return b
        i += 1
    return b


_HANDLERS = {"getprop": _getprop, "dumpsys": _dumpsys, "cat": _cat, "ls": _ls,
             "pm": _pm, "wm": _wm, "am": _am}
