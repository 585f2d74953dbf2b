"""Many-scene detection on Dask: scenes per minute with 1 and with 2 worker processes.

A count-mode model (UNet width ``--width``, depth 2) is trained for a few steps on a small
synthetic scene through the real training engine; ``--scenes`` synthetic GeoTIFFs of
``--size`` × ``--size`` pixels are written. Then :func:`orca_huntr.detection.many.detect_many`
runs them on a ``LocalCluster`` of 1 worker process and on one of 2 (one thread each, one
torch thread a scene), each cluster started and warmed up (every worker has imported torch
and run a scene) before it is timed, alternating ``--repeats`` times (1, 2, 1, 2, …) so
that slow phases of a shared machine hit both alike; the best run of each counts. The
single-process run (no Dask, warmed up on one scene) is timed once too, as the reference
for Dask's overhead.

The scaling ratio is ``scenes per minute with 2 workers / with 1``; on an idle machine with
two free cores it approaches 2. The last line printed is one JSON object.

    python benchmarks/bench_many.py [--scenes 8] [--size 512] [--repeats 2] [--width 8]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
from checkout_path import use_checkout  # noqa: E402

use_checkout("tests")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=8)
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--width", type=int, default=8)
    parser.add_argument("--train-steps", type=int, default=30)
    args = parser.parse_args()

    import synthdata
    import torch
    from distributed import LocalCluster

    from orca_huntr.detection.many import detect_many

    torch.set_num_threads(1)
    options = {"device": "cpu"}
    with tempfile.TemporaryDirectory(prefix="bench_many-") as tmp_name:
        tmp = Path(tmp_name)
        ws, info, _ = synthdata.make_scene_workspace(
            tmp, size=96, mode="count", cell=20, network={"width": args.width, "depth": 2}
        )
        snap = synthdata.train_quick(ws, info.id, steps=args.train_steps, boundary_target="rim").snapshot
        folder = tmp / "scenes"
        folder.mkdir()
        scenes = [
            str(synthdata.write_scene(folder / f"s{k:03d}.tif", args.size, seed=k, cell=20).path)
            for k in range(args.scenes)
        ]
        print(f"{args.scenes} scenes of {args.size}² px; model width {args.width}", flush=True)

        def timed(name: str, **where) -> tuple[float, int]:
            out = tmp / f"{name}.gpkg"
            t0 = time.perf_counter()
            result = detect_many(
                ws, info.id, snap.id, scenes, out, options, threads=1, overwrite=True, **where
            )
            seconds = time.perf_counter() - t0
            print(f"{name}: {seconds:.2f} s, {60 * len(scenes) / seconds:.2f} scenes/min", flush=True)
            return seconds, result.feature_count

        detect_many(ws, info.id, snap.id, scenes[:1], tmp / "warm0.gpkg", options, workers=0, threads=1)
        single, single_count = timed("single process", workers=0)
        clusters = {}
        for n in (1, 2):
            clusters[n] = LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
            )
            warm = tmp / f"warm{n}.gpkg"
            detect_many(
                ws, info.id, snap.id, scenes[: 2 * n], warm, options,
                scheduler=clusters[n].scheduler_address, threads=1, overwrite=True,
            )  # fmt: skip
        best: dict[int, float] = {}
        counts: dict[int, int] = {}
        try:
            for repeat in range(args.repeats):
                for n in (1, 2):
                    seconds, counts[n] = timed(
                        f"{n} worker(s), run {repeat + 1}", scheduler=clusters[n].scheduler_address
                    )
                    best[n] = min(best.get(n, seconds), seconds)
        finally:
            for cluster in clusters.values():
                cluster.close()
        per_minute = {n: 60.0 * len(scenes) / best[n] for n in best}
        summary = {
            "scenes": len(scenes),
            "size": args.size,
            "cores": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "single_process_scenes_per_min": round(60.0 * len(scenes) / single, 3),
            "workers_1_scenes_per_min": round(per_minute[1], 3),
            "workers_2_scenes_per_min": round(per_minute[2], 3),
            "dask_1_vs_single_process": round(single / best[1], 3),
            "same_feature_count": single_count == counts[1] == counts[2],
            "scaling_2_vs_1": round(per_minute[2] / per_minute[1], 3),
        }
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
