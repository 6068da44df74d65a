"""What the orientation check shows: the verdict per end, the explanations, and the detected "up" on each view.

`OrientationPanel` is the dock's contents; it only displays a verdict and offers the two
buttons (the controller in orientation_check.py owns the work). `UpOverlay` is a transparent
child of an EndView that draws the chart's detected "up" where the chart is in the picture,
so the technician sees what camtool saw, not only a word. Texts are translated when shown,
so a language switch redraws everything from the same verdict.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from camtool.i18n import join_list
from camtool.gui.retranslating import Retranslating

if TYPE_CHECKING:
    from camtool.vision.detect import ChartDetection
    from camtool.vision.verdict import EndResult, OrientationVerdict

_PASS_COLOUR = QColor(30, 150, 60)
_FAIL_COLOUR = QColor(210, 40, 40)


def _rotation_words(end: EndResult) -> str:
    """One end's result in a technician's words (translated; shared by the panel and the overlays)."""
    if not end.captured:
        return QCoreApplication.translate("OrientationPanel", "not captured")
    if not end.detected:
        return QCoreApplication.translate("OrientationPanel", "no chart visible")
    if end.upright and not end.mirrored:
        return QCoreApplication.translate("OrientationPanel", "upright")
    if end.upright:
        return QCoreApplication.translate("OrientationPanel", "upright, but mirrored")
    if end.mirrored:
        return QCoreApplication.translate("OrientationPanel", "turned {rotation}° clockwise and mirrored").format(
            rotation=end.rotation)
    return QCoreApplication.translate("OrientationPanel", "turned {rotation}° clockwise (needs {turn}° clockwise)"
                                      ).format(rotation=end.rotation, turn=end.turn_needed)


def _changes(config: dict, recommended: dict) -> list[str]:
    """`key: value` for every key the recommendation sets, changes or removes (JSON, never translated)."""
    import json

    lines = []
    for key in sorted(set(config) | set(recommended)):
        if key not in recommended:
            lines.append(f"{key}: −")
        elif config.get(key, object()) != recommended[key]:
            lines.append(f"{key}: {json.dumps(recommended[key], ensure_ascii=False)}")
    return lines


class UpOverlay(QWidget):
    """Draws one end's detection over an EndView: an arrow to the chart's top and the result."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._end: EndResult | None = None
        self._frame_size: tuple[int, int] | None = None
        self.setGeometry(view.rect())
        view.installEventFilter(self)   # follow the view's size
        self.hide()

    def show_result(self, end: EndResult | None, frame_size: tuple[int, int] | None) -> None:
        """Draw `end` (None hides the overlay) for a frame of `frame_size` (width, height)."""
        self._end, self._frame_size = end, frame_size
        self.setVisible(end is not None)
        self.raise_()
        self.update()

    def result(self) -> EndResult | None:
        return self._end

    def arrow_line(self) -> tuple[QPointF, QPointF] | None:
        """Where the arrow is drawn in this widget (tail, head); None when no chart was found."""
        end, size = self._end, self._frame_size
        if end is None or size is None or not end.detected or end.detection.centre is None:
            return None
        detection: ChartDetection = end.detection
        width, height = size
        # The view fits its picture below its badge strip (EndView.picture_area).
        area = self.parentWidget().picture_area() if hasattr(self.parentWidget(), "picture_area") else QRectF(self.rect())
        scale = min(area.width() / width, area.height() / height)
        left = area.x() + (area.width() - width * scale) / 2
        top = area.y() + (area.height() - height * scale) / 2
        cx, cy = detection.centre
        ux, uy = detection.up or (0.0, -1.0)
        # Long enough to read at a glance, short enough to stay on the chart.
        length = max(30.0, 2.5 * detection.marker_side_px * scale)
        tail = QPointF(left + cx * scale, top + cy * scale)
        return tail, QPointF(tail.x() + ux * length, tail.y() + uy * length)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event) -> None:  # noqa: N802
        if self._end is None:
            return
        good = self._end.upright and not self._end.mirrored
        colour = _PASS_COLOUR if good else _FAIL_COLOUR
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.arrow_line()
        if line is not None:
            self._draw_arrow(painter, *line, colour)
        self._draw_tag(painter, colour, ("✓ " if good else "✗ ") + _rotation_words(self._end))
        painter.end()

    def _draw_arrow(self, painter: QPainter, tail: QPointF, head: QPointF, colour: QColor) -> None:
        angle = math.atan2(head.y() - tail.y(), head.x() - tail.x())
        barb = 14.0
        painter.setPen(QPen(QColor(0, 0, 0, 200), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(tail, head)
        painter.setPen(QPen(colour, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(tail, head)
        path = QPainterPath(head)
        for side in (-1, 1):
            path.lineTo(head.x() - barb * math.cos(angle + side * 0.5), head.y() - barb * math.sin(angle + side * 0.5))
        path.closeSubpath()
        painter.setPen(QPen(QColor(0, 0, 0, 200), 1.5))
        painter.setBrush(colour)
        painter.drawPath(path)
        # The word sits just beyond the head, on the arrow's line, so it never covers the shaft.
        label = QPointF(head.x() + 18 * math.cos(angle), head.y() + 18 * math.sin(angle))
        text = self.tr("top")
        width = painter.fontMetrics().horizontalAdvance(text) + 8
        box = QRectF(label.x() - width / 2, label.y() - 9, width, 18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))   # readable on the white chart and on a dark scene
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _draw_tag(self, painter: QPainter, colour: QColor, text: str) -> None:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = min(self.width() - 16, metrics.horizontalAdvance(text) + 16)
        # Wrapped, not cut: a narrow (portrait) WeChat view takes the verdict on two lines.
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        height = metrics.boundingRect(0, 0, int(width) - 8, 1000, flags, text).height() + 8
        box = QRectF((self.width() - width) / 2, self.height() - height - 8, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 220))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(box.adjusted(4, 4, -4, -4), flags, text)


class OrientationPanel(Retranslating, QWidget):
    """The dock's contents: verdict, each end, explanations, recommendation and the two buttons."""

    checkRequested = Signal()
    applyRequested = Signal(bool)   # also to the device

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._verdict: OrientationVerdict | None = None
        self._state = "idle"          # idle, checking, shown, failed
        self._error = ""
        self._note = ""
        self._applied = False   # this verdict's recommendation is in the form already
        self._simulated = False   # the verdict is about the simulated ends, not a device
        self.verdict_label = QLabel(self)
        font = QFont(self.verdict_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.verdict_label.setFont(font)
        self.verdict_label.setWordWrap(True)
        self._device_title, self._wechat_title = QLabel(self), QLabel(self)
        self.device_result, self.wechat_result = QLabel(self), QLabel(self)
        self.recommendation_label = QLabel(self)
        self.recommendation_label.setWordWrap(True)
        self.recommendation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanations_label = QLabel(self)
        self.explanations_label.setWordWrap(True)
        self.explanations_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanations_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanations_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.check_button = QPushButton(self)
        self.apply_button = QPushButton(self)
        self.device_too = QCheckBox(self)
        self.device_too.setVisible(False)

        ends = QGridLayout()
        ends.addWidget(self._device_title, 0, 0)
        ends.addWidget(self.device_result, 0, 1)
        ends.addWidget(self._wechat_title, 1, 0)
        ends.addWidget(self.wechat_result, 1, 1)
        ends.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.device_too)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.verdict_label)
        left.addLayout(ends)
        left.addWidget(self.recommendation_label)
        left.addStretch(1)
        left.addLayout(buttons)
        # Explanations can be long sentences; they scroll rather than squeeze the buttons.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.explanations_label)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(scroll, 3)

        self.check_button.clicked.connect(self.checkRequested)
        self.apply_button.clicked.connect(lambda: self.applyRequested.emit(
            self.device_too.isVisible() and self.device_too.isChecked()))
        self.retranslate()

    # ---- API -----------------------------------------------------------------------------
    def show_checking(self) -> None:
        self._state, self._note = "checking", ""
        self._refresh()

    def show_verdict(self, verdict: OrientationVerdict, simulated: bool = False) -> None:
        """Show a verdict; `simulated`: it was computed on the simulated ends, not on a device."""
        self._verdict, self._state, self._note, self._applied = verdict, "shown", "", False
        self._simulated = simulated
        self._refresh()

    def clear(self) -> None:
        """Back to "not checked yet" (the device or scenario changed)."""
        self._verdict, self._state, self._note, self._applied, self._simulated = None, "idle", "", False, False
        self._refresh()

    def mark_applied(self, note: str = "") -> None:
        """The recommendation is in the form (and maybe on its way to the device): once is enough."""
        self._applied, self._note = True, note
        self._refresh()

    def show_failure(self, message: str) -> None:
        self._state, self._error = "failed", message
        self._refresh()

    def show_note(self, note: str) -> None:
        """A line under the recommendation (e.g. what happened after Apply)."""
        self._note = note
        self._refresh()

    def offer_device_apply(self, available: bool) -> None:
        """Show "also apply to the device" only when the window can apply to a device."""
        if available and not self.device_too.isVisible():
            self.device_too.setChecked(True)
        self.device_too.setVisible(available)

    def verdict(self) -> OrientationVerdict | None:
        return self._verdict

    def verdict_text(self) -> str:
        return self.verdict_label.text()

    def explanation_texts(self) -> list[str]:
        """The explanations as shown (translated), one per item."""
        if self._verdict is None or self._state != "shown":
            return []
        names = {"device": self.tr("Device end"), "wechat": self.tr("WeChat end")}
        texts = []
        for explanation in self._verdict.explanations:
            # Some sentences do not name their end; the same advice for both ends is told once per end.
            text = explanation.message if explanation.end is None else self.tr("{end}: {message}").format(
                end=names[explanation.end], message=explanation.message)
            if text not in texts:
                texts.append(text)
        return texts

    # ---- internals -----------------------------------------------------------------------
    def _refresh(self) -> None:
        verdict = self._verdict if self._state == "shown" else None
        colour = None
        if self._state == "checking":
            text = self.tr("Checking orientation...")
        elif self._state == "failed":
            text = self.tr("The check could not run: {error}").format(error=self._error)
        elif verdict is None:
            text = self.tr("Not checked yet: hold the printed chart (camtool chart) in front of the camera and "
                           "press Check orientation.")
        elif verdict.passed:
            text, colour = self.tr("PASS: both ends are upright and not mirrored."), _PASS_COLOUR
        else:
            text, colour = self.tr("FAIL: at least one end is not upright, or is mirrored."), _FAIL_COLOUR
        if verdict is not None and self._simulated:
            text = self.tr("Simulation (not a device): {verdict}").format(verdict=text)
        self.verdict_label.setText(text)
        self.verdict_label.setStyleSheet("" if colour is None else f"color: {colour.name()};")
        for label, name in ((self.device_result, "device"), (self.wechat_result, "wechat")):
            label.setText("—" if verdict is None else _rotation_words(verdict.end(name)))
        if verdict is None:
            recommendation = ""
        elif verdict.changes:
            recommendation = self.tr("Recommended keys: {changes}").format(
                changes=join_list(_changes(verdict.config, verdict.recommended)))
        else:
            recommendation = self.tr("No key to change: the config is the best InitGlobalConfig can do.")
        if self._note:
            recommendation = f"{recommendation}\n{self._note}" if recommendation else self._note
        self.recommendation_label.setText(recommendation)
        self.explanations_label.setText("\n\n".join(f"• {line}" for line in self.explanation_texts()))
        has_errors = verdict is not None and any(f.is_error for f in verdict.findings)
        self.apply_button.setEnabled(verdict is not None and verdict.changes and not has_errors and not self._applied)
        self.apply_button.setToolTip(self.tr("The recommended config still has an error: see the explanations.")
                                     if has_errors else self.tr(
            "Put the recommended keys into the form (an unsaved change; save the profile to keep it)."))
        self.check_button.setEnabled(self._state != "checking")

    def retranslate(self) -> None:
        self._device_title.setText(self.tr("Device end (preview):"))
        self._wechat_title.setText(self.tr("WeChat end (push):"))
        self.check_button.setText(self.tr("Check orientation"))
        self.check_button.setToolTip(self.tr("Detect the chart on both ends as they are shown now (Ctrl+K)."))
        self.apply_button.setText(self.tr("Apply recommendation"))
        self.device_too.setText(self.tr("also apply to the device"))
        self.device_too.setToolTip(self.tr("Send the recommended config to the device after putting it into "
                                           "the form, as Device > Apply to device does."))
        self._refresh()
