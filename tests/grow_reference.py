"""The ring growth of ``detection.vectorize._grow`` as it was first written, kept as the
reference that the frontier version is tested against (tests/test_detection_core.py) and
timed against (benchmarks/bench_calibration.py)."""

from __future__ import annotations

import numpy as np

from orca_huntr.detection.vectorize import neighbour_label


def grow_every_pixel(labels, rim, rim_class, label_class, steps):
    """Every unlabelled rim pixel looked at in every ring (``_grow`` looks at the frontier;
    the two share how one pixel picks its neighbour's label, ``neighbour_label``)."""
    h, w = labels.shape
    flat = labels.ravel()
    rows, cols = rim // w, rim % w
    todo = np.ones(rim.size, bool)
    for _ in range(steps):
        ii = np.flatnonzero(todo)
        if ii.size == 0:
            break
        pix = rim[ii]
        best = neighbour_label(flat, pix, rows[ii], cols[ii], rim_class[ii], label_class, (h, w))
        got = best > 0
        if not got.any():
            break
        flat[pix[got]] = best[got]
        todo[ii[got]] = False
    return todo
