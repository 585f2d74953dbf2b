"""The detection engine's core, tested exactly with a pointwise "oracle" in place of a network.

Blending must reproduce any pointwise prediction exactly (no seams, last row and
column included) whatever the tile, overlap and block sizes; objects must come out
once whatever the blocks; nodata and the AOI must produce no detections.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest
from detection_oracle import oracle, write_oracle_scene
from grow_reference import grow_every_pixel
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from orca_huntr.detection.engine import run_pipeline
from orca_huntr.detection.options import DetectOptions
from orca_huntr.detection.stitch import Stitcher, blend_window
from orca_huntr.detection.tiling import TileGrid, axis_origins

RAW = ([0.0] * 4, [1.0] * 4)  # normalisation that hands the oracle raw pixel values


def _stitch_everything(
    values: np.ndarray, tile: int, overlap: int, block: int, spill_memory: int = 64 << 20
) -> tuple[np.ndarray, list]:
    """Run a pointwise 'prediction' (``values`` itself) through the tile grid and stitcher
    (``spill_memory`` 0: every spill down the rows goes to disk)."""
    k, h, w = values.shape
    grid = TileGrid(h, w, tile, overlap, block)
    stitcher = Stitcher(grid, k, spill_memory=spill_memory)
    out = np.full(values.shape, np.nan, np.float32)
    padded = np.pad(values, ((0, 0), (0, max(0, tile - h)), (0, max(0, tile - w))))
    seen = []
    try:
        for i, j, rb, cb in grid.blocks():
            buf = stitcher.begin(i, j, rb, cb)
            for r, c in grid.tiles_in(rb, cb):
                seen.append((r, c))
                buf.add(r, c, padded[:, r : r + tile, c : c + tile].copy(), stitcher.window)
            probs, _weight = stitcher.finish(buf)
            assert np.isnan(out[:, rb.start : rb.end, cb.start : cb.end]).all(), "rects overlap"
            out[:, rb.start : rb.end, cb.start : cb.end] = probs
    finally:
        stitcher.close()
    return out, seen


@settings(max_examples=60, deadline=None)
@given(
    h=st.integers(1, 230),
    w=st.integers(1, 230),
    tile=st.sampled_from([8, 16, 32, 48]),
    overlap_frac=st.floats(0.0, 0.49),
    block=st.integers(1, 120),
    seed=st.integers(0, 1000),
)
def test_blending_reproduces_a_pointwise_prediction_exactly(h, w, tile, overlap_frac, block, seed):
    overlap = DetectOptions(overlap=overlap_frac).overlap_pixels(tile)
    values = np.random.default_rng(seed).random((2, h, w), dtype=np.float32)
    out, seen = _stitch_everything(values, tile, overlap, block, spill_memory=0 if seed % 2 else 64 << 20)
    assert not np.isnan(out).any(), "a pixel was never finalised"
    np.testing.assert_allclose(out, values, rtol=1e-5, atol=1e-6)  # no seam, last row/column exact
    grid = TileGrid(h, w, tile, overlap, block)
    assert len(seen) == len(set(seen)) == grid.tile_count  # every tile predicted exactly once


@settings(max_examples=40, deadline=None)
@given(
    h=st.integers(1, 160),
    w=st.integers(1, 160),
    tile=st.sampled_from([8, 16, 32]),
    overlap_frac=st.floats(0.0, 0.49),
    block=st.integers(1, 90),
    seed=st.integers(0, 1000),
)
def test_unzeroed_buffers_with_skipped_tiles_equal_zeroed_accumulation(h, w, tile, overlap_frac, block, seed):
    """Buffers are not zeroed: fresh parts are assigned, skipped tiles' fresh parts set to zero.
    The result must equal plain accumulation into zeros of the tiles that were run."""
    overlap = DetectOptions(overlap=overlap_frac).overlap_pixels(tile)
    rng = np.random.default_rng(seed)
    grid = TileGrid(h, w, tile, overlap, block)
    stitcher = Stitcher(grid, 2)
    window = stitcher.window
    try:
        for i, j, rb, cb in grid.blocks():
            tiles = grid.tiles_in(rb, cb)
            skipped = [rc for rc in tiles if rng.random() < 0.3]
            buf = stitcher.begin(i, j, rb, cb, skipped)
            buf.sums[...] = np.nan  # what an unzeroed buffer may hold
            for r, c in skipped:  # begin marked them before the NaNs: mark again
                buf.skip(r, c)
            expected = np.zeros_like(buf.sums)
            for r, c in tiles:
                if (r, c) in skipped:
                    continue
                probs = rng.random((2, tile, tile), dtype=np.float32)
                expected[:, r - rb.start : r - rb.start + tile, c - cb.start : c - cb.start + tile] += (
                    probs * window
                )
                buf.add(r, c, probs, window)
            np.testing.assert_allclose(buf.sums, expected, rtol=1e-6, atol=1e-6)
            stitcher.finish_sums(buf)
    finally:
        stitcher.close()


def test_tiles_out_of_raster_order_are_refused():
    grid = TileGrid(64, 64, 32, 8, 4096)
    stitcher = Stitcher(grid, 1)
    ((i, j, rb, cb),) = grid.blocks()
    buf = stitcher.begin(i, j, rb, cb)
    probs = np.ones((1, 32, 32), np.float32)
    buf.add(0, 24, probs.copy(), stitcher.window)
    with pytest.raises(ValueError, match="raster order"):
        buf.add(0, 0, probs.copy(), stitcher.window)
    with pytest.raises(ValueError, match="before tiles are added"):
        buf.skip(24, 0)


def test_last_tile_ends_on_the_edge_and_window_never_zero():
    assert axis_origins(100, 32, 24) == [0, 24, 48, 68]
    assert axis_origins(96, 32, 32) == [0, 32, 64]
    assert axis_origins(20, 32, 24) == [0]
    window = blend_window(32, 8)
    assert window.min() > 0 and window.max() == 1.0 and window[16, 16] == 1.0


def test_block_buffers_do_not_grow_with_the_raster():
    def largest(size):
        grid = TileGrid(size, size, 256, 64, 2048)
        return max((rb.buffer_end - rb.start) * (cb.buffer_end - cb.start) for _, _, rb, cb in grid.blocks())

    assert largest(5_000) == largest(20_000) == largest(100_000)
    assert largest(20_000) <= (2048 + 256) ** 2


@pytest.fixture(scope="module")
def oracle_scene(tmp_path_factory):
    return write_oracle_scene(tmp_path_factory.mktemp("oracle") / "scene.tif", 160, seed=1, touching=True)


def _run(scene, block=4096, tile=32, overlap=0.25, window=None, aoi_px=None, mode="count"):
    options = DetectOptions(block_size=block, overlap=overlap, min_pixels=1, simplify=0)
    window = window or (0, 0, scene.height, scene.width)
    bands = [1, 2, 3, 4] if mode == "count" else [1, 2, 3]
    k = len(bands)
    return run_pipeline(
        str(scene.path),
        bands,
        RAW[0][:k],
        RAW[1][:k],
        lambda x: oracle(x, mode),
        2,
        mode,
        tile,
        options,
        window,
        aoi_px,
    )


def _pixel_objects(scene):
    """The truth in pixel coordinates (x = column, y = row)."""
    from shapely.affinity import affine_transform

    inv = ~scene.transform
    return [
        (o.class_id, affine_transform(o.geometry, [inv.a, inv.b, inv.d, inv.e, inv.c, inv.f]))
        for o in scene.objects
    ]


def _match(detections, truth):
    """Each true object's detections (same class, centroid inside the object)."""
    return [
        [d for d in detections if d.class_id == cls and geom.contains(d.geometry.centroid)]
        for cls, geom in truth
    ]


def test_count_mode_finds_every_object_once_even_touching_ones(oracle_scene):
    out = _run(oracle_scene)
    truth = _pixel_objects(oracle_scene)
    matches = _match(out.detections, truth)
    assert len(out.detections) == len(truth)
    assert all(len(m) == 1 for m in matches)
    for (_cls, geom), (det,) in zip(truth, matches, strict=True):
        iou = det.geometry.intersection(geom).area / det.geometry.union(geom).area
        assert iou > 0.75, "the object's rim was not grown back"


def test_objects_across_tile_and_block_borders_come_out_once(oracle_scene):
    tile, block = 24, 40  # block borders at 36, 72, 108, 136: through the objects' cells
    one_block = _run(oracle_scene, tile=tile, block=4096)
    blocks = _run(oracle_scene, tile=tile, block=block)
    assert blocks.stats["blocks"] == 25 and one_block.stats["blocks"] == 1
    grid = TileGrid(160, 160, tile, DetectOptions().overlap_pixels(tile), block)
    borders = sorted({cb.start for cb in grid.col_blocks()} - {0})
    tile_borders = sorted(set(grid.cols) - {0})
    truth = _pixel_objects(oracle_scene)

    def crosses(g, lines):
        x0, y0, x1, y1 = g.bounds
        return any(x0 < v < x1 for v in lines) or any(y0 < v < y1 for v in lines)

    across_blocks = [(c, g) for c, g in truth if crosses(g, borders)]
    across_tiles = [(c, g) for c, g in truth if crosses(g, tile_borders)]
    assert len(across_blocks) >= 20 and len(across_tiles) >= 40
    assert all(len(m) == 1 for m in _match(blocks.detections, across_blocks + across_tiles))
    assert len(blocks.detections) == len(truth)

    # same objects, same pixels covered; only the line where two touching objects meet may be
    # shared out differently when a block border runs along it
    from shapely.ops import unary_union

    union_a = unary_union([d.geometry for d in blocks.detections])
    union_b = unary_union([d.geometry for d in one_block.detections])
    assert union_a.symmetric_difference(union_b).area == 0
    for (det_a,), (det_b,) in zip(
        _match(blocks.detections, truth), _match(one_block.detections, truth), strict=True
    ):
        assert abs(det_a.pixels - det_b.pixels) <= 4
        assert det_a.geometry.centroid.distance(det_b.geometry.centroid) < 0.5
    same = sum(
        a.pixels == b.pixels
        for (a,), (b,) in zip(
            _match(blocks.detections, truth), _match(one_block.detections, truth), strict=True
        )
    )
    assert same >= len(truth) - 6


def test_segmentation_mode_areas_do_not_depend_on_blocks(oracle_scene):
    one = _run(oracle_scene, block=4096, mode="segmentation")
    many = _run(oracle_scene, block=40, mode="segmentation")
    assert len(one.detections) == len(many.detections) > 0
    for cls in (1, 2):
        a = [d.geometry for d in one.detections if d.class_id == cls]
        b = [d.geometry for d in many.detections if d.class_id == cls]
        from shapely.ops import unary_union

        assert unary_union(a).symmetric_difference(unary_union(b)).area == 0
    truth_pixels = int((oracle_scene.class_map > 0).sum())
    assert abs(sum(d.pixels for d in one.detections) - truth_pixels) <= 0.02 * truth_pixels


def test_nodata_pixels_produce_no_detection(tmp_path):
    scene = write_oracle_scene(tmp_path / "nd.tif", 128, seed=2, nodata=0, nodata_columns=40)
    out = _run(scene, block=64)
    assert out.detections, "the valid part must still be searched"
    assert max(d.geometry.bounds[2] for d in out.detections) <= 128 - 40
    # the oracle reads black as class 1: without the mask the nodata strip would be one big object
    assert max(d.pixels for d in out.detections) < 200


def test_aoi_restricts_detections(oracle_scene):
    aoi = box(30, 40, 110, 100)  # pixel coordinates
    out = _run(oracle_scene, block=48, aoi_px=aoi)
    assert out.detections
    assert all(aoi.buffer(1e-9).contains(d.geometry) for d in out.detections)
    inside = [(c, g) for c, g in _pixel_objects(oracle_scene) if aoi.contains(g)]
    assert all(len(m) == 1 for m in _match(out.detections, inside))
    far = Point(150, 150)
    assert not any(d.geometry.distance(far) < 30 for d in out.detections)


def test_a_window_smaller_than_a_tile_is_padded(oracle_scene):
    out = _run(oracle_scene, tile=64, window=(100, 100, 40, 50))
    assert out.stats["tiles_total"] == 1
    for d in out.detections:
        x0, y0, x1, y1 = d.geometry.bounds
        assert x0 >= 100 and x1 <= 150 and y0 >= 100 and y1 <= 140


def test_importing_the_package_loads_no_heavy_module():
    import subprocess

    code = (
        "import sys, orca_huntr.detection as d\n"
        "from orca_huntr.detection import DetectOptions, DetectProgress\n"
        "DetectOptions(); d.__all__\n"
        "bad = [m for m in ('torch', 'rasterio', 'geopandas', 'shapely', 'osgeo') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_features_stream_out_while_blocks_are_processed(oracle_scene):
    progress, emitted = [], []
    options = DetectOptions(block_size=40, min_pixels=1, simplify=0)
    kept = _run(oracle_scene, tile=24, block=40)
    run_pipeline(
        str(oracle_scene.path),
        [1, 2, 3, 4],
        RAW[0],
        RAW[1],
        oracle,
        2,
        "count",
        24,
        options,
        (0, 0, 160, 160),
        progress=progress.append,
        sink=lambda det: emitted.append((len(progress), det)),
    )
    # the first objects are written long before the last block is done
    assert emitted[0][0] < len(progress) // 4
    key = lambda d: (d.class_id, d.pixels, d.geometry.wkt)  # noqa: E731
    assert sorted(key(d) for _, d in emitted) == sorted(key(d) for d in kept.detections)


def test_classify_reads_block_views_like_contiguous_arrays():
    """classify gathers from the block's view into its wider buffer without copying it."""
    from orca_huntr.detection.vectorize import classify

    rng = np.random.default_rng(3)
    buffer = rng.random((3, 70, 90), dtype=np.float32)  # two classes and the boundary
    weight = rng.uniform(0.5, 2.0, (64, 80)).astype(np.float32)
    buffer[:2, :64, :80] *= weight
    valid = rng.random((64, 80)) > 0.1
    view = buffer[:, :64, :80]
    got = classify(view, weight, valid, 2, 0.4)
    want = classify(np.ascontiguousarray(view), weight, valid, 2, 0.4)
    assert got[0].size > 100
    for a, b in zip(got, want, strict=True):
        np.testing.assert_array_equal(a, b)
    probs = view[:2] / weight
    best = probs.argmax(axis=0)
    expected = np.flatnonzero((probs.max(axis=0) >= 0.4) & valid)
    np.testing.assert_array_equal(got[0], expected)
    np.testing.assert_array_equal(got[1], best.ravel()[expected] + 1)


def test_the_block_pipeline_runs_named_stages_whose_state_is_visible(oracle_scene):
    """issue #15.4: read → predict → blend → vectorise → write, as methods of one object."""
    from orca_huntr.detection.pipeline import BlockPipeline, PipelineJob

    options = DetectOptions(block_size=40, min_pixels=1, simplify=0)
    path = str(oracle_scene.path)
    job = PipelineJob(path, [1, 2, 3, 4], RAW[0], RAW[1], oracle, 2, "count", 24, options, (0, 0, 160, 160))
    written = []
    pipeline = BlockPipeline(job, sink=written.append, background=False)
    i, j, rb, cb = next(iter(pipeline.grid.blocks()))
    block = pipeline.read(i, j, rb, cb)  # stage 1 alone: the first block's data and its tiles
    assert sorted(block.keep + block.skipped) == sorted(pipeline.grid.tiles_in(rb, cb))
    assert block.data.shape == (4, rb.buffer_end - rb.start, cb.buffer_end - cb.start)
    pipeline.pool.give_back(block.data)
    out = pipeline.run()
    assert pipeline.counts.blocks == len(list(pipeline.grid.blocks())) >= 16
    assert pipeline.counts.done == pipeline.grid.tile_count == out.stats["tiles_total"]
    assert not pipeline.queue and pipeline.in_flight == 0  # every batch blended, every block finished
    assert set(pipeline.timing) == {"read", "infer", "blend", "vectorise", "sink"}
    key = lambda d: (d.class_id, d.pixels, d.geometry.wkt)  # noqa: E731
    expected = _run(oracle_scene, tile=24, block=40).detections
    assert sorted(key(d) for d in written) == sorted(key(d) for d in expected)  # written through `write`


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    shape=st.tuples(st.integers(1, 40), st.integers(1, 40)),
    steps=st.sampled_from([1, 2, 3, 1 << 16]),
    shuffled=st.booleans(),
)
def test_frontier_growth_equals_looking_at_every_pixel(seed, shape, steps, shuffled):
    """``_grow`` looks only at the pixels beside the last ring; it must label exactly as
    looking at every pixel left in every ring does (two classes, cores of several labels,
    rims in any order, growth limited or not)."""
    from orca_huntr.detection.vectorize import _grow

    rng = np.random.default_rng(seed)
    h, w = shape
    pixel_class = rng.integers(0, 3, size=h * w)  # 0: nothing, 1 or 2: the class
    core = (rng.random(h * w) < 0.08) & (pixel_class > 0)
    labels = np.zeros(h * w, np.int32)
    n = int(core.sum())
    labels[core] = rng.permutation(n) + 1
    label_class = np.concatenate([[0], pixel_class[core]]).astype(np.int16)
    rim = np.flatnonzero((pixel_class > 0) & ~core)
    if shuffled:
        rim = rng.permutation(rim)
    rim_class = pixel_class[rim].astype(np.int16)
    mine, reference = labels.reshape(h, w).copy(), labels.reshape(h, w).copy()
    left = _grow(mine, rim, rim_class, label_class, steps)
    expected = grow_every_pixel(reference, rim, rim_class, label_class, steps)
    np.testing.assert_array_equal(left, expected)
    np.testing.assert_array_equal(mine, reference)
