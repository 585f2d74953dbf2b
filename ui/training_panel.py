"""Training controls: Start / Resume, Stop, a budget, a progress bar, the live loss and metrics.

Training runs in a ``TrainTask`` (started through :func:`tasks.registry.start`); the
panel only reflects its state. Whatever stops the run (the budget, the Stop button,
the task manager's cancel) ends in ``done``, which reports the new snapshot.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from . import messages, training_layers
from .timeline import key_metric
from .training_curve import TrainingCurve

SETTINGS_KEY = "training_panel"  # the panel's budget and device, kept in each workspace's settings
DEFAULT_SETTINGS = {"max_steps": 500, "max_minutes": 0, "device": "auto", "checkpoint_minutes": 10}

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrTrainingPanel", text)


def format_eta(seconds: float | None) -> str:
    """'1 min 05 s' style remaining time."""
    if seconds is None or seconds < 0:
        return ""
    seconds = round(seconds)
    if seconds >= 3600:
        return tr("{h} h {m:02d} min").format(h=seconds // 3600, m=(seconds % 3600) // 60)
    if seconds >= 60:
        return tr("{m} min {s:02d} s").format(m=seconds // 60, s=seconds % 60)
    return tr("{s} s").format(s=seconds)


def stop_reason_text(reason: str) -> str:
    """Why a training run stopped, in words."""
    return {
        "user": tr("Stopped by you"),
        "max_steps": tr("Step budget reached"),
        "max_epochs": tr("Epoch budget reached"),
        "max_seconds": tr("Time budget reached"),
        "early_stopping": tr("Stopped early: validation no longer improved"),
    }.get(reason, tr("Stopped"))


def project_title(project_file: str) -> str:
    """How a run's project is named to the user: its file name, or "the unsaved project"."""
    return Path(project_file).name if project_file else tr("the unsaved project")


def missing_labels_text(model, counts: dict) -> str | None:
    """What training would learn from ``counts`` (the store's training counts) when labels are missing.

    None when every class has labels, or when there is no training area at all (training
    itself then says that training areas are needed).
    """
    if not counts.get("training_areas"):
        return None
    per_class = {int(k): int(v) for k, v in (counts.get("labels_per_class") or {}).items()}
    names = [spec.name for spec in model.classes]
    empty = [name for class_id, name in enumerate(names, start=1) if not per_class.get(class_id)]
    if not empty:
        return None
    if len(empty) == len(names):
        return tr(
            "Model {model} has no labels. Training would teach it that everything inside its "
            "training areas is background, so it would detect nothing.\n\n"
            "Draw labels (polygons with a class) inside the training areas first."
        ).format(model=model.name)
    return tr(
        "No labels for {classes}. The model would learn that these are background and would "
        "not detect them.\n\nDraw labels of every class inside the training areas first."
    ).format(classes=", ".join(empty))


class TrainingPanel(QGroupBox):
    """Start/Resume and Stop for the selected model; shows progress while a run goes on.

    A run belongs to the workspace (and project) it was started in: the panel says which,
    asks what to do when that project is closed while the run goes on, and keeps showing
    the run (with its Stop button) in the next project until it ends.
    """

    trainingStarted = pyqtSignal(str)  # model id
    trainingFinished = pyqtSignal(str, object, object)  # model id, TrainResult | None, error | None

    def __init__(
        self, iface, binding, parent: QWidget | None = None, project: QgsProject | None = None
    ) -> None:
        super().__init__(tr("Training"), parent)
        self.iface = iface
        self.binding = binding
        self.project = project or QgsProject.instance()
        self.model_id: str | None = None
        self.task: Any = None  # the running TrainTask
        self._task_model_id: str | None = None
        self._run_root = ""  # the workspace folder of the run
        self._run_project = ""  # the project file of the run ("" for an unsaved project)
        self._run_model_name = ""
        self._run_started = False  # the run reported a step
        self._has_snapshot = False
        self.close_question: QMessageBox | None = None  # asked when the run's project is closed
        self.labels_question: QMessageBox | None = None  # asked before training without labels
        layout = QVBoxLayout(self)

        form = QFormLayout()
        budget = QHBoxLayout()
        self.steps_spin = QSpinBox(self)
        self.steps_spin.setObjectName("HuntrStepsBudget")
        self.steps_spin.setRange(0, 1_000_000)
        self.steps_spin.setValue(500)
        self.steps_spin.setSpecialValueText(tr("no step limit"))
        self.steps_spin.setSuffix(tr(" steps"))
        self.steps_spin.setToolTip(tr("Training stops after this many more steps (or earlier with Stop)"))
        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setRange(0, 24 * 60)
        self.minutes_spin.setValue(0)
        self.minutes_spin.setSpecialValueText(tr("no time limit"))
        self.minutes_spin.setSuffix(tr(" min"))
        self.minutes_spin.setToolTip(tr("Training also stops after this many minutes"))
        budget.addWidget(self.steps_spin)
        budget.addWidget(self.minutes_spin)
        form.addRow(tr("Budget"), budget)
        self.device_combo = QComboBox(self)
        self.device_combo.addItem(tr("Automatic (GPU when available)"), "auto")
        self.device_combo.addItem(tr("CPU"), "cpu")
        self.device_combo.addItem(tr("GPU (CUDA)"), "cuda")
        self.device_combo.setToolTip(tr("Where the network is trained"))
        form.addRow(tr("Device"), self.device_combo)
        self.checkpoint_spin = QSpinBox(self)
        self.checkpoint_spin.setObjectName("HuntrCheckpointMinutes")
        self.checkpoint_spin.setRange(0, 24 * 60)
        self.checkpoint_spin.setValue(10)
        self.checkpoint_spin.setSpecialValueText(tr("no checkpoints"))
        self.checkpoint_spin.setPrefix(tr("every "))
        self.checkpoint_spin.setSuffix(tr(" min"))
        self.checkpoint_spin.setToolTip(
            tr(
                "During a run, keep its state as a checkpoint snapshot this often: if QGIS stops, "
                "at most this much training is lost. Only the newest checkpoints are kept."
            )
        )
        form.addRow(tr("Checkpoint"), self.checkpoint_spin)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.start_button = QPushButton(tr("Start training"), self)
        self.start_button.setObjectName("HuntrStartTraining")
        self.stop_button = QPushButton(tr("Stop"), self)
        self.stop_button.setObjectName("HuntrStopTraining")
        self.stop_button.setToolTip(tr("Stop after the current step; the model is kept as a new snapshot"))
        buttons.addWidget(self.start_button, 1)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        layout.addWidget(self.progress_bar)
        self.run_label = QLabel(self)
        self.run_label.setObjectName("HuntrRunOwner")
        self.run_label.setWordWrap(True)
        self.run_label.setStyleSheet("color: palette(dark); font-size: 8pt;")
        layout.addWidget(self.run_label)
        self.loss_label = QLabel(self)
        self.loss_label.setObjectName("HuntrLiveLoss")
        self.loss_label.setToolTip(tr("Step, epoch and training loss of the running training"))
        layout.addWidget(self.loss_label)
        self.metrics_label = QLabel(self)
        self.metrics_label.setObjectName("HuntrLastMetrics")
        self.metrics_label.setWordWrap(True)
        self.metrics_label.setToolTip(tr("The last validation metrics"))
        self.metrics_label.setStyleSheet("color: palette(dark);")
        layout.addWidget(self.metrics_label)
        self.error_label = QLabel(self)  # the last run's error: short, with the whole text a click away
        self.error_label.setObjectName("HuntrTrainingError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b71c1c;")
        self.error_label.linkActivated.connect(lambda _link: self.show_error_details())
        self.error_label.hide()
        self._error_text = ""
        self.error_box: QMessageBox | None = None
        layout.addWidget(self.error_label)
        self.curve = TrainingCurve(self)  # the dock gives it the timeline's snapshots
        layout.addWidget(self.curve)

        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.project.cleared.connect(self._project_cleared)
        self._loading_settings = False
        self.steps_spin.valueChanged.connect(self._remember_settings)
        self.minutes_spin.valueChanged.connect(self._remember_settings)
        self.device_combo.currentIndexChanged.connect(self._remember_settings)
        self.checkpoint_spin.valueChanged.connect(self._remember_settings)
        self.resume_question: QMessageBox | None = None  # asked when the last run was interrupted
        self._update()

    # -- settings of the project ----------------------------------------------------
    def load_settings(self, workspace=None) -> None:
        """Show the budget and device last used in ``workspace`` (the defaults for a new one)."""
        if self.is_running():
            return  # the controls show the running training's settings
        stored = dict(getattr(workspace, "settings", None) or {}).get(SETTINGS_KEY)
        values = {**DEFAULT_SETTINGS, **(stored if isinstance(stored, dict) else {})}
        self._loading_settings = True
        try:
            self.steps_spin.setValue(int(values["max_steps"]))
            self.minutes_spin.setValue(int(values["max_minutes"]))
            index = self.device_combo.findData(values["device"])
            self.device_combo.setCurrentIndex(max(index, 0))
            self.checkpoint_spin.setValue(int(values["checkpoint_minutes"]))
        finally:
            self._loading_settings = False

    def _settings(self) -> dict:
        return {
            "max_steps": self.steps_spin.value(),
            "max_minutes": self.minutes_spin.value(),
            "device": self.device_combo.currentData(),
            "checkpoint_minutes": self.checkpoint_spin.value(),
        }

    def _remember_settings(self, *_args) -> None:
        """Keep the budget and device in the project's workspace (beside the project, not in the .qgz)."""
        workspace = self.binding.opened  # never open a workspace just to remember a setting
        if self._loading_settings or self.is_running() or workspace is None or workspace.read_only:
            return
        values = self._settings()
        if workspace.settings.get(SETTINGS_KEY) == values:
            return
        try:
            workspace.set_setting(SETTINGS_KEY, values)
        except Exception as exc:  # a setting not kept is no reason to interrupt the analyst
            log.warning("Could not keep the training settings in %s: %s", workspace.root, exc)

    # -- state ---------------------------------------------------------------------
    def is_running(self) -> bool:
        """Whether a training run of this panel is going on."""
        return self.task is not None

    def run_is_here(self) -> bool:
        """Whether the running training belongs to the workspace of the open project."""
        workspace = self.binding.workspace
        return workspace is not None and str(_root(workspace)) == self._run_root

    def run_owner_text(self) -> str:
        """Which model, project and workspace the running training belongs to."""
        if not self.is_running():
            return ""
        folder = Path(self._run_root).name  # the full path is the label's tooltip
        if self.run_is_here():
            return tr("Training {model} (workspace {path})").format(model=self._run_model_name, path=folder)
        return tr(
            "Still training {model} of {project} in the background (workspace {path}); "
            "Stop ends that run and writes its snapshot there."
        ).format(model=self._run_model_name, project=project_title(self._run_project), path=folder)

    def set_model(self, model_id: str | None, current_snapshot=None) -> None:
        """Show the controls for ``model_id`` (``current_snapshot``: its current state, if any)."""
        other_model = model_id != self.model_id
        self.model_id = model_id
        self._has_snapshot = current_snapshot is not None
        if not self.is_running():
            if other_model:  # the last run's outcome stays shown for its own model
                self.progress_bar.setValue(0)
                self.progress_bar.setFormat(tr("Not running"))
                self.loss_label.setText("")
            self.metrics_label.setText(
                tr("Last metrics: {metric}").format(
                    metric=key_metric(current_snapshot.metrics, (current_snapshot.config or {}).get("mode"))
                )
                if current_snapshot is not None
                else ""
            )
        self._update()

    def _update(self) -> None:
        self.run_label.setText(self.run_owner_text())
        self.run_label.setToolTip(
            tr("Workspace of the running training: {path}").format(path=self._run_root)
            if self.is_running()
            else ""
        )
        self.run_label.setVisible(bool(self.run_label.text()))
        self.loss_label.setVisible(bool(self.loss_label.text()))
        self.metrics_label.setVisible(bool(self.metrics_label.text()))
        running = self.is_running()
        ready = self.model_id is not None and self.binding.workspace is not None
        self.start_button.setEnabled(ready and not running)
        self.stop_button.setEnabled(running and not self.task.isCanceled())
        self.steps_spin.setEnabled(not running)
        self.minutes_spin.setEnabled(not running)
        self.device_combo.setEnabled(not running)
        self.checkpoint_spin.setEnabled(not running)
        self.start_button.setText(tr("Resume training") if self._has_snapshot else tr("Start training"))
        self.start_button.setToolTip(
            tr("Training is running")
            if running and self.run_is_here()
            else tr("Another project's training is still running: stop it or wait for it to end")
            if running
            else tr("Continue from the current state with the training data as they are now")
            if self._has_snapshot
            else tr("Train the model on its training areas and labels")
        )

    def config(self):
        """The ``TrainConfig`` of the next run, from the controls."""
        import os

        from ..training import TrainConfig

        # the panel trains inside QGIS: one core stays free for the application
        config = TrainConfig(
            max_steps=self.steps_spin.value() or None,
            device=self.device_combo.currentData(),
            threads=max(1, (os.cpu_count() or 2) - 1),
            checkpoint_minutes=float(self.checkpoint_spin.value()),
        )
        if self.minutes_spin.value():
            config.max_seconds = float(self.minutes_spin.value() * 60)
        return config

    # -- actions -------------------------------------------------------------------
    def start(self) -> None:
        """Save pending edits of the training layers and start a ``TrainTask``."""
        if self.is_running() or self.model_id is None:
            return
        from ..tasks import registry
        from ..tasks.train_task import TrainTask

        ws = self.binding.workspace
        try:
            training_layers.commit_training_edits(self.model_id, self.project)
            model = ws.get_model(self.model_id)
            warning = missing_labels_text(model, ws.training_counts(self.model_id))
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not start training"))
            return
        if warning is not None and not self._confirm_without_labels(warning):
            return
        if not self._confirm_resume(ws, model):
            return
        try:
            title = tr("ORCA HUNTR: training {model}").format(model=model.name)
            task = TrainTask(str(_root(ws)), self.model_id, self.config(), title=title)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not start training"))
            return
        task.progressed.connect(self._progressed)
        task.done.connect(self._done)
        self.task = task
        self._task_model_id = self.model_id
        self._run_root = str(_root(ws))
        self._run_project = self.project.fileName() or ""
        self._run_model_name = model.name
        self._run_started = False
        self.set_error("", None)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(tr("Starting… %p%"))
        self.loss_label.setText(tr("Reading the training data…"))
        registry.start(task)
        self._update()
        self.trainingStarted.emit(self.model_id)

    def set_error(self, doing: str, error: BaseException | None) -> None:
        """Show the last run's error under the bar: its first line and a *Details…* link."""
        import html

        self._error_text = f"{doing}: {error}" if error is not None else ""
        self.error_label.setVisible(bool(self._error_text))
        if self._error_text:
            self.error_label.setText(
                f"{html.escape(messages.short_text(self._error_text, 90))} "
                f"<a href='details'>{html.escape(tr('Details…'))}</a>"
            )
            self.error_label.setToolTip(
                tr("The whole message is also in the ORCA HUNTR tab of the log panel")
            )

    def show_error_details(self) -> None:
        """The whole text of the last run's error, in a dialog."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Training Error"), self._error_text, parent=self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_box = box
        try:
            box.exec()
        finally:
            self.error_box = None
            box.deleteLater()

    def _confirm_resume(self, ws, model) -> bool:
        """When the last run was cut off (its newest checkpoint is the current state), offer to
        resume from that checkpoint; True to go on."""
        from ..training.checkpoints import interrupted_run

        try:
            interrupted = interrupted_run(ws, model.id)
        except Exception as exc:
            log.warning("cannot tell whether the last run of %s ended: %s", model.name, exc)
            return True
        if interrupted is None:
            return True
        text = tr(
            "The last training of {model} did not end: it was interrupted at step {steps}. Its newest "
            "checkpoint ({name}) is the current state. Resume training from it?"
        ).format(model=model.name, steps=interrupted.steps, name=interrupted.checkpoint.name)
        if interrupted.last_complete is not None:
            text += " " + tr(
                "To start from the last snapshot a run ended with ({name}) instead, cancel and revert "
                "to it on the timeline."
            ).format(name=interrupted.last_complete.name)
        box = QMessageBox(QMessageBox.Icon.Question, tr("Resume Interrupted Training"), text, parent=self)
        resume = box.addButton(tr("Resume from the checkpoint"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(resume)
        self.resume_question = box
        try:
            box.exec()
            return box.clickedButton() is resume
        finally:
            self.resume_question = None
            box.deleteLater()

    def _confirm_without_labels(self, text: str) -> bool:
        """Ask whether to train although labels are missing (``text`` says what it would learn)."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Training Without Labels"), text, parent=self)
        train = box.addButton(tr("Train anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        self.labels_question = box
        try:
            box.exec()
            return box.clickedButton() is train
        finally:
            self.labels_question = None
            box.deleteLater()

    def stop(self) -> None:
        """Ask the running training to stop (it finishes the step and makes a snapshot)."""
        if self.task is not None:
            self.stop_button.setEnabled(False)
            self.loss_label.setText(tr("Stopping… (finishing the current step and writing the snapshot)"))
            self.progress_bar.setFormat(tr("Stopping… %p%"))
            self.task.cancel()
            self._update()

    # -- the run's project closed --------------------------------------------------
    def _project_cleared(self) -> None:
        # QGIS gives no chance to object before a project closes: ask once it is closed
        # (after the event loop is back, as the next project may be being read)
        if self.is_running() and not self.task.isCanceled():
            QTimer.singleShot(0, self._ask_about_closed_project)

    def _ask_about_closed_project(self) -> None:
        if not self.is_running() or self.task.isCanceled() or self.close_question is not None:
            self._update()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Training Still Running"),
            tr(
                "{project} was closed while model {model} is training.\n\n"
                "Stop now: training ends after the current step and its snapshot is written to "
                "{path}.\n\n"
                "Keep training: the run goes on in the background; this panel keeps showing it, with "
                "its Stop button, and its snapshot is written there when it ends."
            ).format(
                project=self._run_project or tr("The unsaved project"),
                model=self._run_model_name,
                path=self._run_root,
            ),
            parent=self,
        )
        stop = box.addButton(tr("Stop and snapshot now"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(tr("Keep training"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        self.close_question = box
        try:
            box.exec()
            if box.clickedButton() is stop:
                self.stop()
        finally:
            self.close_question = None
            box.deleteLater()
        self._update()

    def _progressed(self, progress) -> None:
        if self.task is None:
            return
        self._run_started = self._run_started or bool(progress.step)
        fraction = max(0.0, min(1.0, float(progress.fraction or 0.0)))
        self.progress_bar.setValue(round(fraction * 100))
        eta = format_eta(progress.eta_seconds)
        if self.task.isCanceled():
            self.progress_bar.setFormat(tr("Stopping… %p%"))
        else:
            self.progress_bar.setFormat(tr("%p% · {eta} left").format(eta=eta) if eta else "%p%")
        parts = [
            tr("step {step}").format(step=progress.step),
            tr("epoch {epoch:.1f}").format(epoch=progress.epoch),
        ]
        if progress.loss is not None:
            parts.append(tr("loss {loss:.4f}").format(loss=progress.loss))
        if not self.task.isCanceled():
            self.loss_label.setText(" · ".join(parts))
        if progress.metrics:
            self.metrics_label.setText(
                tr("Last validation: {metric}").format(metric=key_metric(progress.metrics))
            )
        if self._task_model_id == self.model_id and self.run_is_here():
            self.curve.add_progress(progress)  # the run of the model shown: its curve grows
        self.loss_label.setVisible(bool(self.loss_label.text()))
        self.metrics_label.setVisible(bool(self.metrics_label.text()))

    def _done(self, result, error) -> None:
        model_id = self._task_model_id or ""
        here = self.run_is_here()
        started = self._run_started
        self.task = None
        self._task_model_id = None
        if error is not None:
            self.set_error(
                tr("Training stopped with an error") if started else tr("Training could not start"), error
            )
            if started:
                messages.show_error(self.iface, error, tr("Training stopped with an error"))
                self.progress_bar.setFormat(tr("Failed"))
            else:
                messages.show_error(self.iface, error, tr("Training could not start"))
                self.progress_bar.setValue(0)
                self.progress_bar.setFormat(tr("Not started"))
            self.loss_label.setText("")
        elif not here:
            # a run of a project closed since: say so, and leave this project's model alone
            self.load_settings(self.binding.workspace)
            snapshot = getattr(result, "snapshot", None)
            name = getattr(snapshot, "name", "") if snapshot is not None else ""
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat(tr("Not running"))
            self.loss_label.setText("")
            self.metrics_label.setText("")  # they were the other model's
            messages.success(
                self.iface,
                tr(
                    "Training of {model} ({project}) stopped: snapshot {name} is its current state, "
                    "in {path}."
                ).format(
                    model=self._run_model_name,
                    project=project_title(self._run_project),
                    name=name,
                    path=self._run_root,
                ),
            )
        else:
            snapshot = getattr(result, "snapshot", None)
            self._has_snapshot = self._has_snapshot or snapshot is not None
            reason = getattr(result, "stop_reason", "")
            if reason == "user":
                # the bar keeps how far the budget got: say it was stopped, not "done"
                self.progress_bar.setFormat(tr("Stopped · %p% of the budget"))
            else:
                self.progress_bar.setValue(100)
                self.progress_bar.setFormat(tr("Done · %p%"))
            loss = getattr(result, "loss", None)
            why = stop_reason_text(reason)
            where = tr("step {step}").format(step=getattr(result, "steps", 0))
            if loss is not None:
                where += " · " + tr("loss {loss:.4f}").format(loss=loss)
            self.loss_label.setText(f"{why} · {where}")
            if getattr(result, "metrics", None):
                self.metrics_label.setText(
                    tr("Last metrics: {metric}").format(metric=key_metric(result.metrics))
                )
            name = getattr(snapshot, "name", "") if snapshot is not None else ""
            messages.success(
                self.iface, tr("Training stopped: snapshot {name} is the current state.").format(name=name)
            )
            for warning in getattr(result, "warnings", None) or []:
                messages.push(self.iface, str(warning), level=Qgis.Warning)
        self._update()
        self.trainingFinished.emit(model_id, result, error)

    def shutdown(self) -> None:
        """Stop a running training and forget its signals (panel closing or plugin unloading)."""
        with contextlib.suppress(TypeError, RuntimeError):
            self.project.cleared.disconnect(self._project_cleared)
        task, self.task = self.task, None
        if task is not None:
            for signal, slot in ((task.progressed, self._progressed), (task.done, self._done)):
                with contextlib.suppress(TypeError, RuntimeError):
                    signal.disconnect(slot)
            task.cancel()


def _root(workspace):
    for name in ("root", "path"):
        value = getattr(workspace, name, None)
        if value is not None:
            return value
    raise AttributeError("the workspace has no root path")
