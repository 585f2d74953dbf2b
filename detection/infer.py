"""Batched forward passes of a snapshot's network: built once, tuned for inference.

The network is rebuilt from the snapshot's settings and weights (numpy arrays from the
store), its batch norms folded into the convolutions, put in ``channels_last`` memory
format and run under ``torch.inference_mode``. :class:`Predictor` turns a batch of
normalised tiles into per-pixel probabilities following the network's output contract:
softmax over the semantic channels ``0..C``; in count mode a sigmoid on channel ``C+1``.
Detection leaves the background channel out (``background=False``): it is one minus
the classes' sum, and blending one channel less is less work.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..deps import require
from ..errors import InputDataError
from ..training.device import resolve_device as _resolve
from .buffers import ArrayPool
from .vectorize import BOX_CHANNELS

log = logging.getLogger(__name__)


def resolve_device(name: str | None) -> str:
    """The device detection runs on (``training/device.py``'s rule)."""
    return _resolve(name, "Detection")


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
    try:
        missing, unexpected = model.load_state_dict(state, strict=False)
    except RuntimeError as exc:  # shapes that differ: "size mismatch for ..."
        first = str(exc).strip().splitlines()[-1].strip() if str(exc).strip() else type(exc).__name__
        raise InputDataError(
            "The snapshot's weights do not fit its network settings "
            f"({first}). The snapshot may come from an incompatible plugin version or was edited; "
            "run detection from another snapshot."
        ) from exc
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
    if str(device).startswith("cuda"):  # fixed tile sizes: let cuDNN pick its fastest kernels
        torch.backends.cudnn.benchmark = True
    # channels_last: the CPU's fastest layout, and the one of the GPU's tensor cores
    return model.to(memory_format=torch.channels_last)


def with_boxes(model: Any) -> Any:
    """``model`` (a network with a box head, ``NetworkSpec.boxes``) wrapped so that its plain
    call returns the box head's four distance logits after the contract's channels (what
    ``forward(x, boxes=True)`` gives): the form :class:`Predictor`, flip averaging and the
    ONNX graph take."""
    torch = require("torch")

    class BoxOutputs(torch.nn.Module):  # type: ignore[name-defined]
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner
            self.box_channels = BOX_CHANNELS

        def forward(self, x: Any) -> Any:
            return self.inner(x, boxes=True)

    return BoxOutputs(model).eval()


# the three mirror images (flipped dims of an NCHW batch) and the order of the box sides (left,
# top, right, bottom) each turns back: left-right swaps left and right, up-down top and bottom
MIRRORS = (((3,), (2, 1, 0, 3)), ((2,), (0, 3, 2, 1)), ((2, 3), (2, 3, 0, 1)))


def flip_averaged(model: Any) -> Any:
    """``model`` wrapped to average its logits over the tile and its three mirror images
    (left-right, up-down, both), each mirrored back: flip test-time augmentation, 4× the work.
    A model with box outputs (:func:`with_boxes`: the last four channels are the distances to
    the left, top, right and bottom sides) has them swapped back too: a mirror image's left is
    the tile's right."""
    torch = require("torch")
    boxes = int(getattr(model, "box_channels", 0))

    class FlipAverage(torch.nn.Module):  # type: ignore[name-defined]
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner
            self.box_channels = boxes

        def forward(self, x: Any) -> Any:
            return mirror_average(self.inner, x, boxes)

    return FlipAverage(model).eval()


def mirror_average(run: Any, x: Any, boxes: int = 0) -> Any:
    """The logits of ``run`` (a callable: NCHW batch → NCHW logits) averaged over the batch
    ``x`` and its three mirror images, each mirrored back; with ``boxes`` > 0 the last
    ``boxes`` channels are box sides (left, top, right, bottom), swapped back too. The one
    flip averaging of detection (:func:`flip_averaged`) and validation
    (``training.validate.predict_region``)."""
    torch = require("torch")
    out = run(x)
    for dims, order in MIRRORS:
        back = torch.flip(run(torch.flip(x, dims)), dims)
        if boxes:  # the mirrored tile's sides back in the tile's order
            first = back.shape[1] - boxes
            back = torch.cat([back[:, :first], back[:, [first + k for k in order]]], dim=1)
        out = out + back
    return out * 0.25


def micro_batch_for(width: int, tile: int, cache_bytes: int = 4 << 20) -> int:
    """Tiles per forward call on the CPU: as many as keep one full-resolution activation
    (``width`` channels of ``tile``² float32) within ``cache_bytes`` (about a core's L2).

    Measured on this project's UNet (2-core Xeon, width 16, 256² tiles): 20–27 ms a tile
    in forward calls of one tile, 30–35 ms in calls of eight, whose activations spill
    out of the cache."""
    return max(1, int(cache_bytes) // max(1, int(width) * int(tile) * int(tile) * 4))


class Pending:
    """A batch being predicted: :meth:`result` waits for its per-tile probabilities;
    :meth:`release` hands their arrays back to the predictor for reuse."""

    def __init__(self, parts: list[Any], pool: ArrayPool | None = None) -> None:
        self._parts = parts  # futures (or arrays) of (b, K, t, t) probabilities, in tile order
        self._pool = pool

    def _arrays(self) -> list[np.ndarray]:
        return [part.result() if hasattr(part, "result") else part for part in self._parts]

    def result(self) -> list[np.ndarray]:
        out: list[np.ndarray] = []
        for array in self._arrays():
            out.extend(array)
        return out

    def release(self) -> None:
        """Give the result's arrays back for the next batches: call it when nothing uses
        the tiles of :meth:`result` any more (reused memory needs no page faults)."""
        if self._pool is not None:
            for array in self._arrays():
                self._pool.give_back(array)
            self._pool = None


def to_device(tiles: np.ndarray | Sequence[np.ndarray], device: str) -> Any:
    """A numpy batch (or a list of ``(bands, t, t)`` tiles) as a float32 tensor on a GPU: copied
    once into pinned (page-locked) host memory, from which the copy to the device does not
    block the calling thread (it overlaps the work queued before it)."""
    torch = require("torch")
    first = tiles[0]
    host = torch.empty((len(tiles), *first.shape), dtype=torch.float32, pin_memory=True)
    staging = host.numpy()
    if isinstance(tiles, np.ndarray):
        staging[...] = tiles
    else:
        for k, tile in enumerate(tiles):
            staging[k] = tile
    return host.to(device, non_blocking=True)


class Predictor:
    """Probabilities for batches of normalised tiles: ``(B, bands, t, t)`` → ``(B, K, t, t)``.

    ``K`` is ``C + 1`` semantic probabilities (softmax; without the background, channel 0,
    when ``background`` is False: ``C``) plus, in count mode, one boundary probability
    (sigmoid), and with ``box_unit`` (a model with box outputs, :func:`with_boxes`) the four
    box distances in pixels (softplus × ``box_unit``, as training's target scales them).

    On the CPU the network runs ``micro_batch`` tiles per call (small calls keep the
    activations in the cache), and with ``workers`` > 1 on that many threads of one
    torch thread each: a tile per thread, no synchronisation inside the network's
    layers, so other work of the process (blending, vectorising) fills the cores
    without stalling the network. On a GPU one worker thread keeps the device busy
    while the caller blends the previous batch: tiles go to the device through pinned
    memory without blocking (:func:`to_device`), the network runs under ``torch.autocast``
    in ``precision`` (``"auto"``: bfloat16 where the GPU has it, else float16, see
    ``training/device.py``'s ``autocast_dtype``; ``"float32"``: none), and the probabilities
    (softmax/sigmoid in float32) are copied straight into the result array. :meth:`submit`
    starts a batch; calling the predictor predicts one and waits. :meth:`close` stops the threads.
    """

    def __init__(
        self,
        model: Any,
        num_classes: int,
        mode: str,
        device: str = "cpu",
        workers: int = 1,
        micro_batch: int | None = None,
        background: bool = True,
        precision: str = "auto",
        box_unit: float | None = None,
    ) -> None:
        from ..training.device import autocast_dtype

        self.model = model
        self.num_classes = num_classes
        self.mode = mode
        self.device = device
        self.background = background
        self.box_unit = float(box_unit) if (box_unit and mode == "count") else None
        self.channels = num_classes + (1 if background else 0) + (1 if mode == "count" else 0)
        self.channels += BOX_CHANNELS if self.box_unit else 0
        self._box_pixels: Any = None
        if self.box_unit:  # the one conversion of training, validation and detection
            from ..training.loss import box_pixels

            self._box_pixels = box_pixels
        self.on_cpu = device == "cpu"
        if precision not in ("auto", "float32"):
            raise ValueError(f"unknown precision {precision!r}: 'auto' or 'float32'")
        self.amp_dtype = None if (self.on_cpu or precision == "float32") else autocast_dtype(device)
        self.workers = max(1, int(workers)) if self.on_cpu else 1
        self.micro_batch = max(1, int(micro_batch)) if micro_batch else None
        self._threads: Any = None  # the worker threads' executor, made on first use
        self._window: tuple[np.ndarray, Any] | None = None  # the blend window and its device copy
        self._outputs = ArrayPool(keep=32)  # result arrays handed back by Pending.release

    def _chunk(self, batch_size: int) -> int:
        return min(batch_size, self.micro_batch) if (self.on_cpu and self.micro_batch) else batch_size

    def forward(self, batch: Any) -> Any:
        """Raw logits for a torch batch already on the device, micro-batch by micro-batch
        in this thread (the benchmark's pure forward pass)."""
        step = self._chunk(int(batch.shape[0]))
        if step >= batch.shape[0]:
            return self.model(batch)
        torch = require("torch")
        return torch.cat([self.model(batch[k : k + step]) for k in range(0, int(batch.shape[0]), step)])

    def to_input(self, batch: np.ndarray | Sequence[np.ndarray]) -> Any:
        """A numpy batch (or a list of ``(bands, t, t)`` tiles, e.g. views into a block) as a
        torch tensor on the device in the model's memory format. On the CPU a list is
        copied once, straight into the ``channels_last`` layout (plain NCHW for a network
        run by onnxruntime, whose ``channels_last`` is False)."""
        torch = require("torch")
        if self.on_cpu and not getattr(self.model, "channels_last", True):  # onnxruntime: plain NCHW
            array = batch if isinstance(batch, np.ndarray) else np.stack(batch)  # one copy of the views
            return torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32))
        if self.on_cpu and not isinstance(batch, np.ndarray):
            bands, h, w = batch[0].shape
            x = torch.empty((len(batch), h, w, bands), dtype=torch.float32).permute(0, 3, 1, 2)
            for k, tile in enumerate(batch):
                x[k].copy_(torch.from_numpy(tile))
            return x  # channels_last strides
        if not self.on_cpu:
            return to_device(batch, self.device).contiguous(memory_format=torch.channels_last)
        x = torch.from_numpy(np.ascontiguousarray(np.asarray(batch), dtype=np.float32))
        return x.contiguous(memory_format=torch.channels_last)

    def _probs(
        self, batch: np.ndarray | Sequence[np.ndarray], window: np.ndarray | None = None
    ) -> np.ndarray:
        """``(b, K, t, t)`` probabilities of a numpy batch (or list of tiles), computed in the
        calling thread; multiplied by ``window`` (t, t) when given (the blending weights)."""
        torch = require("torch")
        c = self.num_classes + 1  # semantic logits
        first = 0 if self.background else 1  # the first semantic channel returned
        size = len(batch)
        step = self._chunk(size)
        out = self._outputs.empty((size, self.channels, *batch[0].shape[1:]))
        with torch.inference_mode():
            w = None if window is None else self._device_window(window)
            for k in range(0, size, step):
                x = self.to_input(batch[k : k + step])
                if self.amp_dtype is None:
                    logits = self.model(x)
                else:  # reduced precision in the network, float32 from the logits on
                    with torch.autocast("cuda", dtype=self.amp_dtype):
                        logits = self.model(x)
                    logits = logits.float()
                if self.on_cpu:  # straight into the result, no intermediate copy
                    logits = logits.contiguous()  # softmax over channels is faster in this layout
                    probs = torch.from_numpy(out[k : k + step])
                else:
                    shape = (logits.shape[0], self.channels, *logits.shape[2:])  # no background: one less
                    probs = torch.empty(shape, dtype=torch.float32, device=logits.device)
                parts = [(slice(0, c - first), torch.softmax(logits[:, :c], dim=1)[:, first:])]
                if self.mode == "count":
                    parts.append((slice(c - first, c - first + 1), torch.sigmoid(logits[:, c : c + 1])))
                if self.box_unit:
                    distances = self._box_pixels(logits[:, c + 1 : c + 1 + BOX_CHANNELS], self.box_unit)
                    parts.append((slice(c - first + 1, c - first + 1 + BOX_CHANNELS), distances))
                for channels, values in parts:
                    if w is None:
                        probs[:, channels] = values
                    else:
                        torch.mul(values, w, out=probs[:, channels])
                if not self.on_cpu:  # from the device straight into the result array
                    torch.from_numpy(out[k : k + step]).copy_(probs)
        return out

    def _device_window(self, window: np.ndarray) -> Any:
        """``window`` as a tensor on the device, made once per window (not per batch)."""
        cached = self._window
        if cached is None or cached[0] is not window:
            torch = require("torch")
            cached = self._window = (window, torch.from_numpy(window).to(self.device))
        return cached[1]

    def _executor(self) -> Any:
        if self._threads is None:
            from concurrent.futures import ThreadPoolExecutor

            torch = require("torch")
            single = self.on_cpu  # CPU workers: one torch thread each
            self._threads = ThreadPoolExecutor(
                self.workers,
                thread_name_prefix="huntr-predict",
                initializer=(lambda: torch.set_num_threads(1)) if single else None,
            )
        return self._threads

    def submit(self, batch: np.ndarray | Sequence[np.ndarray], window: np.ndarray | None = None) -> Pending:
        """Start predicting ``batch`` (an array, or a list of tiles that must stay unchanged
        until the result is in); the result's ``result()`` gives its tiles' probabilities,
        multiplied by ``window`` when given."""
        if self.on_cpu and self.workers == 1:
            return Pending([self._probs(batch, window)], self._outputs)
        size = len(batch)
        step = self._chunk(size)
        threads = self._executor()
        parts = [threads.submit(self._probs, batch[k : k + step], window) for k in range(0, size, step)]
        return Pending(parts, self._outputs)

    def __call__(self, batch: np.ndarray | Sequence[np.ndarray]) -> np.ndarray:
        if self.on_cpu and self.workers == 1:
            return self._probs(batch)
        return np.stack(self.submit(batch).result())

    def close(self) -> None:
        """Stop the worker threads (waiting for running batches)."""
        if self._threads is not None:
            self._threads.shutdown(wait=True)
            self._threads = None
