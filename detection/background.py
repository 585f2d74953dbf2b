"""One background thread that runs jobs in order: the detection run's vectorising and writing.

While the network predicts the tiles of the next block, the finished block is labelled,
traced into polygons and written on this thread. At most ``depth`` jobs wait, so memory
stays bounded (a waiting job holds one block's probabilities). The first error a job
raises is raised again in the caller by the next :meth:`put` or by :meth:`close`; the
jobs after it are skipped.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

_STOP = object()


class OrderedWorker:
    """Runs submitted callables one after another on a single daemon thread."""

    def __init__(self, name: str = "huntr-vectorise", depth: int = 1) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=max(1, depth))
        self._error: BaseException | None = None
        self._skip = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is _STOP:
                return
            if self._error is not None or self._skip:
                continue
            try:
                job()
            except BaseException as exc:  # handed to the caller's thread
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            self._skip = True
            raise error

    def put(self, job: Callable[[], None]) -> None:
        """Queue ``job`` (waits while ``depth`` jobs are waiting); raises a failed job's error."""
        self._raise()
        self._queue.put(job)

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join()

    def close(self) -> None:
        """Run the queued jobs, stop the thread and raise the first error of a job, if any."""
        self._stop()
        self._raise()

    def abort(self) -> None:
        """Skip the jobs still queued, stop the thread and forget errors (the run failed anyway)."""
        self._skip = True
        self._stop()
        self._error = None
