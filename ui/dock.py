"""The ORCA HUNTR dock panel: the model area, training controls and the Training Snapshots Timeline.

The dock wires its parts together and carries out what the timeline asks for (save,
rename, delete, revert, new model from a snapshot, detection). Long work runs in
``QgsTask``s started through :func:`tasks.registry.start`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qgis.core import QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..adapters.events import hub, same_workspace
from . import messages, training_layers
from .install_banner import InstallBanner
from .model_panel import ModelPanel
from .timeline import COMPARE, DELETE, DETECT, EXPORT, NEW_MODEL, RENAME, REVERT, SAVE, TimelineWidget
from .training_panel import TrainingPanel
from .workspace_binding import WorkspaceBinding


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrDock", text)


class HuntrDock(QgsDockWidget):
    """The panel opened by the toolbar button."""

    OBJECT_NAME = "OrcaHuntrDock"

    timelineRefreshed = pyqtSignal(str)  # model id
    detectionFinished = pyqtSignal(object, object)  # DetectResult | None, error | None

    def __init__(self, iface, parent=None, project: QgsProject | None = None) -> None:
        super().__init__(tr("ORCA HUNTR"), parent)
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.setObjectName(self.OBJECT_NAME)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.setMinimumWidth(300)
        self.detect_tasks: list = []
        self.compare_tasks: list = []  # kept until they end (see tasks/registry.py)
        self.metrics_dialog: Any = None  # the last comparison's metrics (not modal)
        self.lineage_view: Any = None  # the lineage window, while open
        self.last_detection = None

        self.binding = WorkspaceBinding(iface, self.project, self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.workspace_label = QLabel(body)
        self.workspace_label.setObjectName("HuntrWorkspaceLabel")
        self.workspace_label.setWordWrap(True)
        self.workspace_label.setStyleSheet("color: palette(dark); font-size: 8pt;")
        layout.addWidget(self.workspace_label)
        self.install_banner = InstallBanner(iface, body)  # hidden unless torch/safetensors is missing
        layout.addWidget(self.install_banner)

        top = QWidget(body)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.model_panel = ModelPanel(iface, self.binding, top, self.project)
        self.training_panel = TrainingPanel(iface, self.binding, top, self.project)
        top_layout.addWidget(self.model_panel)
        top_layout.addWidget(self.training_panel)

        self.timeline_box = QGroupBox(tr("Training Snapshots Timeline"), body)
        timeline_layout = QVBoxLayout(self.timeline_box)
        timeline_layout.setContentsMargins(4, 4, 4, 4)
        self.timeline = TimelineWidget(self.timeline_box)
        timeline_layout.addWidget(self.timeline)
        detect_row = QHBoxLayout()
        self.detect_button = QPushButton(tr("Run detection…"), self.timeline_box)
        self.detect_button.setObjectName("HuntrRunDetection")
        self.detect_button.setToolTip(
            tr("Run detection with the current state (or any snapshot) on a raster")
        )
        self.detect_button.clicked.connect(lambda: self.run_detection(None))
        detect_row.addWidget(self.detect_button)
        self.detect_progress = QProgressBar(self.timeline_box)
        self.detect_progress.setRange(0, 100)
        self.detect_progress.setFormat(tr("Detecting… %p%"))
        self.detect_progress.setToolTip(
            tr("Detection runs in the background; cancel it from the task manager")
        )
        self.detect_progress.hide()
        detect_row.addWidget(self.detect_progress, 1)
        self._add_lineage_button(detect_row)
        self.retention_button = QPushButton(tr("Retention…"), self.timeline_box)
        self.retention_button.setObjectName("HuntrRetention")
        self.retention_button.setToolTip(
            tr("Disk use, the retention policy and what the next purge would delete")
        )
        self.retention_button.clicked.connect(lambda: self.show_retention())
        detect_row.addWidget(self.retention_button)
        timeline_layout.addLayout(detect_row)

        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.timeline_box)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self.binding.workspaceChanged.connect(self._workspace_changed)
        self.model_panel.modelChanged.connect(self._model_changed)
        self.training_panel.trainingStarted.connect(self._training_started)
        self.training_panel.trainingFinished.connect(self._training_finished)
        self.timeline.actionRequested.connect(self.run_action)
        self.timeline.quarantineRequested.connect(self.quarantine_snapshot)
        events = hub()
        events.workspaceChanged.connect(self._workspace_edited)
        events.snapshotCreated.connect(self._snapshot_created)
        events.detectionAdded.connect(self._detection_added)

        self.timeline.undoRequested.connect(self.undo_revert)
        self._workspace_changed(self.binding.workspace)

    # -- state ---------------------------------------------------------------------
    @property
    def workspace(self):
        """The open workspace of the current project (None when it cannot be opened)."""
        return self.binding.workspace

    def current_model_id(self) -> str | None:
        """The model shown in the panel."""
        return self.model_panel.current_model_id()

    def _workspace_changed(self, workspace) -> None:
        if workspace is None:
            self.workspace_label.setText(tr("No workspace: see the message bar."))
        elif not (self.project.fileName() or ""):
            self.workspace_label.setText(
                tr("Unsaved project: models are kept in a temporary folder until you save the project.")
            )
        else:
            root = workspace.root
            self.workspace_label.setText(tr("Workspace: {path}").format(path=str(root)))
            self.workspace_label.setToolTip(str(root))
        self.training_panel.load_settings(workspace)
        self.model_panel.set_busy(self._training_here())
        self.model_panel.refresh()

    # -- what Processing and the console did (adapters/events.py) -----------------
    def _workspace_edited(self, root: str) -> None:
        if same_workspace(root, self.binding.opened):
            self.model_panel.refresh()
            self.refresh_timeline()

    def _snapshot_created(self, root: str, model_id: str, _snapshot_id: str) -> None:
        if same_workspace(root, self.binding.opened) and model_id == self.current_model_id():
            self.refresh_timeline()

    def _detection_added(self, result) -> None:
        opened = self.binding.opened
        path = getattr(result, "path", None)
        if opened is None or path is None:
            return
        if Path(opened.detections_dir).resolve() in Path(path).resolve().parents:
            self.last_detection = result

    def _model_changed(self, model_id) -> None:
        self.refresh_timeline()

    def refresh_timeline(self) -> None:
        """Re-read the shown model's snapshots into the timeline and the training controls."""
        model_id = self.current_model_id()
        snapshots, damaged, reverted = [], [], []
        if model_id is not None and self.workspace is not None:
            try:
                snapshots = list(self.workspace.list_snapshots(model_id))
                damaged = list(self.workspace.damaged_snapshots(model_id))
                reverted = list(self.workspace.reverted(model_id))
            except Exception as exc:
                messages.show_error(self.iface, exc, tr("Could not list the snapshots"))
        self.timeline.set_damaged(damaged)
        self.timeline.set_empty_text(
            tr("No snapshots yet. Train the model: every stop adds one here.")
            if model_id
            else tr("Create or choose a model to see its snapshots.")
        )
        self.timeline.set_snapshots(snapshots)
        self.timeline.set_reverted(reverted)

        self.training_panel.curve.set_snapshots(snapshots, model_id)
        self.detect_button.setEnabled(bool(snapshots))
        current = next((s for s in snapshots if s.kind == "current"), None)
        self.training_panel.set_model(model_id, current)
        self.timeline.set_busy(self._training_here())
        self.timelineRefreshed.emit(model_id or "")

    def _training_here(self) -> bool:
        # a run of a project closed since does not lock this project's models
        return self.training_panel.is_running() and self.training_panel.run_is_here()

    def _training_started(self, _model_id: str) -> None:
        self.model_panel.set_busy(True)
        self.timeline.set_busy(True)

    def _training_finished(self, model_id: str, _result, _error) -> None:
        self.model_panel.set_busy(False)
        self.timeline.set_busy(False)
        if model_id == self.current_model_id():
            self.refresh_timeline()

    # -- timeline actions ----------------------------------------------------------
    def run_action(self, action: str, snapshot_id: str) -> None:
        """Carry out timeline action ``action`` on ``snapshot_id`` of the shown model."""
        handlers: dict[str, Callable[[str], None]] = {
            SAVE: self.save_snapshot,
            RENAME: self.rename_snapshot,
            DELETE: self.delete_snapshot,
            REVERT: self.revert_to,
            NEW_MODEL: self.model_from_snapshot,
            DETECT: self.run_detection,
            COMPARE: self.compare_with,
            EXPORT: self.export_snapshot,
        }
        handlers[action](snapshot_id)

    def _snapshot(self, snapshot_id: str):
        return self.workspace.get_snapshot(self.current_model_id(), snapshot_id)

    def save_snapshot(self, snapshot_id: str) -> None:
        """Temporary → saved (never expires)."""
        try:
            info = self.workspace.save_snapshot(self.current_model_id(), snapshot_id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not save the snapshot"))
            return
        self.refresh_timeline()
        messages.success(
            self.iface,
            tr("Snapshot {name} saved: it will not expire.").format(name=getattr(info, "name", "")),
        )

    def rename_snapshot(self, snapshot_id: str) -> None:
        """Ask for a new name of the snapshot."""
        try:
            snapshot = self._snapshot(snapshot_id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not rename the snapshot"))
            return
        name, ok = QInputDialog.getText(
            self, tr("Rename Snapshot"), tr("New name of the snapshot:"), text=snapshot.name
        )
        name = (name or "").strip()
        if not ok or not name or name == snapshot.name:
            return
        try:
            self.workspace.rename_snapshot(self.current_model_id(), snapshot_id, name)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not rename the snapshot"))
            return
        self.refresh_timeline()

    def delete_snapshot(self, snapshot_id: str) -> None:
        """Delete the snapshot after confirmation."""
        try:
            snapshot = self._snapshot(snapshot_id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not delete the snapshot"))
            return
        answer = QMessageBox.question(
            self,
            tr("Delete Snapshot"),
            tr("Delete the snapshot {name}? This cannot be undone.").format(name=snapshot.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.workspace.delete_snapshot(self.current_model_id(), snapshot_id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not delete the snapshot"))
            return
        self.refresh_timeline()

    def quarantine_snapshot(self, snapshot_id: str) -> None:
        """Move a damaged snapshot to the workspace's .quarantine folder (the user decided)."""
        try:
            self.workspace.delete_snapshot(self.current_model_id(), snapshot_id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not move the snapshot to the quarantine"))
            return
        self.refresh_timeline()

    def revert_to(self, snapshot_id: str) -> None:
        """Show what a revert would discard; revert after an explicit confirmation."""
        from .revert_dialog import RevertDialog

        model_id = self.current_model_id()
        if model_id is None:
            return
        try:
            snapshot = self._snapshot(snapshot_id)
            impact = self.workspace.revert_impact(model_id, snapshot_id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not prepare the revert"))
            return
        dialog = RevertDialog(snapshot, impact, self)
        if dialog.exec() != RevertDialog.DialogCode.Accepted:
            return
        if (
            self._replace_training_data(
                model_id, lambda: self.workspace.revert(model_id, snapshot_id), tr("Could not revert")
            )
            is None
        ):
            return
        messages.success(
            self.iface, tr("Reverted to {name}: it is the current state again.").format(name=snapshot.name)
        )

    def _replace_training_data(self, model_id: str, operation, failure: str):
        """Run ``operation`` (a revert or an undo, which rewrite the live training data), the
        training layers dropped of pending edits before and reloaded after; its result, or
        ``None`` after showing the error."""
        # pending edits would be written over the restored data: drop them first
        for layer in training_layers.find_training_layers(model_id, self.project).values():
            if layer.isEditable():
                layer.rollBack()
        try:
            result = operation()
        except Exception as exc:
            messages.show_error(self.iface, exc, failure)
            return None
        training_layers.reload_training_layers(model_id, self.project)
        self.refresh_timeline()
        return result

    def show_retention(self, modal: bool = True):
        """The retention view (disk use, policy, the next purge) for the current model."""
        from .retention_dialog import RetentionDialog

        if self.workspace is None:
            return None
        dialog = RetentionDialog(self.workspace, self.current_model_id(), self.iface, self)
        dialog.purged.connect(lambda _plan: self.refresh_timeline())
        if modal:
            dialog.exec()
        return dialog

    def undo_revert(self, set_id: str) -> None:
        """Restore what a revert took back (what replaced it becomes a reverted set in turn)."""
        model_id = self.current_model_id()
        if model_id is None:
            return
        restored = self._replace_training_data(
            model_id, lambda: self.workspace.undo_revert(model_id, set_id), tr("Could not undo the revert")
        )
        if restored is None:
            return
        messages.success(
            self.iface, tr("Revert undone: {n} snapshots are back.").format(n=len(restored.snapshots))
        )

    def model_from_snapshot(self, snapshot_id: str) -> None:
        """Ask for the new model's name, class names and reuse option; create and select it."""
        from .snapshot_model_dialog import SnapshotModelDialog

        model_id = self.current_model_id()
        if model_id is None:
            return
        try:
            model = self.workspace.get_model(model_id)
            snapshot = self._snapshot(snapshot_id)
            taken = [m.name for m in self.workspace.list_models()]
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not create a model from the snapshot"))
            return
        dialog = SnapshotModelDialog(model, snapshot, self, taken_names=taken)
        if dialog.exec() != SnapshotModelDialog.DialogCode.Accepted:
            return
        try:
            training_layers.commit_training_edits(model_id, self.project)
            new = self.workspace.new_model_from_snapshot(
                model_id,
                snapshot_id,
                dialog.name(),
                class_names=dialog.class_names(),
                reuse_training_data=dialog.reuse(),
            )
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not create a model from the snapshot"))
            return
        self.model_panel.refresh(select=new.id)
        try:
            training_layers.add_training_layers(self.workspace, new, self.project)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not add the training layers"))
        messages.success(self.iface, tr("Model {name} created from the snapshot.").format(name=new.name))

    def export_snapshot(self, snapshot_id: str, path: str | None = None, with_training: bool | None = None):
        """Write the snapshot to a package file (asked), with its training data when wanted."""
        from qgis.PyQt.QtWidgets import QFileDialog

        from ..snapshots import package

        model_id = self.current_model_id()
        try:
            model = self.workspace.get_model(model_id)
            snapshot = self._snapshot(snapshot_id)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not export the snapshot"))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                tr("Export Snapshot Package"),
                package.default_file_name(model.name, snapshot.name),
                tr("ORCA HUNTR package (*.huntrpkg)"),
            )
            if not path:
                return None
        if with_training is None:
            answer = QMessageBox.question(
                self,
                tr("Export Snapshot Package"),
                tr("Include the snapshot's training areas, labels and scenes in the package?"),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return None
            with_training = answer == QMessageBox.StandardButton.Yes
        try:
            info = package.export_snapshot(
                self.workspace, model_id, snapshot_id, path, include_training_data=with_training
            )
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not export the snapshot"))
            return None
        messages.success(
            self.iface, tr("Snapshot {name} exported to {path}.").format(name=snapshot.name, path=info.path)
        )
        return info

    def compare_with(self, snapshot_id: str, other_id: str | None = None, raster=None, reuse: bool = True):
        """Compare the snapshot with another (asked): metrics, training-data changes, detections."""
        from ..adapters import comparison_layers
        from ..snapshots.compare import compare_snapshots
        from .compare_dialog import CompareDialog, MetricsDialog

        model_id = self.current_model_id()
        try:
            model = self.workspace.get_model(model_id)
            snapshots = list(self.workspace.list_snapshots(model_id))
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not compare the snapshots"))
            return None
        if other_id is None:
            dialog = CompareDialog(model, snapshots, snapshot_id, self, self.project)
            if dialog.exec() != CompareDialog.DialogCode.Accepted:
                return None
            other_id, raster, reuse = dialog.other_id(), dialog.raster(), dialog.reuse()
        seq = {s.id: s.seq for s in snapshots}
        first, second = sorted([snapshot_id, other_id], key=lambda i: seq.get(i, 0))  # older first
        try:
            comparison = compare_snapshots(self.workspace, model_id, first, second)
            changes = comparison_layers.changes_layer(comparison, model.class_names)
            title = comparison_layers.group_title(comparison.a.name, comparison.b.name)
            comparison_layers.add_comparison(self.project, title, [], changes)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not compare the snapshots"))
            return None
        self.metrics_dialog = MetricsDialog(comparison, self)
        self.metrics_dialog.show()
        if raster is not None:
            self._compare_detections(model, [first, second], raster, title, reuse)
        return comparison

    def _compare_detections(self, model, snapshot_ids: list, raster, title: str, reuse: bool) -> None:
        from ..tasks import registry
        from ..tasks.compare_task import CompareTask
        from .detection_run import raster_path

        task = CompareTask(
            str(self.workspace.root), model.id, snapshot_ids, raster_path(raster), title, reuse=reuse,
            project=self.project,
        )  # fmt: skip

        def done(result, error) -> None:
            if task in self.compare_tasks:
                self.compare_tasks.remove(task)
            if error is not None:
                messages.show_error(self.iface, error, tr("Detection for the comparison failed"))
                return
            reused = sum(1 for item in result if item.reused)
            messages.success(
                self.iface,
                tr("Both snapshots' detections added to group {group} ({n} reused).").format(
                    group=title, n=reused
                ),
            )

        task.done.connect(done)
        self.compare_tasks.append(task)
        registry.start(task)

    # -- lineage -----------------------------------------------------------------------
    def _add_lineage_button(self, row: QHBoxLayout) -> None:
        self.lineage_button = QPushButton(tr("Lineage…"), self.timeline_box)
        self.lineage_button.setObjectName("HuntrShowLineage")
        self.lineage_button.setToolTip(
            tr("Every model of the workspace as a tree: which model came from which snapshot")
        )
        self.lineage_button.clicked.connect(self.show_lineage)
        row.addWidget(self.lineage_button)
        self.timelineRefreshed.connect(self._refresh_lineage)  # an open view follows the panel

    def show_lineage(self):
        """Open (or bring forward, re-read) the lineage window of the workspace."""
        from .lineage_view import LineageView

        if self.workspace is None:
            return None
        try:
            if self.lineage_view is None or self.lineage_view.workspace is not self.workspace:
                if self.lineage_view is not None:
                    self.lineage_view.close()
                self.lineage_view = LineageView(self.workspace, self)
                self.lineage_view.snapshotChosen.connect(self.show_snapshot)
            else:
                self.lineage_view.refresh()
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not read the lineage"))
            return None
        self.lineage_view.show()
        self.lineage_view.raise_()
        return self.lineage_view

    def _refresh_lineage(self, _model_id: str = "") -> None:
        view = self.lineage_view
        if view is None or not view.isVisible():
            return
        if view.workspace is not self.workspace:  # another project: its lineage is another one
            view.close()
            return
        try:
            view.refresh()
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not read the lineage"))

    def show_snapshot(self, model_id: str, snapshot_id: str) -> None:
        """Show ``snapshot_id``'s card in the timeline (switching to its model when allowed)."""
        if model_id != self.current_model_id():
            if self._training_here():
                messages.info(self.iface, tr("The model cannot be switched while it trains."))
                return
            self.model_panel.select_model(model_id)
        with contextlib.suppress(KeyError):
            entry = self.timeline.entry(snapshot_id)
            self.timeline.ensureWidgetVisible(entry)
            entry.button.setFocus()

    # -- detection -------------------------------------------------------------------
    def run_detection(self, snapshot_id: str | None = None) -> None:
        """Ask for snapshot, scene, area and options; run detection in a task."""
        from .detect_dialog import DetectDialog

        model_id = self.current_model_id()
        if model_id is None:
            return
        try:
            model = self.workspace.get_model(model_id)
            snapshots = list(self.workspace.list_snapshots(model_id))
            sources = [scene.source for scene in self.workspace.list_scenes(model_id)]
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not prepare detection"))
            return
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        dialog = DetectDialog(
            model, snapshots, snapshot_id, self, self.project, canvas, scene_sources=sources
        )
        if dialog.exec() != DetectDialog.DialogCode.Accepted:
            return
        from .detection_run import start_detection

        task = start_detection(self, model, dialog.request())
        if task is not None:
            self.detect_tasks.append(task)
            task.progressed.connect(self._detection_progressed)
            self._detection_progressed()

    def _detection_progressed(self, *_args) -> None:
        # one bar for every detection running: the slowest one's progress
        running = [t for t in self.detect_tasks if t is not None]
        self.detect_progress.setVisible(bool(running))
        if running:
            self.detect_progress.setValue(int(min(t.progress() for t in running)))

    def detection_done(self, task, result, error) -> None:
        """A detection task ended: forget it and tell listeners (``detectionFinished``)."""
        if task in self.detect_tasks:
            self.detect_tasks.remove(task)
        self._detection_progressed()
        self.last_detection = result
        self.detectionFinished.emit(result, error)

    # -- life cycle ----------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel running work and stop following the project (called by the plugin's unload)."""
        self.training_panel.shutdown()
        self.install_banner.shutdown()
        for task in list(self.detect_tasks) + list(self.compare_tasks):
            with contextlib.suppress(TypeError, RuntimeError):
                task.done.disconnect()
            task.cancel()
        self.detect_tasks = []
        self.compare_tasks = []
        if self.lineage_view is not None:
            self.lineage_view.close()
        events = hub()
        for signal, slot in (
            (events.workspaceChanged, self._workspace_edited),
            (events.snapshotCreated, self._snapshot_created),
            (events.detectionAdded, self._detection_added),
        ):
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(slot)
        self.binding.disconnect_project()
        messages.clear_sticky(self.iface)  # a reloaded plugin starts with none of the old ones
