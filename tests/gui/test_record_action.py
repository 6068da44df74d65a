"""Record / Stop in the window: what the two views show becomes an MP4 clip, saved where the technician says."""

from __future__ import annotations

import av

from camtool.gui.record_action import SHORTCUT


def test_record_then_stop_saves_a_playable_side_by_side_clip(window, qtbot, tmp_path):
    recorder = window.recorder
    assert recorder.action in window.actions.menus["device"].actions()
    assert recorder.action.shortcut().toString() == SHORTCUT
    target = tmp_path / "evidence.mp4"
    asked = []
    recorder.ask_path = lambda suggested: asked.append(suggested) or target
    with qtbot.waitSignal(recorder.progressed, timeout=20_000, check_params_cb=lambda s: s >= 1.0):
        recorder.action.trigger()
        assert recorder.recording and recorder.action.text().replace("&", "") == "Stop recording"
    assert recorder.status.isVisible() and "Recording both ends: " in recorder.status.text()
    with qtbot.waitSignal(recorder.finished, timeout=20_000) as done:
        recorder.action.trigger()
    assert done.args[0] == target and asked == ["camtool-ends.mp4"]
    assert not recorder.recording and recorder.action.text().replace("&", "") == "Record both ends"
    assert "saved to" in window.statusBar().currentMessage() and not recorder.status.isVisible()
    with av.open(str(target)) as clip:
        stream = clip.streams.video[0]
        frames = sum(1 for _ in clip.decode(stream))
        assert stream.width > stream.height and frames >= 2


def test_cancelling_the_file_choice_discards_the_clip(window, qtbot, tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    recorder = window.recorder
    recorder.ask_path = lambda suggested: None
    with qtbot.waitSignal(recorder.progressed, timeout=20_000):
        recorder.toggle()
    with qtbot.waitSignal(recorder.finished, timeout=20_000) as done:
        recorder.toggle()
    assert done.args == [None, "The clip was discarded."]
    assert list(temp.iterdir()) == []     # the temporary clip and its folder are gone


def test_closing_the_window_while_recording_stops_the_thread(window, qtbot, tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    recorder = window.recorder
    with qtbot.waitSignal(recorder.progressed, timeout=20_000):
        recorder.toggle()
    window.close()
    qtbot.waitUntil(lambda: not recorder.recording, timeout=20_000)
    qtbot.waitUntil(lambda: list(temp.iterdir()) == [], timeout=5_000)
