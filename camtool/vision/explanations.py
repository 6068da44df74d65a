"""The sentences of the orientation verdict: each with a stable code for scripts, the end it is about, its text.

English sources marked with N_ (translated when shown; docs/glossary.md). The verdict, the
behaviour learning and the recommendation each add their own; `Explanation.message` is what a
person reads, `to_json` what a script reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from camtool.config.ends import DEVICE_END, END_TITLES, WECHAT_END
from camtool.config.semantics import (
    REASON_MIRROR, REASON_MIRROR_DEVICE, REASON_PREVIEW_FIXED, REASON_QUARTER_APART, REASON_REVERSE_LANDSCAPE,
    Unfixable,
)
from camtool.i18n import N_, tr

#: The two ends as JSON names them (never translated) and as a person reads them.
END_NAMES = {"device": END_TITLES[DEVICE_END], "wechat": END_TITLES[WECHAT_END]}

#: Explanation values that are N_ sources themselves (translated when the sentence is shown).
_TRANSLATED_VALUES = ("reason", "direction", "flip", "other")


E_NOT_CAPTURED = N_("The {end} was not captured, so it could not be checked.")
E_NO_CHART = N_("No chart is visible on the {end}: hold the printed chart (camtool chart) upright in front of "
                "the camera, fully in view and evenly lit, and check again.")
E_TILTED = N_("The chart is tilted by {degrees} degrees on the {end}. No key turns by less than 90 degrees: "
              "hold the chart level, or straighten the camera.")
E_USE_USB = N_("Built-in camera \"{camera}\" is the USB camera {path} behind the external camera HAL. The "
               "recommendation selects it by USB keys instead, because usbCameraRotationAngle turns the "
               "device end too.")
E_DIRECTION = N_("The rotation went the other way: on this device WMPF turns the picture counter-clockwise for "
                 "a rotation value (camtool assumed clockwise). The recommendation is corrected for that.")
E_DIRECTION_CW = N_("The rotation went the other way: on this device WMPF turns the picture clockwise for a "
                    "rotation value. The recommendation is corrected for that.")
E_FLIP_MIRROR = N_("The push flip mirrored the picture top to bottom instead of turning it by 180 degrees on "
                   "this device. The recommendation is corrected for that.")
E_FLIP_TURN = N_("The push flip turned the picture by 180 degrees on this device. The recommendation is "
                 "corrected for that.")
E_INCONSISTENT = N_("The checks of this run contradict each other: the same camera showed the chart turned in a way "
                    "no WMPF behaviour camtool knows explains (was the chart moved between checks, did another "
                    "camera open, or is the config not the one the device runs?). The recommendation trusts the "
                    "latest pictures: hold the chart still and check again.")
E_NO_EFFECT = N_("The keys changed but the {end} did not: WMPF did not take the new config. Check that the app "
                 "calls InitGlobalConfig before the mini program starts (camtool's receiver relaunches it), that the "
                 "receiver is in the app given by --package, and that WMPF reads these keys; then check again.")
E_NO_EFFECT_BOTH = N_("The keys changed but neither end did: WMPF did not take the new config. Check that the app "
                      "calls InitGlobalConfig before the mini program starts (camtool's receiver relaunches it), that "
                      "the receiver is in the app given by --package, and that WMPF reads these keys; then check again.")
E_ASSUMED_BASE = N_("The {end} was not checked, so camtool assumes it shows the camera the way the {other} does "
                    "(the common case; the two can differ). Check it too to be sure: {how}")
E_HOW_WECHAT = N_("give --wechat-serial, the phone in a call with the device, or --wechat-image.")
E_HOW_DEVICE = N_("capture the device's own screen as well.")
E_FIX_END = N_("The {end} shows the chart turned {degrees} degrees clockwise; the recommended {keys} make it upright. "
               "Apply the recommendation (--apply), then check again.")
E_FIX_MIRROR = N_("The {end} shows the chart mirrored; the recommended {keys} make it right. Apply the "
                  "recommendation (--apply), then check again.")
E_WORKS = N_("Both ends show the chart upright with the config the device runs: keep it as it is.")
E_NO_SUCH_CAMERA = N_("The ends show a camera picture, but the config camtool checks against opens no camera this "
                      "device has, so the device must run other keys. Give the config the app passes with --config "
                      "(or --profile; in the window: Device runs), then check again. Nothing is recommended until then.")
E_USB_PATH_ASSUMED = N_("camtool assumes the USB keys' path shows this camera the way the built-in path does; the "
                        "check after applying tells.")
E_IGNORED = N_("{key} has no effect: {reason}")
E_NEEDS_WMPF = N_("{key} needs WMPF {needed} or newer and the device has {wmpf}: update WMPF, then the picture "
                  "can be turned by keys.")
E_ASSUMED_DIRECTION = N_("Not yet confirmed on this device: camtool assumes a rotation value turns the picture "
                         "{direction}. Apply the recommendation (--apply) and camtool checks which way it went.")
E_ASSUMED_FLIP = N_("Not yet confirmed on this device: camtool assumes a push flip {flip}. Apply the "
                    "recommendation (--apply) and camtool checks what it did.")
_DIRECTION_WORDS = {"cw": N_("clockwise"), "ccw": N_("counter-clockwise")}
_FLIP_WORDS = {"rotate180": N_("turns the picture by 180 degrees"), "vmirror": N_("mirrors the picture top to bottom")}
E_FINDING = N_("The recommended config still has an error: {message}")
E_UNKNOWN_MOUNTING = N_("No end shows the chart, so camtool cannot tell how either end shows the camera; the "
                        "config is left as it is. Hold the printed chart in front of the camera and check again.")
#: Codes of what no key fixes, by the semantics' reason.
_UNFIXABLE_CODES = {REASON_PREVIEW_FIXED: "preview_fixed", REASON_REVERSE_LANDSCAPE: "reverse_landscape",
                    REASON_QUARTER_APART: "quarter_apart", REASON_MIRROR: "mirror", REASON_MIRROR_DEVICE: "mirror"}


@dataclass(frozen=True)
class Explanation:
    """One sentence of the verdict: a stable code (for scripts), the end it is about, the text."""

    code: str
    source: str
    end: str | None = None
    values: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def message(self) -> str:
        values = dict(self.values)
        if self.end is not None:
            values.setdefault("end", tr(END_NAMES[self.end]))
        values = {k: tr(v) if k in _TRANSLATED_VALUES else v for k, v in values.items()}
        return tr(self.source, **values)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "end": self.end, "message": self.message}


def explain_unfixable(item: Unfixable) -> Explanation:
    """What no key fixes on one end, as a sentence of the verdict."""
    end = "device" if item.end == DEVICE_END else "wechat"
    return Explanation(_UNFIXABLE_CODES[item.reason], item.reason, end, dict(item.values))
