"""Processing ``setretention`` and ``purgeexpired``'s dry run: the same policy and plan as the store."""

from __future__ import annotations

import json

import pytest
from processing_setup import (
    huntr_provider,  # noqa: F401 - the fixture
    run,
)
from qgis.core import QgsProcessingException
from store_helpers import hourly_snapshots

from orca_huntr.snapshots import RetentionPolicy, Workspace

pytestmark = pytest.mark.usefixtures("huntr_provider")


@pytest.fixture
def workspace(tmp_path):
    """One model with four snapshots an hour apart (f1 0.2, 0.9, 0.4, 0.5), oldest first."""
    ws, model, made = hourly_snapshots(tmp_path / "site.huntr")
    return ws, model, made


def test_setretention_stores_the_workspace_and_a_models_policy(workspace):
    ws, model, _ = workspace
    out = run("setretention", {"WORKSPACE": str(ws.root), "EXPIRY_DAYS": 3, "KEEP_LAST": 2, "BUDGET_MB": 40})
    assert out["POLICY"] == "expire after 3 days · keep the last 2 · disk budget 40 MB"
    assert Workspace.open(ws.root).retention_policy() == RetentionPolicy(
        expiry_days=3, keep_last=2, budget_mb=40
    )
    run("setretention", {"WORKSPACE": str(ws.root), "MODEL": model.name, "KEEP_BEST": 1})  # f1
    again = Workspace.open(ws.root)
    assert again.model_retention_policy(model.id) == RetentionPolicy(keep_best="f1")
    run("setretention", {"WORKSPACE": str(ws.root), "MODEL": model.id, "FOLLOW_WORKSPACE": True})
    assert Workspace.open(ws.root).model_retention_policy(model.id) is None
    with pytest.raises(QgsProcessingException, match="Choose a model"):
        run("setretention", {"WORKSPACE": str(ws.root), "FOLLOW_WORKSPACE": True})


def test_purgeexpired_dry_run_previews_what_the_purge_then_deletes(workspace):
    ws, model, made = workspace
    ws.set_retention_policy(RetentionPolicy(keep_last=0, keep_best="f1"), model.id)
    preview = run("purgeexpired", {"WORKSPACE": str(ws.root), "DRY_RUN": True})
    plan = json.loads(preview["PLAN"])
    assert preview["PURGED"] == 2 and set(preview["SNAPSHOT_IDS"].split(",")) == {made[0].id, made[2].id}
    assert [(i["snapshot_id"], i["rule"]) for i in plan["snapshots"]] == [
        (made[0].id, "keep_last"),
        (made[2].id, "keep_last"),
    ]
    assert [k["snapshot_id"] for k in plan["kept"]] == [made[1].id]
    assert preview["BYTES"] == plan["bytes"] > 0
    assert len(Workspace.open(ws.root).list_snapshots(model.id)) == 4  # nothing deleted
    done = run("purgeexpired", {"WORKSPACE": str(ws.root)})
    assert json.loads(done["PLAN"])["snapshots"] == plan["snapshots"]
    assert done["SNAPSHOT_IDS"] == preview["SNAPSHOT_IDS"] and done["BYTES"] == preview["BYTES"]
    assert [s.id for s in Workspace.open(ws.root).list_snapshots(model.id)] == [made[3].id, made[1].id]


def test_the_console_sets_the_same_policy_and_purges_what_it_previewed(workspace):
    from orca_huntr import api

    ws, model, made = workspace
    policy = api.set_retention(model.name, keep_last=-1, keep_best="f1", budget_mb=None, ws=ws)
    assert policy == RetentionPolicy(keep_best="f1") == ws.model_retention_policy(model.id)
    assert api.retention(ws=ws) == RetentionPolicy()
    api.set_retention(keep_last=1, ws=ws)  # the workspace's; the model keeps its own
    assert api.retention(model.id, ws=ws) == RetentionPolicy(keep_best="f1")
    api.set_retention(model.id, follow_workspace=True, ws=ws)
    assert api.retention(model.id, ws=ws) == RetentionPolicy(keep_last=1)
    sizes = api.disk_usage(ws=ws).models[model.id].snapshots
    preview = api.purge(dry_run=True, ws=ws)
    assert [(i.snapshot.id, i.rule, i.bytes) for i in preview.snapshots] == [
        (s.id, "keep_last", sizes[s.id]) for s in made[:2]
    ]
    assert len(api.snapshots(model.id, ws=ws)) == 4
    done = api.purge(confirmed=preview, ws=ws)
    assert done.to_dict() == preview.to_dict()
    assert [s.id for s in api.snapshots(model.id, ws=ws)] == [made[3].id, made[2].id]
