"""A view of one end's picture: aspect kept, letterboxed, an "up" arrow, and a live/simulated badge.

The badge and the arrow sit in a strip above the picture, never on it: the picture (and what
the orientation check draws on it) stays whole whatever the view's size or language.

Frames may arrive faster than the screen can show them; only the newest is kept and the
repaint is throttled to about 60 Hz. The QImage is built on the GUI thread from a buffer the
view owns, so it never points into an array that another thread reuses or frees. A live
feed hands a big frame over with a copy already shrunk to the view's size (made by the
capture source, or `fit_for_view` on a worker), so the GUI thread neither scales nor copies
a 1080p picture (issue 14). A new frame
repaints only the picture area; the header strip (badge, arrow) is drawn once into a pixmap and
redrawn only when its text, size or font changes: laying out its text on every frame cost the
GUI thread more than the picture itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from camtool.device.preview import preview_size

if TYPE_CHECKING:   # numpy is loaded when the first frame arrives, not at start-up
    import numpy as np

_REPAINT_INTERVAL_MS = 16


def fit_for_view(frame: np.ndarray, width_px: int, height_px: int) -> np.ndarray:
    """`frame` shrunk (area filter, a new C-contiguous array) when it is much larger than a view
    of width_px x height_px, so painting does not smooth-scale a 1080p picture on every repaint;
    else `frame` itself. Thread-free: a capture thread may call it."""
    size = preview_size(frame.shape[1], frame.shape[0], (width_px, height_px))
    if size is None:
        return frame
    import cv2

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
        self._notice = ""   # covers a simulated picture that cannot be (e.g. a camera the device lacks)
        self._pending: np.ndarray | None = None
        self._pending_shown: np.ndarray | None = None   # its view-sized copy, made off the GUI thread
        self._buffer: np.ndarray | None = None   # owns the pixels self._image points into
        self._frame: np.ndarray | None = None    # the last frame as it was given
        self._image: QImage | None = None
        self._header_height: int | None = None   # follows the font
        self._header: QPixmap | None = None       # the strip as last drawn; None: draw it again
        self.frames_shown = 0
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(_REPAINT_INTERVAL_MS)
        self._repaint.timeout.connect(self._show_pending)

    # ---- API -----------------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        self._title = title
        self._header = None
        self.update()

    def set_live(self, live: bool) -> None:
        self._live = live
        self._header = None
        self.update()

    def is_live(self) -> bool:
        return self._live

    def set_message(self, message: str) -> None:
        """A line over the picture (e.g. "Device lost: waiting for it to return"); "" hides it."""
        self._message = message
        self.update()

    def set_notice(self, notice: str) -> None:
        """Why the simulated picture cannot happen on the device (drawn over it, not while live); "" hides it."""
        if notice != self._notice:
            self._notice = notice
            self.update()

    def notice(self) -> str:
        return self._notice

    def header_height(self) -> int:
        """Height of the strip above the picture that holds the badge and the "up" arrow."""
        if self._header_height is None:
            font = QFont(self.font())
            font.setBold(True)
            self._header_height = QFontMetrics(font).height() + 12
        return self._header_height

    def picture_area(self) -> QRectF:
        """Where pictures are fitted: the view below the header strip."""
        return QRectF(self.rect()).adjusted(0, self.header_height(), 0, 0)

    def badge_rect(self) -> QRectF:
        """Where the LIVE/SIMULATED badge is drawn (tests check it stays off the picture)."""
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = min(metrics.horizontalAdvance(self._badge_text()) + 16, max(self.width() - self.header_height() - 40, 40))
        return QRectF(4, 4, width, metrics.height() + 4)

    def set_frame(self, bgr: np.ndarray, shown: np.ndarray | None = None) -> None:
        """Take a new frame (GUI thread); it is shown at the next repaint tick.

        `shown`: the frame already fitted to this view (`fit_for_view`), a new array the caller
        hands over and never touches again; it is painted as it is, without a copy here."""
        # dtype.char, not dtype.name: numpy builds the name in Python, through an import that
        # PySide's import hook inspects, every frame (issue 14).
        if bgr.ndim != 3 or bgr.shape[2] != 3 or bgr.dtype.char != "B":
            return  # not a BGR picture: keep the last good one rather than draw garbage
        fitted = shown is not None and shown is not bgr and shown.ndim == 3 and shown.shape[2] == 3 \
            and shown.dtype.char == "B" and shown.flags.c_contiguous
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
        ratio = self.devicePixelRatioF()   # the picture area (below the badge strip) is what it fills
        return max(1, round(self.width() * ratio)), max(1, round(self.picture_area().height() * ratio))

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
        self.update(self.picture_area().toAlignedRect())   # the header strip stays as it is
        self.frameShown.emit()

    def _screen_sized(self, frame: np.ndarray) -> np.ndarray:
        """A frame much larger than the view, shrunk once (see fit_for_view)."""
        return fit_for_view(frame, *self.pixel_size())

    def _picture_rect(self) -> QRectF:
        area = self.picture_area()
        if self._image is None or self._image.isNull():
            return area
        scale = min(area.width() / self._image.width(), area.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        area = self.picture_area()
        painter.fillRect(area, Qt.GlobalColor.black)   # the letterbox bars
        if self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self._picture_rect(), self._image)
        if event.rect().top() < area.top():   # a new frame repaints below the strip only
            painter.drawPixmap(0, 0, self._header_pixmap())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._notice and not self._live:
            self._draw_notice(painter)
        if self._message:
            self._draw_message(painter)
        painter.end()

    def _header_pixmap(self) -> QPixmap:
        """The header strip (badge and arrow), drawn again only after a change to what it shows."""
        ratio = self.devicePixelRatioF()
        size = QSize(max(1, round(self.width() * ratio)), max(1, round(self.header_height() * ratio)))
        if self._header is None or self._header.size() != size or self._header.devicePixelRatio() != ratio:
            pixmap = QPixmap(size)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(32, 32, 32))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self.font())
            self._draw_badge(painter)
            self._draw_up_arrow(painter)
            painter.end()
            self._header = pixmap
        return self._header

    def _badge_text(self) -> str:
        """"Device end · LIVE"; only "LIVE" when the view is too narrow for both (the title is above it too)."""
        text = self.tr("LIVE") if self._live else self.tr("SIMULATED")
        if not self._title:
            return text
        label = f"{self._title}  ·  {text}"
        font = QFont(self.font())
        font.setBold(True)
        room = self.width() - self.header_height() - QFontMetrics(self.font()).horizontalAdvance(self.tr("up")) - 40
        return label if QFontMetrics(font).horizontalAdvance(label) + 16 <= room else text

    def _draw_badge(self, painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, self.width(), self.header_height()), QColor(32, 32, 32))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        box = self.badge_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(200, 30, 30) if self._live else QColor(40, 90, 200))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(Qt.GlobalColor.white)
        label = painter.fontMetrics().elidedText(self._badge_text(), Qt.TextElideMode.ElideRight, int(box.width()) - 8)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _draw_up_arrow(self, painter: QPainter) -> None:
        # Where "up" is on this screen: compare it with the picture's own TOP. In the header strip.
        size = self.header_height() - 6.0
        x, y = self.width() - size - 6, 3.0
        path = QPainterPath(QPointF(x + size / 2, y))
        path.lineTo(x + size, y + size * 0.5)
        path.lineTo(x + size * 0.68, y + size * 0.5)
        path.lineTo(x + size * 0.68, y + size)
        path.lineTo(x + size * 0.32, y + size)
        path.lineTo(x + size * 0.32, y + size * 0.5)
        path.lineTo(x, y + size * 0.5)
        path.closeSubpath()
        painter.setPen(QPen(QColor(0, 0, 0, 200), 1.5))
        painter.setBrush(QColor(255, 220, 0))
        painter.drawPath(path)
        painter.setFont(self.font())
        painter.setPen(Qt.GlobalColor.white)
        word = self.tr("up")
        width = painter.fontMetrics().horizontalAdvance(word) + 6
        painter.drawText(QRectF(x - width, 0, width, self.header_height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, word)

    def _draw_notice(self, painter: QPainter) -> None:
        area = self.picture_area()
        painter.fillRect(area, QColor(20, 20, 20, 225))
        painter.setPen(QColor(255, 200, 120))
        painter.drawText(area.adjusted(16, 16, -16, -16), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         self._notice)

    def _draw_message(self, painter: QPainter) -> None:
        box = self.picture_area().adjusted(20, 0, -20, 0)
        box.setTop(box.center().y() - 30)
        box.setHeight(60)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 180))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(box.adjusted(8, 4, -8, -4), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         self._message)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._header = None   # the badge may drop its title, the arrow moves
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._header_height = None
        if kind in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange,
                    QEvent.Type.PaletteChange):
            self._header = None
            self.update()   # badge and arrow texts are translated when painted
        super().changeEvent(event)
