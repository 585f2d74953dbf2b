"""``python -m orca_huntr``: train, detect, list, purge (and its retention policy), export and
import on a workspace folder, without QGIS.

Every command opens an existing workspace (the ``.huntr`` folder beside a project, or the
project file; it is never created here), turns its arguments into the engine's plain values
and calls the engine functions the Processing algorithms call. Results go to stdout (one
JSON object with ``--json``), progress and warnings to stderr, errors to stderr with the
plugin's own message and an exit status per kind of error (``exit_codes.py``).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from ..detection.options import GEOMETRIES
from ..errors import HuntrError, InputDataError
from . import exit_codes
from .progress import ProgressReport

PROG = "python -m orca_huntr"
WORKSPACE_ENV = "ORCA_HUNTR_WORKSPACE"


# ------------------------------------------------------------------------------ helpers
class StopRequest:
    """``should_stop`` for the engine: the first Ctrl-C (or SIGTERM) asks the run to stop
    cleanly (training still snapshots), a second Ctrl-C interrupts at once."""

    def __init__(self, report: ProgressReport) -> None:
        self.requested = False
        self.report = report
        self._previous: dict[int, Any] = {}

    def __call__(self) -> bool:
        return self.requested

    def _handle(self, signum: int, frame: Any) -> None:
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.requested = True
        self.report.note("Stopping after the current step… (Ctrl-C again to abort at once)")

    def __enter__(self) -> StopRequest:
        try:
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        except ValueError:  # not the main thread: no signal handling
            self._previous.clear()
        return self

    def __exit__(self, *exc: Any) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


def _plain(value: Any) -> Any:
    """``value`` made JSON-ready (dataclasses, paths, numpy scalars)."""
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value


class Output:
    """Where a command's result goes: readable lines, or one JSON object with ``--json``."""

    def __init__(self, as_json: bool, stream: TextIO) -> None:
        self.as_json = as_json
        self.stream = stream

    def result(self, data: dict[str, Any], lines: Sequence[str]) -> None:
        if self.as_json:
            self.stream.write(json.dumps(_plain(data), ensure_ascii=False, default=str) + "\n")
        else:
            for line in lines:
                self.stream.write(line + "\n")
        self.stream.flush()


def _workspace(args: argparse.Namespace):
    from ..snapshots.existing import open_existing

    path = args.workspace or os.environ.get(WORKSPACE_ENV)
    if not path:
        raise InputDataError(
            "No workspace given: pass --workspace (the .huntr folder beside the project) "
            f"or set {WORKSPACE_ENV}."
        )
    return open_existing(path)


def _positive(value: float | None) -> float | None:
    return value if value is not None and value > 0 else None


# ------------------------------------------------------------------------------ commands
def cmd_models(args, ws, out: Output, report, stop) -> int:
    rows = []
    for model in ws.list_models():
        current = ws.current_snapshot(model.id)
        rows.append(
            {
                "id": model.id,
                "name": model.name,
                "mode": model.mode,
                "classes": [c.name for c in model.classes],
                "current_snapshot": current.id if current is not None else None,
            }
        )
    lines = [
        f"{r['id']}  {r['name']}  ({r['mode']}; {', '.join(r['classes'])}; "
        f"current: {r['current_snapshot'] or 'not trained'})"
        for r in rows
    ] or ["No model in this workspace."]
    out.result({"models": rows}, lines)
    return exit_codes.OK


def cmd_snapshots(args, ws, out: Output, report, stop) -> int:
    from ..snapshots.table import snapshot_row

    models = [ws.find_model(args.model)] if args.model else ws.list_models()
    rows = [snapshot_row(m, s) for m in models for s in ws.list_snapshots(m.id)]
    lines = [
        f"{r['snapshot_id']}  {r['model_name']}  {r['kind']:<9}  {r['name'] or '-'}  {r['created_at']}  "
        f"steps {r['steps']}  f1 {r.get('metric_f1', float('nan')):.3f}"
        for r in rows
    ] or ["No snapshot."]
    out.result({"snapshots": rows}, lines)
    return exit_codes.OK


def _plan_lines(plan, dry_run: bool) -> list[str]:
    """A purge plan as lines: each deletion with its reason and size, what is kept, what stays over budget."""
    from ..snapshots.usage import format_bytes

    verb = "Would delete" if dry_run else "Deleted"
    lines = [
        f"{verb} snapshot {i.snapshot.id} ({i.snapshot.name}) of model {i.snapshot.model_id}: "
        f"{i.reason} ({format_bytes(i.bytes)})."
        for i in plan.snapshots
    ]
    lines += [
        f"{verb} reverted set {i.reverted.id} of model {i.reverted.model_id} "
        f"({len(i.reverted.snapshots)} snapshots): {i.reason} ({format_bytes(i.bytes)})."
        for i in plan.sets
    ]
    lines += [f"Kept snapshot {k.snapshot.id} of model {k.snapshot.model_id}: {k.reason}." for k in plan.kept]
    lines += [
        f"Model {model_id} stays over its disk budget by {format_bytes(n)}: saved snapshots and the "
        "current state are never purged."
        for model_id, n in plan.over_budget.items()
    ]
    count = len(plan.deleted())
    done = "would be deleted" if dry_run else "deleted"
    lines.append(f"{count} snapshots {done}, {format_bytes(plan.bytes)} freed.")
    return lines


def cmd_purge(args, ws, out: Output, report, stop) -> int:
    plan = ws.purge_plan() if args.dry_run else ws.purge()
    purged = [] if args.dry_run else plan.deleted()
    data = {
        "purged": [{"snapshot_id": s.id, "model_id": s.model_id} for s in purged],
        "dry_run": bool(args.dry_run),
        "plan": plan.to_dict(),
    }
    out.result(data, _plan_lines(plan, args.dry_run))
    return exit_codes.OK


def _none_or(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type accepting ``none`` (no limit) or a value of ``kind``."""

    def parse(text: str) -> Any:
        return None if text.strip().lower() in ("none", "off", "") else kind(text)

    parse.__name__ = kind.__name__
    return parse


def cmd_retention(args, ws, out: Output, report, stop) -> int:
    from dataclasses import replace

    from ..snapshots.usage import format_bytes

    model = ws.find_model(args.model) if args.model else None
    changes = {
        key: getattr(args, key)
        for key in ("expiry_days", "keep_last", "keep_best", "budget_mb")
        if getattr(args, key) is not _UNSET
    }
    if args.follow_workspace:
        if model is None:
            raise InputDataError("--follow-workspace needs --model: the workspace's policy is the default.")
        if changes:
            raise InputDataError("--follow-workspace cannot be combined with policy values.")
        ws.set_retention_policy(None, model.id)
    elif changes:
        base = ws.retention_policy(model.id if model else None)
        ws.set_retention_policy(replace(base, **changes), model.id if model else None)
    usage = ws.disk_usage()
    models = [model] if model else ws.list_models()
    rows = []
    lines = [f"Workspace policy: {ws.retention_policy().describe()}"]
    for m in models:
        own = ws.model_retention_policy(m.id)
        used = usage.models[m.id]
        rows.append(
            {
                "model_id": m.id,
                "model_name": m.name,
                "own_policy": own is not None,
                "policy": ws.retention_policy(m.id).to_dict(),
                "bytes": used.total,
                "snapshot_bytes": used.snapshots,
                "reverted_bytes": used.reverted,
                "training_data_bytes": used.training_data,
            }
        )
        where = "its own" if own is not None else "the workspace's"
        lines.append(
            f"{m.id}  {m.name}: {format_bytes(used.total)} ({len(used.snapshots)} snapshots "
            f"{format_bytes(used.snapshots_total)}); policy {where}: {ws.retention_policy(m.id).describe()}"
        )
    lines.append(f"Workspace total: {format_bytes(usage.total)}")
    data = {"workspace_policy": ws.retention_policy().to_dict(), "models": rows, "bytes": usage.total}
    out.result(data, lines)
    return exit_codes.OK


_UNSET = object()  # a policy option not given on the command line


def train_config(args: argparse.Namespace):
    """The engine's ``TrainConfig``: the values given, the engine's defaults for the rest."""
    from ..training import TrainConfig

    given = {
        "max_steps": _positive(args.max_steps),
        "max_seconds": _positive(args.max_seconds),
        "max_epochs": _positive(args.max_epochs),
        "batch_size": args.batch_size,
        "lr": args.lr,
        "seed": args.seed,
        "device": args.device,
        "validation_fraction": args.validation_fraction,
        "early_stopping_patience": _positive(args.patience),
        "threads": _positive(args.threads),
        "boundary_target": args.boundary_target,
        "photometric": False if args.no_photometric else None,
    }
    return TrainConfig(**{k: v for k, v in given.items() if v is not None})


def cmd_train(args, ws, out: Output, report, stop) -> int:
    from ..deps import require
    from ..training import train_model

    require("torch")  # before torch is imported: the install hint, not a bare ImportError
    from ..training.distributed import join, leave

    model = ws.find_model(args.model)
    config = train_config(args)
    team = join(config.device)  # under torchrun: this process's place (else one process alone)
    try:
        if team.shared:  # --batch-size is per process: a step learns from every process's tiles
            config = replace(config, batch_size=config.batch_size * team.size)
        if team.leads:
            report.note(f"Training model “{model.name}” ({model.id})" + _team_text(team, config) + ".")
        result = train_model(
            ws, model.id, config, progress=report if team.leads else None, should_stop=stop, team=team
        )
    finally:
        leave(team)
    if not team.leads:  # rank 0 reports; the others end quietly once its snapshot is committed
        return exit_codes.OK
    report.close()
    for warning in result.warnings:
        report.note(f"warning: {warning}")
    snap = result.snapshot
    data = {
        "model_id": model.id,
        "snapshot_id": snap.id,
        "snapshot_name": snap.name,
        "stop_reason": result.stop_reason,
        "steps": result.steps,
        "steps_this_run": result.steps_this_run,
        "epochs": result.epochs,
        "seconds": result.seconds,
        "metrics": result.metrics,
        "detection_settings": snap.config.get("detection") or {},
        "warnings": result.warnings,
    }
    lines = [
        f"Stopped after {result.steps_this_run} steps ({result.stop_reason}); snapshot “{snap.name}” "
        f"({snap.id}) is the current state.",
        f"Validation: {json.dumps(_plain(result.metrics), sort_keys=True)}",
    ]
    out.result(data, lines)
    return exit_codes.CANCELLED if result.stop_reason == "user" else exit_codes.OK


def _team_text(team, config) -> str:
    if not team.shared:
        return ""
    return (
        f" on {team.size} processes ({team.backend}, {config.batch_size // team.size} tiles each, "
        f"{config.batch_size} a step)"
    )


def detect_options(args: argparse.Namespace) -> dict[str, Any]:
    """The ``DetectOptions`` values given on the command line (the engine's defaults for the rest)."""
    given = {
        "device": args.device,
        "threads": _positive(args.threads),
        "score_threshold": _positive(args.score_threshold),
        "boundary_threshold": _positive(args.boundary_threshold),
        "min_pixels": _positive(args.min_pixels),
        "min_area": args.min_area,
        "flip_tta": True if args.flip_tta else (False if args.no_flip_tta else None),  # None: the snapshot's
        "geometry": args.geometry,
        "max_box_overlap": _positive(args.max_box_overlap),
        "dissolve": args.dissolve or None,
        "block_size": args.block_size,
        "layer_name": args.layer_name,
    }
    return {k: v for k, v in given.items() if v is not None}


def aoi_from_argument(text: str | None):
    """``--aoi``: a vector file (its polygons, in its CRS) or WKT in the raster's CRS."""
    if not text:
        return None
    from ..deps import require
    from ..detection import AreaOfInterest

    if not Path(text).exists():
        return AreaOfInterest([text])
    ogr = require("osgeo.ogr")
    ds = ogr.Open(text)
    if ds is None or ds.GetLayerCount() == 0:
        raise InputDataError(f"The area of interest {text} is neither a readable vector file nor WKT.")
    layer = ds.GetLayer(0)
    srs = layer.GetSpatialRef()
    shapes = [f.GetGeometryRef().ExportToWkt() for f in layer if f.GetGeometryRef() is not None]
    crs = srs.ExportToWkt() if srs is not None else None
    del layer, srs
    del ds
    return AreaOfInterest(shapes, crs)


def cmd_detect(args, ws, out: Output, report, stop) -> int:
    from ..detection import detect

    model = ws.find_model(args.model)
    snapshot_id = ws.find_snapshot(model.id, args.snapshot).id
    options = detect_options(args)
    if args.output:
        options["output_path"] = str(Path(args.output).absolute())
    result = detect(
        ws,
        model.id,
        snapshot_id,
        args.raster,
        aoi=aoi_from_argument(args.aoi),
        options=options,
        progress=report,
        should_stop=stop,
    )
    report.close()
    for warning in result.warnings:
        report.note(f"warning: {warning}")
    data = {
        "path": result.path,
        "layer_name": result.layer_name,
        "feature_count": result.feature_count,
        "crs": result.crs,
        "model_id": result.model_id,
        "snapshot_id": result.snapshot_id,
        "snapshot_name": result.snapshot_name,
        "display_name": result.display_name,
        "settings": result.settings,
        "warnings": result.warnings,
    }
    out.result(data, [f"{result.feature_count} detections written to {result.path}."])
    return exit_codes.OK


def _raster_items(args: argparse.Namespace) -> list[str]:
    items = list(args.rasters)
    if args.from_file:
        text = Path(args.from_file).read_text(encoding="utf-8")
        items += [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not items:
        raise InputDataError("No raster given: give raster files, folders or glob patterns, or --from-file.")
    return items


def cmd_detect_many(args, ws, out: Output, report, stop) -> int:
    from ..detection.many import detect_many

    model = ws.find_model(args.model)
    result = detect_many(
        ws,
        model.id,
        ws.find_snapshot(model.id, args.snapshot).id,
        _raster_items(args),
        args.output,
        detect_options(args),
        scheduler=args.scheduler,
        workers=args.workers,
        threads=_positive(args.threads),
        overwrite=args.overwrite,
        keep_going=args.keep_going,
        progress=report,
        should_stop=stop,
    )
    report.close()
    for scene, message in result.failed:
        report.note(f"error: scene {scene}: {message}")
    data = {
        "path": result.path,
        "layer_name": result.layer_name,
        "feature_count": result.feature_count,
        "model_id": result.model_id,
        "snapshot_id": result.snapshot_id,
        "snapshot_name": result.snapshot_name,
        "scenes": [
            {"scene": d.scene, "raster": d.raster, "features": d.feature_count, "warnings": d.warnings}
            for d in result.scenes
        ],
        "failed": [{"scene": s, "error": m} for s, m in result.failed],
        "scheduler": result.scheduler,
        "seconds": result.seconds,
        "scenes_per_minute": round(result.scenes_per_minute, 3),
    }
    lines = [
        f"{result.feature_count} detections from {len(result.scenes)} scenes written to {result.path} "
        f"({result.scheduler}, {result.seconds:.1f} s)."
    ]
    if result.failed:
        lines.append(f"{len(result.failed)} scenes failed (see stderr).")
    out.result(data, lines)
    return exit_codes.PARTIAL if result.failed else exit_codes.OK


def cmd_export(args, ws, out: Output, report, stop) -> int:
    from ..snapshots.package import export_snapshot

    model = ws.find_model(args.model)
    snap = ws.find_snapshot(model.id, args.snapshot)
    info = export_snapshot(
        ws, model.id, snap.id, Path(args.output), include_training_data=args.with_training_data
    )
    data = {
        "path": info.path,
        "model_id": model.id,
        "model_name": model.name,
        "snapshot_id": snap.id,
        "snapshot_name": snap.name,
        "training_data": info.has_training_data,
        "files": info.files,
    }
    out.result(data, [f"Snapshot “{snap.name}” ({snap.id}) of model “{model.name}” exported to {info.path}."])
    return exit_codes.OK


def cmd_import(args, ws, out: Output, report, stop) -> int:
    from ..snapshots.package import import_package

    target = ws.find_model(args.into).id if args.into else None
    result = import_package(ws, Path(args.package), into_model=target, name=args.name)
    for warning in result.warnings:
        report.note(f"warning: {warning}")
    data = {
        "model_id": result.model.id,
        "model_name": result.model.name,
        "snapshot_id": result.snapshot.id,
        "snapshot_name": result.snapshot.name,
        "new_model": result.new_model,
        "training_data": result.training_data,
        "warnings": result.warnings,
    }
    if result.new_model:
        line = f"Imported as the new model “{result.model.name}” ({result.model.id})."
    else:
        line = (
            f"Imported as snapshot “{result.snapshot.name}” ({result.snapshot.id}), the current state "
            f"of model “{result.model.name}”."
        )
    out.result(data, [line])
    return exit_codes.OK


# ------------------------------------------------------------------------------ parser
def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-w",
        "--workspace",
        help=f"the .huntr folder beside the project, or the project file (default: ${WORKSPACE_ENV})",
    )
    common.add_argument("--json", action="store_true", help="print the result as one JSON object")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    common.add_argument("-v", "--verbose", action="store_true", help="log the engine's messages on stderr")
    return common


def _detection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-m", "--model", required=True, help="model id or name")
    parser.add_argument("-s", "--snapshot", help="snapshot id or name (default: the current state)")
    group = parser.add_argument_group("detection settings (default: the snapshot's calibrated values)")
    group.add_argument("--score-threshold", type=float, help="minimum class probability, 0…1")
    group.add_argument("--boundary-threshold", type=float, help="count mode: core/boundary threshold, 0…1")
    group.add_argument("--min-pixels", type=int, help="minimum size of a detection in pixels")
    group.add_argument("--min-area", type=float, help="minimum area in square map units")
    flips = group.add_mutually_exclusive_group()
    flips.add_argument(
        "--flip-tta",
        action="store_true",
        help="flip averaging (4× the network's work; default: the snapshot's)",
    )
    flips.add_argument("--no-flip-tta", action="store_true", help="no flip test-time augmentation")
    group.add_argument(
        "--geometry",
        choices=GEOMETRIES,
        help="count mode: objects as outlines or boxes (default: boxes where the labels were boxes)",
    )
    group.add_argument(
        "--max-box-overlap",
        type=float,
        help="boxes from the box head: the largest IoU two may share, the lower-scored of a pair "
        "overlapping more is dropped, 0…1 (default: the snapshot's; 1 keeps every box)",
    )
    group.add_argument("--dissolve", action="store_true", help="segmentation: one feature per class")
    group.add_argument("--device", choices=("auto", "cpu", "cuda"), help="default: auto")
    group.add_argument("--threads", type=int, help="torch CPU threads per scene")
    group.add_argument("--block-size", type=int, help="pixels a side of a processing block (memory)")
    group.add_argument("--layer-name", help="layer name inside the GeoPackage (default: detections)")


def build_parser() -> argparse.ArgumentParser:
    codes = "\n".join(f"  {code:>3}  {meaning}" for code, meaning in exit_codes.table())
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="ORCA HUNTR without QGIS: train, detect and manage snapshots in a workspace folder.",
        epilog=f"exit statuses:\n{codes}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")
    common = _common()

    p = sub.add_parser("models", parents=[common], help="list the models")
    p.set_defaults(run=cmd_models)

    p = sub.add_parser("snapshots", parents=[common], help="list the snapshots (the timeline), newest first")
    p.add_argument("-m", "--model", help="model id or name (default: every model)")
    p.set_defaults(run=cmd_snapshots)

    p = sub.add_parser("train", parents=[common], help="train a model; every stop creates a snapshot")
    p.add_argument("-m", "--model", required=True, help="model id or name")
    p.add_argument("--max-steps", type=int, help="steps of this run (no budget at all: 500)")
    p.add_argument("--max-seconds", type=float, help="wall time of this run")
    p.add_argument("--max-epochs", type=float, help="epochs of this run")
    p.add_argument("--batch-size", type=int, help="tiles a step (under torchrun: per process)")
    p.add_argument("--lr", type=float, help="peak learning rate")
    p.add_argument("--seed", type=int)
    p.add_argument("--device", choices=("auto", "cpu", "cuda"))
    p.add_argument("--validation-fraction", type=float, help="held out when no validation area is marked")
    p.add_argument("--patience", type=int, help="early stopping after this many validations")
    p.add_argument("--threads", type=int, help="torch CPU threads (default: every core)")
    p.add_argument("--boundary-target", choices=("distance", "rim"), help="count mode (default: the model's)")
    p.add_argument("--no-photometric", action="store_true", help="no photometric augmentation")
    p.set_defaults(run=cmd_train)

    p = sub.add_parser("detect", parents=[common], help="detect with a snapshot over one raster")
    p.add_argument("raster", help="the raster file")
    _detection_arguments(p)
    p.add_argument("--aoi", help="area of interest: a vector file, or WKT in the raster's CRS")
    p.add_argument("-o", "--output", help="GeoPackage to write (default: in the workspace's detections/)")
    p.set_defaults(run=cmd_detect)

    p = sub.add_parser(
        "detect-many",
        parents=[common],
        help="detect over many rasters on Dask, merged into one GeoPackage",
        description="One Dask task a scene; the scenes' detections are merged into one GeoPackage "
        "whose features record their scene. Workers must see the workspace, the rasters and the "
        "output at the same paths.",
    )
    p.add_argument("rasters", nargs="*", help="raster files, folders or glob patterns (quoted)")
    p.add_argument("--from-file", help="a text file listing rasters, one a line")
    p.add_argument("-o", "--output", required=True, help="the merged GeoPackage to write")
    _detection_arguments(p)
    p.add_argument("--scheduler", help="address of a Dask scheduler, e.g. tcp://host:8786 (default: local)")
    p.add_argument(
        "--workers",
        type=int,
        help="local worker processes (default: one a core); 0: no Dask, one scene after another here",
    )
    p.add_argument("--overwrite", action="store_true", help="replace the output when it exists")
    p.add_argument("--keep-going", action="store_true", help="leave failing scenes out (exit status 20)")
    p.set_defaults(run=cmd_detect_many)

    p = sub.add_parser(
        "purge",
        parents=[common],
        help="delete what the retention policies give up (expired, beyond the last N, over the budget)",
        description="Saved snapshots and each model's current state are never deleted. With --dry-run "
        "nothing is deleted: the output lists what a purge would delete, and why.",
    )
    p.add_argument("--dry-run", action="store_true", help="only list what would be deleted, and why")
    p.set_defaults(run=cmd_purge)

    p = sub.add_parser(
        "retention",
        parents=[common],
        help="show or set the retention policy (workspace or one model) and the disk use",
        description="Without a policy option: shows the policies and the disk use per model. Options "
        "change the workspace's policy, or with --model that model's own policy (starting from the one "
        "in force). 'none' removes a limit. Nothing is purged here: run 'purge' (or 'purge --dry-run').",
    )
    p.add_argument("-m", "--model", help="model id or name (default: the workspace's policy)")
    p.add_argument("--expiry-days", type=float, default=_UNSET, help="days a temporary snapshot is kept")
    p.add_argument(
        "--keep-last", type=_none_or(int), default=_UNSET, help="keep only the newest N temporary snapshots"
    )
    p.add_argument(
        "--keep-best",
        type=_none_or(str),
        default=_UNSET,
        help="always keep the best by this metric (f1, val_loss…)",
    )
    p.add_argument(
        "--budget-mb", type=_none_or(float), default=_UNSET, help="disk budget of each model's snapshots, MB"
    )
    p.add_argument(
        "--follow-workspace",
        action="store_true",
        help="with --model: drop its own policy, use the workspace's",
    )
    p.set_defaults(run=cmd_retention)

    p = sub.add_parser(
        "export",
        parents=[common],
        help="write a snapshot to one package file (.huntrpkg) another workspace can import",
    )
    p.add_argument("output", help="the package file to write (replaced when it exists)")
    p.add_argument("-m", "--model", required=True, help="model id or name")
    p.add_argument("-s", "--snapshot", help="snapshot id or name (default: the current state)")
    p.add_argument(
        "--with-training-data", action="store_true", help="include the snapshot's frozen training data"
    )
    p.set_defaults(run=cmd_export)

    p = sub.add_parser(
        "import",
        parents=[common],
        help="import a package file as a new model, or into a model with the same classes",
        description="Every member of the package is checked before anything shows in the workspace; "
        "a package that fails a check is refused (exit status 4) and the workspace is left as it was.",
    )
    p.add_argument("package", help="the package file (.huntrpkg)")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--name", help="name of the new model (default: the package's, made unique)")
    target.add_argument(
        "--into", metavar="MODEL", help="model id or name: the package becomes its new current state"
    )
    p.set_defaults(run=cmd_import)
    return parser


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run one command; returns the exit status."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger(__name__.split(".")[0])  # the engine's loggers: orca_huntr.*
    level_before = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if args.verbose else logging.ERROR)
    report = ProgressReport(stderr, quiet=args.quiet)
    run: Callable[..., int] = args.run
    try:
        return _run(args, run, report, stdout, stderr)
    finally:  # called in-process (tests, scripts): leave the logging as it was
        logger.removeHandler(handler)
        logger.setLevel(level_before)


def _run(
    args: argparse.Namespace, run: Callable[..., int], report: ProgressReport, stdout: TextIO, stderr: TextIO
) -> int:
    """``main`` once the logging is set: the command, its errors turned into exit statuses."""
    try:
        with StopRequest(report) as stop:
            ws = _workspace(args)
            return run(args, ws, Output(args.json, stdout), report, stop)
    except (HuntrError, KeyboardInterrupt) as exc:
        report.close()
        message = str(exc) or "Interrupted."
        stderr.write(f"error: {message}\n")
        return exit_codes.exit_code(exc)
    except Exception as exc:
        report.close()
        stderr.write("".join(traceback.format_exception(exc)))
        stderr.write(f"error: unexpected {type(exc).__name__}: {exc}\n")
        return exit_codes.INTERNAL
