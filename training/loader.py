"""A background loader: builds the next batches in threads while the network steps.

Batch ``i`` is always built by ``make_batch(i)``, so the sequence of batches is the
same whatever the number of threads (each batch seeds its own random generator).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class BackgroundLoader:
    """Iterator over ``make_batch(start), make_batch(start + 1), …`` read ``prefetch`` ahead.

    With ``workers=0`` batches are built on demand in the calling thread.
    """

    def __init__(self, make_batch: Callable[[int], Any], start: int = 0, workers: int = 1, prefetch: int = 4):
        self.make_batch = make_batch
        self.next_index = start
        self.workers = workers
        self.prefetch = max(prefetch, 1)
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="huntr-loader") if workers > 0 else None
        self._queue: deque[Future] = deque()
        self._fill()

    def _fill(self) -> None:
        if self._pool is None:
            return
        while len(self._queue) < self.prefetch:
            self._queue.append(self._pool.submit(self.make_batch, self.next_index))
            self.next_index += 1

    def __iter__(self) -> BackgroundLoader:
        return self

    def __next__(self) -> Any:
        if self._pool is None:
            batch = self.make_batch(self.next_index)
            self.next_index += 1
            return batch
        batch = self._queue.popleft().result()
        self._fill()
        return batch

    def close(self) -> None:
        """Stop reading ahead and release the threads."""
        if self._pool is not None:
            for f in self._queue:
                f.cancel()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            self._queue.clear()

    def __enter__(self) -> BackgroundLoader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def pinned(make_batch: Callable[[int], dict[str, Any]]) -> Callable[[int], dict[str, Any]]:
    """``make_batch`` whose numpy arrays come back as torch tensors in pinned (page-locked)
    host memory, copied there by the loader's threads: the training step's copies to a GPU
    then run without blocking (``non_blocking=True``) while the next batch is prepared."""

    def make_pinned(index: int) -> dict[str, Any]:
        import torch

        return {k: torch.from_numpy(v).pin_memory() for k, v in make_batch(index).items()}

    return make_pinned
