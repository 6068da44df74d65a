"""Degraded renders of the chart, as a phone or a cheap camera would see it, for tests and measurements.

A frame is built like a real one: the printed page (mirrored first, then turned: the same
order as `Turn` in camtool.config.semantics), a residual tilt of a few degrees, a perspective
lean, on a background, then the camera's faults (scale, blur, noise, uneven light,
compression). Every random choice comes from the `numpy.random.Generator` passed in, so a
seed gives the same frames on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np

from camtool.i18n import N_, language, tr
from camtool.vision.chart import chart_layout, render_chart_image

#: A printed chart page held up in front of a camera is portrait A4-ish.
_CHART_ASPECT = 297 / 210
_CV2_TURNS = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


@dataclass(frozen=True)
class ChartTruth:
    """What a generated frame really shows (the answer detection should give)."""

    present: bool
    rotation: int = 0
    mirrored: bool = False
    residual_deg: float = 0.0


def _chart_page(height_px: int) -> np.ndarray:
    return _cached_chart_page(height_px, language())


@lru_cache(maxsize=8)
def _cached_chart_page(height_px: int, lang: str) -> np.ndarray:  # the chart's text follows the language
    # A white page border around the chart, as on paper.
    width_px = round(height_px / _CHART_ASPECT)
    border = round(0.04 * width_px)
    page = np.full((height_px, width_px, 3), 255, np.uint8)
    page[border:height_px - border, border:width_px - border] = render_chart_image(width_px - 2 * border, height_px - 2 * border)
    page.flags.writeable = False
    return page


def _occluded(page: np.ndarray, marker_count: int, rng: np.random.Generator) -> np.ndarray:
    """Cover `marker_count` markers with a skin-coloured blob, like a thumb holding the page."""
    if marker_count <= 0:
        return page
    page = page.copy()
    h, w = page.shape[:2]
    border = round(0.04 * w)
    layout = chart_layout(w - 2 * border, h - 2 * border)
    for i in rng.choice(len(layout.markers), size=min(marker_count, len(layout.markers)), replace=False):
        m = layout.markers[int(i)]
        centre = (border + m.x + m.side // 2 + int(rng.integers(-m.side // 6, m.side // 6 + 1)),
                  border + m.y + m.side // 2 + int(rng.integers(-m.side // 6, m.side // 6 + 1)))
        axes = (int(m.side * rng.uniform(0.35, 0.6)), int(m.side * rng.uniform(0.35, 0.6)))
        cv2.ellipse(page, centre, axes, float(rng.uniform(0, 180)), 0, 360, (120, 150, 200), -1)
    return page


def background(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """A plain room: a soft gradient with a few pieces of furniture (rectangles and discs)."""
    base = np.array(rng.integers(60, 200, 3), np.float32)
    ramp = np.linspace(-30, 30, width, dtype=np.float32)[None, :, None]
    img = np.clip(base[None, None, :] + ramp + np.zeros((height, 1, 1), np.float32), 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(2, 7))):
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        x0, y0 = int(rng.integers(0, width)), int(rng.integers(0, height))
        if rng.random() < 0.5:
            x1, y1 = x0 + int(rng.integers(width // 10, width // 2)), y0 + int(rng.integers(height // 10, height // 2))
            cv2.rectangle(img, (x0, y0), (x1, y1), colour, -1)
        else:
            cv2.circle(img, (x0, y0), int(rng.integers(5, max(6, min(width, height) // 4))), colour, -1)
    return img


def chart_scene(width: int, height: int, *, rotation: int = 0, mirrored: bool = False, residual_deg: float = 0.0,
                tilt: float = 0.0, fill: float = 0.8, occluded_markers: int = 0,
                rng: np.random.Generator | None = None) -> np.ndarray:
    """A width x height BGR frame showing the chart mirrored (if asked), turned clockwise by
    `rotation` + `residual_deg` degrees, leaning by `tilt` (0..0.3, perspective), its larger
    side spanning `fill` of the frame's smaller side."""
    if rotation not in (0, 90, 180, 270):
        raise ValueError(tr(N_("The rotation must be 0, 90, 180 or 270, not {rotation}."), rotation=rotation))
    rng = rng if rng is not None else np.random.default_rng(0)
    page_h = int(np.clip(fill * min(width, height) * 1.25, 120, 1400))
    page = _occluded(_chart_page(page_h), occluded_markers, rng)
    if mirrored:
        page = cv2.flip(page, 1)
    if rotation:
        page = cv2.rotate(page, _CV2_TURNS[rotation])
    ph, pw = page.shape[:2]
    scale = fill * min(width, height) / max(ph, pw)
    # Destination corners: centred (with a little wander), turned by the residual angle
    # (clockwise on screen, y pointing down), one side pulled in for the perspective lean.
    half = np.array([[-pw, -ph], [pw, -ph], [pw, ph], [-pw, ph]], np.float64) * scale / 2
    corners = half.copy()
    if rng.random() < 0.5:  # top (or bottom) edge further from the camera
        far, near = ([0, 1], [2, 3]) if rng.random() < 0.5 else ([2, 3], [0, 1])
        corners[far, 0] *= 1 - tilt
        corners[near, 0] *= 1 + tilt / 2
    else:  # left (or right) edge further away
        far, near = ([0, 3], [1, 2]) if rng.random() < 0.5 else ([1, 2], [0, 3])
        corners[far, 1] *= 1 - tilt
        corners[near, 1] *= 1 + tilt / 2
    theta = np.deg2rad(residual_deg)
    turn = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    wander = (1 - fill) * 0.4 * np.array([width, height]) * rng.uniform(-1, 1, 2)
    dst = corners @ turn.T + np.array([width / 2, height / 2]) + wander
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float64)
    homography = cv2.getPerspectiveTransform(src.astype(np.float32), dst.astype(np.float32))
    frame = background(width, height, rng)
    cv2.warpPerspective(page, homography, (width, height), dst=frame, flags=cv2.INTER_AREA,
                        borderMode=cv2.BORDER_TRANSPARENT)
    return frame


def blur(img: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(img, (0, 0), sigma) if sigma > 0 else img


def add_noise(img: np.ndarray, sigma: float, rng: np.random.Generator) -> np.ndarray:
    """Sensor noise: Gaussian, per pixel and channel.

    Above 720p a 1280x720 field of noise is tiled: drawing 25 million normal numbers for a
    4K frame would make the tests slow and the detector cannot tell the difference.
    """
    if sigma <= 0:
        return img
    h, w = img.shape[:2]
    tile_shape = (min(h, 720), min(w, 1280)) + img.shape[2:]
    noise = rng.standard_normal(tile_shape, dtype=np.float32) * np.float32(sigma)
    if tile_shape[:2] != (h, w):
        reps = (-(-h // tile_shape[0]), -(-w // tile_shape[1])) + (1,) * (img.ndim - 2)
        noise = np.tile(noise, reps)[:h, :w]
    return cv2.add(img, noise, dtype=cv2.CV_8U) if img.ndim == 3 else np.clip(img + noise, 0, 255).astype(np.uint8)


def uneven_light(img: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
    """A lamp on one side: brightness falls from 1 to 1 - strength across the frame, plus a vignette."""
    h, w = img.shape[:2]
    angle = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    xs, ys = xs / w - 0.5, ys / h - 0.5
    ramp = (xs * np.cos(angle) + ys * np.sin(angle)) + 0.5
    vignette = 1 - 0.5 * (xs ** 2 + ys ** 2)
    gain = (1 - strength * np.clip(ramp, 0, 1)) * vignette
    return np.clip(img.astype(np.float32) * gain[:, :, None], 0, 255).astype(np.uint8)


def jpeg(img: np.ndarray, quality: int) -> np.ndarray:
    """JPEG block artefacts, as a screenshot or a photo saved by a phone has."""
    ok, data = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    return cv2.imdecode(data, cv2.IMREAD_COLOR) if ok else img


def h264_roundtrip(frames: list[np.ndarray], *, crf: int = 32, preset: str = "ultrafast") -> list[np.ndarray]:
    """The frames after libx264 encoding and decoding (PyAV), as a call's stream would deliver them."""
    import av  # only tests and tools need it; the detector does not

    h, w = frames[0].shape[:2]
    even_w, even_h = w - w % 2, h - h % 2  # yuv420p needs even sizes
    codec = av.CodecContext.create("libx264", "w")
    codec.width, codec.height, codec.pix_fmt = even_w, even_h, "yuv420p"
    codec.options = {"crf": str(crf), "preset": preset, "tune": "zerolatency"}
    decoder = av.CodecContext.create("h264", "r")
    out: list[np.ndarray] = []

    def _decode(packets):
        for packet in packets:
            for frame in decoder.decode(packet):
                out.append(frame.to_ndarray(format="bgr24"))

    for img in frames:
        video_frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(img[:even_h, :even_w]), format="bgr24")
        _decode(codec.encode(video_frame))
    _decode(codec.encode(None))
    _decode([None])
    return out


def resize_to_width(img: np.ndarray, width: int) -> np.ndarray:
    h, w = img.shape[:2]
    if w == width:
        return img
    height = max(2, round(h * width / w))
    interpolation = cv2.INTER_AREA if width < w else cv2.INTER_LINEAR
    return cv2.resize(img, (width, height), interpolation=interpolation)


#: Frame widths from a small preview to 4K.
WIDTHS = (320, 480, 640, 960, 1280, 1920, 3840)


def degraded_chart_frame(rng: np.random.Generator, *, width: int | None = None, rotation: int | None = None,
                         mirrored: bool | None = None, severity: float = 1.0) -> tuple[np.ndarray, ChartTruth]:
    """A random 16:9 frame with the chart under a random mix of faults; `severity` 0..1 scales them."""
    width = int(width if width is not None else rng.choice(WIDTHS))
    rotation = int(rotation if rotation is not None else rng.choice((0, 90, 180, 270)))
    mirrored = bool(mirrored if mirrored is not None else rng.random() < 0.5)
    residual = float(rng.uniform(-8, 8) * severity)
    # Render at most at 1280 wide and scale afterwards, as a camera's scaler would.
    render_w = min(width, 1280)
    render_h = render_w * 9 // 16
    frame = chart_scene(render_w, render_h, rotation=rotation, mirrored=mirrored, residual_deg=residual,
                        tilt=float(rng.uniform(0, 0.15) * severity), fill=float(rng.uniform(0.6, 0.95)),
                        occluded_markers=int(rng.integers(0, 3) * (rng.random() < severity * 0.5)), rng=rng)
    frame = uneven_light(frame, float(rng.uniform(0, 0.6) * severity), rng)
    frame = blur(frame, float(rng.uniform(0, 1.5) * severity * render_w / 640))
    frame = resize_to_width(frame, width)
    frame = add_noise(frame, float(rng.uniform(0, 10) * severity), rng)
    frame = jpeg(frame, int(rng.integers(30, 95) if severity > 0 else 95))
    return frame, ChartTruth(True, rotation, mirrored, residual)


def no_chart_frame(rng: np.random.Generator, *, width: int | None = None, kind: str | None = None) -> np.ndarray:
    """A 16:9 frame without the chart: sensor noise, or a plain room."""
    width = int(width if width is not None else rng.choice(WIDTHS))
    height = width * 9 // 16
    kind = kind or ("noise" if rng.random() < 0.5 else "scene")
    if kind == "noise":
        return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    if kind != "scene":
        raise ValueError(tr(N_("The kind of frame must be noise or scene, not {kind}."), kind=kind))
    render_w = min(width, 1280)
    frame = background(render_w, render_w * 9 // 16, rng)
    frame = uneven_light(frame, float(rng.uniform(0, 0.5)), rng)
    return jpeg(add_noise(resize_to_width(frame, width), float(rng.uniform(0, 8)), rng), 80)
