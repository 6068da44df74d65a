"""Rules on the combination of keys: which camera WMPF uses, and which keys then do nothing.

Family rules (docs/domain.md): a USB camera is used only when usbCameraName or the whole triple
(vendor id, product id, serial) is given, else a built-in camera. Each family has its own
rotation and flip keys and WMPF ignores the other family's: "set successfully but no
effect" is the symptom technicians report most. Which family is in use is decided by
`camtool.config.semantics.camera_selection`, the one place every part asks: a selector counts
when WMPF can read it (valid value, a WMPF version that knows it). The other checks here (both
selectors given, a partial triple) look at what is present, whatever its type: a wrong type is
CAM101's business, and the intent is still visible.
"""

from __future__ import annotations

from camtool.config.findings import Finding
from camtool.config.keys import ORIENTATION_KEYS, SELECTOR_KEYS, USB_TRIPLE, Family
from camtool.config.rules_codes import LazyText, make_finding
from camtool.config.rules_values import USB_PATH, has_type, is_client_library_default, shown
from camtool.config.family_rules import REASON_NEEDS_NEWER_WMPF, SELECTORS, Selection, camera_selection
from camtool.config.versions import Version
from camtool.i18n import N_, ListText

BUILTIN_SELECTORS = SELECTOR_KEYS[Family.BUILTIN]
#: The same key of the other family, for each orientation key.
COUNTERPART = {key: other for builtin, usb in zip(ORIENTATION_KEYS[Family.BUILTIN], ORIENTATION_KEYS[Family.USB])
               for key, other in ((builtin, usb), (usb, builtin))}
# Whole nouns ("USB camera"), not adjectives: Chinese writes "USB 摄像头" with a space, which a
# template gluing "{family}摄像头" cannot do for both families.
_FAMILY_NAME = {Family.BUILTIN: N_("built-in camera"), Family.USB: N_("USB camera")}


def family_in_use(config: dict, wmpf: Version | None = None) -> Family:
    """The family of the camera WMPF opens for this config (rule 1; its default camera is built-in)."""
    return camera_selection(config, wmpf).in_use


def selection_findings(config: dict, wmpf: Version | None) -> list[Finding]:
    findings: list[Finding] = []
    has_path = "usbCameraName" in config
    triple_present = [key for key in USB_TRIPLE if key in config]
    triple_complete = len(triple_present) == len(USB_TRIPLE)
    builtin_present = [key for key in BUILTIN_SELECTORS if key in config]
    selection = camera_selection(config, wmpf)   # once: it walks every key (100,000 in a big config)
    family = selection.in_use

    if has_path and triple_complete:
        findings.append(make_finding(
            "CAM201", ("usbCameraName", *USB_TRIPLE),
            N_("Both usbCameraName and the complete triple (vendor id, product id, serial) select the USB camera; give one, not both."),
            N_("Keep the triple if the camera reports a serial number (it survives replugs) and delete usbCameraName; else delete the triple.")))
    if triple_present and not triple_complete:
        missing = ListText(key for key in USB_TRIPLE if key not in config)
        if has_path:
            message = N_("The USB triple is incomplete ({missing} missing), so WMPF ignores {present}; usbCameraName selects the camera.")
        else:
            message = N_("The USB triple is incomplete ({missing} missing): WMPF then selects no USB camera and silently uses the built-in camera.")
        findings.append(make_finding(
            "CAM202", tuple(triple_present), message,
            N_("Give all three of usbCameraVendorId, usbCameraProductId and usbSerialNumber, or delete them and use usbCameraName."),
            missing=missing, present=ListText(triple_present)))
    if len(builtin_present) == 2:
        findings.append(make_finding(
            "CAM203", tuple(builtin_present),
            N_("Both internalCameraName and cameraId select the built-in camera; give one, not both."),
            N_("Keep internalCameraName (WMPF >= 2.0.0) and delete cameraId.")))
    if family is Family.USB and builtin_present:
        findings.append(make_finding(
            "CAM205", tuple(builtin_present) + (("usbCameraName",) if has_path else tuple(USB_TRIPLE)),
            N_("{builtin} selects a built-in camera, but the USB keys select a USB camera, which WMPF uses: {builtin} has no effect."),
            N_("Delete {builtin} if you mean the USB camera; delete the USB keys if you mean the built-in one."),
            builtin=ListText(builtin_present)))
    findings.extend(_other_family_findings(config, selection))
    findings.extend(_path_warnings(config, triple_complete))
    if "cameraId" in config and has_type(config["cameraId"], "integer") and config["cameraId"] >= 0 and (wmpf is None or wmpf >= (2, 0, 0)):
        findings.append(make_finding(
            "CAM403", ("cameraId",),
            N_("cameraId is a legacy key (it is in the FAQ only, in no reference table)."),
            N_("On WMPF 2.0.0 or newer write internalCameraName \"{camera_id}\" instead."),
            camera_id=shown(config["cameraId"])))
    if not has_path and not triple_present and not builtin_present:
        findings.append(make_finding(
            "CAM501", (), N_("This config selects no camera, so WMPF uses its default built-in camera."),
            N_("To choose a camera, add internalCameraName (built-in) or usbCameraName / the USB triple; camtool cameras lists them.")))
    return findings


def _other_family_findings(config: dict, selection: Selection) -> list[Finding]:
    family = selection.in_use
    other = Family.USB if family is Family.BUILTIN else Family.BUILTIN
    unread = {key: why for key, why in selection.ignored if key in SELECTORS[Family.USB]}
    selected_if_read = "usbCameraName" in unread or (unread and all(key in config for key in USB_TRIPLE))
    if family is Family.USB:
        reason = N_("usbCameraName or the complete USB triple is given")
    elif selected_if_read and REASON_NEEDS_NEWER_WMPF in unread.values():
        reason = N_("this WMPF version does not read the USB keys that would select it")
    elif selected_if_read:
        reason = N_("the USB keys that would select it have values WMPF cannot read")
    elif any(key in config for key in USB_TRIPLE):
        reason = N_("the USB triple is incomplete")
    else:
        reason = N_("no USB camera is selected")
    findings = []
    for key in ORIENTATION_KEYS[other]:
        if key not in config:
            continue
        counterpart = COUNTERPART[key]
        if counterpart in config:
            fix = N_("Delete {key}: {counterpart} already sets this for the {family}.")
        else:
            fix = N_("Write {counterpart} instead of {key} (the {family}'s key), or select the camera of the other family.")
        findings.append(make_finding(
            "CAM204", (key,),
            N_("{key} is a {other} key, but this config uses a {family} ({reason}): WMPF ignores {key}, "
               "so it has no effect. This is the usual cause of \"set successfully but no effect\"."),
            fix, key=key, counterpart=counterpart, family=LazyText(_FAMILY_NAME[family]),
            other=LazyText(_FAMILY_NAME[other]), reason=LazyText(reason)))
    return findings


def _path_warnings(config: dict, triple_complete: bool) -> list[Finding]:
    path = config.get("usbCameraName")
    if not isinstance(path, str):
        return []
    if is_client_library_default(path):
        return [make_finding(
            "CAM401", ("usbCameraName",),
            N_("usbCameraName is {path}, the value the WMPF client library's getDefaultConfigJson() fills in: "
               "this config was probably copied from the default, and WMPF will look for a USB camera that is not there."),
            N_("Use the path of your camera from camtool cameras, or delete usbCameraName (and usbCameraPushFlip) for a built-in camera."),
            path=path)]
    if USB_PATH.fullmatch(path) and not triple_complete:
        if "usbSerialNumber" in config:
            fix = N_("The camera has a serial number: add usbCameraVendorId and usbCameraProductId and delete usbCameraName.")
        else:
            fix = N_("If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; "
                     "without one, the path is the only choice: check it after every reboot.")
        return [make_finding(
            "CAM402", ("usbCameraName",),
            N_("The USB camera is selected by its path {path}, which changes when the camera is replugged or the device reboots."),
            fix, path=path)]
    return []
