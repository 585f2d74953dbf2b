"""``python -m orca_huntr purge --dry-run`` and ``retention``: the preview the store's purge follows,
and the retention policy set and shown from the command line."""

from __future__ import annotations

import io
import json
from datetime import timedelta

from store_helpers import FakeClock, new_workspace, snap

from orca_huntr.cli import exit_codes
from orca_huntr.cli.main import main
from orca_huntr.errors import InputDataError
from orca_huntr.snapshots import RetentionPolicy, Workspace
from orca_huntr.snapshots.model import utc_now


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def four_snapshots(tmp_path):
    clock = FakeClock(utc_now() - timedelta(hours=10))  # recent: nothing has expired at run time
    ws, model = new_workspace(tmp_path / "site.huntr", clock)
    made = []
    for k in range(4):
        made.append(snap(ws, model.id, k, metrics={"f1": [0.2, 0.9, 0.4, 0.5][k]}))
        clock.advance(hours=1)
    return ws, model, made


def test_purge_dry_run_lists_reasons_and_deletes_nothing_then_purge_follows_it(tmp_path):
    ws, model, made = four_snapshots(tmp_path)
    ws.set_retention_policy(RetentionPolicy(keep_last=1, keep_best="f1"), model.id)
    code, out, err = cli("purge", "-w", str(ws.root), "--dry-run", "--json")
    assert code == exit_codes.OK, err
    preview = json.loads(out)
    assert preview["dry_run"] is True and preview["purged"] == []
    assert [(i["snapshot_id"], i["rule"]) for i in preview["plan"]["snapshots"]] == [
        (made[0].id, "keep_last")
    ]
    assert preview["plan"]["snapshots"][0]["reason"].startswith("beyond the last 1 temporary snapshots")
    assert [k["snapshot_id"] for k in preview["plan"]["kept"]] == [made[1].id]  # best by f1
    assert len(Workspace.open(ws.root).list_snapshots(model.id)) == 4
    code, out, _ = cli("purge", "-w", str(ws.root), "--dry-run")
    assert f"Would delete snapshot {made[0].id}" in out and "1 snapshots would be deleted" in out
    code, out, err = cli("purge", "-w", str(ws.root), "--json")
    done = json.loads(out)
    assert done["plan"]["snapshots"] == preview["plan"]["snapshots"]
    assert done["purged"] == [{"snapshot_id": made[0].id, "model_id": model.id}]
    assert [s.id for s in Workspace.open(ws.root).list_snapshots(model.id)] == [s.id for s in made[:0:-1]]


def test_retention_sets_and_shows_policies_and_disk_use(tmp_path):
    ws, model, made = four_snapshots(tmp_path)
    code, out, err = cli("retention", "-w", str(ws.root), "--keep-last", "2", "--budget-mb", "50")
    assert code == exit_codes.OK, err
    assert "Workspace policy: expire after 7 days · keep the last 2 · disk budget 50 MB" in out
    code, out, err = cli("retention", "-w", str(ws.root), "-m", model.name, "--keep-best", "f1", "--json")
    data = json.loads(out)
    assert data["models"][0]["own_policy"] is True
    assert data["models"][0]["policy"] == {
        "expiry_days": 7.0,
        "keep_last": 2,
        "keep_best": "f1",
        "budget_mb": 50.0,
    }
    sizes = data["models"][0]["snapshot_bytes"]
    assert set(sizes) == {s.id for s in made} and all(n > 0 for n in sizes.values())
    assert Workspace.open(ws.root).retention_policy(model.id) == RetentionPolicy(
        keep_last=2, keep_best="f1", budget_mb=50
    )
    code, out, err = cli("retention", "-w", str(ws.root), "--budget-mb", "none")
    assert "no disk budget" in out.splitlines()[0]
    cli("retention", "-w", str(ws.root), "-m", model.id, "--follow-workspace")
    assert Workspace.open(ws.root).model_retention_policy(model.id) is None
    code, _, err = cli("retention", "-w", str(ws.root), "--keep-last", "-3")
    assert code == exit_codes.exit_code(InputDataError("x"))
    assert "whole number >= 0" in err
