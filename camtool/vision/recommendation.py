"""The keys the orientation check recommends: upright ends for the bases it found, on this device.

From the bases and WMPF's behaviour (`behaviour_learning.py`), `config_for_upright` gives the
rotation/flip keys; here they meet the device: a camera the config cannot open stops the
recommendation, a USB camera behind the external camera HAL may be selected by its USB keys
instead (family rule 6), a key the device's WMPF lacks is not recommended, and a config that
already shows what the plan would is kept as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from camtool.config.ends import Bases, WmpfBehaviour
from camtool.config.family_rules import REASON_OTHER_FAMILY, SELECTORS, camera_selection, parse_wmpf_version
from camtool.config.keys import KEYS_BY_NAME, ORIENTATION_KEYS, USB_TRIPLE, Family
from camtool.config.semantics import config_for_upright, ends_for
from camtool.config.turns import Turn
from camtool.config.versions import Gate, gate
from camtool.vision.explanations import (
    E_NEEDS_WMPF, E_NO_SUCH_CAMERA, E_UNKNOWN_MOUNTING, E_USB_PATH_ASSUMED, E_USE_USB, Explanation,
    explain_unfixable,
)

if TYPE_CHECKING:
    from camtool.device.inventory import Inventory


def _builtin_in_use(config: dict, inventory: Inventory | None) -> Any:
    """The inventory entry of the built-in camera this config opens (None when unknown)."""
    entries = inventory.builtin if inventory is not None else []
    if not entries:
        return None
    keys = camera_selection(config).usable   # the one reading of which selector WMPF takes
    wanted = keys.get("internalCameraName")
    if wanted is None and "cameraId" in keys:
        wanted = str(keys["cameraId"])
    if wanted is not None:
        return inventory.builtin_with_id(wanted)
    # No selector: WMPF opens its default camera, the first back-facing one (inferred), else the first.
    return next((e for e in entries if e.camera.facing == "back"), entries[0])


def _usb_selector(inventory: Inventory, path: str) -> dict[str, Any]:
    """USB keys for the device at `path`: the triple when it is usable (it survives replugs), else the path."""
    entry = inventory.usb_at(path)
    if entry is not None and entry.triple_usable and None not in entry.device.triple:
        return dict(zip(USB_TRIPLE, entry.device.triple))
    return {"usbCameraName": path}


def _without_orientation_keys(config: dict, family: Family) -> dict:
    """The config without the rotation/flip keys of the family not in use (WMPF ignores them)."""
    other = Family.USB if family is Family.BUILTIN else Family.BUILTIN
    return {k: v for k, v in config.items() if k not in ORIENTATION_KEYS[other]}


def _opens_no_camera(config: dict, wmpf: str | None, inventory: Inventory | None) -> bool:
    """The device's inventory has no camera that `config` can open (False when that is not known)."""
    if inventory is None:
        return False
    selection = camera_selection(config, wmpf)
    if selection.family is Family.USB:
        return inventory.usb_known and not any(
            entry.device.is_camera is not False for entry in inventory.usb_selected_by(selection.usable))
    # A built-in selection (or none: WMPF's default camera) on a device that lists no built-in camera.
    return inventory.builtin_known and not inventory.builtin


def recommend(config: dict, bases: Bases | None, family: Family, behaviour: WmpfBehaviour, wmpf: str | None,
               inventory) -> tuple[dict, tuple[Turn, Turn] | None, Family, list[Explanation]]:
    if bases is None:
        return config, None, family, [Explanation("unknown_mounting", E_UNKNOWN_MOUNTING)]
    if _opens_no_camera(config, wmpf, inventory):
        # What the ends show cannot come from this config: reasoning from it would recommend keys
        # for a camera that is not there (and applying them would lose the one that is).
        return config, None, family, [Explanation("config_mismatch", E_NO_SUCH_CAMERA)]
    notes: list[Explanation] = []
    plan = config_for_upright(bases, family, behaviour, _without_orientation_keys(config, family))
    external = _builtin_in_use(config, inventory) if family is Family.BUILTIN else None
    if plan.predicted[0].rotation != 0 and external is not None and external.camera.external and external.usb_path:
        # Rule 7: the same camera by USB keys, whose rotation turns the device end too. Taken only
        # when it makes more ends upright than the built-in keys can (never trades one upright end
        # for another).
        base = {k: v for k, v in config.items()
                if k not in (*SELECTORS[Family.BUILTIN], *ORIENTATION_KEYS[Family.BUILTIN], *SELECTORS[Family.USB])}
        base.update(_usb_selector(inventory, external.usb_path))
        by_usb = config_for_upright(bases, Family.USB, behaviour, base)
        if by_usb.upright_ends > plan.upright_ends:
            family, plan = Family.USB, by_usb
            notes.append(Explanation("use_usb_keys", E_USE_USB, None,
                                     {"camera": external.camera.camera_id, "path": external.usb_path}))
            notes.append(Explanation("assumption", E_USB_PATH_ASSUMED))
    version = parse_wmpf_version(wmpf)
    too_new = [k for k, v in plan.keys.items() if gate(k, version) is Gate.ABSENT and v not in (0, False)]
    if too_new:
        for key in too_new:
            notes.append(Explanation("needs_newer_wmpf", E_NEEDS_WMPF, None,
                                     {"key": key, "needed": ".".join(map(str, KEYS_BY_NAME[key].min_wmpf)),
                                      "wmpf": wmpf}))
        recommended = plan.base
    else:
        recommended = _keep_if_same(config, plan.config, bases, wmpf, behaviour)
    predicted = ends_for(recommended, wmpf, behaviour).seen(bases)
    notes += [explain_unfixable(item) for item in plan.unfixable]
    return recommended, predicted, family, notes


def _keep_if_same(config: dict, planned: dict, bases: Bases, wmpf: str | None, behaviour: WmpfBehaviour) -> dict:
    """The config as it is when the plan changes nothing either end shows (no churn for a working config)."""
    now, then = ends_for(config, wmpf, behaviour), ends_for(planned, wmpf, behaviour)
    if now.family == then.family and now.seen(bases) == then.seen(bases) \
            and not any(reason == REASON_OTHER_FAMILY for _, reason in now.ignored):
        return config
    return planned
