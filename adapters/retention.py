"""Retention for the QGIS front ends: the purge plan's reasons and the policy in the user's language,
and front-end values turned into a policy (one rule for the panel, Processing and the console).

The rules themselves are the engine's (``snapshots/retention.py``, ``snapshots/policy.py``);
this module only words them and reads the widgets' and parameters' "no limit" values.
"""

from __future__ import annotations

from typing import Any

from qgis.PyQt.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrRetention", text)


def size_text(n: int) -> str:
    """Bytes as ``12.3 MB`` (decimal units, as the disk budget)."""
    from ..snapshots.usage import format_bytes

    return format_bytes(int(n))


def _when(value: Any) -> str:
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def reason_text(item: Any) -> str:
    """Why the purge deletes a snapshot (a ``retention.PurgeItem``), translated."""
    from ..snapshots import retention

    if item.rule == retention.RULE_EXPIRED:
        return tr("expired on {date}").format(date=_when(item.expired_on))
    if item.rule == retention.RULE_KEEP_LAST:
        return tr("beyond the last {n} temporary snapshots (#{rank} from the newest)").format(
            n=item.keep_last, rank=item.rank
        )
    return tr("over the disk budget by {size}").format(size=size_text(item.over_by or 0))


def set_reason_text(item: Any) -> str:
    """Why the purge deletes a reverted set (a ``retention.SetItem``), translated."""
    return tr("revert of {date}: undo expired on {expiry}").format(
        date=_when(item.reverted.reverted_at), expiry=_when(item.reverted.expires_at)
    )


def kept_text(item: Any) -> str:
    """Why the policy keeps a temporary snapshot a rule would take (a ``retention.KeptItem``)."""
    from ..snapshots import retention

    if item.rule == retention.KEPT_BEST:
        return tr("kept: the best by {metric} ({value})").format(
            metric=item.metric, value=f"{item.value:.4g}"
        )
    return tr("kept: the last complete run, while an interrupted run's checkpoint is current")


def policy_text(policy: Any) -> str:
    """A policy in one line, translated."""
    parts = [tr("expire after {days} days").format(days=f"{policy.expiry_days:g}")]
    parts.append(
        tr("no count limit")
        if policy.keep_last is None
        else tr("keep the last {n}").format(n=policy.keep_last)
    )
    if policy.keep_best:
        parts.append(tr("always keep the best by {metric}").format(metric=policy.keep_best))
    parts.append(
        tr("no disk budget")
        if policy.budget_mb is None
        else tr("disk budget {mb} MB").format(mb=f"{policy.budget_mb:g}")
    )
    return " · ".join(parts)


def policy_from_values(expiry_days: float, keep_last: Any, keep_best: Any, budget_mb: Any):
    """A ``RetentionPolicy`` from front-end values: a negative or empty count, an empty metric and a
    budget of 0 or empty mean "no limit" (``InputDataError`` for anything else unusable)."""
    from ..snapshots import RetentionPolicy

    def empty(value: Any) -> bool:
        return value is None or (isinstance(value, str) and not value.strip())

    count = None if empty(keep_last) or int(keep_last) < 0 else int(keep_last)
    metric = None if empty(keep_best) else str(keep_best).strip()
    budget = None if empty(budget_mb) or float(budget_mb) <= 0 else float(budget_mb)
    return RetentionPolicy(
        expiry_days=float(expiry_days), keep_last=count, keep_best=metric, budget_mb=budget
    )
