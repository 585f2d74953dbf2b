"""Batched forward passes of a snapshot's network: built once, tuned for inference.

The network is rebuilt from the snapshot's settings and weights (numpy arrays from the
store), its batch norms folded into the convolutions, put in ``channels_last`` memory
format and run under ``torch.inference_mode``. :class:`Predictor` turns a batch of
normalised tiles into per-pixel probabilities following the network's output contract:
softmax over the semantic channels ``0..C``; in count mode a sigmoid on channel ``C+1``.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

import numpy as np

from ..deps import require
from ..errors import InputDataError

log = logging.getLogger(__name__)


def resolve_device(name: str | None) -> str:
    """``auto`` → ``cuda`` when available, else ``cpu``; an unavailable CUDA is an error."""
    torch = require("torch")
    name = (name or "auto").lower()
    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise InputDataError(
            "Detection was asked to run on the GPU (CUDA) but this Python has no usable GPU. "
            "Choose 'cpu' or 'auto' as device."
        )
    return name


def _fuse_batch_norms(model: Any) -> Any:
    """Fold every Conv2d → BatchNorm2d pair of a Sequential into the convolution (eval only)."""
    torch = require("torch")
    from torch import nn
    from torch.nn.utils.fusion import fuse_conv_bn_eval

    for module in model.modules():
        if not isinstance(module, nn.Sequential):
            continue
        names = list(module._modules)
        for a, b in itertools.pairwise(names):
            conv, bn = module._modules[a], module._modules[b]
            if isinstance(conv, nn.Conv2d) and isinstance(bn, nn.BatchNorm2d):
                with torch.no_grad():
                    module._modules[a] = fuse_conv_bn_eval(conv, bn)
                module._modules[b] = nn.Identity()
    return model


def build_model(
    weights: dict[str, np.ndarray],
    in_channels: int,
    num_classes: int,
    mode: str,
    network: dict | None,
    device: str = "cpu",
    fuse: bool = True,
) -> Any:
    """The snapshot's network with its weights, ready for inference on ``device``."""
    torch = require("torch")
    from ..training.network import build_network

    model = build_network(in_channels, num_classes, mode, network)
    state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in weights.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise InputDataError(
            "The snapshot's weights do not fit its network settings "
            f"(missing: {', '.join(missing[:5]) or 'none'}; "
            f"unexpected: {', '.join(unexpected[:5]) or 'none'}). "
            "The snapshot may come from an incompatible plugin version."
        )
    model.eval()
    if fuse:
        _fuse_batch_norms(model)
    model = model.to(device)
    if device == "cpu":
        model = model.to(memory_format=torch.channels_last)
    return model


class Predictor:
    """Probabilities for batches of normalised tiles: ``(B, bands, t, t)`` → ``(B, K, t, t)``.

    ``K`` is ``C + 1`` semantic probabilities (softmax) plus, in count mode, one boundary
    probability (sigmoid).
    """

    def __init__(self, model: Any, num_classes: int, mode: str, device: str = "cpu") -> None:
        self.model = model
        self.num_classes = num_classes
        self.mode = mode
        self.device = device
        self.channels = num_classes + 1 + (1 if mode == "count" else 0)

    def forward(self, batch: Any) -> Any:
        """Raw logits for a torch batch already on the device (used by the benchmark too)."""
        return self.model(batch)

    def to_input(self, batch: np.ndarray) -> Any:
        """A numpy batch as a torch tensor on the device in the model's memory format."""
        torch = require("torch")
        x = torch.from_numpy(np.ascontiguousarray(batch, dtype=np.float32))
        if self.device == "cpu":
            return x.contiguous(memory_format=torch.channels_last)
        return x.to(self.device, non_blocking=True)

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        torch = require("torch")
        with torch.inference_mode():
            logits = self.forward(self.to_input(batch))
            c = self.num_classes + 1
            probs = torch.empty(logits.shape, dtype=torch.float32, device=logits.device)
            probs[:, :c] = torch.softmax(logits[:, :c], dim=1)
            if self.channels > c:
                probs[:, c:] = torch.sigmoid(logits[:, c:])
            return probs.cpu().numpy()
