"""Both simulated ends follow the form: rotation and flip show on the right end at once."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt

from camtool.config.semantics import Turn
from camtool.gui.config_document import ConfigDocument
from camtool.gui.ends_panel import EndsPanel
from camtool.gui.selection_form import SelectionForm
from camtool.gui.ends_panel import CAMERA_SIZE, DEVICE_SCREEN, WECHAT_SCREEN
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.screens import render_ends
from camtool.device.frame_stamp import stamp_area_height

USB_PATH = "/dev/bus/usb/001/004"


@pytest.fixture
def ends(qtbot):
    document = ConfigDocument({"usbCameraName": USB_PATH})
    form = SelectionForm(document)
    panel = EndsPanel(document)
    qtbot.addWidget(form)
    qtbot.addWidget(panel)
    form.show()
    panel.show()
    qtbot.waitUntil(lambda: panel.both_ends_shown() and panel.is_up_to_date(), timeout=10_000)
    return document, form, panel


def _settle(qtbot, panel):
    qtbot.waitUntil(panel.is_up_to_date, timeout=10_000)
    return panel.device_view.displayed_array(), panel.wechat_view.displayed_array()


def _picture_area(screen):
    """The screen without the bottom band the virtual device keeps for its frame stamp."""
    return screen[:screen.shape[0] - stamp_area_height(screen.shape[1])]


def _close(a, b):
    """Equal up to resampling: the letterboxed screens are resized pictures."""
    return a.shape == b.shape and float(np.mean(cv2.absdiff(a, b))) < 2.0


def _turned_half(a, b):
    """`a` shows `b`'s picture turned by 180 degrees (the letterbox is centred in the picture area)."""
    return _close(_picture_area(a), cv2.rotate(_picture_area(b), cv2.ROTATE_180))


def test_rotation_buttons_turn_the_simulated_wechat_end(qtbot, ends):
    document, form, panel = ends
    device_0, wechat_0 = _settle(qtbot, panel)
    qtbot.mouseClick(form.rotation_buttons[180], Qt.MouseButton.LeftButton)
    device_180, wechat_180 = _settle(qtbot, panel)
    assert not _close(wechat_0, wechat_180)
    # A USB camera's rotation turns both ends; the screens are letterboxed around the centre,
    # so turning the picture by 180 degrees turns the whole screen by 180 degrees.
    assert _turned_half(wechat_180, wechat_0)
    assert _turned_half(device_180, device_0)


def test_push_flip_turns_only_the_wechat_end(qtbot, ends):
    document, form, panel = ends
    device_0, wechat_0 = _settle(qtbot, panel)
    qtbot.mouseClick(form.flip_check, Qt.MouseButton.LeftButton)
    device_f, wechat_f = _settle(qtbot, panel)
    assert document.flip
    assert np.array_equal(device_f, device_0)
    assert _turned_half(wechat_f, wechat_0)


def test_the_views_show_what_the_wmpf_semantics_render(qtbot, ends):
    document, form, panel = ends
    panel.set_mounting(Turn(90, False))
    qtbot.mouseClick(form.rotation_buttons[270], Qt.MouseButton.LeftButton)
    device, wechat = _settle(qtbot, panel)
    picture = picture_of_mounted_camera(Turn(90, False), CAMERA_SIZE)
    expected = render_ends(picture, document.data, None, device_screen=DEVICE_SCREEN, wechat_screen=WECHAT_SCREEN)
    assert np.array_equal(device, expected[0])
    assert np.array_equal(wechat, expected[1])


def test_a_built_in_camera_keeps_the_device_preview_as_the_camera_gives_it(qtbot, ends):
    document, form, panel = ends
    device_before, _ = _settle(qtbot, panel)
    document.import_data({"internalCameraName": "0", "cameraRotationAngle": 90})
    device_after, wechat_after = _settle(qtbot, panel)
    assert np.array_equal(device_after, device_before)   # no key rotates a built-in preview
    assert "0°" in panel._device_effect.text() and "90°" in panel._wechat_effect.text()


def test_the_push_path_turn_simulates_a_wechat_end_turned_apart_from_the_preview(qtbot, ends):
    """No device: "Push path adds" gives the virtual camera's push its own base (WMPF FAQ, first case)."""
    document, form, panel = ends
    device_0, wechat_0 = _settle(qtbot, panel)
    panel.set_push_turn(Turn(180))
    device_180, wechat_180 = _settle(qtbot, panel)
    assert _close(device_180, device_0)                 # the preview is as it was
    assert _turned_half(wechat_180, wechat_0)           # the push is upside down
    qtbot.mouseClick(form.flip_check, Qt.MouseButton.LeftButton)
    device_flip, wechat_flip = _settle(qtbot, panel)
    assert _close(wechat_flip, wechat_0) and _close(device_flip, device_0)   # the push flip fixes it


def test_a_burst_of_edits_ends_on_the_newest_config(qtbot, ends):
    document, _form, panel = ends
    for _ in range(25):
        document.rotate_by(90)
    document.rotate_by(90)   # 26 quarter turns = 180 degrees
    _device, wechat = _settle(qtbot, panel)
    assert document.rotation == 180
    picture = picture_of_mounted_camera(Turn(0, False), CAMERA_SIZE)
    expected = render_ends(picture, document.data, None, device_screen=DEVICE_SCREEN, wechat_screen=WECHAT_SCREEN)
    assert np.array_equal(wechat, expected[1])


@pytest.mark.parametrize("scenario_name,config", [
    ("intercom-a9", {"usbCameraRotationAngle": 90, "usbCameraPushFlip": True}),   # + its USB camera's path
    ("tablet-a12", {"internalCameraName": "0", "cameraRotationAngle": 270}),
    ("doorbell-ccw-vmirror", {"cameraRotationAngle": 90, "cameraPushFlip": True}),   # the other behaviour
])
def test_the_simulated_wechat_end_matches_the_virtual_wechat_phone(qtbot, scenario_name, config):
    """Same config, same mounting, same screens: the window's simulation and the virtual device agree."""
    from camtool.virtual.device_state import VirtualDeviceState
    from camtool.virtual.frames import EndFrames, end_view
    from camtool.virtual.scenario import load_scenario
    from camtool.device.frame_stamp import stamp_mask

    scenario = load_scenario(scenario_name)
    state = VirtualDeviceState(scenario)
    if "usbCameraRotationAngle" in config:
        usb = next(d for d in scenario.usb_devices if d.is_uvc)
        config = {"usbCameraName": f"/dev/bus/usb/{usb.bus:03d}/{usb.dev:03d}", **config}
    state.apply_config(config)
    virtual = end_view(state.snapshot(), "wechat")
    phone_frame = EndFrames(state, "wechat").frame(1)

    document = ConfigDocument(config, wmpf_version=virtual.wmpf_version)
    panel = EndsPanel(document, behaviour=virtual.behaviour)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_mounting(virtual.mounting)
    panel.set_simulation(wechat_screen=virtual.screen)
    qtbot.waitUntil(lambda: panel.both_ends_shown() and panel.is_up_to_date(), timeout=10_000)
    simulated = panel.wechat_view.displayed_array()

    assert simulated.shape == phone_frame.shape
    keep = ~stamp_mask(phone_frame.shape)     # the stamp and ticker are the virtual device's own
    difference = cv2.absdiff(simulated, phone_frame)[keep]
    # The cameras' own pictures differ only in resolution (resampling), not in content.
    assert float(np.mean(difference)) < 4.0


def test_why_a_key_has_no_effect_reads_as_chinese_in_chinese(qtbot, ends):
    from camtool import i18n

    document, form, panel = ends
    before = i18n.language()
    i18n.set_language("zh")
    try:
        document.import_data({"internalCameraName": "0", "usbCameraPushFlip": True})
        _settle(qtbot, panel)
        qtbot.waitUntil(lambda: "usbCameraPushFlip：" in panel._wechat_effect.toolTip())
        assert "usbCameraPushFlip: " not in panel._wechat_effect.toolTip()
    finally:
        i18n.set_language(before)
