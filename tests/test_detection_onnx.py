"""onnxruntime as detection's CPU backend, and the ONNX export for Deepness (detection/onnx_*.py).

The exported file is run in onnxruntime and compared with the torch network on random
tiles (max |diff| ≤ 1e-4); its metadata is read the way Deepness's ``ModelBase`` reads it,
and Deepness's preprocessing (``(value / 255 − mean) / std``) of raw pixels must give what
our reader gives the network.
"""

from __future__ import annotations

import json
import logging
import sys
import threading

import numpy as np
import pytest
import torch

from orca_huntr.detection import DetectOptions, onnx_backend
from orca_huntr.detection.infer import Predictor, build_model
from orca_huntr.detection.onnx_backend import OnnxNetwork, cpu_network, export_graph
from orca_huntr.detection.stitch import blend_window
from orca_huntr.errors import InputDataError, MissingDependencyError
from orca_huntr.training.network import build_network

ort = pytest.importorskip("onnxruntime")  # optional: installed by `make setup` (requirements.txt)
pytest.importorskip("onnx")

NETWORK = {"width": 4, "depth": 2}
TILE = 32


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    net = build_network(3, 2, "count", NETWORK)
    for module in net.modules():  # non-trivial batch-norm statistics, so folding them matters
        if isinstance(module, torch.nn.BatchNorm2d):
            module.running_mean.uniform_(-0.5, 0.5)
            module.running_var.uniform_(0.5, 2.0)
    weights = {k: v.numpy() for k, v in net.state_dict().items()}
    return build_model(weights, 3, 2, "count", NETWORK)


@pytest.fixture()
def batch():
    return np.random.default_rng(1).normal(size=(5, 3, TILE, TILE)).astype(np.float32)


def test_onnx_network_gives_the_torch_logits(model, batch):
    network = OnnxNetwork(export_graph(model, 3, TILE), TILE)
    with torch.inference_mode():
        expected = model(torch.from_numpy(batch).contiguous(memory_format=torch.channels_last))
    got = network(torch.from_numpy(batch))
    assert got.shape == expected.shape == (5, 4, TILE, TILE)
    assert float((got - expected).abs().max()) <= 1e-4


def test_each_thread_runs_its_own_session(model, batch):
    network = OnnxNetwork(export_graph(model, 3, TILE), TILE)
    seen = {}

    def work(name):
        network(torch.from_numpy(batch[:1]))
        seen[name] = network.session()

    threads = [threading.Thread(target=work, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen["a"] is not seen["b"] and network.session() not in (seen["a"], seen["b"])
    assert network.sessions == 3  # the caller's (opened at once) and one per worker thread


def test_predictor_gives_the_same_probabilities_on_either_backend(model, batch):
    onnx_net = cpu_network(model, 3, TILE, "onnxruntime")
    assert isinstance(onnx_net, OnnxNetwork)
    window = blend_window(TILE, 8)
    plain = Predictor(model, 2, "count", micro_batch=2, background=False)
    pooled = Predictor(onnx_net, 2, "count", workers=2, micro_batch=1, background=False)
    threads = torch.get_num_threads()
    try:
        views = [batch[k] for k in range(len(batch))]  # a list of tiles, as the engine gives them
        got = np.stack(pooled.submit(views, window).result())
    finally:
        pooled.close()
        torch.set_num_threads(threads)
    expected = np.stack(plain.submit(batch, window).result())
    assert got.shape == expected.shape == (5, 3, TILE, TILE)
    assert np.abs(got - expected).max() <= 1e-5


def test_the_wrong_tile_size_is_an_error_not_a_wrong_result(model):
    network = OnnxNetwork(export_graph(model, 3, TILE), TILE)
    with pytest.raises(InputDataError, match="32 px"):
        network(torch.zeros((1, 3, 64, 64)))


def test_backend_choice_and_fallback(model, monkeypatch, caplog):
    assert cpu_network(model, 3, TILE, "torch") is model
    assert isinstance(cpu_network(model, 3, TILE, "auto"), OnnxNetwork)
    with pytest.raises(InputDataError, match="backend"):
        cpu_network(model, 3, TILE, "tensorrt")
    with pytest.raises(ValueError, match="backend"):
        DetectOptions(backend="tensorrt")

    def broken(*args, **kwargs):
        raise RuntimeError("exporter exploded")

    monkeypatch.setattr(onnx_backend, "export_graph", broken)
    # the plugin's log forwarding (loaded by other tests) may stop propagation: listen here
    logger = logging.getLogger(onnx_backend.__name__)
    caplog.set_level(logging.DEBUG, logger=onnx_backend.__name__)
    logger.addHandler(caplog.handler)
    try:
        assert cpu_network(model, 3, TILE, "auto") is model  # auto: torch, with a log line
    finally:
        logger.removeHandler(caplog.handler)
    assert "exporter exploded" in caplog.text
    with pytest.raises(InputDataError, match="torch backend"):
        cpu_network(model, 3, TILE, "onnxruntime")

    monkeypatch.setattr(onnx_backend, "onnxruntime_available", lambda: False)
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # not installed
    assert cpu_network(model, 3, TILE, "auto") is model
    with pytest.raises(MissingDependencyError, match="onnxruntime"):
        cpu_network(model, 3, TILE, "onnxruntime")


# ------------------------------------------------------------------------ the graph kept per snapshot
def test_a_kept_graph_is_reused_and_a_damaged_one_replaced(model, batch, tmp_path, monkeypatch):
    from orca_huntr.snapshots.derived import DerivedFiles

    weights = {k: v.numpy() for k, v in model.state_dict().items()}
    key = onnx_backend.graph_key(weights, 3, TILE)
    assert key == onnx_backend.graph_key({k: v.copy() for k, v in weights.items()}, 3, TILE)
    assert key != onnx_backend.graph_key(weights, 3, 2 * TILE)  # another tile size: another graph
    assert key != onnx_backend.graph_key(weights, 3, TILE, "flip")
    changed = dict(weights, **{next(iter(weights)): next(iter(weights.values())) + 1})
    assert key != onnx_backend.graph_key(changed, 3, TILE)  # other weights: another graph
    derived = DerivedFiles(tmp_path)
    cache = onnx_backend.GraphCache(derived, "model-a", "snap-a", key)
    exports = []
    real_export = onnx_backend.export_graph

    def counting(*args, **kwargs):
        exports.append(args)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(onnx_backend, "export_graph", counting)
    first = cpu_network(model, 3, TILE, "onnxruntime", cache)
    kept = tmp_path / ".cache" / "model-a" / "snap-a" / f"{key}.onnx"
    assert len(exports) == 1 and not first.cached
    assert kept.read_bytes() == first.graph
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]  # no temporary file left
    second = cpu_network(model, 3, TILE, "onnxruntime", cache)
    assert len(exports) == 1 and second.cached  # read, not exported again
    x = torch.from_numpy(batch)
    assert torch.equal(first(x), second(x))

    kept.write_bytes(b"not an onnx graph")  # damaged on disk: exported again and replaced
    third = cpu_network(model, 3, TILE, "onnxruntime", cache)
    assert len(exports) == 2 and not third.cached and kept.read_bytes() == third.graph

    read_only = onnx_backend.GraphCache(DerivedFiles(tmp_path / "ro", read_only=True), "m-1", "s-1", key)
    assert not cpu_network(model, 3, TILE, "onnxruntime", read_only).cached
    assert not (tmp_path / "ro").exists()  # a read-only workspace keeps nothing
    with pytest.raises(ValueError):
        derived.path("model-a", "snap-a", "../../x", ".onnx")


def test_a_second_detection_reuses_the_snapshots_graph(snapshots):
    from orca_huntr.detection import detect

    ws, info, scene, snap = snapshots["count"]
    options = DetectOptions(backend="onnxruntime", threads=1)
    first = detect(ws, info.id, snap.id, scene.path, options=options)
    second = detect(ws, info.id, snap.id, scene.path, options=options)
    assert first.stats["backend"] == second.stats["backend"] == "onnxruntime"
    assert not first.stats["graph_cached"] and second.stats["graph_cached"]
    assert first.feature_count == second.feature_count
    kept = list((ws.root / ".cache" / info.id / snap.id).glob("*.onnx"))
    assert len(kept) == 1
    assert first.settings["flip_tta"] is True  # the snapshot's: validated with flip averaging
    plain = detect(
        ws, info.id, snap.id, scene.path, options=DetectOptions(backend="onnxruntime", flip_tta=False)
    )
    assert not plain.stats["graph_cached"]  # without flip averaging: another graph, kept beside it
    assert len(list(kept[0].parent.glob("*.onnx"))) == 2
    assert snap.id in [s.id for s in ws.list_snapshots(info.id)]  # the timeline does not see .cache
    ws.verify_snapshot(info.id, snap.id)


# ------------------------------------------------------------------------ export for Deepness
@pytest.fixture(scope="module")
def snapshots(tmp_path_factory):
    """A count-mode and a segmentation-mode model, each trained for a few steps."""
    import synthdata

    torch.set_num_threads(1)
    out = {}
    for mode in ("count", "segmentation"):
        tmp = tmp_path_factory.mktemp(f"export-{mode}")
        ws, info, scene = synthdata.make_scene_workspace(tmp, size=64, mode=mode, network=NETWORK)
        result = synthdata.train_quick(ws, info.id, steps=3)
        out[mode] = (ws, info, scene, result.snapshot)
    return out


def _metadata(session) -> dict:
    """The custom metadata as Deepness reads it: every value JSON-decoded."""
    return {k: json.loads(v) for k, v in session.get_modelmeta().custom_metadata_map.items()}


def _torch_probabilities(ws, info, snap, tiles):
    """The torch network's probabilities of normalised tiles, through detection's own predictor."""
    from orca_huntr.detection.engine import snapshot_spec

    spec = snapshot_spec(ws.load_snapshot(info.id, snap.id))
    model = build_model(spec.weights, len(spec.bands), spec.num_classes, spec.mode, spec.network)
    return Predictor(model, spec.num_classes, spec.mode)(tiles), spec


@pytest.mark.parametrize("mode", ["count", "segmentation"])
def test_the_exported_file_computes_what_torch_computes(snapshots, mode, tmp_path):
    from orca_huntr.detection.onnx_export import export_onnx

    ws, info, _scene, snap = snapshots[mode]
    result = export_onnx(ws, info.id, None, tmp_path / "trees")  # the suffix is added
    assert result.path == tmp_path / "trees.onnx" and result.path.is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left
    session = ort.InferenceSession(str(result.path), providers=["CPUExecutionProvider"])
    (inp,) = session.get_inputs()
    assert inp.shape[1:] == [3, TILE, TILE] and isinstance(inp.shape[0], str)  # dynamic batch
    tiles = np.random.default_rng(3).normal(size=(6, 3, TILE, TILE)).astype(np.float32)
    outputs = session.run(None, {inp.name: tiles})
    expected, spec = _torch_probabilities(ws, info, snap, tiles)
    if mode == "count":
        assert [o.name for o in session.get_outputs()] == ["probabilities", "boundary"]
        got = np.concatenate(outputs, axis=1)
    else:
        assert [o.name for o in session.get_outputs()] == ["probabilities"]
        got = outputs[0]
    assert got.shape == expected.shape
    assert np.abs(got - expected).max() <= 1e-4

    meta = _metadata(session)
    assert meta["model_type"] == "Segmentor"
    assert meta["tile_size"] == TILE and meta["tiles_overlap"] == 25
    assert meta["resolution"] == pytest.approx(100.0)  # 1 m pixels in EPSG:32612: cm per pixel
    assert meta["seg_thresh"] == pytest.approx(spec.detection.get("score_threshold", 0.5))
    names = meta["class_names"] if mode == "count" else [meta["class_names"]]
    # Deepness sorts each output's names by int(key) and wants them consecutive from 0
    assert [[v for _k, v in sorted(d.items(), key=lambda kv: int(kv[0]))] for d in names] == (
        [["background", "disc", "square"], ["object boundary"]]
        if mode == "count"
        else [["background", "disc", "square"]]
    )
    assert [sorted(int(k) for k in d) for d in names] == [list(range(len(d))) for d in names]
    assert meta["orca_huntr"]["snapshot_id"] == snap.id and meta["orca_huntr"]["mode"] == mode


def test_deepness_preprocessing_of_raw_pixels_gives_our_normalised_input(snapshots, tmp_path):
    """Deepness feeds ``(value / 255 − mean) / std``; the file's statistics make that our input."""
    import rasterio

    from orca_huntr.detection.engine import RasterReader
    from orca_huntr.detection.onnx_export import export_onnx

    ws, info, scene, snap = snapshots["count"]
    result = export_onnx(ws, info.id, snap.id, tmp_path / "m.onnx", raster_path=scene.path)
    assert result.normalization["source"] == f"raster {scene.path.name}"
    session = ort.InferenceSession(str(result.path), providers=["CPUExecutionProvider"])
    meta = _metadata(session)
    with rasterio.open(scene.path) as src:
        raw = src.read(window=((0, TILE), (0, TILE))).astype(np.float32)
    mean = np.asarray(meta["standardization_mean"], np.float32)[:, None, None]
    std = np.asarray(meta["standardization_std"], np.float32)[:, None, None]
    deepness = ((raw / 255.0 - mean) / std)[None]  # Deepness's normalize_values_to_01 + standardize
    recorded = meta["orca_huntr"]["normalization"]
    spec_mean, spec_std = recorded["mean"], recorded["std"]
    ours = RasterReader(str(scene.path), [1, 2, 3], spec_mean, spec_std).read(0, 0, TILE, TILE)[0][None]
    np.testing.assert_allclose(deepness, ours, atol=1e-4)
    # and those are the statistics detection computes for this raster
    from orca_huntr.detection.engine import snapshot_spec

    spec = snapshot_spec(ws.load_snapshot(info.id, snap.id))
    np.testing.assert_allclose(spec_mean, spec.scale_for(str(scene.path))[0], rtol=1e-6)
    np.testing.assert_allclose(
        session.run(None, {"input": deepness})[0], session.run(None, {"input": ours})[0], atol=1e-4
    )


def test_without_a_raster_the_training_scenes_median_is_written(snapshots, tmp_path):
    from orca_huntr.detection.engine import snapshot_spec
    from orca_huntr.detection.onnx_export import export_onnx

    ws, info, _scene, snap = snapshots["segmentation"]
    spec = snapshot_spec(ws.load_snapshot(info.id, snap.id))
    (recorded,) = spec.normalization["scenes"].values()  # one training scene
    result = export_onnx(ws, info.id, snap.id, tmp_path / "m.onnx")
    assert result.normalization["source"] == "median of 1 training scene(s)"
    assert result.metadata["standardization_mean"] == pytest.approx([m / 255 for m in recorded["mean"]])
    assert result.metadata["standardization_std"] == pytest.approx([s / 255 for s in recorded["std"]])
    assert any("one normalisation" in note for note in result.notes)


def test_a_bad_tile_size_writes_nothing(snapshots, tmp_path):
    from orca_huntr.detection.onnx_export import export_onnx

    ws, info, _scene, snap = snapshots["count"]
    with pytest.raises(InputDataError, match="multiple of 4"):
        export_onnx(ws, info.id, snap.id, tmp_path / "m.onnx", tile_size=30)
    assert list(tmp_path.iterdir()) == []
