"""The Training Snapshots Timeline: one card per snapshot, newest first.

The widget only shows snapshots and says which action the user picked
(:attr:`TimelineWidget.actionRequested`); the dock carries the actions out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAction,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrTimeline", text)


# action ids, in menu order (None = separator)
SAVE, RENAME, DETECT, NEW_MODEL, REVERT, DELETE = "save", "rename", "detect", "new_model", "revert", "delete"
COMPARE, EXPORT = "compare", "export"
ACTIONS = (SAVE, RENAME, None, DETECT, COMPARE, NEW_MODEL, EXPORT, None, REVERT, DELETE)

BADGE_COLOURS = {  # kind -> (background, text)
    "current": ("#2e7d32", "#ffffff"),
    "temporary": ("#f9a825", "#222222"),
    "saved": ("#1565c0", "#ffffff"),
}


def _action_text(action: str) -> str:
    return {
        SAVE: tr("Save"),
        RENAME: tr("Rename…"),
        DETECT: tr("Run detection…"),
        NEW_MODEL: tr("AI Model from Snapshot…"),
        COMPARE: tr("Compare with…"),
        EXPORT: tr("Export package…"),
        REVERT: tr("Revert to…"),
        DELETE: tr("Delete"),
    }[action]


def _action_tip(action: str) -> str:
    return {
        SAVE: tr("Keep this snapshot: saved snapshots never expire"),
        RENAME: tr("Give this snapshot another name"),
        DETECT: tr("Run detection on a raster with this snapshot's weights"),
        NEW_MODEL: tr("Start a new AI model from this snapshot's weights"),
        COMPARE: tr("Metrics, training data changes and detections of this snapshot and another"),
        EXPORT: tr("Write this snapshot to one file that another project can import"),
        REVERT: tr("Make this snapshot the current state and discard everything after it"),
        DELETE: tr("Delete this snapshot for good"),
    }[action]


def as_datetime(value: Any) -> datetime | None:
    """A timezone-aware datetime from a datetime, an ISO string or epoch seconds."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, int | float):
        dt = datetime.fromtimestamp(value, tz=UTC)
    else:
        try:
            dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def format_timestamp(value: Any) -> str:
    """The snapshot's time in the user's local time zone, to the minute."""
    dt = as_datetime(value)
    return dt.astimezone().strftime("%Y-%m-%d %H:%M") if dt else ""


def days_left(expires_at: Any, now: datetime | None = None) -> int | None:
    """Whole days (rounded up) until ``expires_at``; 0 when already due."""
    dt = as_datetime(expires_at)
    if dt is None:
        return None
    now = now or datetime.now(UTC)
    seconds = (dt - now).total_seconds()
    if seconds <= 0:
        return 0
    return int(-(-seconds // 86400))


def badge_text(snapshot, now: datetime | None = None) -> str:
    """The kind badge: Current state, Temporary (expires in N days) or Saved."""
    kind = getattr(snapshot, "kind", "")
    if (getattr(snapshot, "config", None) or {}).get("checkpoint"):
        # written during a run (training/checkpoints.py): said on the badge, whatever the kind
        text = badge_text(_Plain(snapshot), now)
        return tr("Checkpoint · {kind}").format(kind=text)
    if kind == "current":
        return tr("Current state")
    if kind == "saved":
        return tr("Saved")
    if not getattr(snapshot, "state_known", True):
        return tr("Saved? · state unknown, never purged")
    left = days_left(getattr(snapshot, "expires_at", None), now)
    if left is None:
        return tr("Temporary")
    if left == 0:
        return tr("Temporary · expires today")
    if left == 1:
        return tr("Temporary · expires in 1 day")
    return tr("Temporary · expires in {n} days").format(n=left)


def expiry_text(snapshot) -> str:
    """The absolute date a temporary snapshot expires on (local time), for the badge's tooltip."""
    when = format_timestamp(getattr(snapshot, "expires_at", None))
    if getattr(snapshot, "kind", "") != "temporary" or not when:
        return ""
    return tr("Expires on {date} (local time), unless you save it").format(date=when)


def progress_text(progress: dict | None) -> str:
    """How far the model was trained at the snapshot: 'step 500 · 3.4 epochs'."""
    progress = dict(progress or {})
    steps = int(_number(progress.get("steps")) or 0)
    epochs = _number(progress.get("epochs")) or 0.0
    step_text = tr("1 step") if steps == 1 else tr("{n} steps").format(n=steps)
    return tr("{steps} · {epochs} epochs").format(steps=step_text, epochs=f"{epochs:.1f}")


class _Plain:
    """A snapshot seen without its checkpoint mark (for the rest of the badge)."""

    def __init__(self, snapshot) -> None:
        self._snapshot = snapshot
        self.config: dict = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._snapshot, name)


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _mean_of(value: Any) -> float | None:
    if isinstance(value, dict):
        numbers = [n for n in (_number(v) for v in value.values()) if n is not None]
        return sum(numbers) / len(numbers) if numbers else None
    return _number(value)


def key_metric(metrics: dict | None, mode: str | None = None) -> str:
    """The figures that tell how good a snapshot is: validation F1 and IoU, else the loss.

    Count models lead with the object F1, segmentation models with the mean IoU.
    """
    metrics = dict(metrics or {})
    f1 = next((_mean_of(metrics[k]) for k in ("f1", "val_f1", "object_f1") if k in metrics), None)
    iou = next((_mean_of(metrics[k]) for k in ("mean_iou", "val_mean_iou", "miou") if k in metrics), None)
    if iou is None and isinstance(metrics.get("iou"), dict):
        iou = _mean_of(metrics["iou"])
    parts = []
    if f1 is not None:
        parts.append(tr("F1 {value}").format(value=f"{f1:.2f}"))
    if iou is not None:
        parts.append(tr("IoU {value}").format(value=f"{iou:.2f}"))
    if mode == "segmentation":
        parts.reverse()
    if parts:
        return " · ".join(parts)
    for key in ("val_loss", "loss", "train_loss"):
        value = _number(metrics.get(key))
        if value is not None:
            return tr("loss {value}").format(value=f"{value:.3g}")
    return tr("no metrics yet")


def metrics_tooltip(metrics: dict | None, config: dict | None = None) -> str:
    """Every figure of a snapshot's metrics, one a line, for the metric's tooltip, then the
    detection settings it calibrated when it was made (on its validation areas, and for count
    models part of its training areas too), from its ``config``."""
    metrics = dict(metrics or {})
    names = {
        "loss": tr("Training loss"),
        "val_loss": tr("Validation loss"),
        "mean_iou": tr("Mean IoU"),
        "f1": tr("Object F1"),
        "precision": tr("Object precision"),
        "recall": tr("Object recall"),
    }
    lines = [tr("Validation metrics of this snapshot")]
    for key, label in names.items():
        value = _number(metrics.get(key))
        if value is not None:
            lines.append(f"{label}: {value:.3f}")
    per_class = metrics.get("iou")
    if isinstance(per_class, dict):
        for class_id, value in per_class.items():
            number = _number(value)
            if number is not None:
                lines.append(tr("IoU of class {id}: {value}").format(id=class_id, value=f"{number:.3f}"))
    calibrated = (config or {}).get("detection") or {}
    if calibrated:
        lines.append(
            tr(
                "Detection settings (calibrated): score ≥ {score}, boundary < {boundary}, ≥ {pixels} px"
            ).format(
                score=calibrated.get("score_threshold"),
                boundary=calibrated.get("boundary_threshold"),
                pixels=calibrated.get("min_pixels"),
            )
        )
        if calibrated.get("geometry") == "box":
            lines.append(tr("Detection writes each object as a box (the labels were boxes)"))
        if calibrated.get("flip_tta"):
            lines.append(tr("Validated with flip averaging: detection averages the mirror images too"))
        overlap = _number(calibrated.get("max_box_overlap"))
        if overlap is not None and overlap < 1:
            lines.append(
                tr("Of two boxes overlapping more than IoU {iou}, the lower-scored is dropped").format(
                    iou=f"{overlap:.2f}"
                )
            )
    return "\n".join(lines) if len(lines) > 1 else tr("No metrics recorded")


def counts_text(counts: dict | None) -> str:
    """'3 training areas · 12 labels · 1 scene'."""
    counts = dict(counts or {})
    areas = int(counts.get("training_areas") or 0)
    per_class = counts.get("labels_per_class") or {}
    labels = sum(int(v or 0) for v in per_class.values()) if isinstance(per_class, dict) else 0
    scenes = counts.get("scenes") or 0
    scenes = len(scenes) if isinstance(scenes, list | tuple) else int(scenes)
    parts = [
        tr("1 training area") if areas == 1 else tr("{n} training areas").format(n=areas),
        tr("1 label") if labels == 1 else tr("{n} labels").format(n=labels),
        tr("1 scene") if scenes == 1 else tr("{n} scenes").format(n=scenes),
    ]
    return " · ".join(parts)


def reverted_text(rs) -> str:
    """“2 reverted snapshots · undo until <date>” for a ``RevertedSet``."""
    n = len(rs.snapshots)
    what = (
        tr("Reverted training data")
        if n == 0
        else tr("1 reverted snapshot")
        if n == 1
        else tr("{n} reverted snapshots").format(n=n)
    )
    until = (
        tr("undo until {date}").format(date=format_timestamp(rs.expires_at))
        if rs.expires_at is not None
        else tr("undo at any time")
    )
    return f"{what} · {until}"


class _Label(QLabel):
    """A one-line label that never widens the card beyond the panel: long text is elided."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        super().setText(text)
        self._elide()

    def text(self) -> str:
        """The whole text, even when the label shows it elided."""
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if self.width() <= 0:
            return
        mode = (
            Qt.TextElideMode.ElideLeft
            if self.alignment() & Qt.AlignmentFlag.AlignRight
            else Qt.TextElideMode.ElideRight
        )
        shown = self.fontMetrics().elidedText(self._full, mode, self.width())
        if shown != super().text():
            super().setText(shown)


class SnapshotEntry(QFrame):
    """One card of the timeline: badge, name, time, counts, metric and an action button."""

    actionRequested = pyqtSignal(str, str)  # action id, snapshot id

    def __init__(self, snapshot, parent: QWidget | None = None, busy: bool = False) -> None:
        super().__init__(parent)
        self.snapshot = snapshot
        self.snapshot_id = snapshot.id
        self.setObjectName("HuntrSnapshotEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        kind = snapshot.kind
        bg, _fg = BADGE_COLOURS.get(kind, ("#757575", "#ffffff"))
        self.setStyleSheet(
            f"QFrame#HuntrSnapshotEntry {{ border: 1px solid palette(mid); border-left: 4px solid {bg};"
            " border-radius: 3px; }"
        )

        text = QVBoxLayout(self)
        text.setContentsMargins(8, 5, 5, 6)
        text.setSpacing(2)
        top = QHBoxLayout()
        self.badge = QLabel(badge_text(snapshot), self)
        self.badge.setObjectName("HuntrBadge")
        fg = BADGE_COLOURS.get(kind, ("#757575", "#ffffff"))[1]
        self.badge.setStyleSheet(
            f"QLabel {{ background: {bg}; color: {fg}; border-radius: 7px; padding: 1px 7px;"
            " font-size: 8pt; font-weight: bold; }"
        )
        tip = {
            "current": tr("The most recent state of the model: training resumes from here"),
            "temporary": tr("Kept for a while, then removed automatically unless you save it"),
            "saved": tr("Kept until you delete it"),
        }.get(kind, "")
        self.badge.setToolTip("\n".join(t for t in (tip, expiry_text(snapshot)) if t))
        top.addWidget(self.badge)
        top.addStretch(1)
        self.button = QToolButton(self)
        self.button.setObjectName("HuntrSnapshotActions")
        self.button.setText(tr("Actions"))
        self.button.setToolTip(tr("What to do with this snapshot"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAutoRaise(False)
        top.addWidget(self.button)
        text.addLayout(top)

        self.name_label = _Label(snapshot.name or snapshot.id, self)
        self.name_label.setObjectName("HuntrSnapshotName")
        self.name_label.setStyleSheet("font-weight: bold;")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_label = QLabel(progress_text(getattr(snapshot, "progress", None)), self)
        self.progress_label.setObjectName("HuntrSnapshotProgress")
        self.progress_label.setToolTip(tr("Training steps and epochs of the model at this snapshot"))
        self.progress_label.setStyleSheet("color: palette(dark);")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label, 1)
        name_row.addWidget(self.progress_label)
        text.addLayout(name_row)

        self.time_label = _Label(format_timestamp(snapshot.created_at), self)
        self.time_label.setToolTip(tr("Created at (local time)"))
        metrics = getattr(snapshot, "metrics", None)
        self.metric_label = _Label(
            key_metric(metrics, (getattr(snapshot, "config", None) or {}).get("mode")), self
        )
        self.metric_label.setToolTip(metrics_tooltip(metrics, getattr(snapshot, "config", None)))
        self.metric_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout()
        row.addWidget(self.time_label, 1)
        row.addWidget(self.metric_label, 1)
        text.addLayout(row)
        self.counts_label = _Label(counts_text(getattr(snapshot, "counts", None)), self)
        self.counts_label.setToolTip(tr("Training data in use when the snapshot was taken"))
        text.addWidget(self.counts_label)
        for label in (self.time_label, self.counts_label):
            label.setStyleSheet("color: palette(dark);")
        self.menu = QMenu(self.button)
        self._actions: dict[str, QAction] = {}
        for action in ACTIONS:
            if action is None:
                self.menu.addSeparator()
                continue
            qaction = self.menu.addAction(_action_text(action))
            qaction.setObjectName(f"huntr_{action}")
            qaction.setToolTip(_action_tip(action))
            qaction.setStatusTip(_action_tip(action))
            qaction.triggered.connect(lambda _checked=False, a=action: self._request(a))
            self._actions[action] = qaction
        self.menu.setToolTipsVisible(True)
        self.button.setMenu(self.menu)
        self.set_busy(busy)

    def action(self, action_id: str) -> QAction:
        """The menu action ``action_id`` (one of :data:`ACTIONS`)."""
        return self._actions[action_id]

    def set_busy(self, busy: bool) -> None:
        """Disable what cannot be done now (``busy``: training is running)."""
        kind = self.snapshot.kind
        self._actions[SAVE].setEnabled(kind == "temporary")
        self._actions[DELETE].setEnabled(kind != "current" and not busy)
        self._actions[REVERT].setEnabled(kind != "current" and not busy)
        self._actions[NEW_MODEL].setEnabled(not busy)  # it would switch the model being trained
        self._actions[COMPARE].setEnabled(True)
        self._actions[EXPORT].setEnabled(True)
        self._actions[RENAME].setEnabled(True)

    def _request(self, action: str) -> None:
        self.actionRequested.emit(action, self.snapshot_id)


class TimelineWidget(QScrollArea):
    """A scrollable column of :class:`SnapshotEntry`, newest first."""

    actionRequested = pyqtSignal(str, str)  # action id, snapshot id
    quarantineRequested = pyqtSignal(str)  # id of a damaged snapshot
    undoRequested = pyqtSignal(str)  # id of a reverted set

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrTimeline")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = QWidget(self)
        self._column = QVBoxLayout(self._body)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(6)
        self._empty = QLabel(tr("No snapshots yet. Train the model: every stop adds one here."), self._body)
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet("color: palette(dark);")
        self._column.addWidget(self._empty)
        # damaged snapshots (unreadable manifest): said above the cards, until the user decides
        self.damaged_label = QLabel(self._body)
        self.damaged_label.setWordWrap(True)
        self.damaged_label.setStyleSheet("color: #b00020;")
        self.damaged_button = QPushButton(tr("Move to quarantine"), self._body)
        self.damaged_button.clicked.connect(self._quarantine)
        self._damaged: list = []
        self._column.insertWidget(0, self.damaged_label)
        self._column.insertWidget(1, self.damaged_button)
        self.damaged_label.hide()
        self.damaged_button.hide()
        self._column.addStretch(1)
        self.setWidget(self._body)
        self._entries: list[SnapshotEntry] = []
        self._busy = False
        # what reverts took back: folded under the current state, one line and an Undo each
        self.reverted_box = QWidget(self._body)
        self.reverted_box.setObjectName("HuntrRevertedSets")
        self._reverted_rows = QVBoxLayout(self.reverted_box)
        self._reverted_rows.setContentsMargins(16, 0, 0, 0)
        self._column.insertWidget(2, self.reverted_box)
        self.reverted_box.hide()
        self._reverted: list = []

    def set_snapshots(self, snapshots: list) -> None:
        """Show ``snapshots`` (newest first, as the store lists them)."""
        for entry in self._entries:
            self._column.removeWidget(entry)
            entry.deleteLater()
        self._entries = []
        self._column.removeWidget(self.reverted_box)
        for index, snapshot in enumerate(snapshots):
            entry = SnapshotEntry(snapshot, self._body, busy=self._busy)
            entry.actionRequested.connect(self.actionRequested)
            self._column.insertWidget(index + 2, entry)
            self._entries.append(entry)
        self._column.insertWidget(3 if self._entries else 2, self.reverted_box)  # under the current state
        self._empty.setVisible(not self._entries)

    def set_reverted(self, reverted: list, now: datetime | None = None) -> None:
        """Show the model's reverted sets (``RevertedSet``, newest first) under the current state."""
        while self._reverted_rows.count():
            item = self._reverted_rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._reverted = list(reverted)
        for rs in self._reverted:
            row = QWidget(self.reverted_box)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(reverted_text(rs), row)
            label.setObjectName("HuntrRevertedText")
            label.setWordWrap(True)
            label.setStyleSheet("color: palette(dark);")
            button = QPushButton(tr("Undo"), row)
            button.setObjectName("HuntrUndoRevert")
            button.setToolTip(tr("Restore what this revert took back; what replaced it is kept the same way"))
            button.setEnabled(not self._busy)
            button.clicked.connect(lambda _=False, set_id=rs.id: self.undoRequested.emit(set_id))
            line.addWidget(label, 1)
            line.addWidget(button)
            self._reverted_rows.addWidget(row)
        self.reverted_box.setVisible(bool(self._reverted))

    def reverted_rows(self) -> list[tuple[str, QPushButton]]:
        """``(text, Undo button)`` of each reverted set shown, newest first."""
        out = []
        for i in range(self._reverted_rows.count()):
            row = self._reverted_rows.itemAt(i).widget()
            out.append((row.findChild(QLabel).text(), row.findChild(QPushButton)))
        return out

    def set_damaged(self, damaged: list) -> None:
        """Show the snapshots whose manifest cannot be read (``DamagedSnapshot``), or hide the notice."""
        self._damaged = list(damaged)
        if self._damaged:
            names = ", ".join(d.id for d in self._damaged)
            self.damaged_label.setText(
                tr(
                    "Snapshot(s) {ids} cannot be read ({reason}). Training this model is blocked: it would "
                    "continue from an older snapshot. Repair the files, or move the snapshot(s) to the "
                    "workspace's .quarantine folder."
                ).format(ids=names, reason=self._damaged[0].reason)
            )
        self.damaged_label.setVisible(bool(self._damaged))
        self.damaged_button.setVisible(bool(self._damaged))

    def _quarantine(self) -> None:
        for damaged in list(self._damaged):
            self.quarantineRequested.emit(damaged.id)

    def set_empty_text(self, text: str) -> None:
        """What to say when there is nothing to show."""
        self._empty.setText(text)

    def set_busy(self, busy: bool) -> None:
        """Disable revert/delete while training runs."""
        self._busy = busy
        for entry in self._entries:
            entry.set_busy(busy)
        for _text, button in self.reverted_rows():
            button.setEnabled(not busy)

    def entries(self) -> list[SnapshotEntry]:
        """The cards, newest first."""
        return list(self._entries)

    def entry(self, snapshot_id: str) -> SnapshotEntry:
        """The card of ``snapshot_id``."""
        for entry in self._entries:
            if entry.snapshot_id == snapshot_id:
                return entry
        raise KeyError(snapshot_id)
