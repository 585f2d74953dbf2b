"""Crash-safe checkpoints: side work the training loop triggers through ``fit(on_step=…)``.

Every ``checkpoint_minutes`` of a run the state reached (averaged weights, optimizer,
step count, normalisation) is committed as a snapshot like any other (atomic: staged,
checksummed, renamed into place), marked ``config["checkpoint"]``. It becomes the current
state, so that if QGIS or the process is killed, the next training resumes from it and at
most ``checkpoint_minutes`` of training are lost. Only the newest ``checkpoints_kept``
checkpoints of a model stay (never a saved one, never the current state).

:func:`interrupted_run` tells whether the model's current state is a checkpoint, i.e. the
last run did not end; the panel then offers to resume from it or to go back to the last
snapshot a run ended with.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import HuntrError

log = logging.getLogger(__name__)

DEFAULT_MINUTES = 10.0
CHECKPOINT_KEY = "checkpoint"  # in a snapshot's config: what marks it as a checkpoint


def is_checkpoint(snapshot: Any) -> bool:
    """Whether ``snapshot`` (a ``SnapshotInfo``) was written as a checkpoint during a run."""
    return bool((getattr(snapshot, "config", None) or {}).get(CHECKPOINT_KEY))


def interval_seconds(config: Any) -> float | None:
    """Seconds between checkpoints for a ``TrainConfig`` (None: no checkpoints)."""
    minutes = getattr(config, "checkpoint_minutes", None)
    minutes = DEFAULT_MINUTES if minutes is None else float(minutes)
    return minutes * 60.0 if minutes > 0 else None


@dataclass(frozen=True)
class InterruptedRun:
    """A model whose last run was cut off: its newest checkpoint is the current state."""

    checkpoint: Any  # SnapshotInfo of the newest checkpoint (the current state)
    last_complete: Any | None  # the newest snapshot a run ended with, if any

    @property
    def steps(self) -> int:
        return int((self.checkpoint.progress or {}).get("steps", 0))


def interrupted_run(ws: Any, model_id: str) -> InterruptedRun | None:
    """The model's interrupted run, or None when its current state is no checkpoint."""
    timeline = ws.list_snapshots(model_id)  # newest first
    if not timeline or not is_checkpoint(timeline[0]):
        return None
    complete = next((s for s in timeline if not is_checkpoint(s)), None)
    return InterruptedRun(checkpoint=timeline[0], last_complete=complete)


class Checkpointer:
    """``on_step`` for :func:`training.loop.fit`: writes a checkpoint when one is due.

    ``scenes`` and ``counts`` are what ``train_model`` records with every snapshot of the
    run. ``clock`` (monotonic seconds) is replaceable for tests.
    """

    def __init__(
        self,
        ws: Any,
        model_id: str,
        every_seconds: float,
        keep: int = 2,
        scenes: list[dict[str, Any]] | None = None,
        counts: dict[str, Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ws, self.model_id = ws, model_id
        self.every, self.keep = float(every_seconds), max(1, int(keep))
        self.scenes, self.counts = list(scenes or []), counts
        self.clock = clock
        self.last = clock()
        self.written: list[Any] = []

    def __call__(self, step: int, state: Callable[[], Any]) -> None:
        if self.clock() - self.last < self.every:
            return
        outcome = state()
        config = dict(outcome.config)
        config["scenes"] = self.scenes
        config[CHECKPOINT_KEY] = {"step": step, "every_seconds": self.every}
        try:
            snapshot = self.ws.create_snapshot(
                self.model_id,
                weights=outcome.weights,
                optimizer=outcome.optimizer,
                optimizer_meta=outcome.optimizer_meta,
                metrics=outcome.metrics,
                progress=outcome.progress,
                config=config,
                counts=self.counts,
            )
            self.written.append(snapshot)
            log.info("checkpoint %s of model %s at step %d", snapshot.id, self.model_id, step)
            self.prune()
        except HuntrError as exc:  # a checkpoint not written never stops the run: tried again later
            log.warning("checkpoint of model %s at step %d not written: %s", self.model_id, step, exc)
        self.last = self.clock()  # the interval counts from the end of the write

    def prune(self) -> list[Any]:
        """Delete the model's checkpoints beyond the newest ``keep`` (never saved, never current)."""
        checkpoints = [s for s in self.ws.list_snapshots(self.model_id) if is_checkpoint(s)]
        doomed = [s for s in checkpoints[self.keep :] if not s.saved and not s.is_current]
        for snapshot in doomed:
            self.ws.delete_snapshot(self.model_id, snapshot.id)
        return doomed


def for_run(ws: Any, model_id: str, config: Any, scenes: list, counts: Any) -> Checkpointer | None:
    """The run's :class:`Checkpointer`, or None when ``config`` turns checkpoints off."""
    every = interval_seconds(config)
    if every is None:
        return None
    return Checkpointer(ws, model_id, every, getattr(config, "checkpoints_kept", 2), scenes, counts)
