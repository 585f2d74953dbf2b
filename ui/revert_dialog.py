"""The revert confirmation: says exactly what a revert takes back, until when it can be undone,
and needs an explicit yes."""

from __future__ import annotations

from typing import Any

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .timeline import format_timestamp


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrRevertDialog", text)


def _labels(counts: dict | None) -> int:
    per_class = dict((counts or {}).get("labels_per_class") or {})
    return sum(int(v or 0) for v in per_class.values())


def impact_figures(impact: Any) -> dict[str, int]:
    """What a ``RevertImpact`` discards: snapshots, saved snapshots, training areas and labels.

    Training areas and labels "added since" are the live counts minus the target
    snapshot's (never negative: deletions since then come back with the revert).
    """
    live = dict(impact.live_counts or {})
    target = dict(impact.target_counts or {})
    return {
        "snapshots": len(impact.discarded_snapshots),
        "saved": len(impact.saved_discarded),
        "training_areas": max(
            0, int(live.get("training_areas") or 0) - int(target.get("training_areas") or 0)
        ),
        "labels": max(0, _labels(live) - _labels(target)),
        "changed": int(bool(impact.training_data_changed)),
    }


def impact_lines(impact: Any) -> list[str]:
    """The losses as sentences, one a line."""
    figures = impact_figures(impact)
    n = figures["snapshots"]
    lines = [
        tr("No later snapshot will leave the timeline.")
        if n == 0
        else tr("1 later snapshot will leave the timeline.")
        if n == 1
        else tr("{n} later snapshots will leave the timeline.").format(n=n)
    ]
    if figures["saved"]:
        lines.append(
            tr("Among them 1 saved snapshot.")
            if figures["saved"] == 1
            else tr("Among them {n} saved snapshots.").format(n=figures["saved"])
        )
    a, b = figures["training_areas"], figures["labels"]
    lines.append(
        tr("1 training area added since will be taken back.")
        if a == 1
        else tr("{n} training areas added since will be taken back.").format(n=a)
    )
    lines.append(
        tr("1 label added since will be taken back.")
        if b == 1
        else tr("{n} labels added since will be taken back.").format(n=b)
    )
    if figures["changed"] and not a and not b:
        lines.append(tr("Edits made to the training data since then will be undone."))
    elif not figures["changed"]:
        lines.append(tr("The training data have not changed since then."))
    if n or figures["changed"]:
        until = getattr(impact, "undo_until", None)
        lines.append(
            tr("What the revert takes back can be restored with Undo until {date}.").format(
                date=format_timestamp(until)
            )
            if until is not None
            else tr(
                "What the revert takes back can be restored with Undo at any time "
                "(it holds a saved snapshot)."
            )
        )
    return lines


class RevertDialog(QDialog):
    """Warns what will be lost; the Revert button is enabled only after ticking "I understand"."""

    def __init__(self, snapshot, impact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrRevertDialog")
        self.setWindowTitle(tr("Revert to Snapshot"))
        self.setMinimumWidth(400)
        self.impact = impact
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        layout.addWidget(icon)
        title = QLabel(
            tr("Revert the model to <b>{name}</b> ({time})?").format(
                name=snapshot.name or snapshot.id, time=format_timestamp(snapshot.created_at)
            ),
            self,
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        self.loss_label = QLabel(
            "<ul>" + "".join(f"<li>{line}</li>" for line in impact_lines(impact)) + "</ul>", self
        )
        self.loss_label.setObjectName("HuntrRevertLosses")
        self.loss_label.setWordWrap(True)
        layout.addWidget(self.loss_label)
        after = QLabel(
            tr("The snapshot becomes the current state and the training layers show its data again."), self
        )
        after.setWordWrap(True)
        layout.addWidget(after)
        self.confirm_check = QCheckBox(tr("I understand what the revert takes back"), self)
        layout.addWidget(self.confirm_check)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Revert"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.confirm_check.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def text(self) -> str:
        """The warning as plain text (for tests and logs)."""
        return "\n".join(impact_lines(self.impact))
