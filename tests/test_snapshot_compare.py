"""Comparing two snapshots (issue #16, part 1): metrics side by side, the training-data
difference, and both snapshots' detections on one raster (reused when already made)."""

from __future__ import annotations

import pytest
import synthdata
from osgeo import ogr
from store_helpers import add_area, add_label, new_workspace, snap

from orca_huntr.detection import DetectOptions, detect
from orca_huntr.detection.reuse import detections_for, find_detection
from orca_huntr.errors import InputDataError
from orca_huntr.snapshots.compare import compare_snapshots, metric_rows

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def _delete_first_label(path) -> bytes:
    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayerByName("labels")
    feature = next(iter(layer))
    wkb = bytes(feature.GetGeometryRef().ExportToIsoWkb())
    layer.DeleteFeature(feature.GetFID())
    ds = None
    return wkb


def test_metric_rows_overall_and_per_class():
    a = {
        "f1": 0.5,
        "precision": 0.6,
        "val_loss": 0.3,
        "iou": {"1": 0.4, "2": 0.2},
        "objects": {"1": {"f1": 0.5, "precision": 0.5, "recall": 0.5}},
        "warnings": ["x"],
    }
    b = {"f1": 0.7, "precision": 0.6, "recall": 0.8, "iou": {"1": 0.5, "2": 0.1},
         "objects": {"1": {"f1": 0.9, "precision": 1.0, "recall": 0.8}}}  # fmt: skip
    rows = {(r.metric, r.class_id): r for r in metric_rows(a, b, ["tree", "shrub"])}
    assert rows[("f1", None)].diff == pytest.approx(0.2)
    assert rows[("precision", None)].diff == 0.0
    assert rows[("recall", None)].a is None and rows[("recall", None)].diff is None
    assert rows[("val_loss", None)].b is None
    assert rows[("iou", 1)].class_name == "tree" and rows[("iou", 1)].diff == pytest.approx(0.1)
    assert rows[("iou", 2)].diff == pytest.approx(-0.1)
    assert rows[("f1", 1)].diff == pytest.approx(0.4)
    assert ("f1", 2) not in rows and ("warnings", None) not in rows
    assert [r.metric for r in metric_rows(a, b, ["tree", "shrub"])][:3] == ["f1", "precision", "recall"]


def test_training_data_difference(tmp_path):
    ws, model = new_workspace(tmp_path / "w.huntr")
    live = ws.training_data_path(model.id)
    add_area(live)
    add_label(live, 1, x=0)
    add_label(live, 2, x=5)
    a = snap(ws, model.id, 0, metrics={"f1": 0.4})
    removed = _delete_first_label(live)
    add_label(live, 2, x=9)
    add_label(live, 2, x=9)  # twice the same: both count
    add_area(live, purpose="validation")
    b = snap(ws, model.id, 1, metrics={"f1": 0.6})
    found = compare_snapshots(ws, model.id, a.id, b.id)
    assert found.summary() == {
        "training_areas": {"added": 1, "removed": 0},
        "labels": {"added": 2, "removed": 1},
    }
    gone = [c for c in found.changes if c.change == "removed"]
    assert len(gone) == 1 and gone[0].wkb == removed and gone[0].class_id == 1
    area = next(c for c in found.changes if c.layer == "training_areas")
    assert area.change == "added" and area.purpose == "validation"
    assert found.crs == "EPSG:32612"
    assert found.counts == {"a": {"training_areas": 1, "labels": 2}, "b": {"training_areas": 2, "labels": 3}}
    assert [(r.metric, r.a, r.b) for r in found.metrics if r.class_id is None] == [("f1", 0.4, 0.6)]
    back = compare_snapshots(ws, model.id, b.id, a.id)  # the other way round: added <-> removed
    assert back.summary()["labels"] == {"added": 1, "removed": 2}
    with pytest.raises(InputDataError):
        compare_snapshots(ws, model.id, a.id, a.id)


def test_detections_of_both_are_reused_once_made(tmp_path):
    ws, model, scene = synthdata.make_workspace(tmp_path, classes=1, size=64)
    first = synthdata.train_quick(ws, model.id, steps=2).snapshot
    second = synthdata.train_quick(ws, model.id, steps=2).snapshot
    ids = [first.id, second.id]
    made = detections_for(ws, model.id, ids, str(scene))
    assert [d.reused for d in made] == [False, False]
    assert [d.result.snapshot_id for d in made] == ids
    again = detections_for(ws, model.id, ids, str(scene))
    assert [d.reused for d in again] == [True, True]
    assert [d.result.path for d in again] == [d.result.path for d in made]
    assert [d.result.feature_count for d in again] == [d.result.feature_count for d in made]
    assert again[0].result.layer_name == made[0].result.layer_name
    # a run over the whole raster serves an area inside it; a run over an area serves only it
    from osgeo import gdal

    info = gdal.Info(str(scene), format="json")
    x0, y0 = info["geoTransform"][0], info["geoTransform"][3]
    corners = [
        (x0 + 10, y0 - 10),
        (x0 + 30, y0 - 10),
        (x0 + 30, y0 - 30),
        (x0 + 10, y0 - 30),
        (x0 + 10, y0 - 10),
    ]
    box = "POLYGON((" + ",".join(f"{x} {y}" for x, y in corners) + "))"
    assert find_detection(ws, model.id, first.id, str(scene), box).path == made[0].result.path
    # user settings are not the snapshot's own: such a run is never reused
    other_ws, other_model, other_scene = synthdata.make_workspace(tmp_path / "b", classes=1, size=64)
    trained = synthdata.train_quick(other_ws, other_model.id, steps=2).snapshot
    detect(other_ws, other_model.id, trained.id, str(other_scene), options=DetectOptions(score_threshold=0.3))
    assert find_detection(other_ws, other_model.id, trained.id, str(other_scene)) is None
    part = detect(other_ws, other_model.id, trained.id, str(other_scene), aoi=box)
    assert (
        find_detection(other_ws, other_model.id, trained.id, str(other_scene)) is None
    )  # not the whole raster
    assert find_detection(other_ws, other_model.id, trained.id, str(other_scene), box).path == part.path
