"""Run by ``test_processing_createmodel.py`` in a child pytest: Processing ``createmodel``
with invalid training areas. A crash here (segfault) must not take the main test run down.

Not collected by the main run (its name does not start with ``test_``).
"""

from __future__ import annotations

import gc

import pytest
import synthdata
from processing_setup import huntr_provider, run  # noqa: F401 - the fixture
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from shapely.geometry import Polygon

from orca_huntr.snapshots import Workspace

pytestmark = pytest.mark.usefixtures("huntr_provider")


class Feedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, text: str) -> None:
        self.warnings.append(text)


def _scene_and_areas(tmp_path):
    scene = synthdata.write_scene(tmp_path / "scene.tif", 32)
    x0, y0, x1, y1 = scene.bounds.bounds
    bowtie = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1), (x0, y0)])
    flat = Polygon([(x0, y0), (x1, y0), (x1, y0), (x0, y0)])
    label = Polygon([(x0 + 1, y0 + 1), (x0 + 3, y0 + 1), (x0 + 3, y0 + 3), (x0 + 1, y0 + 3)])
    src = synthdata.write_training_gpkg(tmp_path / "drawn.gpkg", scene.crs, [bowtie, flat], [(label, 7)])
    params = {
        "WORKSPACE": str(tmp_path / "ws.huntr"), "NAME": "Things", "CLASSES": "disc", "MODE": 0,
        "RASTER": str(scene.path), "TRAINING_AREAS": f"{src}|layername=training_areas",
        "TILE_SIZE": 64, "WIDTH": 8, "DEPTH": 2,
    }  # fmt: skip
    return params, src


def _state(root):
    gc.collect()  # frees whatever an exception kept: the crash came here, after the context was gone
    ws = Workspace.open(root)
    return [
        (m.name, ws.training_counts(m.id)["training_areas"], len(ws.list_scenes(m.id)))
        for m in ws.list_models()
    ]


def test_invalid_areas_are_repaired_with_a_warning(tmp_path):
    import processing

    params, _src = _scene_and_areas(tmp_path)
    feedback = Feedback()
    result = processing.run("orcahuntr:createmodel", params, feedback=feedback)
    assert result["MODEL_NAME"] == "Things"
    assert any("invalid polygon" in w and "repaired" in w for w in feedback.warnings), feedback.warnings
    assert any("has no area" in w and "left out" in w for w in feedback.warnings), feedback.warnings
    assert _state(params["WORKSPACE"]) == [("Things", 1, 1)]  # the bowtie, repaired; the flat one dropped
    assert _state(params["WORKSPACE"]) == [("Things", 1, 1)]


def test_bad_labels_leave_nothing_and_the_retry_works(tmp_path):
    params, src = _scene_and_areas(tmp_path)
    bad = {**params, "LABELS": f"{src}|layername=labels", "CLASS_FIELD": "class_id"}
    with pytest.raises(QgsProcessingException, match="class “7”"):
        run("createmodel", bad)
    assert _state(params["WORKSPACE"]) == []  # all or nothing: no half-created model
    with pytest.raises(QgsProcessingException, match="class “7”"):
        run("createmodel", bad)  # not "already exists"
    assert run("createmodel", params)["MODEL_NAME"] == "Things"
    assert _state(params["WORKSPACE"]) == [("Things", 1, 1)]
