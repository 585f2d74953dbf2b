"""The panel's lineage view (issue #16, part 2): models under the snapshot they came from,
reverted snapshots under the snapshot reverted to, and a snapshot shown in the timeline from it.

No training: snapshots are written through the store (small numpy weights)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from qgis.core import QgsProject
from store_helpers import FakeClock, new_workspace, snap


@pytest.fixture
def lineage(tmp_path, qgis_new_project):
    """A saved project beside a workspace: model "orcas" (a, b, c reverted to a) and "child" from b."""
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=1))  # the panel reads with the real clock
    ws, model = new_workspace(tmp_path / "site.huntr", clock)
    a = snap(ws, model.id, 0, name="a")
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1, name="b", metrics={"f1": 0.5})
    clock.advance(minutes=1)
    child = ws.new_model_from_snapshot(model.id, b.id, "child")
    clock.advance(minutes=1)
    c = snap(ws, model.id, 2, name="c")
    ws.revert(model.id, a.id)
    assert QgsProject.instance().write(str(tmp_path / "site.qgz"))
    yield ws, model, child, a, b, c
    QgsProject.instance().clear()


@pytest.fixture
def dock(qgis_iface, qtbot, lineage):
    from orca_huntr.ui.dock import HuntrDock

    ws, model, *_ = lineage
    qgis_iface.messageBar().clear_messages()
    panel = HuntrDock(qgis_iface, None)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.workspace is not None and panel.workspace.root == ws.root, timeout=5000)
    panel.model_panel.refresh(select=model.id)
    yield panel
    panel.shutdown()


def test_the_lineage_view_shows_models_under_their_snapshot_and_what_a_revert_took(dock, lineage, qtbot):
    ws, model, child, _a, b, c = lineage
    first = ws.current_snapshot(child.id)
    assert dock.lineage_button.isVisible() and dock.lineage_button.text() == "Lineage…"
    dock.lineage_button.click()
    view = dock.lineage_view
    assert view is not None and view.isVisible()
    rows = view.rows()
    assert [(depth, name) for depth, name, _kind in rows] == [
        (0, "orcas"),
        (1, "a"),
        (2, rows[2][1]),
        (3, "b"),
        (4, "child"),
        (5, first.name),
        (3, "c"),
    ]
    assert rows[2][1].startswith("2 reverted snapshots · undo until") and rows[2][2] == "Reverted"
    assert rows[1][2] == "Current state" and rows[3][2] == rows[6][2] == "Reverted"
    assert rows[4][2] == "AI model made from this snapshot"
    assert view.find(b.id).text(3) == "F1 0.50"

    # a reverted snapshot is not in any timeline: nothing to show there
    view.tree.setCurrentItem(view.find(b.id))
    assert not view.show_button.isEnabled()
    # the child's snapshot: the panel switches to the child model and shows its card
    view.tree.setCurrentItem(view.find(first.id))
    assert view.show_button.isEnabled()
    view.show_button.click()
    assert dock.current_model_id() == child.id
    assert [e.snapshot_id for e in dock.timeline.entries()] == [first.id]

    # the view follows the panel: an undo shows b and c back in orcas' timeline, the row kept current
    dock.model_panel.select_model(model.id)
    [(_text, undo)] = dock.timeline.reverted_rows()
    undo.click()
    assert view.tree.currentItem() is view.find(first.id)
    names = [(depth, name) for depth, name, _kind in view.rows()]
    assert names[:4] == [(0, "orcas"), (1, "a"), (1, "b"), (2, "child")]
    assert (1, "c") in names and view.find(c.id).text(1) == "Current state"
