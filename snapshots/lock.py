"""The workspace's write lock: one writer at a time across processes and threads.

An OS file lock on ``<workspace>/.lock`` (``fcntl.flock``; ``msvcrt`` on Windows) keeps two
QGIS windows apart; a re-entrant thread lock shared by every :class:`WorkspaceLock` of the
same folder in this process keeps threads apart. The holder writes ``host/pid`` into the
lock file so that the loser can say who holds it. Reads never take the lock.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import WorkspaceLockedError

LOCK_FILE = ".lock"
_POLL = 0.02
_RECORD = 128  # bytes of the holder record (fixed, so that taking the lock needs no truncate)


class _Shared:
    """Per-folder state shared by every lock object of this process."""

    def __init__(self) -> None:
        self.thread_lock = threading.RLock()
        self.depth = 0
        self.fd: int | None = None
        self.owner: int | None = None  # thread ident of the holder


_registry: dict[str, _Shared] = {}
_registry_guard = threading.Lock()


def _shared(path: Path) -> _Shared:
    key = os.path.realpath(path)
    with _registry_guard:
        return _registry.setdefault(key, _Shared())


def _try_os_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _os_unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def holder_of(lock_path: Path, unknown: str = "unknown") -> str:
    """The first line the current (or last) holder wrote into the lock file (``host/pid``, or the
    training lock's "HH:MM by …"), or ``unknown`` when there is none."""
    try:
        text = lock_path.read_text(encoding="utf-8", errors="replace").strip("\0 \n")
    except OSError:
        text = ""
    return text.splitlines()[0] if text else unknown


class WorkspaceLock:
    """Exclusive write lock of one workspace folder (re-entrant within a thread).

    Use as ``with lock.hold(timeout):``. The loser waits up to ``timeout`` seconds, then
    gets :class:`WorkspaceLockedError` naming the holder.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / LOCK_FILE

    @contextlib.contextmanager
    def hold(self, timeout: float = 2.0) -> Iterator[None]:
        """Hold the lock for the ``with`` block."""
        self.acquire(timeout)
        try:
            yield
        finally:
            self.release()

    def acquire(self, timeout: float = 2.0) -> None:
        """Take the lock or raise :class:`WorkspaceLockedError` after ``timeout`` seconds."""
        shared = _shared(self.root)
        deadline = time.monotonic() + max(0.0, timeout)
        if not shared.thread_lock.acquire(timeout=max(0.0, timeout)):
            raise WorkspaceLockedError(
                f"The workspace {self.root} is in use by {socket.gethostname()}/{os.getpid()} "
                "(another task of this QGIS is writing to it). Try again when it has finished."
            )
        try:
            if shared.depth == 0:
                shared.fd = self._acquire_os(deadline)
                shared.owner = threading.get_ident()
            shared.depth += 1
        except BaseException:
            shared.thread_lock.release()
            raise

    def _acquire_os(self, deadline: float) -> int:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            while not _try_os_lock(fd):
                if time.monotonic() >= deadline:
                    raise WorkspaceLockedError(
                        f"The workspace {self.root} is in use by {holder_of(self.path)} "
                        "(another QGIS window or process is writing to it). Try again when it has "
                        "finished, or close the other window."
                    )
                time.sleep(_POLL)
            record = f"{socket.gethostname()}/{os.getpid()}".ljust(_RECORD - 1)[: _RECORD - 1] + "\n"
            if os.fstat(fd).st_size != _RECORD:
                os.ftruncate(fd, 0)
            os.pwrite(fd, record.encode()[:_RECORD].ljust(_RECORD), 0)
            return fd
        except BaseException:
            os.close(fd)
            raise

    def release(self) -> None:
        """Release one level of the lock (the OS lock goes with the outermost level)."""
        shared = _shared(self.root)
        shared.depth -= 1
        if shared.depth == 0 and shared.fd is not None:
            fd, shared.fd, shared.owner = shared.fd, None, None
            try:
                _os_unlock(fd)
            finally:
                os.close(fd)
        shared.thread_lock.release()

    def held_here(self) -> bool:
        """Whether the calling thread holds the lock."""
        shared = _shared(self.root)
        return shared.depth > 0 and shared.owner == threading.get_ident()


TRAINING_LOCK_FILE = ".training"


class TrainingLock:
    """Marks one model as being trained, across processes (panel, ``qgis_process``, console,
    another QGIS): an OS file lock on ``models/<id>/.training``, taken without waiting.

    The holder records when it started and who it is, so the loser can say so. The OS
    releases the lock when the holder dies, so a crashed training never blocks the next one.
    Each :meth:`acquire` opens its own file description, so two threads of one process
    exclude each other too.
    """

    def __init__(self, path: Path, model_label: str) -> None:
        self.path = Path(path)
        self.model_label = model_label
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`ModelBusyError` naming the training that holds it."""
        from ..errors import ModelBusyError

        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _try_os_lock(fd):
                since = holder_of(self.path, "an unknown time by another process")
                raise ModelBusyError(
                    f"The model {self.model_label} is being trained since {since}. "
                    "Wait until that training stops (or stop it), then try again."
                )
            user = os.environ.get("USER") or os.environ.get("USERNAME") or "unknown user"
            started = time.strftime("%H:%M")
            record = f"{started} by {user} on {socket.gethostname()} (process {os.getpid()})"
            os.ftruncate(fd, 0)
            os.pwrite(fd, record.encode("utf-8")[: _RECORD * 2], 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            _os_unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> TrainingLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
