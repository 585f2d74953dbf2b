"""Training throughput: the real data pipeline vs in-memory tensors, same train step.

*Real*: tiles sampled inside training areas of the demo scene (NEON orthophoto, 574
tree labels; see ``scripts/demo_data.py``), read from the GeoTIFF, labels rasterised
with each window's transform, augmented, in the background loader — then stepped.
*Synthetic*: the same :class:`~orca_huntr.training.loop.TrainStep` fed with random
tensors of the same shape already in memory. Steps alternate (one synthetic, one real,
waiting for the loader included), so load from other processes hits both alike.
Target on the CPU: real ≥ 0.90 × synthetic. On an x86 CPU the step lays its tensors out
channels-last (``training.device.prefers_channels_last``); the same in-memory step in the
default NCHW layout is timed beside it (``channels_last_speedup``: its time over the
channels-last step's). On a GPU (``--device cuda``, issue #17 part 6)
the synthetic batch is already on the device (the step as fast as it can be fed), the real
one comes through the loader's threads (every core but one, at most 8, unless ``--workers``)
in pinned memory, and the step runs under bf16 autocast: target real ≥ 0.80 × synthetic.
The last line printed is one JSON object.

    python benchmarks/bench_train.py [--steps 16] [--tile 256] [--batch 8] [--synthetic-scene]
                                     [--width 16] [--depth 3] [--scale 1] [--no-boxes]
                                     [--device cuda] [--workers N]
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
sys.path.insert(0, str(ROOT / "tests"))
from checkout_path import use_checkout  # noqa: E402


def _inputs(work: Path, synthetic_scene: bool, classes: int = 1):
    import synthdata

    from orca_huntr.training.inputs import load_inputs

    if synthetic_scene:
        scene = synthdata.write_scene(work / "scene.tif", 1024, resolution=0.1, cell=32, seed=1)
        area = scene.box(0, 0, 2 / 3, 1)
        labels = [(g, 1) for g, _ in scene.labels(area)]
        path, crs = scene.path, scene.crs
    else:
        import geopandas as gpd
        from demo_data import prepare_demo_scene
        from shapely.geometry import box

        demo = prepare_demo_scene(ROOT / "data" / "demo")
        trees = gpd.read_file(demo.trees, layer=demo.layer)
        area = box(528000.0, 4978752.8, 528000.0 + 229.9 * 2 / 3, 4979000.0)
        labels = [(g, 1) for g in trees.geometry if g.intersects(area)]
        path, crs = demo.scene, demo.crs
    gpkg = synthdata.write_training_gpkg(work / "training.gpkg", crs, [area], labels)
    return load_inputs(gpkg, [("s", str(path), "scene")], classes, [1, 2, 3], crs, 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="training throughput: real pipeline vs in-memory tensors")
    parser.add_argument("--steps", type=int, default=16, help="timed steps of each kind")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--tile", type=int, default=256)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--width", type=int, default=16)
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--target", default="centre", choices=("centre", "distance", "rim"))
    parser.add_argument("--scale", type=int, default=1, help="working scale (the NEON crowns' recipe: 2)")
    parser.add_argument(
        "--no-boxes",
        action="store_true",
        help="without the box head (new centre-target count models train one; both sides of the ratio)",
    )
    parser.add_argument("--device", default="auto")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="loader threads (default: 1 on the CPU, cores - 1 ≤ 8 on a GPU)",
    )
    parser.add_argument(
        "--synthetic-scene", action="store_true", help="use a synthetic 1024² scene, no download"
    )
    args = parser.parse_args(argv)
    use_checkout("scripts", "tests")
    import numpy as np
    import torch

    from orca_huntr.training.config import TrainConfig
    from orca_huntr.training.device import loader_workers, resolve_device
    from orca_huntr.training.loader import BackgroundLoader, pinned
    from orca_huntr.training.loop import (
        ModelSetup,
        TrainStep,
        batch_maker,
        configure_threads,
        scene_scales,
    )
    from orca_huntr.training.network import build_network
    from orca_huntr.training.normalize import default_normalization

    config = TrainConfig(
        batch_size=args.batch,
        device=args.device,
        threads=args.threads,
        num_workers=args.workers,
        warmup_steps=1,
        boundary_target=args.target,
    )
    device = torch.device(resolve_device(config.device))
    if device.type == "cpu":
        configure_threads(config.threads)
    network = {"width": args.width, "depth": args.depth, "scale": args.scale}
    boxes = args.target == "centre" and not args.no_boxes
    if boxes:
        network["boxes"] = True
    setup = ModelSetup(1, "count", [1, 2, 3], args.tile, network)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _inputs(Path(tmp), args.synthetic_scene)
        scales = scene_scales(inputs, [1, 2, 3], default_normalization())
        torch.manual_seed(0)
        trainer = TrainStep(build_network(3, 1, "count", setup.network).to(device), setup, config, device)
        # the same step in the default (NCHW) layout, where the trainer chose channels-last (an
        # x86 CPU): timed on the in-memory batch beside it, so the layout's gain is one run's ratio
        torch.manual_seed(0)
        nchw = (
            TrainStep(
                build_network(3, 1, "count", setup.network).to(device),
                setup,
                config,
                device,
                channels_last=False,
            )
            if trainer.channels_last
            else None
        )
        rng = np.random.default_rng(0)
        fake = {
            "image": rng.normal(size=(args.batch, 3, args.tile, args.tile)).astype(np.float32),
            "target": rng.integers(0, 2, size=(args.batch, args.tile, args.tile)).astype(np.uint8),
            "boundary": rng.uniform(size=(args.batch, args.tile, args.tile)).astype(np.float32),
            "weight": np.ones((args.batch, args.tile, args.tile), np.float32),
        }
        if boxes:  # the same step as the real batches': the box head's loss too
            fake["box"] = rng.uniform(0.0, 1.0, size=(args.batch, 4, args.tile, args.tile)).astype(np.float32)
        make_batch = batch_maker(inputs, setup, config, scales)
        workers = loader_workers(config.num_workers, device.type)
        loaded = make_batch
        if device.type == "cuda":  # as fit() feeds a GPU: pinned batches; the reference on the device
            torch.backends.cudnn.benchmark = True
            loaded = pinned(make_batch)
            fake = {k: torch.from_numpy(v).to(device) for k, v in fake.items()}

        def sync() -> None:
            if device.type == "cuda":
                torch.cuda.synchronize()

        def timed(batch_fn, i: int, step=trainer) -> float:
            t0 = time.perf_counter()
            step(batch_fn(), i)
            sync()
            return time.perf_counter() - t0

        def loader_only() -> float:
            t0 = time.perf_counter()
            for i in range(4):
                make_batch(i)
            return 4 * args.batch / (time.perf_counter() - t0)

        def loader_parallel(batches: int) -> float:
            """Tiles/s the loader's threads make, with no step to wait for (what can feed a GPU)."""
            with BackgroundLoader(loaded, 10_000, workers, max(config.prefetch, 2 * workers)) as loader:
                next(loader)
                t0 = time.perf_counter()
                for _ in range(batches):
                    next(loader)
                return batches * args.batch / (time.perf_counter() - t0)

        pipeline = loader_only()
        parallel = loader_parallel(max(4, 2 * workers)) if workers > 1 else pipeline
        synth_s = real_s = nchw_s = 0.0
        with BackgroundLoader(loaded, 0, workers, max(config.prefetch, 2 * workers)) as loader:
            for i in range(args.warmup):
                timed(lambda: fake, i)
                timed(lambda: next(loader), i)
                if nchw is not None:
                    timed(lambda: fake, i, nchw)
            # one synthetic step, then one real step (waiting for the loader counts): load
            # from other processes and clock drift hit both measurements alike
            for i in range(args.steps):
                synth_s += timed(lambda: fake, i)
                real_s += timed(lambda: next(loader), i)
                if nchw is not None:
                    nchw_s += timed(lambda: fake, i, nchw)
                if (i + 1) % 4 == 0:
                    print(f"{i + 1} steps: synthetic {synth_s:.1f} s, real {real_s:.1f} s", file=sys.stderr)
    synth = args.steps * args.batch / synth_s
    real_rate = args.steps * args.batch / real_s
    result = {
        "benchmark": "bench_train",
        "real_tiles_per_s": round(real_rate, 3),
        "synthetic_tiles_per_s": round(synth, 3),
        "ratio": round(real_rate / synth, 3),
        "target_ratio": 0.8 if device.type == "cuda" else 0.9,
        "precision": str(trainer.amp_dtype or torch.float32).replace("torch.", ""),
        "memory_layout": "channels_last" if trainer.channels_last else "nchw",
        # in-memory steps: the default NCHW layout's time over channels-last's (null: not compared)
        "channels_last_speedup": round(nchw_s / synth_s, 3) if nchw is not None else None,
        "loader_only_tiles_per_s": round(pipeline, 3),
        "loader_threads_tiles_per_s": round(parallel, 3),
        "tile_size": args.tile,
        "batch_size": args.batch,
        "width": args.width,
        "depth": args.depth,
        "scale": args.scale,
        "boundary_target": args.target,
        "boxes": boxes,
        "steps": args.steps,
        "device": str(device),
        "torch_threads": torch.get_num_threads(),
        "loader_workers": workers,
        "gpu": torch.cuda.get_device_name(device) if device.type == "cuda" else None,
        "scene": "synthetic" if args.synthetic_scene else "demo (NEON YELL, 0.1 m)",
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
