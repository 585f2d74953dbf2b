"""From a detection in raster pixels to an output feature: filtered, simplified, in the raster's CRS.

This runs once per detected object, so it avoids the per-vertex Python work of shapely
1.8's ``affine_transform``: the outline's WKB is placed in map coordinates by numpy,
in place, and simplified by OGR (GEOS) as an ``ogr.Geometry`` that the
:class:`~.output.DetectionWriter` takes as it is.
"""

from __future__ import annotations

import math
import struct
from typing import Any

import numpy as np

from ..deps import require

_WKB_POLYGON, _WKB_MULTIPOLYGON = 3, 6


def wkb_to_map(wkb: bytes | bytearray, a: float, c: float, e: float, f: float) -> bytearray:
    """A (Multi)Polygon's little-endian 2D ``wkb`` with every vertex (x, y) mapped to
    (a·x + c, e·y + f): a north-up geotransform from pixel to map coordinates."""
    return _map_wkb(wkb, np.array((a, e)), np.array((c, f)))


def _map_wkb(wkb: bytes | bytearray, scale: np.ndarray, shift: np.ndarray) -> bytearray:
    buf = bytearray(wkb)

    def polygon(offset: int) -> int:  # offset: just past the polygon's own header
        (rings,) = struct.unpack_from("<I", buf, offset)
        offset += 4
        for _ in range(rings):
            (n,) = struct.unpack_from("<I", buf, offset)
            xy = np.frombuffer(buf, "<f8", 2 * n, offset + 4).reshape(n, 2)
            xy *= scale
            xy += shift
            offset += 4 + 16 * n
        return offset

    if buf[0] != 1:
        raise ValueError("big-endian WKB is not expected here")
    kind, rings = struct.unpack_from("<II", buf, 1)
    if kind == _WKB_POLYGON and rings == 1 and len(buf) == 13 + 16 * struct.unpack_from("<I", buf, 9)[0]:
        xy = np.frombuffer(buf, "<f8", offset=13).reshape(-1, 2)  # one ring, the usual case
        xy *= scale
        xy += shift
    elif kind == _WKB_POLYGON:
        polygon(5)
    elif kind == _WKB_MULTIPOLYGON:
        offset = 9
        for _ in range(rings):  # here: the number of polygons
            offset = polygon(offset + 5)
    else:
        raise ValueError(f"a polygon or multipolygon was expected, not WKB type {kind}")
    return buf


def _usable(geom: Any) -> bool:
    return geom is not None and not geom.IsEmpty() and geom.IsValid()


class FeatureMaker:
    """Turns detections (raster pixel coordinates) into output features in the raster's CRS.

    :meth:`keep` applies the size filters; :meth:`__call__` places the outline with the
    raster's (north-up) geotransform and simplifies it by ``options.simplify`` pixels:
    Douglas-Peucker, or GEOS's topology-preserving simplification where that would make
    the outline invalid; the pixel outline itself where both would. With ``options.geometry``
    ``"box"`` the feature is a rectangle instead: the detection's box (:attr:`Detection.box`,
    the box head's) or, where it has none, the outline's bounding box.
    """

    def __init__(self, snapshot_id: str, names: dict[int, str], transform: Any, options: Any) -> None:
        a, b, c, d, e, f = transform
        if b or d:
            raise ValueError("a north-up geotransform is expected (the compatibility gate checks it)")
        self._ogr = require("osgeo.ogr")
        self._scale, self._shift = np.array((float(a), float(e))), np.array((float(c), float(f)))
        self.pixel_area = abs(a * e)
        self.tolerance = float(options.simplify) * math.sqrt(self.pixel_area)
        self.options = options
        self.boxes = getattr(options, "geometry", None) == "box"
        self.snapshot_id = snapshot_id
        self.names = names

    def keep(self, det: Any) -> bool:
        return det.pixels >= self.options.min_pixels and det.pixels * self.pixel_area >= self.options.min_area

    def geometry(self, pixel_wkb: bytes | bytearray) -> Any:
        """The ``ogr.Geometry`` (MultiPolygon, map coordinates) of a pixel outline's WKB."""
        ogr = self._ogr
        geom = ogr.CreateGeometryFromWkb(_map_wkb(pixel_wkb, self._scale, self._shift))
        if self.tolerance > 0:  # the first usable simplification, else the pixel outline
            for simplify in (geom.Simplify, geom.SimplifyPreserveTopology):
                simple = simplify(self.tolerance)
                if _usable(simple):
                    geom = simple
                    break
        return ogr.ForceToMultiPolygon(geom)

    def rectangle(self, det: Any) -> Any:
        """The ``ogr.Geometry`` (MultiPolygon, map coordinates) of the detection's box: the box
        head's, else its outline's bounding box."""
        ogr = self._ogr
        if det.box is not None:
            x0, y0, x1, y1 = det.box
            (mx0, my0), (mx1, my1) = (np.array(p) * self._scale + self._shift for p in ((x0, y0), (x1, y1)))
        else:
            outline = ogr.CreateGeometryFromWkb(_map_wkb(det.wkb, self._scale, self._shift))
            mx0, mx1, my0, my1 = outline.GetEnvelope()
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ((mx0, my0), (mx1, my0), (mx1, my1), (mx0, my1), (mx0, my0)):
            ring.AddPoint_2D(float(x), float(y))
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        return ogr.ForceToMultiPolygon(polygon)

    def __call__(self, det: Any) -> dict[str, Any]:
        return {
            "geometry": self.rectangle(det) if self.boxes else self.geometry(det.wkb),
            "class_name": self.names.get(det.class_id, str(det.class_id)),
            "class_id": int(det.class_id),
            "score": round(float(det.score), 6),
            "area": float(det.pixels * self.pixel_area),
            "snapshot_id": self.snapshot_id,
        }
