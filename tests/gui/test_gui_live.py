"""The live hook: a device layer's capture source shown in an end view, device loss as a message."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import pytest

from camtool.gui.config_document import ConfigDocument
from camtool.gui.live_device import DeviceService
from camtool.gui.ends_panel import EndsPanel


@dataclass(frozen=True)
class _Frame:
    image: np.ndarray
    index: int
    preview: np.ndarray | None = None


class _FakeSource:
    """Calls back from its own thread, as camtool.device.capture sources do."""

    def __init__(self, on_frame, on_state):
        self.on_frame, self.on_state = on_frame, on_state
        self.running = False
        self.preview_box = None   # set by the feed: the view's size, as screenrecord sources take it

    def start(self):
        self.running = True
        self._from_thread(self.on_state, "starting", "")
        return self

    def stop(self, timeout: float = 5.0):
        self.running = False

    def deliver(self, shade: int, index: int, with_preview: bool = False):
        image = np.full((720, 1280, 3), shade, np.uint8)
        preview = None
        if with_preview and self.preview_box is not None:   # what the decoder makes (camtool.device.h264)
            from camtool.device.preview import preview_size

            width, height = preview_size(1280, 720, self.preview_box)
            preview = np.full((height, width, 3), shade, np.uint8)
        self._from_thread(self.on_frame, _Frame(image, index, preview))

    def report(self, state: str, detail: str = ""):
        self._from_thread(self.on_state, state, detail)

    @staticmethod
    def _from_thread(callback, *args):
        thread = threading.Thread(target=callback, args=args, name="fake-capture")
        thread.start()
        thread.join()


class _FakeService:
    def __init__(self):
        self.sources: dict[str, _FakeSource] = {}

    def list_devices(self):
        return []

    def screen_source(self, serial, on_frame, on_state):
        self.sources[serial] = _FakeSource(on_frame, on_state)
        return self.sources[serial]

    def apply_config(self, serial, config, package):
        raise NotImplementedError


@pytest.fixture
def live(qtbot):
    service = _FakeService()
    assert isinstance(service, DeviceService)
    panel = EndsPanel(ConfigDocument({"internalCameraName": "0"}), device_service=service)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(panel.both_ends_shown, timeout=10_000)
    return service, panel


def test_live_device_end_shows_the_device_and_the_wechat_end_stays_simulated(qtbot, live):
    service, panel = live
    assert not panel.live_check.isEnabled()          # nothing attached yet
    panel.attach_live("dev-1", None)
    assert panel.live_check.isEnabled()
    panel.live_check.setChecked(True)
    source = service.sources["dev-1"]
    assert source.running and panel.device_view.is_live() and not panel.wechat_view.is_live()
    source.report("streaming")
    for index, shade in enumerate((10, 200, 90), start=1):
        source.deliver(shade, index)
    qtbot.waitUntil(lambda: panel.device_view.displayed_array() is not None
                    and panel.device_view.displayed_array()[0, 0, 0] == 90)   # the newest frame wins
    simulated_wechat = panel.wechat_view.displayed_array()
    assert simulated_wechat is not None and simulated_wechat.shape == (640, 360, 3)


def test_device_loss_is_a_message_and_the_picture_returns_with_the_device(qtbot, live):
    service, panel = live
    panel.attach_live("dev-1", None)
    panel.live_check.setChecked(True)
    source = service.sources["dev-1"]
    source.report("lost", "device offline")
    qtbot.waitUntil(lambda: "not answering" in panel.device_view._message)
    assert "device offline" in panel.device_view._message
    source.report("streaming")
    source.deliver(150, 1)
    qtbot.waitUntil(lambda: panel.device_view._message == "" and panel.device_view.displayed_array() is not None
                    and panel.device_view.displayed_array()[0, 0, 0] == 150)


def test_switching_back_to_simulated_stops_the_capture(qtbot, live):
    service, panel = live
    panel.attach_live("dev-1", "phone-2")
    panel.live_check.setChecked(True)
    assert all(source.running for source in service.sources.values())
    panel.live_check.setChecked(False)
    assert not any(source.running for source in service.sources.values())
    assert not panel.device_view.is_live() and not panel.wechat_view.is_live()
    qtbot.waitUntil(panel.is_up_to_date, timeout=10_000)
    assert panel.device_view.displayed_array().shape == (480, 800, 3)   # the simulated screen again


def test_live_figures_count_the_frames_shown(qtbot, live):
    service, panel = live
    panel.attach_live("dev-1", None)
    panel.live_check.setChecked(True)
    source = service.sources["dev-1"]
    source.report("streaming")
    feed = panel.live_feeds()["device"]
    for index in range(1, 4):
        source.deliver(index * 40, index)
        qtbot.waitUntil(lambda index=index: feed.frames_shown == index)
    with qtbot.waitSignal(panel.liveFiguresChanged) as figures:
        text = panel.update_live_figures()
    assert figures.args == [text]
    assert text.startswith("Device end: ") and "frames/s" in text
    assert feed.last_latency_ms is None and "latency" not in text   # the fake frames carry no stamp
    panel.live_check.setChecked(False)
    assert not panel._figures_timer.isActive()


def test_a_big_live_frame_is_fitted_to_the_view_off_the_gui_and_capture_threads(qtbot, live, monkeypatch):
    """Issue 14: shrinking a 1080p frame took the GUI thread milliseconds per frame; the feed
    now has a worker do it (not the capture thread either, which must keep pace with the
    stream) and the view paints the fitted copy, keeping the full frame for the check."""
    from camtool.gui import live_device

    fitted_on = []
    real_fit = live_device.fit_for_view

    def spy(frame, width, height):
        fitted_on.append(threading.current_thread())
        return real_fit(frame, width, height)

    monkeypatch.setattr(live_device, "fit_for_view", spy)
    service, panel = live
    panel.resize(640, 400)
    panel.attach_live("dev-1", "phone-2")
    panel.live_check.setChecked(True)
    phone = service.sources["phone-2"]
    phone.report("streaming")
    phone.deliver(77, 1)
    view = panel.wechat_view
    qtbot.waitUntil(lambda: view.displayed_array() is not None and view.displayed_array()[0, 0, 0] == 77)
    assert view.displayed_array().shape == (720, 1280, 3)           # the full frame, for the check
    width, height = view.pixel_size()
    assert view.image().width() <= width and view.image().height() <= height   # painted at the view's size
    assert view.image().width() < 1280
    assert fitted_on
    assert not any(thread is threading.main_thread() or thread.name == "fake-capture" for thread in fitted_on)


def test_a_preview_made_by_the_source_is_painted_without_fitting_anything(qtbot, live, monkeypatch):
    """Issue 14: a screenrecord source shrinks each frame for the view from the decoded YUV
    (about a millisecond); the feed tells it the view's size and paints that picture as it is."""
    from camtool.gui import live_device

    fitted = []
    monkeypatch.setattr(live_device, "fit_for_view", lambda *args: fitted.append(args) or args[0])
    service, panel = live
    panel.resize(640, 400)
    panel.attach_live("dev-1", "phone-2")
    panel.live_check.setChecked(True)
    phone = service.sources["phone-2"]
    view = panel.wechat_view
    qtbot.waitUntil(lambda: phone.preview_box == view.pixel_size())
    phone.report("streaming")
    phone.deliver(66, 1, with_preview=True)
    qtbot.waitUntil(lambda: view.displayed_array() is not None and view.displayed_array()[0, 0, 0] == 66)
    assert view.displayed_array().shape == (720, 1280, 3)           # the full frame, for the check
    width, height = view.pixel_size()
    assert view.image().width() <= width and view.image().height() <= height and view.image().width() < 1280
    assert not fitted
    phone.deliver(99, 2)                                              # a frame without one: the worker fits it
    qtbot.waitUntil(lambda: view.displayed_array()[0, 0, 0] == 99)
    assert len(fitted) == 1
