"""Finds the orientation chart in one frame: its clockwise turn, residual angle and mirroring.

Conventions (the same as `Turn` in camtool.config.semantics): a frame showing the chart
`mirrored` with `rotation` R is the upright chart mirrored left-right first, then turned R
degrees clockwise. `rotation` is the nearest multiple of 90 degrees to the chart's measured
clockwise angle; `residual_deg` is what is left over (-45..45, positive = further clockwise).
"No chart visible" is a result (`detected=False`), never an exception.

How: the frame is downscaled to a working size first (the budget is under 10 ms per 1080p
frame), ArUco markers are decoded, only the chart's own ids count, and the markers that
agree with each other (same turn, positions matching the chart's grid) are kept. A mirrored
marker does not decode, so when the frame itself gives too few markers the flipped frame is
decoded too, and its answer is mapped back to the original frame's coordinates.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from camtool.i18n import N_, tr
from camtool.vision.chart import MARKER_GRID, MARKER_IDS, aruco_dictionary

#: Two markers that agree fix up, left and mirroring; one could be a chance decode.
MIN_MARKERS = 2
#: Largest side of the image the detector works on. Markers of a chart that fills a fair
#: part of the frame stay well above the ~20 px ArUco needs; work grows with the area.
WORKING_SIZE = 640
#: Markers whose turn differs from the chart's by more than this are someone else's.
_MAX_ANGLE_SPREAD_DEG = 20.0


@dataclass(frozen=True)
class MarkerSighting:
    """One decoded chart marker, in the original frame's pixel coordinates."""

    marker_id: int
    corners: tuple[tuple[float, float], ...]  # the marker's own top-left, top-right, bottom-right, bottom-left
    centre: tuple[float, float]
    up: tuple[float, float]  # unit vector towards the chart's top (y points down)
    side_px: float


@dataclass(frozen=True)
class ChartDetection:
    """What one frame shows of the chart. All geometry is in the frame's own pixels."""

    detected: bool
    rotation: int = 0
    residual_deg: float = 0.0
    mirrored: bool = False
    markers: int = 0
    confidence: float = 0.0
    centre: tuple[float, float] | None = None  # centre of the agreeing markers
    up: tuple[float, float] | None = None  # unit vector from `centre` towards the chart's top
    marker_side_px: float = 0.0  # mean marker side, to size an overlay arrow
    sightings: tuple[MarkerSighting, ...] = field(default=(), repr=False)

    @property
    def angle_deg(self) -> float:
        """The chart's full clockwise angle in this frame, 0..360."""
        return (self.rotation + self.residual_deg) % 360.0

    def to_json(self) -> dict:
        """The result as plain JSON types (keys never change with the language)."""
        return {
            "detected": self.detected,
            "rotation": self.rotation,
            "residual_deg": round(self.residual_deg, 2),
            "mirrored": self.mirrored,
            "markers": self.markers,
            "confidence": round(self.confidence, 3),
            "centre": None if self.centre is None else [round(v, 1) for v in self.centre],
            "up": None if self.up is None else [round(v, 4) for v in self.up],
        }


NOT_DETECTED = ChartDetection(detected=False)


class _Detector:
    """One ArUco detector for the chart's six markers (built once: construction is not free)."""

    def __init__(self) -> None:
        full = aruco_dictionary()
        # A dictionary of just the chart's markers: nothing else can decode, and with six
        # codes at least 6 bits apart (mirror images included) two wrong bits can be
        # corrected safely, which H.264 and blur need.
        codes = np.stack([full.bytesList[i] for i in MARKER_IDS])
        self.dictionary = cv2.aruco.Dictionary(codes, full.markerSize, 2)
        params = cv2.aruco.DetectorParameters()
        params.errorCorrectionRate = 1.0
        # Three threshold windows cover markers from ~20 px to the whole working image;
        # the smallest default (3 px) only finds noise at this size.
        params.adaptiveThreshWinSizeMin = 5
        params.adaptiveThreshWinSizeMax = 25
        params.adaptiveThreshWinSizeStep = 10
        params.minMarkerPerimeterRate = 0.04
        self.aruco = cv2.aruco.ArucoDetector(self.dictionary, params)

    def find(self, gray: np.ndarray) -> tuple[list[tuple[int, np.ndarray]], list[np.ndarray]]:
        """Decoded chart markers [(id, 4x2 corners)] and the square candidates that did not decode."""
        corners, ids, rejected = self.aruco.detectMarkers(gray)
        found = []
        if ids is not None:
            for quad, index in zip(corners, ids.ravel()):
                found.append((MARKER_IDS[int(index)], quad.reshape(4, 2).astype(np.float64)))
        return found, [quad.reshape(4, 2) for quad in rejected]


@functools.lru_cache(maxsize=1)
def _shared_detector() -> _Detector:
    # One per process: detectMarkers does not change the detector, so threads may share it.
    return _Detector()


def _to_gray(frame: np.ndarray) -> np.ndarray:
    if not isinstance(frame, np.ndarray):
        raise TypeError(tr(N_("A frame must be an image array, not {kind}."), kind=type(frame).__name__))
    if frame.ndim == 2:
        gray = frame
    elif frame.ndim == 3 and frame.shape[2] == 3:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    elif frame.ndim == 3 and frame.shape[2] == 4:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    elif frame.ndim == 3 and frame.shape[2] == 1:
        gray = frame[:, :, 0]
    else:
        raise ValueError(tr(N_("A frame must be a gray, BGR or BGRA image, not an array of shape {shape}."),
                            shape=frame.shape))
    if gray.dtype != np.uint8:
        gray = np.clip(gray, 0, 255).astype(np.uint8)
    return gray


def _working_gray(frame: np.ndarray) -> tuple[np.ndarray, float, float]:
    """The frame in gray at the working size, and (scale, offset) with frame x = scale * x + offset."""
    gray = _to_gray(frame)
    scale, offset = 1.0, 0.0
    # Halving with pyrDown (blur + every other pixel) is cheaper than an area resize and
    # averages sensor noise away as well; a linear resize does the last, smaller step.
    while max(gray.shape[:2]) >= 2 * WORKING_SIZE:
        gray = cv2.pyrDown(gray)
        scale *= 2.0  # pyrDown keeps pixel 2i of its input as pixel i
    factor = max(gray.shape[:2]) / WORKING_SIZE
    if factor > 1.0:
        size = (max(1, round(gray.shape[1] / factor)), max(1, round(gray.shape[0] / factor)))
        step = gray.shape[1] / size[0]
        gray = cv2.resize(gray, size, interpolation=cv2.INTER_LINEAR)
        # resize aligns pixel centres: input x = step * (x + 0.5) - 0.5
        offset += scale * (0.5 * step - 0.5)
        scale *= step
    # A light blur costs ~0.1 ms and removes the pixel noise that would otherwise become
    # thousands of tiny contours (3x slower on a noisy frame), without hurting marker edges.
    return cv2.GaussianBlur(gray, (3, 3), 0), scale, offset


def _marker_geometry(quad: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Centre, unit up vector and mean side of one marker quad (plain floats: this runs per marker)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad.tolist()
    # Up: from the middle of the marker's bottom edge to the middle of its top edge.
    up_x, up_y = (x0 + x1 - x2 - x3) / 2, (y0 + y1 - y2 - y3) / 2
    norm = math.hypot(up_x, up_y) or 1.0
    side = (math.hypot(x1 - x0, y1 - y0) + math.hypot(x2 - x1, y2 - y1)
            + math.hypot(x3 - x2, y3 - y2) + math.hypot(x0 - x3, y0 - y3)) / 4
    centre = np.array(((x0 + x1 + x2 + x3) / 4, (y0 + y1 + y2 + y3) / 4))
    return centre, np.array((up_x / norm, up_y / norm)), side


def _angle_of(up: np.ndarray) -> float:
    """Clockwise angle (degrees, 0..360) of an up vector relative to the frame's up."""
    return math.degrees(math.atan2(up[0], -up[1])) % 360.0


def _angle_diff(a: float, b: float) -> float:
    return (a - b + 180.0) % 360.0 - 180.0


def _agreeing(found: list[tuple[int, np.ndarray]]) -> list[tuple[int, np.ndarray]]:
    """The markers that belong to one upright-printed chart: same turn, grid positions in order."""
    if len(found) < 2:
        return found
    geometry = [_marker_geometry(quad) for _, quad in found]
    angles = [_angle_of(up) for _, up, _ in geometry]
    # The marker whose angle is closest to most others is the reference (a circular median).
    ref = min(angles, key=lambda a: sum(abs(_angle_diff(a, b)) for b in angles))
    keep = [i for i, a in enumerate(angles) if abs(_angle_diff(a, ref)) <= _MAX_ANGLE_SPREAD_DEG]
    while len(keep) >= 2:
        up = np.mean([geometry[i][1] for i in keep], axis=0)
        up /= np.hypot(*up) or 1.0
        right = np.array([-up[1], up[0]])
        conflicts = {i: 0 for i in keep}
        for a in keep:
            for b in keep:
                if a < b and not _in_grid_order(found[a][0], found[b][0], geometry[b][0] - geometry[a][0], up, right):
                    conflicts[a] += 1
                    conflicts[b] += 1
        worst = max(keep, key=lambda i: conflicts[i])
        if conflicts[worst] == 0:
            break
        keep.remove(worst)
    return [found[i] for i in keep]


def _in_grid_order(id_a: int, id_b: int, offset: np.ndarray, up: np.ndarray, right: np.ndarray) -> bool:
    """Whether marker b sits where the chart's grid puts it relative to marker a."""
    (col_a, row_a), (col_b, row_b) = MARKER_GRID[id_a], MARKER_GRID[id_b]
    across, down = float(offset @ right), float(-(offset @ up))
    length = float(np.hypot(*offset)) or 1.0
    for grid_step, measured in ((col_b - col_a, across), (row_b - row_a, down)):
        if grid_step == 0:
            if abs(measured) > 0.5 * length:  # same column/row: no big step that way (perspective allowed)
                return False
        elif np.sign(grid_step) != np.sign(measured):
            return False
    return True


def detect_orientation(frame_bgr: np.ndarray) -> ChartDetection:
    """The chart's turn, residual angle and mirroring in one frame (BGR, BGRA or gray).

    Raises TypeError/ValueError only for something that is not an image; a frame without
    the chart gives `ChartDetection(detected=False, ...)`.
    """
    if not isinstance(frame_bgr, np.ndarray) or frame_bgr.ndim not in (2, 3) or min(frame_bgr.shape[:2]) < 16:
        shape = getattr(frame_bgr, "shape", None)
        raise ValueError(tr(N_("Not an image frame (shape {shape}): expected a gray, BGR or BGRA image of at least 16x16 pixels."),
                            shape=shape))
    detector = _shared_detector()
    gray, scale, offset = _working_gray(frame_bgr)
    direct, candidates = detector.find(gray)
    best = _agreeing(direct)
    mirrored = False
    total_seen = len(direct)
    # A mirrored marker shows up as a square candidate that did not decode: only then is the
    # flipped frame worth decoding, and only the part of it around those candidates (a frame
    # without squares stays cheap, a mirrored chart costs a fraction of a second pass).
    if len(best) < MIN_MARKERS and len(candidates) >= MIN_MARKERS - len(best):
        flipped, seen = _decode_flipped(detector, gray, candidates)
        if len(flipped) > len(best):
            best, mirrored, total_seen = flipped, True, seen
    if len(best) < MIN_MARKERS:
        return ChartDetection(detected=False, markers=len(best))
    return _result(best, total_seen, mirrored, scale, offset)


def _decode_flipped(detector: _Detector, gray: np.ndarray,
                    candidates: list[np.ndarray]) -> tuple[list[tuple[int, np.ndarray]], int]:
    """Agreeing markers of the mirrored frame (corners in `gray`'s coordinates) and how many decoded."""
    points = np.concatenate(candidates)
    (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
    # Room around the candidates for the threshold windows and ArUco's border distance.
    margin = max(24.0, 0.15 * max(x1 - x0, y1 - y0))
    height, width = gray.shape[:2]
    left, top = max(0, int(x0 - margin)), max(0, int(y0 - margin))
    right, bottom = min(width, int(x1 + margin) + 1), min(height, int(y1 + margin) + 1)
    found, _ = detector.find(cv2.flip(gray[top:bottom, left:right], 1))
    # Agreement is judged in the flipped picture, where the chart reads the right way round.
    agreeing = _agreeing(found)
    crop_width = right - left
    unflipped = []
    for marker_id, quad in agreeing:
        quad = quad.copy()
        quad[:, 0] = left + (crop_width - 1) - quad[:, 0]
        quad[:, 1] += top
        unflipped.append((marker_id, quad))
    return unflipped, len(found)


def _result(agreeing: list[tuple[int, np.ndarray]], total_seen: int, mirrored: bool, scale: float,
            offset: float) -> ChartDetection:
    """The detection from agreeing markers whose corners are in working-image coordinates."""
    sightings = []
    for marker_id, quad in agreeing:
        quad = quad * scale + offset  # working image -> frame pixels
        centre, up, side = _marker_geometry(quad)
        sightings.append(MarkerSighting(marker_id, tuple(map(tuple, quad.tolist())), tuple(centre.tolist()),
                                        tuple(up.tolist()), side))
    weights = np.array([s.side_px for s in sightings])
    up = np.average([s.up for s in sightings], axis=0, weights=weights)
    up /= np.hypot(*up) or 1.0
    angle = _angle_of(up)
    rotation = int(round(angle / 90.0)) % 4 * 90
    residual = _angle_diff(angle, rotation)
    spread = max(abs(_angle_diff(_angle_of(np.array(s.up)), angle)) for s in sightings)
    # Confidence: more markers, tighter agreement, clear of the 45-degree ambiguity, and no
    # stray chart markers that disagreed.
    count_factor = min(1.0, 0.5 + 0.5 * len(sightings) / len(MARKER_IDS))
    spread_factor = max(0.0, 1.0 - spread / (2 * _MAX_ANGLE_SPREAD_DEG))
    ambiguity_factor = min(1.0, max(0.0, (45.0 - abs(residual)) / 15.0))
    stray_factor = len(sightings) / max(total_seen, len(sightings))
    confidence = count_factor * spread_factor * ambiguity_factor * stray_factor
    centre = np.mean([s.centre for s in sightings], axis=0)
    return ChartDetection(
        detected=True, rotation=rotation, residual_deg=float(residual), mirrored=mirrored,
        markers=len(sightings), confidence=float(round(confidence, 4)),
        centre=(float(centre[0]), float(centre[1])), up=(float(up[0]), float(up[1])),
        marker_side_px=float(weights.mean()), sightings=tuple(sightings),
    )
