"""Snapshot packages through Processing (``exportsnapshot``/``importsnapshot``) and the console api."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest
import synthdata
from processing_setup import (
    huntr_provider,  # noqa: F401 - the fixture
    run,
)
from qgis.core import QgsProcessingException

from orca_huntr.snapshots import Workspace
from orca_huntr.snapshots import package as pkg

pytestmark = pytest.mark.usefixtures("huntr_provider")


@pytest.fixture
def workspace(tmp_path):
    ws, info, _scene = synthdata.make_workspace(tmp_path / "src")
    for step in (10, 20):
        ws.create_snapshot(
            info.id,
            weights={"w": np.full((2, 2), step, dtype=np.float32)},
            metrics={"f1": step / 100},
            progress={"epochs": 1, "steps": step, "tiles_seen": 4 * step},
            config={"seed": 0, "detection": {"score_threshold": 0.55}},
        )
    return ws, info


def test_export_and_import_through_processing(workspace, tmp_path):
    ws, info = workspace
    first = ws.list_snapshots(info.id)[1]
    out = tmp_path / "first.huntrpkg"
    result = run(
        "exportsnapshot",
        {
            "WORKSPACE": str(ws.root),
            "MODEL": info.name,
            "SNAPSHOT": first.name,
            "INCLUDE_TRAINING_DATA": True,
            "OUTPUT": str(out),
        },
    )
    assert result["PACKAGE"] == str(out) and out.is_file()
    with zipfile.ZipFile(out) as zf:
        assert pkg.TRAINING_MEMBER in zf.namelist()

    dst = Workspace.open(tmp_path / "dst.huntr")
    made = run("importsnapshot", {"WORKSPACE": str(dst.root), "PACKAGE": str(out), "NAME": "borrowed"})
    model = dst.get_model(made["MODEL_ID"])
    assert model.name == made["MODEL_NAME"] == "borrowed"
    current = dst.current_snapshot(model.id)
    assert current.id == made["SNAPSHOT_ID"] and current.metrics == {"f1": 0.1}
    assert current.config["detection"] == {"score_threshold": 0.55}
    assert dst.training_counts(model.id) == first.counts

    # into the model just made (same classes): a new current state
    again = run("importsnapshot", {"WORKSPACE": str(dst.root), "PACKAGE": str(out), "MODEL": "borrowed"})
    assert again["MODEL_ID"] == model.id and len(dst.list_snapshots(model.id)) == 2


def test_a_damaged_package_is_a_processing_error(workspace, tmp_path):
    ws, info = workspace
    out = tmp_path / "p.huntrpkg"
    run("exportsnapshot", {"WORKSPACE": str(ws.root), "MODEL": info.id, "OUTPUT": str(out)})
    blob = bytearray(out.read_bytes())
    bad = tmp_path / "bad.huntrpkg"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(bad, "w") as zf:
        for name in src.namelist():
            data = src.read(name)
            if name == pkg.WEIGHTS_MEMBER:
                data = data[:-4] + b"\0\0\0\0"
            zf.writestr(name, data)
    assert blob  # the original is untouched
    dst = Workspace.open(tmp_path / "dst.huntr")
    with pytest.raises(QgsProcessingException, match="checksum"):
        run("importsnapshot", {"WORKSPACE": str(dst.root), "PACKAGE": str(bad)})
    assert dst.list_models() == []


def test_console_export_and_import(workspace, tmp_path):
    from orca_huntr import api

    ws, info = workspace
    exported = api.export_snapshot(info.name, tmp_path / "c.huntrpkg", ws=ws)
    assert exported.snapshot["id"] == ws.current_snapshot(info.id).id
    dst = Workspace.open(tmp_path / "dst.huntr")
    result = api.import_snapshot(exported.path, ws=dst)
    assert result.new_model and result.model.name == info.name
    np.testing.assert_array_equal(
        dst.load_snapshot(result.model.id, result.snapshot.id).weights["w"], np.full((2, 2), 20, np.float32)
    )
