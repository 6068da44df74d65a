"""Scenarios: what a virtual device is (model, Android, WMPF, cameras, USB devices, the WeChat phone).

A scenario is a TOML (or JSON) file checked by the pydantic model below. Shipped ones live in
`resources/scenarios/<name>.toml`. TOML has no null, so "not installed" / "no serial" / "not
behind the external HAL" are written by leaving the key out. Every problem becomes a
`ScenarioError` that names the file and the field, never a traceback.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from camtool.i18n import N_, join_list, join_sentences, tr
from camtool.resources import resource

DEFAULT_SCENARIO = "tablet-a12"

Rotation = Literal[0, 90, 180, 270]
_ID_PATTERN = r"^[A-Za-z0-9_./-]{1,64}$"      # camera ids as Android prints them, "/dev/video0" included
_NAME_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"

# Android release -> the SDK levels it can report (12L kept "12" as its release string).
_SDK_OF_RELEASE: dict[str, set[int]] = {
    "4.4": {19, 20}, "5.0": {21}, "5.1": {22}, "6.0": {23}, "7.0": {24}, "7.1": {25},
    "8.0": {26}, "8.1": {27}, "9": {28}, "10": {29}, "11": {30}, "12": {31, 32},
    "13": {33}, "14": {34}, "15": {35}, "16": {36},
}
#: The external camera HAL (USB cameras listed as built-in, facing EXTERNAL) exists from Android 9.
EXTERNAL_HAL_MIN_SDK = 28


class ScenarioError(Exception):
    """A scenario that cannot be used; the text names the file and the field and says what to do."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Mounting(_Strict):
    """How the physical camera sits: the clockwise turn of its picture relative to upright, and mirroring.

    Also the shape of `preview_turn` / `push_turn`: what one path does to the camera's picture.
    """
    rotation: Rotation = 0
    mirrored: bool = False


#: What a camera's preview path or push path does to its picture before any InitGlobalConfig key
#: (docs/domain.md, "Two ends, two bases"): e.g. the preview applies the sensor-orientation
#: compensation and the encoder does not. Same fields as a mounting.
PathTurn = Mounting


class Screen(_Strict):
    width: int = Field(ge=64, le=8192)
    height: int = Field(ge=64, le=8192)


class Behaviour(_Strict):
    """WMPF assumptions the orientation check must be able to disprove (docs/architecture.md, the flow of a config)."""
    rotation_direction: Literal["cw", "ccw"] = "cw"
    push_flip: Literal["rotate180", "vmirror"] = "rotate180"


class DeviceInfo(_Strict):
    model: str = Field(min_length=1)
    product: str = Field(min_length=1)
    device: str = Field(min_length=1)
    manufacturer: str = Field(min_length=1)
    brand: str | None = None
    hardware: str = "qcom"
    platform: str | None = None          # ro.board.platform; left out = the same as hardware
    android: str = Field(pattern=r"^\d+(\.\d+){0,2}$")
    sdk: int = Field(ge=19, le=36)
    wmpf: str | None = Field(default=None, pattern=r"^\d+\.\d+\.\d+$")   # left out = not installed
    screen: Screen
    serialno: str | None = Field(default=None, pattern=r"^[A-Za-z0-9]{4,32}$")
    #: The integrator's app that carries camtool's apply receiver; left out = none installed.
    receiver_package: str | None = Field(default=None, pattern=r"^[a-zA-Z][\w]*(\.[a-zA-Z][\w]*)+$")
    #: HAL devices that exist but map to no public id (vendors' logical/aux cameras).
    hidden_hal_devices: int = Field(default=0, ge=0, le=16)
    #: V4L2 nodes of the SoC camera pipeline: listed in /sys/class/video4linux, never cameras.
    v4l2_soc_nodes: list[str] = Field(default_factory=list)


class BuiltinCamera(_Strict):
    id: str = Field(pattern=_ID_PATTERN)
    facing: Literal["back", "front", "external"]
    sensor_orientation: Rotation = 90
    hal: str = Field(default="legacy", pattern=r"^[a-z][a-z0-9_]{0,31}$")
    mounting: Mounting | None = None     # left out: upright, or the USB camera's own when usb_ref is set
    #: What this camera's preview / push path does before any key (left out: nothing). For a
    #: camera behind the external HAL these are the built-in path's, not the USB keys' path's.
    preview_turn: PathTurn = PathTurn()
    push_turn: PathTurn = PathTurn()
    usb_ref: str | None = Field(default=None, pattern=r"^\d{1,3}/\d{1,3}$")   # "BUS/DEV" of usb_devices


class UsbDevice(_Strict):
    bus: int = Field(ge=1, le=255)
    dev: int = Field(ge=1, le=127)
    vendor_id: int = Field(ge=0, le=0xFFFF)
    product_id: int = Field(ge=0, le=0xFFFF)
    serial: str | None = Field(default=None, min_length=1)
    manufacturer: str | None = None
    product: str | None = None
    is_uvc: bool = False
    audio: bool = False
    mounting: Mounting = Mounting()
    #: What WMPF's USB camera path does to the preview / the push before any key (left out: nothing).
    preview_turn: PathTurn = PathTurn()
    push_turn: PathTurn = PathTurn()
    external_hal_id: str | None = Field(default=None, pattern=_ID_PATTERN)
    port: str | None = Field(default=None, pattern=r"^\d{1,2}(\.\d{1,2}){0,4}$")   # sysfs "BUS-PORT"
    version: str = Field(default="2.00", pattern=r"^\d{1,2}\.\d{2}$")

    @property
    def ref(self) -> str:
        return f"{self.bus}/{self.dev}"


class WechatPhone(_Strict):
    model: str = "Pixel 7"
    product: str = "panther"
    device: str = "panther"
    manufacturer: str = "Google"
    android: str = Field(default="14", pattern=r"^\d+(\.\d+){0,2}$")
    sdk: int = Field(default=34, ge=19, le=36)
    screen: Screen = Screen(width=1080, height=2400)


class Scenario(_Strict):
    name: str = Field(pattern=_NAME_PATTERN)
    description: str = Field(min_length=1)
    device: DeviceInfo
    behaviour: Behaviour = Behaviour()
    builtin_cameras: list[BuiltinCamera] = Field(default_factory=list)
    usb_devices: list[UsbDevice] = Field(default_factory=list)
    wechat_phone: WechatPhone = WechatPhone()
    #: The InitGlobalConfig JSON the device's app passes when WMPF starts (left out: none, WMPF's
    #: defaults). `camtool apply` replaces it, as the receiver does on a real device.
    app_config: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        problems = consistency_problems(self)
        if problems:
            field, message = problems[0]
            # A custom error type carries the field path through pydantic to _describe_error.
            raise PydanticCustomError("scenario_consistency", "{message}", {"field": field, "message": message})
        return self

    def usb_index(self, ref: str) -> int | None:
        """Index in usb_devices of a "BUS/DEV" reference (as scenario files write it)."""
        try:
            bus, dev = (int(p) for p in ref.split("/"))
        except ValueError:
            return None
        for i, usb in enumerate(self.usb_devices):
            if (usb.bus, usb.dev) == (bus, dev):
                return i
        return None

    def mounting_of(self, camera: BuiltinCamera) -> Mounting:
        """The physical mounting of a built-in camera (a USB camera's own when it is one)."""
        if camera.usb_ref is not None:
            index = self.usb_index(camera.usb_ref)
            if index is not None:
                return self.usb_devices[index].mounting
        return camera.mounting or Mounting()


def consistency_problems(s: Scenario) -> list[tuple[str, str]]:
    """Cross-field checks, as (field path, translated message)."""
    problems: list[tuple[str, str]] = []
    release = _release_key(s.device.android)
    if release is not None and s.device.sdk not in _SDK_OF_RELEASE[release]:
        problems.append(("device.sdk", tr(
            "Android {android} reports SDK {expected}, not {sdk}.", android=s.device.android,
            expected=tr(N_(" or ")).join(str(v) for v in sorted(_SDK_OF_RELEASE[release])), sdk=s.device.sdk)))
    seen: set[str] = set()
    for n, cam in enumerate(s.builtin_cameras, start=1):
        where = f"builtin_cameras #{n}"
        if cam.id in seen:
            problems.append((f"{where}: id", tr("Camera id \"{id}\" is used twice.", id=cam.id)))
        seen.add(cam.id)
        if cam.facing == "external" and cam.hal != "external":
            problems.append((f"{where}: hal", tr("A camera facing external is served by hal = \"external\".")))
        if cam.hal == "external" and s.device.sdk < EXTERNAL_HAL_MIN_SDK:
            problems.append((f"{where}: hal", tr(
                "The external camera HAL exists from Android 9 (SDK 28); this device has SDK {sdk}.",
                sdk=s.device.sdk)))
        if cam.hal == "external" and s.device.sdk == EXTERNAL_HAL_MIN_SDK and not cam.id.startswith("/dev/video"):
            problems.append((f"{where}: id", tr(
                "On Android 9 the external camera HAL names its cameras after the video node, e.g. \"/dev/video0\".")))
        if cam.usb_ref is not None:
            index = s.usb_index(cam.usb_ref)
            if index is None:
                problems.append((f"{where}: usb_ref", tr(
                    "usb_ref \"{ref}\" matches no entry of usb_devices (write \"BUS/DEV\" of one).", ref=cam.usb_ref)))
            elif s.usb_devices[index].external_hal_id != cam.id:
                problems.append((f"usb_devices #{index + 1}: external_hal_id", tr(
                    "Set external_hal_id = \"{id}\" on the USB device that camera \"{id}\" refers to.", id=cam.id)))
            if cam.mounting is not None:
                problems.append((f"{where}: mounting", tr(
                    "A camera behind the external HAL is the USB camera: give mounting on its usb_devices entry.")))
            if cam.hal != "external":
                problems.append((f"{where}: hal", tr("A camera with usb_ref is served by hal = \"external\".")))
    places: set[tuple[int, int]] = set()
    for n, usb in enumerate(s.usb_devices, start=1):
        where = f"usb_devices #{n}"
        if (usb.bus, usb.dev) in places:
            problems.append((f"{where}: dev", tr("Bus {bus} device {dev} is used twice.", bus=usb.bus, dev=usb.dev)))
        places.add((usb.bus, usb.dev))
        if usb.external_hal_id is not None:
            if not usb.is_uvc:
                problems.append((f"{where}: is_uvc", tr("Only a UVC camera can appear behind the external camera HAL.")))
            if not any(c.id == usb.external_hal_id and c.usb_ref == usb.ref for c in s.builtin_cameras):
                problems.append((f"{where}: external_hal_id", tr(
                    "Add a builtin_cameras entry with id = \"{id}\", facing = \"external\", hal = \"external\" and usb_ref = \"{ref}\".",
                    id=usb.external_hal_id, ref=usb.ref)))
    return problems


def _release_key(android: str) -> str | None:
    parts = android.split(".")
    for key in (".".join(parts[:2]), parts[0]):
        if key in _SDK_OF_RELEASE:
            return key
    return None


# Pydantic's error types -> our own words (translated when shown).
_ERROR_TEXT = {
    "missing": N_("is missing."),
    "extra_forbidden": N_("is not a field of a scenario (check the spelling)."),
    "int_type": N_("must be a whole number."),
    "string_type": N_("must be a text in quotes."),
    "bool_type": N_("must be true or false."),
    "list_type": N_("must be a list."),
    "model_type": N_("must be a table of fields."),
    "literal_error": N_("must be one of {expected}."),
    "greater_than_equal": N_("must be at least {ge}."),
    "less_than_equal": N_("must be at most {le}."),
    "string_too_short": N_("must not be empty."),
    "string_pattern_mismatch": N_("has the wrong form (expected {pattern})."),
}


def _describe_error(error: dict[str, Any]) -> tuple[str, str]:
    if error["type"] == "scenario_consistency":
        return error["ctx"]["field"], error["ctx"]["message"]
    template = _ERROR_TEXT.get(error["type"])
    message = tr(template, **{k: str(v) for k, v in error.get("ctx", {}).items()}) if template else error["msg"]
    return _field_path(error["loc"]), message


def _field_path(loc: tuple[Any, ...]) -> str:
    """('builtin_cameras', 1, 'mounting') -> 'builtin_cameras #2: mounting' (entries counted from 1)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f" #{part + 1}:"
        else:
            text += ("." if text and not text.endswith(":") else (" " if text else "")) + str(part)
    return text.strip() or tr("(top level)")


def scenario_from_data(data: Any, source: str) -> Scenario:
    """Validate parsed TOML/JSON; `source` (a file name) goes into the error message."""
    if not isinstance(data, dict):
        raise ScenarioError(tr("Scenario {file}: the top level must be a table of fields.", file=source))
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        field, message = _describe_error(exc.errors()[0])
        more = len(exc.errors()) - 1
        text = tr("Scenario {file}: field {field}: {problem}", file=source, field=field, problem=message)
        if more:
            text = join_sentences([text, tr("({count} more problems after fixing this one.)", count=more)])
        raise ScenarioError(text) from None


def shipped_dir() -> Path:
    return resource("scenarios")


def load_scenario(name_or_path: str | Path) -> Scenario:
    """A shipped scenario by name, or a .toml/.json file; ScenarioError with a clear text otherwise."""
    path = _resolve(name_or_path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(tr("Scenario {file} cannot be read: {reason}", file=str(path),
                               reason=exc.strerror or str(exc))) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError(tr("Scenario {file} is not UTF-8 text; save it as UTF-8.", file=str(path))) from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScenarioError(tr("Scenario {file} is not valid JSON at line {line}, column {column}: {reason}",
                                   file=str(path), line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ScenarioError(tr("Scenario {file} is not valid TOML: {reason}", file=str(path),
                                   reason=str(exc))) from None
    return scenario_from_data(data, str(path))


def _resolve(name_or_path: str | Path) -> Path:
    if isinstance(name_or_path, Path):
        return name_or_path
    text = name_or_path.strip()
    if re.fullmatch(_NAME_PATTERN, text):
        shipped = shipped_dir() / f"{text}.toml"
        if shipped.is_file():
            return shipped
    if text.lower().endswith((".toml", ".json")) or "/" in text or "\\" in text:
        return Path(text)
    names = join_list(name for name, _ in list_scenarios())
    raise ScenarioError(tr("No scenario named \"{name}\". Shipped scenarios: {names}. Or give a .toml/.json file.",
                           name=text, names=names))


def list_scenarios() -> list[tuple[str, str]]:
    """(name, translated one-line description) of each shipped scenario, the default first."""
    rows: list[tuple[str, str]] = []
    for path in sorted(shipped_dir().glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            description = str(data.get("description", ""))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            description = tr("(cannot be read)")
        rows.append((path.stem, tr(description) if description else ""))
    rows.sort(key=lambda row: (row[0] != DEFAULT_SCENARIO, row[0]))
    return rows
