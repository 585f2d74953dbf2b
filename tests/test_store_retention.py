"""Retention policies: the pure purge plan (each rule, combinations, what is never deleted),
the policy stored per workspace and per model, disk use, and purge == preview."""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest
from store_helpers import T0, new_workspace, snap

from orca_huntr.errors import InputDataError, WorkspaceError
from orca_huntr.snapshots import RetentionPolicy
from orca_huntr.snapshots import retention as rt
from orca_huntr.snapshots.model import KIND_CURRENT, KIND_SAVED, KIND_TEMPORARY, SnapshotInfo

DAY = timedelta(days=1)


def timeline(n: int, saved=(), f1=None, checkpoints=(), days: float = 7.0, known=True) -> list[SnapshotInfo]:
    """``n`` snapshots of model ``m``, one a day from T0, oldest first, kinds as the store derives them."""
    out = []
    for i in range(n):
        current = i == n - 1
        is_saved = i in saved
        kind = KIND_CURRENT if current else (KIND_SAVED if is_saved else KIND_TEMPORARY)
        expires = None if current or is_saved else T0 + (i + 1) * DAY + timedelta(days=days)
        out.append(
            SnapshotInfo(
                id=f"s{i:03d}",
                model_id="m",
                kind=kind,
                name=f"#{i + 1}",
                created_at=T0 + i * DAY,
                expires_at=expires,
                counts={},
                metrics={} if f1 is None or f1[i] is None else {"f1": f1[i], "val_loss": 1 - f1[i]},
                progress={},
                parent_id=None,
                config={"checkpoint": {"step": i}} if i in checkpoints else {},
                saved=is_saved,
                seq=i + 1,
                state_known=known or is_saved,
            )
        )
    return out


def ids(plan_items) -> list[str]:
    return [i.snapshot.id for i in plan_items]


def plan(tl, policy=None, now=T0 + DAY, sizes=None, reverted=()):
    policy = policy or RetentionPolicy()
    sizes = {("m", s.id): n for s, n in zip(tl, sizes, strict=True)} if sizes else {}
    return rt.plan({"m": tl}, {"m": policy}, now, sizes, reverted)


# ---------------------------------------------------------------------- the pure plan, rule by rule


def test_default_policy_is_the_old_expiry_only():
    tl = timeline(5, saved={1})  # s000 temp, s001 saved, s002 temp, s003 temp, s004 current
    assert plan(tl, now=T0).is_empty
    # s000 expires 1 d + 7 d after T0; s002 at 3 + 7
    found = plan(tl, now=T0 + 8 * DAY)
    assert ids(found.snapshots) == ["s000"]
    assert found.snapshots[0].rule == rt.RULE_EXPIRED
    assert found.snapshots[0].reason == "expired on 2026-01-09 12:00"
    assert ids(plan(tl, now=T0 + 1000 * DAY).snapshots) == ["s000", "s002", "s003"]  # never saved/current
    old = [s for s in tl if s in rt.expired(tl, T0 + 1000 * DAY)]
    assert ids(plan(tl, now=T0 + 1000 * DAY).snapshots) == [s.id for s in old]


def test_keep_last_n_deletes_older_temporary_ones_with_their_rank():
    tl = timeline(6, saved={2})  # temporaries s000 s001 s003 s004; s002 saved; s005 current
    found = plan(tl, RetentionPolicy(keep_last=2))
    assert ids(found.snapshots) == ["s000", "s001"]
    assert [(i.rule, i.rank) for i in found.snapshots] == [(rt.RULE_KEEP_LAST, 4), (rt.RULE_KEEP_LAST, 3)]
    assert found.snapshots[1].reason == "beyond the last 2 temporary snapshots (it is #3 from the newest)"
    assert ids(plan(tl, RetentionPolicy(keep_last=0)).snapshots) == ["s000", "s001", "s003", "s004"]
    assert plan(tl, RetentionPolicy(keep_last=4)).is_empty


def test_disk_budget_deletes_oldest_temporaries_until_it_fits_and_reports_the_rest():
    tl = timeline(5, saved={1})
    mb = 1_000_000
    sizes = [3 * mb, 3 * mb, 3 * mb, 3 * mb, 3 * mb]  # 15 MB
    found = plan(tl, RetentionPolicy(budget_mb=10), sizes=sizes)
    assert ids(found.snapshots) == ["s000", "s002"]  # 15 -> 12 -> 9 MB
    assert [i.over_by for i in found.snapshots] == [5 * mb, 2 * mb]
    assert found.snapshots[0].reason == "over the disk budget by 5.0 MB"
    assert found.bytes == 6 * mb and found.over_budget == {}
    # a budget that the saved snapshot and the current state alone exceed: every temporary goes,
    # the rest is reported
    found = plan(tl, RetentionPolicy(budget_mb=4), sizes=sizes)
    assert ids(found.snapshots) == ["s000", "s002", "s003"]
    assert found.over_budget == {"m": 2 * mb}


def test_keep_best_survives_every_rule_and_is_listed_as_kept():
    f1 = [0.2, 0.9, 0.5, 0.4, 0.3]
    tl = timeline(5, f1=f1)
    policy = RetentionPolicy(keep_last=1, keep_best="f1", budget_mb=1, expiry_days=7)
    found = plan(tl, policy, now=T0 + 100 * DAY, sizes=[1_000_000] * 5)
    assert ids(found.snapshots) == ["s000", "s002", "s003"]
    assert [(k.snapshot.id, k.rule) for k in found.kept] == [("s001", rt.KEPT_BEST)]
    assert found.kept[0].reason == "the best by f1 (0.9)"
    # losses: lower is better
    found = plan(tl, RetentionPolicy(keep_last=0, keep_best="val_loss"))
    assert [k.snapshot.id for k in found.kept] == ["s001"]
    # the best being the current state: nothing extra kept
    found = plan(timeline(3, f1=[0.1, 0.2, 0.9]), RetentionPolicy(keep_last=0, keep_best="f1"))
    assert ids(found.snapshots) == ["s000", "s001"] and found.kept == []
    # snapshots without the metric do not compete; equal values: the newest wins
    found = plan(timeline(4, f1=[0.5, None, 0.5, 0.1]), RetentionPolicy(keep_last=0, keep_best="f1"))
    assert ids(found.snapshots) == ["s000", "s001"]


def test_combined_rules_each_item_has_the_first_rule_that_takes_it():
    tl = timeline(7, days=4)  # s000..s005 temporary, s006 current; expiry 4 days as the policy
    sizes = [2_000_000] * 7
    found = plan(tl, RetentionPolicy(expiry_days=4, keep_last=3, budget_mb=7), now=T0 + 6 * DAY, sizes=sizes)
    # expiry: s000 (expires T0+5d), s001 (T0+6d); keep_last 3: s002; budget: 4 left x 2 MB = 8 > 7 -> s003
    assert [(i.snapshot.id, i.rule) for i in found.snapshots] == [
        ("s000", rt.RULE_EXPIRED),
        ("s001", rt.RULE_EXPIRED),
        ("s002", rt.RULE_KEEP_LAST),
        ("s003", rt.RULE_BUDGET),
    ]
    assert found.snapshots[3].over_by == 1_000_000


def test_never_saved_current_or_unknown_whatever_the_policy():
    harsh = RetentionPolicy(expiry_days=0, keep_last=0, budget_mb=0.001)
    tl = timeline(4, saved={0, 2})
    found = plan(tl, harsh, now=T0 + 999 * DAY, sizes=[10**9] * 4)
    assert ids(found.snapshots) == ["s001"]
    unknown = timeline(3, known=False)  # states.json unreadable: no mark known to be absent
    assert plan(unknown, harsh, now=T0 + 999 * DAY, sizes=[10**9] * 3).is_empty


def test_an_interrupted_runs_fallback_is_kept_from_count_and_budget_but_expires():
    # s003 (current) and s002 are checkpoints: the run that started after s001 did not end
    tl = timeline(4, checkpoints={2, 3})
    found = plan(tl, RetentionPolicy(keep_last=0))
    assert ids(found.snapshots) == ["s000", "s002"]  # an older checkpoint goes like any temporary one
    assert [(k.snapshot.id, k.rule) for k in found.kept] == [("s001", rt.KEPT_RESUME)]
    found = plan(tl, RetentionPolicy(budget_mb=1), sizes=[1_000_000] * 4)
    assert ids(found.snapshots) == ["s000", "s002"] and found.over_budget == {"m": 1_000_000}
    assert "s001" in ids(plan(tl, now=T0 + 100 * DAY).snapshots)  # the expiry still applies
    # a run that ended: no fallback
    assert ids(plan(timeline(4, checkpoints={1}), RetentionPolicy(keep_last=0)).snapshots) == [
        "s000",
        "s001",
        "s002",
    ]


def test_clock_backwards_trusts_no_expiry_but_keeps_count_and_budget_rules():
    tl = timeline(4)
    before = T0 - DAY
    found = plan(tl, RetentionPolicy(expiry_days=0), now=before)
    assert found.clock_backwards and found.is_empty
    assert ids(plan(tl, RetentionPolicy(keep_last=1), now=before).snapshots) == ["s000", "s001"]


def test_policy_values_are_checked():
    for bad in (
        {"expiry_days": -1},
        {"keep_last": -1},
        {"keep_last": 1.5},
        {"keep_best": "f1; rm"},
        {"budget_mb": 0},
        {"budget_mb": float("nan")},
    ):
        with pytest.raises(InputDataError):
            RetentionPolicy(**bad)
    with pytest.raises(InputDataError, match="Unknown"):
        RetentionPolicy.from_dict({"keep": 3})
    p = RetentionPolicy(expiry_days=3, keep_last=2, keep_best="f1", budget_mb=50)
    assert RetentionPolicy.from_dict(json.loads(json.dumps(p.to_dict()))) == p
    assert (
        p.describe()
        == "expire after 3 days · keep the last 2 · always keep the best by f1 · disk budget 50 MB"
    )
    assert RetentionPolicy().is_default


# ---------------------------------------------------------------------- the store


def trained(tmp_path, clock, n=5, f1=None):
    ws, model = new_workspace(tmp_path / "w.huntr", clock)
    made = []
    for k in range(n):
        metrics = {"loss": 1.0 / (k + 1)} | ({"f1": f1[k]} if f1 else {})
        made.append(snap(ws, model.id, k, metrics=metrics))
        clock.advance(hours=1)
    return ws, model, made


def test_policies_are_stored_per_workspace_and_per_model_and_survive_reopening(tmp_path, clock):
    from orca_huntr.snapshots import Workspace

    ws, model, made = trained(tmp_path, clock, n=3)
    assert ws.retention_policy() == RetentionPolicy() == ws.retention_policy(model.id)
    assert ws.model_retention_policy(model.id) is None
    ws.set_retention_policy(RetentionPolicy(expiry_days=2, keep_last=4, budget_mb=100))
    own = RetentionPolicy(expiry_days=30, keep_best="f1")
    ws.set_retention_policy(own, model.id)
    again = Workspace.open(ws.root, clock=clock)
    assert again.retention_policy() == RetentionPolicy(expiry_days=2, keep_last=4, budget_mb=100)
    assert again.temporary_days == 2  # the workspace's expiry is the old setting
    assert again.retention_policy(model.id) == own == again.model_retention_policy(model.id)
    oldest = again.list_snapshots(model.id)[-1]
    assert oldest.expires_at == made[1].created_at + timedelta(days=30)  # the model's own expiry
    again.set_retention_policy(None, model.id)  # follow the workspace again
    assert again.retention_policy(model.id).expiry_days == 2
    assert again.list_snapshots(model.id)[-1].expires_at == made[1].created_at + timedelta(days=2)
    assert not (ws.root / "models" / model.id / "retention.json").exists()


def test_an_unreadable_model_policy_refuses_purging(tmp_path, clock):
    ws, model, _ = trained(tmp_path, clock, n=3)
    (ws.root / "models" / model.id / "retention.json").write_text("{broken")
    with pytest.raises(WorkspaceError, match="retention policy of model"):
        ws.purge_plan(clock.now + timedelta(days=100))
    with pytest.raises(WorkspaceError, match="retention policy of model"):
        ws.purge(clock.now + timedelta(days=100))
    assert len(ws.list_snapshots(model.id)) == 3
    ws.set_retention_policy(RetentionPolicy(keep_last=0), model.id)  # setting it again repairs it
    assert [i.snapshot.id for i in ws.purge_plan().snapshots] == [
        s.id for s in ws.list_snapshots(model.id)[1:][::-1]
    ]


def test_disk_usage_counts_every_file_once(tmp_path, clock):
    ws, model, made = trained(tmp_path, clock, n=3)
    use = ws.disk_usage()
    m = use.models[model.id]
    for s in made:
        folder = ws.root / "models" / model.id / "snapshots" / s.id
        assert m.snapshots[s.id] == sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) > 0
    assert m.training_data == (ws.training_data_path(model.id)).stat().st_size
    every = sum(f.stat().st_size for f in ws.root.rglob("*") if f.is_file() and not f.is_symlink())
    assert use.total == every
    # a file linked into a second snapshot counts once, for the first holder
    a, b = (ws.root / "models" / model.id / "snapshots" / s.id for s in made[:2])
    extra = a / "extra.bin"
    extra.write_bytes(b"x" * 5000)
    os.link(extra, b / "extra.bin")
    again = ws.disk_usage()
    assert again.models[model.id].snapshots[made[0].id] == m.snapshots[made[0].id] + 5000
    assert again.models[model.id].snapshots[made[1].id] == m.snapshots[made[1].id]
    assert again.total == use.total + 5000


def test_purge_deletes_exactly_the_preview(tmp_path, clock):
    ws, model, made = trained(tmp_path, clock, n=6, f1=[0.1, 0.8, 0.3, 0.2, 0.4, 0.5])
    ws.save_snapshot(model.id, made[2].id)
    size = ws.disk_usage().models[model.id].snapshots[made[3].id]
    ws.set_retention_policy(RetentionPolicy(keep_last=2, keep_best="f1", budget_mb=size * 4.5 / 1e6))
    preview = ws.purge_plan()
    # temporaries s0 s1 s3 s4; last 2 keeps s3 s4; best (s1) kept; budget: 6 - 1 = 5 snapshots > 4.5
    assert [i.snapshot.id for i in preview.snapshots] == [made[0].id, made[3].id]
    assert [i.rule for i in preview.snapshots] == [rt.RULE_KEEP_LAST, rt.RULE_BUDGET]
    assert [k.snapshot.id for k in preview.kept] == [made[1].id]
    done = ws.purge()
    assert done.to_dict() == preview.to_dict()
    left = {s.id for s in ws.list_snapshots(model.id)}
    assert left == {made[1].id, made[2].id, made[4].id, made[5].id}
    assert ws.purge_plan().is_empty and ws.purge().is_empty


def test_a_confirmed_preview_bounds_what_is_deleted(tmp_path, clock):
    ws, model, made = trained(tmp_path, clock, n=4)
    ws.set_retention_policy(RetentionPolicy(keep_last=0))
    preview = ws.purge_plan()
    assert [i.snapshot.id for i in preview.snapshots] == [s.id for s in made[:3]]
    ws.save_snapshot(model.id, made[0].id)  # saved after the preview: kept
    clock.advance(hours=1)
    newer = snap(ws, model.id, 9)  # made[3] became temporary after the preview: not in it, kept
    done = ws.purge(confirmed=preview)
    assert [i.snapshot.id for i in done.snapshots] == [made[1].id, made[2].id]
    assert [s.id for s in ws.list_snapshots(model.id)] == [newer.id, made[3].id, made[0].id]


def test_reverted_sets_keep_their_own_expiry(tmp_path, clock):
    ws, model, made = trained(tmp_path, clock, n=4)
    ws.revert(model.id, made[1].id)  # made[2], made[3] -> a reverted set
    ws.set_retention_policy(RetentionPolicy(expiry_days=3, keep_last=0, budget_mb=0.001))
    found = ws.purge_plan()
    assert [i.snapshot.id for i in found.snapshots] == [made[0].id]
    assert found.sets == []  # count and budget never take a reverted set
    later = ws.purge_plan(ws.reverted(model.id)[0].reverted_at + timedelta(days=3))
    assert [i.reverted.id for i in later.sets] == [ws.reverted(model.id)[0].id]
    assert later.sets[0].bytes > 0
    assert [s.id for s in ws.purge_expired(later.when)] == [made[0].id, made[3].id, made[2].id]


def test_a_trial_policy_is_previewed_without_being_stored(tmp_path, clock):
    ws, model, made = trained(tmp_path, clock, n=4)
    assert ws.purge_plan().is_empty
    trial = ws.purge_plan(trial={model.id: RetentionPolicy(expiry_days=0.01, keep_last=2)})
    assert [(i.snapshot.id, i.rule) for i in trial.snapshots] == [
        (made[0].id, rt.RULE_EXPIRED),
        (made[1].id, rt.RULE_EXPIRED),
        (made[2].id, rt.RULE_EXPIRED),
    ]
    assert trial.snapshots[0].expired_on == made[1].created_at + timedelta(days=0.01)
    assert ws.retention_policy(model.id) == RetentionPolicy() and ws.purge().is_empty
