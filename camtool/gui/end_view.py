"""A view of one end's picture: aspect kept, letterboxed, an "up" arrow, and a live/simulated badge.

Frames may arrive faster than the screen can show them; only the newest is kept and the
repaint is throttled to about 60 Hz. The QImage is built on the GUI thread from a buffer the
view owns, so it never points into an array that another thread reuses or frees. A live
feed shrinks a big frame to the view's size on its capture thread (`fit_for_view`) and hands
both over, so the GUI thread neither scales nor copies a 1080p picture (issue 14).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:   # numpy is loaded when the first frame arrives, not at start-up
    import numpy as np

_REPAINT_INTERVAL_MS = 16


def fit_for_view(frame: np.ndarray, width_px: int, height_px: int) -> np.ndarray:
    """`frame` shrunk (area filter, a new C-contiguous array) when it is much larger than a view
    of width_px x height_px, so painting does not smooth-scale a 1080p picture on every repaint;
    else `frame` itself. Thread-free: a capture thread may call it."""
    scale = min(width_px / frame.shape[1], height_px / frame.shape[0])
    if scale >= 0.75:
        return frame
    import cv2

    size = (max(1, round(frame.shape[1] * scale)), max(1, round(frame.shape[0] * scale)))
    return cv2.resize(frame, size, interpolation=cv2.INTER_AREA)


class EndView(QWidget):
    """Shows the newest BGR frame of one end (device end or WeChat end)."""

    frameShown = Signal()   # a new frame became the displayed image

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self._title = ""
        self._live = False
        self._message = ""
        self._pending: np.ndarray | None = None
        self._pending_shown: np.ndarray | None = None   # its view-sized copy, made off the GUI thread
        self._buffer: np.ndarray | None = None   # owns the pixels self._image points into
        self._frame: np.ndarray | None = None    # the last frame as it was given
        self._image: QImage | None = None
        self.frames_shown = 0
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(_REPAINT_INTERVAL_MS)
        self._repaint.timeout.connect(self._show_pending)

    # ---- API -----------------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        self._title = title
        self.update()

    def set_live(self, live: bool) -> None:
        self._live = live
        self.update()

    def is_live(self) -> bool:
        return self._live

    def set_message(self, message: str) -> None:
        """A line over the picture (e.g. "Device lost: waiting for it to return"); "" hides it."""
        self._message = message
        self.update()

    def set_frame(self, bgr: np.ndarray, shown: np.ndarray | None = None) -> None:
        """Take a new frame (GUI thread); it is shown at the next repaint tick.

        `shown`: the frame already fitted to this view (`fit_for_view`), a new array the caller
        hands over and never touches again; it is painted as it is, without a copy here."""
        if bgr.ndim != 3 or bgr.shape[2] != 3 or bgr.dtype.name != "uint8":
            return  # not a BGR picture: keep the last good one rather than draw garbage
        fitted = shown is not None and shown is not bgr and shown.ndim == 3 and shown.shape[2] == 3 \
            and shown.dtype.name == "uint8" and shown.flags.c_contiguous
        self._pending, self._pending_shown = bgr, (shown if fitted else None)
        if not self._repaint.isActive():
            self._repaint.start()

    def has_pending_frame(self) -> bool:
        return self._pending is not None

    def image(self) -> QImage | None:
        """The image on screen now (for tests and the screenshot)."""
        return self._image

    def displayed_array(self) -> np.ndarray | None:
        """The frame on screen now, at its own size (a copy)."""
        return None if self._frame is None else self._frame.copy()

    def stop(self) -> None:
        self._repaint.stop()
        self._pending = self._pending_shown = None

    def pixel_size(self) -> tuple[int, int]:
        """The view's size in device pixels: what a frame is fitted to."""
        ratio = self.devicePixelRatioF()
        return max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio))

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    # ---- internals -----------------------------------------------------------------------
    def _show_pending(self) -> None:
        frame, shown, self._pending, self._pending_shown = self._pending, self._pending_shown, None, None
        if frame is None:
            return
        self._frame = frame
        buffer = shown if shown is not None else self._screen_sized(frame)
        if buffer is frame:
            import numpy as np

            buffer = np.array(frame, dtype=np.uint8, order="C", copy=True)
        height, width = buffer.shape[:2]
        self._buffer = buffer
        self._image = QImage(buffer.data, width, height, buffer.strides[0], QImage.Format.Format_BGR888)
        self.frames_shown += 1
        self.update()
        self.frameShown.emit()

    def _screen_sized(self, frame: np.ndarray) -> np.ndarray:
        """A frame much larger than the view, shrunk once (see fit_for_view)."""
        return fit_for_view(frame, *self.pixel_size())

    def _picture_rect(self) -> QRectF:
        area = QRectF(self.rect())
        if self._image is None or self._image.isNull():
            return area
        scale = min(area.width() / self._image.width(), area.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)   # the letterbox bars
        if self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self._picture_rect(), self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_badge(painter)
        self._draw_up_arrow(painter)
        if self._message:
            self._draw_message(painter)
        painter.end()

    def _draw_badge(self, painter: QPainter) -> None:
        text = self.tr("LIVE") if self._live else self.tr("SIMULATED")
        label = f"{self._title}  ·  {text}" if self._title else text
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        box = QRectF(8, 8, metrics.horizontalAdvance(label) + 16, metrics.height() + 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(200, 30, 30, 220) if self._live else QColor(40, 90, 200, 220))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _draw_up_arrow(self, painter: QPainter) -> None:
        # Where "up" is on this screen: compare it with the picture's own TOP.
        size = 28.0
        x, y = self.width() - size - 12, 12.0
        path = QPainterPath(QPointF(x + size / 2, y))
        path.lineTo(x + size, y + size * 0.55)
        path.lineTo(x + size * 0.65, y + size * 0.55)
        path.lineTo(x + size * 0.65, y + size * 1.3)
        path.lineTo(x + size * 0.35, y + size * 1.3)
        path.lineTo(x + size * 0.35, y + size * 0.55)
        path.lineTo(x, y + size * 0.55)
        path.closeSubpath()
        painter.setPen(QPen(QColor(0, 0, 0, 200), 1.5))
        painter.setBrush(QColor(255, 220, 0, 220))
        painter.drawPath(path)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(QRectF(x - 20, y + size * 1.35, size + 40, 18), Qt.AlignmentFlag.AlignCenter, self.tr("up"))

    def _draw_message(self, painter: QPainter) -> None:
        box = QRectF(self.rect()).adjusted(20, 0, -20, 0)
        box.setTop(box.center().y() - 30)
        box.setHeight(60)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 180))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(box.adjusted(8, 4, -8, -4), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         self._message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.update()   # badge and arrow texts are translated when painted
        super().changeEvent(event)
