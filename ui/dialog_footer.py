"""The end of every ORCA HUNTR dialog: a red line naming what is wrong, then OK/Cancel."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QLabel


def add_footer(dialog: QDialog, layout: QBoxLayout, ok_text: str) -> tuple[QLabel, QDialogButtonBox]:
    """Append the problem label and the OK (labelled ``ok_text``) / Cancel buttons."""
    problem = QLabel(dialog)
    problem.setStyleSheet("color: #b71c1c;")
    problem.setWordWrap(True)
    layout.addWidget(problem)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return problem, buttons
