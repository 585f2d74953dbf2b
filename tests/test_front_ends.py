"""The same job through the panel, Processing and the console gives the same models (issue #15).

Each front end creates a model for the same 4-band raster and then a model from a snapshot
without reusing the training data; the resulting models must agree on everything but
their names and ids: bands (every band but alpha, see ``adapters/inputs.py``), data type,
CRS, pixel size, classes, mode, network, tile size, and scenes (copied only with reuse).
"""

from __future__ import annotations

import json

import pytest
import store_helpers
import synthdata
from processing_setup import (
    huntr_provider,  # noqa: F401 - the fixture
    run,
)
from qgis.core import QgsProject, QgsRasterLayer
from ui_helpers import DialogAnswer, click_ok

pytestmark = pytest.mark.usefixtures("huntr_provider")

CLASSES = [("Tree", "#2ca02c"), ("Shrub", "#ff7f0e")]


def _mark_alpha(path, band: int) -> None:
    from osgeo import gdal

    ds = gdal.Open(str(path), gdal.GA_Update)
    ds.GetRasterBand(band).SetColorInterpretation(gdal.GCI_AlphaBand)
    ds = None


@pytest.fixture
def project(qgis_iface, qgis_new_project, tmp_path):
    """A saved project with a 4-band uint16 raster (RGB + near infrared) and an RGBA one."""
    nir = synthdata.write_scene(tmp_path / "rgbn.tif", 32, bands=4, dtype="uint16", resolution=0.5, seed=1)
    rgba = synthdata.write_scene(tmp_path / "rgba.tif", 32, bands=4, seed=2)
    _mark_alpha(rgba.path, 4)
    project = QgsProject.instance()
    layers = {
        "rgbn": QgsRasterLayer(str(nir.path), "rgbn"),
        "rgba": QgsRasterLayer(str(rgba.path), "rgba"),
    }
    for layer in layers.values():
        assert layer.isValid()
        project.addMapLayer(layer)
    assert project.write(str(tmp_path / "site.qgz"))
    return project, layers


@pytest.fixture
def dock(qgis_iface, qtbot, project):
    from orca_huntr.ui.dock import HuntrDock

    panel = HuntrDock(qgis_iface, None)
    qtbot.addWidget(panel)
    panel.show()
    yield panel
    panel.shutdown()


def _comparable(ws, model) -> dict:
    """Everything about a model that does not depend on which front end made it."""
    return {
        "classes": [(c.name, c.color) for c in model.classes],
        "mode": model.mode,
        "input_spec": model.input_spec.to_dict(),
        "network": model.network,
        "tile_size": model.tile_size,
        "scenes": [(s.source, s.name) for s in ws.list_scenes(model.id)],
    }


def _three_models(dock, layer, suffix: str, boxes: bool = True):
    """Create one model per front end for ``layer`` (``boxes`` False: without the box head);
    returns ``{front end: ModelInfo}``."""
    from orca_huntr import api
    from orca_huntr.ui.new_model_dialog import NewModelRequest

    ws = dock.workspace
    request = NewModelRequest(f"panel {suffix}", CLASSES, "count", [layer], boxes=boxes)
    panel = dock.model_panel.create_model(request)
    assert panel is not None
    out = run(
        "createmodel",
        {
            "NAME": f"processing {suffix}",
            "CLASSES": ", ".join(f"{n}:{c}" for n, c in CLASSES),
            "MODE": 0,
            "RASTER": layer,
            **({} if boxes else {"BOX_HEAD": False}),
        },
    )
    processing = ws.get_model(out["MODEL_ID"])
    api.use_project_workspace()
    network = None if boxes else {"boxes": False}
    console = api.create_model(
        f"console {suffix}", [f"{n}:{c}" for n, c in CLASSES], raster=layer.name(), network=network
    )
    return {"panel": panel, "processing": processing, "console": console}


def test_the_three_front_ends_create_the_same_model(dock, project):
    _project, layers = project
    ws = dock.workspace
    for name, bands in (("rgbn", [1, 2, 3, 4]), ("rgba", [1, 2, 3])):
        layer = layers[name]
        made = _three_models(dock, layer, name)
        seen = {front: _comparable(ws, model) for front, model in made.items()}
        assert seen["panel"] == seen["processing"] == seen["console"], seen
        spec = seen["panel"]["input_spec"]
        assert spec["bands"] == bands  # every band but alpha
        assert spec["dtype"] == ("uint16" if name == "rgbn" else "uint8")
        assert spec["crs"] == "EPSG:32612" and spec["resolution"] == (0.5 if name == "rgbn" else 1.0)
        assert seen["panel"]["scenes"] == [(str(layer.source()), name)]
    # the box head's switch: off in every front end alike, and recorded with the model
    made = _three_models(dock, layers["rgbn"], "no box head", boxes=False)
    seen = {front: _comparable(ws, model) for front, model in made.items()}
    assert seen["panel"] == seen["processing"] == seen["console"], seen
    assert seen["panel"]["network"]["boxes"] is False


def test_the_three_front_ends_branch_a_snapshot_the_same_way(dock, project):
    from orca_huntr import api
    from orca_huntr.ui.snapshot_model_dialog import SnapshotModelDialog

    _project, layers = project
    ws = dock.workspace
    source = _three_models(dock, layers["rgbn"], "source")["console"]
    snap = store_helpers.snap(ws, source.id, seed=1)
    assert ws.list_scenes(source.id)  # the source model has its scene

    def branched(reuse: bool) -> dict:
        tag = "reuse" if reuse else "fresh"
        dock.model_panel.refresh(select=source.id)

        def fill(dialog):
            dialog.name_edit.setText(f"panel {tag}")
            dialog.reuse_check.setChecked(reuse)
            click_ok(dialog)

        answer = DialogAnswer(SnapshotModelDialog, fill)
        dock.run_action("new_model", snap.id)
        answer.check()
        panel = ws.find_model(f"panel {tag}")
        out = run(
            "modelfromsnapshot",
            {
                "MODEL": source.id,
                "SNAPSHOT": snap.id,
                "NAME": f"processing {tag}",
                "REUSE_TRAINING_DATA": reuse,
            },
        )
        processing = ws.get_model(out["MODEL_ID"])
        console = api.model_from_snapshot(source.id, snap.id, f"console {tag}", reuse_training_data=reuse)
        return {
            front: _comparable(ws, model)
            for front, model in (("panel", panel), ("processing", processing), ("console", console))
        }

    fresh = branched(reuse=False)
    assert fresh["panel"] == fresh["processing"] == fresh["console"], fresh
    assert fresh["panel"]["scenes"] == []  # scenes are training data: copied only with it
    reused = branched(reuse=True)
    assert reused["panel"] == reused["processing"] == reused["console"], reused
    assert reused["panel"]["scenes"] == [(str(layers["rgbn"].source()), "rgbn")]


def test_an_unsaved_project_means_the_panels_workspace_in_every_front_end(qgis_new_project, tmp_path):
    from orca_huntr import api
    from orca_huntr.adapters.events import hub
    from orca_huntr.adapters.workspace import open_workspace
    from orca_huntr.errors import WorkspaceError

    assert not QgsProject.instance().fileName()
    ws, info, _scene = synthdata.make_workspace(tmp_path)
    store_helpers.snap(ws, info.id)
    events = hub()
    before = events.panel_workspace
    try:
        events.panel_workspace = None  # no panel: nothing to fall back on
        with pytest.raises(WorkspaceError, match="not been saved"):
            open_workspace(None, "")
        events.panel_workspace = ws  # what the panel's WorkspaceBinding publishes
        assert open_workspace(None, "") is ws
        assert open_workspace(tmp_path / "other.huntr", "").root == tmp_path / "other.huntr"
        assert run("listsnapshots", {"OUTPUT": "memory:"})["COUNT"] == 1  # no WORKSPACE given
        api.use_project_workspace()
        assert api.workspace() is ws and [m.id for m in api.models()] == [info.id]
    finally:
        events.panel_workspace = before


def test_every_front_end_means_the_same_snapshot(qgis_new_project, tmp_path):
    """One lookup rule (``Workspace.find_snapshot``): empty and ``current`` are the current state,
    a name matches in any case, an id is an id; a model with no snapshot is refused everywhere."""
    import io

    from qgis.core import QgsProcessingException

    from orca_huntr import api
    from orca_huntr.cli import exit_codes
    from orca_huntr.cli.main import main
    from orca_huntr.errors import InputDataError, NotFoundError

    ws, info, _scene = synthdata.make_workspace(tmp_path)
    first, current = store_helpers.snap(ws, info.id, name="Baseline"), store_helpers.snap(ws, info.id, seed=1)

    def cli(*args: str) -> tuple[int, str]:
        out = io.StringIO()
        return main([*args, "--json"], stdout=out, stderr=io.StringIO()), out.getvalue()

    def means(text: str, model: str = info.id) -> dict:
        """Which snapshot ``text`` names, as each front end sees it."""
        processing = run("savesnapshot", {"WORKSPACE": str(ws.root), "MODEL": model, "SNAPSHOT": text})
        console = api.snapshot(model, text or None, ws=ws)
        code, out = cli("export", "-w", str(ws.root), "-m", model, "-s", text, str(tmp_path / "out.huntrpkg"))
        assert code == exit_codes.OK
        return {
            "processing": processing["SNAPSHOT_ID"],
            "console": console.id,
            "cli": json.loads(out)["snapshot_id"],
        }

    for text, expected in (("", current), ("current", current), ("BASELINE", first), (first.id, first)):
        assert set(means(text).values()) == {expected.id}, text

    untrained = ws.create_model("untrained", classes=info.classes, input_spec=info.input_spec)
    with pytest.raises(QgsProcessingException, match="has no snapshot yet: train it first"):
        run("savesnapshot", {"WORKSPACE": str(ws.root), "MODEL": untrained.id})
    with pytest.raises(NotFoundError, match="has no snapshot yet: train it first"):
        api.snapshot(untrained.id, None, ws=ws)
    assert cli("export", "-w", str(ws.root), "-m", untrained.id, "out.huntrpkg")[0] == exit_codes.NOT_FOUND

    # new names for a branched model's classes: the same text gives the same names, a wrong count
    # the same refusal
    branch = {"WORKSPACE": str(ws.root), "MODEL": info.id, "SNAPSHOT": first.id, "NAME": "processing"}
    made = ws.get_model(run("modelfromsnapshot", {**branch, "CLASS_NAMES": "Adult; Calf"})["MODEL_ID"])
    console = api.model_from_snapshot(info.id, first.id, "console", "Adult, Calf", ws=ws)
    assert made.class_names == console.class_names == ["Adult", "Calf"]
    with pytest.raises(QgsProcessingException, match="give exactly 2 class names"):
        run("modelfromsnapshot", {**branch, "NAME": "wrong", "CLASS_NAMES": "Adult"})
    with pytest.raises(InputDataError, match="give exactly 2 class names"):
        api.model_from_snapshot(info.id, first.id, "wrong", ["Adult"], ws=ws)
