""" "Compare with…": choose the other snapshot and a raster; then the metrics side by side."""

from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .dialog_footer import add_footer
from .timeline import format_timestamp


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrCompareDialog", text)


class CompareDialog(QDialog):
    """The other snapshot (default: the current state, or the one before it) and an optional raster."""

    def __init__(
        self, model, snapshots: list, snapshot_id: str, parent: QWidget | None = None, project=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrCompareDialog")
        self.setWindowTitle(tr("Compare Snapshots"))
        self.setMinimumWidth(420)
        self.snapshot = next(s for s in snapshots if s.id == snapshot_id)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("Compare snapshot <b>{snapshot}</b> of <b>{model}</b> with another snapshot.").format(
                snapshot=self.snapshot.name, model=model.name
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.other_combo = QComboBox(self)
        self.other_combo.setObjectName("HuntrCompareOther")
        others = [s for s in snapshots if s.id != snapshot_id]
        for s in others:
            self.other_combo.addItem(f"{s.name} · {format_timestamp(s.created_at)}", s.id)
        form.addRow(tr("Other snapshot"), self.other_combo)
        self.raster_combo = QgsMapLayerComboBox(self)
        self.raster_combo.setFilters(QgsMapLayerProxyModel.Filter.RasterLayer)
        self.raster_combo.setAllowEmptyLayer(True)
        if hasattr(self.raster_combo, "setProject"):  # QGIS 3.24+; 3.22 lists the current project's
            self.raster_combo.setProject(project or QgsProject.instance())
        self.raster_combo.setLayer(None)
        self.raster_combo.setToolTip(tr("Detections of both snapshots on this raster (empty: none)"))
        form.addRow(tr("Raster"), self.raster_combo)
        self.reuse_check = QCheckBox(tr("Reuse detections already made"), self)
        self.reuse_check.setChecked(True)
        self.reuse_check.setToolTip(
            tr(
                "A detection made earlier from a snapshot on this raster, with its own settings, "
                "is shown again"
            )
        )
        form.addRow("", self.reuse_check)
        layout.addLayout(form)
        self.problem, self.buttons = add_footer(self, layout, tr("Compare"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(others))
        if not others:
            self.problem.setText(tr("The model has no other snapshot to compare with."))

    def other_id(self) -> str | None:
        return self.other_combo.currentData()

    def raster(self):
        return self.raster_combo.currentLayer()

    def reuse(self) -> bool:
        return self.reuse_check.isChecked()


def _value(value) -> str:
    if value is None:
        return "–"
    if float(value).is_integer() and abs(value) >= 1:
        return f"{value:.0f}"
    return f"{value:.3f}"


class MetricsDialog(QDialog):
    """The comparison's metrics, overall and per class, and its training-data changes (not modal)."""

    def __init__(self, comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrCompareMetrics")
        a, b = comparison.a, comparison.b
        self.setWindowTitle(tr("Compare {a} ↔ {b}").format(a=a.name, b=b.name))
        self.setMinimumSize(480, 360)
        layout = QVBoxLayout(self)
        summary = comparison.summary()
        self.summary_label = QLabel(
            tr(
                "From {a} to {b}: training areas +{areas_added} / −{areas_removed}, "
                "labels +{labels_added} / −{labels_removed}."
            ).format(
                a=a.name,
                b=b.name,
                areas_added=summary["training_areas"]["added"],
                areas_removed=summary["training_areas"]["removed"],
                labels_added=summary["labels"]["added"],
                labels_removed=summary["labels"]["removed"],
            ),
            self,
        )
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(len(comparison.metrics), 5, self)
        self.table.setObjectName("HuntrCompareTable")
        self.table.setHorizontalHeaderLabels([tr("Metric"), tr("Class"), a.name, b.name, tr("Difference")])
        for row, item in enumerate(comparison.metrics):
            cells = [
                item.metric,
                item.class_name or tr("all"),
                _value(item.a),
                _value(item.b),
                "–" if item.diff is None else f"{item.diff:+.3f}",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()  # snapshot names are long: columns fit their text
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        if not comparison.metrics:
            layout.addWidget(QLabel(tr("Neither snapshot has metrics (no validation areas?)."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
