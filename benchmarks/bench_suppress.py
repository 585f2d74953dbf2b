"""What suppressing overlapping head boxes costs as a raster's objects grow, one run.

Detection holds the kept objects of a run that writes the box head's boxes, then runs greedy
non-maximum suppression over all of them (:class:`orca_huntr.detection.suppress.BoxSuppressor`).
This times it on synthetic crowns laid out as the demo scene's are (about one tree per
10 m² of a 0.1 m raster, boxes of 20-60 px, one in ten duplicated by a box shifted by a tenth
of its size, as a crown cut in two gives), for 10,000 to 1,000,000 objects, and prints:

* seconds and microseconds per object at each size, and the ratio of the per-object time at
  the largest size to the smallest's (1: linear; a pairwise NMS would grow it 100-fold);
* the bytes the suppressor holds per object;
* that every duplicate was dropped and no other box (the check, not a timing).

The last line printed is one JSON object.

    python benchmarks/bench_suppress.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from checkout_path import use_checkout  # noqa: E402


def crowns(n: int, seed: int = 0):
    """``n`` crowns on a jittered grid (no two overlapping), then one in ten duplicated."""
    import numpy as np

    rng = np.random.default_rng(seed)
    base = int(np.ceil(np.sqrt(n)))
    pitch = 64.0
    gy, gx = np.divmod(np.arange(n), base)
    side = rng.uniform(20.0, 60.0, n)
    x0 = gx * pitch + rng.uniform(0, pitch - side)
    y0 = gy * pitch + rng.uniform(0, pitch - side)
    boxes = np.stack([x0, y0, x0 + side, y0 + side], 1)
    scores = rng.uniform(0.6, 1.0, n)
    twins = rng.choice(n, n // 10, replace=False)
    shift = (side[twins] * 0.1)[:, None] * np.array([1.0, 0.0, 1.0, 0.0])
    boxes = np.concatenate([boxes, boxes[twins] + shift])
    scores = np.concatenate([scores, scores[twins] - 0.05])  # the twin scores lower: it goes
    return boxes, scores, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args(argv)
    use_checkout()
    import numpy as np

    from orca_huntr.detection.suppress import BoxSuppressor
    from orca_huntr.detection.vectorize import Detection

    rows = []
    for n in args.sizes:
        boxes, scores, originals = crowns(n)
        held = BoxSuppressor(0.4)
        t0 = time.perf_counter()
        for b, s in zip(boxes.tolist(), scores.tolist(), strict=True):
            held.add(Detection(1, 100, s, box=tuple(b)))
        t_add = time.perf_counter() - t0
        held_bytes = held._rows.buffer_info()[1] * held._rows.itemsize
        t0 = time.perf_counter()
        kept = list(held.kept())
        t_nms = time.perf_counter() - t0
        found = np.array([d.box for d in kept])
        correct = len(kept) == originals and np.allclose(np.sort(found, 0), np.sort(boxes[:originals], 0))
        rows.append(
            {
                "objects": len(boxes),
                "suppress_s": round(t_nms, 3),
                "us_per_object": round(1e6 * t_nms / len(boxes), 2),
                "hold_s": round(t_add, 3),
                "bytes_per_object": round(held_bytes / len(boxes), 1),
                "duplicates_dropped_exactly": bool(correct),
            }
        )
        print(rows[-1], file=sys.stderr)
    ratio = rows[-1]["us_per_object"] / rows[0]["us_per_object"]
    out = {
        "benchmark": "bench_suppress",
        "sizes": rows,
        "per_object_ratio_largest_to_smallest": round(ratio, 2),
    }
    print(json.dumps(out))
    return 0 if all(r["duplicates_dropped_exactly"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
