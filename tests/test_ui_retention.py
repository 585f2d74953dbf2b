"""The panel's retention view: disk use per model and snapshot, the policy editor previewing what
an edited policy would delete, applying it, and a purge that asks and deletes exactly the list."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QMessageBox
from store_helpers import hourly_snapshots

from orca_huntr.snapshots import RetentionPolicy, Workspace


@pytest.fixture
def project_workspace(tmp_path, qgis_new_project):
    """A saved project beside a workspace with one model and four snapshots (f1 0.2, 0.9, 0.4, 0.5)."""
    ws, model, made = hourly_snapshots(tmp_path / "site.huntr")
    project = QgsProject.instance()
    assert project.write(str(tmp_path / "site.qgz"))
    yield Workspace.open(ws.root), model, made
    project.clear()


def texts(tree, column: int) -> list[str]:
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def test_edit_preview_apply_and_purge(qgis_iface, qtbot, project_workspace, monkeypatch):
    from orca_huntr.ui.retention_dialog import RetentionDialog

    ws, model, made = project_workspace
    dialog = RetentionDialog(ws, model.id, qgis_iface)
    qtbot.addWidget(dialog)
    # disk use: the model, and each snapshot with its size
    row = dialog.usage_tree.topLevelItem(0)
    assert row.text(0) == model.name and row.text(1) == "workspace policy"
    sizes = ws.disk_usage().models[model.id].snapshots
    assert row.childCount() == 4
    for i in range(4):
        child = row.child(i)
        assert child.text(2) == dialog_size(sizes[child.data(0, 0x0100)])
    assert dialog.plan.is_empty and texts(dialog.plan_tree, 0) == []
    assert not dialog.purge_button.isEnabled() and not dialog.apply_button.isEnabled()
    # a model's own policy, edited: previewed before it is applied
    dialog.own_check.setChecked(True)
    dialog.keep_last_check.setChecked(True)
    dialog.keep_last_spin.setValue(0)
    dialog.best_combo.setCurrentIndex(dialog.best_combo.findData("f1"))
    assert texts(dialog.plan_tree, 0) == [made[0].name, made[2].name]
    assert texts(dialog.plan_tree, 3)[0] == "beyond the last 0 temporary snapshots (#3 from the newest)"
    assert dialog.apply_button.isEnabled() and not dialog.purge_button.isEnabled()  # apply first
    assert ws.model_retention_policy(model.id) is None
    dialog.apply_button.click()
    assert ws.model_retention_policy(model.id) == RetentionPolicy(keep_last=0, keep_best="f1")
    assert dialog.purge_button.isEnabled()
    row = dialog.usage_tree.topLevelItem(0)  # the tree was filled again
    kept_row = next(row.child(i) for i in range(4) if row.child(i).data(0, 0x0100) == made[1].id)
    assert kept_row.text(3) == "kept: the best by f1 (0.9)"
    # the purge asks first: Cancel changes nothing, Yes deletes exactly the list
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert dialog.confirm_purge() is False and len(ws.list_snapshots(model.id)) == 4
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.purged) as signal:
        assert dialog.confirm_purge() is True
    assert [i.snapshot.id for i in signal.args[0].snapshots] == [made[0].id, made[2].id]
    assert [s.id for s in ws.list_snapshots(model.id)] == [made[3].id, made[1].id]
    assert dialog.plan.is_empty and not dialog.purge_button.isEnabled()


def test_the_dock_opens_the_view_for_the_current_model(qgis_iface, qtbot, project_workspace):
    from orca_huntr.ui.dock import HuntrDock

    ws, model, _ = project_workspace
    panel = HuntrDock(qgis_iface, None)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel.workspace is not None and panel.workspace.root == ws.root, timeout=5000)
        panel.model_panel.refresh(select=model.id)
        assert panel.retention_button.text() == "Retention…"
        dialog = panel.show_retention(modal=False)
        qtbot.addWidget(dialog)
        assert dialog.scope() == model.id
        assert dialog.scope_combo.itemData(0) == "" and dialog.scope_combo.count() == 2
    finally:
        panel.shutdown()


def dialog_size(n: int) -> str:
    from orca_huntr.adapters.retention import size_text

    return size_text(n)
