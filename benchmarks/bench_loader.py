"""The training loader alone: tiles per second of one thread, the loader before vs now, one run.

Builds batches of the default recipe's tiles (128², centre target, scale jitter and
photometric changes) from the demo scene (``--synthetic-scene``: a 1024² synthetic one)
with ``loop.batch_maker`` (now) and with ``tests/loader_reference.py`` (the loader as it
was: a rasterio window read, a centre map and two resamplings per tile), one batch of
each in turn (the same batch index for both), in this thread, with no network: load from
other processes hits both alike. Reports tiles/s by CPU time of this thread (what the
loader costs a core) and by wall time, the first batches (scene read, label chunks) apart,
and checks the two make the same batches (the largest difference of each array).
The last line printed is one JSON object.

    python benchmarks/bench_loader.py [--batches 30] [--tile 128] [--batch 8] [--synthetic-scene]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from checkout_path import use_checkout  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="training loader: tiles/s of one thread, before vs now")
    parser.add_argument("--batches", type=int, default=30, help="timed batches of each loader")
    parser.add_argument("--warmup", type=int, default=3, help="batches of each before timing")
    parser.add_argument("--tile", type=int, default=128)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--target", default="centre", choices=("centre", "distance", "rim"))
    parser.add_argument(
        "--synthetic-scene", action="store_true", help="use a synthetic 1024² scene, no download"
    )
    args = parser.parse_args(argv)
    use_checkout("scripts", "tests")
    import loader_reference
    import numpy as np
    from bench_train import _inputs

    from orca_huntr.training.config import TrainConfig
    from orca_huntr.training.loop import ModelSetup, batch_maker, scene_scales
    from orca_huntr.training.normalize import default_normalization

    config = TrainConfig(batch_size=args.batch, warmup_steps=1, boundary_target=args.target)
    setup = ModelSetup(1, "count", [1, 2, 3], args.tile, {"width": 16, "depth": 3, "scale": 2})
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _inputs(Path(tmp), args.synthetic_scene)
        scales = scene_scales(inputs, [1, 2, 3], default_normalization())
        makers = {
            "before": loader_reference.batch_maker(inputs, setup, config, scales),
            "now": batch_maker(inputs, setup, config, scales),
        }
        first = {}
        for name, make in makers.items():
            t0 = time.perf_counter()
            for i in range(args.warmup):
                make(i)
            first[name] = round(time.perf_counter() - t0, 3)
        cpu = dict.fromkeys(makers, 0.0)
        wall = dict.fromkeys(makers, 0.0)
        worst = {"image": 0.0, "target": 0.0, "boundary": 0.0, "weight": 0.0}
        for i in range(args.batches):
            index = 1000 + i
            got = {}
            for name, make in makers.items() if i % 2 else reversed(makers.items()):
                c0, w0 = time.thread_time(), time.perf_counter()
                got[name] = make(index)
                cpu[name] += time.thread_time() - c0
                wall[name] += time.perf_counter() - w0
            for key in worst:
                diff = np.abs(got["now"][key].astype(np.float64) - got["before"][key].astype(np.float64))
                worst[key] = max(worst[key], float(diff.max()))
            if (i + 1) % 10 == 0:
                rates = {n: round(args.batch * (i + 1) / cpu[n]) for n in makers}
                print(f"{i + 1} batches: tiles/s of CPU {rates}", file=sys.stderr)
    tiles = args.batches * args.batch
    result = {
        "benchmark": "bench_loader",
        "tiles_per_cpu_s_before": round(tiles / cpu["before"], 1),
        "tiles_per_cpu_s_now": round(tiles / cpu["now"], 1),
        "speedup_cpu": round(cpu["before"] / cpu["now"], 2),
        "tiles_per_wall_s_before": round(tiles / wall["before"], 1),
        "tiles_per_wall_s_now": round(tiles / wall["now"], 1),
        "speedup_wall": round(wall["before"] / wall["now"], 2),
        "warmup_s": first,
        "max_abs_difference": worst,
        "tile_size": args.tile,
        "batch_size": args.batch,
        "batches": args.batches,
        "boundary_target": args.target,
        "scene": "synthetic" if args.synthetic_scene else "demo (NEON YELL, 0.1 m)",
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
