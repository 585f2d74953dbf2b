"""Detection reads the box head (issue #12): each object's box is the mean of the boxes its core
pixels predict, the same whichever blocks cut it, mirrored back under flip TTA, scored by
validation as detection writes it, and written as rectangles where the labels are boxes."""

from __future__ import annotations

import numpy as np
import pytest
import synthdata

from orca_huntr.detection import DetectOptions, detect
from orca_huntr.detection.engine import run_pipeline
from orca_huntr.detection.vectorize import Detection, Vectoriser, head_boxes, kept_objects, label_block
from orca_huntr.training.tiles import edge_map

RAW = ([0.0] * 8, [1.0] * 8)
# two boxes side by side and one overlapping the second: (col0, row0, col1, row1), pixels
BOXES = [(4, 4, 20, 18), (20, 6, 38, 24), (30, 20, 46, 40)]


def _instances(boxes, size):
    out = np.zeros((size, size), np.int32)
    for k, (c0, r0, c1, r1) in enumerate(boxes, start=1):
        out[r0:r1, c0:c1] = k  # a later box covers the one before where they overlap
    return out


def _distances(instances, boxes):
    """The box head's ideal output: each pixel's distances (pixels) to its own object's box."""
    size = instances.shape[0]
    rows, cols = np.mgrid[0:size, 0:size].astype(np.float64) + 0.5
    table = np.array([(0, 0, 0, 0), *boxes], np.float64)[instances]  # (h, w, 4)
    out = np.stack([cols - table[..., 0], rows - table[..., 1], table[..., 2] - cols, table[..., 3] - rows])
    return np.where(instances > 0, out, 0.0).astype(np.float32)


def _sums(boxes, size):
    instances = _instances(boxes, size)
    cls = np.where(instances > 0, 0.95, 0.02).astype(np.float32)
    return instances, np.concatenate([np.stack([cls, edge_map(instances)]), _distances(instances, boxes)])


def test_head_boxes_are_the_mean_over_the_cores_and_at_least_3_px_wide():
    sums = np.array([[0.0, 0.0, 0.0, 0.0], [10.0, 20.0, 30.0, 40.0], [8.0, 8.0, 8.2, 16.0]])
    pixels = np.array([0, 2, 2])
    fallback = np.array([[1.0, 2.0, 3.0, 4.0]] * 3)
    out = head_boxes(sums, pixels, fallback)
    assert out[0].tolist() == [1.0, 2.0, 3.0, 4.0]  # no core pixel: the fallback (the outline's box)
    assert out[1].tolist() == [5.0, 10.0, 15.0, 20.0]
    assert out[2] == pytest.approx([2.55, 4.0, 5.55, 8.0])  # 0.1 px wide: widened to 3 px about its centre


def test_each_objects_box_is_read_from_its_cores_distances():
    """Ideal distances: the boxes come back exactly, the overlapped one whole; without the box
    channels the same objects are boxed by their pixels (what the outline gives)."""
    from orca_huntr.training.metrics import instance_boxes

    size = 48
    _, sums = _sums(BOXES, size)
    weight = np.ones((size, size), np.float32)
    valid = np.ones((size, size), bool)
    valid[:, 40:] = False  # the raster (or the area of interest) ends at column 40: the third box is cut
    block = label_block(sums, weight, valid, 1, "count", 0.5, 0.5, 1 << 16, 0, True)
    labels, _ = kept_objects(block, 1)
    ids = np.unique(labels[labels > 0])
    assert len(ids) == len(BOXES)
    found = sorted(map(tuple, block.boxes(ids, labels).round(6).tolist()))
    assert found == sorted(tuple(float(v) for v in b) for b in BOXES)
    plain = label_block(sums[:2], weight, valid, 1, "count", 0.5, 0.5, 1 << 16, 0, True)
    assert plain.box_sums is None
    outlines = plain.boxes(ids, labels)
    assert np.array_equal(outlines, instance_boxes(labels))  # the pixels' boxes: the third one cut
    assert outlines[:, 2].max() == 40
    # and a blended block (sums = probabilities × weight) gives the same boxes
    scaled = label_block(sums * 0.25, weight * 0.25, valid, 1, "count", 0.5, 0.5, 1 << 16, 0, True)
    assert np.allclose(scaled.boxes(ids, labels), block.boxes(ids, labels))


@pytest.mark.parametrize("cut", [(16, 24), (11, 33), (30, 9)])
def test_an_objects_box_is_the_same_whichever_blocks_cut_it(cut):
    """The cores' box sums add up across block borders (the vectoriser's pieces)."""
    size = 48
    _, sums = _sums(BOXES, size)

    def boxes(row_cut, col_cut):
        vec = Vectoriser(1, "count", 0.5, 0.5, grow_steps=1 << 16, thin_cores=True)
        rows = [(a, b) for a, b in ((0, row_cut), (row_cut, size)) if b > a]
        cols = [(a, b) for a, b in ((0, col_cut), (col_cut, size)) if b > a]
        for i, (r0, r1) in enumerate(rows):
            for j, (c0, c1) in enumerate(cols):
                part = np.ascontiguousarray(sums[:, r0:r1, c0:c1])
                vec.add_block(
                    i, j, part, np.ones(part.shape[1:], np.float32), np.ones(part.shape[1:], bool), r0, c0,
                    more_right=j < len(cols) - 1, more_below=i < len(rows) - 1,
                )  # fmt: skip
        return sorted(tuple(round(v, 6) for v in d.box) for d in vec.finish())

    whole = boxes(size, size)
    assert whole == sorted(tuple(float(v) for v in b) for b in BOXES)
    assert boxes(*cut) == whole


def test_the_whole_pipeline_writes_each_objects_box_from_the_head(tmp_path):
    """A raster whose bands 5-8 hold the ideal box distances; an oracle reads them as a box head
    would give them (Predictor's layout: probabilities, boundary, then distances in pixels)."""
    size = 48
    _, sums = _sums(BOXES, size)
    data = np.concatenate([np.repeat(sums[:1], 3, 0), sums[1:]])

    class Oracle:
        background = True
        box_unit = 1.0

        def __call__(self, batch):
            cls = batch[:, 0]
            return np.concatenate([(1 - cls)[:, None], batch[:, :1], batch[:, 3:8]], axis=1).astype(
                np.float32
            )

    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path / "boxes.tif"
    profile = {
        "driver": "GTiff", "width": size, "height": size, "count": 8, "dtype": "float32",
        "crs": "EPSG:32612", "transform": from_origin(0, size, 1, 1),
    }  # fmt: skip
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data.astype(np.float32))
    expected = sorted(tuple(float(v) for v in b) for b in BOXES)
    for block in (4096, 20):  # one block, and block borders cutting every object
        options = DetectOptions(block_size=block, min_pixels=1, simplify=0, overlap=0.25)
        out = run_pipeline(str(path), list(range(1, 9)), *RAW, Oracle(), 1, "count", 16, options,
                           (0, 0, size, size), boundary_target="distance")  # fmt: skip
        assert sorted(tuple(round(v, 5) for v in d.box) for d in out.detections) == expected, block


def test_flip_tta_swaps_the_box_sides_of_mirrored_tiles():
    """A network whose box channels are exactly mirror-equivariant (left = how far the tile
    reaches to the left, …): flip averaging gives back its own output, as it must; averaging
    the mirrored tiles without swapping their sides would not."""
    import torch

    from orca_huntr.detection.infer import flip_averaged

    class Reach(torch.nn.Module):
        box_channels = 4

        def forward(self, x):
            m = x[:, :1]
            left = torch.cumsum(m, 3)
            right = torch.flip(torch.cumsum(torch.flip(m, (3,)), 3), (3,))
            top = torch.cumsum(m, 2)
            bottom = torch.flip(torch.cumsum(torch.flip(m, (2,)), 2), (2,))
            return torch.cat([m, left, top, right, bottom], 1)

    class Unswapped(Reach):  # the same network read as having no box channels
        box_channels = 0

    x = torch.rand(2, 1, 8, 8)
    model = Reach()
    assert torch.allclose(flip_averaged(model)(x), model(x), atol=1e-5)
    assert not torch.allclose(flip_averaged(Unswapped())(x), model(x), atol=1e-3)


def test_validation_scores_the_heads_boxes_against_whole_label_boxes():
    """A box label cut by the validation area's edge: the head predicts its whole box, which the
    validation compares with the whole label box (a match); a head off by half a box is scored
    as such (a miss), so the boxes scored are the head's."""
    from orca_huntr.training.validate import _blocks, _Region, _score

    size = 48
    box = (8, 8, 38, 38)
    instances = _instances([box], size)
    counted = np.zeros((size, size), bool)
    counted[:, :28] = True  # the validation area cuts the label at column 28
    truth = np.array([(0, 0, 0, 0), box], np.float64)
    results = {}
    for shift in (0, 15):
        _, sums = _sums([box], size)
        sums[2] -= shift  # left distances shorter, right ones longer: the box moved right
        sums[4] += shift
        region = _Region(sums, counted, instances.astype(np.uint8), instances, True, truth)
        blocks = _blocks([region], 1, "count", 0.5, 0.5, "distance")
        assert blocks[0].box_sums is not None
        results[shift] = _score([region], blocks, 1, 9)
    assert (results[0]["tp"], results[0]["fp"], results[0]["fn"]) == (1, 0, 0)
    assert results[0]["matched_iou"] == pytest.approx(1.0)
    assert (results[15]["tp"], results[15]["fp"], results[15]["fn"]) == (0, 1, 1)


def test_rectangles_are_placed_with_the_rasters_transform():
    from shapely.geometry import box

    from orca_huntr.detection.features import FeatureMaker

    options = DetectOptions(geometry="box").resolved({})
    make = FeatureMaker("s", {1: "tree"}, (0.5, 0.0, 100.0, 0.0, -0.5, 200.0), options)
    outline = box(2, 3, 6, 9)  # pixel coordinates
    headed = make(Detection(1, 24, 0.9, outline, box=(2.0, 3.0, 10.0, 7.0)))
    assert headed["geometry"].GetEnvelope() == (101.0, 105.0, 196.5, 198.5)
    assert headed["geometry"].GetArea() == pytest.approx(4.0 * 2.0)
    plain = make(Detection(1, 24, 0.9, outline))  # no head: the outline's bounding box
    assert plain["geometry"].GetEnvelope() == (101.0, 103.0, 195.5, 198.5)
    with pytest.raises(ValueError, match="geometry"):
        DetectOptions(geometry="circle")


def _is_rectangle(geometry) -> bool:
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    return geometry.GetArea() == pytest.approx((maxx - minx) * (maxy - miny))


@pytest.mark.parametrize("head", [True, False])
def test_box_labels_make_detection_write_boxes_unless_told_otherwise(tmp_path, head):
    """The snapshot records ``geometry: "box"`` where its labels are boxes; detection then writes
    rectangles (the head's where the model has one, else the outlines' boxes); ``"outline"``
    asked for writes the pixels' outlines."""
    from osgeo import ogr

    from orca_huntr.detection.onnx_backend import onnxruntime_available

    network = None if head else {"width": 8, "depth": 2, "boxes": False}
    ws, info, scene = synthdata.make_box_label_workspace(tmp_path, network)
    snap = synthdata.train_quick(ws, info.id, steps=3, validation_fraction=0.3).snapshot
    assert snap.config["detection"]["geometry"] == "box"
    for asked, geometry, box_head in ((None, "box", head), ("outline", "outline", False)):
        result = detect(
            ws, info.id, snap.id, scene, options={"device": "cpu", "geometry": asked, "min_pixels": 1}
        )
        assert result.settings["geometry"] == geometry and result.settings["box_head"] is box_head
        assert result.settings["from"]["geometry"] == ("snapshot" if asked is None else "user")
        source = ogr.Open(str(result.path))
        shapes = [f.GetGeometryRef().Clone() for f in source.GetLayer(result.layer_name)]
        assert shapes, "the test scene should give detections"
        rectangles = [_is_rectangle(g) for g in shapes]
        assert all(rectangles) if geometry == "box" else not all(rectangles)
    if head:  # torch and onnxruntime (the default where installed) write the same boxes
        boxes = {}
        for backend in ("torch", "auto"):
            options = {"device": "cpu", "min_pixels": 1, "backend": backend, "flip_tta": True}
            result = detect(ws, info.id, snap.id, scene, options=options)
            if backend == "torch" or onnxruntime_available():
                assert result.stats["backend"] == ("torch" if backend == "torch" else "onnxruntime")
            source = ogr.Open(str(result.path))
            boxes[backend] = sorted(
                f.GetGeometryRef().GetEnvelope() for f in source.GetLayer(result.layer_name)
            )
        assert len(boxes["torch"]) == len(boxes["auto"])
        assert np.allclose(boxes["torch"], boxes["auto"], atol=1e-3)


def test_outline_labels_and_segmentation_models_keep_outlines(tmp_path):
    ws, info, _ = synthdata.make_workspace(tmp_path / "discs", classes=1, size=64)
    snap = synthdata.train_quick(ws, info.id, steps=2, validation_fraction=0.3).snapshot
    assert snap.config["detection"]["geometry"] == "outline"
    ws, info, _ = synthdata.make_box_label_workspace(tmp_path / "areas", mode="segmentation")
    snap = synthdata.train_quick(ws, info.id, steps=2, validation_fraction=0.3).snapshot
    assert snap.config["detection"]["geometry"] == "outline"  # areas stay areas, boxes or not


def test_every_front_end_asks_for_the_same_geometry(qgis_iface, qtbot, tmp_path):
    """Processing's GEOMETRY, the detect dialog's *Objects as* and the CLI's --geometry give the
    same ``DetectOptions.geometry`` (None: the snapshot's choice)."""
    from qgis.core import QgsProcessingContext

    from orca_huntr.cli.main import build_parser, detect_options
    from orca_huntr.processing.detect import DetectAlgorithm
    from orca_huntr.ui.detect_dialog import DetectDialog

    algorithm = DetectAlgorithm()
    algorithm.initAlgorithm()
    context = QgsProcessingContext()
    ws, info, _ = synthdata.make_workspace(tmp_path, classes=1)
    dialog = DetectDialog(ws.get_model(info.id), [], None)
    qtbot.addWidget(dialog)
    for index, wanted in enumerate((None, "outline", "box")):
        assert algorithm.options({DetectAlgorithm.GEOMETRY: index}, context).geometry == wanted
        dialog.geometry_combo.setCurrentIndex(dialog.geometry_combo.findData(wanted))
        assert DetectOptions.from_dict(dialog.options()).geometry == wanted
        argv = ["detect", "-m", "Trees", "scene.tif"] + ([] if wanted is None else ["--geometry", wanted])
        assert DetectOptions.from_dict(detect_options(build_parser().parse_args(argv))).geometry == wanted


def test_boxes_are_written_only_where_every_labelled_scene_has_box_labels():
    """One rule (``validate.label_geometry``) for what the snapshot records and what its
    validation scores: a scene with outline labels among box-labelled ones means outlines."""
    from types import SimpleNamespace as Scene

    from orca_huntr.training.validate import label_geometry

    boxed, outlined, empty = (
        Scene(labels=[1], box_labels=True),
        Scene(labels=[1], box_labels=False),
        Scene(labels=[], box_labels=False),
    )
    assert label_geometry(Scene(scenes=[boxed, empty, boxed])) == "box"
    assert label_geometry(Scene(scenes=[boxed, outlined])) == "outline"
    assert label_geometry(Scene(scenes=[empty])) == "outline"
