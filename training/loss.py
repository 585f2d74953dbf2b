"""The training loss of both modes.

Semantic channels ``0..C``: cross-entropy over pixels that count (target != IGNORE),
each pixel weighted (``weight``: small objects weigh more, see ``tiles.object_weights``).
Count mode adds channel ``C+1``: binary cross-entropy against the boundary target on
the same pixels (soft edge-ness or 0/1 rims, see ``tiles.boundary_target``), so the
network learns where touching objects must be split.
"""

from __future__ import annotations

import torch
from torch.nn import functional

from .tiles import IGNORE


def segmentation_loss(
    logits: torch.Tensor,
    target: torch.Tensor,
    boundary: torch.Tensor | None,
    num_classes: int,
    boundary_weight: float = 1.0,
    weight: torch.Tensor | None = None,
) -> torch.Tensor:
    """Weighted mean loss over the pixels that count; 0 (with a gradient) when none does.

    ``logits`` (N, C+1[+1], H, W); ``target`` (N, H, W) class ids with IGNORE;
    ``boundary`` (N, H, W) in 0..1 or None in segmentation mode; ``weight`` (N, H, W)
    per-pixel weights (None: all 1).
    """
    logits = logits.float()
    valid = target != IGNORE
    w = valid.float() if weight is None else weight.float() * valid
    total = w.sum()
    if not bool(valid.any()) or float(total) <= 0:
        return logits.sum() * 0.0
    semantic = logits[:, : num_classes + 1]
    ce = functional.cross_entropy(semantic, target.long(), ignore_index=IGNORE, reduction="none")
    loss = (ce * w).sum() / total
    if boundary is not None:
        rim = logits[:, num_classes + 1]
        target_rim = boundary.float()
        # rims are a small share of the pixels: weigh them up to balance the classes (1..10x;
        # about 1 for the soft distance target, whose mean is over one half)
        n_valid = valid.sum()
        share = (target_rim * valid).sum() / n_valid
        pos_weight = ((1 - share) / share.clamp(min=1e-6)).clamp(1.0, 10.0).detach()
        bce = functional.binary_cross_entropy_with_logits(
            rim, target_rim, reduction="none", pos_weight=pos_weight
        )
        # a soft target's own entropy is the least the BCE can reach: take it off, so the loss
        # still falls towards 0 (0/1 rims have none; the gradient does not change)
        t = target_rim.clamp(1e-6, 1 - 1e-6)
        bce = bce + pos_weight * target_rim * torch.log(t) + (1 - target_rim) * torch.log(1 - t)
        loss = loss + boundary_weight * (bce * w).sum() / total
    return loss
