"""The ring growth of ``detection.vectorize._grow`` as it was first written, kept as the
reference that the frontier version is tested against (tests/test_detection_core.py) and
timed against (benchmarks/bench_calibration.py)."""

from __future__ import annotations

import numpy as np


def grow_every_pixel(labels, rim, rim_class, label_class, steps):
    """Every unlabelled rim pixel looked at in every ring (``_grow`` looks at the frontier)."""
    h, w = labels.shape
    flat = labels.ravel()
    rows, cols = rim // w, rim % w
    todo = np.ones(rim.size, bool)
    for _ in range(steps):
        ii = np.flatnonzero(todo)
        if ii.size == 0:
            break
        pix, r, c, want = rim[ii], rows[ii], cols[ii], rim_class[ii]
        best = np.zeros(ii.size, np.int32)
        for ok, nb in ((r > 0, pix - w), (r < h - 1, pix + w), (c > 0, pix - 1), (c < w - 1, pix + 1)):
            lab = np.where(ok, flat[np.where(ok, nb, pix)], 0)
            lab[label_class[lab] != want] = 0
            np.maximum(best, lab, out=best)
        got = best > 0
        if not got.any():
            break
        flat[pix[got]] = best[got]
        todo[ii[got]] = False
    return todo
