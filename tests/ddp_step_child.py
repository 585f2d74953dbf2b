"""One training step of a small BatchNorm network on half a batch each, under torchrun.

``torchrun --standalone --nproc_per_node 2 ddp_step_child.py OUT.npz``: process r takes tiles
``Team.tiles(4)`` of the batch :func:`batch` makes, steps through the team's hooks (its batch
norm, DDP, :meth:`Team.weigh_loss`) and rank 0 writes the loss, the gradients and the batch
norm statistics to ``OUT.npz``, with the stop reasons the processes agreed on.
``tests/test_training_ddp.py`` compares them with one process stepping on the whole batch.
"""

from __future__ import annotations

import sys

import numpy as np
import torch

from orca_huntr.training.distributed import join, leave
from orca_huntr.training.loss import segmentation_loss
from orca_huntr.training.tiles import IGNORE

BATCH = 4
CLASSES = 2


def network() -> torch.nn.Module:
    torch.manual_seed(3)
    return torch.nn.Sequential(
        torch.nn.Conv2d(3, 8, 3, padding=1, bias=False),
        torch.nn.BatchNorm2d(8),
        torch.nn.ReLU(),
        torch.nn.Conv2d(8, CLASSES + 1, 1),
    )


def batch() -> dict[str, torch.Tensor]:
    """Tiles whose loss weights differ a lot from tile to tile (the shares' masses differ)."""
    rng = np.random.default_rng(7)
    image = rng.normal(2.0, 3.0, size=(BATCH, 3, 16, 16)).astype(np.float32)
    target = rng.integers(0, CLASSES + 1, size=(BATCH, 16, 16)).astype(np.int64)
    target[0, :12] = IGNORE  # tile 0: most pixels do not count
    weight = rng.uniform(0.5, 4.0, size=(BATCH, 16, 16)).astype(np.float32)
    weight[3] *= 5.0
    return {
        "image": torch.from_numpy(image),
        "target": torch.from_numpy(target),
        "weight": torch.from_numpy(weight),
    }


def step(net: torch.nn.Module, data: dict[str, torch.Tensor], team=None) -> tuple[float, torch.nn.Module]:
    """Forward, loss and backward as ``loop.TrainStep`` does it; the loss of the whole batch."""
    model = team.wrap(net) if team is not None else net
    model.train()
    logits = model(data["image"])
    loss = segmentation_loss(logits, data["target"], None, CLASSES, 1.0, data["weight"])
    whole = loss
    if team is not None:
        loss, whole = team.weigh_loss(loss, data["target"], data["weight"])
    loss.backward()
    return float(whole.detach()), net


def main(out: str) -> None:
    team = join("cpu")
    share = team.tiles(BATCH)
    data = {k: v[share.start : share.stop] for k, v in batch().items()}
    net = team.share_batch_norm(network())
    loss, net = step(net, data, team)
    # stop decisions: rank 0's reason wins; a stop request on any process stops all
    asked = [("", "user"), ("max_steps", ""), ("early_stopping", "user"), ("", "")]
    agreed = [team.agree(pair[team.rank]) for pair in asked]
    if team.leads:
        arrays = {f"grad.{n}": p.grad.numpy() for n, p in net.named_parameters()}
        arrays["agreed"] = np.array(agreed)
        arrays.update({f"state.{n}": v.numpy() for n, v in net.state_dict().items()})
        np.savez(out, loss=np.float64(loss), **arrays)
    else:
        assert agreed == ["user", "max_steps", "early_stopping", ""], agreed
    team.barrier()
    leave(team)


if __name__ == "__main__":
    main(sys.argv[1])
