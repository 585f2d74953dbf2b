"""``orcahuntr:comparesnapshots`` and ``api.compare``: the same comparison as the engine's."""

from __future__ import annotations

import pytest
import synthdata
from processing_setup import (
    huntr_provider,  # noqa: F401 - the fixture
    run,
)
from qgis.core import QgsProject, QgsVectorLayer
from store_helpers import add_area, add_label, new_workspace, snap

pytestmark = pytest.mark.usefixtures("huntr_provider", "one_torch_thread")


@pytest.fixture
def edited(tmp_path):
    """Two snapshots; between them one label was added and one training area added."""
    ws, model = new_workspace(tmp_path / "w.huntr")
    live = ws.training_data_path(model.id)
    add_area(live)
    add_label(live, 1)
    a = snap(ws, model.id, 0, metrics={"f1": 0.5, "iou": {"1": 0.3, "2": 0.2}})
    add_label(live, 2, x=4)
    add_area(live, purpose="validation")
    b = snap(ws, model.id, 1, metrics={"f1": 0.75, "iou": {"1": 0.4, "2": 0.1}})
    return ws, model, a, b


def _rows(layer):
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "t", "ogr")
    names = layer.fields().names()

    def plain(value):  # QGIS's NULL as None
        return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value

    rows = [{k: plain(v) for k, v in zip(names, f.attributes(), strict=True)} for f in layer.getFeatures()]
    return rows, layer


def test_metrics_and_changes_through_processing(edited):
    ws, model, a, _b = edited
    result = run(
        "comparesnapshots",
        {
            "WORKSPACE": str(ws.root),
            "MODEL": model.name,
            "SNAPSHOT": a.name,
            "OTHER": "",  # the current state
            "METRICS": "TEMPORARY_OUTPUT",
            "CHANGES": "TEMPORARY_OUTPUT",
        },
    )
    metrics, _ = _rows(result["METRICS"])
    by_key = {(r["metric"], r["class_id"]): r for r in metrics}
    assert by_key[("f1", None)]["first"] == 0.5 and by_key[("f1", None)]["second"] == 0.75
    assert by_key[("f1", None)]["difference"] == pytest.approx(0.25)
    assert by_key[("iou", 2)]["class_name"] == "class1"
    assert by_key[("iou", 2)]["difference"] == pytest.approx(-0.1)
    changes, layer = _rows(result["CHANGES"])
    assert sorted((r["change"], r["layer"], r["class_id"], r["purpose"]) for r in changes) == [
        ("added", "labels", 2, None),
        ("added", "training_areas", None, "validation"),
    ]
    assert layer.crs().authid() == "EPSG:32612"
    assert all(not f.geometry().isEmpty() for f in layer.getFeatures())
    assert (result["ADDED"], result["REMOVED"], result["REUSED"]) == (2, 0, 0)
    assert result["DETECTIONS_A"] is None


def test_console_compare_adds_the_changes_layer_in_a_group(edited, qgis_new_project):
    from orca_huntr import api

    ws, model, a, b = edited
    found = api.compare(model.name, a.id, b.id, ws=ws)
    assert found.summary()["labels"] == {"added": 1, "removed": 0}
    group = QgsProject.instance().layerTreeRoot().findGroup(f"Compare {a.name} ↔ {b.name}")
    assert group is not None
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) == 1 and layers[0].providerType() == "memory"
    assert sorted(f["change"] for f in layers[0].getFeatures()) == ["added", "added"]


def test_detections_of_both_snapshots_in_one_group_then_reused(tmp_path, qgis_new_project):
    ws, model, scene = synthdata.make_workspace(tmp_path, classes=1, size=64)
    first = synthdata.train_quick(ws, model.id, steps=1).snapshot
    second = synthdata.train_quick(ws, model.id, steps=1).snapshot
    params = {
        "WORKSPACE": str(ws.root),
        "MODEL": model.id,
        "SNAPSHOT": first.id,
        "OTHER": second.id,
        "RASTER": str(scene),
        "METRICS": "TEMPORARY_OUTPUT",
        "CHANGES": "TEMPORARY_OUTPUT",
    }
    made = run("comparesnapshots", params)
    assert made["REUSED"] == 0 and made["DETECTIONS_A"] != made["DETECTIONS_B"]
    again = run("comparesnapshots", params)
    assert again["REUSED"] == 2
    assert (again["DETECTIONS_A"], again["DETECTIONS_B"]) == (made["DETECTIONS_A"], made["DETECTIONS_B"])
    layer = QgsVectorLayer(again["DETECTIONS_B"], "b", "ogr")
    assert layer.isValid() and {f["snapshot_id"] for f in layer.getFeatures()} <= {second.id}
    # run as the toolbox does: both layers arrive marked as their snapshot's detections, outlined
    # in the comparison's colours, in the comparison's group
    import processing
    from orca_huntr.adapters import comparison_layers, detection_layer

    loaded = processing.runAndLoadResults("orcahuntr:comparesnapshots", params)
    assert loaded["REUSED"] == 2
    title = comparison_layers.group_title(first.name, second.name)
    group = QgsProject.instance().layerTreeRoot().findGroup(title)
    assert group is not None
    layers = [node.layer() for node in group.findLayers()]
    shown = {layer.customProperty(detection_layer.SNAPSHOT_KEY): layer for layer in layers}
    assert set(shown) == {first.id, second.id}
    for index, (snapshot, key) in enumerate(((first, "DETECTIONS_A"), (second, "DETECTIONS_B"))):
        layer = shown[snapshot.id]
        assert layer.customProperty(detection_layer.MODEL_KEY) == model.id
        assert layer.customProperty(detection_layer.RESULT_KEY) == loaded[key]
        outline = layer.renderer().symbol().symbolLayer(0).strokeColor().name()
        assert outline == comparison_layers.SNAPSHOT_COLOURS[index]
