"""Training on several processes (GPUs, nodes) under ``torchrun``: the loop's DDP hooks.

``torchrun --nproc_per_node N -m orca_huntr train …`` starts N copies of the command. Each
finds its place in the environment torchrun sets (``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``,
``LOCAL_WORLD_SIZE``, ``MASTER_ADDR``/``MASTER_PORT``) and :func:`join` makes them one
process group: NCCL on CUDA (process ``LOCAL_RANK`` on GPU ``LOCAL_RANK``), gloo on the CPU.
The :class:`Team` it returns is all that ``loop.fit`` asks of the group, through narrow hooks:

* **tiles** (:meth:`Team.tiles`): a step's batch of ``TrainConfig.batch_size`` tiles is cut
  in N equal shares; process ``r`` makes tiles ``r·b … r·b + b − 1`` (``b = batch_size / N``)
  of every batch. ``loop.batch_maker`` seeds every tile by (seed, batch, position in the
  batch), so the N shares are exactly the tiles one process with the whole batch makes.
* **batch norm** (:meth:`Team.share_batch_norm`): statistics over the whole batch of every
  process, as one process would compute them: torch's ``SyncBatchNorm`` on CUDA,
  :class:`TeamBatchNorm2d` on the CPU (``SyncBatchNorm`` refuses CPU tensors).
* **gradients** (:meth:`Team.wrap`, :meth:`Team.weigh_loss`): DDP averages the processes'
  gradients; each process's loss is first weighted by its share of the batch's loss weight,
  so the average is the gradient of the whole batch's weighted-mean loss, and the loss
  reported is the whole batch's.
* **stop** (:meth:`Team.agree`, before every step): rank 0 decides (budgets, validation,
  early stopping) and a stop request (Ctrl-C, SIGTERM) on any process stops all.
* **side work**: only rank 0 validates, writes checkpoints and the snapshot (atomically, as
  in one process); the others wait at :meth:`Team.barrier` until it is committed.

:data:`SOLO` (one process, no torchrun) turns every hook into nothing. No ``qgis`` here.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import torch
from torch import distributed as dist

from ..errors import InputDataError
from .device import resolve_device
from .tiles import IGNORE

log = logging.getLogger(__name__)

WAIT_MINUTES = 30  # longest wait for another process (rank 0 validating or writing the snapshot)
# why a run stops, as the loop names it; agree() sends the index
REASONS = ("", "user", "max_steps", "max_epochs", "max_seconds", "early_stopping")


@dataclass(frozen=True)
class Team:
    """This process's place among the processes training one model together."""

    rank: int = 0
    size: int = 1
    local_rank: int = 0
    local_size: int = 1
    backend: str | None = None  # "nccl" | "gloo"; None for one process
    device: str = "cpu"  # where this process trains (its collectives' tensors live there)

    @property
    def leads(self) -> bool:
        """Rank 0: validates, writes checkpoints and the snapshot, reports progress."""
        return self.rank == 0

    @property
    def shared(self) -> bool:
        return self.size > 1

    # ---------------------------------------------------------------- placement
    def place(self, device: str) -> str:
        """The device of this process for ``device`` (``cuda``: the GPU ``LOCAL_RANK``)."""
        if self.shared and device.startswith("cuda"):
            return f"cuda:{self.local_rank}"
        return device

    def threads(self) -> int | None:
        """Torch CPU threads when none was asked for: the node's cores shared by its processes."""
        if not self.shared:
            return None
        return max(1, (os.cpu_count() or 1) // max(self.local_size, 1))

    def tiles(self, batch_size: int) -> range:
        """Which tiles of every batch of ``batch_size`` (the whole step's) this process makes."""
        if not self.shared:
            return range(batch_size)
        if batch_size % self.size:
            raise InputDataError(
                f"A batch of {batch_size} tiles cannot be shared equally by {self.size} processes: "
                f"choose a batch size that is a multiple of {self.size}."
            )
        share = batch_size // self.size
        return range(self.rank * share, (self.rank + 1) * share)

    # ---------------------------------------------------------------- the network
    def share_batch_norm(self, net: Any) -> Any:
        """``net`` with batch statistics over every process's tiles (``net`` itself for one)."""
        if not self.shared:
            return net
        if self.backend == "nccl":
            return torch.nn.SyncBatchNorm.convert_sync_batchnorm(net)
        return convert_batch_norm(net)

    def wrap(self, net: Any) -> Any:
        """``net`` in DistributedDataParallel (``net`` itself for one process)."""
        if not self.shared:
            return net
        ids = [self.local_rank] if self.device.startswith("cuda") else None
        return torch.nn.parallel.DistributedDataParallel(net, device_ids=ids)

    def weigh_loss(
        self, loss: Any, target: Any, weight: Any, extra: tuple[Any, Any] | None = None
    ) -> tuple[Any, Any]:
        """``(loss to step on, loss of the whole batch)`` for this process's ``loss`` (plus
        ``extra``: another weighted mean and its denominator, the box head's).

        ``loss.segmentation_loss`` is a weighted mean: Σ(w·ℓ) / Σw over the process's
        pixels that count (``target`` ≠ IGNORE, weighted by ``weight``). Scaled by
        N·Σw_r / Σw (Σw of every process), the mean DDP takes of the gradients is the
        gradient of Σ(w·ℓ) / Σw over the whole batch, what one process computes; ``extra``
        is scaled by its own denominator's share alike.
        """
        if not self.shared:
            whole = loss if extra is None else loss + extra[0]
            return whole, whole
        terms = [(loss, (weight.float() * (target != IGNORE)).sum())]  # loss.py's denominator
        if extra is not None:
            terms.append(extra)
        local = torch.stack([m.float() for _, m in terms] + [t.detach().float() * m for t, m in terms])
        dist.all_reduce(local)
        masses, totals = local[: len(terms)], local[len(terms) :]
        step, whole = loss * 0.0, torch.zeros((), device=local.device)
        for (term, mass), total_mass, total in zip(terms, masses, totals, strict=True):
            if float(total_mass) <= 0:  # no pixel counts anywhere: nothing to learn, as in one process
                continue
            step = step + term * (self.size * mass / total_mass)
            whole = whole + total / total_mass
        return step, whole

    # ---------------------------------------------------------------- decisions
    def agree(self, reason: str) -> str:
        """The reason every process stops for ("" to go on): rank 0's, else ``user`` when a
        stop was requested on any process."""
        if not self.shared:
            return reason
        codes = torch.zeros(2, dtype=torch.int64, device=self.device)
        if self.leads:
            codes[0] = REASONS.index(reason)
        codes[1] = int(reason == "user")
        dist.all_reduce(codes)
        leader, users = (int(c) for c in codes.tolist())
        return REASONS[leader] if leader else ("user" if users else "")

    def barrier(self) -> None:
        """Wait for every process (nothing for one)."""
        if self.shared:
            ids = [self.local_rank] if self.backend == "nccl" else None
            dist.barrier(device_ids=ids)

    def record(self, batch_size: int) -> dict[str, Any]:
        """What a snapshot records of the team (nothing for one process)."""
        if not self.shared:
            return {}
        return {
            "distributed": {
                "processes": self.size,
                "backend": self.backend,
                "batch_per_process": batch_size // self.size,
            }
        }


SOLO = Team()


def join(device: str | None = None) -> Team:
    """This process's :class:`Team`: :data:`SOLO` outside torchrun (``WORLD_SIZE`` unset or 1),
    else a member of the process group torchrun describes (joined here, once)."""
    size = int(os.environ.get("WORLD_SIZE") or 1)
    if size <= 1:
        return SOLO
    if not dist.is_available():
        raise InputDataError("This torch has no torch.distributed: it cannot train under torchrun.")
    rank = int(os.environ["RANK"])
    local_rank = int(os.environ.get("LOCAL_RANK") or 0)
    local_size = int(os.environ.get("LOCAL_WORLD_SIZE") or size)
    name = resolve_device(device, "Training")
    backend = "nccl" if name.startswith("cuda") else "gloo"
    if backend == "nccl":
        if local_rank >= torch.cuda.device_count():
            raise InputDataError(
                f"Process {local_rank} of this node has no GPU (torch sees {torch.cuda.device_count()}): "
                "start at most one process per GPU (torchrun --nproc_per_node)."
            )
        torch.cuda.set_device(local_rank)
    place = f"cuda:{local_rank}" if backend == "nccl" else name
    team = Team(rank, size, local_rank, local_size, backend, place)
    if not dist.is_initialized():
        # env:// (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE); the others wait this long for
        # rank 0's validations and snapshot (NCCL's own default is shorter)
        dist.init_process_group(backend, timeout=timedelta(minutes=WAIT_MINUTES))
    log.info("process %d of %d (%s on %s)", rank, size, backend, team.device)
    return team


def leave(team: Team) -> None:
    """Leave the process group :func:`join` made (nothing for one process)."""
    if team.shared and dist.is_initialized():
        dist.destroy_process_group()


def convert_batch_norm(module: Any) -> Any:
    """``module`` with every ``BatchNorm2d`` replaced by a :class:`TeamBatchNorm2d` sharing its
    parameters and statistics (the same state-dict keys: snapshots load into a plain network)."""
    out = module
    if isinstance(module, torch.nn.BatchNorm2d) and not isinstance(module, TeamBatchNorm2d):
        out = TeamBatchNorm2d(
            module.num_features, module.eps, module.momentum, module.affine, module.track_running_stats
        )
        if module.affine:
            out.weight, out.bias = module.weight, module.bias
        if module.track_running_stats:
            out.running_mean, out.running_var = module.running_mean, module.running_var
            out.num_batches_tracked = module.num_batches_tracked
        out.train(module.training)
    for name, child in module.named_children():
        out.add_module(name, convert_batch_norm(child))
    return out


class _SumOverProcesses(torch.autograd.Function):
    """All-reduce (sum) with a gradient: every process's output is the sum of the inputs, so the
    gradient of an input is the sum of the outputs' gradients over the processes."""

    @staticmethod
    def forward(ctx: Any, tensor: Any) -> Any:
        out = tensor.clone()
        dist.all_reduce(out)
        return out

    @staticmethod
    def backward(ctx: Any, grad: Any) -> Any:
        out = grad.contiguous().clone()
        dist.all_reduce(out)
        return out


class TeamBatchNorm2d(torch.nn.BatchNorm2d):
    """``BatchNorm2d`` whose training statistics cover the batch of every process.

    Works on any device and backend (gloo on the CPU included): the per-channel sums of
    x and x² (in float64) go through one differentiable all-reduce, whose backward sums
    the gradients of every process, so forward and backward are those of one
    ``BatchNorm2d`` over the whole batch. In eval mode, or alone, a plain ``BatchNorm2d``.
    """

    def forward(self, x: Any) -> Any:
        if not (self.training and dist.is_initialized() and dist.get_world_size() > 1):
            return super().forward(x)
        channels = x.shape[1]
        xd = x.double()
        count = torch.full((1,), x.numel() / channels, dtype=torch.float64, device=x.device)
        sums = _SumOverProcesses.apply(torch.cat([xd.sum((0, 2, 3)), (xd * xd).sum((0, 2, 3)), count]))
        n = sums[-1]
        mean = sums[:channels] / n
        var = (sums[channels : 2 * channels] / n - mean * mean).clamp(min=0.0)
        running_mean, running_var, tracked = self.running_mean, self.running_var, self.num_batches_tracked
        if (
            self.track_running_stats
            and running_mean is not None
            and running_var is not None
            and tracked is not None
        ):
            tracked.add_(1)
            factor = self.momentum if self.momentum is not None else 1.0 / float(tracked)
            with torch.no_grad():
                unbiased = var * n / (n - 1).clamp(min=1.0)
                running_mean.mul_(1 - factor).add_(mean.to(running_mean.dtype), alpha=factor)
                running_var.mul_(1 - factor).add_(unbiased.to(running_var.dtype), alpha=factor)
        scale = torch.rsqrt(var + self.eps)
        shift = -mean * scale
        if self.affine:
            scale = scale * self.weight
            shift = shift * self.weight + self.bias
        shape = (1, channels, 1, 1)
        return x * scale.to(x.dtype).view(shape) + shift.to(x.dtype).view(shape)
