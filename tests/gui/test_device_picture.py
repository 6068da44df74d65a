"""The simulated ends start from the live device end's own picture, through the config it runs.

A fake capture (frames built exactly as the virtual device builds its screens) shows the
mechanics; the kiosk scenario over the private adb server shows the promise: what the
simulation shows for the form's config is what the device shows once it is applied.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np
import pytest

from camtool.config.semantics import Turn
from camtool.virtual.scene import picture_of_mounted_camera
from camtool.virtual.screens import render_ends
from camtool.device.frame_stamp import Stamp, draw_stamp, draw_ticker, read_stamp, stamp_mask

USB = {"usbCameraName": "/dev/video2"}
TOLERANCE = 8.0          # mean absolute difference (0..255) outside the stamp area
LIVE_TIMEOUT_MS = 20_000


def _difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference outside the stamp area, `b` scaled to `a`'s size if needed."""
    if a.shape != b.shape:
        b = cv2.resize(b, (a.shape[1], a.shape[0]), interpolation=cv2.INTER_AREA)
    kept_rows = int((~stamp_mask(a.shape)).any(axis=1).sum())
    return float(cv2.absdiff(a[:kept_rows], b[:kept_rows]).mean())


def _device_screen(camera: np.ndarray, config: dict | None, size=(1280, 720)) -> np.ndarray:
    """The device end's screen as the virtual device sends it: rendered, then ticker and stamp."""
    screen = render_ends(camera, config, "2.1.0", device_screen=size)[0].copy()
    draw_ticker(screen, 3)
    return draw_stamp(screen, Stamp(3, 1, 1))


# ---- a fake capture: frames delivered from another thread, as the device layer does ----------
@dataclass(frozen=True)
class _Frame:
    image: np.ndarray
    index: int


class _Source:
    def __init__(self, on_frame, on_state):
        self.on_frame, self.on_state, self.running = on_frame, on_state, False

    def start(self):
        self.running = True
        return self

    def stop(self, timeout: float = 5.0):
        self.running = False

    def deliver(self, image: np.ndarray, index: int = 1) -> None:
        thread = threading.Thread(target=self.on_frame, args=(_Frame(image, index),))
        thread.start()
        thread.join()


class _Service:
    def __init__(self):
        self.sources: dict[str, _Source] = {}

    def list_devices(self):
        return []

    def screen_source(self, serial, on_frame, on_state):
        self.sources[serial] = _Source(on_frame, on_state)
        return self.sources[serial]

    def apply_config(self, serial, config, package):
        raise NotImplementedError


@pytest.fixture
def panel(qtbot, document):
    from camtool.gui.ends_panel import EndsPanel

    document.import_data(dict(USB, usbCameraRotationAngle=0))
    service = _Service()
    widget = EndsPanel(document, device_service=service)
    widget.set_simulation(device_screen=(1280, 720), wechat_screen=(720, 1280))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(widget.both_ends_shown, timeout=10_000)
    widget.service = service
    return widget


def _simulated(qtbot, panel):
    qtbot.waitUntil(panel.is_up_to_date, timeout=10_000)
    return panel.device_view.displayed_array(), panel.wechat_view.displayed_array()


def test_form_config_is_simulated_on_the_device_cameras_picture_through_the_applied_config(qtbot, panel, document):
    camera = picture_of_mounted_camera(Turn(90, False))   # a camera the virtual scene does not have
    applied = dict(USB, usbCameraRotationAngle=180, usbCameraPushFlip=True)
    panel.attach_live("dev-1", None)
    panel.device_runs.set_applied(applied)
    assert panel.mounting_combo.isVisible() and not panel.uses_device_picture()

    panel.service.sources["dev-1"].deliver(_device_screen(camera, applied))
    qtbot.waitUntil(panel.uses_device_picture)
    assert not panel.mounting_combo.isVisible()        # the picture comes from the device now
    for rotation in (90, 270):
        document.set_rotation(rotation)
        want = render_ends(camera, document.data, document.wmpf_version,
                           device_screen=(1280, 720), wechat_screen=(720, 1280))
        got = _simulated(qtbot, panel)
        assert _difference(got[0], want[0]) < TOLERANCE, rotation
        assert _difference(got[1], want[1]) < TOLERANCE, rotation
        synthetic = render_ends(picture_of_mounted_camera(Turn(0, False)), document.data, None,
                                device_screen=(1280, 720), wechat_screen=(720, 1280))
        assert _difference(got[1], synthetic[1]) > 2 * TOLERANCE   # not the virtual scene

    panel.attach_live(None, None)                       # the device goes: the virtual scene returns
    qtbot.waitUntil(panel.is_up_to_date, timeout=10_000)
    assert panel.mounting_combo.isVisible() and not panel.uses_device_picture()


def _phone_screen(camera: np.ndarray, config: dict | None, push_base: Turn, size=(720, 1280)) -> np.ndarray:
    """The WeChat end's screen for a camera whose push path turns by `push_base`."""
    from camtool.config.semantics import Bases

    screen = render_ends(camera, config, "2.1.0", wechat_screen=size, bases=Bases(Turn(), push_base))[1].copy()
    draw_ticker(screen, 3)
    return draw_stamp(screen, Stamp(3, 1, 1))


def test_the_wechat_end_is_simulated_from_its_own_picture_when_a_phone_is_attached(qtbot, panel, document):
    """WMPF FAQ, first case: the preview upright, the push upside down. With the phone attached the
    simulation starts the WeChat end from the phone's picture, so a push flip in the form shows it
    upright; without the phone it assumes the preview's base and says so."""
    camera = picture_of_mounted_camera(Turn(0, False))
    runs = dict(USB)
    panel.device_runs.set_applied(runs)
    panel.attach_live("dev-1", "phone-1")
    panel.service.sources["dev-1"].deliver(_device_screen(camera, runs))
    panel.service.sources["phone-1"].deliver(_phone_screen(camera, runs, Turn(180)))
    qtbot.waitUntil(panel.uses_wechat_picture)
    document.import_data(dict(USB, usbCameraPushFlip=True))
    device, wechat = _simulated(qtbot, panel)
    upright = render_ends(camera, {}, "2.1.0", device_screen=(1280, 720), wechat_screen=(720, 1280))
    assert _difference(device, upright[0]) < TOLERANCE
    assert _difference(wechat, upright[1]) < TOLERANCE          # the flip undoes the push's own half turn
    assert "Assumed" not in panel._wechat_effect.text()

    panel.attach_live("dev-1", None)                             # no phone: the push base is assumed
    panel.service.sources["dev-1"].deliver(_device_screen(camera, runs))
    qtbot.waitUntil(panel.uses_device_picture)
    document.set_rotation(90)
    _simulated(qtbot, panel)
    qtbot.waitUntil(lambda: "Assumed" in panel._wechat_effect.text())
    wechat_assumed = panel.wechat_view.displayed_array()
    turned = render_ends(camera, document.data, "2.1.0", device_screen=(1280, 720), wechat_screen=(720, 1280))
    assert _difference(wechat_assumed, turned[1]) < TOLERANCE    # preview's base + the form's keys


def test_without_knowing_what_the_device_runs_the_choice_of_profile_decides(qtbot, panel, document, library):
    camera = picture_of_mounted_camera(Turn(0, False))
    sku = library.list()[0]
    runs, _ = library.resolved_config(sku)
    panel.device_runs.set_library_source(lambda: library)
    panel.attach_live("dev-1", None)
    assert panel.device_runs.isVisible() and panel.device_runs.config() is None   # default: none
    assert panel.device_runs.choose("profile", sku)
    assert panel.device_runs.config() == runs
    panel.device_runs.set_applied(dict(USB, usbCameraRotationAngle=90))   # what camtool applied wins
    assert panel.device_runs.config() == dict(USB, usbCameraRotationAngle=90)

    panel.service.sources["dev-1"].deliver(_device_screen(camera, dict(USB, usbCameraRotationAngle=90)))
    qtbot.waitUntil(panel.uses_device_picture)
    document.set_rotation(0)
    got = _simulated(qtbot, panel)
    want = render_ends(camera, document.data, None, device_screen=(1280, 720), wechat_screen=(720, 1280))
    assert _difference(got[0], want[0]) < TOLERANCE


def test_a_burst_of_frames_gives_one_render_now_and_one_for_the_newest(qtbot, panel):
    from camtool.gui.device_picture import DeviceFrameTap

    tap = DeviceFrameTap(panel.device_view, panel)
    emitted = []
    tap.pictureChanged.connect(lambda: emitted.append(tap.newest()[0, 0, 0]))
    for shade in range(1, 21):
        tap.set_frame(np.full((90, 160, 3), shade, np.uint8))
    assert emitted == [1]                               # the first at once, the rest wait
    qtbot.waitUntil(lambda: len(emitted) == 2, timeout=2000)
    assert emitted == [1, 20]                           # then only the newest
    tap.stop()


def test_a_black_device_screen_says_what_to_do(qtbot, panel):
    panel.attach_live("dev-1", None)
    panel.service.sources["dev-1"].deliver(np.zeros((720, 1280, 3), np.uint8))
    qtbot.waitUntil(lambda: "black" in panel.wechat_view._message, timeout=10_000)
    assert "camera is open" in panel.wechat_view._message


# ---- the kiosk over the private adb server ----------------------------------------------------
UPSIDE_DOWN_CAMERA = {"usbCameraVendorId": 0x0BDA, "usbCameraProductId": 0x5960,
                      "usbSerialNumber": "200901010002"}   # mounted turned by 180° in kiosk-dual-usb


@pytest.fixture
def kiosk(adb_server):
    from camtool.virtual.device import VirtualDevice

    device = VirtualDevice("kiosk-dual-usb").start(adb_server)
    yield device
    device.stop()


def _live(window):
    return window.ends.device_view.displayed_array(), window.ends.wechat_view.displayed_array()


@pytest.fixture
def live_window(qtbot, kiosk, document, library, settings, prompts):
    from camtool.device.device_service import AdbDeviceService
    from camtool.gui.main_window import MainWindow
    from camtool.gui.preferences import LanguageSwitcher

    package = kiosk.scenario.device.receiver_package
    win = MainWindow(document, library, settings, prompts=prompts, language=LanguageSwitcher(),
                     device_service=AdbDeviceService(), ask_package=lambda *_args: package)
    qtbot.addWidget(win)
    win.show()
    win.device_side.bar.prefer(kiosk.serial, kiosk.wechat_serial)
    qtbot.waitUntil(lambda: win.ends.live_ends_shown() and all(p is not None for p in _live(win)),
                    timeout=LIVE_TIMEOUT_MS)
    yield win
    win.document.mark_saved()
    win.close()


def _generations(window) -> list[int | None]:
    """The config generation stamped on each end's displayed frame (None: not a device frame)."""
    stamps = [read_stamp(img) if img is not None else None for img in _live(window)]
    return [stamp.config_generation if stamp is not None else None for stamp in stamps]


def _apply_and_see(qtbot, win, config: dict):
    """Apply `config` on the kiosk, go live, and return both ends once their frames carry it."""
    win.document.import_data(dict(config))
    win.ends.live_check.setChecked(True)
    qtbot.waitUntil(lambda: None not in _generations(win), timeout=LIVE_TIMEOUT_MS)
    before = max(_generations(win))
    with qtbot.waitSignal(win.device_side.apply.answered, timeout=LIVE_TIMEOUT_MS) as answer:
        assert win.device_side.apply.trigger()
    assert answer.args[0] is True, answer.args
    # The virtual device counts applied configs in each frame's stamp: wait for frames made after it.
    qtbot.waitUntil(lambda: all(g is not None and g > before for g in _generations(win)), timeout=LIVE_TIMEOUT_MS)
    return _live(win)


def test_on_the_kiosk_the_simulated_rotation_is_what_the_device_shows_after_applying_it(qtbot, live_window):
    win = live_window
    running = _apply_and_see(qtbot, win, dict(UPSIDE_DOWN_CAMERA, usbCameraRotationAngle=180))
    assert win.ends.device_runs.config() == win.device_side.apply.applied_config
    qtbot.waitUntil(win.ends.uses_device_picture, timeout=LIVE_TIMEOUT_MS)
    # Simulate on screens of the device's own sizes, then turn the rotation in the form.
    win.ends.set_simulation(device_screen=running[0].shape[1::-1], wechat_screen=running[1].shape[1::-1])
    win.ends.live_check.setChecked(False)
    assert not win.ends.mounting_combo.isVisible()
    win.document.set_rotation(90)
    simulated = _simulated(qtbot, win.ends)
    assert _difference(simulated[1], running[1]) > 2 * TOLERANCE   # the rotation shows, before applying

    applied = _apply_and_see(qtbot, win, dict(win.document.data))
    assert applied[0].shape == simulated[0].shape and applied[1].shape == simulated[1].shape
    assert _difference(simulated[0], applied[0]) < TOLERANCE
    assert _difference(simulated[1], applied[1]) < TOLERANCE


def test_the_simulated_device_screen_takes_the_shape_of_the_device_screen(qtbot, document):
    from camtool.gui.ends_panel import DEVICE_SCREEN, EndsPanel

    service = _Service()
    panel = EndsPanel(document, device_service=service)   # screens not set: the default sizes
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(panel.both_ends_shown, timeout=10_000)
    assert panel.device_view.displayed_array().shape[:2] == DEVICE_SCREEN[::-1]
    panel.attach_live("dev-1", None)
    camera = picture_of_mounted_camera(Turn(0, False))
    service.sources["dev-1"].deliver(_device_screen(camera, None, size=(1920, 1080)))
    qtbot.waitUntil(panel.uses_device_picture)
    device, _ = _simulated(qtbot, panel)
    assert device.shape[:2] == (450, 800)                   # 16:9 like the device, not 800x480
    want = render_ends(camera, document.data, None, device_screen=(800, 450), wechat_screen=(360, 640))[0]
    assert _difference(device, want) < TOLERANCE
