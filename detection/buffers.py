"""Block-sized arrays handed back and reused instead of allocated afresh for every block.

A block's probability sums and its image data are tens of megabytes each. The C library
serves arrays that large with fresh memory mappings, so every new block would fault
all its pages in again and give them back when freed: on the 2-core development
machine that kernel work was about 2 s of a 17 s detection run (measured with
``os.times``: 2.0 s of system time, 0.45 s once freed memory was kept for reuse). The
pool keeps a few arrays per shape for the next blocks; memory stays bounded by the
number of blocks in flight, not by the raster.
"""

from __future__ import annotations

import threading
from collections import defaultdict

import numpy as np


class ArrayPool:
    """Thread-safe free lists of arrays by (shape, dtype); at most ``keep`` arrays a shape."""

    def __init__(self, keep: int = 3) -> None:
        self.keep = keep
        self._free: dict[tuple, list[np.ndarray]] = defaultdict(list)
        self._lock = threading.Lock()
        self.reused = 0  # arrays served from the pool (for tests and stats)

    def empty(self, shape: tuple[int, ...], dtype: np.dtype | type = np.float32) -> np.ndarray:
        """An array of ``shape`` and ``dtype`` with undefined contents."""
        key = (tuple(int(n) for n in shape), np.dtype(dtype).str)
        with self._lock:
            free = self._free.get(key)
            if free:
                self.reused += 1
                return free.pop()
        return np.empty(key[0], np.dtype(dtype))

    def zeros(self, shape: tuple[int, ...], dtype: np.dtype | type = np.float32) -> np.ndarray:
        out = self.empty(shape, dtype)
        out.fill(0)
        return out

    def give_back(self, array: np.ndarray) -> None:
        """Return an array from :meth:`empty`/:meth:`zeros` (no view of it may be used after)."""
        if array.base is not None:
            raise ValueError("only whole arrays from the pool can be given back, not views")
        key = (array.shape, array.dtype.str)
        with self._lock:
            free = self._free[key]
            if len(free) < self.keep:
                free.append(array)

    def clear(self) -> None:
        with self._lock:
            self._free.clear()
