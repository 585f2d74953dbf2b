"""The workspace façade: it holds the write lock, converts errors, and delegates every rule.

One module per concept below it: ``layout.py`` (where each file lives), ``modelfile.py``
(``model.json``), ``manifest.py`` (a snapshot folder), ``timeline.py`` (states, kinds,
lookups), ``operations.py`` (revert, purge, new model: applied here after the journal entry
is written, and by ``recovery.py`` when rolling forward). Every write holds the lock. The
façade's retention part (policies, disk use, purge) is ``store_retention.py``, its revert part
(revert, reverted sets, undo) ``store_revert.py``; ``Workspace`` inherits both.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import HuntrError, NotFoundError, ReadOnlyWorkspaceError, WorkspaceError
from . import (
    derived,
    gpkg,
    lineage,
    manifest,
    meta,
    modelfile,
    operations,
    policy,
    recovery,
    scenes,
    temporary,
    timeline,
)
from .layout import Layout
from .lineage import LineageItem, LineageNode
from .lock import TrainingLock, WorkspaceLock
from .model import (
    SCHEMA_VERSION,
    ClassSpec,
    DamagedSnapshot,
    InputSpec,
    LoadedSnapshot,
    ModelInfo,
    SceneRef,
    SnapshotInfo,
    utc_now,
)
from .paths import temporary_workspace_dir, validate_id, workspace_dir_for_project
from .store_retention import RetentionFacade
from .store_revert import RevertFacade

log = logging.getLogger(__name__)

DEFAULT_LOCK_TIMEOUT = 2.0


class Workspace(RetentionFacade, RevertFacade):
    """A workspace folder: open it with :meth:`open`, :meth:`for_project` or :meth:`open_temporary`.

    ``clock`` (an aware UTC datetime) replaces the system clock, for tests; ``lock_timeout``:
    how long a write waits for another writer before :class:`WorkspaceLockedError`.
    """

    def __init__(
        self,
        root: str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        temporary: bool = False,
    ) -> None:
        self.root = Path(root).expanduser().absolute()
        self.clock = clock or utc_now
        self.lock_timeout = float(lock_timeout)
        self.is_temporary = temporary
        self.read_only = False
        self.read_only_reason = ""
        self.schema_version = SCHEMA_VERSION
        self.settings: dict[str, Any] = dict(meta.DEFAULT_SETTINGS)
        self._layout = Layout(self.root)
        self._timelines = timeline.Timelines(self._layout, lambda: policy.from_settings(self.settings))
        self._manifests = self._timelines.manifests  # parsed manifests (cleared by benchmarks)
        self._lock = WorkspaceLock(self.root)
        self._initialise()

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], **options: Any) -> Workspace:
        """Open the workspace folder ``path``, creating it when missing; recover a crashed writer's work."""
        return cls(path, **options)

    @classmethod
    def for_project(cls, project_file: str | os.PathLike[str] | None, **options: Any) -> Workspace:
        """The workspace beside ``project_file``; a temporary one for an unsaved project (``None``/``""``).

        ``base`` (keyword) is where temporary workspaces go (default: the system temp folder).
        """
        base = options.pop("base", None)
        if project_file is None or not str(project_file).strip():
            return cls.open_temporary(base, **options)
        return cls(workspace_dir_for_project(project_file), **options)

    @classmethod
    def open_temporary(cls, base: str | os.PathLike[str] | None = None, **options: Any) -> Workspace:
        """A new workspace for a project that was never saved (see :meth:`move_beside_project`)."""
        path = temporary_workspace_dir(base)
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(path, temporary=True, **options)

    def _initialise(self) -> None:
        self._layout.make_root()
        if not self._layout.workspace_file.exists():
            with self._writing("create the workspace"):
                meta.create(self._layout.workspace_file, self.clock())
        self.schema_version, self.settings = meta.read(self._layout.workspace_file)
        reason = meta.read_only_reason(self.root, self.schema_version)
        if reason is not None:
            self.read_only, self.read_only_reason = True, reason
        if not self.read_only:
            self._layout.make_top_folders()
            recovery.recover(self._timelines, self._lock, self.clock)

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    # ------------------------------------------------------------------ settings

    @property
    def temporary_days(self) -> float:
        """Days a superseded, unsaved snapshot is kept before :meth:`purge_expired` deletes it."""
        return meta.temporary_days(self.settings)

    def set_setting(self, key: str, value: Any) -> None:
        """Change one workspace setting (``temporary_days``…) durably."""
        meta.check_setting(key, value)
        with self._write("change a setting"):
            meta.write_setting(self._layout.workspace_file, key, value)
            self.settings[key] = value

    @property
    def detections_dir(self) -> Path:
        """Folder for detection GeoPackages (created when missing)."""
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.read_only_reason)
        return self._layout.detections_dir()

    @property
    def derived(self) -> derived.DerivedFiles:
        """Files made from snapshots and kept for reuse (``snapshots/derived.py``: ``.cache/``)."""
        return derived.DerivedFiles(self.root, self.read_only)

    # ------------------------------------------------------------------ locking and errors

    @contextlib.contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Turn low-level failures into a :class:`WorkspaceError` that says what failed."""
        try:
            yield
        except HuntrError:
            raise
        except (OSError, gpkg.GeoPackageError) as exc:
            raise WorkspaceError(
                f"Could not {what} in the workspace {self.root}: {exc}. Nothing was changed; check "
                "free disk space and permissions."
            ) from exc

    @contextlib.contextmanager
    def _write(self, what: str) -> Iterator[None]:
        """Hold the write lock (after the read-only check) and convert low-level errors."""
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.read_only_reason)
        outermost = not self._lock.held_here()
        with self._lock.hold(self.lock_timeout), self._writing(what):
            if outermost:
                # A writer in another process may have died since this workspace was opened:
                # finish its operation before building on top of a half-done state.
                recovery.complete_pending(self._timelines, self.clock)
            yield

    def training_lock(self, model_id: str) -> TrainingLock:
        """Marks ``model_id`` as being trained, across processes (:class:`ModelBusyError` if it is)."""
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.read_only_reason)
        info = self.get_model(model_id)
        return TrainingLock(self._layout.training_lock_file(info.id), f"'{info.name}'")

    def is_locked_elsewhere(self) -> bool:
        """Whether another process or thread currently holds the write lock."""
        try:
            self._lock.acquire(0)
        except WorkspaceError:
            return True
        self._lock.release()
        return False

    # ------------------------------------------------------------------ models

    @property
    def models_dir(self) -> Path:
        return self._layout.models_dir

    def list_models(self) -> list[ModelInfo]:
        """Every model of the workspace, oldest first."""
        return modelfile.list_all(self._layout)

    def get_model(self, model_id: str) -> ModelInfo:
        """The model ``model_id``; :class:`NotFoundError` when there is none."""
        return modelfile.read(self._layout, model_id)

    def find_model(self, id_or_name: str) -> ModelInfo:
        """A model by id, else by exact name, else by case-insensitive name."""
        return modelfile.find(self.list_models(), id_or_name, self.root)

    def _check_model_name(self, name: str, exclude: str | None = None) -> str:
        return modelfile.check_name(self.list_models(), name, exclude)

    def create_model(
        self,
        name: str,
        classes: list[ClassSpec],
        mode: str = "segmentation",
        input_spec: InputSpec | None = None,
        network: Mapping[str, Any] | None = None,
        tile_size: int = 256,
    ) -> ModelInfo:
        """Create a model with its empty live training GeoPackage (CRS = ``input_spec.crs``)."""
        class_specs, spec = modelfile.check_new(mode, classes, input_spec, tile_size)
        with self._write("create a model"):
            name = self._check_model_name(name)
            info = modelfile.new_info(name, class_specs, mode, spec, network, tile_size, self.clock())
            operations.stage_model(self._timelines, info, operations.empty_training_data(spec.crs))
        return info

    def commit_new_model(self, info: ModelInfo, fill: Callable[[Path], None]) -> ModelInfo:
        """Create model ``info`` from files ``fill(staging)`` writes into its hidden staging folder.

        ``fill`` writes the live ``training.gpkg`` and any ``snapshots/<id>/`` folders (each with
        its manifest, as :meth:`create_snapshot` writes them). The model appears all at once
        (journaled rename) or not at all; the name and classes are checked as for
        :meth:`create_model`. Used by the package import (``snapshots/package.py``).
        """
        class_specs, _spec = modelfile.check_new(info.mode, info.classes, info.input_spec, info.tile_size)
        with self._write("create the model"):
            info = ModelInfo(
                **{**info.__dict__, "name": self._check_model_name(info.name), "classes": class_specs}
            )
            operations.stage_model(self._timelines, info, fill, journaled=True)
        return info

    def rename_model(self, model_id: str, name: str) -> ModelInfo:
        """Give model ``model_id`` a new display name."""
        with self._write("rename the model"):
            info = self.get_model(model_id)
            new = ModelInfo(**{**info.__dict__, "name": self._check_model_name(name, exclude=model_id)})
            modelfile.write(self._layout, new)
        return new

    def delete_model(self, model_id: str) -> ModelInfo:
        """Delete model ``model_id`` with its training data and every snapshot."""
        with self._write("delete the model"):
            return operations.delete_model(self._timelines, model_id)

    # ------------------------------------------------------------------ training data and scenes

    def training_data_path(self, model_id: str) -> Path:
        """The live training GeoPackage of ``model_id`` (``training_areas``, ``labels``, ``scenes``)."""
        self.get_model(model_id)
        return self._layout.training_file(model_id)

    def training_counts(self, model_id: str) -> dict[str, Any]:
        """Counts of the live training data: ``{training_areas, labels_per_class, scenes}``."""
        path = self.training_data_path(model_id)
        try:
            return gpkg.counts(path)
        except gpkg.GeoPackageError as exc:
            raise WorkspaceError(f"Cannot read the training data {path}: {exc}") from exc

    def list_scenes(self, model_id: str) -> list[SceneRef]:
        """Scenes recorded in ``model_id``'s training data, in the order they were added."""
        return scenes.listed(self.training_data_path(model_id))

    def add_scene(
        self, model_id: str, source: str, name: str | None = None, fingerprint: str | None = None
    ) -> SceneRef:
        """Record raster ``source`` (a GDAL path) as a scene of the model (the existing one if known)."""
        source = scenes.check_source(source)
        known = next((s for s in self.list_scenes(model_id) if s.source == source), None)
        if known is not None:
            return known
        display = scenes.display_name(name, source)
        with self._write("add a scene"):
            return scenes.add(self.training_data_path(model_id), source, display, fingerprint, self.clock())

    def remove_scene(self, model_id: str, scene_id: str) -> None:
        """Remove scene ``scene_id`` from the model's training data."""
        with self._write("remove a scene"):
            if gpkg.delete_scene(self.training_data_path(model_id), str(scene_id)) == 0:
                raise NotFoundError(f"No scene '{scene_id}' in model '{model_id}'.")

    # ------------------------------------------------------------------ reading snapshots

    def _timeline(self, model_id: str) -> list[SnapshotInfo]:
        """Snapshots of ``model_id``, oldest first, with their derived kinds."""
        return self._timelines.read(model_id)

    def damaged_snapshots(self, model_id: str) -> list[DamagedSnapshot]:
        """Snapshot folders whose manifest cannot be trusted: never listed; training refuses while
        one exists (a new snapshot could build on an older state); :meth:`delete_snapshot` quarantines it.
        """
        self.get_model(model_id)
        return self._timelines.damaged(model_id)

    def check_timeline_readable(self, model_id: str) -> None:
        """Raise :class:`CorruptSnapshotError` while ``model_id`` has a damaged snapshot."""
        self.get_model(model_id)
        self._timelines.check_readable(model_id)

    def list_snapshots(self, model_id: str) -> list[SnapshotInfo]:
        """The timeline of ``model_id``, newest first (the current state is first)."""
        return list(reversed(self._timeline(model_id)))

    def get_snapshot(self, model_id: str, snapshot_id: str) -> SnapshotInfo:
        """Snapshot ``snapshot_id`` of ``model_id``; :class:`NotFoundError` when there is none."""
        validate_id(snapshot_id, "snapshot id")
        return timeline.get(self._timeline(model_id), model_id, snapshot_id)

    def current_snapshot(self, model_id: str) -> SnapshotInfo | None:
        """The current state of ``model_id`` (its newest snapshot), or ``None`` before any training."""
        snapshots = self._timeline(model_id)
        return snapshots[-1] if snapshots else None

    def lineage(self) -> list[LineageNode]:
        """Every snapshot of every model in lineage order (see ``lineage.tree``)."""
        models = self.list_models()
        return lineage.tree(models, {m.id: self._timeline(m.id) for m in models})

    def lineage_tree(self) -> list[LineageItem]:
        """Models, their snapshots, the models made from each and the reverted sets, nested
        (see ``lineage.model_tree``): what the panel's lineage view shows."""
        models = self.list_models()
        timelines = {m.id: self._timeline(m.id) for m in models}
        return lineage.model_tree(models, timelines, {m.id: self._timelines.reverted(m.id) for m in models})

    def find_snapshot(self, model_id: str, id_or_name: str | None = None) -> SnapshotInfo:
        """The snapshot the user means (the one rule of every front end: see ``timeline.find``)."""
        return timeline.find(self._timeline(model_id), model_id, id_or_name, self.get_model)

    # ------------------------------------------------------------------ verifying and loading

    def verify_snapshot(self, model_id: str, snapshot_id: str) -> None:
        """Check every file of a snapshot against its manifest; :class:`CorruptSnapshotError` if not."""
        self._timelines.verify(model_id, self.get_snapshot(model_id, snapshot_id).id)

    def load_snapshot(self, model_id: str, snapshot_id: str) -> LoadedSnapshot:
        """Weights (numpy), optimizer state and everything detection needs, after checking checksums.

        ``config`` is the trainer's config completed from the model (``mode``, ``network``,
        ``tile_size``, ``bands``, ``crs``, ``resolution``, ``classes``) where it lacks them.
        """
        info = self.get_snapshot(model_id, snapshot_id)
        model = self.get_model(model_id)
        self.verify_snapshot(model_id, info.id)
        return self._timelines.load(info, model)

    def snapshot_training_data_path(self, model_id: str, snapshot_id: str) -> Path:
        """The frozen copy of the training data inside a snapshot (read it, never write it)."""
        info = self.get_snapshot(model_id, snapshot_id)
        return self._layout.frozen_training_file(model_id, info.id)

    # ------------------------------------------------------------------ creating snapshots

    def create_snapshot(
        self,
        model_id: str,
        weights: Mapping[str, Any],
        optimizer: Mapping[str, Any] | None = None,
        optimizer_meta: Mapping[str, Any] | None = None,
        metrics: Mapping[str, Any] | None = None,
        progress: Mapping[str, Any] | None = None,
        config: Mapping[str, Any] | None = None,
        counts: Mapping[str, Any] | None = None,
        name: str | None = None,
    ) -> SnapshotInfo:
        """Commit a new snapshot of ``model_id``; it becomes the current state (the previous one
        becomes temporary unless saved). ``counts`` default to the live training data's; the
        other mappings are stored verbatim (JSON). Staged, fsynced, manifest last, renamed in.
        """
        blobs = manifest.tensor_blobs(weights, optimizer)
        with self._write("write the snapshot"):
            self.check_timeline_readable(model_id)
            live = self._layout.training_file(model_id)
            fields = {"metrics": metrics, "progress": progress, "config": config}
            fields["optimizer_meta"] = optimizer_meta
            named = self._timelines.named(model_id)
            record = timeline.next_manifest(
                self._timeline(model_id), model_id, self.clock(), name, named, **fields
            )
            manifest.commit_with_training_data(self._layout, record, blobs, live, counts)
            return self.get_snapshot(model_id, record["id"])

    # ------------------------------------------------------------------ changing snapshots

    def save_snapshot(self, model_id: str, snapshot_id: str, name: str | None = None) -> SnapshotInfo:
        """Keep a snapshot for good (temporary -> saved), optionally renaming it."""
        with self._write("save the snapshot"):
            info = self.get_snapshot(model_id, snapshot_id)
            named = self._timelines.named(model_id)
            new_name = info.name if name is None else timeline.check_name(named, info.id, name)
            self._timelines.write_state(model_id, info.id, saved=True, name=new_name)
            return self.get_snapshot(model_id, info.id)

    def rename_snapshot(self, model_id: str, snapshot_id: str, name: str) -> SnapshotInfo:
        """Give a snapshot a new display name (its id never changes)."""
        with self._write("rename the snapshot"):
            info = self.get_snapshot(model_id, snapshot_id)
            new_name = timeline.check_name(self._timelines.named(model_id), info.id, name)
            self._timelines.write_state(model_id, info.id, name=new_name, saved=info.saved)
            return self.get_snapshot(model_id, info.id)

    def delete_snapshot(self, model_id: str, snapshot_id: str) -> SnapshotInfo | DamagedSnapshot:
        """Delete a snapshot (never the current state); a damaged one goes to ``.quarantine/``."""
        with self._write("delete the snapshot"):
            return operations.delete_snapshot(self._timelines, self.clock, model_id, snapshot_id)

    # ------------------------------------------------------------------ new model from a snapshot

    def new_model_from_snapshot(
        self,
        model_id: str,
        snapshot_id: str,
        name: str,
        class_names: list[str] | None = None,
        reuse_training_data: bool = False,
    ) -> ModelInfo:
        """A new model starting from a snapshot's weights; ``class_names`` may rename its classes
        (same count, else :class:`ClassCountMismatchError`); ``reuse_training_data`` copies the
        snapshot's training data (else empty). See ``operations.create_model_from_snapshot``.
        """
        with self._write("create the model from the snapshot"):
            source = self.get_model(model_id)
            snap = self.get_snapshot(model_id, snapshot_id)
            classes = modelfile.classes_for_copy(source, snap.name, class_names)
            name = self._check_model_name(name)
            return operations.create_model_from_snapshot(
                self._timelines, source, snap, name, classes, reuse_training_data, self.clock()
            )

    # ------------------------------------------------------------------ unsaved projects

    def move_beside_project(self, project_file: str | os.PathLike[str]) -> Path:
        """Move this (temporary) workspace beside ``project_file`` once the project is saved.

        Returns the new folder (the caller re-points the layers that read files of the old one).
        """
        target = temporary.check_move_target(workspace_dir_for_project(project_file))
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.read_only_reason)
        old = self.root
        with self._lock.hold(self.lock_timeout), self._writing("move the workspace"):
            temporary.move_folder(old, target)
        self.root = target
        self.is_temporary = False
        self._layout.root = target
        self._lock = WorkspaceLock(self.root)
        self._manifests.clear()
        return target
