"""Training inputs: training areas, labels and scenes, read, checked and put in each scene's CRS.

Everything a training run reads from disk is gathered here once, before the first
step, so that bad input fails early with a message naming the layer and feature.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..deps import require
from ..errors import IncompatibleRasterError, InputDataError
from ..snapshots.gpkg import AREAS, LABELS

log = logging.getLogger(__name__)

AREAS_LAYER, LABELS_LAYER = AREAS, LABELS  # names used in messages
BOX_FILL = 0.98  # a label covering this share of its bounding box is a box (SceneInput.box_labels)


@dataclass
class Feature:
    """A polygon of the training GeoPackage: its feature id, geometry and one attribute."""

    fid: int
    geometry: Any  # shapely (Multi)Polygon
    value: Any  # ``purpose`` of an area, ``class_id`` of a label


@dataclass
class SceneInput:
    """One scene with the training data that falls on it, in the scene's CRS."""

    scene_id: str
    name: str
    path: str
    crs: Any  # rasterio CRS
    transform: Any  # affine.Affine
    width: int
    height: int
    count: int
    nodata: float | None
    train_areas: list[Any] = field(default_factory=list)  # shapely geometries, scene CRS
    val_areas: list[Any] = field(default_factory=list)
    labels: list[Any] = field(default_factory=list)  # shapely geometries, scene CRS
    label_shapes: list[dict] = field(default_factory=list)  # the same as GeoJSON mappings (fast rasterising)
    label_classes: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    label_bounds: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))
    _centres: np.ndarray | None = field(default=None, repr=False, compare=False)
    _pixel_boxes: np.ndarray | None = field(default=None, repr=False, compare=False)
    # per list of areas (by id): (the list, whether each label lies in it); see tiles.centre_map
    _area_labels: dict[int, tuple[list[Any], np.ndarray]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def pixel_area(self) -> float:
        return abs(self.transform.a * self.transform.e - self.transform.b * self.transform.d)

    def label_centres(self) -> np.ndarray:
        """``(n, 3)``: each label's centre (x, y, scene CRS) and size (``sqrt(area)``, CRS units).

        The centre is the label's pole of inaccessibility (the interior point farthest from
        its outline; a box's or a disc's centre), so a concave label's centre lies inside it;
        a multipart label's is its largest part's. Computed once per scene."""
        if self._centres is None:
            from shapely.ops import polylabel

            rows = []
            for g in self.labels:
                part = max(getattr(g, "geoms", [g]), key=lambda p: p.area)
                tolerance = max(math.sqrt(part.area) / 50.0, 1e-9)
                c = polylabel(part, tolerance) if part.area > 0 else part.centroid
                rows.append((c.x, c.y, math.sqrt(g.area)))
            self._centres = np.array(rows, dtype=np.float64).reshape(-1, 3)
        return self._centres

    def label_pixel_boxes(self) -> np.ndarray:
        """``(4, n)`` float64: each label's bounding box in the scene's pixel frame (smallest
        column, smallest row, largest column, largest row; the corners of ``label_bounds``
        through the inverse transform). Computed once per scene (the box head's target,
        ``tiles.box_distances``, reads it for every tile)."""
        if self._pixel_boxes is None:
            inverse = ~self.transform
            b = self.label_bounds.reshape(-1, 4)  # (minx, miny, maxx, maxy) in the scene's CRS
            xs = np.stack([b[:, 0], b[:, 2], b[:, 0], b[:, 2]])
            ys = np.stack([b[:, 1], b[:, 1], b[:, 3], b[:, 3]])
            cols = inverse.a * xs + inverse.b * ys + inverse.c
            rows = inverse.d * xs + inverse.e * ys + inverse.f
            self._pixel_boxes = np.stack(
                [cols.min(axis=0), rows.min(axis=0), cols.max(axis=0), rows.max(axis=0)]
            )
        return self._pixel_boxes

    @property
    def box_labels(self) -> bool:
        """Whether every label is a box: a rectangle along the pixel grid (how DeepForest and
        NEON annotate crowns). Such a label gives an object's extent, not its outline, so
        validation matches objects by their bounding boxes (``validate._score``)."""
        t = self.transform
        if not len(self.labels) or t.b or t.d:
            return False
        return all(g.area >= BOX_FILL * g.envelope.area for g in self.labels)

    def labels_in(self, bounds: tuple[float, float, float, float]) -> list[int]:
        """Indexes of the labels whose bounding box meets ``bounds`` (minx, miny, maxx, maxy)."""
        if not len(self.labels):
            return []
        b = self.label_bounds
        hit = (
            (b[:, 0] <= bounds[2]) & (b[:, 2] >= bounds[0]) & (b[:, 1] <= bounds[3]) & (b[:, 3] >= bounds[1])
        )
        return np.flatnonzero(hit).tolist()


@dataclass
class TrainingInputs:
    """The checked inputs of one training run."""

    scenes: list[SceneInput]
    num_classes: int
    bands: list[int]
    counts: dict[str, Any]
    warnings: list[str] = field(default_factory=list)

    @property
    def has_validation(self) -> bool:
        return any(s.val_areas for s in self.scenes)

    def train_pixels(self) -> float:
        """Pixels covered by training areas, summed over scenes (defines an epoch)."""
        return sum(sum(a.area for a in s.train_areas) / s.pixel_area for s in self.scenes)


def _repair(geom: Any, layer: str, fid: int, warnings: list[str]) -> Any:
    """``geom`` made valid (polygonal parts only), or an InputDataError naming the feature."""
    from shapely.geometry import GeometryCollection, MultiPolygon, Polygon
    from shapely.validation import explain_validity, make_valid

    if geom is None or geom.is_empty:
        raise InputDataError(f"Feature {fid} of layer '{layer}' has no geometry: delete it or redraw it.")
    if geom.is_valid:
        return geom
    reason = explain_validity(geom)
    fixed = make_valid(geom)
    if isinstance(fixed, GeometryCollection) and not isinstance(fixed, MultiPolygon):
        polys = [g for g in fixed.geoms if isinstance(g, Polygon | MultiPolygon)]
        fixed = MultiPolygon([p for g in polys for p in getattr(g, "geoms", [g])]) if polys else Polygon()
    if fixed.is_empty or not isinstance(fixed, Polygon | MultiPolygon):
        raise InputDataError(
            f"Feature {fid} of layer '{layer}' has an invalid geometry ({reason}) that cannot be "
            "repaired: redraw it."
        )
    msg = f"Feature {fid} of layer '{layer}' had an invalid geometry ({reason}); it was repaired."
    log.warning(msg)
    warnings.append(msg)
    return fixed


def read_layer(gpkg: str | Path, layer: str, attribute: str) -> tuple[list[Feature], str | None]:
    """Read a polygon layer of the training GeoPackage: its features and CRS (WKT).

    A missing layer reads as empty (the training-areas check then names it).
    """
    fiona = require("fiona")
    from shapely.geometry import shape

    gpkg = Path(gpkg)
    if not gpkg.exists():
        raise InputDataError(f"The training data file {gpkg} does not exist.")
    try:
        if layer not in fiona.listlayers(str(gpkg)):
            return [], None
        features = []
        with fiona.open(str(gpkg), layer=layer) as src:
            crs = src.crs_wkt or None
            for f in src:
                geom = None if f["geometry"] is None else shape(f["geometry"])
                props = dict(f["properties"] or {})
                features.append(Feature(int(f["id"]), geom, props.get(attribute)))
    except fiona.errors.FionaError as exc:
        raise InputDataError(f"Cannot read layer '{layer}' of {gpkg}: {exc}") from exc
    return features, crs


def _to_crs(geoms: list[Any], src: Any, dst: Any) -> list[Any]:
    gpd = require("geopandas")
    if not geoms:
        return []
    return list(gpd.GeoSeries(geoms, crs=src).to_crs(dst))


def _split_validation(areas: list[Feature], fraction: float) -> tuple[list[Any], list[Any]]:
    """Training and validation geometries: marked areas, else a strip held out of each area."""
    from shapely.geometry import box

    train = [a.geometry for a in areas if (a.value or "train") != "validation"]
    val = [a.geometry for a in areas if (a.value or "train") == "validation"]
    if val or fraction <= 0 or not train:
        return train, val
    kept, held = [], []
    for geom in train:
        minx, miny, maxx, maxy = geom.bounds
        cut = maxx - (maxx - minx) * fraction  # the eastern strip is held out
        strip = box(cut, miny, maxx, maxy)
        held_part = geom.intersection(strip)
        kept_part = geom.difference(strip)
        if not held_part.is_empty and not kept_part.is_empty:
            held.append(held_part)
            kept.append(kept_part)
        else:
            kept.append(geom)
    return kept, held


MIN_SCENE_PIXELS = 2  # a scene of one pixel row or column has no spatial context to learn


def _open_scene(scene_id: str, name: str, path: str, bands: list[int]) -> SceneInput:
    rasterio = require("rasterio")
    try:
        with rasterio.open(path) as src:
            info = SceneInput(
                scene_id=scene_id,
                name=name,
                path=path,
                crs=src.crs,
                transform=src.transform,
                width=src.width,
                height=src.height,
                count=src.count,
                nodata=src.nodata,
            )
    except rasterio.errors.RasterioIOError as exc:
        raise InputDataError(f"Scene '{name}' cannot be read ({path}): {exc}") from exc
    if info.crs is None:
        raise InputDataError(f"Scene '{name}' ({path}) has no coordinate reference system: assign one first.")
    if info.width < MIN_SCENE_PIXELS or info.height < MIN_SCENE_PIXELS:
        raise InputDataError(
            f"Scene '{name}' ({path}) is only {info.width}×{info.height} pixels: too small to learn "
            f"from (at least {MIN_SCENE_PIXELS}×{MIN_SCENE_PIXELS}). Add the full raster as the scene."
        )
    missing = [b for b in bands if b < 1 or b > info.count]
    if missing:
        raise IncompatibleRasterError(
            f"Scene '{name}' has {info.count} band(s) but the model reads bands "
            f"{', '.join(map(str, bands))}: use a scene with the model's bands."
        )
    return info


def load_inputs(
    training_gpkg: str | Path,
    scenes: list[tuple[str, str, str]],
    num_classes: int,
    bands: list[int],
    crs: str | None = None,
    validation_fraction: float = 0.15,
) -> TrainingInputs:
    """Read and check the training data of one model.

    ``scenes`` are ``(scene_id, path, name)``; ``crs`` is the GeoPackage's CRS when its
    layers do not carry one. Raises :class:`InputDataError` on unusable input; soft
    problems (labels outside every area, repaired geometries) end up in ``warnings``.
    """
    from shapely.geometry import box, mapping
    from shapely.ops import unary_union

    warnings: list[str] = []
    areas, areas_crs = read_layer(training_gpkg, AREAS_LAYER, "purpose")
    labels, labels_crs = read_layer(training_gpkg, LABELS_LAYER, "class_id")
    if not areas:
        raise InputDataError(
            f"There are no training areas (layer '{AREAS_LAYER}' is empty): draw at least one "
            "polygon around the part of a scene you labelled."
        )
    if not scenes:
        raise InputDataError("The model has no scenes: add the raster you labelled to the model first.")
    for a in areas:
        a.geometry = _repair(a.geometry, AREAS_LAYER, a.fid, warnings)
    bad_class = []
    for lab in labels:
        lab.geometry = _repair(lab.geometry, LABELS_LAYER, lab.fid, warnings)
        if lab.value is None or int(lab.value) < 1 or int(lab.value) > num_classes:
            bad_class.append(f"{lab.fid} (class_id {lab.value})")
    if bad_class:
        raise InputDataError(
            f"Label(s) {', '.join(bad_class)} of layer '{LABELS_LAYER}' have a class the model does "
            f"not have (it has classes 1 to {num_classes}): fix their class_id."
        )
    areas_crs = areas_crs or crs
    labels_crs = labels_crs or crs

    union = unary_union([a.geometry for a in areas])
    outside = [lab.fid for lab in labels if not lab.geometry.intersects(union)]
    if outside:
        msg = (
            f"Label(s) {', '.join(map(str, outside))} lie outside every training area and are not "
            "used: draw a training area around them."
        )
        log.warning(msg)
        warnings.append(msg)
    used_labels = [lab for lab in labels if lab.fid not in set(outside)]
    _warn_unlabelled(areas, used_labels, warnings)

    train, val = _split_validation(areas, validation_fraction)
    out: list[SceneInput] = []
    touched = np.zeros(len(areas), dtype=bool)
    for scene_id, path, name in scenes:
        scene = _open_scene(scene_id, name, str(path), bands)
        left, top = scene.transform * (0, 0)
        right, bottom = scene.transform * (scene.width, scene.height)
        footprint = box(min(left, right), min(top, bottom), max(left, right), max(top, bottom))
        if areas_crs is None:
            raise InputDataError(f"Layer '{AREAS_LAYER}' has no CRS and the model has none either.")
        local_areas = _to_crs([a.geometry for a in areas], areas_crs, scene.crs)
        touched |= np.array([g.intersects(footprint) for g in local_areas])
        scene.train_areas = [g for g in _clip(_to_crs(train, areas_crs, scene.crs), footprint)]
        scene.val_areas = [g for g in _clip(_to_crs(val, areas_crs, scene.crs), footprint)]
        if not scene.train_areas and not scene.val_areas:
            continue
        local_labels = _to_crs([lab.geometry for lab in used_labels], labels_crs or areas_crs, scene.crs)
        keep = [i for i, g in enumerate(local_labels) if g.intersects(footprint)]
        scene.labels = [local_labels[i] for i in keep]
        scene.label_shapes = [mapping(g) for g in scene.labels]
        scene.label_classes = np.array([int(used_labels[i].value) for i in keep], dtype=np.int64)
        scene.label_bounds = np.array([g.bounds for g in scene.labels]).reshape(-1, 4)
        out.append(scene)
    lost = [a.fid for a, ok in zip(areas, touched, strict=True) if not ok]
    if lost:
        raise InputDataError(
            f"Training area(s) {', '.join(map(str, lost))} of layer '{AREAS_LAYER}' overlap no scene of "
            "the model: move them onto a scene or add the scene they cover."
        )
    if not any(s.train_areas for s in out):
        raise InputDataError("No training area is left for training (all are marked for validation).")
    per_class = {k: 0 for k in range(1, num_classes + 1)}
    for lab in labels:
        per_class[int(lab.value)] += 1
    counts = {"training_areas": len(areas), "labels_per_class": per_class, "scenes": len(out)}
    return TrainingInputs(
        scenes=out, num_classes=num_classes, bands=list(bands), counts=counts, warnings=warnings
    )


def _warn_unlabelled(areas: list[Feature], labels: list[Feature], warnings: list[str]) -> None:
    """Training areas that hold no label teach only background: say so before the first step."""
    if not labels:
        msg = (
            f"The layer '{LABELS_LAYER}' has no label inside a training area: the model will learn that "
            "everything is background and detect nothing. Draw labels (with their class) inside the "
            "training areas before training."
        )
    else:
        empty = [a.fid for a in areas if not any(lab.geometry.intersects(a.geometry) for lab in labels)]
        if not empty:
            return
        msg = (
            f"Training area(s) {', '.join(map(str, empty))} hold no label: every pixel in them is learnt "
            "as background. If they contain objects, label them; otherwise this is intended."
        )
    log.warning(msg)
    warnings.append(msg)


def _clip(geoms: list[Any], footprint: Any) -> list[Any]:
    parts = [g.intersection(footprint) for g in geoms]
    return [p for p in parts if not p.is_empty and p.area > 0]
