"""The model area of the panel: pick, create, rename or delete a model; its training data.

The training data are the model's ``training_areas`` and ``labels`` layers (added to
the project on demand, see :mod:`.training_layers`) and the scenes in use.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..adapters.inputs import input_spec, model_network, raster_path
from . import messages, training_layers
from .new_model_dialog import NewModelDialog, NewModelRequest, raster_layers


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrModelPanel", text)


class ModelPanel(QGroupBox):
    """Model picker and the selected model's training data."""

    modelChanged = pyqtSignal(object)  # model id or None
    modelsEdited = pyqtSignal()  # a model was created, renamed or deleted

    def __init__(
        self, iface, binding, parent: QWidget | None = None, project: QgsProject | None = None
    ) -> None:
        super().__init__(tr("AI Model"), parent)
        self.iface = iface
        self.binding = binding
        self.project = project or QgsProject.instance()
        self._busy = False
        self._updating = False
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("HuntrModelCombo")
        self.model_combo.setToolTip(tr("The AI model you are working on"))
        self.model_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setMinimumContentsLength(12)
        row.addWidget(self.model_combo, 1)
        self.new_button = QPushButton(tr("New…"), self)
        self.new_button.setToolTip(tr("Create a new AI model: classes, mode and scenes"))
        row.addWidget(self.new_button)
        self.more_button = QToolButton(self)
        self.more_button.setText("⋯")
        self.more_button.setToolTip(tr("Rename or delete the model, or import a snapshot package"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.rename_action = more.addAction(tr("Rename model…"))
        self.delete_action = more.addAction(tr("Delete model…"))
        more.addSeparator()
        self.import_action = more.addAction(tr("Import snapshot package…"))
        self.import_action.setObjectName("huntr_import_package")
        self.more_button.setMenu(more)
        row.addWidget(self.more_button)
        layout.addLayout(row)

        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: palette(dark);")
        layout.addWidget(self.info_label)

        grid = QGridLayout()
        self.layers_button = QPushButton(tr("Add training layers"), self)
        self.layers_button.setToolTip(
            tr(
                "Add the model's training areas and labels to the project, "
                "ready to draw with the digitising tools"
            )
        )
        grid.addWidget(self.layers_button, 0, 0, 1, 2)
        grid.addWidget(QLabel(tr("Scenes in use"), self), 1, 0, 1, 2)
        self.scene_list = QListWidget(self)
        self.scene_list.setObjectName("HuntrSceneList")
        self.scene_list.setToolTip(tr("The rasters the model learns from"))
        self.scene_list.setMaximumHeight(58)
        self.scene_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        grid.addWidget(self.scene_list, 2, 0, 1, 2)
        self.add_scene_button = QToolButton(self)
        self.add_scene_button.setText(tr("Add scene"))
        self.add_scene_button.setToolTip(tr("Use a raster layer of the project as a scene of this model"))
        self.add_scene_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_scene_menu = QMenu(self.add_scene_button)
        self.add_scene_menu.setToolTipsVisible(True)  # a raster that does not fit says why
        self.add_scene_menu.aboutToShow.connect(self._fill_scene_menu)
        self.add_scene_button.setMenu(self.add_scene_menu)
        self.remove_scene_button = QToolButton(self)
        self.remove_scene_button.setText(tr("Remove scene"))
        self.remove_scene_button.setToolTip(tr("Stop using the selected scenes for training"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_scene_button)
        buttons.addWidget(self.remove_scene_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 0, 1, 2)
        layout.addLayout(grid)

        self.model_combo.currentIndexChanged.connect(self._combo_changed)
        self.new_button.clicked.connect(self.new_model)
        self.rename_action.triggered.connect(self.rename_model)
        self.delete_action.triggered.connect(self.delete_model)
        self.import_action.triggered.connect(lambda _checked=False: self.import_package())
        self.layers_button.clicked.connect(self.add_training_layers)
        self.remove_scene_button.clicked.connect(self.remove_selected_scenes)
        self.scene_list.itemSelectionChanged.connect(self._update_enabled)
        self.refresh()

    # -- state ------------------------------------------------------------------
    @property
    def workspace(self):
        return self.binding.workspace

    def current_model_id(self) -> str | None:
        """The selected model's id."""
        return self.model_combo.currentData()

    def current_model(self):
        """The selected model's ``ModelInfo`` (None when there is none)."""
        model_id = self.current_model_id()
        if model_id is None or self.workspace is None:
            return None
        try:
            return self.workspace.get_model(model_id)
        except Exception:
            return None

    def select_model(self, model_id: str | None) -> None:
        """Select ``model_id`` in the picker."""
        index = self.model_combo.findData(model_id)
        if index >= 0:
            self.model_combo.setCurrentIndex(index)

    def set_busy(self, busy: bool) -> None:
        """While training runs the model cannot be switched, deleted or have its scenes changed."""
        self._busy = busy
        self._update_enabled()

    def refresh(self, select: str | None = None) -> None:
        """Re-read the models from the store, keeping (or setting) the selection."""
        keep = select or self.current_model_id()
        self._updating = True
        self.model_combo.clear()
        models = []
        if self.workspace is not None:
            try:
                models = list(self.workspace.list_models())
            except Exception as exc:
                messages.show_error(self.iface, exc, tr("Could not list the models"))
        for model in models:
            self.model_combo.addItem(model.name, model.id)
        if not models:
            self.model_combo.setPlaceholderText(tr("No model yet: create one"))
        index = self.model_combo.findData(keep) if keep else -1
        self.model_combo.setCurrentIndex(index if index >= 0 else (0 if models else -1))
        self._updating = False
        self._model_shown()

    def _combo_changed(self, _index: int) -> None:
        if not self._updating:
            self._model_shown()

    def _model_shown(self) -> None:
        model = self.current_model()
        if model is None:
            self.info_label.setText(
                tr("Create a model to start: choose its classes and the scenes to learn from.")
            )
        else:
            mode = tr("Count") if model.mode == "count" else tr("Segmentation")
            names = ", ".join(spec.name for spec in model.classes)
            spec = model.input_spec
            bands = len(spec.bands)
            details = tr("1 band") if bands == 1 else tr("{n} bands").format(n=bands)
            if spec.resolution:
                details += " · " + tr("{res:g} per pixel").format(res=spec.resolution)
            self.info_label.setText(tr("{mode} · classes: {names}").format(mode=mode, names=names))
            self.info_label.setToolTip(
                tr("Input: {details}, {dtype}, {crs}; tiles of {tile} px").format(
                    details=details, dtype=spec.dtype, crs=spec.crs or "?", tile=model.tile_size
                )
            )
        self._fill_scenes()
        self._update_enabled()
        self.modelChanged.emit(model.id if model else None)

    def _fill_scenes(self) -> None:
        self.scene_list.clear()
        model_id = self.current_model_id()
        if model_id is None or self.workspace is None:
            return
        try:
            scenes = self.workspace.list_scenes(model_id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not list the scenes"))
            return
        for scene in scenes:
            item = QListWidgetItem(scene.name or scene.source, self.scene_list)
            item.setData(Qt.ItemDataRole.UserRole, scene.scene_id)
            item.setToolTip(str(scene.source))

    def _update_enabled(self) -> None:
        has_ws = self.workspace is not None
        has_model = self.current_model_id() is not None
        self.model_combo.setEnabled(has_ws and not self._busy and self.model_combo.count() > 0)
        self.new_button.setEnabled(has_ws and not self._busy)
        self.rename_action.setEnabled(has_model)
        self.delete_action.setEnabled(has_model and not self._busy)
        self.more_button.setEnabled(has_ws)
        self.import_action.setEnabled(has_ws and not self._busy)
        self.layers_button.setEnabled(has_model)
        self.add_scene_button.setEnabled(has_model and not self._busy)
        self.remove_scene_button.setEnabled(
            has_model and not self._busy and bool(self.scene_list.selectedItems())
        )

    # -- models -----------------------------------------------------------------
    def _taken_names(self) -> list[str]:
        return [self.model_combo.itemText(i) for i in range(self.model_combo.count())]

    def new_model(self) -> None:
        """Ask for a new model and create it."""
        dialog = NewModelDialog(self, self.project, taken_names=self._taken_names())
        if dialog.exec() != NewModelDialog.DialogCode.Accepted:
            return
        self.create_model(dialog.request())

    def create_model(self, request: NewModelRequest):
        """Create the model of ``request`` in the store, record its scenes, add its layers."""
        from ..snapshots import ClassSpec

        ws = self.workspace
        try:
            spec = input_spec(request.scenes[0])
            network, tile_size = model_network(
                request.mode,
                request.width,
                tile_size=None if request.auto_size else request.tile_size,
                boundary_target=request.boundary_target,
                scale=request.scale,
                boxes=None if request.boxes else False,  # None: the default (a head with the centre target)
            )
            model = ws.create_model(
                request.name,
                classes=[ClassSpec(name, colour) for name, colour in request.classes],
                mode=request.mode,
                input_spec=spec,
                network=network,
                tile_size=tile_size,
            )
            for layer in request.scenes:
                ws.add_scene(model.id, raster_path(layer), name=layer.name())
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not create the model"))
            return None
        self.refresh(select=model.id)
        self.modelsEdited.emit()
        try:
            training_layers.add_training_layers(ws, model, self.project)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not add the training layers"))
        messages.success(
            self.iface,
            tr(
                "Model {name} created. Draw training areas and labels in its layers, then start training."
            ).format(name=model.name),
        )
        return model

    def import_package(self, path: str | None = None, into_current: bool | None = None):
        """Import a snapshot package: as a new model, or into the shown model when it has the
        same classes (asked). Returns the engine's ``ImportResult`` (None when nothing was done)."""
        from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox

        from ..snapshots import package

        ws = self.workspace
        if ws is None:
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Import Snapshot Package"), "", tr("ORCA HUNTR package (*.huntrpkg)")
            )
            if not path:
                return None
        current = self.current_model()
        try:
            info = package.read_package(path)
            fits = current is not None and not package.check_compatible(current, package.model_of(info))
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not import the package"))
            return None
        if into_current is None and fits:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                tr("Import Snapshot Package"),
                tr(
                    "Import snapshot {snapshot} of model {model} as a new model, or as the new current "
                    "state of {current} (same classes; its training data is kept)?"
                ).format(
                    snapshot=info.snapshot.get("name", ""),
                    model=info.model.get("name", ""),
                    current=current.name,
                ),
                parent=self,
            )
            new = box.addButton(tr("As a new model"), QMessageBox.ButtonRole.AcceptRole)
            into = box.addButton(
                tr("Into {model}").format(model=current.name), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(new)
            box.exec()
            if box.clickedButton() not in (new, into):
                return None
            into_current = box.clickedButton() is into
        try:
            result = package.import_package(
                ws, path, into_model=current.id if into_current and fits else None
            )
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not import the package"))
            return None
        self.refresh(select=result.model.id)
        self.modelsEdited.emit()
        if result.new_model:
            try:
                training_layers.add_training_layers(ws, result.model, self.project)
            except Exception as exc:
                messages.show_error(self.iface, exc, tr("Could not add the training layers"))
            messages.success(
                self.iface, tr("Package imported as model {name}.").format(name=result.model.name)
            )
        else:
            messages.success(
                self.iface,
                tr("Package imported: snapshot {snapshot} is the current state of {name}.").format(
                    snapshot=result.snapshot.name, name=result.model.name
                ),
            )
        return result

    def rename_model(self) -> None:
        """Ask for a new name for the selected model."""
        model = self.current_model()
        if model is None:
            return
        name, ok = QInputDialog.getText(
            self, tr("Rename Model"), tr("New name of the model:"), text=model.name
        )
        name = (name or "").strip()
        if not ok or not name or name == model.name:
            return
        try:
            renamed = self.workspace.rename_model(model.id, name)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not rename the model"))
            return
        renamed = renamed if hasattr(renamed, "classes") else self.workspace.get_model(model.id)
        training_layers.rename_training_group(renamed, self.project)
        self.refresh(select=model.id)
        self.modelsEdited.emit()

    def delete_model(self) -> None:
        """Delete the selected model after confirmation (its snapshots go with it)."""
        model = self.current_model()
        if model is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Delete Model"),
            tr(
                "Delete the model {name} with all its snapshots and training data? This cannot be undone."
            ).format(name=model.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        training_layers.remove_training_layers(model.id, self.project)
        try:
            self.workspace.delete_model(model.id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not delete the model"))
        self.refresh()
        self.modelsEdited.emit()

    # -- training data ------------------------------------------------------------
    def add_training_layers(self) -> dict:
        """Add the selected model's training layers to the project (idempotent)."""
        model = self.current_model()
        if model is None:
            return {}
        try:
            return training_layers.add_training_layers(self.workspace, model, self.project)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not add the training layers"))
            return {}

    def _fill_scene_menu(self) -> None:
        self.add_scene_menu.clear()
        in_use = {self.scene_list.item(i).toolTip() for i in range(self.scene_list.count())}
        layers = [layer for layer in raster_layers(self.project) if raster_path(layer) not in in_use]
        if not layers:
            action = self.add_scene_menu.addAction(tr("No other raster layer in the project"))
            action.setEnabled(False)
        model = self.current_model()
        for layer in layers:
            fit = self.scene_fit(layer, model)
            if fit.ok:
                action = self.add_scene_menu.addAction(layer.name())
                action.setToolTip("\n".join(fit.warnings))
                action.triggered.connect(lambda _checked=False, lyr=layer: self.add_scene(lyr))
            else:
                text = (
                    tr("{name} — does not fit the model: {reason}").format(
                        name=layer.name(), reason=fit.short_reason
                    )
                    if fit.short_reason
                    else tr("{name} — does not fit the model").format(name=layer.name())
                )
                action = self.add_scene_menu.addAction(text)
                action.setEnabled(False)
                action.setToolTip(fit.problem)

    def scene_fit(self, layer: QgsRasterLayer, model=None):
        """Whether ``layer`` fits the selected model: detection's compatibility gate (a ``RasterFit``)."""
        from .raster_check import RasterFit, check_raster_layer

        model = model or self.current_model()
        if model is None:
            return RasterFit()
        return check_raster_layer(layer, model)

    def add_scene(self, layer: QgsRasterLayer) -> None:
        """Use raster ``layer`` as a scene of the selected model (refused, with why, when it does not fit)."""
        model_id = self.current_model_id()
        if model_id is None:
            return
        fit = self.scene_fit(layer)
        if not fit.ok:
            messages.push(
                self.iface,
                tr("{name} cannot be a scene of this model: {reason}").format(
                    name=layer.name(), reason=fit.problem
                ),
                level=Qgis.Warning,
            )
            return
        try:
            self.workspace.add_scene(model_id, raster_path(layer), name=layer.name())
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not add the scene"))
        self._fill_scenes()
        self._update_enabled()

    def remove_selected_scenes(self) -> None:
        """Stop using the selected scenes."""
        model_id = self.current_model_id()
        for item in self.scene_list.selectedItems():
            try:
                self.workspace.remove_scene(model_id, item.data(Qt.ItemDataRole.UserRole))
            except Exception as exc:
                messages.show_error(self.iface, exc, tr("Could not remove the scene"))
        self._fill_scenes()
        self._update_enabled()
