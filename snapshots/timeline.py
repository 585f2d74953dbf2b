"""A model's snapshot timeline: manifests plus mutable states, kinds derived, names, lookups.

* Immutable: each snapshot's manifest (``manifest.py``, cached).
* Mutable, per model: ``states.json`` (user names, saved flags; rewritten atomically) and
  the saved marks, one empty file per saved snapshot under ``saved/`` (so that a damaged
  ``states.json`` cannot erase them). An unreadable ``states.json`` is never read as "not
  saved": snapshots without a mark then get ``state_known=False`` and never expire.
* Derived when read (``retention.classify``): the newest snapshot (highest ``seq``) is the
  current state; older ones are saved or temporary with an expiry.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..errors import CorruptSnapshotError, InvalidNameError, NotFoundError, WorkspaceError
from . import atomic, manifest, modelfile, policy, retention
from .errors import NotTrainedError
from .layout import Layout
from .model import (
    KIND_REVERTED,
    KIND_SAVED,
    KIND_TEMPORARY,
    SCHEMA_VERSION,
    DamagedSnapshot,
    LoadedSnapshot,
    ModelInfo,
    RevertedSet,
    SnapshotInfo,
    named,
    parse_time,
    to_utc,
)
from .paths import ID_PATTERN, MAX_NAME_LENGTH, REVERT_RECORD, SNAPSHOTS, new_id, validate_name

log = logging.getLogger(__name__)


def unknown_states_message(model_id: str, error: str) -> str:
    return (
        f"The saved marks and names of the snapshots of model '{model_id}' cannot be read: {error}. "
        "Nothing was changed and no snapshot is purged while it is so. Restore the file from a "
        "backup, or delete it: snapshots saved with this version of ORCA HUNTR keep their saved "
        "mark in the model's 'saved' folder."
    )


class Timelines:
    """The snapshot timelines of one workspace (the workspace's retention policy is read, through
    ``workspace_policy``, when a timeline is)."""

    def __init__(self, layout: Layout, workspace_policy: Callable[[], policy.RetentionPolicy]) -> None:
        self.layout = layout
        self.manifests = manifest.ManifestCache()
        self._workspace_policy = workspace_policy

    def policy_of(self, model_id: str | None = None) -> tuple[policy.RetentionPolicy, str | None]:
        """The policy in force for ``model_id`` (its own, else the workspace's; ``None``: the
        workspace's) and why the model's own could not be read (then the workspace's is given)."""
        if model_id is None:
            return self._workspace_policy(), None
        own, error = policy.read_model_policy(self.layout.retention_file(model_id))
        if error is not None:
            log.warning("retention policy of model %s: %s", model_id, error)
        return (own if own is not None else self._workspace_policy()), error

    def own_policy(self, model_id: str) -> policy.RetentionPolicy | None:
        """The model's own policy, ``None`` while it follows the workspace's (refused when unreadable)."""
        own, error = policy.read_model_policy(self.layout.retention_file(model_id))
        policy.refuse_unreadable(model_id, error)
        return own

    def temporary_days(self, model_id: str | None = None) -> float:
        """Days a temporary snapshot (and a reverted set) of ``model_id`` stays after it stopped
        being current (after its revert): the expiry of the policy in force."""
        return self.policy_of(model_id)[0].expiry_days

    # ------------------------------------------------------------------ states

    def read_states(self, model_id: str) -> tuple[dict[str, dict[str, Any]], str | None]:
        """The mutable part of every snapshot of a model (``saved``, ``name``): ``states.json``,
        and why it could not be read (``None`` when it could, or when there is none yet).

        A snapshot absent from it keeps the name recorded in its manifest.
        """
        path = self.layout.states_file(model_id)
        try:
            data = atomic.read_json(path)
        except FileNotFoundError:
            return {}, None
        except (OSError, ValueError) as exc:
            log.warning("snapshot states %s are unreadable: %s", path, exc)
            return {}, f"{path} is unreadable ({exc})"
        snapshots = data.get("snapshots") if isinstance(data, dict) else None
        if not isinstance(snapshots, dict):
            log.warning("snapshot states %s are malformed", path)
            return {}, f"{path} is malformed (no 'snapshots' table)"
        return {str(k): v for k, v in snapshots.items() if isinstance(v, dict)}, None

    def saved_marks(self, model_id: str) -> set[str]:
        """Ids of the snapshots saved by the user, one empty file each under ``saved/``."""
        try:
            return {
                e.name
                for e in os.scandir(self.layout.saved_marks_dir(model_id))
                if not atomic.is_hidden(e.name) and ID_PATTERN.match(e.name)
            }
        except FileNotFoundError:
            return set()

    def _write_saved_mark(self, model_id: str, snapshot_id: str) -> None:
        folder = self.layout.saved_marks_dir(model_id)
        if not folder.is_dir():
            atomic.make_dir(folder)
            atomic.fsync_dir(folder.parent)
        mark = self.layout.saved_mark(model_id, snapshot_id)
        if not mark.exists():
            atomic.write_atomic(mark, b"")

    def write_state(self, model_id: str, snapshot_id: str, **changes: Any) -> None:
        """Change a snapshot's mutable state (one atomic rewrite of the model's ``states.json``).

        Refused while ``states.json`` is unreadable: rewriting it would erase what it held.
        """
        current, error = self.read_states(model_id)
        if error is not None:
            raise WorkspaceError(unknown_states_message(model_id, error))
        new_mark = bool(changes.get("saved")) and snapshot_id not in self.saved_marks(model_id)
        if new_mark:
            self._write_saved_mark(model_id, snapshot_id)  # first: the mark survives a bad states.json
        existing = {
            e.name for e in os.scandir(self.layout.snapshots_dir(model_id)) if not atomic.is_hidden(e.name)
        } | self.reverted_ids(model_id)
        states = {k: v for k, v in current.items() if k in existing}  # drop deleted ones
        states[snapshot_id] = {**states.get(snapshot_id, {}), **changes}
        try:
            atomic.write_json_atomic(
                self.layout.states_file(model_id), {"schema_version": SCHEMA_VERSION, "snapshots": states}
            )
        except BaseException:
            if new_mark:  # nothing changed: take the new mark back
                with contextlib.suppress(OSError):
                    os.unlink(self.layout.saved_mark(model_id, snapshot_id))
            raise

    # ------------------------------------------------------------------ the timeline

    def manifest(self, model_id: str, snapshot_id: str, folder: str | None = None) -> dict[str, Any] | None:
        return manifest.read(self.layout, self.manifests, model_id, snapshot_id, folder)

    def read(self, model_id: str) -> list[SnapshotInfo]:
        """Snapshots of ``model_id``, oldest first, with their derived kinds."""
        modelfile.read(self.layout, model_id)
        folder = self.layout.snapshots_dir(model_id)
        states, states_error = self.read_states(model_id)
        marks = self.saved_marks(model_id)
        records = []
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            entries = []
        for entry in entries:
            if atomic.is_hidden(entry.name):
                continue
            if entry.is_symlink() or not ID_PATTERN.match(entry.name):
                log.warning("ignoring foreign entry %s", entry.path)
                continue
            data = self.manifest(model_id, entry.name, entry.path)
            if data is None:
                continue
            records.append((data, states.get(entry.name, {})))
        self.manifests.keep_only(model_id, {m["id"] for m, _ in records})
        records.sort(key=lambda r: (int(r[0].get("seq", 0)), r[0]["created_at"], r[0]["id"]))
        created = [m["_parsed"][0] for m, _ in records]
        saved = [m["id"] in marks or bool(s.get("saved", False)) for m, s in records]
        known = [states_error is None or is_saved for is_saved in saved]
        kinds = retention.classify(
            created,
            [is_saved or not is_known for is_saved, is_known in zip(saved, known, strict=True)],
            self.temporary_days(model_id),
        )
        out = []
        for (data, state), _when, (kind, expires), is_saved, is_known in zip(
            records, created, kinds, saved, known, strict=True
        ):
            if not is_known and kind == KIND_SAVED:  # unknown: never expires, but not shown as saved
                kind = KIND_TEMPORARY
            out.append(_info(data, model_id, kind, expires, state, is_saved, is_known))
        return out

    def reverted(self, model_id: str) -> list[RevertedSet]:
        """The model's reverted sets, newest first (a set whose record is unreadable is skipped).

        A set expires ``temporary_days`` after its revert (the expiry of the model's policy; no
        other rule of the policy applies to it), unless it holds a saved snapshot.
        """
        try:
            entries = list(os.scandir(self.layout.reverted_dir(model_id)))
        except FileNotFoundError:
            return []
        states = self.read_states(model_id)[0]
        marks = self.saved_marks(model_id)
        days = self.temporary_days(model_id)
        out = []
        for entry in entries:
            if atomic.is_hidden(entry.name) or entry.is_symlink() or not ID_PATTERN.match(entry.name):
                continue
            try:
                record = atomic.read_json(Path(entry.path) / REVERT_RECORD)
                when = parse_time(record["reverted_at"])
                target, ids = str(record["target"]), [str(s) for s in record["snapshots"]]
                seq = int(record.get("seq", 0))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("skipping the reverted set %s: %s", entry.path, exc)
                continue
            if when is None:
                continue
            snapshots = []
            for sid in ids:
                folder = Path(entry.path) / SNAPSHOTS / sid
                data = self.manifest(model_id, sid, str(folder)) if folder.is_dir() else None
                if data is not None:
                    state = states.get(sid, {})
                    saved = sid in marks or bool(state.get("saved", False))
                    snapshots.append(_info(data, model_id, KIND_REVERTED, None, state, saved, True))
            snapshots.sort(key=lambda s: s.seq, reverse=True)
            keep = any(s.saved for s in snapshots)
            expires = None if keep else when + timedelta(days=days)
            out.append(RevertedSet(entry.name, model_id, when, expires, target, snapshots, seq))
        return sorted(out, key=lambda r: (r.seq, r.reverted_at, r.id), reverse=True)

    def named(self, model_id: str) -> list[SnapshotInfo]:
        """The snapshots whose names a new name must differ from: the timeline's and the reverted
        ones (an undo brings them back)."""
        return self.read(model_id) + [s for r in self.reverted(model_id) for s in r.snapshots]

    def reverted_ids(self, model_id: str) -> set[str]:
        """Ids of the snapshots held by the model's reverted sets (their states are kept)."""
        return {s.id for r in self.reverted(model_id) for s in r.snapshots}

    def damaged(self, model_id: str) -> list[DamagedSnapshot]:
        """Snapshot folders of ``model_id`` whose manifest cannot be read or trusted."""
        out = []
        try:
            entries = list(os.scandir(self.layout.snapshots_dir(model_id)))
        except FileNotFoundError:
            return []
        for entry in entries:
            if atomic.is_hidden(entry.name) or entry.is_symlink() or not ID_PATTERN.match(entry.name):
                continue
            if self.manifest(model_id, entry.name, entry.path) is None:
                reason = self.manifests.errors.get((model_id, entry.name), "its manifest is unreadable")
                out.append(DamagedSnapshot(entry.name, model_id, reason, entry.path))
        return sorted(out, key=lambda d: d.id)

    def check_readable(self, model_id: str) -> None:
        """Raise :class:`CorruptSnapshotError` while ``model_id`` has a damaged snapshot."""
        damaged = self.damaged(model_id)
        if damaged:
            first = damaged[0]
            raise CorruptSnapshotError(
                f"Snapshot '{first.id}' of model '{model_id}' cannot be read: {first.reason}. It may be "
                "newer than the current state, so training would continue from an older snapshot and "
                "write on top of it. Repair the snapshot, or delete it (it is then moved to the "
                "workspace's .quarantine folder), before training this model again."
            )

    def verify(self, model_id: str, snapshot_id: str) -> None:
        """Check every file of a snapshot against its manifest; :class:`CorruptSnapshotError` if not."""
        manifest.verify(
            self.layout, self.manifests, model_id, snapshot_id, lambda: self.label(model_id, snapshot_id)
        )

    def read_verified(self, model_id: str, snapshot_id: str, name: str) -> bytes | None:
        """The bytes of one snapshot file, checked against the manifest (``None``: not in the snapshot)."""
        label = lambda: self.label(model_id, snapshot_id)  # noqa: E731
        return manifest.read_verified(self.layout, self.manifests, model_id, snapshot_id, name, label)

    def load_arrays(self, model_id: str, snapshot_id: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """Weights and optimizer state of a snapshot (checked against the manifest)."""
        label = lambda: self.label(model_id, snapshot_id)  # noqa: E731
        return manifest.load_arrays(self.layout, self.manifests, model_id, snapshot_id, label)

    def load(self, info: SnapshotInfo, model: ModelInfo) -> LoadedSnapshot:
        """Weights, optimizer state and the config detection needs (completed from ``model``)."""
        weights, optimizer = self.load_arrays(model.id, info.id)
        return LoadedSnapshot(
            info=info,
            model=model,
            weights=weights,
            optimizer=optimizer,
            optimizer_meta=(self.manifest(model.id, info.id) or {}).get("optimizer_meta"),
            config=modelfile.complete_config(info, model),
        )

    def label(self, model_id: str, snapshot_id: str) -> str:
        """``name (id)`` of a snapshot for messages (its id alone when it has no name)."""
        data = self.manifests.get((model_id, snapshot_id)) or {}
        name = self.read_states(model_id)[0].get(snapshot_id, {}).get("name") or data.get("name")
        return f"{name} ({snapshot_id})" if name else snapshot_id


# ---------------------------------------------------------------------- lookups (pure)


def _info(
    data: dict[str, Any],
    model_id: str,
    kind: str,
    expires: datetime | None,
    state: dict[str, Any],
    saved: bool,
    known: bool,
) -> SnapshotInfo:
    """A snapshot's info from its (checked) manifest and its mutable state."""
    counts = data["_parsed"][1]
    parent_model, parent_id = lineage_parent(data)
    return SnapshotInfo(
        id=data["id"],
        model_id=model_id,
        kind=kind,
        name=str(state.get("name") or data.get("name") or data["id"]),
        created_at=data["_parsed"][0],
        expires_at=expires,
        counts={**counts, "labels_per_class": dict(counts["labels_per_class"])},
        metrics=dict(data.get("metrics") or {}),
        progress=dict(data.get("progress") or {}),
        parent_id=parent_id,
        config=dict(data.get("config") or {}),
        saved=saved,
        seq=int(data.get("seq", 0)),
        state_known=known,
        parent_model_id=parent_model,
    )


def lineage_parent(data: dict[str, Any]) -> tuple[str | None, str | None]:
    """``(model id, snapshot id)`` of a manifest's parent, or ``(None, None)`` for a first snapshot.

    The parent is the snapshot training resumed from (the current state when this one was
    written; after a revert, the snapshot reverted to), or for a model's first snapshot the
    snapshot the model was created from. Manifests written before ``parent_model_id``
    existed name the parent's model implicitly (this model) or under ``origin``.
    """
    parent_id = data.get("parent_id")
    if parent_id:
        return str(data.get("parent_model_id") or data["model_id"]), str(parent_id)
    origin = data.get("origin")
    if isinstance(origin, dict) and origin.get("model_id") and origin.get("snapshot_id"):
        return str(origin["model_id"]), str(origin["snapshot_id"])
    return None, None


def get(timeline: list[SnapshotInfo], model_id: str, snapshot_id: str) -> SnapshotInfo:
    """Snapshot ``snapshot_id`` of a timeline; :class:`NotFoundError` when there is none."""
    for info in timeline:
        if info.id == snapshot_id:
            return info
    raise NotFoundError(f"No snapshot '{snapshot_id}' in model '{model_id}'.")


def find(
    timeline: list[SnapshotInfo],
    model_id: str,
    id_or_name: str | None,
    get_model: Callable[[str], ModelInfo] | None = None,
) -> SnapshotInfo:
    """A snapshot by id, else by exact name, else by case-insensitive name (:func:`model.named`);
    ``current``, empty or None: the current state (:class:`NotTrainedError`, naming the model
    ``get_model`` gives, when there is none)."""
    text = (id_or_name or "").strip()
    if text in ("", "current"):
        if not timeline:
            raise NotTrainedError(get_model(model_id).name if get_model is not None else model_id)
        return timeline[-1]
    found = named(timeline, text)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise NotFoundError(f"Several snapshots of model '{model_id}' are named '{text}'; use the id.")
    raise NotFoundError(f"No snapshot named or numbered '{id_or_name}' in model '{model_id}'.")


def default_snapshot_name(seq: int, steps: Any = None, source: str | None = None) -> str:
    """A snapshot's name when none is given: short, and not the time the card shows anyway.

    ``#3 · 500 steps`` (its place in the timeline and how far the model was trained), ``#1`` for
    an untrained one, ``#1 · from Trees`` for the first snapshot of a model made from ``source``'s.
    """
    name = f"#{seq}"
    if source:
        return f"{name} · from {source}"[:MAX_NAME_LENGTH].strip()
    try:
        count = int(steps or 0)
    except (TypeError, ValueError):
        count = 0
    return f"{name} · {count} step{'s' if count != 1 else ''}" if count > 0 else name


def next_manifest(
    timeline: list[SnapshotInfo],
    model_id: str,
    now: datetime,
    name: str | None,
    named: list[SnapshotInfo],
    **fields: Any,
) -> dict[str, Any]:
    """The manifest of the snapshot that will follow ``timeline`` (next ``seq``, parent = current state).

    ``name``: checked to be unique among ``named`` (see :meth:`Timelines.named`); default
    :func:`default_snapshot_name` (made unique). ``fields``: the
    other keywords of :func:`manifest.build` (metrics, progress, config, optimizer_meta).
    """
    if name is not None:
        name = check_name(named, None, name)
    else:
        seq = (timeline[-1].seq + 1) if timeline else 1
        name = unique_name(named, default_snapshot_name(seq, (fields.get("progress") or {}).get("steps")))
    return manifest.build(
        snapshot_id=new_id("s", to_utc(now)),
        model_id=model_id,
        seq=(timeline[-1].seq + 1) if timeline else 1,
        created_at=now,
        name=name,
        parent_id=timeline[-1].id if timeline else None,
        parent_model_id=model_id,
        **fields,
    )


def unique_name(timeline: list[SnapshotInfo], base: str) -> str:
    """``base``, or ``base (2)``, ``base (3)``… whichever no snapshot of the timeline has."""
    taken = {s.name.casefold() for s in timeline}
    name, n = base, 2
    while name.casefold() in taken:
        name, n = f"{base} ({n})", n + 1
    return name


def check_name(timeline: list[SnapshotInfo], snapshot_id: str | None, name: str) -> str:
    """A valid snapshot name that no other snapshot of the timeline has (case-insensitive)."""
    name = validate_name(name, "snapshot name")
    for other in timeline:
        if other.id != snapshot_id and other.name.casefold() == name.casefold():
            raise InvalidNameError(f"A snapshot named '{other.name}' already exists; choose another name.")
    return name
