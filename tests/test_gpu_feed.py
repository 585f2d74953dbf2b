"""Feeding a GPU (issue #17 part 6): loader threads, pinned memory, bf16 autocast.

The CUDA branches are tested on the CPU where their logic allows it (the precision and
thread choices, the pinned-batch wrapper, the step under bfloat16 autocast, the GPU
predictor's batch and result handling with the device copy replaced); the tests at the end
run them for real when torch sees a GPU.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from orca_huntr.detection import infer
from orca_huntr.detection.infer import Predictor, build_model
from orca_huntr.detection.stitch import blend_window
from orca_huntr.training import loop
from orca_huntr.training.config import TrainConfig
from orca_huntr.training.device import autocast_dtype, loader_workers
from orca_huntr.training.loader import BackgroundLoader, pinned
from orca_huntr.training.loop import ModelSetup, TrainStep
from orca_huntr.training.network import build_network

NETWORK = {"width": 4, "depth": 2}
TILE = 32
CUDA = torch.cuda.is_available()


def _batch(seed: int = 0, n: int = 2) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "image": rng.normal(size=(n, 3, TILE, TILE)).astype(np.float32),
        "target": rng.integers(0, 3, size=(n, TILE, TILE)).astype(np.uint8),
        "boundary": rng.uniform(size=(n, TILE, TILE)).astype(np.float32),
        "weight": np.ones((n, TILE, TILE), np.float32),
    }


def _step(device: str = "cpu") -> TrainStep:
    torch.manual_seed(0)
    net = build_network(3, 2, "count", NETWORK).to(device)
    return TrainStep(
        net, ModelSetup(2, "count", [1, 2, 3], TILE, NETWORK), TrainConfig(), torch.device(device)
    )


def test_precision_is_bf16_on_a_gpu_that_has_it_fp16_on_older_ones_fp32_on_the_cpu(monkeypatch):
    assert autocast_dtype("cpu") is None
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: True)
    assert autocast_dtype("cuda") is torch.bfloat16 and autocast_dtype("cuda:1") is torch.bfloat16
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: False)
    assert autocast_dtype("cuda") is torch.float16


def test_loader_threads_one_on_the_cpu_every_core_but_one_on_a_gpu():
    assert loader_workers(None, "cpu", cores=16) == 1
    assert loader_workers(None, "cuda", cores=16) == 8  # at most 8
    assert loader_workers(None, "cuda", cores=4) == 3
    assert loader_workers(None, "cuda", cores=1) == 1
    assert loader_workers(0, "cuda", cores=16) == 0  # asked for: kept
    assert loader_workers(3, "cpu", cores=16) == 3


def test_pinned_batches_hold_the_same_values_and_are_pinned(monkeypatch):
    calls = []

    def fake_pin(self):  # no GPU here: record the call, copy like pin_memory does
        calls.append(tuple(self.shape))
        return self.clone()

    monkeypatch.setattr(torch.Tensor, "pin_memory", fake_pin)
    with BackgroundLoader(pinned(_batch), 0, workers=2, prefetch=2) as loader:
        got = [next(loader) for _ in range(3)]
    for index, batch in enumerate(got):
        expected = _batch(index)  # batch i is still make_batch(i), whatever the threads
        assert set(batch) == set(expected)
        for key, value in batch.items():
            assert isinstance(value, torch.Tensor) and np.array_equal(value.numpy(), expected[key])
    assert len(calls) >= 3 * 4


def test_a_step_takes_tensors_as_it_takes_arrays_and_stays_float32_on_the_cpu():
    a, b = _step(), _step()
    assert not a.amp and a.amp_dtype is None and not a.scaler.is_enabled()
    batch = _batch()
    from_numpy = a(batch, 0)
    from_tensors = b({k: torch.from_numpy(v) for k, v in batch.items()}, 0)
    assert from_numpy == from_tensors  # the CPU path is unchanged: bit for bit
    for pa, pb in zip(a.net.parameters(), b.net.parameters(), strict=True):
        assert torch.equal(pa, pb)


def test_a_step_under_bf16_autocast_learns_in_float32_weights(monkeypatch):
    """The GPU's bf16 branch, run on the CPU (torch has bf16 autocast there too)."""
    monkeypatch.setattr(loop, "autocast_dtype", lambda device: torch.bfloat16)
    step, reference = _step(), _step()
    assert step.amp and step.amp_dtype is torch.bfloat16
    assert not step.scaler.is_enabled()  # bf16 needs no loss scaling
    batch = _batch()
    losses = [step(batch, k) for k in range(6)]
    reference_loss = reference(batch, 0)
    assert all(np.isfinite(losses)) and losses[-1] < losses[0]  # it learns
    assert losses[0] == pytest.approx(reference_loss, rel=0.05)  # bf16's few bits, same loss
    assert all(p.dtype == torch.float32 for p in step.net.parameters())


def _model():
    torch.manual_seed(1)
    net = build_network(3, 2, "count", NETWORK)
    return build_model({k: v.numpy() for k, v in net.state_dict().items()}, 3, 2, "count", NETWORK)


def test_the_gpu_predictors_batch_handling_gives_the_cpu_probabilities(monkeypatch):
    """The GPU branch of Predictor (tile list → one device batch → probabilities copied into
    the result array, the window applied on the device), with the device copy kept on the CPU."""
    model = _model()
    tiles = np.random.default_rng(2).normal(size=(5, 3, TILE, TILE)).astype(np.float32)
    window = blend_window(TILE, 8)
    expected = np.stack(Predictor(model, 2, "count", background=False).submit(tiles, window).result())
    monkeypatch.setattr(infer, "to_device", lambda batch, device: torch.from_numpy(np.stack(list(batch))))
    gpu = Predictor(model, 2, "count", background=False, precision="float32")
    gpu.on_cpu = False  # the GPU branch, on the CPU device
    try:
        views = [tiles[k] for k in range(len(tiles))]
        got = np.stack(gpu.submit(views, window).result())
    finally:
        gpu.close()
    assert got.shape == expected.shape == (5, 3, TILE, TILE)
    assert np.abs(got - expected).max() <= 1e-6
    with pytest.raises(ValueError, match="precision"):
        Predictor(model, 2, "count", precision="int8")


@pytest.mark.skipif(not CUDA, reason="needs a CUDA GPU")
def test_on_a_gpu_a_pinned_bf16_step_learns_and_detection_probabilities_match_the_cpu():
    step = _step("cuda")
    assert step.amp_dtype is autocast_dtype("cuda")
    batch = {k: torch.from_numpy(v).pin_memory() for k, v in _batch().items()}
    losses = [step(batch, k) for k in range(6)]
    assert all(np.isfinite(losses)) and losses[-1] < losses[0]
    tiles = np.random.default_rng(2).normal(size=(5, 3, TILE, TILE)).astype(np.float32)
    weights = {k: v.numpy() for k, v in build_network(3, 2, "count", NETWORK).state_dict().items()}
    cpu = Predictor(build_model(weights, 3, 2, "count", NETWORK), 2, "count")(tiles)
    gpu = Predictor(build_model(weights, 3, 2, "count", NETWORK, "cuda"), 2, "count", "cuda")
    try:
        assert np.abs(gpu([tiles[k] for k in range(5)]) - cpu).max() <= 2e-2  # bf16: ~3 digits
    finally:
        gpu.close()
