"""Which torch device a run uses: the one rule of training and detection."""

from __future__ import annotations

from ..deps import require
from ..errors import InputDataError


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
