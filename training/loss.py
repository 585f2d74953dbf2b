"""The training loss of both modes.

Semantic channels ``0..C``: cross-entropy over pixels that count (target != IGNORE),
each pixel weighted (``weight``: small objects weigh more, see ``tiles.object_weights``).
Count mode adds channel ``C+1``: binary cross-entropy against the boundary target on
the same pixels (soft edge-ness or 0/1 rims, see ``tiles.boundary_target``), so the
network learns where touching objects must be split.
Segmentation mode adds a soft IoU of the object classes (:func:`soft_jaccard_loss`,
weight ``TrainConfig.jaccard_weight``; :func:`jaccard_weight_for` gives the mode's default).
A count network with a box head adds :func:`box_iou_loss` (weight ``TrainConfig.box_weight``).
"""

from __future__ import annotations

import torch
from torch.nn import functional

from .config import TrainConfig
from .tiles import IGNORE

# segmentation mode's soft-IoU weight when the config leaves it None (README, Ablation: a soft IoU)
SEG_JACCARD_WEIGHT = 1.0
# the box head's distances (network.NetworkSpec.boxes) in units of this share of the tile size
# (a tile is sized to about three objects: about one object); its weight is TrainConfig.box_weight
BOX_UNIT_SHARE = 0.25


def box_unit(tile_size: int) -> float:
    """Pixels per unit of the box head's distances for a model trained on ``tile_size`` tiles:
    the unit of training's target (``tiles.box_distances``) and of what validation and detection
    read back (:func:`box_pixels`)."""
    return float(tile_size) * BOX_UNIT_SHARE


def box_pixels(raw: torch.Tensor, unit: float) -> torch.Tensor:
    """The box head's distances in pixels from its logits ``raw``: softplus (positive, as
    :func:`box_iou_loss` reads them) times ``unit`` (:func:`box_unit`)."""
    return functional.softplus(raw) * unit


def jaccard_weight_for(config: TrainConfig, mode: str) -> float:
    """The soft-IoU weight a run trains with: the config's, else :data:`SEG_JACCARD_WEIGHT` in
    segmentation mode and 0 in count mode."""
    if config.jaccard_weight is not None:
        return float(config.jaccard_weight)
    return SEG_JACCARD_WEIGHT if mode == "segmentation" else 0.0


def segmentation_loss(
    logits: torch.Tensor,
    target: torch.Tensor,
    boundary: torch.Tensor | None,
    num_classes: int,
    boundary_weight: float = 1.0,
    weight: torch.Tensor | None = None,
    centre_focal: bool = False,
    jaccard_weight: float = 0.0,
) -> torch.Tensor:
    """Weighted mean loss over the pixels that count; 0 (with a gradient) when none does.

    ``logits`` (N, C+1[+1], H, W); ``target`` (N, H, W) class ids with IGNORE;
    ``boundary`` (N, H, W) in 0..1 or None in segmentation mode; ``weight`` (N, H, W)
    per-pixel weights (None: all 1); ``jaccard_weight`` adds that much of
    :func:`soft_jaccard_loss` (the pixel IoU segmentation mode is judged by).
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
    if jaccard_weight:
        loss = loss + jaccard_weight * soft_jaccard_loss(semantic, target, valid)
    if boundary is not None and centre_focal:
        return loss + boundary_weight * centre_focal_loss(logits[:, num_classes + 1], boundary.float(), valid)
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


def soft_jaccard_loss(semantic: torch.Tensor, target: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    """1 − the soft pixel IoU of the object classes, over the whole batch's counted pixels.

    The cross-entropy scores every pixel alike, and with small objects weighed up it leans
    towards too much object; the IoU (Rahman & Wang 2016's soft form, with the softmax
    probabilities in place of a 0/1 mask) weighs a pixel by how it moves the class's overlap.
    Taken over the batch, not per tile, so a tile with no object adds its false positives
    without a 0/0; the mean over the classes with a pixel in the batch (the others' false
    positives are left to the cross-entropy). A batch with no object pixel at all gives the
    mean predicted object probability, which pulls it down. Under torchrun each process takes
    the IoU of its own share of the batch.
    """
    probs = functional.softmax(semantic, dim=1)[:, 1:]  # (N, C, H, W): the object classes
    mask = valid.unsqueeze(1).float()
    ids = torch.arange(1, semantic.shape[1], device=target.device).view(1, -1, 1, 1)
    truth = (target.long().unsqueeze(1) == ids).float() * mask
    probs = probs * mask
    dims = (0, 2, 3)
    inter = (probs * truth).sum(dims)
    union = probs.sum(dims) + truth.sum(dims) - inter
    present = truth.sum(dims) > 0
    if not bool(present.any()):
        return (probs.sum(dims) / mask.sum().clamp(min=1.0)).mean()
    iou = (inter + 1.0) / (union + 1.0)
    return (1.0 - iou[present]).mean()


CENTRE_PEAK = 0.9  # centre-target pixels whose heat (1 − boundary) is at least this are the peaks


def centre_focal_loss(rim: torch.Tensor, boundary: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    """CenterNet's penalty-reduced focal loss on the centre channel (Zhou et al. 2019).

    The heat is ``h = 1 − boundary`` (a Gaussian peak at each object's centre) and the
    network's heat ``p = 1 − sigmoid(rim)``. Peak pixels (``h ≥ CENTRE_PEAK``) are pulled
    up with ``(1 − p)² log p``; every other pixel down with ``(1 − h)⁴ p² log(1 − p)``, so
    that the pixels next to a peak are barely penalised and the easy background (most of
    the tile) weighs little. Normalised by the number of peak pixels, not of all pixels: a
    plain BCE on the soft target leaves the peaks shallow (the network never predicts a
    boundary below 0.8 on the demo scene).
    """
    heat = (1.0 - boundary).clamp(0.0, 1.0)
    log_p = functional.logsigmoid(-rim)  # log p
    log_q = functional.logsigmoid(rim)  # log (1 − p)
    p = log_p.exp()
    peak = (heat >= CENTRE_PEAK) & valid
    pos = -((1.0 - p) ** 2) * log_p * peak
    neg = -((1.0 - heat) ** 4) * p**2 * log_q * (valid & ~peak)
    return (pos.sum() + neg.sum()) / peak.sum().clamp(min=1)


def _box_weights(
    box: torch.Tensor, centre: torch.Tensor, target: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """:func:`box_iou_loss`'s pixel weights and the mask of the pixels inside labels that count."""
    inside = (box.float().sum(dim=1) > 0) & (target != IGNORE)
    return (1.0 - centre.float()) * inside, inside


def box_loss_mass(box: torch.Tensor, centre: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The denominator of :func:`box_iou_loss` (its weights' sum): what processes training
    together weigh their box losses by (``distributed.Team.weigh_loss``)."""
    return _box_weights(box, centre, target)[0].sum()


def box_iou_loss(
    raw: torch.Tensor, box: torch.Tensor, centre: torch.Tensor, target: torch.Tensor
) -> torch.Tensor:
    """The box head's loss: 1 − the IoU of the predicted and the true box (as FCOS, Tian et al.
    2019), averaged over the pixels inside labels that count, each weighted by how near its
    label's centre it lies (``1 − centre``, the centre target: 1 at the centre).

    ``raw`` ``(N, 4, H, W)``: logits of the distances to the box's left, top, right and bottom
    sides (softplus: positive); ``box`` the same distances as trained (``tiles.box_distances``,
    0 outside labels); ``centre`` ``(N, H, W)`` the centre target; ``target`` the classes with
    IGNORE. Both boxes contain the pixel, so they always overlap: the IoU needs no enclosing box.
    0 (with a gradient) where no pixel counts.
    """
    box = box.float()
    w, inside = _box_weights(box, centre, target)
    total = w.sum()
    if float(total) <= 0:
        return raw.sum() * 0.0
    # the pixels inside labels only (a third of a tile or less): the rest weigh 0
    at = inside.nonzero(as_tuple=True)
    n, y, x = at
    w = w[at]
    pl, pt, pr, pb = functional.softplus(raw.float()[n, :, y, x]).unbind(1)
    tl, tt, tr, tb = box[n, :, y, x].unbind(1)
    across = torch.minimum(pl, tl) + torch.minimum(pr, tr)
    down = torch.minimum(pt, tt) + torch.minimum(pb, tb)
    inter = across * down
    union = (pl + pr) * (pt + pb) + (tl + tr) * (tt + tb) - inter
    iou = (inter + 1e-6) / (union + 1e-6)
    return ((1.0 - iou) * w).sum() / total
