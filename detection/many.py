"""Detection over many scenes with ``dask.distributed``: one task a scene, one merged GeoPackage.

:func:`detect_many` resolves the rasters (files, folders, glob patterns), checks every one
against the snapshot before any work (the gate of :func:`~.engine.detect`), and submits
one task a scene (:func:`run_scene`) to a Dask scheduler: the one at ``scheduler``
(``tcp://host:8786``), else a ``LocalCluster`` of worker processes started for the run,
or, with ``workers=0``, no Dask at all (the scenes one after another in this process).

Each task calls :func:`~.engine.detect` with the snapshot's id (chosen once, before any
task, so a training that runs meanwhile changes nothing) and writes the scene's own
GeoPackage into a hidden parts folder beside the output. ``detect`` writes it under a
temporary name and renames it when complete, so a part is either whole or absent: when
a worker dies mid-scene, Dask runs the task again on another worker, which writes the
same part again. Once every scene is done the parts are merged, in the order of the
scenes (:mod:`.merge`), into one GeoPackage whose features record their ``scene``; the
merged file does not depend on the number of workers or the order tasks finished in.

Workers of a remote cluster must see the workspace, the rasters and the output folder
at the same paths (a shared file system), and be able to import ``orca_huntr``.
"""

from __future__ import annotations

import glob
import logging
import multiprocessing
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..deps import require
from ..errors import CancelledError, HuntrError, InputDataError, OutputError
from .options import DetectOptions

log = logging.getLogger(__name__)

RASTER_SUFFIXES = (".tif", ".tiff", ".vrt", ".jp2", ".img")
GLOB_CHARS = "*?["


@dataclass(frozen=True)
class SceneJob:
    """One scene of a run: its position, its name in the output, its raster and its part file."""

    index: int
    scene: str
    raster: str
    part: str


@dataclass
class SceneDone:
    """What one scene's task did."""

    index: int
    scene: str
    raster: str
    part: str
    layer_name: str
    feature_count: int
    warnings: list[str]
    seconds: float
    worker: str  # host:pid of the process that ran it


@dataclass
class ManyProgress:
    """One progress report of a many-scene run."""

    fraction: float  # 0..1 of the whole run
    scenes_done: int
    scenes_total: int
    message: str = ""


@dataclass
class ManyResult:
    """The merged GeoPackage and what every scene gave."""

    path: Path
    layer_name: str
    feature_count: int
    model_id: str
    model_name: str
    snapshot_id: str
    snapshot_name: str
    scenes: list[SceneDone]
    failed: list[tuple[str, str]] = field(default_factory=list)  # (scene, message) with keep_going
    workers: int = 0  # 0: this process, no Dask
    scheduler: str = ""
    seconds: float = 0.0

    @property
    def scenes_per_minute(self) -> float:
        return 60.0 * len(self.scenes) / self.seconds if self.seconds > 0 else 0.0


# ------------------------------------------------------------------------------- inputs
def find_rasters(items: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The rasters named by ``items``, each a file, a folder (its rasters, sorted) or a glob
    pattern (its matches, sorted); in the order given, each raster once."""
    found: list[Path] = []
    for item in items:
        text = str(item)
        path = Path(text).expanduser()
        if path.is_dir():
            matches = sorted(p for p in path.iterdir() if p.suffix.lower() in RASTER_SUFFIXES and p.is_file())
            if not matches:
                raise InputDataError(
                    f"The folder {path} holds no raster ({', '.join(RASTER_SUFFIXES)} files)."
                )
        elif any(c in text for c in GLOB_CHARS) and not path.exists():
            matches = sorted(Path(p) for p in glob.glob(os.path.expanduser(text), recursive=True))
            matches = [p for p in matches if p.is_file()]
            if not matches:
                raise InputDataError(f"No file matches the pattern {text}.")
        elif path.is_file():
            matches = [path]
        else:
            raise InputDataError(f"The raster {path} does not exist.")
        found.extend(p.absolute() for p in matches)
    unique = list(dict.fromkeys(found))
    if not unique:
        raise InputDataError("No raster given: give raster files, a folder or a glob pattern.")
    return unique


def scene_names(paths: Sequence[Path]) -> list[str]:
    """A unique name per raster: its file name without extension, or, when two rasters
    share one, their paths below the folder they have in common."""
    stems = [p.stem for p in paths]
    if len(set(stems)) == len(stems):
        return stems
    common = Path(os.path.commonpath([str(p.parent) for p in paths]))
    return [p.relative_to(common).with_suffix("").as_posix() for p in paths]


# ------------------------------------------------------------------------------ one task
def run_scene(
    workspace_root: str, model_id: str, snapshot_id: str, job: SceneJob, options: dict
) -> SceneDone:
    """Detect one scene into its part file (runs on a Dask worker, or in this process)."""
    import socket

    from ..snapshots.existing import open_existing
    from .engine import detect

    t0 = time.perf_counter()
    ws = open_existing(workspace_root)
    result = detect(
        ws,
        model_id,
        snapshot_id,
        job.raster,
        options={**options, "output_path": job.part, "scene_name": job.scene},
    )
    return SceneDone(
        index=job.index,
        scene=job.scene,
        raster=job.raster,
        part=job.part,
        layer_name=result.layer_name,
        feature_count=result.feature_count,
        warnings=list(result.warnings),
        seconds=round(time.perf_counter() - t0, 3),
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )


# ------------------------------------------------------------------------------ the run
def detect_many(
    ws: Any,
    model_id: str,
    snapshot_id: str | None,
    rasters: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    options: DetectOptions | dict | None = None,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    threads: int | None = None,
    overwrite: bool = False,
    keep_going: bool = False,
    progress: Callable[[ManyProgress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    work_dir: str | os.PathLike[str] | None = None,
) -> ManyResult:
    """Detect with one snapshot over many rasters and merge the detections into ``output``.

    ``rasters``: files, folders or glob patterns (:func:`find_rasters`). ``snapshot_id``
    None is the current state. ``scheduler`` is a Dask scheduler address; without it a
    ``LocalCluster`` of ``workers`` processes (default: one a core, at most one a scene)
    runs the tasks, and ``workers=0`` runs them in this process without Dask. ``threads``
    is the torch threads a scene uses (default: the cores divided among the local workers).
    With ``keep_going`` a scene that fails with a :class:`HuntrError` is left out and
    listed in :attr:`ManyResult.failed`; otherwise the first failure stops the run.
    ``work_dir`` is where the per-scene files go (default: a hidden folder beside
    ``output``, removed at the end).
    """
    from . import output as out
    from .engine import load_snapshot, snapshot_spec
    from .gate import check_raster, inspect_raster

    t_start = time.perf_counter()
    opts = options if isinstance(options, DetectOptions) else DetectOptions.from_dict(options)
    final = Path(output).expanduser().absolute()
    if final.suffix.lower() != ".gpkg":
        raise InputDataError(f"The output {final} must be a GeoPackage (a .gpkg file).")
    if final.exists() and not overwrite:
        raise OutputError(f"The output {final} already exists; choose another file or allow overwriting it.")
    out.check_layer_name(opts.layer_name)
    paths = find_rasters(rasters)
    names = scene_names(paths)

    spec = snapshot_spec(load_snapshot(ws, model_id, snapshot_id))  # chosen once, for every task
    failed: list[tuple[str, str]] = []
    chosen: list[tuple[str, Path]] = []
    for name, path in zip(names, paths, strict=True):  # the gate, before any task
        try:
            check_raster(inspect_raster(str(path)), spec.requirements, opts)
        except HuntrError as exc:
            if not keep_going:
                raise
            failed.append((name, str(exc)))
            continue
        chosen.append((name, path))
    if not chosen:
        raise InputDataError("None of the rasters can be used with this snapshot: " + failed[0][1])

    if scheduler:
        local_workers = 0
    elif workers is None:
        local_workers = max(1, min(os.cpu_count() or 1, len(chosen)))
    else:
        local_workers = max(0, int(workers))
    if threads is None and not scheduler:
        threads = max(1, (os.cpu_count() or 1) // max(1, local_workers))
    task_options = {**opts.to_dict(), "threads": threads}
    parts_dir = Path(work_dir) if work_dir else final.with_name(f".{final.stem}.parts-{uuid.uuid4().hex[:8]}")
    parts_dir.mkdir(parents=True, exist_ok=True)
    jobs = [
        SceneJob(i, name, str(path), str(parts_dir / f"{i:05d}_{out.slug(name)}.gpkg"))
        for i, (name, path) in enumerate(chosen)
    ]
    report = _reporter(progress, len(jobs))
    try:
        if scheduler or local_workers > 0:
            done, more_failed, where = _run_on_dask(
                ws.root,
                spec.model_id,
                spec.snapshot_id,
                jobs,
                task_options,
                scheduler,
                local_workers,
                keep_going,
                report,
                should_stop,
            )
        else:
            done, more_failed, where = _run_here(
                ws.root, spec.model_id, spec.snapshot_id, jobs, task_options, keep_going, report, should_stop
            )
        failed += more_failed
        if not done:
            raise InputDataError("No scene could be detected: " + failed[0][1])
        done.sort(key=lambda d: d.index)
        from .merge import ScenePart, merge_parts

        report(len(jobs), "merging the scenes")
        display_name = f"{spec.model_name} · {spec.snapshot_name} · {len(done)} scenes"
        metadata = {
            **spec.run_record(display_name),
            "scenes": [
                {"scene": d.scene, "raster": d.raster, "features": d.feature_count, "warnings": d.warnings}
                for d in done
            ],
            "failed": [{"scene": s, "error": m} for s, m in failed],
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "options": {k: v for k, v in task_options.items() if k not in ("output_path", "scene_name")},
        }
        parts = [ScenePart(d.scene, Path(d.part), d.layer_name) for d in done]
        count, _crs = merge_parts(parts, final, opts.layer_name, metadata)
    finally:
        if not work_dir:
            shutil.rmtree(parts_dir, ignore_errors=True)
    seconds = time.perf_counter() - t_start
    log.info("Many-scene detection: %d feature(s) from %d scene(s) in %s", count, len(done), final)
    if progress is not None:
        progress(ManyProgress(1.0, len(jobs), len(jobs), "done"))
    return ManyResult(
        path=final,
        layer_name=opts.layer_name,
        feature_count=count,
        model_id=spec.model_id,
        model_name=spec.model_name,
        snapshot_id=spec.snapshot_id,
        snapshot_name=spec.snapshot_name,
        scenes=done,
        failed=failed,
        workers=local_workers,
        scheduler=where,
        seconds=round(seconds, 3),
    )


def _reporter(progress: Callable[[ManyProgress], None] | None, total: int) -> Callable[[int, str], None]:
    def report(done: int, message: str) -> None:
        if progress is not None:
            progress(ManyProgress(0.97 * done / max(total, 1), done, total, message))

    return report


def _stopped(should_stop: Callable[[], bool] | None) -> None:
    if should_stop is not None and should_stop():
        raise CancelledError("Detection was cancelled; nothing was written.")


def _run_here(root, model_id, snapshot_id, jobs, options, keep_going, report, should_stop):
    """The scenes one after another in this process (no Dask)."""
    done: list[SceneDone] = []
    failed: list[tuple[str, str]] = []
    for job in jobs:
        _stopped(should_stop)
        try:
            done.append(run_scene(str(root), model_id, snapshot_id, job, options))
        except CancelledError:
            raise
        except HuntrError as exc:
            if not keep_going:
                raise
            failed.append((job.scene, str(exc)))
        report(len(done) + len(failed), f"scene {job.scene} done")
    return done, failed, "this process"


def _python_for_workers() -> None:
    """Start local workers with a Python interpreter, not the program embedding this one
    (inside QGIS ``sys.executable`` is QGIS itself)."""
    name = Path(sys.executable or "").name.lower()
    if name.startswith("python"):
        return
    python = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}") or shutil.which(
        "python3"
    )
    if python:
        multiprocessing.set_executable(python)


def _run_on_dask(
    root, model_id, snapshot_id, jobs, options, scheduler, n_workers, keep_going, report, should_stop
):
    """The scenes as Dask tasks, on the scheduler at ``scheduler`` or a LocalCluster of ``n_workers``."""
    distributed = require("distributed")
    cluster = client = None
    try:
        if scheduler:
            try:
                client = distributed.Client(scheduler, timeout="30s")
            except OSError as exc:
                raise HuntrError(
                    f"Cannot reach the Dask scheduler at {scheduler} ({exc}). Check the address and that "
                    "`dask scheduler` runs there."
                ) from exc
            where = scheduler
        else:
            _python_for_workers()
            cluster = distributed.LocalCluster(
                n_workers=n_workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = distributed.Client(cluster)
            where = f"LocalCluster of {n_workers} worker(s)"
        token = uuid.uuid4().hex[:8]
        futures = {
            client.submit(
                run_scene,
                str(root),
                model_id,
                snapshot_id,
                job,
                options,
                key=f"huntr-scene-{token}-{job.index}",
            ): job
            for job in jobs
        }
        pending = set(futures)
        done: list[SceneDone] = []
        failed: list[tuple[str, str]] = []
        while pending:
            _stopped(should_stop)
            try:
                finished, pending = distributed.wait(pending, timeout=0.5, return_when="FIRST_COMPLETED")
            except TimeoutError:
                continue
            for future in sorted(finished, key=lambda f: futures[f].index):
                job = futures[future]
                if future.status == "finished":
                    done.append(future.result())
                    report(len(done) + len(failed), f"scene {job.scene} done")
                    continue
                if future.status == "cancelled":
                    raise HuntrError(
                        f"Scene “{job.scene}” was cancelled on the Dask cluster; nothing was written."
                    )
                error: BaseException | None = future.exception()
                if isinstance(error, distributed.KilledWorker):
                    error = HuntrError(
                        f"Scene “{job.scene}” ({job.raster}) was being detected when its Dask worker died, "
                        "several times over. A worker may run out of memory on it: give workers more "
                        "memory or use smaller blocks."
                    )
                if not isinstance(error, HuntrError) or not keep_going:
                    client.cancel(list(pending))
                    raise error if error is not None else HuntrError(f"Scene “{job.scene}” failed.")
                failed.append((job.scene, str(error)))
                report(len(done) + len(failed), f"scene {job.scene} failed")
        return done, failed, where
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
