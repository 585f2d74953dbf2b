"""The Python-console façade: ORCA HUNTR's main jobs in a few calls.

In the QGIS Python console::

    from orca_huntr import api
    ws = api.workspace()                 # the workspace beside the current project
    api.models()                         # [ModelInfo, ...]
    model = api.create_model("Trees", classes=["Tree"], raster="scene", mode="count",
                             training_areas="areas", labels="trees")
    result = api.train("Trees", max_steps=200)          # blocks until it stops; a snapshot
    api.snapshots("Trees")               # the timeline, newest first
    api.save("Trees", name="first good")  # save the current state under a name
    found = api.detect("Trees", "scene")  # detection layer added to the project
    api.revert("Trees", "first good", confirm=True)

Models, snapshots and layers are given by id or name (a layer also as a layer object or
a file path). Every function calls the same engine as the panel and the Processing
algorithms, and returns its plain values (``ModelInfo``, ``SnapshotInfo``,
``TrainResult``, ``DetectResult``). They run in the console's thread: QGIS waits while
a training session or a detection runs (use the panel or the Processing toolbox to
work in the background). Errors are :class:`orca_huntr.errors.HuntrError` with a message
written for you.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .errors import HuntrError, InputDataError

__all__ = [
    "add_training_data",
    "compare",
    "create_model",
    "detect",
    "disk_usage",
    "export_onnx",
    "export_snapshot",
    "import_snapshot",
    "lineage",
    "model",
    "model_from_snapshot",
    "models",
    "purge",
    "purge_expired",
    "purge_plan",
    "rename",
    "retention",
    "revert",
    "revert_impact",
    "reverted",
    "save",
    "set_retention",
    "snapshot",
    "snapshots",
    "table",
    "train",
    "undo_revert",
    "workspace",
]

_workspace_override: Any = None


# -------------------------------------------------------------------------- workspace
def workspace(path: str | Path | None = None):
    """The workspace: ``path`` (a ``.huntr`` folder, or a project file) or the current project's.

    With no argument it is the workspace beside the project open in QGIS (the panel's
    temporary workspace while the project was never saved). Passing a path also makes
    it the default of the other functions of this module, until another path is given
    or :func:`use_project_workspace` is called.
    """
    from .adapters.workspace import open_workspace
    from .snapshots import Workspace

    global _workspace_override
    if path is not None:
        path = Path(path)
        ws = Workspace.for_project(path) if path.suffix.lower() in (".qgz", ".qgs") else Workspace.open(path)
        _workspace_override = ws
        return ws
    if _workspace_override is not None:
        return _workspace_override
    return open_workspace(None, QgsProject.instance().fileName())


def use_project_workspace() -> None:
    """Forget a workspace chosen with ``workspace(path)``: follow the current project again."""
    global _workspace_override
    _workspace_override = None


def _ws(ws):
    return ws if ws is not None else workspace()


def _changed(ws, value):
    """Tell the panel (through the event hub) that ``ws`` changed, and pass ``value`` on."""
    from .adapters.events import hub

    hub().workspace_changed(ws)
    return value


# ---------------------------------------------------------------------------- models
def models(ws=None) -> list:
    """Every model of the workspace (``ModelInfo``: ``id``, ``name``, ``classes``, ``mode``, …)."""
    return _ws(ws).list_models()


def model(name_or_id, ws=None):
    """The model with this id or name (a ``ModelInfo`` is returned as is)."""
    from .adapters.workspace import find_model

    if hasattr(name_or_id, "input_spec"):
        return name_or_id
    return find_model(_ws(ws), str(name_or_id))


def _project_layer(text: str):
    """The project's layer with this id, else the first one with this name (None: none)."""
    project = QgsProject.instance()
    return project.mapLayer(text) or next(iter(project.mapLayersByName(text)), None)


def _given_layer(value, kind: type, open_file) -> Any:
    """``value`` as a layer of class ``kind``: the layer itself, the project's layer with this id or
    name, else ``open_file(text)`` when that gives a valid layer; None when none of them does."""
    if isinstance(value, kind):
        return value
    text = str(value)
    layer = _project_layer(text)
    if isinstance(layer, kind):
        return layer
    layer = open_file(text)
    return layer if layer is not None and layer.isValid() else None


def _raster_layer(value) -> QgsRasterLayer:
    """A raster given as a layer, a layer name or id of the project, or a file path."""

    def open_file(text: str) -> QgsRasterLayer | None:
        return QgsRasterLayer(text, Path(text).stem) if Path(text).exists() else None

    layer = _given_layer(value, QgsRasterLayer, open_file)
    if layer is None:
        raise InputDataError(f"“{value}” is neither a raster layer of the project nor a raster file.")
    return layer


def _area(aoi, crs) -> Any:
    """The area of interest ``aoi`` (a polygon layer, its name or a path; None: none) in ``crs``."""
    from .adapters.inputs import area_of_interest

    if aoi is None:
        return None
    layer = _vector_layer(aoi)
    return area_of_interest(layer.getFeatures(), layer.crs(), crs, QgsProject.instance().transformContext())


def _raster_source(value) -> tuple[str, Any]:
    """``(GDAL path, QgsCoordinateReferenceSystem)`` of a raster given as a layer, a layer name or
    id, or a file path. A file is not opened as a ``QgsRasterLayer``: its renderer would compute
    statistics that GDAL then writes into a ``.aux.xml`` beside the user's raster."""
    from qgis.core import QgsCoordinateReferenceSystem

    from .adapters.inputs import raster_path

    if isinstance(value, QgsRasterLayer) or isinstance(_project_layer(str(value)), QgsRasterLayer):
        layer = _raster_layer(value)
        return raster_path(layer), layer.crs()
    text = str(value)
    if Path(text).exists():
        from .detection.gate import inspect_raster

        try:
            info = inspect_raster(text)
        except HuntrError:
            info = None
        if info is not None:
            return text, QgsCoordinateReferenceSystem.fromWkt(info.crs_wkt or "")
    raise InputDataError(f"“{text}” is neither a raster layer of the project nor a raster file.")


def _vector_layer(value) -> QgsVectorLayer:
    """A vector layer given as a layer, a layer name or id of the project, or a data source."""
    layer = _given_layer(
        value, QgsVectorLayer, lambda text: QgsVectorLayer(text, Path(text.split("|")[0]).stem, "ogr")
    )
    if layer is None:
        raise InputDataError(f"“{value}” is neither a vector layer of the project nor a vector file.")
    return layer


def create_model(
    name: str,
    classes: Sequence[str] | str,
    raster,
    mode: str = "count",
    bands: Sequence[int] | None = None,
    training_areas=None,
    labels=None,
    class_field: str = "",
    purpose_field: str = "",
    tile_size: int | None = None,
    network: dict | None = None,
    boundary_target: str | None = None,
    ws=None,
):
    """Create a model for ``raster``'s CRS, pixel size, bands and data type; returns its ``ModelInfo``.

    ``classes`` are names (``["Tree"]``), optionally with a colour (``"Tree:#2ca02c"``).
    ``bands`` defaults to every band of the raster but alpha bands (``adapters/inputs.py``).
    ``training_areas`` and ``labels`` (optional polygon layers) are copied into the
    model's training GeoPackage; ``class_field`` holds the labels' class number or name.
    Without ``tile_size`` and ``network["depth"]`` the tile size and the network's depth are
    derived from the labels at the first training (``training/recipe.py``), and so is the
    network's working scale unless ``network["scale"]`` (1 full resolution, 2 half, 4 quarter) says;
    ``boundary_target`` ("centre", the default, "distance" or "rim") is stored with a count model;
    ``network["boxes"]`` False trains it without the box head (README, *Model quality*).
    """
    from .adapters.inputs import input_spec, model_network, parse_classes
    from .adapters.training_import import create_model_with_data, prepare_training_data

    ws = _ws(ws)
    if mode not in ("count", "segmentation"):
        raise InputDataError(f"Mode must be “count” or “segmentation”, not “{mode}”.")
    specs = parse_classes(classes)
    layer = _raster_layer(raster)
    spec = input_spec(layer, bands)
    network, tile_size = model_network(
        mode,
        (network or {}).get("width"),
        (network or {}).get("depth"),
        tile_size,
        boundary_target,
        (network or {}).get("scale"),
        (network or {}).get("boxes"),
    )
    # all or nothing: read, check and repair the training data before the model exists
    context = QgsProject.instance().transformContext()
    prepared = prepare_training_data(
        layer.crs(),
        [n for n, _ in specs],
        None if training_areas is None else _vector_layer(training_areas),
        None if labels is None else _vector_layer(labels),
        purpose_field,
        class_field,
        context,
    )
    for batch in prepared:
        for message in batch.warnings:
            print(f"Warning: {message}")
    info, _written = create_model_with_data(
        ws,
        layer,
        prepared,
        specs,
        name=name,
        mode=mode,
        input_spec=spec,
        network=network,
        tile_size=tile_size,
    )
    return _changed(ws, ws.get_model(info.id))


def add_training_data(
    model, training_areas=None, labels=None, class_field: str = "", purpose_field: str = "", ws=None
) -> dict:
    """Append polygons to a model's training areas and labels; returns how many of each were added."""
    from .adapters.training_import import import_labels, import_training_areas

    ws = _ws(ws)
    info = _model(model, ws)
    gpkg = ws.training_data_path(info.id)
    context = QgsProject.instance().transformContext()
    added = {"training_areas": 0, "labels": 0}
    if training_areas is not None:
        layer = _vector_layer(training_areas)
        added["training_areas"] = import_training_areas(gpkg, layer, purpose_field, context)
    if labels is not None:
        layer = _vector_layer(labels)
        added["labels"] = import_labels(gpkg, layer, [c.name for c in info.classes], class_field, context)
    return _changed(ws, added)


def model_from_snapshot(
    model,
    snapshot,
    name: str,
    class_names: Sequence[str] | str | None = None,
    reuse_training_data=False,
    ws=None,
):
    """A new model starting from a snapshot's weights (same number of classes); its ``ModelInfo``.

    ``class_names``: the new names of the classes, in order (a list or ``"Adult, Calf"``);
    None keeps them."""
    from .adapters.inputs import parse_class_names

    ws = _ws(ws)
    info = _model(model, ws)
    snap = _snapshot(info, snapshot, ws)
    names = parse_class_names(class_names, info)
    created = ws.new_model_from_snapshot(
        info.id, snap.id, name, class_names=names, reuse_training_data=reuse_training_data
    )
    return _changed(ws, created)


# ------------------------------------------------------------------------- snapshots
def snapshots(model, ws=None) -> list:
    """The model's timeline, newest first (``SnapshotInfo``: ``id``, ``kind``, ``name``, ``metrics``, …)."""
    ws = _ws(ws)
    return ws.list_snapshots(_model(model, ws).id)


def snapshot(model, snapshot=None, ws=None):
    """One snapshot by id or name; ``None`` gives the current state."""
    from .adapters.workspace import find_snapshot

    ws = _ws(ws)
    info = _model(model, ws)
    if hasattr(snapshot, "kind"):
        return snapshot
    return find_snapshot(ws, info, None if snapshot is None else str(snapshot))


_model, _snapshot = model, snapshot  # for functions whose parameters carry these names


def table(model=None, ws=None) -> list[dict]:
    """The timeline as rows of plain values (what the “List snapshots” algorithm writes)."""
    from .snapshots.table import snapshot_row

    ws = _ws(ws)
    chosen = [_model(model, ws)] if model is not None else ws.list_models()
    return [snapshot_row(m, s) for m in chosen for s in ws.list_snapshots(m.id)]


def save(model, snapshot=None, name: str | None = None, ws=None):
    """Save a snapshot (default: the current state) so it never expires, optionally naming it."""
    ws = _ws(ws)
    snap = _snapshot(model, snapshot, ws)
    return _changed(ws, ws.save_snapshot(snap.model_id, snap.id, name=name))


def rename(model, snapshot, name: str, ws=None):
    """Rename a snapshot; returns the renamed ``SnapshotInfo``."""
    ws = _ws(ws)
    snap = _snapshot(model, snapshot, ws)
    return _changed(ws, ws.rename_snapshot(snap.model_id, snap.id, name))


def revert_impact(model, snapshot, ws=None):
    """What reverting to the snapshot would take back (``RevertImpact``; ``.summary()`` says it in words)."""
    ws = _ws(ws)
    snap = _snapshot(model, snapshot, ws)
    return ws.revert_impact(snap.model_id, snap.id)


def revert(model, snapshot, confirm: bool = False, ws=None):
    """Make the snapshot the current state. Needs ``confirm=True``: later snapshots leave the timeline
    (restorable with :func:`undo_revert` until they expire).

    Without confirmation nothing changes and a :class:`HuntrError` tells what would be lost.
    """
    from .errors import HuntrError

    ws = _ws(ws)
    snap = _snapshot(model, snapshot, ws)
    if not confirm:
        impact = ws.revert_impact(snap.model_id, snap.id)
        raise HuntrError(f"{impact.summary()} Nothing was changed: call revert(..., confirm=True) to revert.")
    return _changed(ws, ws.revert(snap.model_id, snap.id))


def reverted(model, ws=None) -> list:
    """What reverts took out of the model's timeline and can still be restored (``RevertedSet``,
    newest first: ``snapshots``, ``target_id``, ``reverted_at``, ``expires_at``)."""
    ws = _ws(ws)
    return ws.reverted(_model(model, ws).id)


def undo_revert(model, reverted_set: str | None = None, ws=None):
    """Undo a revert (default: the model's newest one); returns the ``RevertedSet`` restored.

    What the undo replaces (snapshots trained since, training data edited since) becomes a
    reverted set in turn.
    """
    ws = _ws(ws)
    return _changed(ws, ws.undo_revert(_model(model, ws).id, reverted_set))


def lineage(ws=None) -> list:
    """Every snapshot of every model in lineage order (``LineageNode``: ``parent_model_id``,
    ``parent_id``, ``depth`` = models away from its root)."""
    return _ws(ws).lineage()


def purge_expired(ws=None) -> list:
    """Delete what the retention policies give up (see :func:`purge`); returns the snapshots deleted."""
    ws = _ws(ws)
    return _changed(ws, ws.purge_expired())


def purge_plan(ws=None):
    """What the next purge would delete, and why (``PurgePlan``: ``snapshots`` with ``rule``,
    ``reason`` and ``bytes``, ``sets``, ``kept``, ``over_budget``). Nothing is deleted."""
    return _ws(ws).purge_plan()


def purge(dry_run: bool = False, confirmed=None, ws=None):
    """Delete what the retention policies give up and return the ``PurgePlan`` carried out
    (``dry_run=True``: only the plan). ``confirmed``: a plan from :func:`purge_plan`; only what it
    lists too is deleted. Saved snapshots and the current state are never deleted."""
    ws = _ws(ws)
    if dry_run:
        return ws.purge_plan()
    return _changed(ws, ws.purge(confirmed=confirmed))


def retention(model=None, ws=None):
    """The retention policy in force (``RetentionPolicy``): the model's (its own or the workspace's),
    or with no model the workspace's."""
    ws = _ws(ws)
    return ws.retention_policy(_model(model, ws).id if model is not None else None)


def set_retention(
    model=None,
    expiry_days: float | None = None,
    keep_last: int | None = None,
    keep_best: str | None = None,
    budget_mb: float | None = None,
    follow_workspace: bool = False,
    ws=None,
):
    """Set the workspace's retention policy (no ``model``) or a model's own; returns it.

    ``expiry_days`` (default: the policy in force's), ``keep_last`` (None or < 0: no limit),
    ``keep_best`` (a metric such as ``"f1"``; None: none), ``budget_mb`` (None or 0: no budget).
    ``follow_workspace=True`` drops the model's own policy. Nothing is purged here.
    """
    from .adapters.retention import policy_from_values

    ws = _ws(ws)
    model_id = _model(model, ws).id if model is not None else None
    if follow_workspace:
        if model_id is None:
            raise InputDataError(
                "follow_workspace=True needs a model: the workspace's policy is the default."
            )
        ws.set_retention_policy(None, model_id)
    else:
        days = ws.retention_policy(model_id).expiry_days if expiry_days is None else expiry_days
        ws.set_retention_policy(policy_from_values(days, keep_last, keep_best, budget_mb), model_id)
    return _changed(ws, ws.retention_policy(model_id))


def disk_usage(ws=None):
    """Bytes per model (``WorkspaceUsage.models[id]``: ``snapshots`` {id: bytes}, ``reverted``,
    ``training_data``, ``total``), the detections and the whole workspace (``total``)."""
    return _ws(ws).disk_usage()


def export_snapshot(
    model,
    path: str | Path,
    snapshot=None,
    include_training_data: bool = False,
    onnx: str | Path | None = None,
    ws=None,
):
    """Write a snapshot (default: the current state) to a package file another project can import.

    Returns the ``PackageInfo`` (``path``, ``model``, ``snapshot``, ``files``, ``lineage``).
    """
    from .snapshots.package import export_snapshot as export

    ws = _ws(ws)
    snap = _snapshot(model, snapshot, ws)
    return export(
        ws, snap.model_id, snap.id, path, include_training_data=include_training_data, onnx_path=onnx
    )


def import_snapshot(path: str | Path, into_model=None, name: str | None = None, ws=None):
    """Import a package file: a new model (``name``, else the package's), or with ``into_model``
    a new current state of that model (same classes). Returns the ``ImportResult``."""
    from .snapshots.package import import_package

    ws = _ws(ws)
    target = _model(into_model, ws).id if into_model is not None else None
    return _changed(ws, import_package(ws, path, into_model=target, name=name))


def compare(
    model,
    first,
    second=None,
    raster=None,
    aoi=None,
    add_to_project: bool = True,
    reuse: bool = True,
    verbose: bool = False,
    ws=None,
):
    """Compare two snapshots (``second`` default: the current state); returns the ``Comparison``.

    ``.metrics`` holds the metrics side by side (``MetricRow``: ``metric``, ``class_name``,
    ``a``, ``b``, ``diff``), ``.changes`` the training areas and labels added or removed,
    ``.summary()`` their counts. With a ``raster``, ``.detections`` holds both snapshots'
    detections on it (reused when already made). With ``add_to_project`` the detections and
    a temporary layer of the changes (field ``change``) are added in one group.
    """
    from .snapshots.compare import compare_snapshots

    ws = _ws(ws)
    info = _model(model, ws)
    a = _snapshot(info, first, ws)
    b = _snapshot(info, second, ws)
    comparison = compare_snapshots(ws, info.id, a.id, b.id)
    if raster is not None:
        from .detection.reuse import detections_for

        path, crs = _raster_source(raster)
        area = _area(aoi, crs)
        comparison.detections = detections_for(
            ws,
            info.id,
            [a.id, b.id],
            path,
            aoi=area,
            reuse=reuse,
            progress=_printer(0.25) if verbose else None,
        )
    if add_to_project:
        from .adapters import comparison_layers

        project = QgsProject.instance()
        changes = comparison_layers.changes_layer(comparison, info.class_names)
        comparison_layers.add_comparison(
            project,
            comparison_layers.group_title(a.name, b.name),
            [d.result for d in comparison.detections],
            changes,
        )
    return comparison


# ------------------------------------------------------------------ training, detection
def _printer(every: float = 0.1) -> Callable[[Any], None]:
    last = [-1.0]

    def report(info: Any) -> None:
        fraction = float(getattr(info, "fraction", 0.0) or 0.0)
        if fraction - last[0] >= every or (fraction >= 1.0 and last[0] < 1.0):
            last[0] = fraction
            print(f"{fraction:4.0%} {getattr(info, 'message', '')}")

    return report


def train(
    model,
    max_steps: int | None = None,
    max_seconds: float | None = None,
    max_epochs: float | None = None,
    verbose: bool = True,
    should_stop: Callable[[], bool] | None = None,
    ws=None,
    **config: Any,
):
    """One training session; returns the ``TrainResult`` (``.snapshot`` is the new current state).

    Budgets as in the panel (with none, 500 steps). Other ``TrainConfig`` fields
    (``batch_size``, ``lr``, ``device``, ``seed``, …) are passed as keyword arguments.
    """
    from .training import TrainConfig, train_model

    ws = _ws(ws)
    info = _model(model, ws)
    cfg = TrainConfig(max_steps=max_steps, max_seconds=max_seconds, max_epochs=max_epochs, **config)
    from .adapters.events import hub

    progress = _printer() if verbose else None
    result = train_model(ws, info.id, cfg, progress=progress, should_stop=should_stop)
    hub().snapshot_created(ws, info.id, result.snapshot.id)
    return _changed(ws, result)


def detect(
    model,
    raster,
    snapshot=None,
    aoi=None,
    add_to_project: bool = True,
    verbose: bool = False,
    ws=None,
    **options: Any,
):
    """Detect with a snapshot (default: the current state) over ``raster``; returns the ``DetectResult``.

    ``aoi`` (optional) is a polygon layer (name, object or path) limiting detection to
    its polygons. The result's layer is added to the project in the model's class
    colours unless ``add_to_project=False``. Other ``DetectOptions`` fields
    (``score_threshold``, ``device``, …) are passed as keyword arguments.
    """
    from .adapters.events import hub
    from .detection import DetectOptions
    from .detection import detect as run_detection

    ws = _ws(ws)
    info = _model(model, ws)
    snap = _snapshot(info, snapshot, ws)
    from .adapters.detection_layer import name_options

    path, crs = _raster_source(raster)
    area = _area(aoi, crs)
    layer = raster if isinstance(raster, QgsRasterLayer) else _project_layer(str(raster))
    named = layer if isinstance(layer, QgsRasterLayer) else path  # the layer's name in the project
    result = run_detection(
        ws,
        info.id,
        snap.id,
        path,
        aoi=area,
        options=name_options(DetectOptions(**options), named, QgsProject.instance()),
        progress=_printer(0.25) if verbose else None,
    )
    if add_to_project:
        from .adapters.detection_layer import add_detection_layer

        add_detection_layer(result, QgsProject.instance())
    hub().detection_added(result)
    return result


def export_onnx(model, path: str | Path, snapshot=None, raster=None, overlap: float = 0.25, ws=None):
    """Write a snapshot (default: the current state) as an ONNX file for Deepness; returns the
    ``OnnxExport`` (``path``, ``metadata``, ``normalization``, ``notes``).

    ``raster`` (a raster layer, its name or a path) fixes the normalisation written into the
    file for models that normalise each raster with its own statistics (default: the median
    of the training scenes'); ``overlap`` is the tile overlap suggested to Deepness.
    """
    from .detection.onnx_export import export_onnx as run_export

    ws = _ws(ws)
    info = _model(model, ws)
    snap = _snapshot(info, snapshot, ws)
    raster_path = _raster_source(raster)[0] if raster is not None else None
    return run_export(ws, info.id, snap.id, path, raster_path=raster_path, overlap=overlap)
