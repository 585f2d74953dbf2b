"""The predictor: micro-batches, worker threads and pre-weighted probabilities (detection/infer.py)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from orca_huntr.detection.infer import Predictor, build_model, micro_batch_for
from orca_huntr.detection.stitch import blend_window
from orca_huntr.training.network import build_network

NETWORK = {"width": 4, "depth": 2}


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    net = build_network(3, 2, "count", NETWORK)
    weights = {k: v.numpy() for k, v in net.state_dict().items()}
    return build_model(weights, 3, 2, "count", NETWORK)


@pytest.fixture()
def batch():
    return np.random.default_rng(1).normal(size=(5, 3, 32, 32)).astype(np.float32)


def test_micro_batch_keeps_one_activation_within_the_cache():
    assert micro_batch_for(16, 256) == 1  # 4 MiB a tile already
    assert micro_batch_for(16, 128) == 4
    assert micro_batch_for(4, 64) == 64
    assert micro_batch_for(64, 512, cache_bytes=1) == 1


def test_probabilities_follow_the_output_contract(model, batch):
    probs = Predictor(model, 2, "count")(batch)
    assert probs.shape == (5, 4, 32, 32) and probs.dtype == np.float32
    np.testing.assert_allclose(probs[:, :3].sum(axis=1), 1.0, rtol=1e-5)  # softmax over background + classes
    assert ((probs[:, 3] > 0) & (probs[:, 3] < 1)).all()  # sigmoid boundary


def test_micro_batches_and_worker_threads_give_the_same_probabilities(model, batch):
    threads = torch.get_num_threads()
    plain = Predictor(model, 2, "count", micro_batch=2)(batch)
    pooled = Predictor(model, 2, "count", workers=2, micro_batch=2)
    try:
        # workers run one torch thread each, the plain predictor all of them: on some CPUs the
        # convolutions then sum in another order and a value moves by an ulp or two (seen: 37 of
        # 20,480 values by 6e-8), so equal means equal to float32 rounding, not bit for bit
        np.testing.assert_allclose(pooled(batch), plain, rtol=0, atol=1e-6)
    finally:
        pooled.close()
        torch.set_num_threads(threads)


def test_submit_weights_the_probabilities_by_the_window(model, batch):
    predictor = Predictor(model, 2, "count", micro_batch=1)
    window = blend_window(32, 8)
    weighted = predictor.submit(batch, window).result()
    assert len(weighted) == 5
    np.testing.assert_array_equal(np.stack(weighted), predictor(batch) * window)


def test_forward_gives_the_raw_logits_of_the_whole_batch(model, batch):
    predictor = Predictor(model, 2, "count", micro_batch=2)
    with torch.inference_mode():
        x = predictor.to_input(batch)
        logits = predictor.forward(x)
        whole = model(x)
    assert logits.shape == (5, 4, 32, 32)
    torch.testing.assert_close(logits, whole, rtol=1e-5, atol=1e-5)


def test_without_background_the_class_and_boundary_channels_are_the_same(model, batch):
    full = Predictor(model, 2, "count", micro_batch=2)
    lean = Predictor(model, 2, "count", micro_batch=2, background=False)
    window = blend_window(32, 8)
    assert lean.channels == 3
    np.testing.assert_array_equal(lean(batch), full(batch)[:, 1:])
    np.testing.assert_array_equal(np.stack(lean.submit(batch, window).result()), full(batch)[:, 1:] * window)


def test_tiles_given_as_views_into_a_block_give_the_same_probabilities(model):
    """The engine hands the predictor views into the block (no stacked copy)."""
    block = np.random.default_rng(2).normal(size=(3, 80, 100)).astype(np.float32)
    origins = [(0, 0), (0, 40), (48, 68), (20, 10)]
    views = [block[:, r : r + 32, c : c + 32] for r, c in origins]
    predictor = Predictor(model, 2, "count", workers=2, micro_batch=1, background=False)
    window = blend_window(32, 8)
    threads = torch.get_num_threads()
    try:
        from_views = np.stack(predictor.submit(views, window).result())
        stacked = np.stack(predictor.submit(np.stack(views), window).result())
    finally:
        predictor.close()
        torch.set_num_threads(threads)
    np.testing.assert_array_equal(from_views, stacked)


def test_released_results_are_reused_for_the_next_batches(model, batch):
    predictor = Predictor(model, 2, "count", workers=2, micro_batch=1, background=False)
    window = blend_window(32, 8)
    threads = torch.get_num_threads()
    try:
        first = predictor.submit(batch, window)
        expected = np.stack(first.result()).copy()
        first.release()
        second = predictor.submit(batch, window)
        np.testing.assert_array_equal(np.stack(second.result()), expected)
        assert predictor._outputs.reused == len(batch)  # every tile's array came back
    finally:
        predictor.close()
        torch.set_num_threads(threads)
