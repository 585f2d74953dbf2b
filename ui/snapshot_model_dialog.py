"""The "AI Model from Snapshot" dialog: a new model that starts from a snapshot's weights."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .class_table import ClassTable
from .dialog_footer import add_footer
from .timeline import format_timestamp


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrSnapshotModelDialog", text)


class SnapshotModelDialog(QDialog):
    """New model name, class names (the count is the snapshot's) and whether to reuse the training data."""

    def __init__(self, model, snapshot, parent: QWidget | None = None, taken_names=()) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrSnapshotModelDialog")
        self.setWindowTitle(tr("AI Model from Snapshot"))
        self.setMinimumWidth(400)
        self._taken = {n.lower() for n in taken_names}
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "A new model starting from the weights of snapshot <b>{snapshot}</b> ({time}) "
                "of <b>{model}</b>."
            ).format(
                snapshot=snapshot.name or snapshot.id,
                time=format_timestamp(snapshot.created_at),
                model=model.name,
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setText(
            tr("{model} (from {snapshot})").format(model=model.name, snapshot=snapshot.name or snapshot.id)
        )
        self.name_edit.setToolTip(tr("Name of the new model"))
        form.addRow(tr("New model name"), self.name_edit)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                tr("Classes ({n}, as in the snapshot; you can rename them)").format(n=len(model.classes)),
                self,
            )
        )
        self.classes = ClassTable(self, fixed_count=True)
        self.classes.set_classes(model.classes)
        layout.addWidget(self.classes)
        self.reuse_check = QCheckBox(tr("Reuse training areas, labels and scenes"), self)
        self.reuse_check.setToolTip(
            tr(
                "Copy the snapshot's training areas, labels and scenes into the new model; "
                "otherwise it starts without any (add the scenes it should learn from)"
            )
        )
        layout.addWidget(self.reuse_check)
        self.problem_label, self.buttons = add_footer(self, layout, tr("Create model"))
        self.name_edit.textChanged.connect(self._validate)
        self.classes.changed.connect(self._validate)
        self._validate()

    def problem(self) -> str | None:
        """Why the dialog cannot be accepted yet, or None."""
        name = self.name_edit.text().strip()
        if not name:
            return tr("Give the new model a name.")
        if name.lower() in self._taken:
            return tr("A model with this name already exists.")
        return self.classes.problem()

    def _validate(self, *_args) -> None:
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def name(self) -> str:
        """The new model's name."""
        return self.name_edit.text().strip()

    def class_names(self) -> list[str]:
        """The class names, as many as the snapshot's classes."""
        return self.classes.names()

    def reuse(self) -> bool:
        """Whether the snapshot's training data goes with the new model."""
        return self.reuse_check.isChecked()
