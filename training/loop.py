"""The training loop and :func:`train_model`, the engine's entry point.

``train_model`` gathers a model's inputs from the store, resumes from its current
state, runs :func:`fit` and hands the outcome to ``ws.create_snapshot`` — whatever
made training stop. :func:`fit` works on plain inputs and knows nothing of the store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import math
import os
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from ..deps import require
from ..errors import InputDataError
from . import checkpoints
from .augment import augment
from .config import Progress, TrainConfig, TrainResult
from .device import autocast_dtype, loader_workers, prefers_channels_last, resolve_device
from .distributed import SOLO, Team
from .history import RunHistory
from .inputs import TrainingInputs, load_inputs
from .labelcache import LabelRasters
from .loader import BackgroundLoader, pinned
from .loss import box_iou_loss, box_loss_mass, box_unit, jaccard_weight_for, segmentation_loss
from .network import BOX_CHANNELS, MODES, NetworkSpec, build_network
from .normalize import FIXED, default_normalization, method_of, statistics_for
from .recipe import (
    DEFAULT_TARGET,  # count mode's boundary target for a model's first training
    recipe_for,
)
from .sampler import TileSampler
from .state import WeightAverage, load_optimizer, load_weights, optimizer_to_numpy, weights_to_numpy
from .tiles import CENTRE_SIGMA, LEGACY_CENTRE_SIGMA, SceneReader, make_tile, object_weights
from .validate import DEFAULTS as DEFAULT_DETECTION
from .validate import validate

log = logging.getLogger(__name__)

DEFAULT_MAX_STEPS = 500


@dataclass
class ModelSetup:
    """What training needs to know about the model (plain values from its ModelInfo)."""

    num_classes: int
    mode: str
    bands: list[int]
    tile_size: int
    network: dict[str, Any]
    crs: str | None = None
    resolution: float | None = None
    class_names: list[str] = field(default_factory=list)
    auto_size: bool = False  # tile size and depth still to be derived from the labels (training/recipe.py)
    recipe: dict[str, Any] | None = None  # what the recipe chose, once it did
    scale: int | None = None  # a working scale the user chose (None: sized from the labels too)
    boxes: bool | None = None  # the box head as the model asks (None: the default rule, size_from)

    @classmethod
    def from_model(cls, model: Any) -> ModelSetup:
        """From the store's ModelInfo."""
        return cls(
            num_classes=len(model.classes),
            mode=model.mode,
            bands=list(model.input_spec.bands),
            tile_size=int(model.tile_size or 256),
            network=NetworkSpec.from_dict(model.network).to_dict(),
            crs=model.input_spec.crs,
            resolution=model.input_spec.resolution,
            class_names=[c.name for c in model.classes],
            auto_size=bool((model.network or {}).get("auto")) or not model.tile_size,
            scale=(model.network or {}).get("scale"),
            boxes=None if (model.network or {}).get("boxes") is None else bool(model.network["boxes"]),
        )

    def size_from(self, resume: Resume | None, inputs: TrainingInputs, boxes: bool = False) -> None:
        """Fix the tile size and network: a resumed snapshot's (its weights need them), else
        for a model sized automatically the recipe of its labels, else the model's own. A
        count model's first training adds the box head (``NetworkSpec.boxes``) where the model
        asks for it, or, where it does not say, when ``boxes`` (its boundary target is the centre)."""
        if resume is not None and resume.tile_size and resume.network:
            self.tile_size, self.network = (
                int(resume.tile_size),
                NetworkSpec.from_dict(resume.network).to_dict(),
            )
            return
        if self.auto_size:
            labels = [g for s in inputs.scenes for g in s.labels]
            resolution = inputs.scenes[0].transform.a if inputs.scenes else self.resolution
            width = NetworkSpec.from_dict(self.network).width
            chosen = recipe_for(labels, abs(resolution) if resolution else None, width, self.scale)
            self.tile_size, self.network = chosen.tile_size, dict(chosen.network)
            self.recipe = chosen.to_dict()
            log.info("network sized from the labels: %s", chosen.reason)
        wanted = (boxes if self.boxes is None else self.boxes) and self.mode == "count"
        self.network = NetworkSpec.from_dict({**self.network, "boxes": wanted}).to_dict()

    def check(self) -> None:
        """Raise InputDataError for settings training cannot use."""
        if self.mode not in MODES:
            raise InputDataError(f"Unknown model mode '{self.mode}' (expected one of {', '.join(MODES)}).")
        if self.num_classes < 1:
            raise InputDataError("The model has no classes: add at least one class.")
        step = NetworkSpec.from_dict(self.network).multiple
        if self.tile_size < step or self.tile_size % step:
            raise InputDataError(f"The model's tile size {self.tile_size} must be a multiple of {step}.")


@dataclass
class Resume:
    """State a run continues from: weights, optimizer and counters of a snapshot."""

    weights: dict[str, Any]
    optimizer: dict[str, Any] | None = None
    optimizer_meta: dict[str, Any] | None = None
    steps: int = 0
    epochs: float = 0.0
    tiles_seen: int = 0
    normalization: dict[str, Any] | None = None
    snapshot_id: str | None = None
    boundary_target: str | None = None  # what the snapshot's boundary channel learnt
    centre_sigma: float | None = None  # the centre target's spread it learnt (centre target only)
    tile_size: int | None = None  # the snapshot's (its weights were trained with them)
    network: dict[str, Any] | None = None
    detection: dict[str, Any] | None = None  # the detection settings the snapshot calibrated


@dataclass
class FitOutcome:
    """What :func:`fit` hands back: arrays and dicts ready for ``ws.create_snapshot``."""

    weights: dict[str, np.ndarray]
    optimizer: dict[str, np.ndarray]
    optimizer_meta: dict[str, Any]
    metrics: dict[str, Any]
    progress: dict[str, Any]
    config: dict[str, Any]
    stop_reason: str
    steps_this_run: int
    loss: float | None
    seconds: float
    error: BaseException | None = None


def configure_threads(threads: int | None) -> None:
    """Torch CPU threads: ``threads``, else every core (the panel's task keeps one for QGIS)."""
    n = threads if threads else max(1, os.cpu_count() or 1)
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)


class TrainStep:
    """One optimisation step (forward, loss, backward, AdamW), mixed precision on CUDA.

    On CUDA the forward pass runs under ``torch.autocast`` in bfloat16 where the GPU has it
    (``device.autocast_dtype``; float16 with a gradient scaler otherwise), the loss in float32;
    a batch arrives as numpy arrays or as (pinned, see ``loader.pinned``) torch tensors and is
    copied to the device without blocking. On the CPU everything stays float32; on an x86 CPU
    the network and each batch lie channels-last (``channels_last``; default: the device's
    preference, ``device.prefers_channels_last``), the same numbers summed in another order.
    """

    def __init__(
        self,
        net: torch.nn.Module,
        setup: ModelSetup,
        config: TrainConfig,
        device: torch.device,
        team: Team = SOLO,
        channels_last: bool | None = None,
    ):
        self.channels_last = prefers_channels_last(device) if channels_last is None else channels_last
        if self.channels_last:  # in place: the weight average (a copy made later) follows
            net.to(memory_format=torch.channels_last)  # type: ignore[call-overload]  # torch stubs lack it
        self.net = team.wrap(net)  # DDP under torchrun (training/distributed.py)
        self.team = team
        self.setup = setup
        self.config = config
        self.device = device
        self.amp_dtype = autocast_dtype(str(device))
        self.amp = self.amp_dtype is not None
        self.optimizer = torch.optim.AdamW(net.parameters(), lr=config.lr, weight_decay=config.weight_decay)
        # loss scaling only for float16 (bfloat16 has float32's exponent range)
        self.scaler = torch.amp.GradScaler("cuda", enabled=self.amp_dtype is torch.float16)

    def _to_device(self, value: Any) -> torch.Tensor:
        tensor = torch.from_numpy(value) if isinstance(value, np.ndarray) else value
        return tensor.to(self.device, non_blocking=True)

    def lr_at(self, run_step: int, fraction: float) -> float:
        """Linear warm-up over this run's first steps, then a cosine decay to ``lr_floor`` of
        the peak as the run's budget (steps or time, ``fraction`` 0..1) is used up."""
        warm = min(1.0, (run_step + 1) / max(self.config.warmup_steps, 1))
        floor = self.config.lr_floor
        cosine = floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * min(max(fraction, 0.0), 1.0)))
        return self.config.lr * warm * cosine

    def __call__(self, batch: dict[str, Any], run_step: int, fraction: float = 0.0) -> float:
        for group in self.optimizer.param_groups:
            group["lr"] = self.lr_at(run_step, fraction)
        x = self._to_device(batch["image"])
        if self.channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        target = self._to_device(batch["target"])
        weight = self._to_device(batch["weight"])
        rim = self._to_device(batch["boundary"]) if self.setup.mode == "count" else None
        box = self._to_device(batch["box"]) if "box" in batch else None
        self.net.train()
        self.optimizer.zero_grad(set_to_none=True)
        with torch.autocast(self.device.type, dtype=self.amp_dtype, enabled=self.amp):
            logits = self.net(x, boxes=True) if box is not None else self.net(x)
        logits = logits.float()  # the loss in float32 (a no-op without autocast)
        extra = None
        if box is not None:  # the box head's four channels come last
            assert rim is not None
            term = self.config.box_weight * box_iou_loss(logits[:, -BOX_CHANNELS:], box, rim, target)
            extra = (term, box_loss_mass(box, rim, target))
            logits = logits[:, :-BOX_CHANNELS]
        loss = segmentation_loss(
            logits, target, rim, self.setup.num_classes, self.config.boundary_weight, weight,
            centre_focal=self.config.boundary_target == "centre" and self.config.centre_loss == "focal",
            jaccard_weight=jaccard_weight_for(self.config, self.setup.mode),
        )  # fmt: skip
        # whole: the loss of every process's tiles
        loss, whole = self.team.weigh_loss(loss, target, weight, extra)
        self.scaler.scale(loss).backward()
        self.scaler.step(self.optimizer)
        self.scaler.update()
        return float(whole.detach())


def scene_scales(
    inputs: TrainingInputs, bands: list[int], normalization: dict[str, Any]
) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(mean, std)`` of every scene under the recorded normalisation (per scene, or one for all)."""
    out = []
    for scene in inputs.scenes:
        mean, std = statistics_for(normalization, scene.path, bands, scene.nodata)
        out.append((np.asarray(mean, np.float32), np.asarray(std, np.float32)))
    return out


def batch_maker(
    inputs: TrainingInputs,
    setup: ModelSetup,
    config: TrainConfig,
    scales: list[tuple[np.ndarray, np.ndarray]],
    share: range | None = None,
) -> Callable[[int], dict[str, np.ndarray]]:
    """``make_batch(i)``: batch ``i`` of tiles sampled, read, rasterised and augmented.

    Tile ``k`` of batch ``i`` is seeded by ``(seed, i, k)`` alone, so ``share`` (a range of
    ``0 … batch_size − 1``; default all) gives those tiles of the whole batch: the shares of
    processes training together (``distributed.Team.tiles``) are one process's batch, cut.
    """
    sampler = TileSampler(inputs.scenes, setup.tile_size, config.label_focus)
    reader = SceneReader()
    held = reader.hold(inputs.scenes, inputs.bands)  # read whole once, cut from memory (scenecache.py)
    if len(held) < len(inputs.scenes):
        log.info(
            "%d of %d scenes held in memory (the others: read tile by tile)", len(held), len(inputs.scenes)
        )
    rim_width = config.boundary_width if setup.mode == "count" else 0
    weights = [_label_weights(s) if config.balance_objects else None for s in inputs.scenes]
    zoom_lo, zoom_hi = (1 / (1 + config.scale_jitter), 1 + config.scale_jitter) if config.augment else (1, 1)
    target = config.boundary_target or DEFAULT_TARGET
    spread = config.centre_sigma or CENTRE_SIGMA
    # labels (and the centre target) rasterised once per scene in chunks, not per tile
    centre = spread if rim_width > 0 and target == "centre" else None
    rasters = [LabelRasters(s, centre_spread=centre) for s in inputs.scenes]
    # the box head's target (a centre-target count network with NetworkSpec.boxes)
    boxes = centre is not None and NetworkSpec.from_dict(setup.network).boxes
    unit = box_unit(setup.tile_size) if boxes else None
    rasterio = require("rasterio")
    positions = range(config.batch_size) if share is None else share

    def make_batch(index: int) -> dict[str, np.ndarray]:
        tiles = []
        # one GDAL environment per batch, not one per read/rasterisation (none when no tile reads a file)
        with rasterio.Env() if len(held) < len(inputs.scenes) else contextlib.nullcontext():
            for k in positions:
                rng = np.random.default_rng([config.seed, index, k])
                spec = sampler.sample(rng)
                zoom = math.exp(rng.uniform(math.log(zoom_lo), math.log(zoom_hi))) if zoom_hi > 1 else 1.0
                mean, std = scales[spec.scene]
                tile = make_tile(
                    reader, inputs.scenes[spec.scene], inputs.bands, spec.row, spec.col, setup.tile_size,
                    mean, std, boundary_width=rim_width, boundary_kind=target, zoom=zoom,
                    label_weights=weights[spec.scene], label_rasters=rasters[spec.scene],
                    centre_spread=spread, box_unit=unit,
                )  # fmt: skip
                colour = config.photometric and (
                    config.photometric_share >= 1.0 or rng.random() < config.photometric_share
                )
                if config.augment:
                    tile = augment(
                        tile, rng, colour=colour, blur=config.photometric, surface_share=config.surface_share
                    )
                tiles.append(tile)
        return {
            "image": np.stack([t.image for t in tiles]),
            "target": np.stack([t.target for t in tiles]),
            "boundary": np.stack([t.boundary for t in tiles]),
            "weight": np.stack([t.weight for t in tiles]),
            **({"box": np.stack([t.box for t in tiles if t.box is not None])} if boxes else {}),
        }

    return make_batch


class Budget:
    """When this run must stop: step, epoch and time budgets, and the user's stop request."""

    def __init__(self, config: TrainConfig, start: int, steps_per_epoch: int) -> None:
        max_steps, self.by_epochs = config.max_steps, False
        if max_steps is None and config.max_epochs is None and config.max_seconds is None:
            max_steps = DEFAULT_MAX_STEPS
        if config.max_epochs is not None:
            epoch_steps = math.ceil(config.max_epochs * steps_per_epoch)
            self.by_epochs = max_steps is None or epoch_steps < max_steps
            max_steps = epoch_steps if self.by_epochs else max_steps
        self.start, self.max_steps, self.max_seconds = start, max_steps, config.max_seconds
        self.total_steps = start + max_steps if max_steps is not None else None
        self.t0 = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.t0

    def stop_reason(self, step: int, should_stop: Callable[[], bool] | None) -> str:
        """Why to stop before the next step ("" to go on)."""
        if should_stop is not None and should_stop():
            return "user"
        if self.max_steps is not None and step - self.start >= self.max_steps:
            return "max_epochs" if self.by_epochs else "max_steps"
        if self.max_seconds is not None and self.elapsed >= self.max_seconds:
            return "max_seconds"
        return ""

    def fraction(self, step: int) -> float:
        """Share of the budget used (the most advanced of steps and time)."""
        parts = []
        if self.total_steps is not None and self.max_steps:
            parts.append((step - self.start) / self.max_steps)
        if self.max_seconds:
            parts.append(self.elapsed / self.max_seconds)
        return min(max(parts), 1.0) if parts else 0.0


class EarlyStopping:
    """Stops after ``patience`` validations without a better validation loss (None: never)."""

    def __init__(self, patience: int | None) -> None:
        self.patience, self.best, self.bad = patience, math.inf, 0

    def should_stop(self, metrics: dict[str, Any]) -> bool:
        if not self.patience or "val_loss" not in metrics:
            return False
        if metrics["val_loss"] < self.best - 1e-4:
            self.best, self.bad = metrics["val_loss"], 0
        else:
            self.bad += 1
        return self.bad >= self.patience


def _check_config(config: TrainConfig) -> None:
    """Refuse loss settings that mean nothing, before any work (both entry points)."""
    if config.centre_loss not in ("bce", "focal"):
        raise InputDataError(f"Unknown centre loss '{config.centre_loss}' (expected 'bce' or 'focal').")
    if config.jaccard_weight is not None and not 0.0 <= float(config.jaccard_weight) <= 10.0:
        raise InputDataError(f"The soft-IoU weight must be between 0 and 10, not {config.jaccard_weight}.")


def fit(
    inputs: TrainingInputs,
    setup: ModelSetup,
    config: TrainConfig,
    normalization: dict[str, Any],
    resume: Resume | None = None,
    progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_step: Callable[[int, Callable[[], FitOutcome]], None] | None = None,
    team: Team = SOLO,
) -> FitOutcome:
    """Train on plain inputs until a budget, early stopping or ``should_stop()`` ends the run.

    An exception raised after the run started is returned in ``error`` together with the
    state reached, so that the caller can still keep it as a snapshot. ``on_step(step, state)``
    is called after every step; ``state()`` gives the run's state so far (e.g. for a
    checkpoint, ``training/checkpoints.py``). With a ``team`` of processes (torchrun,
    ``training/distributed.py``) each makes its share of every batch, and only rank 0 validates.
    """
    setup.check()
    _check_config(config)
    config = _with_target(config, resume)
    device = torch.device(team.place(resolve_device(config.device, "Training")))
    if device.type == "cpu":
        configure_threads(config.threads or team.threads())
    start = resume.steps if resume else 0
    torch.manual_seed(config.seed + start)
    net = build_network(len(setup.bands), setup.num_classes, setup.mode, setup.network).to(device)
    if (
        resume is None
        and setup.mode == "count"
        and config.boundary_target == "centre"
        and config.centre_loss == "focal"
    ):
        with torch.no_grad():  # CenterNet's prior: the heat starts at 0.1 everywhere (boundary 0.9)
            head: Any = net.head  # the UNet's last 1×1 convolution
            head.bias[setup.num_classes + 1] = math.log(0.9 / 0.1)
    net = team.share_batch_norm(net)  # batch statistics over every process's tiles
    trainer = TrainStep(net, setup, config, device, team)
    if resume is not None:
        skipped = load_weights(net, resume.weights)
        fits = not skipped and resume.optimizer
        if fits and not load_optimizer(trainer.optimizer, resume.optimizer or {}, resume.optimizer_meta):
            log.info("optimizer state of the snapshot does not fit; starting it afresh")
    scales = scene_scales(inputs, setup.bands, normalization)
    average = WeightAverage(net, config.ema_decay) if config.ema_decay else None
    steps_per_epoch = max(1, math.ceil(inputs.train_pixels() / (setup.tile_size**2 * config.batch_size)))
    validate_every = config.validate_every or steps_per_epoch
    # validations during the run use the settings the resumed snapshot calibrated (else the
    # defaults); the final one calibrates them anew
    detection: dict[str, Any] = dict((resume.detection if resume else None) or {})

    def run_validation(final: bool = False) -> dict[str, Any]:
        """Validate the averaged weights; the final validation calibrates detection's settings,
        with flip averaging where ``config.flip_tta`` says (the snapshot's card and settings);
        the validations during the run, for the chart and early stopping, predict each tile once
        (flip averaging quadruples their network work: on the demo's validation strip 1.3 s
        against 0.4 s, every epoch of a time budget)."""
        if not inputs.has_validation or not team.leads:
            return {}
        model = average.model if average is not None else net
        settings = None if final else {k: detection.get(k, v) for k, v in DEFAULT_DETECTION.items()}
        found = validate(
            model, inputs, SceneReader(), scales, setup.tile_size, setup.mode, device,
            config.boundary_width, config.max_validation_pixels, config.boundary_target, settings,
            config.centre_sigma or CENTRE_SIGMA, jaccard_weight_for(config, setup.mode),
            flip=config.flip_tta and final,
        )  # fmt: skip
        if final and "detection" in found:  # else (no object to calibrate on) the resumed settings stay
            detection.clear()
            detection.update(found.pop("detection"))
        return found

    def outcome(reason: str, metrics: dict[str, Any], error: BaseException | None = None) -> FitOutcome:
        """The run's state as a :class:`FitOutcome` (the final one, or a checkpoint's)."""
        if recent:
            metrics = {**metrics, "loss": _mean(recent)}
        if history.loss:
            metrics = {**metrics, "history": history.to_dict()}
        optimizer, optimizer_meta = optimizer_to_numpy(trainer.optimizer)
        optimizer_meta.update({"step": step, "schedule": "warmup-cosine", "lr": config.lr,
                               "warmup_steps": config.warmup_steps, "lr_floor": config.lr_floor})  # fmt: skip
        epochs = base_epochs + (step - start) / steps_per_epoch
        record = _record(setup, config, normalization, device, reason)
        record.update(team.record(config.batch_size))
        record["normalization"]["scenes"] = {
            s.scene_id: {"mean": m.tolist(), "std": d.tolist()}
            for s, (m, d) in zip(inputs.scenes, scales, strict=True)
        }
        if detection:
            record["detection"] = dict(detection)
        # the snapshot keeps the average of the weights (smoother than the last step's)
        kept = average.model if average is not None and step > start else net
        return FitOutcome(
            weights=weights_to_numpy(kept),
            optimizer=optimizer,
            optimizer_meta=optimizer_meta,
            metrics=metrics,
            progress={"epochs": epochs, "steps": step, "tiles_seen": tiles_seen},
            config=record,
            stop_reason=reason,
            steps_this_run=step - start,
            loss=_mean(recent) if recent else None,
            seconds=budget.elapsed,
            error=error,
        )

    step, tiles_seen = start, resume.tiles_seen if resume else 0
    base_epochs = resume.epochs if resume else 0.0
    recent: deque[float] = deque(maxlen=max(steps_per_epoch, 10))
    metrics: dict[str, Any] = {}
    history = RunHistory()  # the snapshot's training curve: loss per step, validations
    validated_at, error = -1, None
    budget, early = Budget(config, start, steps_per_epoch), EarlyStopping(config.early_stopping_patience)
    make_batch = batch_maker(inputs, setup, config, scales, team.tiles(config.batch_size))
    if device.type == "cuda":  # pinned host memory: the copies to the GPU do not block the step
        torch.backends.cudnn.benchmark = True
        make_batch = pinned(make_batch)
    workers = loader_workers(config.num_workers, device.type)
    loader = BackgroundLoader(make_batch, start, workers, config.prefetch)
    early_stop = ""
    try:
        # every process stops at the same step: rank 0's decision (training/distributed.py)
        while not (reason := team.agree(early_stop or budget.stop_reason(step, should_stop))):
            recent.append(trainer(next(loader), step - start, budget.fraction(step)))
            if average is not None:
                average.update()
            step += 1
            tiles_seen += config.batch_size
            history.add_loss(step, recent[-1])
            if (step - start) % validate_every == 0:
                metrics, validated_at = run_validation(), step
                history.add_validation(step, metrics)
                if early.should_stop(metrics):
                    early_stop = "early_stopping"
            if progress is not None:
                epoch = base_epochs + (step - start) / steps_per_epoch
                progress(
                    _report(step, epoch, budget, _mean(recent), metrics if validated_at == step else None)
                )
            if on_step is not None:
                on_step(step, functools.partial(outcome, "checkpoint", metrics))
    except Exception as exc:  # kept in the snapshot, re-raised by the caller
        log.exception("training stopped by an error")
        reason, error = "error", exc
    finally:
        loader.close()
    if step > start and error is None:
        metrics = run_validation(final=True)
    return outcome(reason, metrics, error)


def _report(step: int, epoch: float, budget: Budget, loss: float, metrics: dict[str, Any] | None) -> Progress:
    fraction = budget.fraction(step)
    eta = budget.elapsed * (1 - fraction) / fraction if fraction > 0 else None
    total = budget.total_steps
    return Progress(
        step=step,
        total_steps=total,
        epoch=epoch,
        loss=loss,
        eta_seconds=eta,
        fraction=fraction,
        message=f"step {step}" + (f"/{total}" if total else "") + f" · loss {loss:.3f}",
        metrics=metrics,
    )


def _record(
    setup: ModelSetup, config: TrainConfig, normalization: dict[str, Any], device: torch.device, reason: str
) -> dict[str, Any]:
    """Everything detection (or a reproduction of this run) needs, as JSON-ready values."""
    norm = dict(normalization)
    if method_of(norm) == FIXED:
        norm = {"method": FIXED, "mean": list(norm["mean"]), "std": list(norm["std"])}
    return {
        "normalization": norm,
        "tile_size": setup.tile_size,
        "bands": list(setup.bands),
        "in_channels": len(setup.bands),
        "seed": config.seed,
        "mode": setup.mode,
        "network": dict(setup.network),
        "resolution": setup.resolution,
        "crs": setup.crs,
        "num_classes": setup.num_classes,
        "class_names": list(setup.class_names),
        "boundary_width": config.boundary_width if setup.mode == "count" else 0,
        "boundary_target": config.boundary_target if setup.mode == "count" else None,
        "centre_sigma": config.centre_sigma
        if setup.mode == "count" and config.boundary_target == "centre"
        else None,
        "recipe": setup.recipe,
        "weights_average": {"decay": config.ema_decay} if config.ema_decay else None,
        "device": str(device),
        "stop_reason": reason,
        "train": config.to_dict(),
        "torch": torch.__version__,
    }


def train_model(
    ws: Any,
    model_id: str,
    config: TrainConfig | None = None,
    progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    team: Team = SOLO,
) -> TrainResult:
    """Train ``model_id`` of workspace ``ws`` from its current state; every stop makes a snapshot.

    Reads the model's scenes and live training data, resumes from the current snapshot
    (weights, optimizer, step count, normalisation) when there is one, trains until a
    budget of ``config``, early stopping or ``should_stop()``, and calls
    ``ws.create_snapshot``: the new snapshot becomes the model's current state.
    Bad input raises :class:`InputDataError` before any step (and no snapshot is made).
    With a ``team`` of processes (torchrun) only rank 0 writes checkpoints and the snapshot;
    the others wait until it is committed and return a result whose ``snapshot`` is None.
    """
    config = config or TrainConfig()
    model = ws.get_model(model_id)
    setup = ModelSetup.from_model(model)
    setup.check()
    inputs = model_inputs(ws, model_id, setup, config.validation_fraction)
    resume = _resume_state(ws, model_id, setup)
    _check_config(config)
    config = _with_target(config, resume, (model.network or {}).get("boundary_target"))
    setup.size_from(resume, inputs, boxes=config.boundary_target == "centre")
    setup.check()
    normalization = (resume.normalization if resume and resume.normalization else None) or (
        _fixed(model.input_spec.normalization) or default_normalization()
    )
    scenes_used = [{"scene_id": s.scene_id, "name": s.name} for s in inputs.scenes]
    checkpoint = checkpoints.for_run(ws, model_id, config, scenes_used, inputs.counts) if team.leads else None
    outcome = fit(inputs, setup, config, normalization, resume, progress, should_stop, checkpoint, team)
    outcome.config["scenes"] = scenes_used
    if inputs.warnings:
        outcome.metrics["warnings"] = list(inputs.warnings)
    snapshot = None
    if team.leads:
        snapshot = ws.create_snapshot(
            model_id,
            weights=outcome.weights,
            optimizer=outcome.optimizer,
            optimizer_meta=outcome.optimizer_meta,
            metrics=outcome.metrics,
            progress=outcome.progress,
            config=outcome.config,
            counts=inputs.counts,
        )
    if outcome.error is None:  # after an error torchrun ends the other processes
        team.barrier()  # the others return once rank 0's snapshot is committed
    log.info(
        "training of %s stopped (%s) at step %d", model_id, outcome.stop_reason, outcome.progress["steps"]
    )
    if outcome.error is not None:
        raise outcome.error
    return TrainResult(
        snapshot=snapshot,
        stop_reason=outcome.stop_reason,
        steps=outcome.progress["steps"],
        steps_this_run=outcome.steps_this_run,
        epochs=outcome.progress["epochs"],
        tiles_seen=outcome.progress["tiles_seen"],
        loss=outcome.loss,
        metrics=outcome.metrics,
        seconds=outcome.seconds,
        warnings=list(inputs.warnings),
    )


def model_inputs(ws: Any, model_id: str, setup: ModelSetup, validation_fraction: float) -> TrainingInputs:
    """The training data of ``model_id`` of workspace ``ws`` as training reads it: its scenes
    and its live training data (:func:`inputs.load_inputs`), ``validation_fraction`` of each
    training area held out where no area is marked for validation."""
    scenes = [(s.scene_id, s.source, s.name or s.scene_id) for s in ws.list_scenes(model_id)]
    return load_inputs(
        ws.training_data_path(model_id),
        scenes,
        setup.num_classes,
        setup.bands,
        setup.crs,
        validation_fraction,
    )


def recorded_spread(config: dict[str, Any]) -> float | None:
    """The centre target's spread a snapshot's ``config`` says its model learnt: the recorded
    ``centre_sigma``, the legacy 0.10 for centre models made before it was recorded, None for
    other targets."""
    if config.get("boundary_target") != "centre":
        return None
    return float(config.get("centre_sigma") or LEGACY_CENTRE_SIGMA)


def _with_target(config: TrainConfig, resume: Resume | None, model_target: str | None = None) -> TrainConfig:
    """``config`` with its boundary target and centre spread filled in: the resumed snapshot's
    (a resume never switches them silently), else the model's target, else the defaults."""
    target = config.boundary_target or (resume.boundary_target if resume else None) or model_target
    target = target or DEFAULT_TARGET
    spread = config.centre_sigma
    if spread is None and resume is not None and resume.boundary_target == target == "centre":
        spread = resume.centre_sigma
    return dataclasses.replace(config, boundary_target=target, centre_sigma=spread or CENTRE_SIGMA)


def _resume_state(ws: Any, model_id: str, setup: ModelSetup) -> Resume | None:
    """The model's current snapshot as a :class:`Resume`, or None for a model never trained."""
    current = ws.current_snapshot(model_id)
    if current is not None:
        loaded = ws.load_snapshot(model_id, current.id)
        prog = dict(current.progress or {})
    else:  # a new model made from another model's snapshot starts from its weights
        model = ws.get_model(model_id)
        parent_model, parent_snapshot = model.parent_model_id, model.parent_snapshot_id
        if not parent_model or not parent_snapshot:
            return None
        loaded = ws.load_snapshot(parent_model, parent_snapshot)
        prog = {}
    config = dict(loaded.config or {})
    norm = config.get("normalization")
    if list(config.get("bands") or setup.bands) != setup.bands:
        norm = None
    return Resume(
        weights=dict(loaded.weights or {}),
        optimizer=dict(loaded.optimizer) if loaded.optimizer else None,
        optimizer_meta=loaded.optimizer_meta,
        steps=int(prog.get("steps", 0)),
        epochs=float(prog.get("epochs", 0.0)),
        tiles_seen=int(prog.get("tiles_seen", 0)),
        normalization=norm,
        snapshot_id=loaded.info.id,
        # snapshots from before the setting was recorded learnt thin rims
        boundary_target=config.get("boundary_target") or ("rim" if setup.mode == "count" else None),
        centre_sigma=recorded_spread(config),
        tile_size=config.get("tile_size"),
        network=config.get("network"),
        detection=config.get("detection"),
    )


def _label_weights(scene: Any) -> np.ndarray:
    """Loss weight of each label of ``scene`` (see ``tiles.object_weights``), relative to the
    median of the labels inside its training areas (labels elsewhere never count)."""
    areas = np.array([g.area for g in scene.labels], dtype=np.float64) / scene.pixel_area
    inside = np.array(
        [any(g.intersection(a).area > 0 for a in scene.train_areas) for g in scene.labels], dtype=bool
    )
    if not inside.any():
        return np.ones(len(areas), np.float32)
    median = float(np.median(areas[inside]))
    return object_weights(areas, reference=median)


def _fixed(norm: dict[str, Any] | None) -> dict[str, Any] | None:
    """A model's own normalisation (set when it was created): a recorded method as it is,
    a bare mean/std as ``fixed``; None when it has none."""
    if norm and norm.get("method"):
        return dict(norm)
    if not norm or norm.get("mean") is None or norm.get("std") is None:
        return None
    return {"method": FIXED, "mean": list(norm["mean"]), "std": list(norm["std"])}


def _mean(values: deque[float]) -> float:
    return sum(values) / len(values)
