"""Detection throughput and memory: the whole pipeline vs the network's pure forward pass.

A 3-band uint8 GeoTIFF of ``--size`` × ``--size`` pixels (10,000 by default) is
generated with ~20 objects per 512×512 (discs and squares in the colours of
``tests/synthdata.py``); a count-mode model (UNet width 16, depth 3) is trained for a
few steps on a small synthetic scene through the real training engine, then:

* *end to end*: :func:`orca_huntr.detection.detect` on the scene (read → infer →
  blend → vectorise → write the GeoPackage), in megapixels of raster per second;
* *pure forward*: the same prepared network (BN folded, channels_last, inference mode,
  calls of ``micro_batch_for`` tiles) over the same number of tiles, from a pool of real
  tiles held in memory, in both CPU schemes: one call at a time on all torch threads,
  and one tile per thread on as many threads of one torch thread each (the engine's
  scheme); the faster one is the reference;
* the same forward in onnxruntime (issue #17), side by side in the same run, from the graph
  the engine exports: one session per thread with one intra-op thread each ("sessions",
  the engine's scheme) and one session with all threads over batches ("batch"); and the
  *engine's forward*: the network object detection actually runs (onnxruntime when it is
  installed, else torch: ``stats["backend"]``) driven in the engine's scheme. Its ratio to
  onnxruntime's best scheme is ``forward_vs_onnxruntime`` (target ≥ 1.0); the end-to-end
  ratio is against the fastest scheme of either runtime;
* the pure forward passes and the end-to-end run alternate ``--repeats`` times (3 by
  default: forward, end to end, forward, end to end, …) and the best time of each
  counts, so that slow phases of a shared machine hit both alike; the ratio of each
  end-to-end run to the forward run just before it is reported too, with its median;
* *machine limit*: a large fp32 matmul's GFLOP/s in the same run; the forward's
  GFLOP/s (FLOPs counted by ``torch.utils.flop_counter``) as a fraction of it
  (sustained, and for its best batch);
* *memory*: peak RSS (VmHWM) of ``detect`` in a fresh process for each of ``--rss-sizes``
  (5,000 and 20,000 by default: the largest must stay ≤ 1.5 × the smallest), with a
  model of width ``--rss-width`` (4 by default: feasible on a laptop CPU, and a stricter
  test since the constant part of the memory is smaller).

Targets: end-to-end ≥ 0.90 × pure forward; RSS ratio ≤ 1.5. The last line printed is
one JSON object.

On a GPU (``--device cuda``, issue #17 part 6) the run is :func:`gpu_main`: the pure forward
is the prepared network on tiles already on the device, under the predictor's bf16
autocast; end to end is ``detect`` on the GPU (pinned, non-blocking copies; bf16). Target:
**≥ 200 Mpx/s end to end** (``e2e_mpx_per_s``); the JSON also gives the forward's Mpx/s, the
ratio of the two and the stage times, which say where the rest of the time goes.

    python benchmarks/bench_detect.py [--size 10000] [--rss-sizes 5000,20000] [--batch 8]
                                      [--tile 256] [--threads N] [--train-steps 120] [--keep DIR]
                                      [--device cuda]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
from checkout_path import use_checkout  # noqa: E402


def write_big_scene(path: Path, size: int, cell: int = 64, seed: int = 0, strip: int = 256) -> int:
    """A ``size``² 3-band uint8 tiled GeoTIFF with one object per ``cell``² cell (85 % of cells),
    written strip by strip (bounded memory); returns the number of objects."""
    import numpy as np
    import rasterio
    import synthdata
    from rasterio.transform import from_origin
    from rasterio.windows import Window

    rng = np.random.default_rng(seed)
    n = -(-size // cell)
    present = rng.random((n, n)) > 0.15
    cls = np.where(rng.random((n, n)) < 0.6, 1, 2)
    cx = np.arange(n)[None, :] * cell + cell / 2 + rng.uniform(-6, 6, (n, n))
    cy = np.arange(n)[:, None] * cell + cell / 2 + rng.uniform(-6, 6, (n, n))
    rad = rng.uniform(0.12, 0.2, (n, n)) * cell
    colours = np.array(
        [synthdata.BACKGROUND, synthdata.CLASS_COLOURS[1], synthdata.CLASS_COLOURS[2]], np.int16
    )
    profile = {
        "driver": "GTiff",
        "width": size,
        "height": size,
        "count": 3,
        "dtype": "uint8",
        "crs": "EPSG:32612",
        "transform": from_origin(500000.0, 5000000.0, 1.0, 1.0),
        "tiled": True,
        "blockxsize": 512,
        "blockysize": 512,
        "BIGTIFF": "IF_SAFER",
    }
    cols = np.arange(size)
    cj = cols // cell
    with rasterio.open(path, "w", **profile) as dst:
        for r0 in range(0, size, strip):
            h = min(strip, size - r0)
            rows = np.arange(r0, r0 + h)
            ci = rows // cell
            dx = cols[None, :] - cx[ci[:, None], cj[None, :]]
            dy = rows[:, None] - cy[ci[:, None], cj[None, :]]
            r = rad[ci[:, None], cj[None, :]]
            k = cls[ci[:, None], cj[None, :]]
            inside = np.where(k == 1, dx * dx + dy * dy <= r * r, (np.abs(dx) <= r) & (np.abs(dy) <= r))
            inside &= present[ci[:, None], cj[None, :]]
            label = np.where(inside, k, 0)
            del dx, dy, r, k, inside
            image = colours[label].transpose(2, 0, 1) + rng.integers(-12, 13, (3, h, size), dtype=np.int16)
            dst.write(np.clip(image, 0, 255).astype(np.uint8), window=Window(0, r0, size, h))
    return int(present.sum())


def cached_scene(path: Path, size: int) -> int:
    """``write_big_scene`` unless an earlier ``--keep`` run left the same scene; returns its object count."""
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return int(json.loads(meta.read_text())["objects"])
    objects = write_big_scene(path, size)
    meta.write_text(json.dumps({"objects": objects}))
    return objects


def train_model(work: Path, steps: int, width: int):
    """A count-mode model trained for ``steps`` steps on a small synthetic scene (real engine)."""
    import synthdata

    from orca_huntr.snapshots import Workspace
    from orca_huntr.training import TrainConfig, train_model

    if (work / "site.huntr").exists():  # --keep: reuse the model trained by an earlier run
        ws = Workspace.open(work / "site.huntr")
        info = ws.list_models()[0]
        return ws, info, ws.current_snapshot(info.id)
    ws, info, _scene = synthdata.make_scene_workspace(
        work,
        size=256,
        mode="count",
        touching=False,
        cell=64,
        tile_size=64,
        network={"width": width, "depth": 3},
    )
    cfg = TrainConfig(max_steps=steps, batch_size=8, device="cpu", seed=0, num_workers=0)
    result = train_model(ws, info.id, cfg)
    return ws, info, result.snapshot


def matmul_gflops(n: int = 4096, reps: int = 5) -> float:
    """Best-of-``reps`` fp32 ``n``×``n`` matmul throughput."""
    import torch

    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - t)
    return 2 * n**3 / best / 1e9


class ThreadSessions:
    """Plain onnxruntime: one ``InferenceSession`` per calling thread, ``threads`` intra-op threads
    each, called with a numpy batch (the reference the engine's forward is measured against)."""

    def __init__(self, graph: bytes, threads: int) -> None:
        import threading

        self.graph, self.threads, self.local = graph, threads, threading.local()

    def __call__(self, x):
        import onnxruntime as ort

        session = getattr(self.local, "session", None)
        if session is None:
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            session = self.local.session = ort.InferenceSession(
                self.graph, options, providers=["CPUExecutionProvider"]
            )
        return session.run(None, {session.get_inputs()[0].name: x})[0]


def pure_forward(model, pool, tiles: int, batch: int, micro: int, workers: int) -> tuple[float, float]:
    """``(seconds, best batch seconds)`` of the raw network (any callable: a torch module, an
    onnxruntime wrapper) over ``tiles`` tiles cycled from the in-memory ``pool`` in calls of
    ``micro`` tiles: ``batch`` tiles a call group in this thread with torch's threads
    (``workers`` = 1), or streamed over ``workers`` threads of one torch thread each with
    ``2 × workers`` calls in flight, so no worker waits for another (the engine's CPU
    scheme; its best batch time is not defined: inf)."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    import torch

    def run(x) -> None:
        with torch.inference_mode():
            for k in range(0, x.shape[0], micro):
                model(x[k : k + micro])

    def chunks(step: int):
        done, k = 0, 0
        while done < tiles:
            b = min(step, tiles - done)
            k = k if k + b <= pool.shape[0] else 0
            yield pool[k : k + b]
            done += b
            k = (k + b) % pool.shape[0]

    if workers <= 1:
        run(pool[:batch])  # warm-up
        total, best = 0.0, float("inf")
        for x in chunks(batch):
            t0 = time.perf_counter()
            run(x)
            dt = time.perf_counter() - t0
            total += dt
            if x.shape[0] == batch:
                best = min(best, dt)
        return total, best
    with ThreadPoolExecutor(workers, initializer=lambda: torch.set_num_threads(1)) as executor:
        list(executor.map(run, [pool[k : k + micro] for k in range(0, 2 * workers * micro, micro)]))
        in_flight: deque = deque()
        t0 = time.perf_counter()
        for x in chunks(micro):
            in_flight.append(executor.submit(run, x))
            if len(in_flight) >= 2 * workers:
                in_flight.popleft().result()
        for future in in_flight:
            future.result()
        return time.perf_counter() - t0, float("inf")


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def child(args: argparse.Namespace) -> int:
    """``--child``: one detect run in this fresh process; prints its peak RSS as JSON."""
    from orca_huntr.detection import DetectOptions, detect
    from orca_huntr.snapshots import Workspace

    ws = Workspace.open(args.workspace)
    t = time.perf_counter()
    options = DetectOptions(
        tile_size=args.tile, batch_size=args.batch, threads=args.threads, device="cpu", flip_tta=False
    )
    result = detect(ws, args.model, None, args.raster, options=options)
    rss = peak_rss_mb()
    print(
        json.dumps(
            {
                "rss_mb": round(rss, 1),
                "seconds": round(time.perf_counter() - t, 2),
                "features": result.feature_count,
            }
        )
    )
    return 0


def gpu_main(args: argparse.Namespace) -> int:
    """``--device cuda``: detection end to end on the GPU against the network's forward there."""
    import numpy as np
    import torch

    from orca_huntr.detection import DetectOptions, detect
    from orca_huntr.detection.engine import RasterReader, snapshot_spec
    from orca_huntr.detection.infer import Predictor, build_model, resolve_device

    device = resolve_device(args.device)
    tmp, work = _work_folder(args.keep, "bench-detect-gpu-")
    try:
        ws, info, snap = train_model(work / "train", args.train_steps, args.width)
        scene = work / f"scene_{args.size}.tif"
        t = time.perf_counter()
        objects = cached_scene(scene, args.size)
        print(
            f"scene {args.size}² with {objects} objects written in {time.perf_counter() - t:.1f} s",
            flush=True,
        )
        spec = snapshot_spec(ws.load_snapshot(info.id, snap.id))
        model = build_model(spec.weights, 3, spec.num_classes, spec.mode, spec.network, device)
        predictor = Predictor(model, spec.num_classes, spec.mode, device, background=False)
        reader = RasterReader(str(scene), spec.bands, spec.mean, spec.std)
        tiles_np = np.stack(
            [reader.read(r, c, args.tile, args.tile)[0] for r in range(0, 4 * args.tile, args.tile)
             for c in range(0, 8 * args.tile, args.tile)]
        )  # fmt: skip
        reader.close()
        pool = torch.from_numpy(tiles_np).to(device).contiguous(memory_format=torch.channels_last)
        options = DetectOptions(tile_size=args.tile, batch_size=args.batch, device=device, flip_tta=False)
        from orca_huntr.detection.engine import processing_window
        from orca_huntr.detection.gate import inspect_raster
        from orca_huntr.detection.tiling import TileGrid

        raster = inspect_raster(scene)
        _r, _c, h, w = processing_window(raster, None, args.tile)
        tiles = TileGrid(h, w, args.tile, options.overlap_pixels(args.tile), options.block_size).tile_count
        batch = min(max(args.batch, 1), pool.shape[0])

        def forward() -> float:
            """Seconds of the network alone over ``tiles`` tiles already on the device."""
            with torch.inference_mode(), torch.autocast("cuda", dtype=predictor.amp_dtype or torch.float32,
                                                        enabled=predictor.amp_dtype is not None):  # fmt: skip
                predictor.forward(pool[:batch])
                torch.cuda.synchronize()
                t0 = time.perf_counter()
                done = 0
                while done < tiles:
                    k = (done // batch * batch) % (pool.shape[0] - batch + 1)
                    predictor.forward(pool[k : k + batch])
                    done += batch
                torch.cuda.synchronize()
                return time.perf_counter() - t0

        fwd_runs, e2e_runs = [], []
        result = None
        for run in range(1, args.repeats + 1):
            fwd_runs.append(forward())
            print(f"pure forward ({run}): {fwd_runs[-1]:.2f} s", flush=True)
            t = time.perf_counter()
            result = detect(ws, info.id, snap.id, scene, options=options)
            e2e_runs.append(time.perf_counter() - t)
            print(f"{tiles} tiles end to end ({run}): {e2e_runs[-1]:.2f} s", flush=True)
        predictor.close()
        mpx = args.size * args.size / 1e6
        fwd_s, e2e_s = min(fwd_runs), min(e2e_runs)
        summary = {
            "benchmark": "detect",
            "device": device,
            "gpu": torch.cuda.get_device_name(device),
            "precision": str(predictor.amp_dtype or torch.float32).replace("torch.", ""),
            "size": args.size,
            "megapixels": round(mpx, 2),
            "tiles": tiles,
            "tile": args.tile,
            "batch": args.batch,
            "objects": objects,
            "features": result.feature_count if result is not None else None,
            "e2e_seconds": round(e2e_s, 3),
            "e2e_seconds_runs": [round(x, 3) for x in e2e_runs],
            "e2e_mpx_per_s": round(mpx / e2e_s, 2),
            "target_e2e_mpx_per_s": 200,
            "forward_seconds": round(fwd_s, 3),
            "forward_mpx_per_s": round(mpx / fwd_s, 2),
            "e2e_vs_forward": round(fwd_s / e2e_s, 3),
            "stage_seconds": result.stats["seconds"] if result is not None else None,
            "cpu_threads": torch.get_num_threads(),
            "forward_vs_onnxruntime": None,  # onnxruntime is the CPU's backend: run without --device
        }
        print(json.dumps(summary))
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


def _work_folder(keep: Path | None, prefix: str) -> tuple[tempfile.TemporaryDirectory | None, Path]:
    """``(temporary folder to clean up or None, work folder)``: ``keep`` when given, else a new one."""
    if keep is None:
        tmp = tempfile.TemporaryDirectory(prefix=prefix)
        return tmp, Path(tmp.name)
    keep.mkdir(parents=True, exist_ok=True)
    return None, keep


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="detection throughput: end to end vs pure forward")
    parser.add_argument("--size", type=int, default=10_000, help="side of the generated raster (pixels)")
    parser.add_argument("--rss-sizes", default="5000,20000", help="sides for the peak-RSS runs ('' = skip)")
    parser.add_argument("--tile", type=int, default=256)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--width", type=int, default=16)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--train-steps", type=int, default=120)
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="alternations of pure forward and end-to-end runs (the best of each counts)",
    )
    parser.add_argument(
        "--rss-width",
        type=int,
        default=4,
        help="network width for the RSS runs (default 4, so that the 20,000² run stays feasible on a "
        "small CPU); a smaller network also makes the size-independence check stricter (a smaller "
        "constant part)",
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="work folder to keep (default: a temporary one)"
    )
    parser.add_argument("--device", default="cpu", help="cpu (default) or cuda: the GPU run (gpu_main)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workspace", help=argparse.SUPPRESS)
    parser.add_argument("--model", help=argparse.SUPPRESS)
    parser.add_argument("--raster", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    use_checkout("scripts", "tests")
    if args.child:
        return child(args)
    if args.device != "cpu":
        return gpu_main(args)

    import numpy as np
    import torch

    from orca_huntr.detection import DetectOptions, detect
    from orca_huntr.detection.engine import RasterReader, snapshot_spec
    from orca_huntr.detection.infer import Predictor, build_model, micro_batch_for
    from orca_huntr.detection.onnx_backend import backend_of, cpu_network, export_graph, onnxruntime_available

    threads = args.threads or torch.get_num_threads()
    tmp, work = _work_folder(args.keep, "bench-detect-")
    try:
        t = time.perf_counter()
        ws, info, snap = train_model(work / "train", args.train_steps, args.width)
        train_s = time.perf_counter() - t
        torch.set_num_threads(threads)  # training keeps a core free; detection uses them all
        scene = work / f"scene_{args.size}.tif"
        t = time.perf_counter()
        objects = cached_scene(scene, args.size)
        print(
            f"scene {args.size}² with {objects} objects written in {time.perf_counter() - t:.1f} s",
            flush=True,
        )

        # the same prepared network the engine builds, and a pool of real tiles in memory
        spec = snapshot_spec(ws.load_snapshot(info.id, snap.id))
        model = build_model(spec.weights, 3, spec.num_classes, spec.mode, spec.network, "cpu")
        micro = micro_batch_for(int(spec.network.get("width", 16)), args.tile)
        predictor = Predictor(model, spec.num_classes, spec.mode, "cpu", micro_batch=micro)
        reader = RasterReader(str(scene), spec.bands, spec.mean, spec.std)
        pool_np = np.stack(
            [
                reader.read(r, c, args.tile, args.tile)[0]
                for r in range(0, 4 * args.tile, args.tile)
                for c in range(0, 8 * args.tile, args.tile)
            ][: max(args.batch * 4, 32)]
        )
        reader.close()
        pool = predictor.to_input(pool_np)
        pool_nchw = torch.from_numpy(np.ascontiguousarray(pool_np))  # what onnxruntime is given
        # what detection runs on the CPU (onnxruntime when installed), prepared as detect prepares it
        engine_net = cpu_network(model, 3, args.tile, "auto")
        backend = backend_of(engine_net)
        graph = export_graph(model, 3, args.tile) if onnxruntime_available() else None
        with torch.inference_mode():
            from torch.utils.flop_counter import FlopCounterMode

            with FlopCounterMode(display=False) as counter:
                predictor.forward(pool[:1])
            flops_per_tile = counter.get_total_flops()
            predictor.forward(pool[: args.batch])  # warm-up

        options = DetectOptions(  # one pass a tile, as the forward passes it is compared with
            tile_size=args.tile, batch_size=args.batch, threads=threads, device="cpu", flip_tta=False
        )
        from orca_huntr.detection.engine import processing_window
        from orca_huntr.detection.gate import inspect_raster
        from orca_huntr.detection.tiling import TileGrid

        raster = inspect_raster(scene)
        _r, _c, h, w = processing_window(raster, None, args.tile)
        tiles = TileGrid(h, w, args.tile, options.overlap_pixels(args.tile), options.block_size).tile_count
        gflops_mm = matmul_gflops()
        # the pure forward in both CPU schemes (one call at a time on all torch threads, or one
        # thread per tile; the faster counts) and the end-to-end run, alternated: the best
        # time of each counts, so that slow phases of the machine hit both alike
        # name: (network, tile pool, calls of, workers); "engine" is detection's own network and scheme
        schemes: dict[str, tuple] = {"torch_threads": (model, pool, micro, 1)}
        if threads > 1:
            schemes["torch_workers"] = (model, pool, micro, threads)
        if graph is not None:
            schemes["onnxruntime_sessions"] = (ThreadSessions(graph, 1), pool_np, micro, max(threads, 2))
            schemes["onnxruntime_batch"] = (ThreadSessions(graph, threads), pool_np, args.batch, 1)
            if threads == 1:
                schemes["onnxruntime_sessions"] = (ThreadSessions(graph, 1), pool_np, micro, 1)
        engine_pool = pool_nchw if backend == "onnxruntime" else pool
        schemes["engine"] = (engine_net, engine_pool, micro, threads)
        fwd: dict[str, list[float]] = {name: [] for name in schemes}
        best_batch: dict[str, float] = {}
        e2e_runs: list[float] = []

        def measure_forward(label: str) -> None:
            for name, (net, tiles_pool, calls, workers) in schemes.items():
                torch.set_num_threads(threads)
                secs, best = pure_forward(net, tiles_pool, tiles, args.batch, calls, workers)
                fwd[name].append(secs)
                if name.startswith("torch"):
                    best_batch[name] = min(best_batch.get(name, float("inf")), best)
                print(f"pure forward ({name}, {label}): {secs:.2f} s", flush=True)
            torch.set_num_threads(threads)

        for run in map(str, range(1, args.repeats + 1)):
            measure_forward(run)
            t = time.perf_counter()
            result = detect(ws, info.id, snap.id, scene, options=options)
            e2e_runs.append(time.perf_counter() - t)
            print(f"{tiles} tiles end to end ({run}): {e2e_runs[-1]:.2f} s", flush=True)
        e2e_s = min(e2e_runs)
        gflops_mm = max(gflops_mm, matmul_gflops())
        forward_by_scheme = {name: min(v) for name, v in fwd.items()}
        scheme = min(forward_by_scheme, key=forward_by_scheme.__getitem__)
        fwd_s = forward_by_scheme[scheme]
        ort_schemes = {k: v for k, v in forward_by_scheme.items() if k.startswith("onnxruntime")}
        ort_scheme = min(ort_schemes, key=ort_schemes.__getitem__) if ort_schemes else None
        # the engine's forward against onnxruntime's best scheme, per round too (same machine phase)
        ort_pairs = [min(fwd[k][n] for k in ort_schemes) / fwd["engine"][n] for n in range(len(e2e_runs))]
        # each end-to-end run against the pure forward run just before it (the fastest scheme):
        # a drift in the machine's speed between pairs cancels out
        pair_ratios = [min(v[k] for v in fwd.values()) / e for k, e in enumerate(e2e_runs)]
        mpx = args.size * args.size / 1e6
        fwd_gflops = tiles * flops_per_tile / fwd_s / 1e9
        best_gflops = args.batch * flops_per_tile / min(best_batch.values()) / 1e9

        rss: dict[str, float] = {}
        rss_width = args.rss_width or args.width
        rss_ws, rss_info = ws, info
        if rss_width != args.width:
            rss_ws, rss_info, _snap = train_model(work / "train_rss", args.train_steps, rss_width)
            torch.set_num_threads(threads)
        sizes = [int(s) for s in args.rss_sizes.split(",") if s.strip()]
        for size in sizes:
            path = scene if size == args.size else work / f"scene_{size}.tif"
            cached_scene(path, size)
            cmd = [
                sys.executable,
                __file__,
                "--child",
                "--workspace",
                str(rss_ws.root),
                "--model",
                rss_info.id,
            ]
            cmd += ["--raster", str(path), "--tile", str(args.tile), "--batch", str(args.batch)]
            cmd += ["--threads", str(threads)]
            print(f"peak RSS of detect on {size}²…", flush=True)
            out = (
                subprocess.run(cmd, check=True, capture_output=True, text=True)
                .stdout.strip()
                .splitlines()[-1]
            )
            rss[str(size)] = json.loads(out)["rss_mb"]
            if path != scene and args.keep is None:
                path.unlink()
        summary = {
            "benchmark": "detect",
            "size": args.size,
            "megapixels": round(mpx, 2),
            "tiles": tiles,
            "tile": args.tile,
            "batch": args.batch,
            "threads": torch.get_num_threads(),
            "objects": objects,
            "features": result.feature_count,
            "e2e_seconds": round(e2e_s, 2),
            "e2e_seconds_runs": [round(x, 2) for x in e2e_runs],
            "e2e_mpx_per_s": round(mpx / e2e_s, 3),
            "backend": backend,
            "e2e_backend": result.stats.get("backend"),
            "e2e_graph_cached": result.stats.get("graph_cached"),  # the snapshot's ONNX graph reused
            "forward_seconds": round(fwd_s, 2),
            "forward_scheme": scheme,
            "engine_forward_seconds": round(forward_by_scheme["engine"], 2),
            "onnxruntime_scheme": ort_scheme,
            "onnxruntime_seconds": round(ort_schemes[ort_scheme], 2) if ort_scheme else None,
            "forward_vs_onnxruntime": (
                round(ort_schemes[ort_scheme] / forward_by_scheme["engine"], 3) if ort_scheme else None
            ),
            "forward_vs_onnxruntime_pairs": [round(r, 3) for r in ort_pairs] if ort_scheme else None,
            "target_forward_vs_onnxruntime": 1.0,
            "torch_vs_onnxruntime": (
                round(
                    ort_schemes[ort_scheme]
                    / min(v for k, v in forward_by_scheme.items() if k.startswith("torch")),
                    3,
                )
                if ort_scheme
                else None
            ),
            "forward_seconds_by_scheme": {k: [round(x, 2) for x in v] for k, v in fwd.items()},
            "micro_batch": micro,
            "forward_mpx_per_s": round(mpx / fwd_s, 3),
            "e2e_vs_forward": round(fwd_s / e2e_s, 3),
            "e2e_vs_forward_pairs": [round(r, 3) for r in pair_ratios],
            "e2e_vs_forward_pairs_median": round(statistics.median(pair_ratios), 3),
            "target_e2e_vs_forward": 0.9,
            "stage_seconds": result.stats["seconds"],
            "gflop_per_tile": round(flops_per_tile / 1e9, 3),
            "forward_gflops": round(fwd_gflops, 1),
            "matmul_gflops": round(gflops_mm, 1),
            "forward_vs_matmul": round(fwd_gflops / gflops_mm, 3),
            "forward_gflops_best_batch": round(best_gflops, 1),
            "forward_best_vs_matmul": round(best_gflops / gflops_mm, 3),
            "peak_rss_mb": rss,
            "rss_network_width": rss_width,
            "rss_ratio": round(rss[str(max(sizes))] / rss[str(min(sizes))], 3) if len(sizes) > 1 else None,
            "target_rss_ratio": 1.5,
            "train_seconds": round(train_s, 1),
        }
        print(json.dumps(summary))
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
