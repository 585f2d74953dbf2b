"""What a count model's box head would buy detection, offline, on eval_trees' held-back third.

Takes the count model that ``eval_trees.py`` trained (its ``--workdir``) — a model with a box
head (``network["boxes"]``, new count models have one) — predicts the held-back raster in one
pass of the network (the whole raster, padded to the network's multiple: no tiles, no
blending), labels the objects as detection does with the snapshot's calibrated settings
(``vectorize.label_block`` and ``kept_objects``), and scores two boxes for each object
against the held-back trees (box IoU ≥ 0.4, as ``eval_trees.py``):

* *outline*: the bounding box of the object's pixels (what detection writes today);
* *head*: the object's position minus and plus the distances the head predicts (left, top,
  right, bottom), averaged over the object's core (its marker pixels).

The same objects either way: the difference is the box alone. Detection does not read the
head yet (README, *Ablation*, *Box extents as an auxiliary task*). Held-back data: this
measures, it does not tune. The last line printed is one JSON object.

    python benchmarks/check_box_head.py [--workdir build/eval_trees] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from checkout_path import use_checkout  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="outline boxes vs the box head's boxes, held-back third")
    parser.add_argument("--workdir", default=str(ROOT / "build" / "eval_trees"), help="eval_trees' folder")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    work = Path(args.workdir)
    if not (work / "eval.huntr").exists() or not (work / "heldback.tif").exists():
        print(f"no eval_trees run in {work}: run `make eval-trees` (or eval_trees.py --workdir) first")
        return 2
    use_checkout("scripts", "tests")
    import geopandas as gpd
    import numpy as np
    import rasterio
    import torch
    from demo_data import prepare_demo_scene
    from shapely.geometry import box
    from torch.nn import functional

    from orca_huntr.detection.vectorize import grow_steps_for, kept_objects, label_block, thin_cores_for
    from orca_huntr.snapshots import Workspace
    from orca_huntr.training.loss import BOX_UNIT_SHARE
    from orca_huntr.training.metrics import instance_boxes, match_boxes
    from orca_huntr.training.network import NetworkSpec, build_network
    from orca_huntr.training.normalize import statistics_for
    from orca_huntr.training.state import load_weights

    torch.set_num_threads(args.threads)
    ws = Workspace.open(work / "eval.huntr")
    model = next(m for m in ws.list_models() if m.mode == "count")
    snapshot = ws.load_snapshot(model.id, ws.current_snapshot(model.id).id)
    config = snapshot.config
    spec = NetworkSpec.from_dict(config["network"])
    if not spec.boxes:
        print("this run's count model has no box head (network['boxes']): nothing to compare")
        return 2
    net = build_network(len(config["bands"]), 1, "count", spec).eval()
    load_weights(net, snapshot.weights)
    settings = config["detection"]
    path = work / "heldback.tif"
    with rasterio.open(path) as src:
        image = src.read(config["bands"]).astype(np.float32)
        transform = src.transform
    mean, std = statistics_for(config["normalization"], str(path), config["bands"], None)
    image = (image - np.asarray(mean, np.float32)[:, None, None]) / np.asarray(std, np.float32)[:, None, None]
    h, w = image.shape[1:]
    step = spec.multiple
    x = functional.pad(torch.from_numpy(image)[None], (0, -w % step, 0, -h % step), mode="reflect")
    with torch.no_grad():
        out = net(x, boxes=True)[0, :, :h, :w]
    tree = torch.softmax(out[:2], 0)[1].numpy()
    edge = torch.sigmoid(out[2]).numpy()
    distances = (functional.softplus(out[3:7]) * (config["tile_size"] * BOX_UNIT_SHARE)).numpy()
    block = label_block(
        np.stack([tree, edge]).astype(np.float32), np.ones((h, w), np.float32), np.ones((h, w), bool), 1,
        "count", settings["score_threshold"], settings["boundary_threshold"], grow_steps_for("centre"),
        settings["marker_window"], thin_cores_for("centre"),
    )  # fmt: skip
    labels, _ = kept_objects(block, settings["min_pixels"])
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    ids = labels.ravel()
    kept = ids > 0
    present = np.flatnonzero(np.bincount(ids[kept], minlength=ids.max() + 1))
    outline = instance_boxes(labels)  # (col0, row0, col1, row1) of each object, in id order
    core = kept & block.cores.ravel()
    sides = np.stack([xs - distances[0], ys - distances[1], xs + distances[2], ys + distances[3]])
    sides = sides.reshape(4, -1)
    core_n = np.bincount(ids[core], minlength=ids.max() + 1)
    head = np.stack([np.bincount(ids[core], weights=s[core], minlength=ids.max() + 1) for s in sides], 1)
    head = head[present] / np.maximum(core_n[present], 1)[:, None]
    head[core_n[present] == 0] = outline[core_n[present] == 0]  # no core pixel kept: its outline

    demo = prepare_demo_scene(ROOT / "data" / "demo")
    left, top, res = transform.c, transform.f, transform.a
    area = box(left, top - h * res, left + w * res, top)
    trees = [g for g in gpd.read_file(demo.trees, layer=demo.layer).geometry if area.contains(g.centroid)]

    def score(boxes: np.ndarray) -> dict:
        found = [box(left + b[0] * res, top - b[3] * res, left + b[2] * res, top - b[1] * res) for b in boxes]
        tp, fp, fn = match_boxes(trees, found)
        return {"f1": round(2 * tp / max(2 * tp + fp + fn, 1), 4), "tp": tp, "fp": fp, "fn": fn}

    result = {
        "benchmark": "check_box_head",
        "snapshot": snapshot.info.id,
        "objects": len(present),
        "trees": len(trees),
        "outline_boxes": score(outline),
        "head_boxes": score(head),
        "settings": {k: settings.get(k) for k in ("score_threshold", "boundary_threshold", "marker_window")},
    }
    result["gain"] = round(result["head_boxes"]["f1"] - result["outline_boxes"]["f1"], 4)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
