"""``workspace.json``: the workspace's schema version and its settings.

Settings are plain JSON values (``temporary_days``, the panel's ``training_panel``…);
each change is one atomic rewrite of the file, under the workspace lock.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import InputDataError, WorkspaceError
from . import atomic, policy
from .model import SCHEMA_VERSION, format_time

log = logging.getLogger(__name__)

DEFAULT_SETTINGS: dict[str, Any] = {"temporary_days": policy.DEFAULT_TEMPORARY_DAYS}


def create(path: Path, now: datetime) -> None:
    """Write the file of a new workspace (nothing when one exists)."""
    if not path.exists():
        atomic.write_json_atomic(
            path,
            {
                "schema_version": SCHEMA_VERSION,
                "created_at": format_time(now),
                "settings": dict(DEFAULT_SETTINGS),
            },
        )


def read(path: Path) -> tuple[int, dict[str, Any]]:
    """``(schema version, settings completed with the defaults)``; :class:`WorkspaceError` when unreadable."""
    try:
        meta = atomic.read_json(path)
        version = int(meta["schema_version"])
        settings = dict(meta.get("settings") or {})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise WorkspaceError(f"The workspace file {path} is unreadable or malformed: {exc}") from exc
    return version, {**DEFAULT_SETTINGS, **settings}


def read_only_reason(root: Path, version: int) -> str | None:
    """Why a workspace must be opened read-only (a newer schema, a folder not writable), or ``None``."""
    if version > SCHEMA_VERSION:
        reason = (
            f"The workspace {root} was written by a newer ORCA HUNTR (schema {version}; this "
            f"version understands {SCHEMA_VERSION}). It is opened read-only: update the plugin to "
            "change it."
        )
        log.warning(reason)
        return reason
    if not os.access(root, os.W_OK):
        return (
            f"The workspace folder {root} is not writable; it is opened read-only. "
            "Copy the project and its .huntr folder somewhere writable to change it."
        )
    return None


def temporary_days(settings: dict[str, Any]) -> float:
    """Days a superseded, unsaved snapshot is kept (the ``temporary_days`` setting)."""
    return float(settings.get("temporary_days", policy.DEFAULT_TEMPORARY_DAYS))


def check_setting(key: str, value: Any) -> None:
    """Refuse a setting value the store cannot use."""
    if key == "temporary_days" and (not isinstance(value, int | float) or value < 0):
        raise InputDataError("temporary_days must be a number of days >= 0.")
    if key == policy.SETTING:
        policy.RetentionPolicy.from_dict(value)  # refuses what a policy cannot hold


def write_setting(path: Path, key: str, value: Any) -> None:
    """Change one setting durably (the other keys of the file are kept)."""
    write_settings(path, {key: value})


def write_settings(path: Path, changes: dict[str, Any]) -> None:
    """Change several settings in one atomic rewrite (the other keys of the file are kept)."""
    data = atomic.read_json(path)
    data.setdefault("settings", {}).update(changes)
    atomic.write_json_atomic(path, data)
