"""Processing algorithm ``orcahuntr:setretention``: the retention policy of the workspace or a model."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..adapters.retention import policy_from_values, policy_text
from .algorithm import MODEL, HuntrAlgorithm


class SetRetentionAlgorithm(HuntrAlgorithm):
    """Set the retention policy purges follow (nothing is purged here)."""

    NAME = "setretention"
    EXPIRY_DAYS = "EXPIRY_DAYS"
    KEEP_LAST = "KEEP_LAST"
    KEEP_BEST = "KEEP_BEST"
    BUDGET_MB = "BUDGET_MB"
    FOLLOW_WORKSPACE = "FOLLOW_WORKSPACE"

    def display(self) -> str:
        return self.tr("Set retention policy")

    def help(self) -> str:
        return self.tr(
            "Sets what purges keep of the temporary snapshots: how many days they stay after they "
            "stopped being the current state, only the newest N of them, always the best one by a "
            "metric, and a disk budget (MB) for each model's snapshots (the oldest go first). Saved "
            "snapshots and the current state are never purged.\n\n"
            "Leave the model empty to set the workspace's policy; with a model, it gets its own "
            "policy, or follows the workspace's again when that option is checked. Nothing is "
            "deleted here: run Purge expired snapshots (with Dry run to see what it would delete)."
        )

    def initAlgorithm(self, config=None) -> None:
        from ..snapshots.policy import DEFAULT_TEMPORARY_DAYS, METRICS

        self.add_workspace_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                MODEL, self.tr("Model (id or name; empty: the workspace's policy)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.EXPIRY_DAYS,
                self.tr("Expiry of temporary snapshots (days)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=DEFAULT_TEMPORARY_DAYS,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.KEEP_LAST,
                self.tr("Keep only the last N temporary snapshots (-1: no limit)"),
                QgsProcessingParameterNumber.Integer,
                defaultValue=-1,
                minValue=-1,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.KEEP_BEST,
                self.tr("Always keep the best snapshot by"),
                options=[self.tr("(none)"), *METRICS],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BUDGET_MB,
                self.tr("Disk budget of each model's snapshots (MB; 0: none)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=0,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.FOLLOW_WORKSPACE,
                self.tr("The model follows the workspace's policy (drop its own)"),
                defaultValue=False,
            )
        )
        self.addOutput(QgsProcessingOutputString("POLICY", self.tr("Policy in force")))

    def execute(self, parameters, context, feedback):
        from ..errors import InputDataError
        from ..snapshots.policy import METRICS

        ws = self.workspace(parameters, context)
        model = (
            self.model(ws, parameters, context)
            if self.parameterAsString(parameters, MODEL, context)
            else None
        )
        if self.parameterAsBool(parameters, self.FOLLOW_WORKSPACE, context):
            if model is None:
                raise InputDataError(self.tr("Choose a model to make it follow the workspace's policy."))
            ws.set_retention_policy(None, model.id)
        else:
            policy = policy_from_values(
                self.parameterAsDouble(parameters, self.EXPIRY_DAYS, context),
                self.parameterAsInt(parameters, self.KEEP_LAST, context),
                ("", *METRICS)[self.parameterAsEnum(parameters, self.KEEP_BEST, context)],
                self.parameterAsDouble(parameters, self.BUDGET_MB, context),
            )
            ws.set_retention_policy(policy, model.id if model else None)
        in_force = ws.retention_policy(model.id if model else None)
        text = policy_text(in_force)
        feedback.pushInfo(
            (
                self.tr("Policy of model {model}: {policy}.")
                if model
                else self.tr("Workspace policy: {policy}.")
            ).format(model=model.name if model else "", policy=text)
        )
        return {"POLICY": text}
