"""Network and optimizer state as plain numpy arrays (what the snapshot store keeps)."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import torch

log = logging.getLogger(__name__)


def weights_to_numpy(net: torch.nn.Module) -> dict[str, np.ndarray]:
    """The network's state dict as contiguous CPU numpy arrays."""
    return {k: np.ascontiguousarray(v.detach().cpu().numpy()) for k, v in net.state_dict().items()}


def load_weights(net: torch.nn.Module, weights: dict[str, Any]) -> list[str]:
    """Load matching arrays into ``net``; returns the names left at their initial value.

    Tensors whose shape differs (e.g. the head of a model with other classes) are skipped.
    """
    own = net.state_dict()
    skipped = []
    for name, value in own.items():
        src = weights.get(name)
        scalar = value.numel() == 1 and src is not None and np.size(src) == 1  # 0-d may come back as (1,)
        if src is None or (tuple(np.shape(src)) != tuple(value.shape) and not scalar):
            skipped.append(name)
            continue
        own[name] = torch.as_tensor(np.asarray(src)).reshape(value.shape).to(value.dtype)
    net.load_state_dict(own)
    if skipped:
        log.info("weights not taken from the snapshot (new or reshaped): %s", ", ".join(skipped))
    return skipped


def optimizer_to_numpy(opt: torch.optim.Optimizer) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Optimizer state as ``({"<param>.<name>": array}, JSON-ready meta with param_groups)``."""
    sd = opt.state_dict()
    arrays: dict[str, np.ndarray] = {}
    for idx, state in sd["state"].items():
        for name, value in state.items():
            arr = value.detach().cpu().numpy() if torch.is_tensor(value) else np.asarray(value)
            arrays[f"{idx}.{name}"] = np.ascontiguousarray(arr.reshape(arr.shape or (1,)))
    groups = []
    for group in sd["param_groups"]:
        groups.append({k: (list(v) if isinstance(v, tuple) else v) for k, v in group.items()})
    return arrays, {"param_groups": groups, "type": type(opt).__name__}


def load_optimizer(opt: torch.optim.Optimizer, arrays: dict[str, Any], meta: dict[str, Any] | None) -> bool:
    """Restore optimizer state saved by :func:`optimizer_to_numpy`; False when it does not fit."""
    if not arrays or not meta or meta.get("type") != type(opt).__name__:
        return False
    current = opt.state_dict()
    groups = meta.get("param_groups") or []
    if len(groups) != len(current["param_groups"]) or any(
        len(g["params"]) != len(c["params"]) for g, c in zip(groups, current["param_groups"], strict=True)
    ):
        return False
    params = dict(enumerate(_params(opt)))  # state_dict numbers parameters in group order
    state: dict[int, dict[str, torch.Tensor]] = {}
    for key, value in arrays.items():
        idx, name = key.split(".", 1)
        t = torch.as_tensor(np.asarray(value))
        if name == "step":
            t = t.reshape(())
        elif int(idx) in params and tuple(t.shape) != tuple(params[int(idx)].shape):
            return False
        state.setdefault(int(idx), {})[name] = t
    restored = [{k: (tuple(v) if k == "betas" else v) for k, v in g.items()} for g in groups]
    opt.load_state_dict({"state": state, "param_groups": restored})
    return True


def _params(opt: torch.optim.Optimizer) -> list[torch.Tensor]:
    return [p for g in opt.param_groups for p in g["params"]]


class WeightAverage:
    """An exponential moving average of a network's weights (and BatchNorm statistics).

    ``update()`` after every optimiser step: ``avg = d·avg + (1 − d)·w`` with ``d`` warming
    up as ``min(decay, (1 + n) / (10 + n))``, so the first steps are not frozen into it.
    Validation and snapshots use :attr:`model`: a snapshot then holds a smooth average of
    the last ~1/(1 − decay) steps, not whatever the last step left.
    """

    def __init__(self, net: torch.nn.Module, decay: float = 0.99) -> None:
        import copy

        self.net = net
        self.decay = float(decay)
        self.model = copy.deepcopy(net).eval()
        for p in self.model.parameters():
            p.requires_grad_(False)
        self.updates = 0

    @torch.no_grad()
    def update(self) -> None:
        self.updates += 1
        d = min(self.decay, (1 + self.updates) / (10 + self.updates))
        own = self.model.state_dict()
        for name, value in self.net.state_dict().items():
            avg = own[name]
            if avg.dtype.is_floating_point:
                avg.mul_(d).add_(value.detach(), alpha=1 - d)
            else:
                avg.copy_(value)
