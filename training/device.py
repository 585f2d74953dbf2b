"""Which torch device a run uses: the one rule of training and detection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..deps import require
from ..errors import InputDataError

if TYPE_CHECKING:
    import torch


def resolve_device(name: str | None, job: str = "Training") -> str:
    """``auto`` (or empty) → ``cuda`` when torch sees a GPU, else ``cpu``; asking for CUDA
    without one is an :class:`~orca_huntr.errors.InputDataError` naming the ``job``."""
    torch = require("torch")
    name = (name or "auto").lower()
    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise InputDataError(
            f"{job} on '{name}' was requested but this torch sees no CUDA GPU; "
            "choose 'cpu' or 'auto' as device."
        )
    return name


def autocast_dtype(device: str) -> torch.dtype | None:
    """The reduced precision a device computes in under ``torch.autocast``: on CUDA bfloat16
    where the GPU supports it (Ampere and later: the range of float32, no loss scaling),
    else float16 (with a gradient scaler); ``None`` on the CPU, which stays in float32 (the
    results there are the reference the tests pin)."""
    if not str(device).startswith("cuda"):
        return None
    torch_ = require("torch")
    return torch_.bfloat16 if torch_.cuda.is_bf16_supported() else torch_.float16


def prefers_channels_last(device: torch.device | str) -> bool:
    """Whether training lays the network's tensors out channels-last (NHWC) on ``device``: on
    an x86 CPU, where oneDNN's convolutions then skip a reordering of every activation each
    way and a training step of the default recipe takes about 0.8 of the time (README,
    *Speed of a training step*; ``benchmarks/bench_train.py``). The numbers stay float32,
    only summed in another order. Elsewhere (a GPU, an ARM CPU: not measured for training) the
    default layout stays. Detection's rule is its own: ``detection.infer`` runs its folded,
    inference-only network channels-last on every device (``bench_detect.py``)."""
    import platform

    if not str(device).startswith("cpu"):
        return False
    return platform.machine().lower() in ("x86_64", "amd64", "i386", "i686", "x86")


def loader_workers(requested: int | None, device: str, cores: int | None = None) -> int:
    """Threads that build training batches: ``requested`` when given; else one on the CPU (the
    cores step the network) and, on a GPU, every core but one, at most 8 (reading, rasterising
    and augmenting tiles must keep up with a network no longer the bottleneck)."""
    import os

    if requested is not None:
        return max(0, int(requested))
    if not str(device).startswith("cuda"):
        return 1
    return max(1, min(8, (cores or os.cpu_count() or 2) - 1))
