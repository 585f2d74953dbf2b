"""The loss and validation figures of one training run, kept small enough for a snapshot.

The loop adds the loss of every step and the figures of every validation; the snapshot's
``metrics["history"]`` keeps them as

    {"loss": [[step, mean loss], …], "validation": [[step, val_loss, f1, mean_iou], …]}

with at most :data:`MAX_POINTS` loss points (consecutive steps averaged together) and
:data:`MAX_POINTS` validations (evenly thinned), whatever the length of the run. The panel
joins the histories of a model's snapshots into its training curve.
"""

from __future__ import annotations

import math
from typing import Any

MAX_POINTS = 100
VALIDATION_KEYS = ("val_loss", "f1", "mean_iou")


def finite_number(value: Any) -> float | None:
    """``value`` as a finite float; None for anything else (None, text, NaN, infinity)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class RunHistory:
    """Loss per step and the validations of one run (see the module's text)."""

    def __init__(self) -> None:
        self.loss: list[tuple[int, float]] = []
        self.validation: list[list[Any]] = []

    def add_loss(self, step: int, loss: float) -> None:
        """The training loss of ``step`` (non-finite values are left out)."""
        value = finite_number(loss)
        if value is not None:
            self.loss.append((int(step), value))

    def add_validation(self, step: int, metrics: dict[str, Any]) -> None:
        """The validation figures measured after ``step`` (nothing when there were none)."""
        values = [finite_number(metrics.get(key)) for key in VALIDATION_KEYS]
        if any(v is not None for v in values):
            self.validation.append([int(step), *values])

    def to_dict(self, max_points: int = MAX_POINTS) -> dict[str, list[list[Any]]]:
        """The compact form stored in the snapshot's metrics."""
        loss: list[list[Any]] = []
        per_point = max(1, math.ceil(len(self.loss) / max_points))
        for start in range(0, len(self.loss), per_point):
            group = self.loss[start : start + per_point]
            mean = sum(v for _s, v in group) / len(group)
            loss.append([group[-1][0], round(mean, 6)])
        validation = self.validation
        if len(validation) > max_points:
            keep = {round(i * (len(validation) - 1) / (max_points - 1)) for i in range(max_points)}
            validation = [v for i, v in enumerate(validation) if i in keep]
        rounded = [[v[0], *(None if x is None else round(x, 6) for x in v[1:])] for v in validation]
        return {"loss": loss, "validation": rounded}
