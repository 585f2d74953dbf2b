"""``scripts/demo.py`` end to end on a small synthetic scene (the NEON download is replaced)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import synthdata
from processing_setup import huntr_provider  # noqa: F401 - the fixture
from qgis.core import QgsProject
from qgis.PyQt.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo(monkeypatch, tmp_path):
    """The demo module, with ``prepare_demo_scene`` writing a 128-pixel synthetic scene."""
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import demo as demo_module
    import demo_data

    def fake_scene(dest):
        dest = Path(dest)
        scene = synthdata.write_scene(dest / "scene.tif", 128, resolution=0.1, cell=16, seed=5)
        trees = synthdata.write_training_gpkg(dest / "trees.gpkg", scene.crs, [], scene.labels())
        return demo_data.DemoScene(scene.path, trees, "labels", scene.crs, 0.1, len(scene.objects))

    monkeypatch.setattr(demo_data, "prepare_demo_scene", fake_scene)
    return demo_module


@pytest.mark.slow
@pytest.mark.usefixtures("huntr_provider", "qgis_new_project")
def test_demo_writes_project_detections_map_and_summary(demo, qgis_iface, tmp_path, capsys):
    out = tmp_path / "demo_output"
    summary = demo.run_demo(out, seconds=(0, 0), steps=(8, 8), threads=1, tile_size=64, width=8, min_area=0.0)

    printed = capsys.readouterr().out
    assert "Training Snapshots Timeline" in printed and "validation F1" in printed
    assert json.loads((out / "summary.json").read_text()) == json.loads(json.dumps(summary, default=str))
    # the timeline: session 2 is the current state, session 1 saved and renamed
    assert [(s["kind"], s["steps"]) for s in summary["snapshots"]] == [("current", 16), ("saved", 8)]
    assert summary["snapshots"][1]["name"] == "after session 1"
    assert summary["snapshots"][0]["labels"] > 0
    assert summary["snapshots"][0]["training_areas"] == 2
    # one detection GeoPackage per snapshot, in the workspace beside the project
    files = {label: Path(d["file"]) for label, d in summary["detections"].items()}
    assert set(files) == {"after session 1", "current state"}
    for path in files.values():
        assert path.exists() and path.parent == out / "demo.huntr" / "detections"
    ids = {d["snapshot_id"] for d in summary["detections"].values()}
    assert ids == {s["id"] for s in summary["snapshots"]}
    # the project holds the scene, the model's training layers and both detection layers
    project = QgsProject.instance()
    project.clear()
    assert project.read(str(out / "demo.qgz"))
    names = sorted(layer.name() for layer in project.mapLayers().values())
    assert len(names) == 5 and sum(name.startswith("Trees · ") for name in names) == 2
    # opening the project shows the model and its timeline in the panel
    from qgis.PyQt.QtWidgets import QApplication

    from orca_huntr.ui.dock import HuntrDock

    dock = HuntrDock(qgis_iface, None, project)
    QApplication.processEvents()
    try:
        assert dock.current_model_id() == summary["model"]["id"]
        assert len(dock.timeline.entries()) == 2
    finally:
        dock.shutdown()
        dock.deleteLater()
    # the map rendered by QGIS: two panels, not blank
    image = QImage(str(out / "demo_map.png"))
    assert image.width() > 1000 and image.height() > 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50


@pytest.mark.slow
@pytest.mark.usefixtures("huntr_provider", "qgis_new_project")
def test_demo_runs_again_in_the_same_folder(demo, tmp_path):
    out = tmp_path / "demo_output"
    kwargs = {"seconds": (0, 0), "threads": 1, "tile_size": 32, "width": 8, "min_area": 0.0}
    demo.run_demo(out, steps=(2, 2), **kwargs)
    again = demo.run_demo(out, steps=(3, 1), **kwargs)
    assert [(s["kind"], s["steps"]) for s in again["snapshots"]] == [("current", 4), ("saved", 3)]
