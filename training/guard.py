"""``train_model`` as the adapters call it: the checks and the lock around the training loop.

Before any step: torch must be importable (a :class:`MissingDependencyError` that says how
to install it, not a bare ``ModuleNotFoundError``), the model must not be trained
elsewhere at the same time (the model's training lock, across processes), and no snapshot
of the model may be unreadable (training would resume from an older snapshot and write
on top of the newer one). Under torchrun (a ``team`` of processes, ``distributed.py``) only
rank 0 takes the lock; the others start reading the model once it holds it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from ..deps import require


def train_model(
    ws: Any,
    model_id: str,
    config: Any = None,
    progress: Callable[[Any], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    team: Any = None,
) -> Any:
    """:func:`orca_huntr.training.loop.train_model`, holding the model's training lock."""
    require("torch")
    require("safetensors")
    from .distributed import SOLO

    team = team or SOLO
    with ws.training_lock(model_id) if team.leads else contextlib.nullcontext():
        team.barrier()  # rank 0 holds the lock
        ws.check_timeline_readable(model_id)
        from .loop import train_model as run

        return run(ws, model_id, config, progress=progress, should_stop=should_stop, team=team)
