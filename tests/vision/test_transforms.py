"""Turns on pixels match the turn algebra, and fitting keeps the aspect on black bars."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from camtool.config.semantics import ALL_TURNS, IDENTITY, Turn
from camtool.vision.transforms import apply_turn, fit_letterbox, fitted_size, turn_and_fit


def _oracle(img: np.ndarray, turn: Turn) -> np.ndarray:
    """Mirror left-right, then rotate clockwise: numpy only, independent of OpenCV."""
    out = np.fliplr(img) if turn.mirrored else img
    return np.rot90(out, k=-(turn.rotation // 90))


@pytest.fixture
def asymmetric():
    # 3 x 4 so no turn maps it onto itself, with a colour per pixel.
    return np.arange(3 * 4 * 3, dtype=np.uint8).reshape(3, 4, 3)


@pytest.mark.parametrize("turn", ALL_TURNS, ids=str)
def test_apply_turn_matches_numpy(asymmetric, turn):
    assert np.array_equal(apply_turn(asymmetric, turn), _oracle(asymmetric, turn))


def test_clockwise_quarter_turn_moves_top_left_to_top_right():
    img = np.zeros((4, 6), np.uint8)
    img[0, 0] = 255
    turned = apply_turn(img, Turn(90))
    assert turned.shape == (6, 4) and turned[0, -1] == 255


def test_pixels_compose_like_turns(asymmetric):
    for a, b in itertools.product(ALL_TURNS, repeat=2):
        assert np.array_equal(apply_turn(apply_turn(asymmetric, a), b), apply_turn(asymmetric, a.then(b)))


def test_inverse_restores_the_picture(asymmetric):
    for turn in ALL_TURNS:
        assert np.array_equal(apply_turn(apply_turn(asymmetric, turn), turn.inverse()), asymmetric)


def test_identity_is_free(asymmetric):
    assert apply_turn(asymmetric, IDENTITY) is asymmetric


def test_letterbox_keeps_aspect_with_black_bars():
    img = np.full((100, 200, 3), 200, np.uint8)
    out = fit_letterbox(img, (300, 300))
    assert out.shape == (300, 300, 3)
    rows = np.where(out[:, 150, 0] > 0)[0]
    assert rows.min() == 75 and rows.max() == 224          # 150 rows of picture, centred
    assert not out[:75].any() and not out[225:].any()


def test_letterbox_into_portrait_screen():
    img = np.full((720, 1280, 3), 255, np.uint8)
    out = fit_letterbox(img, (720, 1280))
    cols = np.where(out[640, :, 0] > 0)[0]
    rows = np.where(out[:, 360, 0] > 0)[0]
    assert cols.min() == 0 and cols.max() == 719
    assert len(rows) == 405


def test_letterbox_reuses_the_output_buffer():
    img = np.full((10, 20, 3), 9, np.uint8)
    buffer = np.full((40, 40, 3), 7, np.uint8)
    out = fit_letterbox(img, (40, 40), out=buffer)
    assert out is buffer and out[0, 0, 0] == 0


@pytest.mark.parametrize("turn", ALL_TURNS, ids=str)
def test_turn_and_fit_equals_fit_of_turn(turn):
    rng = np.random.default_rng(1)
    # Smooth picture so resizing before or after the turn gives the same pixels within rounding.
    base = rng.integers(0, 255, (9, 16, 3), dtype=np.uint8)
    img = np.kron(base, np.ones((40, 40, 1), np.uint8))
    expected = fit_letterbox(apply_turn(img, turn), (320, 240))
    got = turn_and_fit(img, turn, (320, 240))
    assert got.shape == expected.shape
    assert np.mean(np.abs(got.astype(int) - expected.astype(int))) < 2


def test_fitted_size_never_zero():
    assert fitted_size(10000, 1, 100, 100) == (100, 1)


def test_bad_screen_size_is_a_clear_error():
    with pytest.raises(ValueError, match="screen size"):
        fit_letterbox(np.zeros((2, 2), np.uint8), (0, 10))
