"""The retention view: disk use per model and snapshot, the policy editor, and what the next purge
would delete and why, with a Purge button that asks first.

Every rule is the engine's: the list is ``Workspace.purge_plan`` (with the policy being edited
as a trial, so a change is seen before it is applied) and the purge is ``Workspace.purge`` bounded
by the plan the user confirmed. Texts come from ``adapters/retention.py``.
"""

from __future__ import annotations

from typing import Any

from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..adapters.retention import kept_text, policy_text, reason_text, set_reason_text, size_text
from . import messages

WORKSPACE_SCOPE = ""  # the scope combo's data for the workspace's policy


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrRetentionDialog", text)


class RetentionDialog(QDialog):
    """Disk use, the retention policy of the workspace or of one model, and the next purge."""

    purged = pyqtSignal(object)  # the PurgePlan carried out

    def __init__(
        self, workspace, model_id: str | None = None, iface: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("HuntrRetentionDialog")
        self.setWindowTitle(tr("Retention and disk use"))
        self.workspace = workspace
        self.plan: Any = None
        self._loading = False
        layout = QVBoxLayout(self)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        usage_box = QGroupBox(tr("Disk use"), splitter)
        usage_layout = QVBoxLayout(usage_box)
        self.usage_tree = QTreeWidget(usage_box)
        self.usage_tree.setObjectName("HuntrRetentionUsage")
        self.usage_tree.setHeaderLabels([tr("Model / snapshot"), tr("Kind"), tr("Size"), tr("Next purge")])
        self.usage_tree.setRootIsDecorated(True)
        self.usage_tree.setAlternatingRowColors(True)
        usage_layout.addWidget(self.usage_tree)
        self.total_label = QLabel(usage_box)
        usage_layout.addWidget(self.total_label)

        policy_box = QGroupBox(tr("Retention policy"), splitter)
        form = QFormLayout(policy_box)
        self.scope_combo = QComboBox(policy_box)
        self.scope_combo.setObjectName("HuntrRetentionScope")
        form.addRow(tr("Policy of"), self.scope_combo)
        self.own_check = QCheckBox(tr("This model has its own policy (else it follows the workspace's)"))
        form.addRow("", self.own_check)
        self.expiry_spin = QDoubleSpinBox(policy_box)
        self.expiry_spin.setRange(0, 3650)
        self.expiry_spin.setDecimals(1)
        self.expiry_spin.setSuffix(tr(" days"))
        self.expiry_spin.setToolTip(
            tr("A temporary snapshot is deleted this long after it stopped being current")
        )
        form.addRow(tr("Temporary snapshots expire after"), self.expiry_spin)
        last_row = QHBoxLayout()
        self.keep_last_check = QCheckBox(tr("Keep only the last"))
        self.keep_last_spin = QSpinBox(policy_box)
        self.keep_last_spin.setRange(0, 10000)
        last_row.addWidget(self.keep_last_check)
        last_row.addWidget(self.keep_last_spin)
        last_row.addWidget(QLabel(tr("temporary snapshots")))
        last_row.addStretch(1)
        form.addRow(tr("Count"), last_row)
        from ..snapshots.policy import METRICS

        self.best_combo = QComboBox(policy_box)
        self.best_combo.addItem(tr("(none)"), "")
        for metric in METRICS:
            self.best_combo.addItem(metric, metric)
        self.best_combo.setToolTip(tr("The snapshot with the best value of this metric is never purged"))
        form.addRow(tr("Always keep the best by"), self.best_combo)
        budget_row = QHBoxLayout()
        self.budget_check = QCheckBox(tr("At most"))
        self.budget_spin = QDoubleSpinBox(policy_box)
        self.budget_spin.setRange(0.1, 10_000_000)
        self.budget_spin.setDecimals(1)
        self.budget_spin.setSuffix(" MB")
        budget_row.addWidget(self.budget_check)
        budget_row.addWidget(self.budget_spin)
        budget_row.addWidget(QLabel(tr("of snapshots per model (the oldest go first)")))
        budget_row.addStretch(1)
        form.addRow(tr("Disk budget"), budget_row)
        apply_row = QHBoxLayout()
        self.policy_label = QLabel(policy_box)
        self.policy_label.setWordWrap(True)
        self.policy_label.setStyleSheet("color: palette(dark);")
        apply_row.addWidget(self.policy_label, 1)
        self.apply_button = QPushButton(tr("Apply policy"), policy_box)
        self.apply_button.setObjectName("HuntrRetentionApply")
        apply_row.addWidget(self.apply_button)
        form.addRow(apply_row)

        plan_box = QGroupBox(tr("The next purge would delete"), splitter)
        plan_layout = QVBoxLayout(plan_box)
        self.plan_tree = QTreeWidget(plan_box)
        self.plan_tree.setObjectName("HuntrRetentionPlan")
        self.plan_tree.setHeaderLabels([tr("Snapshot"), tr("Model"), tr("Size"), tr("Why")])
        self.plan_tree.setRootIsDecorated(False)
        plan_layout.addWidget(self.plan_tree)
        self.plan_label = QLabel(plan_box)
        self.plan_label.setWordWrap(True)
        plan_layout.addWidget(self.plan_label)
        for tree in (self.usage_tree, self.plan_tree):
            header = tree.header()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.purge_button = buttons.addButton(tr("Purge now…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.purge_button.setObjectName("HuntrRetentionPurge")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        for model in workspace.list_models():
            self.scope_combo.addItem(tr("Model “{name}”").format(name=model.name), model.id)
        self.scope_combo.insertItem(0, tr("Workspace (every model without its own policy)"), WORKSPACE_SCOPE)
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)
        for signal in (
            self.own_check.toggled,
            self.keep_last_check.toggled,
            self.budget_check.toggled,
            self.best_combo.currentIndexChanged,
            self.expiry_spin.valueChanged,
            self.keep_last_spin.valueChanged,
            self.budget_spin.valueChanged,
        ):
            signal.connect(self._edited)
        self.apply_button.clicked.connect(self.apply_policy)
        self.purge_button.clicked.connect(self.confirm_purge)
        index = self.scope_combo.findData(model_id) if model_id else 0
        self.scope_combo.setCurrentIndex(max(0, index))
        self._scope_changed()
        self.resize(760, 720)

    # -- the policy editor ---------------------------------------------------------------
    def scope(self) -> str | None:
        """The model whose policy is edited, or ``None`` for the workspace's."""
        return self.scope_combo.currentData() or None

    def _scope_changed(self, *_args) -> None:
        model_id = self.scope()
        self._loading = True
        try:
            own = self.workspace.model_retention_policy(model_id) if model_id else None
            shown = own or self.workspace.retention_policy()
            self.own_check.setVisible(model_id is not None)
            self.own_check.setChecked(own is not None)
            self._show_policy(shown)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not read the retention policy"))
        finally:
            self._loading = False
        self._edited()

    def _show_policy(self, policy) -> None:
        self.expiry_spin.setValue(policy.expiry_days)
        self.keep_last_check.setChecked(policy.keep_last is not None)
        self.keep_last_spin.setValue(policy.keep_last if policy.keep_last is not None else 5)
        self.best_combo.setCurrentIndex(max(0, self.best_combo.findData(policy.keep_best or "")))
        self.budget_check.setChecked(policy.budget_mb is not None)
        self.budget_spin.setValue(policy.budget_mb if policy.budget_mb is not None else 1000)

    def edited_policy(self):
        """The policy the widgets show (``None``: the model follows the workspace's)."""
        from ..adapters.retention import policy_from_values

        if self.scope() is not None and not self.own_check.isChecked():
            return None
        return policy_from_values(
            self.expiry_spin.value(),
            self.keep_last_spin.value() if self.keep_last_check.isChecked() else None,
            self.best_combo.currentData(),
            self.budget_spin.value() if self.budget_check.isChecked() else None,
        )

    def trial(self) -> dict:
        """Model id → the policy each model would follow with the edited one applied."""
        edited = self.edited_policy()
        model_id = self.scope()
        out = {}
        for model in self.workspace.list_models():
            own = self.workspace.model_retention_policy(model.id)
            if model_id is None:
                out[model.id] = own if own is not None else edited
            elif model.id == model_id:
                out[model.id] = edited if edited is not None else self.workspace.retention_policy()
        return out

    def is_modified(self) -> bool:
        model_id = self.scope()
        stored = (
            self.workspace.model_retention_policy(model_id) if model_id else self.workspace.retention_policy()
        )
        return self.edited_policy() != stored

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        editable = self.scope() is None or self.own_check.isChecked()
        for widget in (
            self.expiry_spin,
            self.keep_last_check,
            self.best_combo,
            self.budget_check,
        ):
            widget.setEnabled(editable)
        self.keep_last_spin.setEnabled(editable and self.keep_last_check.isChecked())
        self.budget_spin.setEnabled(editable and self.budget_check.isChecked())
        self.refresh()

    def apply_policy(self) -> None:
        """Store the edited policy (nothing is purged until *Purge now…*)."""
        from ..adapters.events import hub

        try:
            self.workspace.set_retention_policy(self.edited_policy(), self.scope())
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not set the retention policy"))
            return
        hub().workspace_changed(self.workspace)  # the cards show the new expiry dates
        self.refresh()

    # -- disk use and the plan -----------------------------------------------------------
    def refresh(self) -> None:
        """Read the disk use and the plan again (with the edited policy as a trial)."""
        try:
            modified = self.is_modified()
            self.plan = self.workspace.purge_plan(trial=self.trial() if modified else None)
            usage = self.workspace.disk_usage()
        except Exception as exc:
            self.plan = None
            self.plan_tree.clear()
            self.plan_label.setText(str(exc))
            self.purge_button.setEnabled(False)
            return
        self.apply_button.setEnabled(modified)
        shown = self.edited_policy() or self.workspace.retention_policy()
        self.policy_label.setText(
            (tr("Not applied yet: ") if modified else tr("In force: ")) + policy_text(shown)
        )
        self._fill_usage(usage)
        self._fill_plan(modified)

    def _fill_usage(self, usage) -> None:
        doomed = {(i.snapshot.model_id, i.snapshot.id): reason_text(i) for i in self.plan.snapshots}
        kept = {(k.snapshot.model_id, k.snapshot.id): kept_text(k) for k in self.plan.kept}
        gone_sets = {(i.reverted.model_id, i.reverted.id): set_reason_text(i) for i in self.plan.sets}
        kinds = {"current": tr("current"), "saved": tr("saved"), "temporary": tr("temporary")}
        self.usage_tree.clear()
        for model in self.workspace.list_models():
            use = usage.models.get(model.id)
            if use is None:
                continue
            own = self.workspace.model_retention_policy(model.id) is not None
            row = QTreeWidgetItem(
                [
                    model.name,
                    tr("own policy") if own else tr("workspace policy"),
                    size_text(use.total),
                    tr("{n} snapshots · training data {size}").format(
                        n=len(use.snapshots), size=size_text(use.training_data)
                    ),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, model.id)
            over = self.plan.over_budget.get(model.id)
            if over:
                row.setText(3, tr("stays over its budget by {size}").format(size=size_text(over)))
            self.usage_tree.addTopLevelItem(row)
            for snap in self.workspace.list_snapshots(model.id):
                key = (model.id, snap.id)
                child = QTreeWidgetItem(
                    [snap.name, kinds.get(snap.kind, snap.kind), size_text(use.snapshots.get(snap.id, 0))]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, snap.id)
                if key in doomed:
                    child.setText(3, tr("deleted: {reason}").format(reason=doomed[key]))
                    child.setForeground(3, Qt.GlobalColor.darkRed)
                elif key in kept:
                    child.setText(3, kept[key])
                row.addChild(child)
            for rset in self.workspace.reverted(model.id):
                key = (model.id, rset.id)
                child = QTreeWidgetItem(
                    [
                        tr("{n} reverted snapshots").format(n=len(rset.snapshots)),
                        tr("reverted"),
                        size_text(use.reverted.get(rset.id, 0)),
                        tr("deleted: {reason}").format(reason=gone_sets[key]) if key in gone_sets else "",
                    ]
                )
                row.addChild(child)
            row.setExpanded(True)
        self.total_label.setText(
            tr("Workspace: {total} (detections {detections})").format(
                total=size_text(usage.total), detections=size_text(usage.detections)
            )
        )

    def _fill_plan(self, modified: bool) -> None:
        names = {m.id: m.name for m in self.workspace.list_models()}
        self.plan_tree.clear()
        for item in self.plan.snapshots:
            s = item.snapshot
            self.plan_tree.addTopLevelItem(
                QTreeWidgetItem(
                    [s.name, names.get(s.model_id, s.model_id), size_text(item.bytes), reason_text(item)]
                )
            )
        for item in self.plan.sets:
            r = item.reverted
            label = tr("{n} reverted snapshots").format(n=len(r.snapshots))
            self.plan_tree.addTopLevelItem(
                QTreeWidgetItem(
                    [label, names.get(r.model_id, r.model_id), size_text(item.bytes), set_reason_text(item)]
                )
            )
        count = len(self.plan.deleted())
        if count == 0:
            text = tr("Nothing: every snapshot is kept by the policy.")
        else:
            text = tr("{n} snapshots, {size}. Saved snapshots and current states are never deleted.").format(
                n=count, size=size_text(self.plan.bytes)
            )
        if self.plan.clock_backwards:
            text += " " + tr(
                "The clock is earlier than a snapshot's creation: nothing expires until it is right."
            )
        if modified:
            text += " " + tr("This is what the edited policy would delete: apply it before purging.")
        self.plan_label.setText(text)
        self.purge_button.setEnabled(count > 0 and not modified)
        self.purge_button.setToolTip(tr("Apply the edited policy first") if modified else "")

    # -- purging -------------------------------------------------------------------------
    def confirm_purge(self) -> bool:
        """Ask, then delete what the list shows (never more: a snapshot saved since is kept)."""
        from ..adapters.events import hub

        plan = self.plan
        if plan is None or plan.is_empty:
            return False
        answer = QMessageBox.question(
            self,
            tr("Purge snapshots"),
            tr(
                "Delete {n} snapshots ({size}) for good? They cannot be restored. Saved snapshots and "
                "current states are kept."
            ).format(n=len(plan.deleted()), size=size_text(plan.bytes)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            done = self.workspace.purge(confirmed=plan)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not purge"))
            return False
        hub().workspace_changed(self.workspace)
        self.purged.emit(done)
        self.refresh()
        return True
