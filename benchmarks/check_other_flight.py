"""An independent check: the count model of ``eval_trees.py`` on another flight of the site.

The deepforest package (its wheel, which ``make demo-data`` keeps in ``data/demo/wheels``)
holds a second image of the NEON site, ``2019_YELL_2_541000_4977000_image_crop``: the
same sensor, another flight, other light, a road, 279 hand-drawn crown boxes (Pascal VOC
XML). Nothing is trained, tuned or chosen on it (README, *Another flight*). This script
writes the PNG as a GeoTIFF (0.1 m, EPSG:32612, an arbitrary origin: the image carries no
georeference; the boxes are placed in the same frame), detects on it with the current
snapshot of the count model in ``--workdir`` (an ``eval_trees.py`` folder) and its
calibrated settings, and scores it as ``eval_trees.py`` scores the held-back third (box IoU
≥ 0.4). It also counts the detections most of whose pixels are bright and grey (the road;
each band within 25 of the others and their mean above 170 of 255). The last line printed
is one JSON object.

    python benchmarks/check_other_flight.py [--workdir build/eval_trees]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from checkout_path import use_checkout  # noqa: E402

IMAGE = "2019_YELL_2_541000_4977000_image_crop"
RESOLUTION = 0.1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="eval_trees' count model on another flight")
    parser.add_argument("--workdir", default=str(ROOT / "build" / "eval_trees"), help="eval_trees' folder")
    args = parser.parse_args(argv)
    work = Path(args.workdir)
    wheels = sorted((ROOT / "data" / "demo" / "wheels").glob("deepforest-*.whl"))
    if not (work / "eval.huntr").exists() or not wheels:
        print(f"needs an eval_trees workspace in {work} and the deepforest wheel (make demo-data)")
        return 2
    use_checkout("scripts")
    import geopandas as gpd
    import numpy as np
    import rasterio
    from PIL import Image
    from rasterio.features import geometry_mask
    from rasterio.transform import from_origin
    from shapely.geometry import box

    from orca_huntr.detection import DetectOptions, detect
    from orca_huntr.snapshots import Workspace
    from orca_huntr.training.metrics import match_boxes

    with zipfile.ZipFile(wheels[-1]) as zf:
        image = np.asarray(Image.open(io.BytesIO(zf.read(f"deepforest/data/{IMAGE}.png"))).convert("RGB"))
        root = ElementTree.fromstring(zf.read(f"deepforest/data/{IMAGE}.xml"))
    h, w, _ = image.shape
    transform = from_origin(541000.0, 4977000.0 + h * RESOLUTION, RESOLUTION, RESOLUTION)
    raster = work / f"{IMAGE}.tif"
    profile = {"driver": "GTiff", "height": h, "width": w, "count": 3, "dtype": "uint8"}
    with rasterio.open(raster, "w", crs="EPSG:32612", transform=transform, **profile) as dst:
        dst.write(image.transpose(2, 0, 1))
    truth = []
    for obj in root.iter("object"):
        found = obj.find("bndbox")
        assert found is not None
        x0, y0, x1, y1 = (float(found.findtext(k) or 0) for k in ("xmin", "ymin", "xmax", "ymax"))
        (ax, ay), (bx, by) = transform * (x0, y0), transform * (x1, y1)
        truth.append(box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))

    ws = Workspace.open(work / "eval.huntr")
    model = next(m for m in ws.list_models() if m.mode == "count")
    snapshot = ws.current_snapshot(model.id)
    result = detect(ws, model.id, snapshot.id, raster, options=DetectOptions(device="cpu"))
    geoms = list(gpd.read_file(result.path, layer=result.layer_name).geometry)
    tp, fp, fn = match_boxes(truth, [box(*g.bounds) for g in geoms])
    pixels = image.transpose(2, 0, 1).astype(np.float32)
    grey_objects = 0
    for g in geoms:
        px = pixels[:, ~geometry_mask([g], out_shape=(h, w), transform=transform)]
        grey = ((px.max(axis=0) - px.min(axis=0)) < 25) & (px.mean(axis=0) > 170)
        grey_objects += int(px.size > 0 and grey.mean() > 0.5)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    out = {
        "benchmark": "other_flight",
        "image": IMAGE,
        "snapshot": snapshot.id,
        "crowns": len(truth),
        "detections": len(geoms),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 4),
        "count_ratio": round(len(geoms) / max(len(truth), 1), 4),
        "bright_grey_objects": grey_objects,
        "output": str(result.path),
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
