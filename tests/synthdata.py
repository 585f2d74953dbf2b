"""Tiny synthetic scenes and training data for tests (shared by every engineer).

Stable names (other test files import them; keep them backward-compatible):

Level (a) — plain files, no workspace:

* :func:`write_scene` ``(path, size=64, *, crs, resolution, origin, bands, dtype, nodata,
  nodata_columns, seed, touching, cell) -> SyntheticScene``: a GeoTIFF with bright
  objects of two classes on a noisy dark background — class 1 are reddish discs (some
  in touching pairs), class 2 greenish squares. The returned :class:`SyntheticScene`
  knows its objects as shapely polygons in the scene's CRS (``scene.objects``,
  ``scene.polygons(class_id)``), the per-pixel truth (``scene.class_map``, 0 =
  background) and its footprint (``scene.bounds``, ``scene.box(...)``).
* :func:`write_training_gpkg` ``(path, crs, areas=(), labels=(), *, purposes=None,
  geometry_crs=None) -> Path``: writes (or appends to) the contract's ``training_areas``
  (``purpose``) and ``labels`` (``class_id``) layers of a GeoPackage.
* :func:`reproject_geometry` ``(geom, src_crs, dst_crs)``; :func:`clear_layer` ``(path, layer)``.

Level (b) — through the snapshot store (``orca_huntr.snapshots.Workspace``):

* :func:`make_workspace` ``(tmp_path, *, classes=2, mode="count", size=64, ...) ->
  (ws, model_info, scene_path)``: a workspace with one model whose live training data
  holds one scene, a training area covering ``area_fraction`` of it and every object
  inside that area as a label. :func:`make_scene_workspace` (same arguments) returns
  ``(ws, model_info, SyntheticScene)`` instead, for tests that need the truth.
* :func:`train_quick` ``(ws, model_id, steps=20, **config) -> TrainResult``: a few
  quick training steps on CPU, creating a snapshot (for detection/UI/Processing tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

# Colour of each class per band (band b uses index b % 3); background is dark noise.
CLASS_COLOURS = {1: (220, 70, 60), 2: (60, 200, 90)}
BACKGROUND = (45, 50, 40)
CLASS_NAMES = {1: "disc", 2: "square"}
CLASS_HEX = {1: "#dc463c", 2: "#3cc85a"}


@dataclass
class SyntheticObject:
    """One object of a synthetic scene: its id, class and polygon (scene CRS)."""

    id: int
    class_id: int
    geometry: Any  # shapely Polygon


@dataclass
class SyntheticScene:
    """What :func:`write_scene` wrote: the raster and the truth about it."""

    path: Path
    crs: str
    transform: Any  # affine.Affine
    width: int
    height: int
    resolution: float
    bands: int
    nodata: float | None
    objects: list[SyntheticObject] = field(default_factory=list)
    class_map: np.ndarray | None = None  # (height, width) uint8, 0 = background

    @property
    def bounds(self):
        """The scene's footprint as a shapely box (scene CRS)."""
        return self.box(0.0, 0.0, 1.0, 1.0)

    def box(self, x0: float, y0: float, x1: float, y1: float):
        """A box from fractions of the scene (0,0 = upper-left, 1,1 = lower-right), scene CRS."""
        from shapely.geometry import box

        left, top = self.transform * (x0 * self.width, y0 * self.height)
        right, bottom = self.transform * (x1 * self.width, y1 * self.height)
        return box(min(left, right), min(top, bottom), max(left, right), max(top, bottom))

    def polygons(self, class_id: int | None = None) -> list:
        """Object polygons (scene CRS), optionally of one class only."""
        return [o.geometry for o in self.objects if class_id is None or o.class_id == class_id]

    def objects_within(self, area) -> list[SyntheticObject]:
        """Objects lying entirely inside ``area`` (a shapely geometry in the scene CRS)."""
        return [o for o in self.objects if area.contains(o.geometry)]

    def labels(self, area=None) -> list[tuple[Any, int]]:
        """``(geometry, class_id)`` pairs, of the objects inside ``area`` when given."""
        objs = self.objects if area is None else self.objects_within(area)
        return [(o.geometry, o.class_id) for o in objs]


def _disc(cx: float, cy: float, r: float):
    from shapely.geometry import Point

    return Point(cx, cy).buffer(r, resolution=12)


def _square(cx: float, cy: float, h: float):
    from shapely.geometry import box

    return box(cx - h, cy - h, cx + h, cy + h)


def _layout(size: int, cell: int, rng: np.random.Generator, touching: bool) -> list[tuple[int, Any]]:
    """Objects in pixel coordinates (x right, y down): one per grid cell, sometimes none."""
    shapes: list[tuple[int, Any]] = []
    n = size // cell
    for row in range(n):
        for col in range(n):
            if rng.random() < 0.15:
                continue
            cx = col * cell + cell / 2 + rng.uniform(-1, 1)
            cy = row * cell + cell / 2 + rng.uniform(-1, 1)
            cls = 1 if rng.random() < 0.6 else 2
            if cls == 1 and touching and rng.random() < 0.4:
                r = cell * 0.22
                shapes.append((1, _disc(cx - r, cy, r)))
                shapes.append((1, _disc(cx + r, cy, r)))
            elif cls == 1:
                shapes.append((1, _disc(cx, cy, rng.uniform(0.2, 0.32) * cell)))
            else:
                shapes.append((2, _square(cx, cy, rng.uniform(0.18, 0.28) * cell)))
    return shapes


def write_scene(
    path: str | Path,
    size: int = 64,
    *,
    crs: str = "EPSG:32612",
    resolution: float = 1.0,
    origin: tuple[float, float] = (528000.0, 4979000.0),
    bands: int = 3,
    dtype: str = "uint8",
    nodata: float | None = None,
    nodata_columns: int = 0,
    seed: int = 0,
    touching: bool = True,
    cell: int = 16,
    noise: float = 12.0,
) -> SyntheticScene:
    """Write a ``size``×``size`` GeoTIFF with known objects and return its truth.

    ``origin`` is the upper-left corner in ``crs`` units and ``resolution`` the pixel
    size. With ``nodata`` set, the rightmost ``nodata_columns`` columns hold the nodata
    value (objects there are still listed in ``objects`` but are not visible).
    """
    import rasterio
    from rasterio.features import rasterize
    from rasterio.transform import from_origin
    from shapely.affinity import affine_transform

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    transform = from_origin(origin[0], origin[1], resolution, resolution)
    pixel_shapes = _layout(size, cell, rng, touching)
    matrix = [transform.a, transform.b, transform.d, transform.e, transform.xoff, transform.yoff]
    objects = [
        SyntheticObject(i + 1, cls, affine_transform(geom, matrix))
        for i, (cls, geom) in enumerate(pixel_shapes)
    ]
    class_map = np.zeros((size, size), dtype=np.uint8)
    if objects:
        class_map = rasterize(
            [(o.geometry, o.class_id) for o in objects],
            out_shape=(size, size),
            transform=transform,
            dtype="uint8",
        )
    image = np.empty((bands, size, size), dtype=np.float32)
    for b in range(bands):
        layer = np.full((size, size), BACKGROUND[b % 3], dtype=np.float32)
        for cls, colour in CLASS_COLOURS.items():
            layer[class_map == cls] = colour[b % 3]
        image[b] = layer + rng.normal(0.0, noise, size=(size, size))
    info = np.iinfo(dtype) if np.issubdtype(np.dtype(dtype), np.integer) else None
    if info is not None:
        image = np.clip(np.round(image), info.min, info.max)
    if nodata is not None and nodata_columns > 0:
        image[:, :, size - nodata_columns :] = nodata
        if info is not None:
            # keep valid pixels from colliding with the nodata value
            valid = image[:, :, : size - nodata_columns]
            valid[valid == nodata] = nodata + (1 if nodata < info.max else -1)
    profile = {
        "driver": "GTiff",
        "width": size,
        "height": size,
        "count": bands,
        "dtype": dtype,
        "crs": crs,
        "transform": transform,
    }
    if nodata is not None:
        profile["nodata"] = nodata
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(image.astype(dtype))
    return SyntheticScene(
        path=path,
        crs=crs,
        transform=transform,
        width=size,
        height=size,
        resolution=resolution,
        bands=bands,
        nodata=nodata,
        objects=objects,
        class_map=class_map,
    )


def reproject_geometry(geom, src_crs: str, dst_crs: str):
    """``geom`` transformed from ``src_crs`` to ``dst_crs`` (x/y axis order)."""
    from pyproj import Transformer
    from shapely.ops import transform

    if src_crs == dst_crs:
        return geom
    tr = Transformer.from_crs(src_crs, dst_crs, always_xy=True)
    return transform(tr.transform, geom)


def _srs(crs: str):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _open_layer(ds, name: str, crs: str, fields: Sequence[tuple[str, int]]):
    from osgeo import ogr

    layer = ds.GetLayerByName(name)
    if layer is None:
        layer = ds.CreateLayer(name, _srs(crs), ogr.wkbMultiPolygon)
        for fname, ftype in fields:
            layer.CreateField(ogr.FieldDefn(fname, ftype))
    return layer


def _add_feature(layer, geom, values: dict[str, Any]) -> None:
    from osgeo import ogr

    feature = ogr.Feature(layer.GetLayerDefn())
    g = ogr.CreateGeometryFromWkb(bytes(geom.wkb))
    multi = layer.GetGeomType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D)
    if multi and g.GetGeometryType() == ogr.wkbPolygon:
        g = ogr.ForceToMultiPolygon(g)
    feature.SetGeometry(g)
    for key, value in values.items():
        feature.SetField(key, value)
    if layer.CreateFeature(feature) != 0:
        raise RuntimeError(f"could not write a feature to layer {layer.GetName()}")


def write_training_gpkg(
    path: str | Path,
    crs: str,
    areas: Iterable[Any] = (),
    labels: Iterable[Any] = (),
    *,
    purposes: Sequence[str] | None = None,
    geometry_crs: str | None = None,
) -> Path:
    """Write training areas and labels into the GeoPackage at ``path`` (created if missing).

    ``areas`` are shapely polygons, ``purposes`` their ``purpose`` values (``train`` by
    default). ``labels`` are ``(geometry, class_id)`` pairs or :class:`SyntheticObject`.
    Layers that exist already (e.g. the store's live GeoPackage) are appended to; new
    ones get the contract's fields and CRS ``crs``. Geometries are given in
    ``geometry_crs`` (default: ``crs``) and reprojected to ``crs``.
    """
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    path = Path(path)
    src = geometry_crs or crs
    driver = ogr.GetDriverByName("GPKG")
    ds = ogr.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    if ds is None:
        raise RuntimeError(f"cannot open {path} for writing")
    try:
        area_layer = _open_layer(ds, "training_areas", crs, [("purpose", ogr.OFTString)])
        label_layer = _open_layer(ds, "labels", crs, [("class_id", ogr.OFTInteger)])
        areas = list(areas)
        purposes = list(purposes) if purposes is not None else ["train"] * len(areas)
        if len(purposes) != len(areas):
            raise ValueError("purposes must have one value per area")
        area_layer.StartTransaction()
        for geom, purpose in zip(areas, purposes, strict=True):
            _add_feature(area_layer, reproject_geometry(geom, src, crs), {"purpose": purpose})
        area_layer.CommitTransaction()
        label_layer.StartTransaction()
        for item in labels:
            geom, cls = (item.geometry, item.class_id) if isinstance(item, SyntheticObject) else item
            _add_feature(label_layer, reproject_geometry(geom, src, crs), {"class_id": int(cls)})
        label_layer.CommitTransaction()
    finally:
        ds = None  # closes the data source
    return path


def clear_layer(path: str | Path, layer: str) -> None:
    """Delete every feature of ``layer`` in the GeoPackage at ``path`` (the layer stays)."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    ds = ogr.Open(str(path), 1)
    lyr = ds.GetLayerByName(layer)
    for fid in [f.GetFID() for f in lyr]:
        lyr.DeleteFeature(fid)
    ds = None  # closes the data source


# ---------------------------------------------------------------- level (b): the store


def make_workspace(tmp_path: str | Path, **options: Any) -> tuple[Any, Any, Path]:
    """A workspace with one model, one synthetic scene and its training data.

    The model has ``classes`` classes (``disc``, ``square``…; with ``classes=1`` the
    squares are left out of the labels) in ``mode``; its input spec is the scene's CRS
    (or ``model_crs``: the live GeoPackage is then in that CRS, labels are reprojected).
    One training area covers the left ``area_fraction`` of the scene; every object
    entirely inside it becomes a label. Options are those of
    :func:`make_scene_workspace`. Returns ``(ws, model_info, scene_path)``; use
    :func:`make_scene_workspace` when you also need the truth (the :class:`SyntheticScene`).
    """
    ws, info, scene = make_scene_workspace(tmp_path, **options)
    return ws, info, scene.path


def make_scene_workspace(
    tmp_path: str | Path,
    *,
    classes: int = 2,
    mode: str = "count",
    size: int = 64,
    crs: str = "EPSG:32612",
    model_crs: str | None = None,
    resolution: float = 1.0,
    bands: int = 3,
    area_fraction: float = 1.0,
    seed: int = 0,
    tile_size: int = 32,
    network: dict | None = None,
    scene_name: str = "scene.tif",
    **scene_options: Any,
) -> tuple[Any, Any, SyntheticScene]:
    """Like :func:`make_workspace` but returns the :class:`SyntheticScene` (with its truth)."""
    from orca_huntr.snapshots import ClassSpec, InputSpec, Workspace

    tmp_path = Path(tmp_path)
    scene = write_scene(
        tmp_path / scene_name, size, crs=crs, resolution=resolution, bands=bands, seed=seed, **scene_options
    )
    ws = Workspace.open(tmp_path / "site.huntr")
    model_crs = model_crs or crs
    info = ws.create_model(
        "synthetic",
        classes=[ClassSpec(CLASS_NAMES[k], CLASS_HEX[k]) for k in range(1, classes + 1)],
        mode=mode,
        input_spec=InputSpec(
            bands=list(range(1, bands + 1)), dtype="uint8", crs=model_crs, resolution=resolution
        ),
        network=network or {"width": 8, "depth": 2},
        tile_size=tile_size,
    )
    ws.add_scene(info.id, str(scene.path), name=scene.path.stem)
    area = scene.box(0, 0, area_fraction, 1)
    labels = [(g, c) for g, c in scene.labels(area) if c <= classes]
    write_training_gpkg(
        ws.training_data_path(info.id),
        model_crs,
        [area],
        labels,
        geometry_crs=crs if model_crs != crs else None,
    )
    return ws, info, scene


def make_box_label_workspace(
    tmp_path: str | Path, network: dict | None = None, mode: str = "count"
) -> tuple[Any, Any, Path]:
    """A one-class workspace (:func:`make_scene_workspace`, 64 px) whose labels are the discs'
    bounding boxes, as DeepForest and NEON draw crowns: ``(ws, info, scene path)``."""
    from shapely.geometry import box

    ws, info, scene = make_scene_workspace(tmp_path, classes=1, size=64, network=network, mode=mode)
    labels = [(box(*g.bounds), c) for g, c in scene.labels(scene.box(0, 0, 1, 1)) if c <= 1]
    clear_layer(ws.training_data_path(info.id), "labels")
    write_training_gpkg(ws.training_data_path(info.id), "EPSG:32612", (), labels)
    return ws, info, scene.path


def train_quick(ws: Any, model_id: str, steps: int = 20, **config: Any) -> Any:
    """Train ``model_id`` for ``steps`` steps on CPU (small batches) and return the TrainResult.

    Creates a snapshot (every stop does); extra keyword arguments go to ``TrainConfig``.
    """
    from orca_huntr.training import TrainConfig, train_model

    options: dict[str, Any] = {
        "max_steps": steps,
        "batch_size": 4,
        "device": "cpu",
        "seed": 0,
        "num_workers": 0,
    }
    options.update(config)
    return train_model(ws, model_id, TrainConfig(**options))
