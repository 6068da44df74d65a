"""Orientation detection on degraded renders: every turn, mirrored or not, at small and 4K sizes,
through blur, noise, uneven light, JPEG and H.264; and no chart means "not detected"."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from camtool.vision.chart import MARKER_IDS, chart_layout, render_chart_image
from camtool.vision.degrade import (add_noise, blur, chart_scene, degraded_chart_frame, h264_roundtrip, jpeg,
                                    no_chart_frame, resize_to_width, uneven_light)
from camtool.vision.detect import ChartDetection, detect_orientation

MOUNTINGS = [(rotation, mirrored) for mirrored in (False, True) for rotation in (0, 90, 180, 270)]
#: Where the chart's top points in the frame, for each clockwise turn (mirroring keeps it).
UP_FOR_TURN = {0: (0, -1), 90: (1, 0), 180: (0, 1), 270: (-1, 0)}


def _assert_reads(result: ChartDetection, rotation: int, mirrored: bool, residual: float = 0.0, tol: float = 3.0):
    assert result.detected, result
    assert (result.rotation, result.mirrored) == (rotation, mirrored), result
    assert abs(result.residual_deg - residual) < tol, result
    assert result.markers >= 2 and 0.0 < result.confidence <= 1.0


@pytest.mark.parametrize("rotation, mirrored", MOUNTINGS)
@pytest.mark.parametrize("width", [320, 1280, 3840])
def test_every_turn_mirrored_or_not_reads_right_from_320_px_to_4k(rotation, mirrored, width):
    rng = np.random.default_rng(rotation + 7 * mirrored + width)
    frame, truth = degraded_chart_frame(rng, width=width, rotation=rotation, mirrored=mirrored)
    assert frame.shape[1] == width
    _assert_reads(detect_orientation(frame), rotation, mirrored, truth.residual_deg)


def _turned_point(x: float, y: float, width: int, height: int, rotation: int, mirrored: bool) -> tuple[float, float]:
    """Where pixel (x, y) of a width x height image lands after mirroring (first) and turning clockwise."""
    if mirrored:
        x = width - 1 - x
    return {0: (x, y), 90: (height - 1 - y, x), 180: (width - 1 - x, height - 1 - y), 270: (y, width - 1 - x)}[rotation]


@pytest.mark.parametrize("rotation, mirrored", MOUNTINGS)
def test_up_vector_and_centre_point_at_the_chart_in_frame_pixels(rotation, mirrored):
    chart_w, chart_h, left, top = 640, 480, 700, 250
    picture = render_chart_image(chart_w, chart_h)
    if mirrored:
        picture = cv2.flip(picture, 1)
    picture = {0: picture, 90: cv2.rotate(picture, cv2.ROTATE_90_CLOCKWISE), 180: cv2.rotate(picture, cv2.ROTATE_180),
               270: cv2.rotate(picture, cv2.ROTATE_90_COUNTERCLOCKWISE)}[rotation]
    frame = np.full((1080, 1920, 3), 90, np.uint8)
    frame[top:top + picture.shape[0], left:left + picture.shape[1]] = picture
    result = detect_orientation(frame)
    _assert_reads(result, rotation, mirrored, tol=1.0)
    assert np.dot(result.up, UP_FOR_TURN[rotation]) > 0.999
    markers = chart_layout(chart_w, chart_h).markers
    centres = [_turned_point(m.x + (m.side - 1) / 2, m.y + (m.side - 1) / 2, chart_w, chart_h, rotation, mirrored)
               for m in markers]
    expected = np.mean(centres, axis=0) + (left, top)
    assert np.hypot(*(np.array(result.centre) - expected)) < 3.0
    for sighting in result.sightings:  # each marker's corners come back in the frame's own pixels
        m = next(m for m in markers if m.marker_id == sighting.marker_id)
        corner = _turned_point(m.x, m.y, chart_w, chart_h, rotation, mirrored)  # the marker's own top-left
        # Corners are found at the working size (1920 / 640 = 3 frame pixels per working pixel).
        assert np.hypot(sighting.corners[0][0] - corner[0] - left, sighting.corners[0][1] - corner[1] - top) < 7.0
    assert result.marker_side_px == pytest.approx(markers[0].side, rel=0.05)


@pytest.mark.parametrize("residual", [-12.0, -4.0, 6.5, 14.0])
def test_residual_angle_is_measured_clockwise(residual):
    frame = chart_scene(1280, 720, rotation=90, residual_deg=residual, rng=np.random.default_rng(2))
    result = detect_orientation(frame)
    _assert_reads(result, 90, False, residual, tol=1.5)
    assert result.angle_deg == pytest.approx((90 + residual) % 360, abs=1.5)


def test_residual_of_a_mirrored_chart_is_measured_in_the_frame_as_seen():
    frame = chart_scene(1280, 720, rotation=270, mirrored=True, residual_deg=8.0, rng=np.random.default_rng(3))
    _assert_reads(detect_orientation(frame), 270, True, 8.0, tol=1.5)


@pytest.mark.parametrize("rotation, mirrored", [(0, False), (90, True), (180, False), (270, True)])
def test_heavy_blur_noise_uneven_light_and_jpeg(rotation, mirrored):
    rng = np.random.default_rng(11)
    frame = chart_scene(960, 540, rotation=rotation, mirrored=mirrored, residual_deg=-5, tilt=0.2, rng=rng)
    frame = jpeg(add_noise(blur(uneven_light(frame, 0.7, rng), 1.6), 12, rng), 35)
    _assert_reads(detect_orientation(frame), rotation, mirrored, -5.0, tol=4.0)


def test_h264_stream_frames_read_right_for_every_mounting():
    rng = np.random.default_rng(5)
    frames = [chart_scene(640, 360, rotation=r, mirrored=m, residual_deg=3, rng=rng) for r, m in MOUNTINGS]
    decoded = h264_roundtrip(frames, crf=34)
    assert len(decoded) == len(frames)
    for frame, (rotation, mirrored) in zip(decoded, MOUNTINGS):
        _assert_reads(detect_orientation(frame), rotation, mirrored, 3.0, tol=4.0)


@pytest.mark.parametrize("covered", [1, 2, 3])
def test_markers_covered_by_a_hand_still_leave_the_answer(covered):
    rng = np.random.default_rng(covered)
    frame = chart_scene(1280, 720, rotation=180, mirrored=True, occluded_markers=covered, rng=rng)
    result = detect_orientation(frame)
    _assert_reads(result, 180, True)
    assert result.markers <= len(MARKER_IDS)


def test_one_marker_alone_is_not_a_chart():
    image = render_chart_image(1280, 720)
    for placement in chart_layout(1280, 720).markers[1:]:
        image[placement.y:placement.y + placement.side, placement.x:placement.x + placement.side] = 255
    result = detect_orientation(image)
    assert not result.detected and result.markers == 1


def test_markers_of_another_aruco_board_are_not_the_chart():
    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    image = np.full((720, 1280, 3), 255, np.uint8)
    for i, marker_id in enumerate((1, 2, 3, 4, 5, 6)):
        marker = cv2.aruco.generateImageMarker(dictionary, marker_id, 160)
        x, y = 100 + (i % 3) * 380, 120 + (i // 3) * 300
        image[y:y + 160, x:x + 160] = marker[:, :, None]
    assert not detect_orientation(image).detected


def test_a_chart_marker_out_of_its_place_is_left_out():
    # A stray chart marker (a second printout, say) must not bend the answer or its geometry.
    image = np.full((900, 1600, 3), 255, np.uint8)
    image[:720, :1280] = render_chart_image(1280, 720)
    first = chart_layout(1280, 720).markers[0]
    stray = render_chart_image(1280, 720)[first.y:first.y + first.side, first.x:first.x + first.side]
    image[900 - first.side - 10:890, 1600 - first.side - 10:1590] = stray
    result = detect_orientation(image)
    _assert_reads(result, 0, False)
    assert result.markers == len(MARKER_IDS)
    assert result.confidence < 1.0


@pytest.mark.parametrize("kind", ["noise", "scene"])
@pytest.mark.parametrize("width", [320, 1920])
def test_frames_without_the_chart_are_not_detected(kind, width):
    for seed in range(3):
        result = detect_orientation(no_chart_frame(np.random.default_rng(seed), width=width, kind=kind))
        assert not result.detected and result.confidence == 0.0


@pytest.mark.parametrize("value", [0, 255])
def test_blank_frames_are_not_detected(value):
    assert not detect_orientation(np.full((480, 640, 3), value, np.uint8)).detected


def test_gray_and_bgra_frames_read_like_bgr():
    frame = chart_scene(800, 450, rotation=270, rng=np.random.default_rng(4))
    for variant in (cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA)):
        _assert_reads(detect_orientation(variant), 270, False)


@pytest.mark.parametrize("bad", [None, [[1, 2], [3, 4]], np.zeros(100, np.uint8), np.zeros((8, 8, 3), np.uint8),
                                 np.zeros((64, 64, 2), np.uint8)])
def test_something_that_is_not_an_image_gives_a_clear_error(bad):
    with pytest.raises((ValueError, TypeError), match="image"):
        detect_orientation(bad)


def test_json_form_has_the_documented_keys_and_plain_types():
    frame = resize_to_width(chart_scene(1280, 720, rotation=90, mirrored=True, rng=np.random.default_rng(8)), 640)
    data = detect_orientation(frame).to_json()
    assert set(data) == {"detected", "rotation", "residual_deg", "mirrored", "markers", "confidence", "centre", "up"}
    assert data["rotation"] == 90 and data["mirrored"] is True and isinstance(data["centre"], list)
    assert detect_orientation(np.zeros((100, 100), np.uint8)).to_json()["centre"] is None


@pytest.mark.parametrize("rotation, mirrored", MOUNTINGS)
def test_virtual_device_ends_read_as_the_wmpf_semantics_predict(rotation, mirrored):
    # The virtual device's scene carries this chart; after a built-in camera's push rotation of
    # 90 degrees the WeChat end must read one quarter turn further than the device end.
    from camtool.config.semantics import Turn, ends_for
    from camtool.virtual.scene import picture_of_mounted_camera
    from camtool.virtual.screens import render_ends

    mounting = Turn(rotation, mirrored)
    config = {"cameraRotationAngle": 90}
    device_img, wechat_img = render_ends(picture_of_mounted_camera(mounting), config, "2.1.0")
    effect = ends_for(config, "2.1.0")
    for image, end_turn in ((device_img, effect.device_end), (h264_roundtrip([wechat_img])[0], effect.wechat_end)):
        seen = mounting.then(end_turn)
        _assert_reads(detect_orientation(image), seen.rotation, seen.mirrored)


@pytest.mark.parametrize("rotation, mirrored", [(0, False), (90, True)])
def test_a_chart_a_quarter_of_the_frame_high_is_read_in_1080p_and_4k(rotation, mirrored):
    for width in (1920, 3840):
        frame = chart_scene(width, width * 9 // 16, rotation=rotation, mirrored=mirrored, fill=0.25,
                            rng=np.random.default_rng(width))
        _assert_reads(detect_orientation(jpeg(frame, 85)), rotation, mirrored)
