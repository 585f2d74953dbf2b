"""Exit statuses of ``python -m orca_huntr``, one per kind of error (for scripts).

The message printed on stderr is the error's own, the one the plugin shows.
"""

from __future__ import annotations

from ..errors import (
    CancelledError,
    CorruptSnapshotError,
    HuntrError,
    IncompatibleRasterError,
    InputDataError,
    InvalidNameError,
    MissingDependencyError,
    ModelBusyError,
    NotFoundError,
    OutputError,
    ReadOnlyWorkspaceError,
    WorkspaceError,
    WorkspaceLockedError,
)

OK = 0
FAILED = 1  # an expected error not listed below
USAGE = 2  # wrong arguments (argparse's own status)
NOT_FOUND = 3  # no such model or snapshot, or no snapshot yet
INPUT = 4  # unusable input: training data, rasters, options, a damaged or hostile package
INCOMPATIBLE_RASTER = 5  # the raster does not fit the snapshot (bands, dtype, CRS, resolution)
WORKSPACE = 6  # no workspace there, or an unreadable one
BUSY = 7  # another process holds the workspace or trains the model: try again later
READ_ONLY = 8  # the workspace is read-only (not writable, or written by a newer version)
CORRUPT = 9  # a damaged snapshot
OUTPUT = 10  # a result file could not be written; nothing was kept
MISSING_DEPENDENCY = 11  # a Python package is missing (the message says how to install it)
INVALID_NAME = 12  # a name or id that cannot be used
PARTIAL = 20  # detect-many --keep-going: the output holds the other scenes, some failed
INTERNAL = 70  # an unexpected error (a bug): a traceback is printed
CANCELLED = 130  # interrupted (Ctrl-C): a training run still saved its snapshot

# most specific first: the first class an error is an instance of gives its status
BY_ERROR: tuple[tuple[type[BaseException], int], ...] = (
    (CancelledError, CANCELLED),
    (KeyboardInterrupt, CANCELLED),
    (NotFoundError, NOT_FOUND),
    (IncompatibleRasterError, INCOMPATIBLE_RASTER),
    (InputDataError, INPUT),
    (WorkspaceLockedError, BUSY),
    (ModelBusyError, BUSY),
    (ReadOnlyWorkspaceError, READ_ONLY),
    (WorkspaceError, WORKSPACE),
    (CorruptSnapshotError, CORRUPT),
    (OutputError, OUTPUT),
    (MissingDependencyError, MISSING_DEPENDENCY),
    (InvalidNameError, INVALID_NAME),
    (HuntrError, FAILED),
)


def exit_code(error: BaseException) -> int:
    """The exit status for ``error``."""
    for kind, code in BY_ERROR:
        if isinstance(error, kind):
            return code
    return INTERNAL


def table() -> list[tuple[int, str]]:
    """``(status, meaning)`` of every status, for the help text and the README."""
    return [
        (OK, "success"),
        (FAILED, "an error not listed below"),
        (USAGE, "wrong arguments"),
        (NOT_FOUND, "no such model or snapshot (or no snapshot yet)"),
        (INPUT, "unusable input data or options, or a refused package"),
        (INCOMPATIBLE_RASTER, "a raster that does not fit the snapshot"),
        (WORKSPACE, "no workspace there, or an unreadable one"),
        (BUSY, "workspace or model busy in another process: try again later"),
        (READ_ONLY, "read-only workspace"),
        (CORRUPT, "damaged snapshot"),
        (OUTPUT, "an output file could not be written (nothing kept)"),
        (MISSING_DEPENDENCY, "a Python package is missing"),
        (INVALID_NAME, "unusable name or id"),
        (PARTIAL, "detect-many --keep-going: some scenes failed"),
        (INTERNAL, "unexpected error (a bug; traceback printed)"),
        (CANCELLED, "interrupted"),
    ]
