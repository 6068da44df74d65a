"""The pydantic model of a WMPF camera config: the ten camera keys, strict, plus any other keys.

It is the single source of truth for the JSON Schema (`camtool schema`), the GUI form's
labels and tooltips (`field_info`), and the explicit camera selection. Validation of user
files goes through the rules first (camtool/config/rules.py): they report every problem as
a finding; the model then only ever sees data the rules passed, and raises a pydantic
ValidationError for anything else.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Annotated, Any, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import SkipJsonSchema

from camtool.config.keys import CAMERA_KEY_ORDER, KEYS_BY_NAME, ROTATIONS, USB_TRIPLE, CameraKey, Family
from camtool.config.rules_values import USB_PATH
from camtool.config.family_rules import camera_selection
from camtool.i18n import tr


# --- the explicit selection -----------------------------------------------------------------

@dataclass(frozen=True)
class BuiltinByName:
    """A built-in camera by its Android camera id (internalCameraName)."""
    name: str


@dataclass(frozen=True)
class BuiltinById:
    """A built-in camera by the legacy numeric cameraId."""
    id: int


@dataclass(frozen=True)
class UsbByPath:
    """A USB camera by its /dev/bus/usb/BBB/DDD path (changes on replug and reboot)."""
    path: str


@dataclass(frozen=True)
class UsbByTriple:
    """A USB camera by vendor id, product id and serial number (stable across replugs)."""
    vendor: int
    product: int
    serial: str


@dataclass(frozen=True)
class DefaultCamera:
    """No selection key: WMPF uses its default built-in camera."""


CameraSelection = Union[BuiltinByName, BuiltinById, UsbByPath, UsbByTriple, DefaultCamera]


# --- field types ----------------------------------------------------------------------------

def _rotation(value: int) -> int:
    if value not in ROTATIONS:
        raise ValueError(f"rotation must be one of {ROTATIONS}")
    return value


def _usb_path(value: str) -> str:
    if not USB_PATH.fullmatch(value):
        raise ValueError("must be /dev/bus/usb/BBB/DDD")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Rotation = Annotated[int, AfterValidator(_rotation), Field(json_schema_extra={"enum": list(ROTATIONS)})]
UsbId = Annotated[int, Field(ge=0, le=65535)]
UsbPath = Annotated[str, Field(pattern=r"^/dev/bus/usb/[0-9]{3}/[0-9]{3}$"), AfterValidator(_usb_path)]
NonBlank = Annotated[str, Field(min_length=1), AfterValidator(_not_blank)]


def _field(key: str) -> Any:  # pragma: no mutate block
    # Runs only while the class below is built (at import), before a mutation test can switch a
    # mutant of it on: its mutants could never be killed, so none are made (as keys._v).
    spec = KEYS_BY_NAME[key]
    # English titles in the schema: it is a machine artefact; the GUI translates via field_info().
    return Field(default=None, alias=key, title=spec.title, description=spec.description)


class CameraConfig(BaseModel):
    """The camera keys of initGlobalConfig (aliases = WMPF spelling) and every other key, in order."""

    model_config = ConfigDict(strict=True, extra="allow", validate_by_name=False, validate_by_alias=True,
                              serialize_by_alias=True, title="WMPF initGlobalConfig camera keys")

    internal_camera_name: NonBlank | SkipJsonSchema[None] = _field("internalCameraName")
    camera_id: Annotated[int, Field(ge=0)] | SkipJsonSchema[None] = _field("cameraId")
    camera_rotation_angle: Rotation | SkipJsonSchema[None] = _field("cameraRotationAngle")
    camera_push_flip: bool | SkipJsonSchema[None] = _field("cameraPushFlip")
    usb_camera_name: UsbPath | SkipJsonSchema[None] = _field("usbCameraName")
    usb_camera_vendor_id: UsbId | SkipJsonSchema[None] = _field("usbCameraVendorId")
    usb_camera_product_id: UsbId | SkipJsonSchema[None] = _field("usbCameraProductId")
    usb_serial_number: NonBlank | SkipJsonSchema[None] = _field("usbSerialNumber")
    usb_camera_rotation_angle: Rotation | SkipJsonSchema[None] = _field("usbCameraRotationAngle")
    usb_camera_push_flip: bool | SkipJsonSchema[None] = _field("usbCameraPushFlip")

    @field_validator("*", mode="before")
    @classmethod
    def _null_is_not_a_value(cls, value: Any) -> Any:
        # JSON null is a wrong type for every camera key (rule CAM101); leave the key out instead.
        if value is None:
            raise ValueError("null is not a value for a camera key; leave the key out")
        return value

    # --- JSON in and out -----------------------------------------------------------------

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> CameraConfig:
        """Build from a parsed JSON object (raises pydantic.ValidationError on a wrong type or value)."""
        return cls.model_validate(data)

    def to_json_dict(self) -> dict[str, Any]:
        """Camera keys that are set, in keys.CAMERA_KEY_ORDER, then the other keys in their original order."""
        result: dict[str, Any] = {}
        for key in CAMERA_KEY_ORDER:
            # None means unset: the validator refuses an explicit null. (model_fields_set cannot be
            # used: it also holds the names of extra keys, and an extra key may be "camera_id".)
            value = getattr(self, _PYTHON_NAME[key])
            if value is not None:
                result[key] = value
        for key, value in (self.__pydantic_extra__ or {}).items():
            result[key] = copy.deepcopy(value)
        return result

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        """The JSON Schema of a config (for `camtool schema`): camera keys typed, other keys allowed."""
        schema = cls.model_json_schema(by_alias=True)
        for prop in schema.get("properties", {}).values():
            if prop.get("default", 0) is None:  # "unset" is absence in JSON, not null
                del prop["default"]
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["description"] = ("Camera keys of WMPF's InitGlobalConfig JSON. Other keys of the same JSON "
                                  "are allowed and kept untouched.")
        return schema

    # --- what the config selects ---------------------------------------------------------

    @property
    def selection(self) -> CameraSelection:
        """The camera this config selects. Conflicting selections are error findings (CAM201, CAM203,
        CAM205); if they are present anyway, the order here is path, triple, name, id."""
        if self.usb_camera_name is not None:
            return UsbByPath(self.usb_camera_name)
        if self.has_complete_triple:
            return UsbByTriple(self.usb_camera_vendor_id, self.usb_camera_product_id, self.usb_serial_number)
        if self.internal_camera_name is not None:
            return BuiltinByName(self.internal_camera_name)
        if self.camera_id is not None:
            return BuiltinById(self.camera_id)
        return DefaultCamera()

    @property
    def has_complete_triple(self) -> bool:
        return None not in (self.usb_camera_vendor_id, self.usb_camera_product_id, self.usb_serial_number)

    @property
    def family(self) -> Family:
        """The family of the camera WMPF opens (docs/domain.md, family rule 1), as `semantics.camera_selection` decides."""
        return camera_selection(self.to_json_dict()).in_use


_PYTHON_NAME: dict[str, str] = {
    info.alias: name for name, info in CameraConfig.model_fields.items() if info.alias is not None
}
assert set(_PYTHON_NAME) == set(CAMERA_KEY_ORDER), "model fields and keys.CAMERA_KEYS must list the same keys"
assert all(key in _PYTHON_NAME for key in USB_TRIPLE)


# --- what the GUI form needs ----------------------------------------------------------------

@dataclass(frozen=True)
class CameraField:
    """One camera key as a form shows it; title and description are translated when read."""

    key: str                       # WMPF spelling, e.g. "usbCameraRotationAngle"
    python_name: str               # attribute of CameraConfig
    json_type: str                 # "string" | "integer" | "boolean"
    family: Family
    min_wmpf: tuple[int, int, int]
    inferred_version: bool
    title_source: str
    description_source: str
    choices: tuple[int, ...] | None = None   # rotations: 0, 90, 180, 270
    minimum: int | None = None
    maximum: int | None = None

    @property
    def title(self) -> str:
        return tr(self.title_source)

    @property
    def description(self) -> str:
        return tr(self.description_source)


def _camera_field(spec: CameraKey) -> CameraField:  # pragma: no mutate block
    # Runs only while _FIELDS is built at import (see _field); test_model checks what it builds.
    choices = ROTATIONS if spec.name.endswith("RotationAngle") else None
    minimum = maximum = None
    if spec.name in ("usbCameraVendorId", "usbCameraProductId"):
        minimum, maximum = 0, 65535
    elif spec.name == "cameraId":
        minimum = 0
    return CameraField(spec.name, _PYTHON_NAME[spec.name], spec.json_type, spec.family, spec.min_wmpf,
                       spec.inferred_version, spec.title, spec.description, choices, minimum, maximum)


_FIELDS: dict[str, CameraField] = {key: _camera_field(KEYS_BY_NAME[key]) for key in CAMERA_KEY_ORDER}


def field_info(key: str) -> CameraField:
    """The form description of one camera key (KeyError for a key that is not a camera key)."""
    return _FIELDS[key]


def camera_fields() -> tuple[CameraField, ...]:
    """All ten camera keys in canonical order."""
    return tuple(_FIELDS.values())


def schema_text() -> str:
    """`camtool schema`'s output: the schema as indented JSON (shipped as a generated file, tools/gen_schema.py)."""
    import json

    return json.dumps(CameraConfig.json_schema(), ensure_ascii=False, indent=2) + "\n"
