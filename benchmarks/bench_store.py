"""Benchmark of the snapshot store.

Measured in one run, on the file system of ``--dir`` (default: the system temp folder):

* snapshot creation (weights + Adam state of the default UNet, frozen GeoPackage copy,
  fsyncs, manifest) against writing the same tensors with plain
  ``safetensors.torch.save_file`` (no fsync): median times and their ratio;
* listing a timeline of ``--snapshots`` snapshots, cold (fresh ``Workspace``) and warm;
* reverting over ``--later`` later snapshots with a live GeoPackage of ``--labels`` labels.

Run: ``.venv/bin/python benchmarks/bench_store.py``. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / ".pkg"), str(ROOT / "tests")]


def _ensure_package_link() -> None:
    link = ROOT / ".pkg" / "orca_huntr"
    if not link.exists():
        link.parent.mkdir(exist_ok=True)
        link.symlink_to(ROOT, target_is_directory=True)


def unet_tensors(width: int, depth: int):
    """State dict and Adam moments of the project's UNet, as torch tensors and numpy arrays."""
    import torch

    from orca_huntr.training.network import NetworkSpec, UNet

    torch.manual_seed(0)
    net = UNet(3, 4, NetworkSpec(width=width, depth=depth))
    state = {k: v.detach().clone().contiguous() for k, v in net.state_dict().items()}
    opt = {}
    for k, v in state.items():
        if v.is_floating_point():
            opt[f"{k}.exp_avg"] = torch.randn_like(v)
            opt[f"{k}.exp_avg_sq"] = torch.rand_like(v)
    return state, opt


def labels_gpkg(ws, model_id: str, n: int) -> None:
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    ds = ogr.Open(str(ws.training_data_path(model_id)), 1)
    layer = ds.GetLayerByName("labels")
    layer.StartTransaction()
    for i in range(n):
        x, y = (i % 100) * 3.0, (i // 100) * 3.0
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetGeometry(
            ogr.CreateGeometryFromWkt(f"MULTIPOLYGON((({x} {y},{x + 2} {y},{x + 2} {y + 2},{x} {y})))")
        )
        feat.SetField("class_id", 1 + i % 2)
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    ds = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=None, help="where to write (default: system temp folder)")
    parser.add_argument("--snapshots", type=int, default=1000, help="timeline length to list")
    parser.add_argument("--repeats", type=int, default=7, help="repeats of the create comparison")
    parser.add_argument("--later", type=int, default=10, help="snapshots discarded by the revert")
    parser.add_argument("--labels", type=int, default=2000, help="labels in the live GeoPackage")
    parser.add_argument("--width", type=int, default=16)
    parser.add_argument("--depth", type=int, default=3)
    args = parser.parse_args()
    _ensure_package_link()

    import numpy as np
    import torch
    from safetensors.torch import save_file

    from orca_huntr.snapshots import ClassSpec, InputSpec, Workspace

    torch.set_num_threads(1)
    base = Path(tempfile.mkdtemp(prefix="bench-store-", dir=args.dir))
    try:
        ws = Workspace.open(base / "site.huntr")
        model = ws.create_model(
            "bench",
            classes=[ClassSpec("a", "#ff0000"), ClassSpec("b", "#00ff00")],
            mode="count",
            input_spec=InputSpec(bands=[1, 2, 3], crs="EPSG:32612", resolution=0.1),
            network={"width": args.width, "depth": args.depth},
        )
        labels_gpkg(ws, model.id, args.labels)
        state, opt = unet_tensors(args.width, args.depth)
        np_state = {k: v.numpy() for k, v in state.items()}
        np_opt = {k: v.numpy() for k, v in opt.items()}
        tensor_bytes = sum(v.nbytes for v in np_state.values()) + sum(v.nbytes for v in np_opt.values())

        plain_times, create_times = [], []
        for i in range(args.repeats):
            t0 = time.perf_counter()
            save_file(state, str(base / f"plain{i}-w.safetensors"))
            save_file(opt, str(base / f"plain{i}-o.safetensors"))
            plain_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ws.create_snapshot(
                model.id,
                np_state,
                np_opt,
                {"lr": 1e-3},
                {"loss": 0.1},
                {"steps": i},
                {"tile_size": 256},
                None,
            )
            create_times.append(time.perf_counter() - t0)
        plain_ms = statistics.median(plain_times) * 1000
        create_ms = statistics.median(create_times) * 1000

        # a long timeline: tiny weights so that building it stays quick
        big = ws.create_model("timeline", classes=[ClassSpec("a", "#ff0000")])
        tiny = {"w": np.zeros(4, np.float32)}
        t0 = time.perf_counter()
        for i in range(args.snapshots):
            ws.create_snapshot(big.id, tiny, None, None, {"loss": 1.0 / (i + 1)}, {"steps": i}, {}, None)
        build_s = time.perf_counter() - t0
        cold, opens = [], []
        for _ in range(3):
            t0 = time.perf_counter()
            fresh = Workspace.open(ws.root)  # recovery scan: reads every manifest once
            opens.append(time.perf_counter() - t0)
            fresh._manifests.clear()  # measure a listing that must read every manifest
            t0 = time.perf_counter()
            timeline = fresh.list_snapshots(big.id)
            cold.append(time.perf_counter() - t0)
        assert len(timeline) == args.snapshots
        warm = []
        for _ in range(5):
            t0 = time.perf_counter()
            fresh.list_snapshots(big.id)
            warm.append(time.perf_counter() - t0)

        # revert over `later` snapshots, restoring a GeoPackage of `labels` labels
        target = ws.current_snapshot(model.id)
        for i in range(args.later):
            labels_gpkg(ws, model.id, 10)
            ws.create_snapshot(model.id, np_state, np_opt, None, {}, {"steps": 100 + i}, {}, None)
        impact_t0 = time.perf_counter()
        impact = ws.revert_impact(model.id, target.id)
        impact_ms = (time.perf_counter() - impact_t0) * 1000
        t0 = time.perf_counter()
        ws.revert(model.id, target.id)
        revert_ms = (time.perf_counter() - t0) * 1000
        assert len(impact.discarded_snapshots) == args.later
        t0 = time.perf_counter()
        ws.load_snapshot(model.id, target.id)
        load_ms = (time.perf_counter() - t0) * 1000

        result = {
            "bench": "store",
            "python": platform.python_version(),
            "dir": str(base),
            "tensor_mb": round(tensor_bytes / 1e6, 3),
            "create_snapshot_ms": round(create_ms, 2),
            "plain_save_file_ms": round(plain_ms, 2),
            "create_vs_plain_ratio": round(create_ms / plain_ms, 2),
            "timeline_snapshots": args.snapshots,
            "timeline_build_s": round(build_s, 2),
            "open_ms": round(statistics.median(opens) * 1000, 2),
            "list_cold_ms": round(statistics.median(cold) * 1000, 2),
            "list_warm_ms": round(statistics.median(warm) * 1000, 2),
            "revert_impact_ms": round(impact_ms, 2),
            "revert_ms": round(revert_ms, 2),
            "revert_discarded": args.later,
            "revert_labels": args.labels,
            "load_snapshot_ms": round(load_ms, 2),
        }
        print(
            f"create snapshot {create_ms:.2f} ms vs plain save_file {plain_ms:.2f} ms "
            f"({tensor_bytes / 1e6:.2f} MB)"
        )
        print(
            f"list {args.snapshots} snapshots: cold {result['list_cold_ms']} ms, "
            f"warm {result['list_warm_ms']} ms"
        )
        print(f"revert over {args.later} snapshots ({args.labels} labels): {revert_ms:.2f} ms")
        print(json.dumps(result))
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
