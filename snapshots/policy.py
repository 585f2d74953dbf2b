"""The retention policy: how long temporary snapshots stay, how many, which one always, how much disk.

One policy for the workspace (stored in ``workspace.json``: ``temporary_days`` and the
``retention`` setting) and, optionally, a model's own policy that replaces it for that model
(``models/<id>/retention.json``, one atomic write). The defaults are the behaviour from
before policies existed: temporary snapshots expire 7 days after they stopped being the
current state, no count limit, no best kept, no disk budget.

What a purge removes under a policy is decided by ``retention.plan`` (pure); this module only
holds the values, checks them and reads and writes them.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputDataError, WorkspaceError
from . import atomic
from .model import SCHEMA_VERSION

log = logging.getLogger(__name__)

DEFAULT_TEMPORARY_DAYS = 7.0
SETTING = "retention"  # the workspace setting holding keep_last, keep_best and budget_mb
MEGABYTE = 1_000_000  # the budget is in MB (10**6 bytes), as file managers show them
METRICS = ("f1", "mean_iou", "precision", "recall", "val_loss", "loss")  # offered by the front ends
_METRIC_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.]{0,63}$")


def lower_is_better(metric: str) -> bool:
    """Whether a smaller value of ``metric`` is better (losses), else a larger one is."""
    return metric.endswith("loss")


@dataclass(frozen=True)
class RetentionPolicy:
    """What a purge keeps of a model's temporary snapshots.

    * ``expiry_days``: a temporary snapshot expires this long after it stopped being the
      current state (0: as soon as it did);
    * ``keep_last``: only the newest N temporary snapshots stay (``None``: no limit);
    * ``keep_best``: the snapshot with the best value of this metric (``f1``, ``val_loss``…;
      larger is better except for losses) is never purged (``None``: none kept for it);
    * ``budget_mb``: the oldest temporary snapshots go while the model's snapshots take more
      than this many MB (``None``: no budget).

    Saved snapshots and the current state are never purged, whatever the policy.
    """

    expiry_days: float = DEFAULT_TEMPORARY_DAYS
    keep_last: int | None = None
    keep_best: str | None = None
    budget_mb: float | None = None

    def __post_init__(self) -> None:
        check(self)

    @property
    def budget_bytes(self) -> int | None:
        return None if self.budget_mb is None else int(self.budget_mb * MEGABYTE)

    @property
    def is_default(self) -> bool:
        return self == RetentionPolicy()

    def to_dict(self) -> dict[str, Any]:
        return {
            "expiry_days": self.expiry_days,
            "keep_last": self.keep_last,
            "keep_best": self.keep_best,
            "budget_mb": self.budget_mb,
        }

    @classmethod
    def from_dict(cls, data: Any) -> RetentionPolicy:
        """A policy from its JSON form (missing keys: the defaults); :class:`InputDataError` if invalid."""
        if not isinstance(data, dict):
            raise InputDataError("A retention policy must be a JSON object.")
        unknown = set(data) - {"expiry_days", "keep_last", "keep_best", "budget_mb"}
        if unknown:
            raise InputDataError(f"Unknown retention policy keys: {', '.join(sorted(unknown))}.")
        return cls(
            expiry_days=data.get("expiry_days", DEFAULT_TEMPORARY_DAYS),
            keep_last=data.get("keep_last"),
            keep_best=data.get("keep_best") or None,
            budget_mb=data.get("budget_mb"),
        )

    def describe(self) -> str:
        """One line in English (CLI, logs): ``expire after 7 days · keep the last 3 · …``."""
        parts = [f"expire after {self.expiry_days:g} days"]
        parts.append("no count limit" if self.keep_last is None else f"keep the last {self.keep_last}")
        if self.keep_best:
            parts.append(f"always keep the best by {self.keep_best}")
        parts.append("no disk budget" if self.budget_mb is None else f"disk budget {self.budget_mb:g} MB")
        return " · ".join(parts)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check(policy: RetentionPolicy) -> None:
    """Refuse values the store cannot use (the message says which and what is allowed)."""
    if not _number(policy.expiry_days) or policy.expiry_days < 0:
        raise InputDataError("The expiry of temporary snapshots must be a number of days >= 0.")
    if policy.keep_last is not None and (
        not isinstance(policy.keep_last, int) or isinstance(policy.keep_last, bool) or policy.keep_last < 0
    ):
        raise InputDataError("'Keep the last N temporary snapshots' must be a whole number >= 0, or none.")
    if policy.keep_best is not None and (
        not isinstance(policy.keep_best, str) or not _METRIC_NAME.match(policy.keep_best)
    ):
        raise InputDataError(
            f"'{policy.keep_best}' is not a metric name; use one of {', '.join(METRICS)}, or none."
        )
    if policy.budget_mb is not None and (not _number(policy.budget_mb) or policy.budget_mb <= 0):
        raise InputDataError("The disk budget must be a number of MB > 0, or none.")


# ---------------------------------------------------------------------- the workspace's policy


def from_settings(settings: dict[str, Any]) -> RetentionPolicy:
    """The workspace's policy from its settings (``temporary_days`` and ``retention``).

    A malformed ``retention`` value reads as no count limit, no best and no budget (what it
    was before policies existed) and is logged: it can only have been written by hand.
    """
    days = settings.get("temporary_days", DEFAULT_TEMPORARY_DAYS)
    extra = settings.get(SETTING) or {}
    try:
        return RetentionPolicy.from_dict({**(extra if isinstance(extra, dict) else {}), "expiry_days": days})
    except InputDataError as exc:
        log.warning("the workspace's retention setting is malformed (%s); using the defaults", exc)
        return RetentionPolicy(
            expiry_days=float(days) if _number(days) and days >= 0 else DEFAULT_TEMPORARY_DAYS
        )


def to_settings(policy: RetentionPolicy) -> dict[str, Any]:
    """The settings that store ``policy`` as the workspace's."""
    extra = {k: v for k, v in policy.to_dict().items() if k != "expiry_days"}
    return {"temporary_days": policy.expiry_days, SETTING: extra}


# ---------------------------------------------------------------------- a model's own policy


def read_model_policy(path: Path) -> tuple[RetentionPolicy | None, str | None]:
    """A model's own policy from ``path`` (``None``: it follows the workspace's), and why it could
    not be read (``None`` when it could or there is none). An unreadable file never reads as
    "follow the workspace": a purge refuses until it is set again."""
    try:
        data = atomic.read_json(path)
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError) as exc:
        return None, f"{path} is unreadable ({exc})"
    try:
        return RetentionPolicy.from_dict(data.get("policy") if isinstance(data, dict) else None), None
    except InputDataError as exc:
        return None, f"{path} is malformed ({exc})"


def write_model_policy(path: Path, policy: RetentionPolicy | None) -> None:
    """Store a model's own policy (one atomic write); ``None`` removes it (it follows the workspace's)."""
    if policy is None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
            atomic.fsync_dir(path.parent)
        return
    atomic.write_json_atomic(path, {"schema_version": SCHEMA_VERSION, "policy": policy.to_dict()})


def unreadable_message(model_id: str, error: str) -> str:
    return (
        f"The retention policy of model '{model_id}' cannot be read: {error}. Nothing was purged. "
        "Set the model's policy again (or make it follow the workspace's) to replace the file."
    )


def refuse_unreadable(model_id: str, error: str | None) -> None:
    if error is not None:
        raise WorkspaceError(unreadable_message(model_id, error))
