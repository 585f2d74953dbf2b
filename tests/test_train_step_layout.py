"""Training's memory layout: channels-last on an x86 CPU, the same numbers as before.

``training.device.prefers_channels_last`` lays the network out NHWC on an x86 CPU (a faster
training step, README *Speed of a training step*). These tests pin what must not change
with it: the losses and weights a step gives (float32 either way, only summed in another
order), and the snapshot's weights (plain C-ordered arrays, loadable into a network in the
default layout, the same outputs).
"""

from __future__ import annotations

import platform

import numpy as np
import pytest
import torch

from orca_huntr.training import TrainConfig
from orca_huntr.training import device as device_mod
from orca_huntr.training.loop import ModelSetup, TrainStep
from orca_huntr.training.network import build_network
from orca_huntr.training.state import load_weights, weights_to_numpy

TILE = 64
NETWORK = {"width": 8, "depth": 2, "scale": 2, "boxes": True}


def _batch(seed: int, n: int = 4) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    target = rng.integers(0, 2, size=(n, TILE, TILE)).astype(np.uint8)
    box = rng.uniform(1, 20, size=(n, 4, TILE, TILE)).astype(np.float32) * (target[:, None] > 0)
    return {
        "image": rng.normal(size=(n, 3, TILE, TILE)).astype(np.float32),
        "target": target,
        "boundary": rng.uniform(size=(n, TILE, TILE)).astype(np.float32),
        "weight": np.ones((n, TILE, TILE), np.float32),
        "box": box,
    }


def _trainer(channels_last: bool | None) -> TrainStep:
    torch.manual_seed(0)
    net = build_network(3, 1, "count", NETWORK)
    setup = ModelSetup(1, "count", [1, 2, 3], TILE, NETWORK)
    return TrainStep(
        net, setup, TrainConfig(warmup_steps=1), torch.device("cpu"), channels_last=channels_last
    )


def test_channels_last_on_an_x86_cpu_only(monkeypatch):
    monkeypatch.setattr(platform, "machine", lambda: "x86_64")
    assert device_mod.prefers_channels_last("cpu") and device_mod.prefers_channels_last(torch.device("cpu"))
    assert not device_mod.prefers_channels_last("cuda") and not device_mod.prefers_channels_last("cuda:1")
    monkeypatch.setattr(platform, "machine", lambda: "arm64")  # not measured there: the default layout
    assert not device_mod.prefers_channels_last("cpu")


def test_the_train_step_lays_the_network_out_channels_last(monkeypatch):
    step = _trainer(True)
    conv = step.net.down[0][0].weight
    assert conv.is_contiguous(memory_format=torch.channels_last) and not conv.is_contiguous()
    assert _trainer(False).net.down[0][0].weight.is_contiguous()
    # not told: the device's preference
    monkeypatch.setattr("orca_huntr.training.loop.prefers_channels_last", lambda device: True)
    assert _trainer(None).channels_last
    monkeypatch.setattr("orca_huntr.training.loop.prefers_channels_last", lambda device: False)
    default = _trainer(None)
    assert not default.channels_last and default.net.down[0][0].weight.is_contiguous()


def test_channels_last_steps_give_the_same_losses_and_weights():
    nhwc, nchw = _trainer(True), _trainer(False)
    steps = 4
    for i in range(steps):
        batch = _batch(i)
        a, b = nhwc(batch, i, i / steps), nchw(batch, i, i / steps)
        # float32 summed in another order: equal to a few ulps, not bit for bit
        assert a == pytest.approx(b, rel=1e-4, abs=1e-6)
        if i == 0:  # the first step's gradients (from the same weights) agree tensor by tensor
            for (name, pa), (_, pb) in zip(
                nhwc.net.named_parameters(), nchw.net.named_parameters(), strict=True
            ):
                ga, gb = pa.grad.detach().contiguous().numpy(), pb.grad.detach().contiguous().numpy()
                np.testing.assert_allclose(
                    ga, gb, rtol=1e-3, atol=1e-4 * float(np.abs(gb).max()), err_msg=name
                )
    wa, wb = weights_to_numpy(nhwc.net), weights_to_numpy(nchw.net)
    assert wa.keys() == wb.keys()
    # AdamW moves a weight by about lr a step whatever its gradient's size, so where a gradient is
    # ~0 the two summation orders may move it either way: the weights agree within steps × lr
    bound = steps * TrainConfig().lr
    for name in wa:
        np.testing.assert_allclose(wa[name], wb[name], rtol=0, atol=bound, err_msg=name)


def test_a_channels_last_snapshot_holds_plain_arrays_that_load_anywhere():
    step = _trainer(True)
    step(_batch(0), 0, 0.0)
    weights = weights_to_numpy(step.net)
    conv = weights["down.0.0.weight"]
    assert conv.flags["C_CONTIGUOUS"]  # safetensors writes C order
    np.testing.assert_array_equal(conv, step.net.down[0][0].weight.detach().contiguous().numpy())
    fresh = build_network(3, 1, "count", NETWORK)  # the default layout (detection, ONNX, Deepness)
    assert load_weights(fresh, weights) == []
    x = torch.from_numpy(_batch(1)["image"])
    step.net.eval()
    fresh.eval()
    with torch.no_grad():
        np.testing.assert_allclose(
            fresh(x, boxes=True).numpy(), step.net(x, boxes=True).numpy(), rtol=1e-4, atol=1e-5
        )
