"""The area of interest: polygons with their CRS, or an extent, brought into the raster's CRS."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..deps import require
from ..errors import InputDataError


@dataclass
class AreaOfInterest:
    """Polygons (WKT strings or shapely geometries) in ``crs``; ``crs`` None means the raster's CRS.

    Build one from an extent with :meth:`from_extent`. Only polygonal parts count.
    """

    geometries: list[Any] = field(default_factory=list)
    crs: str | None = None

    @classmethod
    def from_extent(
        cls, xmin: float, ymin: float, xmax: float, ymax: float, crs: str | None = None
    ) -> AreaOfInterest:
        """A rectangle ``xmin, ymin, xmax, ymax`` in ``crs``."""
        if not (xmax > xmin and ymax > ymin):
            raise InputDataError(f"The area of interest's extent ({xmin}, {ymin}, {xmax}, {ymax}) is empty.")
        wkt = f"POLYGON(({xmin} {ymin},{xmax} {ymin},{xmax} {ymax},{xmin} {ymax},{xmin} {ymin}))"
        return cls([wkt], crs)

    def geometry(self, target_crs: str | None) -> Any:
        """The union of the polygons, in ``target_crs`` (a shapely geometry)."""
        from shapely import wkt as shapely_wkt
        from shapely.geometry import MultiPolygon, Polygon
        from shapely.geometry.base import BaseGeometry
        from shapely.ops import unary_union

        parts = []
        for g in self.geometries:
            geom = g if isinstance(g, BaseGeometry) else shapely_wkt.loads(str(g))
            if not geom.is_valid:
                geom = geom.buffer(0)
            parts.append(geom)
        geom = unary_union(parts) if parts else Polygon()
        if isinstance(geom, Polygon | MultiPolygon):
            polygonal = geom
        else:  # a collection: keep its polygons
            parts = [p for p in getattr(geom, "geoms", []) if isinstance(p, Polygon | MultiPolygon)]
            polygonal = unary_union(parts)
        if polygonal.is_empty:
            raise InputDataError("The area of interest holds no polygon.")
        if self.crs and target_crs and not _same_crs(self.crs, target_crs):
            polygonal = reproject(polygonal, self.crs, target_crs)
        return polygonal


def _same_crs(a: str, b: str) -> bool:
    pyproj = require("pyproj")
    try:
        return pyproj.CRS.from_user_input(a) == pyproj.CRS.from_user_input(b)
    except pyproj.exceptions.CRSError:
        return a == b


def reproject(geom: Any, src: str, dst: str) -> Any:
    """``geom`` from CRS ``src`` to CRS ``dst`` (x/y order)."""
    pyproj = require("pyproj")
    from shapely.ops import transform

    try:
        transformer = pyproj.Transformer.from_crs(src, dst, always_xy=True)
    except pyproj.exceptions.CRSError as exc:
        raise InputDataError(f"The area of interest's CRS {src!r} cannot be used: {exc}") from exc
    return transform(transformer.transform, geom)


def coerce_aoi(aoi: Any) -> AreaOfInterest | None:
    """Accept an :class:`AreaOfInterest`, None, an extent tuple, a shapely geometry, a WKT
    string (these three in the raster's CRS), or a dict ``{"extent"|"wkt"|"geometries", "crs"}``."""
    from shapely.geometry.base import BaseGeometry

    if aoi is None or isinstance(aoi, AreaOfInterest):
        return aoi
    if isinstance(aoi, BaseGeometry | str):
        return AreaOfInterest([aoi])
    if isinstance(aoi, dict):
        crs = aoi.get("crs")
        if "extent" in aoi:
            return AreaOfInterest.from_extent(*[float(v) for v in aoi["extent"]], crs=crs)
        geoms = aoi.get("geometries", aoi.get("wkt"))
        if isinstance(geoms, str | BaseGeometry):
            geoms = [geoms]
        return AreaOfInterest(list(geoms or []), crs)
    if isinstance(aoi, Sequence) and len(aoi) == 4 and all(isinstance(v, int | float) for v in aoi):
        return AreaOfInterest.from_extent(*[float(v) for v in aoi])
    raise InputDataError(f"Cannot use {type(aoi).__name__} as an area of interest.")
