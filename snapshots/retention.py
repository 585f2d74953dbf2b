"""Which snapshots are current, temporary or saved, when temporary ones expire, which to purge.

Pure functions over the timeline (oldest first). Nothing here touches the disk.

* The newest snapshot of a model is its *current state*.
* An older snapshot the user saved is *saved* and never expires.
* Any other older snapshot is *temporary*: it expires ``temporary_days`` after the moment
  it stopped being current, i.e. after the ``created_at`` of the snapshot that followed it.
  Deriving the expiry (instead of rewriting the old snapshot when a new one arrives)
  keeps snapshot creation a single atomic rename.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from .model import KIND_CURRENT, KIND_SAVED, KIND_TEMPORARY, SnapshotInfo

DEFAULT_TEMPORARY_DAYS = 7.0


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
