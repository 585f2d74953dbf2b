"""Processing algorithm ``orcahuntr:trainmodel``: one training session, ending in a snapshot."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)

from ..snapshots.table import to_json
from .algorithm import HuntrAlgorithm, engine_callbacks

TARGETS = (None, "distance", "rim", "centre")  # BOUNDARY_TARGET's enum order (new ones appended)


class TrainModelAlgorithm(HuntrAlgorithm):
    """Train a model within a budget; stopping (budget, early stop or cancel) creates a snapshot."""

    NAME = "trainmodel"
    GROUP = "run"
    MAX_STEPS = "MAX_STEPS"
    MAX_EPOCHS = "MAX_EPOCHS"
    MAX_SECONDS = "MAX_SECONDS"
    BOUNDARY_TARGET = "BOUNDARY_TARGET"
    PHOTOMETRIC = "PHOTOMETRIC"
    BATCH_SIZE = "BATCH_SIZE"
    LR = "LEARNING_RATE"
    SEED = "SEED"
    VALIDATION_FRACTION = "VALIDATION_FRACTION"
    PATIENCE = "EARLY_STOPPING_PATIENCE"
    THREADS = "THREADS"
    CHECKPOINT_MINUTES = "CHECKPOINT_MINUTES"

    def display(self) -> str:
        return self.tr("Train model")

    def help(self) -> str:
        return self.tr(
            "Trains the model on the training areas and labels of its training GeoPackage. "
            "Training continues from the model's current state, so running it again adds to "
            "the earlier sessions.\n\n"
            "Training stops at the first budget reached (steps, epochs or seconds; 0 means no "
            "limit: a time budget alone trains for that long, and with no limit at all it stops "
            "after 500 steps), when the validation loss "
            "stops improving (early stopping), or when you cancel. Every stop creates a snapshot "
            "on the Training Snapshots Timeline, which becomes the current state.\n\n"
            "Outputs the new snapshot's id and name, the number of steps and the validation metrics."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_STEPS, self.tr("Maximum steps (0: no limit)"), integer, 0, False, 0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_SECONDS, self.tr("Maximum time in seconds (0: no limit)"), double, 0.0, False, 0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_EPOCHS, self.tr("Maximum epochs (0: no limit)"), double, 0.0, False, 0.0
            )
        )
        self.add_device_parameter()
        advanced = [
            QgsProcessingParameterNumber(self.BATCH_SIZE, self.tr("Batch size"), integer, 8, False, 1, 1024),
            QgsProcessingParameterNumber(self.LR, self.tr("Learning rate"), double, 2e-3, False, 1e-7, 1.0),
            QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"), integer, 0, False, 0),
            QgsProcessingParameterNumber(
                self.VALIDATION_FRACTION,
                self.tr("Share of the training areas held out for validation (when none is marked)"),
                double,
                0.15,
                False,
                0.0,
                0.9,
            ),
            QgsProcessingParameterEnum(
                self.BOUNDARY_TARGET,
                self.tr("Count mode: what the boundary channel learns"),
                options=[
                    self.tr("the model's own (object centres for a new model)"),
                    self.tr("distance to the object's edge (the earlier default)"),
                    self.tr("thin rims (the older target)"),
                    self.tr("object centres (touching and overlapping objects)"),
                ],
                defaultValue=0,
            ),
            QgsProcessingParameterBoolean(
                self.PHOTOMETRIC,
                self.tr("Photometric augmentation (brightness, contrast, gamma, colour cast, blur)"),
                defaultValue=True,
            ),
            QgsProcessingParameterNumber(
                self.PATIENCE,
                self.tr("Early stopping patience in validations (0: off)"),
                integer,
                0,
                False,
                0,
            ),
            QgsProcessingParameterNumber(
                self.THREADS, self.tr("CPU threads (0: all cores)"), integer, 0, False, 0, 256
            ),
            QgsProcessingParameterNumber(
                self.CHECKPOINT_MINUTES,
                self.tr("Crash-safe checkpoint every so many minutes (0: none)"),
                double,
                10.0,
                False,
                0.0,
            ),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        self.add_snapshot_outputs()
        self.addOutput(QgsProcessingOutputString("STOP_REASON", self.tr("Why training stopped")))
        self.addOutput(QgsProcessingOutputNumber("STEPS", self.tr("Total steps of the model")))
        self.addOutput(QgsProcessingOutputString("METRICS", self.tr("Validation metrics (JSON)")))
        self.addOutput(
            QgsProcessingOutputString(
                "DETECTION_SETTINGS", self.tr("Detection settings the snapshot calibrated (JSON)")
            )
        )

    def config(self, parameters, context):
        """The engine's ``TrainConfig`` for these parameters."""
        from ..training import TrainConfig

        def positive(value):
            return value if value and value > 0 else None

        return TrainConfig(
            max_steps=positive(self.parameterAsInt(parameters, self.MAX_STEPS, context)),
            max_seconds=positive(self.parameterAsDouble(parameters, self.MAX_SECONDS, context)),
            max_epochs=positive(self.parameterAsDouble(parameters, self.MAX_EPOCHS, context)),
            batch_size=self.parameterAsInt(parameters, self.BATCH_SIZE, context),
            lr=self.parameterAsDouble(parameters, self.LR, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            device=self.device(parameters, context),
            validation_fraction=self.parameterAsDouble(parameters, self.VALIDATION_FRACTION, context),
            early_stopping_patience=positive(self.parameterAsInt(parameters, self.PATIENCE, context)),
            threads=positive(self.parameterAsInt(parameters, self.THREADS, context)),
            boundary_target=TARGETS[self.parameterAsEnum(parameters, self.BOUNDARY_TARGET, context)],
            photometric=self.parameterAsBool(parameters, self.PHOTOMETRIC, context),
            checkpoint_minutes=self.parameterAsDouble(parameters, self.CHECKPOINT_MINUTES, context),
        )

    def execute(self, parameters, context, feedback):
        from ..training import train_model

        ws = self.workspace(parameters, context)
        model = self.model(ws, parameters, context)
        config = self.config(parameters, context)
        progress, should_stop = engine_callbacks(feedback)

        def report(info) -> None:
            progress(info)
            if getattr(info, "metrics", None):
                feedback.pushInfo(
                    self.tr("Step {step}: validation {metrics}").format(
                        step=info.step, metrics=to_json(info.metrics)
                    )
                )

        feedback.pushInfo(self.tr("Training model “{name}” ({id}).").format(name=model.name, id=model.id))
        result = train_model(ws, model.id, config, progress=report, should_stop=should_stop)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        snap = result.snapshot
        self.announce("snapshot_created", ws.root, model.id, snap.id)
        calibrated = snap.config.get("detection") or {}
        if calibrated:
            feedback.pushInfo(
                self.tr(
                    "Detection settings calibrated for this snapshot: minimum score {score}, "
                    "boundary threshold {boundary}, minimum size {pixels} px."
                ).format(
                    score=calibrated.get("score_threshold"),
                    boundary=calibrated.get("boundary_threshold"),
                    pixels=calibrated.get("min_pixels"),
                )
            )
        feedback.pushInfo(
            self.tr(
                "Stopped after {steps} steps ({reason}); snapshot “{name}” ({id}) is the current state."
            ).format(steps=result.steps_this_run, reason=result.stop_reason, name=snap.name, id=snap.id)
        )
        return {
            **self.snapshot_outputs(snap),
            "STOP_REASON": result.stop_reason,
            "STEPS": result.steps,
            "METRICS": to_json(result.metrics),
            "DETECTION_SETTINGS": to_json(snap.config.get("detection") or {}),
        }
