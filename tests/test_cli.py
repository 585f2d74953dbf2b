"""``python -m orca_huntr``: the headless engine on a workspace folder, without QGIS.

The commands call the engine the Processing algorithms call; errors keep the engine's
message and get the documented exit status; progress goes to stderr (a bar on a
terminal), results to stdout; and a fresh interpreter in which ``import qgis`` fails runs
every command without trying to import it.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import synthdata

from orca_huntr.cli import exit_codes
from orca_huntr.cli.main import main
from orca_huntr.cli.progress import ProgressReport
from orca_huntr.errors import (
    CancelledError,
    HuntrError,
    IncompatibleRasterError,
    InputDataError,
    ModelBusyError,
    NotFoundError,
    WorkspaceError,
)
from orca_huntr.snapshots.existing import existing_workspace_dir

# A fresh interpreter in which importing qgis (or anything below it) fails and is recorded;
# it runs ``python -m orca_huntr`` exactly as a shell would (runpy, ``__main__``).
BLOCKED_RUN = """
import json, runpy, sys
tried = []
class NoQgis:
    def find_spec(self, name, path=None, target=None):
        if name == "qgis" or name.startswith("qgis."):
            tried.append(name)
            raise ImportError("qgis is not installed on this server")
        return None
sys.meta_path.insert(0, NoQgis())
sys.argv = ["orca_huntr", *json.loads(sys.argv[1])]
try:
    runpy.run_module("orca_huntr", run_name="__main__", alter_sys=True)
    code = 0
except SystemExit as exc:
    code = exc.code
loaded = sorted(m for m, v in sys.modules.items() if v is not None and (m == "qgis" or m.startswith("qgis.")))
sys.stderr.write("\\nRESULT " + json.dumps({"code": code, "tried": tried, "loaded": loaded}) + "\\n")
"""


def run_blocked(args: list[str], cwd: Path) -> tuple[dict, str, str]:
    """Run the CLI in a fresh interpreter that has no qgis; ``(result, stdout, stderr)``."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN, json.dumps(args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    line = [x for x in proc.stderr.splitlines() if x.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT ") :]), proc.stdout, proc.stderr


def cli(*args: str) -> tuple[int, str, str]:
    """Run the CLI in this process; ``(exit status, stdout, stderr)``."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def workspace(tmp_path):
    """An untrained count model over a 64×64 synthetic scene."""
    ws, info, scene = synthdata.make_workspace(tmp_path, classes=1)
    return ws, info, scene


# ------------------------------------------------------------------ exit statuses and messages
def test_exit_status_per_kind_of_error():
    assert exit_codes.exit_code(NotFoundError("x")) == exit_codes.NOT_FOUND == 3
    assert exit_codes.exit_code(IncompatibleRasterError("x")) == exit_codes.INCOMPATIBLE_RASTER
    assert exit_codes.exit_code(InputDataError("x")) == exit_codes.INPUT
    assert exit_codes.exit_code(ModelBusyError("x")) == exit_codes.BUSY
    assert exit_codes.exit_code(WorkspaceError("x")) == exit_codes.WORKSPACE
    assert exit_codes.exit_code(CancelledError("x")) == exit_codes.CANCELLED == 130
    assert exit_codes.exit_code(KeyboardInterrupt()) == exit_codes.CANCELLED
    assert exit_codes.exit_code(HuntrError("x")) == exit_codes.FAILED
    assert exit_codes.exit_code(ZeroDivisionError()) == exit_codes.INTERNAL
    statuses = [code for code, _ in exit_codes.table()]
    assert len(statuses) == len(set(statuses))  # one meaning per status


def test_missing_workspace_is_refused_not_created(tmp_path):
    where = tmp_path / "nowhere.huntr"
    code, out, err = cli("models", "-w", str(where))
    assert code == exit_codes.WORKSPACE
    assert f"no ORCA HUNTR workspace at {where}" in err and out == ""
    assert not where.exists()
    code, _, err = cli("models")
    assert code == exit_codes.INPUT and "--workspace" in err


def test_project_file_names_its_workspace(workspace):
    ws, info, _ = workspace
    project = Path(ws.root).with_suffix(".qgz")
    assert existing_workspace_dir(project) == Path(ws.root)
    code, out, _ = cli("models", "-w", str(project), "--json")
    assert code == 0
    models = json.loads(out)["models"]
    assert [(m["id"], m["name"], m["current_snapshot"]) for m in models] == [(info.id, info.name, None)]


def test_errors_keep_the_engine_message_and_status(workspace):
    ws, info, scene = workspace
    code, out, err = cli("train", "-w", str(ws.root), "-m", "no such model")
    assert (code, out) == (exit_codes.NOT_FOUND, "")
    with pytest.raises(NotFoundError) as raised:
        ws.find_model("no such model")
    assert err == f"error: {raised.value}\n"
    # detection before the first training: the engine's own message
    code, _, err = cli("detect", "-w", str(ws.root), "-m", info.name, str(scene), "-q")
    assert code == exit_codes.NOT_FOUND and "has no snapshot yet: train it first" in err
    code, _, err = cli("snapshots", "-w", str(ws.root), "-m", info.id, "--json")
    assert code == 0


def test_usage_errors_exit_2(workspace, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["train", "-w", "x"])  # no --model
    assert raised.value.code == exit_codes.USAGE


# ------------------------------------------------------------------ progress
class Info:
    def __init__(self, fraction, message="", eta_seconds=None):
        self.fraction, self.message, self.eta_seconds = fraction, message, eta_seconds


def test_progress_is_a_bar_on_a_terminal_and_lines_in_a_log():
    tty = io.StringIO()
    bar = ProgressReport(tty, tty=True, width=10, interval=0.0)
    bar(Info(0.5, "step 5/10", eta_seconds=75))
    bar(Info(1.0, "step 10/10"))
    bar.close()
    text = tty.getvalue()
    assert "\r[█████·····]  50.0%  ETA 1:15  step 5/10" in text
    assert "\r[██████████] 100.0%" in text and text.endswith("\n")

    log = io.StringIO()
    lines = ProgressReport(log, tty=False, log_interval=3600)
    for step in range(1, 101):
        lines(Info(step / 100, f"step {step}/100"))
    written = log.getvalue().splitlines()
    assert "\r" not in log.getvalue()
    # one line a tenth (and the first), not one a step
    assert 10 <= len(written) <= 12 and written[-1].startswith("100.0%")

    quiet = io.StringIO()
    ProgressReport(quiet, tty=True, quiet=True)(Info(0.5, "x"))
    assert quiet.getvalue() == ""


# ------------------------------------------------------------------ no qgis, in a fresh interpreter
def test_fresh_interpreter_without_qgis_lists_and_purges(workspace, tmp_path):
    ws, info, _ = workspace
    result, out, err = run_blocked(["models", "-w", str(ws.root), "--json"], tmp_path)
    assert result == {"code": 0, "tried": [], "loaded": []}, err
    assert json.loads(out)["models"][0]["id"] == info.id
    for args in (["snapshots", "-w", str(ws.root)], ["purge", "-w", str(ws.root), "--json"]):
        result, out, err = run_blocked(args, tmp_path)
        assert result == {"code": 0, "tried": [], "loaded": []}, err
    assert json.loads(out)["purged"] == [] and json.loads(out)["dry_run"] is False
    result, _, err = run_blocked(
        ["detect", "-w", str(ws.root), "-m", info.id, str(tmp_path / "x.tif")], tmp_path
    )
    assert result == {"code": exit_codes.NOT_FOUND, "tried": [], "loaded": []}, err


@pytest.mark.slow
def test_train_detect_and_detect_many_without_qgis(workspace, tmp_path):
    """A workspace copied to a 'server': train, list, detect and detect-many in interpreters
    where qgis cannot be imported; the results are the engine's."""
    ws, info, scene = workspace
    server = tmp_path / "server" / "copy.huntr"
    shutil.copytree(ws.root, server)
    result, out, err = run_blocked(
        ["train", "-w", str(server), "-m", info.name, "--max-steps", "3", "--batch-size", "2",
         "--device", "cpu", "--threads", "1", "--json", "-q"],
        tmp_path,
    )  # fmt: skip
    assert result == {"code": 0, "tried": [], "loaded": []}, err
    trained = json.loads(out)
    assert trained["stop_reason"] == "max_steps" and trained["steps"] == 3
    from orca_huntr.snapshots import Workspace

    copy = Workspace.open(server)
    assert copy.current_snapshot(info.id).id == trained["snapshot_id"]
    assert ws.current_snapshot(info.id) is None  # the original is untouched

    result, out, err = run_blocked(["snapshots", "-w", str(server), "-m", info.id, "--json"], tmp_path)
    assert result["code"] == 0 and [r["snapshot_id"] for r in json.loads(out)["snapshots"]] == [
        trained["snapshot_id"]
    ]
    target = tmp_path / "one.gpkg"
    result, out, err = run_blocked(
        ["detect", "-w", str(server), "-m", info.id, "-s", trained["snapshot_id"], str(scene),
         "-o", str(target), "--device", "cpu", "--threads", "1", "--json"],
        tmp_path,
    )  # fmt: skip
    assert result == {"code": 0, "tried": [], "loaded": []}, err
    detected = json.loads(out)
    assert detected["path"] == str(target) and target.exists()
    assert "%" in err  # progress went to stderr, the result alone to stdout
    from orca_huntr.detection.output import read_run_metadata

    assert read_run_metadata(target)["snapshot_id"] == trained["snapshot_id"]

    merged = tmp_path / "many.gpkg"
    result, out, err = run_blocked(
        ["detect-many", "-w", str(server), "-m", info.id, str(scene), "-o", str(merged),
         "--workers", "0", "--threads", "1", "--json", "-q"],
        tmp_path,
    )  # fmt: skip
    assert result == {"code": 0, "tried": [], "loaded": []}, err
    many = json.loads(out)
    assert many["feature_count"] == detected["feature_count"]
    assert [s["scene"] for s in many["scenes"]] == [scene.stem]


# ------------------------------------------------------------------ export and import (packages)
def _files(root: Path) -> dict[str, bytes]:
    """Every file under a workspace with its bytes (but the lock file, which names its last holder):
    what an import that is refused must not change."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def _tampered(good: Path, bad: Path) -> Path:
    """``good`` with one byte of its weights changed (the manifest's checksum left as it was)."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            blob = src.read(item)
            if item.filename == "weights.safetensors":
                blob = blob[:-1] + bytes([blob[-1] ^ 0x01])
            dst.writestr(item.filename, blob)
    return bad


def test_export_and_import_without_qgis(workspace, tmp_path):
    """A trained snapshot exported by ``export`` and imported into another workspace by ``import``,
    both in interpreters where qgis cannot be imported: the weights arrive unchanged; a tampered
    package is refused with exit status 4 and leaves the target workspace as it was."""
    import numpy as np
    from synthdata import train_quick

    from orca_huntr.snapshots import Workspace

    ws, info, _ = workspace
    trained = train_quick(ws, info.id, steps=2, batch_size=2, threads=1).snapshot
    package = tmp_path / "out" / "trees.huntrpkg"
    result, out, err = run_blocked(
        ["export", "-w", str(ws.root), "-m", info.name, "-s", trained.id, str(package),
         "--with-training-data", "--json"],
        tmp_path,
    )  # fmt: skip
    assert result == {"code": 0, "tried": [], "loaded": []}, err
    exported = json.loads(out)
    assert exported["path"] == str(package) and package.is_file()
    assert (exported["snapshot_id"], exported["training_data"]) == (trained.id, True)
    members = ["model.json", "snapshot.json", "training.gpkg", "weights.safetensors"]
    assert sorted(exported["files"]) == members

    target = Workspace.open(tmp_path / "server.huntr")  # an existing, empty workspace
    result, out, err = run_blocked(["import", "-w", str(target.root), str(package), "--json"], tmp_path)
    assert result == {"code": 0, "tried": [], "loaded": []}, err
    imported = json.loads(out)
    assert imported["new_model"] and imported["training_data"] and imported["model_name"] == info.name
    other = Workspace.open(target.root)
    assert other.current_snapshot(imported["model_id"]).id == imported["snapshot_id"]
    original = ws.load_snapshot(info.id, trained.id).weights
    arrived = other.load_snapshot(imported["model_id"], imported["snapshot_id"]).weights  # checksums verified
    assert sorted(arrived) == sorted(original)
    for key, value in original.items():
        np.testing.assert_array_equal(arrived[key], value)

    # into the model just made (same classes): a new current state with the same weights
    code, out, err = cli("import", "-w", str(target.root), str(package), "--into", imported["model_name"])
    assert code == 0, err
    assert f"the current state of model “{imported['model_name']}”" in out
    assert "training data was not merged" in err  # the engine's warning, on stderr
    again = Workspace.open(target.root)
    current = again.current_snapshot(imported["model_id"])
    assert current.id != imported["snapshot_id"] and len(again.list_snapshots(imported["model_id"])) == 2
    for key, value in again.load_snapshot(imported["model_id"], current.id).weights.items():
        np.testing.assert_array_equal(value, original[key])

    # a tampered package: refused with the engine's message, nothing changes in the workspace
    bad = _tampered(package, tmp_path / "tampered.huntrpkg")
    before = _files(Path(target.root))
    result, out, err = run_blocked(["import", "-w", str(target.root), str(bad), "--name", "x"], tmp_path)
    assert result == {"code": exit_codes.INPUT, "tried": [], "loaded": []}, err
    assert out == "" and "does not match its checksum" in err and "Nothing was imported" in err
    assert _files(Path(target.root)) == before
    assert [m.name for m in Workspace.open(target.root).list_models()] == [info.name]


def test_export_and_import_errors(workspace, tmp_path):
    ws, info, _ = workspace
    # nothing to export before the first training
    code, out, err = cli("export", "-w", str(ws.root), "-m", info.id, str(tmp_path / "p.huntrpkg"))
    assert (code, out) == (exit_codes.NOT_FOUND, "") and "has no snapshot yet" in err
    assert not (tmp_path / "p.huntrpkg").exists()
    # not a package at all
    junk = tmp_path / "junk.huntrpkg"
    junk.write_bytes(b"not a zip")
    code, out, err = cli("import", "-w", str(ws.root), str(junk))
    assert (code, out) == (exit_codes.INPUT, "") and "not an ORCA HUNTR snapshot package" in err
    code, _, err = cli("import", "-w", str(ws.root), str(junk), "--into", "no such model")
    assert code == exit_codes.NOT_FOUND
    with pytest.raises(SystemExit) as raised:  # a new model's name, or a model to go into: not both
        main(["import", "-w", str(ws.root), str(junk), "--name", "a", "--into", "b"])
    assert raised.value.code == exit_codes.USAGE


def test_an_in_process_run_leaves_the_logging_as_it_was(workspace):
    """``main`` called from Python (tests, scripts) restores the engine logger's level and
    handlers, also after an error: a later warning of the engine still reaches the caller."""
    import logging

    ws, _, _ = workspace
    logger = logging.getLogger("orca_huntr")
    before = (logger.level, list(logger.handlers))
    assert cli("models", "-w", str(ws.root))[0] == 0
    assert cli("snapshots", "-m", "no such model", "-w", str(ws.root))[0] == exit_codes.NOT_FOUND
    assert (logger.level, list(logger.handlers)) == before
