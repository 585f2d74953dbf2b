"""The ORCA HUNTR dock panel: the model area and the Training Snapshots Timeline."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrDock", text)


class HuntrDock(QgsDockWidget):
    """The panel opened by the toolbar button."""

    OBJECT_NAME = "OrcaHuntrDock"

    def __init__(self, iface, parent=None) -> None:
        super().__init__(tr("ORCA HUNTR"), parent)
        self.iface = iface
        self.setObjectName(self.OBJECT_NAME)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.model_box = QGroupBox(tr("AI Model"), body)
        QVBoxLayout(self.model_box).addWidget(QLabel(tr("No model yet."), self.model_box))
        self.timeline_box = QGroupBox(tr("Training Snapshots Timeline"), body)
        QVBoxLayout(self.timeline_box).addWidget(QLabel(tr("No snapshots yet."), self.timeline_box))
        layout.addWidget(self.model_box)
        layout.addWidget(self.timeline_box, 1)
        self.setWidget(body)
