"""The training curve of the panel: loss and validation metric against steps, snapshots marked.

Drawn with ``QPainter`` (no plotting package is imported). The data come from the
snapshots: each keeps its run's loss and validations (``metrics["history"]``, see
``training/history.py``) and its own final metric at its step; the timeline's snapshots,
oldest first, join into the model's curve. While a run goes on, its progress is added
live. :func:`curve_data` turns snapshots into plain series (tested without a widget).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..training.history import finite_number
from .timeline import BADGE_COLOURS

LOSS_COLOUR = "#1f77b4"
METRIC_COLOUR = "#e65100"


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrTrainingCurve", text)


@dataclass
class Marker:
    """A snapshot on the curve's step axis."""

    step: int
    name: str
    kind: str


@dataclass
class CurveData:
    """Plain series of a model's curve: ``(step, value)`` pairs, steps rising."""

    loss: list[tuple[int, float]] = field(default_factory=list)
    metric: list[tuple[int, float]] = field(default_factory=list)
    metric_name: str = "F1"
    markers: list[Marker] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.loss or self.metric or self.markers)

    def steps(self) -> tuple[int, int]:
        """The first and last step shown."""
        steps = [s for s, _ in self.loss] + [s for s, _ in self.metric] + [m.step for m in self.markers]
        return (min(steps), max(steps)) if steps else (0, 1)


def metric_key(mode: str | None) -> tuple[str, int]:
    """The validation metric the curve draws (F1 for count models, IoU for segmentation) and its
    column in a history's validation rows ``[step, val_loss, f1, mean_iou]``."""
    return ("mean_iou", 3) if mode == "segmentation" else ("f1", 2)


def curve_data(snapshots: list, mode: str | None = None) -> CurveData:
    """The curve of a model's timeline (``snapshots`` as the store lists them, newest first)."""
    key, column = metric_key(mode)
    data = CurveData(metric_name=tr("IoU") if key == "mean_iou" else tr("F1"))
    ordered = sorted(snapshots, key=lambda s: (int((s.progress or {}).get("steps") or 0), s.seq))
    for snap in ordered:
        metrics = dict(snap.metrics or {})
        step = int(finite_number((snap.progress or {}).get("steps")) or 0)
        raw = metrics.get("history")
        history: dict = raw if isinstance(raw, dict) else {}
        for point in history.get("loss") or []:
            value = finite_number(point[1]) if len(point) > 1 else None
            if value is not None:
                data.loss.append((int(point[0]), value))
        for row in history.get("validation") or []:
            value = finite_number(row[column]) if len(row) > column else None
            if value is not None:
                data.metric.append((int(row[0]), value))
        final = finite_number(metrics.get(key))
        if final is not None:
            data.metric.append((step, final))
        if not history.get("loss") and finite_number(metrics.get("loss")) is not None:
            data.loss.append((step, float(metrics["loss"])))  # older snapshots: their last loss
        data.markers.append(Marker(step, snap.name or snap.id, snap.kind))
    data.loss.sort(key=lambda p: p[0])
    data.metric.sort(key=lambda p: p[0])
    return data


def nice_top(value: float) -> float:
    """A round number ≥ ``value`` for the top of the loss axis."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


class TrainingCurve(QWidget):
    """Loss (left axis) and the validation metric (right axis, 0–1) against steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrTrainingCurve")
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.data = CurveData()
        self._stored = CurveData()
        self._live_loss: list[tuple[int, float]] = []
        self._live_metric: list[tuple[int, float]] = []
        self._mode: str | None = None
        self._model_id: str | None = None
        self._explain()

    def _explain(self) -> None:
        self.setToolTip(
            tr(
                "Training loss (blue, left axis) and validation {metric} (orange, right axis) against "
                "steps; the marks at the top are the snapshots"
            ).format(metric=self._stored.metric_name)
        )

    # -- data ---------------------------------------------------------------------------
    def set_snapshots(self, snapshots: list, model_id: str | None = None) -> None:
        """Show the curve of ``snapshots`` (model ``model_id``'s timeline). Live points of a run
        of the same model stay while they lie beyond its newest snapshot."""
        self._mode = next((s.config.get("mode") for s in snapshots if s.config), None)
        self._stored = curve_data(snapshots, self._mode)
        newest = max((m.step for m in self._stored.markers), default=0)
        if model_id != self._model_id:
            self._live_loss, self._live_metric = [], []
        self._model_id = model_id
        self._live_loss = [p for p in self._live_loss if p[0] > newest]
        self._live_metric = [p for p in self._live_metric if p[0] > newest]
        self._explain()
        self._combine()

    def add_progress(self, progress) -> None:
        """A running training's step (``Progress``): its loss, and its metric on validation steps."""
        loss = finite_number(getattr(progress, "loss", None))
        step = int(getattr(progress, "step", 0) or 0)
        if loss is not None and step:
            self._live_loss.append((step, loss))
        metrics = getattr(progress, "metrics", None) or {}
        value = finite_number(metrics.get(metric_key(self._mode)[0]))
        if value is not None and step:
            self._live_metric.append((step, value))
        self._combine()

    def _combine(self) -> None:
        stored = self._stored
        self.data = CurveData(
            loss=stored.loss + self._live_loss,
            metric=stored.metric + self._live_metric,
            metric_name=stored.metric_name,
            markers=list(stored.markers),
        )
        self.update()

    # -- drawing ------------------------------------------------------------------------
    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("0.000") + 8
        right = metrics.horizontalAdvance("1.0") + 8
        top = metrics.height() + 8
        bottom = metrics.height() + 6
        return QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))

    def _x(self, rect: QRectF, step: float) -> float:
        first, last = self.data.steps()
        span = max(last - first, 1)
        return rect.left() + (step - first) / span * rect.width()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(self.foregroundRole())
        grey = QColor(text)
        grey.setAlpha(110)
        rect = self._plot_rect()
        painter.setPen(QPen(grey, 1))
        painter.drawRect(rect)
        if self.data.empty():
            painter.setPen(text)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter, tr("The training curve appears after the first training")
            )
            painter.end()
            return
        first, last = self.data.steps()
        loss_top = nice_top(max([v for _s, v in self.data.loss] or [1.0]))
        metrics = self.fontMetrics()
        # axes: loss on the left, the metric on the right, steps below
        painter.setPen(text)
        painter.drawText(
            QRectF(0, rect.top() - metrics.height() / 2, rect.left() - 4, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{loss_top:g}",
        )
        painter.drawText(
            QRectF(0, rect.bottom() - metrics.height() / 2, rect.left() - 4, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "0",
        )
        for value, y in (("1.0", rect.top()), ("0", rect.bottom())):
            painter.drawText(
                QRectF(rect.right() + 4, y - metrics.height() / 2, 40, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                value,
            )
        below = QRectF(rect.left(), rect.bottom() + 2, rect.width(), metrics.height())
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, tr("step {n}").format(n=first))
        painter.drawText(below, Qt.AlignmentFlag.AlignRight, tr("step {n}").format(n=last))
        # legend above the plot, one entry after the other (those that do not fit are left out:
        # the tooltip says it all)
        x = rect.left()
        for label, colour in (
            (tr("— loss"), QColor(LOSS_COLOUR)),
            (tr("— validation {metric}").format(metric=self.data.metric_name), QColor(METRIC_COLOUR)),
            (tr("▼ snapshots"), text),
        ):
            width = metrics.horizontalAdvance(label)
            if x + width > self.width() - 2:
                break
            painter.setPen(colour)
            painter.drawText(QRectF(x, 2, width + 2, metrics.height()), Qt.AlignmentFlag.AlignLeft, label)
            x += width + metrics.horizontalAdvance("  ")
        painter.setClipRect(rect.adjusted(-4, -4, 4, 4))
        # snapshot markers: a dashed line and a triangle in the card's colour
        for marker in self.data.markers:
            x = self._x(rect, marker.step)
            colour = QColor(BADGE_COLOURS.get(marker.kind, ("#757575", ""))[0])
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(
                QPolygonF(
                    [QPointF(x - 4, rect.top()), QPointF(x + 4, rect.top()), QPointF(x, rect.top() + 6)]
                )
            )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self._draw_series(painter, rect, self.data.loss, loss_top, LOSS_COLOUR, dots=False)
        self._draw_series(painter, rect, self.data.metric, 1.0, METRIC_COLOUR, dots=True)
        painter.end()

    def _draw_series(self, painter, rect, points, top, colour, dots: bool) -> None:
        if not points:
            return
        path = QPainterPath()
        for index, (step, value) in enumerate(points):
            y = rect.bottom() - min(max(value / top, 0.0), 1.0) * rect.height()
            point = QPointF(self._x(rect, step), y)
            if index == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        painter.setPen(QPen(QColor(colour), 1.6))
        painter.drawPath(path)
        if dots:
            painter.setBrush(QColor(colour))
            for step, value in points:
                y = rect.bottom() - min(max(value / top, 0.0), 1.0) * rect.height()
                painter.drawEllipse(QPointF(self._x(rect, step), y), 2.5, 2.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def marker_at(self, x: float, tolerance: float = 5.0) -> Marker | None:
        """The snapshot marked nearest to ``x`` (widget pixels), within ``tolerance``."""
        rect = self._plot_rect()
        best = min(self.data.markers, key=lambda m: abs(self._x(rect, m.step) - x), default=None)
        if best is not None and abs(self._x(rect, best.step) - x) <= tolerance:
            return best
        return None

    def mouseMoveEvent(self, event) -> None:
        marker = self.marker_at(event.pos().x())
        if marker is not None:
            QToolTip.showText(
                event.globalPos(),
                tr("Snapshot {name} · step {step}").format(name=marker.name, step=marker.step),
                self,
            )
        super().mouseMoveEvent(event)
