"""Which snapshots are current, temporary or saved, when temporary ones expire, which to purge.

Pure functions over the timeline (oldest first). Nothing here touches the disk.

* The newest snapshot of a model is its *current state*.
* An older snapshot the user saved is *saved* and never expires.
* Any other older snapshot is *temporary*: it expires ``temporary_days`` after the moment
  it stopped being current, i.e. after the ``created_at`` of the snapshot that followed it.
  Deriving the expiry (instead of rewriting the old snapshot when a new one arrives)
  keeps snapshot creation a single atomic rename.
* What the next purge deletes, and why, is :func:`plan` under each model's
  ``RetentionPolicy`` (``policy.py``): the preview the front ends show and the purge the store
  runs are this one function, so a purge deletes exactly what its preview listed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .model import KIND_CURRENT, KIND_SAVED, KIND_TEMPORARY, RevertedSet, SnapshotInfo, format_time
from .policy import DEFAULT_TEMPORARY_DAYS, RetentionPolicy, lower_is_better

__all__ = ["DEFAULT_TEMPORARY_DAYS", "PurgePlan", "classify", "expired", "plan"]


def classify(
    created: Sequence[datetime], saved: Sequence[bool], temporary_days: float
) -> list[tuple[str, datetime | None]]:
    """``(kind, expires_at)`` for each snapshot of one timeline given oldest first."""
    out: list[tuple[str, datetime | None]] = []
    last = len(created) - 1
    for i, (_, is_saved) in enumerate(zip(created, saved, strict=True)):
        if i == last:
            out.append((KIND_CURRENT, None))
        elif is_saved:
            out.append((KIND_SAVED, None))
        else:
            out.append((KIND_TEMPORARY, created[i + 1] + timedelta(days=temporary_days)))
    return out


def clock_went_backwards(now: datetime, timelines: Sequence[Sequence[SnapshotInfo]]) -> bool:
    """True when ``now`` is before the creation of some snapshot: the clock cannot be trusted."""
    return any(s.created_at > now for timeline in timelines for s in timeline)


def expired(timeline: Sequence[SnapshotInfo], now: datetime) -> list[SnapshotInfo]:
    """Temporary snapshots whose expiry has passed (never current, never saved)."""
    return [
        s
        for s in timeline
        if s.kind == KIND_TEMPORARY and not s.saved and s.expires_at is not None and s.expires_at <= now
    ]


# ---------------------------------------------------------------------- the purge plan

RULE_EXPIRED = "expired"  # a temporary snapshot past its expiry
RULE_KEEP_LAST = "keep_last"  # older than the newest N temporary snapshots
RULE_BUDGET = "budget"  # the model's snapshots take more than its disk budget
KEPT_BEST = "best"  # the best snapshot by the policy's metric
KEPT_RESUME = "resume"  # what an interrupted run can go back to (see plan)
CHECKPOINT_KEY = "checkpoint"  # in a snapshot's config: written as a checkpoint during a run


def _day(value: datetime | None) -> str:
    text = format_time(value) or ""
    return text[:16].replace("T", " ")


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


@dataclass(frozen=True)
class PurgeItem:
    """A snapshot the purge deletes, the rule that deletes it and the values behind the rule.

    ``expired_on`` (rule ``expired``), ``keep_last`` and ``rank`` (``keep_last``: it is the
    ``rank``-th newest temporary snapshot), ``over_by`` (``budget``: bytes the model's snapshots
    were over its budget before this one went). ``bytes``: what deleting it frees.
    """

    snapshot: SnapshotInfo
    rule: str
    bytes: int = 0
    expired_on: datetime | None = None
    keep_last: int | None = None
    rank: int | None = None
    over_by: int | None = None

    @property
    def reason(self) -> str:
        """Why, in English (the panel writes its own, translated, from the same fields)."""
        if self.rule == RULE_EXPIRED:
            return f"expired on {_day(self.expired_on)}"
        if self.rule == RULE_KEEP_LAST:
            return (
                f"beyond the last {self.keep_last} temporary snapshots (it is #{self.rank} from the newest)"
            )
        return f"over the disk budget by {_mb(self.over_by or 0)}"


@dataclass(frozen=True)
class SetItem:
    """A reverted set the purge deletes: it expired (it can no longer be undone)."""

    reverted: RevertedSet
    bytes: int = 0

    @property
    def reason(self) -> str:
        return (
            f"revert of {_day(self.reverted.reverted_at)}: undo expired on {_day(self.reverted.expires_at)}"
        )


@dataclass(frozen=True)
class KeptItem:
    """A temporary snapshot a rule would have deleted but the policy keeps, and why."""

    snapshot: SnapshotInfo
    rule: str  # KEPT_BEST or KEPT_RESUME
    metric: str | None = None
    value: float | None = None

    @property
    def reason(self) -> str:
        if self.rule == KEPT_BEST:
            return f"the best by {self.metric} ({self.value:.4g})"
        return "the last snapshot a run ended with, while an interrupted run's checkpoint is current"


@dataclass(frozen=True)
class PurgePlan:
    """What a purge at ``when`` deletes (``snapshots``, ``sets``), what the policy keeps that a
    rule would have taken (``kept``), and per model the bytes still over its budget once the
    plan ran (``over_budget``: saved snapshots, the current state and kept ones never go).
    ``clock_backwards``: the clock is earlier than a snapshot's creation, so no expiry is
    trusted (nothing expires; the count and budget rules still apply)."""

    when: datetime
    snapshots: list[PurgeItem] = field(default_factory=list)
    sets: list[SetItem] = field(default_factory=list)
    kept: list[KeptItem] = field(default_factory=list)
    over_budget: dict[str, int] = field(default_factory=dict)
    clock_backwards: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.snapshots and not self.sets

    @property
    def bytes(self) -> int:
        return sum(i.bytes for i in self.snapshots) + sum(i.bytes for i in self.sets)

    def snapshot_keys(self) -> list[tuple[str, str]]:
        return [(i.snapshot.model_id, i.snapshot.id) for i in self.snapshots]

    def set_keys(self) -> list[tuple[str, str]]:
        return [(i.reverted.model_id, i.reverted.id) for i in self.sets]

    def deleted(self) -> list[SnapshotInfo]:
        """Every snapshot the plan deletes: the timeline's, then those of the reverted sets."""
        return [i.snapshot for i in self.snapshots] + [s for i in self.sets for s in i.reverted.snapshots]

    def only(self, confirmed: PurgePlan) -> PurgePlan:
        """This plan restricted to what ``confirmed`` (a preview the user accepted) also deletes."""
        keys, sets = set(confirmed.snapshot_keys()), set(confirmed.set_keys())
        return PurgePlan(
            self.when,
            [i for i in self.snapshots if (i.snapshot.model_id, i.snapshot.id) in keys],
            [i for i in self.sets if (i.reverted.model_id, i.reverted.id) in sets],
            self.kept,
            self.over_budget,
            self.clock_backwards,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "when": format_time(self.when),
            "snapshots": [
                {
                    "model_id": i.snapshot.model_id,
                    "snapshot_id": i.snapshot.id,
                    "name": i.snapshot.name,
                    "rule": i.rule,
                    "reason": i.reason,
                    "bytes": i.bytes,
                }
                for i in self.snapshots
            ],
            "reverted_sets": [
                {
                    "model_id": i.reverted.model_id,
                    "set_id": i.reverted.id,
                    "reason": i.reason,
                    "bytes": i.bytes,
                    "snapshot_ids": [s.id for s in i.reverted.snapshots],
                }
                for i in self.sets
            ],
            "kept": [
                {
                    "model_id": k.snapshot.model_id,
                    "snapshot_id": k.snapshot.id,
                    "rule": k.rule,
                    "reason": k.reason,
                }
                for k in self.kept
            ],
            "over_budget": dict(self.over_budget),
            "bytes": self.bytes,
            "clock_backwards": self.clock_backwards,
        }


def metric_value(snapshot: SnapshotInfo, metric: str) -> float | None:
    """The snapshot's finite value of ``metric`` (``None`` when it has none)."""
    value = (snapshot.metrics or {}).get(metric)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def best_by(timeline: Sequence[SnapshotInfo], metric: str) -> SnapshotInfo | None:
    """The snapshot with the best value of ``metric`` (the newest among equals), or ``None``."""
    scored = [(v, s.seq, s) for s in timeline if (v := metric_value(s, metric)) is not None]
    if not scored:
        return None
    sign = -1.0 if lower_is_better(metric) else 1.0
    return max(scored, key=lambda t: (sign * t[0], t[1]))[2]


def is_checkpoint(snapshot: SnapshotInfo) -> bool:
    return bool((snapshot.config or {}).get(CHECKPOINT_KEY))


def purgeable(snapshot: SnapshotInfo) -> bool:
    """Whether any rule may delete it: a temporary snapshot whose saved mark is known to be absent."""
    return snapshot.kind == KIND_TEMPORARY and not snapshot.saved and snapshot.state_known


def plan_model(
    timeline: Sequence[SnapshotInfo],
    policy: RetentionPolicy,
    now: datetime,
    sizes: Mapping[str, int],
    trust_clock: bool = True,
) -> tuple[list[PurgeItem], list[KeptItem], int]:
    """One model's part of :func:`plan`: ``(deleted, kept, bytes still over budget)``.

    Rules, in this order, each on what the previous ones left:

    1. *expiry*: a temporary snapshot ``policy.expiry_days`` after the next snapshot's creation
       (what ``SnapshotInfo.expires_at`` says under the stored policy; not when the clock cannot
       be trusted);
    2. *keep the last N*: temporary snapshots older than the N newest temporary ones;
    3. *disk budget*: the oldest remaining temporary snapshots, one by one, while the model's
       timeline snapshots take more than the budget.

    Never deleted: the current state, a saved snapshot, one whose saved mark is unknown, the
    best by ``keep_best`` (a temporary one is listed in ``kept``), and — by rules 2 and 3 only —
    while the current state is a checkpoint of an interrupted run, the newest snapshot a run
    ended with (what "go back to the last complete run" restores; listed in ``kept``). A
    checkpoint that is not the current state is a temporary snapshot like any other.
    """
    doomed: dict[str, PurgeItem] = {}
    kept: list[KeptItem] = []
    best = best_by(timeline, policy.keep_best) if policy.keep_best else None
    resume = None
    if timeline and is_checkpoint(timeline[-1]):
        resume = next((s for s in reversed(timeline[:-1]) if not is_checkpoint(s)), None)
    temporaries = [s for s in timeline if purgeable(s)]
    protected_best = {best.id} if best is not None else set()

    def keep(snapshot: SnapshotInfo, rule: str) -> None:
        if not any(k.snapshot.id == snapshot.id for k in kept):
            value = (
                metric_value(snapshot, policy.keep_best) if rule == KEPT_BEST and policy.keep_best else None
            )
            kept.append(KeptItem(snapshot, rule, policy.keep_best if rule == KEPT_BEST else None, value))

    # 1. expiry, derived from the policy as ``classify`` does (so a policy being edited can be previewed)
    expiry = {
        s.id: after.created_at + timedelta(days=policy.expiry_days)
        for s, after in itertools.pairwise(timeline)
    }
    for s in temporaries:
        expires = expiry.get(s.id)
        if trust_clock and expires is not None and expires <= now:
            if s.id in protected_best:
                keep(s, KEPT_BEST)
            else:
                doomed[s.id] = PurgeItem(s, RULE_EXPIRED, sizes.get(s.id, 0), expired_on=expires)
    spared = protected_best | ({resume.id} if resume is not None else set())
    # 2. the newest N temporary snapshots
    if policy.keep_last is not None:
        newest_first = list(reversed(temporaries))
        for rank, s in enumerate(newest_first, start=1):
            if rank <= policy.keep_last or s.id in doomed:
                continue
            if s.id in spared:
                keep(s, KEPT_BEST if s.id in protected_best else KEPT_RESUME)
                continue
            doomed[s.id] = PurgeItem(
                s, RULE_KEEP_LAST, sizes.get(s.id, 0), keep_last=policy.keep_last, rank=rank
            )
    # 3. the disk budget, oldest first
    over = 0
    budget = policy.budget_bytes
    if budget is not None:
        total = sum(sizes.get(s.id, 0) for s in timeline if s.id not in doomed)
        for s in temporaries:
            if total <= budget:
                break
            if s.id in doomed:
                continue
            if s.id in spared:
                keep(s, KEPT_BEST if s.id in protected_best else KEPT_RESUME)
                continue
            size = sizes.get(s.id, 0)
            doomed[s.id] = PurgeItem(s, RULE_BUDGET, size, over_by=total - budget)
            total -= size
        over = max(0, total - budget)
    order = {s.id: i for i, s in enumerate(timeline)}
    return sorted(doomed.values(), key=lambda i: order[i.snapshot.id]), kept, over


def plan(
    timelines: Mapping[str, Sequence[SnapshotInfo]],
    policies: Mapping[str, RetentionPolicy],
    now: datetime,
    sizes: Mapping[tuple[str, str], int] | None = None,
    reverted: Sequence[RevertedSet] = (),
    set_sizes: Mapping[tuple[str, str], int] | None = None,
) -> PurgePlan:
    """What a purge at ``now`` deletes under each model's policy, and why (see :func:`plan_model`).

    ``timelines``: model id → its snapshots oldest first; ``policies``: model id → its policy
    (missing: the default); ``sizes``: ``(model id, snapshot id)`` → bytes. Reverted sets are
    deleted only once their own expiry passed (``expiry_days`` after the revert; never while they
    hold a saved snapshot, ``RevertedSet.expires_at`` ``None``): no count or budget rule touches them.
    """
    sizes = sizes or {}
    set_sizes = set_sizes or {}
    backwards = clock_went_backwards(now, list(timelines.values())) or any(
        r.reverted_at > now for r in reverted
    )
    out = PurgePlan(now, clock_backwards=backwards)
    for model_id, timeline in timelines.items():
        own = {sid: n for (m, sid), n in sizes.items() if m == model_id}
        doomed, kept, over = plan_model(
            timeline, policies.get(model_id, RetentionPolicy()), now, own, trust_clock=not backwards
        )
        out.snapshots.extend(doomed)
        out.kept.extend(kept)
        if over:
            out.over_budget[model_id] = over
    if not backwards:
        for r in reverted:
            days = policies.get(r.model_id, RetentionPolicy()).expiry_days
            if r.expires_at is not None and r.reverted_at + timedelta(days=days) <= now:
                out.sets.append(SetItem(r, set_sizes.get((r.model_id, r.id), 0)))
    return out
