"""The end of every ORCA HUNTR dialog: a red line naming what is wrong, then OK/Cancel.

The footer also keeps the dialog as tall as its contents: when a folded group box
(*Advanced*) opens or closes, when the problem line appears or goes, and once the dialog
is shown (a ``QgsCollapsibleGroupBox`` folds itself only then), the dialog takes the
height its layout asks for, so that no empty band is left above the buttons.
"""

from __future__ import annotations

import contextlib

from qgis.gui import QgsCollapsibleGroupBoxBasic
from qgis.PyQt.QtCore import QEvent, QObject, QTimer
from qgis.PyQt.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QLabel, QWidget


def fit_height(dialog: QWidget) -> None:
    """Give ``dialog`` the height its contents ask for (its width is kept), once events ran."""

    def fit() -> None:
        with contextlib.suppress(RuntimeError):  # the dialog was deleted meanwhile
            layout = dialog.layout()
            if layout is not None:
                layout.activate()
            hint = dialog.sizeHint()
            dialog.resize(max(dialog.width(), hint.width()), max(hint.height(), dialog.minimumHeight()))

    QTimer.singleShot(0, fit)


class ProblemLabel(QLabel):
    """The red problem line: hidden while there is no problem, so that it leaves no gap."""

    def setText(self, text: str | None) -> None:
        text = text or ""
        shown = bool(text)
        super().setText(text)
        if shown == self.isHidden():
            self.setVisible(shown)
            fit_height(self.window())


class _FitOnShow(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show:
            fit_height(watched)
        return False


def add_footer(dialog: QDialog, layout: QBoxLayout, ok_text: str) -> tuple[QLabel, QDialogButtonBox]:
    """Append the problem label and the OK (labelled ``ok_text``) / Cancel buttons; keep the
    dialog's height fitted to its contents (see the module's text)."""
    problem = ProblemLabel(dialog)
    problem.setObjectName("HuntrProblem")
    problem.setStyleSheet("color: #b71c1c;")
    problem.setWordWrap(True)
    problem.hide()
    layout.addWidget(problem)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    for box in dialog.findChildren(QgsCollapsibleGroupBoxBasic):
        box.collapsedStateChanged.connect(lambda _collapsed: fit_height(dialog))
    dialog.installEventFilter(_FitOnShow(dialog))  # the dialog (its parent) keeps it
    return problem, buttons
