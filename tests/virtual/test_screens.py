"""The scene, both ends' screens and the stamped frames show what WMPF would show."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from camtool.vision.chart import MIN_CHART_SIDE, render_chart_image
from camtool.config.keys import Family
from camtool.config.semantics import (
    ALL_TURNS, IDENTITY, Bases, Turn, WmpfBehaviour, config_for_upright, ends_for,
)
from camtool.virtual.device_state import ActiveCamera, DeviceSnapshot, VirtualDeviceState
from camtool.virtual.frames import EndFrames, config_as_used
from camtool.virtual.scenario import DEFAULT_SCENARIO, Behaviour, Mounting, Screen, load_scenario
from camtool.virtual.scene import CORNER_COLOURS, camera_picture, render_scene, scene_layout
from camtool.virtual.screens import fit_screen_size, render_ends
from camtool.device.frame_stamp import read_stamp, stamp_mask
from camtool.vision.transforms import apply_turn

CAMERA = (320, 180)
USB = {"usbCameraName": "/dev/bus/usb/001/004"}


def _centroids(img: np.ndarray) -> dict[str, np.ndarray] | None:
    found = {}
    for name, colour in CORNER_COLOURS.items():
        hit = np.all(np.abs(img.astype(int) - np.array(colour)) < 40, axis=2)
        if hit.sum() < 4:
            return None
        ys, xs = np.nonzero(hit)
        found[name] = np.array([xs.mean(), ys.mean()])
    return found


def _arrangement(img: np.ndarray) -> tuple[str, ...] | None:
    """Which corner cue sits top-left, top-right, bottom-left on the screen."""
    c = _centroids(img)
    if c is None:
        return None
    names = list(c)
    return (min(names, key=lambda n: c[n][0] + c[n][1]),
            min(names, key=lambda n: -c[n][0] + c[n][1]),
            min(names, key=lambda n: c[n][0] - c[n][1]))


_UPRIGHT = ("top_left", "top_right", "bottom_left")


_ARRANGEMENTS: dict[tuple[str, ...], Turn] = {}


def seen_turn(img: np.ndarray) -> Turn | None:
    """The turn between the upright scene and what a screen shows, read from the corner cues."""
    if not _ARRANGEMENTS:
        probe = render_scene(*CAMERA)
        _ARRANGEMENTS.update({_arrangement(apply_turn(probe, turn)): turn for turn in ALL_TURNS})
        assert len(_ARRANGEMENTS) == 8, "every turn must look different"
    return _ARRANGEMENTS.get(_arrangement(img))


@pytest.fixture(scope="module")
def scene():
    return render_scene(*CAMERA)


def test_scene_corner_cues_read_upright(scene):
    assert seen_turn(scene) == IDENTITY
    assert _arrangement(scene) == _UPRIGHT


def test_scene_keeps_clear_of_the_stamp_area():
    layout = scene_layout(1280, 720)
    for _, y, _, h in (layout.chart, layout.left_marker, layout.figure, layout.title):
        assert y + h <= 720 - stamp_mask((720, 1280)).sum(axis=0)[0]


def test_scene_holds_the_orientation_chart():
    layout = scene_layout(1280, 720)
    x, y, w, h = layout.chart
    assert np.array_equal(render_scene(1280, 720)[y:y + h, x:x + w], render_chart_image(w, h))


def test_a_scene_too_small_for_the_chart_shows_an_up_arrow_card():
    """Below the chart's smallest side the scene still says which way is up: a white card with an arrow."""
    img = render_scene(120, 68)
    x, y, w, h = scene_layout(120, 68).chart
    assert min(w, h) < MIN_CHART_SIDE
    card = img[y:y + h, x:x + w]
    assert card[2, 2].tolist() == [255, 255, 255]                    # the white card
    dark_rows = np.flatnonzero((card[:, w // 2] < 128).all(axis=1))  # the arrow's shaft, centred
    assert len(dark_rows) > h // 2


@pytest.mark.parametrize("mounting", ALL_TURNS, ids=str)
def test_camera_picture_is_the_scene_as_mounted(scene, mounting):
    assert seen_turn(camera_picture(scene, mounting)) == mounting


def test_no_config_shows_the_camera_as_it_is(scene):
    picture = camera_picture(scene, Turn(90))
    device, wechat = render_ends(picture, None, "2.1.0", device_screen=(640, 360), wechat_screen=(360, 640))
    assert device.shape == (360, 640, 3) and wechat.shape == (640, 360, 3)
    assert seen_turn(device) == Turn(90) == seen_turn(wechat)


@pytest.mark.parametrize("behaviour", [WmpfBehaviour(), WmpfBehaviour("ccw", "vmirror")], ids=["cw", "ccw-vmirror"])
@pytest.mark.parametrize("family", [Family.USB, Family.BUILTIN])
@pytest.mark.parametrize("push", [Turn(0), Turn(90), Turn(180, True)], ids=str)
@pytest.mark.parametrize("preview", ALL_TURNS, ids=str)
def test_upright_plan_shows_what_it_predicts(scene, preview, push, family, behaviour):
    """Pixels agree with the model: each end is its base, then the keys' turn for that end."""
    bases = Bases(preview, push)
    base = USB if family is Family.USB else {"internalCameraName": "0"}
    plan = config_for_upright(bases, family, behaviour, base=base)
    device, wechat = render_ends(scene, plan.config, "2.1.0", behaviour, (480, 270), (270, 480), bases=bases)
    assert (seen_turn(device), seen_turn(wechat)) == plan.predicted
    assert (seen_turn(device) == IDENTITY) == plan.device_end_fixed
    assert (seen_turn(wechat) == IDENTITY) == plan.wechat_end_fixed
    if family is Family.BUILTIN:
        assert seen_turn(device) == preview      # a built-in preview never turns


def test_builtin_rotation_turns_only_the_push(scene):
    picture = camera_picture(scene, Turn(180))
    device, wechat = render_ends(picture, {"cameraRotationAngle": 180}, "2.1.0")
    assert seen_turn(wechat) == IDENTITY
    assert seen_turn(device) == Turn(180)


def test_mixed_config_changes_nothing(scene):
    picture = camera_picture(scene, Turn(90))
    device, wechat = render_ends(picture, {**USB, "cameraRotationAngle": 270}, "2.1.0")
    assert seen_turn(device) == Turn(90) == seen_turn(wechat)


def test_old_wmpf_ignores_the_builtin_rotation(scene):
    picture = camera_picture(scene, Turn(90))
    # 1.1.0's client library knows no camera key (1.2.4 is in the unseen range: taken to read it).
    _, wechat = render_ends(picture, {"cameraRotationAngle": 270}, "1.1.0")
    assert seen_turn(wechat) == Turn(90)
    _, unseen = render_ends(picture, {"cameraRotationAngle": 270}, "1.2.4")
    assert seen_turn(unseen) == IDENTITY


def test_vmirror_device_shows_a_mirrored_push(scene):
    _, wechat = render_ends(scene, {"cameraPushFlip": True}, "2.1.0", WmpfBehaviour(push_flip="vmirror"))
    assert seen_turn(wechat) == Turn(180, True)


def test_render_ends_is_pure(scene):
    before = scene.copy()
    first = render_ends(scene, {**USB, "usbCameraRotationAngle": 90}, None)
    second = render_ends(scene, {**USB, "usbCameraRotationAngle": 90}, None)
    assert np.array_equal(scene, before)
    assert all(np.array_equal(a, b) for a, b in zip(first, second))


def test_big_phone_screens_are_scaled_for_the_stream():
    assert fit_screen_size((1080, 2400), 1280) == (576, 1280)
    assert fit_screen_size((1280, 720), 1280) == (1280, 720)
    assert fit_screen_size((1281, 721), None) == (1280, 720)   # H.264 wants even sizes


# --- EndFrames over a state --------------------------------------------------------------

class FakeState:
    """A state whose snapshot is a real DeviceSnapshot, with the mounting, WMPF and behaviour a test sets."""

    def __init__(self, mounting=Turn(), kind="builtin", wmpf="2.1.0", behaviour=None):
        self.config, self.generation = None, 0
        self.mounting, self.kind, self.wmpf = mounting, kind, wmpf
        scenario = load_scenario(DEFAULT_SCENARIO)
        self.scenario = scenario.model_copy(update={
            "device": scenario.device.model_copy(update={"screen": Screen(width=640, height=360)}),
            "wechat_phone": scenario.wechat_phone.model_copy(update={"screen": Screen(width=1080, height=2400)}),
            "behaviour": behaviour or Behaviour()})

    def apply_config(self, config):
        self.config, self.generation = config, self.generation + 1

    def snapshot(self):
        camera = ActiveCamera(kind=self.kind, description="test camera",
                              mounting=Mounting(rotation=self.mounting.rotation, mirrored=self.mounting.mirrored))
        return DeviceSnapshot(scenario=self.scenario, config=self.config, config_generation=self.generation,
                              applied_at_ns=None, wmpf_installed=self.wmpf is not None, wmpf_version=self.wmpf,
                              usb=(), connections=(), active_camera=camera)


def test_frames_carry_number_and_generation_and_differ():
    frames = EndFrames(FakeState(), "device")
    a, b = frames.frame(7), frames.frame(8)
    assert a.shape == (360, 640, 3)
    sa, sb = read_stamp(a), read_stamp(b)
    assert (sa.frame_number, sb.frame_number) == (7, 8)
    assert sa.config_generation == 0 and sb.render_time_ns >= sa.render_time_ns
    assert not np.array_equal(a, b)
    keep = ~stamp_mask(a.shape)
    assert np.array_equal(a[keep], b[keep])          # outside the stamp area nothing moves


def test_applying_a_config_turns_the_ends_and_bumps_the_generation():
    state = FakeState(mounting=Turn(90), kind="usb")
    device, wechat = EndFrames(state, "device"), EndFrames(state, "wechat")
    assert seen_turn(device.frame(0)) == Turn(90) == seen_turn(wechat.frame(0))
    state.apply_config({**USB, "usbCameraRotationAngle": 270, "usbCameraPushFlip": True})
    d, w = device.frame(1), wechat.frame(1)
    assert read_stamp(d).config_generation == 1 == read_stamp(w).config_generation
    assert seen_turn(d) == IDENTITY
    assert seen_turn(w) == Turn(180)


def test_wechat_end_is_a_portrait_phone_screen():
    frame = EndFrames(FakeState(), "wechat").frame(0)
    assert frame.shape == (1280, 576, 3)
    assert seen_turn(frame) == IDENTITY


def test_no_wmpf_or_no_camera_shows_an_idle_stamped_screen():
    for state in (FakeState(wmpf=None), FakeState(kind=None)):
        frame = EndFrames(state, "device").frame(3)
        assert _centroids(frame) is None
        assert read_stamp(frame).frame_number == 3


def test_usb_selection_of_a_missing_camera_falls_back_to_builtin_keys():
    config = {**USB, "usbCameraRotationAngle": 90, "cameraRotationAngle": 270}
    assert config_as_used(config, "builtin") == {"usbCameraRotationAngle": 90, "cameraRotationAngle": 270}
    state = FakeState(mounting=Turn(90), kind="builtin")
    state.apply_config(config)
    assert seen_turn(EndFrames(state, "wechat").frame(0)) == IDENTITY


def test_scenario_behaviour_reaches_the_pictures():
    state = FakeState(behaviour=Behaviour(rotation_direction="ccw", push_flip="rotate180"))
    state.apply_config({"cameraRotationAngle": 90})
    assert seen_turn(EndFrames(state, "wechat").frame(0)) == Turn(270)


def test_with_the_real_device_state():
    state = VirtualDeviceState(load_scenario(DEFAULT_SCENARIO))
    for role, n in itertools.product(("device", "wechat"), (0, 1)):
        frame = EndFrames(state, role).frame(n)
        assert read_stamp(frame).frame_number == n
        assert seen_turn(frame) is not None


@pytest.mark.parametrize("config", [
    {"usbCameraName": "", "cameraRotationAngle": 90},
    {"usbCameraName": 5, "cameraRotationAngle": 90},
    {"usbCameraVendorId": "0x0bda", "usbCameraProductId": 0x5830, "usbSerialNumber": "RTK-5830-0A41",
     "cameraRotationAngle": 90},
])
def test_the_virtual_device_agrees_with_ends_for_on_which_family_is_in_use(config):
    """A USB selection WMPF cannot read opens the built-in camera, whose push rotation applies."""
    from camtool.virtual.device_state import VirtualDeviceState
    from camtool.virtual.frames import EndFrames
    from camtool.virtual.scenario import load_scenario

    state = VirtualDeviceState(load_scenario(DEFAULT_SCENARIO))
    state.apply_config(config)
    assert state.snapshot().active_camera.kind == "builtin"
    assert seen_turn(EndFrames(state, "wechat").frame(1)) == ends_for(config).wechat_end == Turn(90)
