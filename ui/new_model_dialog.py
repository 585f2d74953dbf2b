"""The "New AI model" dialog: name, mode, classes with colours and the scenes to learn from."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsMapLayerType, QgsProject, QgsRasterLayer
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .class_table import ClassTable
from .dialog_footer import add_footer


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrNewModelDialog", text)


@dataclass
class NewModelRequest:
    """What the user asked for in the dialog (plain values plus the chosen raster layers)."""

    name: str
    classes: list[tuple[str, str]]  # (name, #rrggbb)
    mode: str
    scenes: list[QgsRasterLayer] = field(default_factory=list)
    tile_size: int = 256
    width: int = 16
    auto_size: bool = True  # tile size and depth from the labels at the first training
    boundary_target: str = "centre"  # count mode: how touching objects are told apart
    scale: int = 0  # the network's working scale (1, 2, 4; 0: from the labels)
    boxes: bool = True  # count mode: the box head (learnt each object's box; read where labels are boxes)


def raster_layers(project: QgsProject | None = None) -> list[QgsRasterLayer]:
    """The project's raster layers backed by a file GDAL can read, in layer-tree order."""
    project = project or QgsProject.instance()
    ordered = [node.layer() for node in project.layerTreeRoot().findLayers()]
    others = [lyr for lyr in project.mapLayers().values() if lyr not in ordered]
    return [
        lyr
        for lyr in ordered + others
        if lyr is not None
        and lyr.type() == QgsMapLayerType.RasterLayer
        and lyr.providerType() == "gdal"
        and lyr.isValid()
    ]


class NewModelDialog(QDialog):
    """Collects a :class:`NewModelRequest`; OK stays disabled until it is complete."""

    def __init__(
        self, parent: QWidget | None = None, project: QgsProject | None = None, taken_names=()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrNewModelDialog")
        self.setWindowTitle(tr("New AI Model"))
        self.setMinimumWidth(420)
        self._taken = {n.lower() for n in taken_names}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(tr("e.g. Trees"))
        self.name_edit.setToolTip(tr("A name to recognise the model by"))
        form.addRow(tr("Name"), self.name_edit)
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(tr("Count (individual objects)"), "count")
        self.mode_combo.addItem(tr("Segmentation (areas)"), "segmentation")
        self.mode_combo.setToolTip(
            tr(
                "Count finds each object separately, even when they touch; "
                "segmentation finds areas of each class"
            )
        )
        form.addRow(tr("Mode"), self.mode_combo)
        layout.addLayout(form)

        layout.addWidget(QLabel(tr("Classes (the number of classes is fixed for the model's life)"), self))
        self.classes = ClassTable(self)
        self.classes.add_class(tr("Object"))
        layout.addWidget(self.classes)

        layout.addWidget(QLabel(tr("Scenes to learn from"), self))
        self.scene_list = QListWidget(self)
        self.scene_list.setObjectName("HuntrSceneChoice")
        self.scene_list.setToolTip(tr("Raster layers of the project; all must have the same bands"))
        self.scene_list.setMaximumHeight(120)
        for layer in raster_layers(project):
            item = QListWidgetItem(layer.name(), self.scene_list)
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if self.scene_list.count() == 1 else Qt.CheckState.Unchecked
            )
        if not self.scene_list.count():
            hint = QListWidgetItem(
                tr("No raster layer in the project: add the imagery first."), self.scene_list
            )
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
        layout.addWidget(self.scene_list)
        self._project = project or QgsProject.instance()

        self.advanced = QgsCollapsibleGroupBox(tr("Advanced"), self)
        self.advanced.setCollapsed(True)
        adv = QFormLayout(self.advanced)
        self.tile_spin = QSpinBox(self.advanced)
        self.tile_spin.setRange(32, 1024)
        self.tile_spin.setSingleStep(32)
        self.tile_spin.setValue(256)
        self.tile_spin.setSuffix(tr(" px"))
        self.tile_spin.setToolTip(tr("Side of the square tiles the network learns from (a multiple of 32)"))
        self.auto_check = QCheckBox(tr("From the labels (recommended)"), self.advanced)
        self.auto_check.setObjectName("HuntrAutoSize")
        self.auto_check.setChecked(True)
        self.auto_check.setToolTip(
            tr(
                "At the first training the tile size and the network's depth are derived from the "
                "labels' typical size and the pixel size, so the network sees each object and its "
                "surroundings whole (recorded in the snapshot). Untick to set the tile size yourself."
            )
        )
        self.auto_check.toggled.connect(lambda on: self.tile_spin.setEnabled(not on))
        self.tile_spin.setEnabled(False)
        adv.addRow(tr("Tile size"), self.auto_check)
        adv.addRow("", self.tile_spin)
        self.width_spin = QSpinBox(self.advanced)
        self.width_spin.setRange(8, 64)
        self.width_spin.setSingleStep(8)
        self.width_spin.setValue(16)
        self.width_spin.setToolTip(
            tr("Channels of the network's first level: larger learns more, runs slower")
        )
        adv.addRow(tr("Network width"), self.width_spin)
        self.scale_combo = QComboBox(self.advanced)
        self.scale_combo.setObjectName("HuntrWorkingScale")
        self.scale_combo.addItem(tr("From the labels (recommended)"), 0)
        self.scale_combo.addItem(tr("Full resolution"), 1)
        self.scale_combo.addItem(tr("Half resolution (objects 32 px or more)"), 2)
        self.scale_combo.addItem(tr("Quarter resolution (objects 64 px or more)"), 4)
        self.scale_combo.setToolTip(
            tr(
                "The resolution the network works at: large objects are learnt as well at half or a "
                "quarter of the raster's resolution, for a quarter or a sixteenth of the compute. "
                "Detection still outlines them at full resolution."
            )
        )
        adv.addRow(tr("Network resolution"), self.scale_combo)
        self.target_combo = QComboBox(self.advanced)
        self.target_combo.setObjectName("HuntrBoundaryTarget")
        self.target_combo.addItem(tr("Object centres (touching and overlapping objects)"), "centre")
        self.target_combo.addItem(tr("Distance to the edge (the earlier default)"), "distance")
        self.target_combo.addItem(tr("Thin rims (objects that barely touch)"), "rim")
        self.target_combo.setToolTip(
            tr("Count mode: what the network learns to tell touching objects apart; stored with the model")
        )
        adv.addRow(tr("Separating objects"), self.target_combo)
        self.boxes_check = QCheckBox(tr("Learn each object's box (box head)"), self.advanced)
        self.boxes_check.setObjectName("HuntrBoxHead")
        self.boxes_check.setChecked(True)
        self.boxes_check.setToolTip(
            tr(
                "Count mode with object centres: the network also learns each label's box. Where the "
                "labels are boxes, detection writes the boxes it predicts; stored with the model"
            )
        )
        adv.addRow("", self.boxes_check)
        self.mode_combo.currentIndexChanged.connect(self._sync_count_options)
        self.target_combo.currentIndexChanged.connect(self._sync_count_options)
        self._sync_count_options()
        layout.addWidget(self.advanced)

        self.problem_label, self.buttons = add_footer(self, layout, tr("Create model"))
        self.name_edit.textChanged.connect(self._validate)
        self.classes.changed.connect(self._validate)
        self.scene_list.itemChanged.connect(self._validate)
        self._validate()

    def _sync_count_options(self, *_args) -> None:
        """The count mode's settings only where they apply: how objects are told apart in count
        mode, the box head with the object-centre target."""
        count = self.mode_combo.currentData() == "count"
        self.target_combo.setEnabled(count)
        self.boxes_check.setEnabled(count and self.target_combo.currentData() == "centre")

    def selected_layers(self) -> list[QgsRasterLayer]:
        """The ticked raster layers."""
        layers = []
        for row in range(self.scene_list.count()):
            item = self.scene_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                layer = self._project.mapLayer(item.data(Qt.ItemDataRole.UserRole))
                if layer is not None:
                    layers.append(layer)
        return layers

    def problem(self) -> str | None:
        """Why the request is not complete yet, or None."""
        name = self.name_edit.text().strip()
        if not name:
            return tr("Give the model a name.")
        if name.lower() in self._taken:
            return tr("A model with this name already exists.")
        class_problem = self.classes.problem()
        if class_problem:
            return class_problem
        layers = self.selected_layers()
        if not layers:
            return tr("Choose at least one scene (raster layer).")
        if len({layer.bandCount() for layer in layers}) > 1:
            return tr("The chosen scenes do not have the same number of bands.")
        return None

    def _validate(self, *_args) -> None:
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def request(self) -> NewModelRequest:
        """The user's choices."""
        return NewModelRequest(
            name=self.name_edit.text().strip(),
            classes=list(zip(self.classes.names(), self.classes.colours(), strict=True)),
            mode=self.mode_combo.currentData(),
            scenes=self.selected_layers(),
            tile_size=self.tile_spin.value(),
            width=self.width_spin.value(),
            auto_size=self.auto_check.isChecked(),
            boundary_target=self.target_combo.currentData(),
            scale=int(self.scale_combo.currentData()),
            boxes=self.boxes_check.isChecked(),
        )
