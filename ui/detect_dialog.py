"""The "Run detection" dialog: snapshot, scene, area, and advanced options folded away."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsCollapsibleGroupBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .dialog_footer import add_footer
from .new_model_dialog import raster_layers
from .timeline import badge_text, format_timestamp

WHOLE_RASTER, CANVAS_EXTENT, SELECTED_FEATURES = "raster", "canvas", "selection"


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrDetectDialog", text)


def _snapshot_spin(parent: Any, maximum: float, tooltip: str) -> QDoubleSpinBox:
    """A setting the snapshot calibrated: 0 (shown as "the snapshot's") leaves it to the
    snapshot, any other value overrides it."""
    spin = QDoubleSpinBox(parent)
    spin.setRange(0.0, maximum)
    spin.setSingleStep(0.05)
    spin.setValue(0.0)
    spin.setSpecialValueText(tr("the snapshot's"))
    spin.setToolTip(tooltip)
    return spin


@dataclass
class DetectRequest:
    """The user's choices: plain values plus the chosen layers (turned into an AOI by the dock)."""

    snapshot_id: str
    raster: QgsRasterLayer
    area: str = WHOLE_RASTER
    polygon_layer: QgsVectorLayer | None = None
    options: dict[str, Any] = field(default_factory=dict)


class DetectDialog(QDialog):
    """Collects a :class:`DetectRequest`."""

    def __init__(
        self,
        model,
        snapshots: list,
        snapshot_id: str | None = None,
        parent: QWidget | None = None,
        project: QgsProject | None = None,
        canvas=None,
        scene_sources=(),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrDetectDialog")
        self.setWindowTitle(tr("Run Detection — {model}").format(model=model.name))
        self.setMinimumWidth(430)
        self.project = project or QgsProject.instance()
        self.canvas = canvas
        self.model = model
        self._snapshots = {snap.id: snap for snap in snapshots}
        self._fits: dict = {}  # (layer id, snapshot id) -> RasterFit
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.snapshot_combo = QComboBox(self)
        self.snapshot_combo.setToolTip(
            tr("Any snapshot of the model can detect: current, temporary or saved")
        )
        for snap in snapshots:
            self.snapshot_combo.addItem(
                f"{snap.name or snap.id} — {badge_text(snap)} — {format_timestamp(snap.created_at)}", snap.id
            )
        if snapshot_id is not None:
            index = self.snapshot_combo.findData(snapshot_id)
            if index >= 0:
                self.snapshot_combo.setCurrentIndex(index)
        form.addRow(tr("Snapshot"), self.snapshot_combo)

        self.scene_combo = QComboBox(self)
        self.scene_combo.setToolTip(tr("The raster to look at; its bands must match the model's"))
        for layer in raster_layers(self.project):
            self.scene_combo.addItem(layer.name(), layer.id())
        preferred = self._model_scene_index(scene_sources)
        if preferred >= 0:
            self.scene_combo.setCurrentIndex(preferred)
        form.addRow(tr("Scene"), self.scene_combo)
        layout.addLayout(form)

        area_box = QGroupBox(tr("Area"), self)
        area_layout = QVBoxLayout(area_box)
        self.area_group = QButtonGroup(self)
        self.whole_radio = QRadioButton(tr("Whole raster"), area_box)
        self.canvas_radio = QRadioButton(tr("Current map extent"), area_box)
        self.selection_radio = QRadioButton(tr("Selected features of a polygon layer"), area_box)
        self.canvas_radio.setEnabled(canvas is not None)
        for button, key in (
            (self.whole_radio, WHOLE_RASTER),
            (self.canvas_radio, CANVAS_EXTENT),
            (self.selection_radio, SELECTED_FEATURES),
        ):
            button.setProperty("area", key)
            self.area_group.addButton(button)
            area_layout.addWidget(button)
        self.whole_radio.setChecked(True)
        self.polygon_combo = QgsMapLayerComboBox(area_box)
        self.polygon_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.polygon_combo.setToolTip(tr("Detection runs inside the selected polygons of this layer"))
        area_layout.addWidget(self.polygon_combo)
        layout.addWidget(area_box)

        self.advanced = QgsCollapsibleGroupBox(tr("Advanced options"), self)
        self.advanced.setCollapsed(True)
        adv = QFormLayout(self.advanced)
        self.tile_spin = QSpinBox(self.advanced)
        self.tile_spin.setRange(0, 2048)
        self.tile_spin.setSingleStep(32)
        self.tile_spin.setSpecialValueText(tr("As trained"))
        self.tile_spin.setSuffix(tr(" px"))
        self.tile_spin.setToolTip(
            tr("Side of the windows the network looks at; 'As trained' uses the model's")
        )
        adv.addRow(tr("Tile size"), self.tile_spin)
        self.overlap_spin = QDoubleSpinBox(self.advanced)
        self.overlap_spin.setRange(0.0, 0.5)
        self.overlap_spin.setSingleStep(0.05)
        self.overlap_spin.setValue(0.25)
        self.overlap_spin.setToolTip(tr("Fraction of each window shared with its neighbours (hides seams)"))
        adv.addRow(tr("Overlap"), self.overlap_spin)
        self.threshold_spin = _snapshot_spin(
            self.advanced,
            0.99,
            tr(
                "Minimum probability for a pixel to belong to a class. By default the value each "
                "snapshot calibrated when it was made (see the card's tooltip)."
            ),
        )
        adv.addRow(tr("Score threshold"), self.threshold_spin)
        self.boundary_spin = _snapshot_spin(
            self.advanced,
            0.99,
            tr(
                "Count mode: lower splits touching objects more readily. "
                "By default the snapshot's calibrated value."
            ),
        )
        adv.addRow(tr("Boundary threshold"), self.boundary_spin)
        self.geometry_combo = QComboBox(self.advanced)
        self.geometry_combo.addItem(tr("The snapshot's (boxes where the labels are boxes)"), None)
        self.geometry_combo.addItem(tr("Outlines"), "outline")
        self.geometry_combo.addItem(tr("Boxes"), "box")
        self.geometry_combo.setToolTip(
            tr(
                "Count mode: each object as its outline, or as a rectangle (the box the model's box "
                "head predicts, else the outline's bounding box). By default boxes where the "
                "snapshot's labels were boxes, outlines otherwise."
            )
        )
        adv.addRow(tr("Objects as"), self.geometry_combo)
        self.box_overlap_spin = _snapshot_spin(
            self.advanced,
            1.0,
            tr(
                "Boxes from the model's box head: of two boxes overlapping more than this "
                "(intersection over union), the lower-scored is dropped as the same object found "
                "twice. By default the snapshot's value: the most two of its labels overlap, at "
                "least 0.4. 1 keeps every box."
            ),
        )
        adv.addRow(tr("Box overlap allowed"), self.box_overlap_spin)
        self.tta_combo = QComboBox(self.advanced)
        self.tta_combo.addItem(tr("The snapshot's (on where its validation used it)"), None)
        self.tta_combo.addItem(tr("On"), True)
        self.tta_combo.addItem(tr("Off"), False)
        self.tta_combo.setToolTip(
            tr(
                "Flip test-time augmentation: average the network over each window and its mirror "
                "images (4× the network's work). By default as the snapshot's validation did: on "
                "for snapshots trained with this version, whose calibrated settings assume it."
            )
        )
        adv.addRow(tr("Flip averaging"), self.tta_combo)
        self.merge_check = QCheckBox(tr("Segmentation: one feature per class"), self.advanced)
        self.merge_check.setToolTip(tr("Merge all areas of a class into one feature instead of one per area"))
        adv.addRow("", self.merge_check)
        self.min_area_spin = QDoubleSpinBox(self.advanced)
        self.min_area_spin.setRange(0.0, 1e9)
        self.min_area_spin.setDecimals(2)
        self.min_area_spin.setToolTip(tr("Smaller detections are dropped (in the raster's area units)"))
        adv.addRow(tr("Minimum area"), self.min_area_spin)
        self.batch_spin = QSpinBox(self.advanced)
        self.batch_spin.setRange(1, 256)
        self.batch_spin.setValue(8)
        self.batch_spin.setToolTip(tr("Windows processed together; larger is faster but needs more memory"))
        adv.addRow(tr("Batch size"), self.batch_spin)
        self.device_combo = QComboBox(self.advanced)
        self.device_combo.addItem(tr("Automatic (GPU when available)"), "auto")
        self.device_combo.addItem(tr("CPU"), "cpu")
        self.device_combo.addItem(tr("GPU (CUDA)"), "cuda")
        adv.addRow(tr("Device"), self.device_combo)
        layout.addWidget(self.advanced)

        self.problem_label, self.buttons = add_footer(self, layout, tr("Run detection"))
        self.area_group.buttonToggled.connect(self._validate)
        self.polygon_combo.layerChanged.connect(self._validate)
        self.scene_combo.currentIndexChanged.connect(self._validate)
        self.snapshot_combo.currentIndexChanged.connect(self._validate)
        self._validate()

    def _model_scene_index(self, sources) -> int:
        """The first scene of the combo that the model was trained on (-1: none)."""
        from ..adapters.inputs import raster_path

        wanted = {str(source) for source in sources}
        for index in range(self.scene_combo.count()):
            layer = self.project.mapLayer(self.scene_combo.itemData(index))
            if layer is not None and raster_path(layer) in wanted:
                return index
        return -1

    def area(self) -> str:
        """``raster``, ``canvas`` or ``selection``."""
        button = self.area_group.checkedButton()
        return button.property("area") if button is not None else WHOLE_RASTER

    def set_area(self, area: str) -> None:
        """Choose the area kind."""
        {
            WHOLE_RASTER: self.whole_radio,
            CANVAS_EXTENT: self.canvas_radio,
            SELECTED_FEATURES: self.selection_radio,
        }[area].setChecked(True)

    def raster(self) -> QgsRasterLayer | None:
        """The chosen scene."""
        layer_id = self.scene_combo.currentData()
        return self.project.mapLayer(layer_id) if layer_id else None

    def problem(self) -> str | None:
        """Why detection cannot start with these choices, or None."""
        if self.snapshot_combo.count() == 0:
            return tr("The model has no snapshot yet: train it first.")
        if self.raster() is None:
            return tr("Add a raster layer to the project to detect on.")
        fit = self.raster_fit()
        if fit is not None and not fit.ok:
            return fit.problem
        if self.area() == SELECTED_FEATURES:
            layer = self.polygon_combo.currentLayer()
            if layer is None:
                return tr("Choose a polygon layer.")
            if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
                return tr("The area layer must hold polygons.")
            if layer.selectedFeatureCount() == 0:
                return tr("Select the polygons to detect in (layer {name} has none selected).").format(
                    name=layer.name()
                )
        return None

    def raster_fit(self):
        """Detection's compatibility gate for the chosen scene and snapshot (None: nothing chosen)."""
        from .raster_check import check_raster_layer

        layer, snapshot_id = self.raster(), self.snapshot_combo.currentData()
        if layer is None or snapshot_id is None:
            return None
        key = (layer.id(), snapshot_id)
        if key not in self._fits:
            self._fits[key] = check_raster_layer(
                layer, self.model, self._snapshots.get(snapshot_id), self.options()
            )
        return self._fits[key]

    def _validate(self, *_args) -> None:
        self.polygon_combo.setEnabled(self.area() == SELECTED_FEATURES)
        problem = self.problem()
        fit = self.raster_fit() if problem is None else None
        self.problem_label.setText(problem or "")
        # what the gate only warns about is said before the run, not after it
        self.scene_combo.setToolTip(
            "\n".join(fit.warnings)
            if fit is not None and fit.warnings
            else tr("The raster to look at; its bands must match the model's")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def options(self) -> dict[str, Any]:
        """The advanced options as plain values (``tile_size`` 0 = as trained)."""
        options: dict[str, Any] = {
            "overlap": self.overlap_spin.value(),
            "score_threshold": self.threshold_spin.value() or None,  # None: the snapshot's
            "boundary_threshold": self.boundary_spin.value() or None,
            "flip_tta": self.tta_combo.currentData(),  # None: the snapshot's
            "geometry": self.geometry_combo.currentData(),  # None: the snapshot's
            "max_box_overlap": self.box_overlap_spin.value() or None,  # None: the snapshot's
            "dissolve": self.merge_check.isChecked(),
            "min_area": self.min_area_spin.value(),
            "batch_size": self.batch_spin.value(),
            "device": self.device_combo.currentData(),
        }
        if self.tile_spin.value():
            options["tile_size"] = self.tile_spin.value()
        return options

    def request(self) -> DetectRequest:
        """The user's choices."""
        return DetectRequest(
            snapshot_id=self.snapshot_combo.currentData(),
            raster=self.raster(),
            area=self.area(),
            polygon_layer=self.polygon_combo.currentLayer() if self.area() == SELECTED_FEATURES else None,
            options=self.options(),
        )
