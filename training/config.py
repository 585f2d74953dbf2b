"""Plain dataclasses of the training engine: its settings, progress reports and result.

Pure Python (no torch), so the QGIS side can build a :class:`TrainConfig` and receive
:class:`Progress` objects without importing the heavy stack.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# the box head's loss weight: on the NEON demo 1.0 gave held-back F1 0.624-0.643 (three runs,
# against 0.590-0.634 without the head); on a small synthetic task with a width-8 network and
# 200 steps it slowed learning (mean IoU 0.57 against 0.78 over five seeds), 0.2 did much less
# so (0.74). README, Ablation, "Box extents as an auxiliary task"
BOX_WEIGHT = 0.2


@dataclass
class TrainConfig:
    """How to train. Budgets count for this run; step and epoch counts continue on resume.

    Training stops at the first of: ``max_steps`` more steps, ``max_epochs`` more epochs,
    ``max_seconds`` of wall time, early stopping (``early_stopping_patience`` validations
    without improvement of the validation loss), or a user request. With no budget at
    all, ``max_steps`` defaults to 500.
    """

    max_steps: int | None = None
    max_epochs: float | None = None
    max_seconds: float | None = None
    batch_size: int = 8
    lr: float = 2e-3  # peak learning rate
    lr_floor: float = 0.05  # the cosine schedule ends at this share of the peak
    weight_decay: float = 1e-4
    warmup_steps: int = 20  # linear warm-up at the start of each run
    ema_decay: float | None = 0.99  # snapshots keep an exponential moving average of the weights
    seed: int = 0
    device: str = "auto"  # "auto" | "cpu" | "cuda" (or "cuda:N")
    threads: int | None = None  # torch CPU threads; None = every core (the panel keeps one for QGIS)
    # background loader threads; 0 = read tiles in the training thread; None = 1 on the CPU,
    # every core but one (at most 8) on a GPU (training/device.py, loader_workers)
    num_workers: int | None = None
    prefetch: int = 4  # batches read ahead by the loader
    validation_fraction: float = 0.15  # held out of the training areas when none is marked
    validate_every: int | None = None  # steps between validations; None = once per epoch
    # the final validation (which calibrates the snapshot's detection settings and scores its
    # card) with the network averaged over each tile and its mirror images: the snapshot
    # records flip_tta and detection uses it unless told otherwise (validations during the run
    # predict each tile once). On the NEON demo's snapshots flip averaging raised held-back
    # F1 in 11 of 12 pairs (+0.022 on average; README, Ablation, "Flip averaging by default")
    flip_tta: bool = True
    early_stopping_patience: int | None = None
    label_focus: float = 0.5  # share of tiles centred on a label (rare classes favoured)
    augment: bool = True  # rotations/flips and ±scale_jitter resampling
    photometric: bool = True  # with augment: brightness, contrast, gamma, colour cast, blur, noise
    # with photometric: the share of tiles changed in light and colour; the rest keep the scene's
    # own (blurred as often as the others). Half: on the NEON demo 0.615 held-back F1 against
    # 0.571 with every tile changed (two seeds, README "Ablation"), every variant still ≥ 0.94
    photometric_share: float = 0.5
    # with augment: the share of tiles given a synthetic bright grey surface (a road, bare
    # ground) on their background (augment.grey_surface): what one scene's training areas may
    # lack, and what another flight showed as false positives (issue #12, "grey surfaces")
    surface_share: float = 0.25
    scale_jitter: float = 0.25  # tiles resampled by a factor in 1/(1+j) .. 1+j
    balance_objects: bool = True  # small objects' pixels weigh more in the loss
    # weight of the soft-IoU term added to the cross-entropy of the semantic channels
    # (loss.soft_jaccard_loss); None: segmentation mode's default, SEG_JACCARD_WEIGHT, and 0 in count mode
    jaccard_weight: float | None = None
    boundary_width: int = 1  # pixels of object rim learnt in count mode (boundary_target "rim")
    # count mode's boundary channel learns "centre" (the default: 1 but for a Gaussian low
    # point at each label's centre, so touching and overlapping objects each get a core),
    # "distance" (0 on the inner third of every object rising to 1 at its edge, the earlier
    # default) or "rim" (thin object rims, the oldest target); the model records it, and each
    # snapshot calibrates the detection thresholds for it
    boundary_target: str | None = None  # None: the model's (its snapshots'), "centre" for a new one
    boundary_weight: float = 1.0
    # count networks with a box head (network.NetworkSpec.boxes): the weight of its loss
    # (loss.box_iou_loss) next to the others
    box_weight: float = BOX_WEIGHT
    centre_loss: str = "bce"  # centre target: "bce" on the soft map, or "focal" (CenterNet's)
    # centre target: each label's Gaussian σ as a share of its size; None: the model's (its
    # snapshots' recorded ``centre_sigma``; 0.10 for those made before it was recorded), else
    # tiles.CENTRE_SIGMA for a new model
    centre_sigma: float | None = None
    max_validation_pixels: int = 4_000_000  # cap on the validation region's size
    # crash-safe checkpoints (training/checkpoints.py): a snapshot marked as a checkpoint every
    # so many minutes of a run (None: 10; 0: none); only the newest ``checkpoints_kept`` stay
    checkpoint_minutes: float | None = None
    checkpoints_kept: int = 2

    def to_dict(self) -> dict[str, Any]:
        """The settings as a JSON-ready dict (recorded in each snapshot)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TrainConfig:
        """Build from a dict, ignoring unknown keys (older or newer plugin versions)."""
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


@dataclass
class Progress:
    """One progress report: sent after every step and after every validation."""

    step: int  # total steps of the model, including earlier runs
    total_steps: int | None  # the step this run is expected to stop at, when known
    epoch: float
    loss: float | None
    eta_seconds: float | None
    fraction: float  # 0..1 of this run's budget
    message: str = ""
    metrics: dict[str, Any] | None = None


@dataclass
class TrainResult:
    """What a training run did; ``snapshot`` is the store's SnapshotInfo it created."""

    snapshot: Any
    stop_reason: str  # "max_steps" | "max_epochs" | "max_seconds" | "early_stopping" | "user" | "error"
    steps: int  # total steps of the model after this run
    steps_this_run: int
    epochs: float
    tiles_seen: int
    loss: float | None
    metrics: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
