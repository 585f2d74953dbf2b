"""The compatibility gate: checks a raster (and AOI) against a snapshot before any work starts.

Each problem is either an :class:`IncompatibleRasterError` (detection cannot give
meaningful results) or a warning (it runs, but the user should know), and every
message names the difference and what to do about it.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..deps import require
from ..errors import IncompatibleRasterError, InputDataError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InputRequirements:
    """What the snapshot expects of a raster (from its config, falling back to the model's input spec)."""

    bands: list[int]
    dtype: str
    crs: str | None
    resolution: float | None


@dataclass
class RasterInfo:
    """Plain facts about a raster file."""

    path: str
    width: int
    height: int
    count: int
    dtypes: list[str]
    crs_wkt: str | None
    crs_name: str  # "EPSG:32612" or the CRS's name
    transform: tuple[float, float, float, float, float, float]  # a, b, c, d, e, f
    nodata: float | None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pixel_size(self) -> tuple[float, float]:
        a, b, _c, d, e, _f = self.transform
        return math.hypot(a, d), math.hypot(b, e)

    def footprint(self) -> Any:
        """The raster's outline as a shapely polygon in its CRS."""
        from shapely.geometry import Polygon

        a, b, c, d, e, f = self.transform
        corners = [(0, 0), (self.width, 0), (self.width, self.height), (0, self.height)]
        return Polygon([(a * x + b * y + c, d * x + e * y + f) for x, y in corners])


def inspect_raster(path: str | Path) -> RasterInfo:
    """Read the facts the gate needs; an unreadable file is an :class:`InputDataError`."""
    rasterio = require("rasterio")
    try:
        with rasterio.open(str(path)) as src:
            crs = src.crs
            name = ""
            if crs is not None:
                epsg = crs.to_epsg()
                name = f"EPSG:{epsg}" if epsg else (crs.to_string() or "custom CRS")
            t = src.transform
            return RasterInfo(
                path=str(path),
                width=src.width,
                height=src.height,
                count=src.count,
                dtypes=list(src.dtypes),
                crs_wkt=crs.to_wkt() if crs is not None else None,
                crs_name=name,
                transform=(t.a, t.b, t.c, t.d, t.e, t.f),
                nodata=src.nodata,
            )
    except rasterio.errors.RasterioIOError as exc:
        raise InputDataError(f"Cannot read the raster {path}: {exc}") from exc


def _units(crs_input: str) -> tuple[str, float | None, bool]:
    """(unit name, metres per unit or None, is geographic) of a CRS."""
    pyproj = require("pyproj")
    crs = pyproj.CRS.from_user_input(crs_input)
    if crs.is_geographic:
        return "degree", None, True
    axes = crs.axis_info
    if not axes:
        return "", None, False
    unit = axes[0].unit_name or ""
    factor = axes[0].unit_conversion_factor
    if unit.lower() in ("", "unknown") or not factor:
        return unit, None, False
    return unit, float(factor), False


def _metres_per_pixel(raster: RasterInfo) -> float | None:
    """The raster's ground resolution in metres (degrees converted at its centre)."""
    assert raster.crs_wkt is not None
    _unit, factor, geographic = _units(raster.crs_wkt)
    px, py = raster.pixel_size
    size = math.sqrt(px * py)
    if geographic:
        _a, _b, _c, d, e, f = raster.transform
        lat = d * raster.width / 2 + e * raster.height / 2 + f
        return size * 111_320.0 * math.sqrt(max(math.cos(math.radians(lat)), 1e-6))
    return None if factor is None else size * factor


def _model_metres(resolution: float, crs: str | None) -> float | None:
    if not crs:
        return resolution  # assumed metres
    try:
        _unit, factor, geographic = _units(crs)
    except Exception:  # an unparsable CRS in an old snapshot: compare as metres
        return resolution
    if geographic:
        return resolution * 111_320.0
    return None if factor is None else resolution * factor


def check_raster(raster: RasterInfo, needs: InputRequirements, options: Any) -> list[str]:
    """Raise :class:`IncompatibleRasterError` for a raster detection cannot use; return warnings."""
    warnings: list[str] = []
    name = Path(raster.path).name
    wanted = ", ".join(str(b) for b in needs.bands)
    missing = [b for b in needs.bands if b < 1 or b > raster.count]
    if missing:
        raise IncompatibleRasterError(
            f"Band count: the raster {name} has {raster.count} band(s) but the model reads bands {wanted} "
            f"(band(s) {', '.join(map(str, missing))} missing). Choose a raster with the bands the model "
            "was trained on."
        )
    if raster.count != len(needs.bands):
        warnings.append(
            f"The raster {name} has {raster.count} bands; the model reads bands {wanted} only, "
            "the others are ignored."
        )
    dtypes = sorted({raster.dtypes[b - 1] for b in needs.bands})
    if dtypes != [needs.dtype]:
        raise IncompatibleRasterError(
            f"Data type: the raster {name} holds {'/'.join(dtypes)} values but the model was trained on "
            f"{needs.dtype} rasters; its brightness scale would be wrong. "
            f"Convert the raster to {needs.dtype} (e.g. with gdal_translate -ot) "
            "or train a model on rasters of this type."
        )
    if raster.crs_wkt is None:
        raise IncompatibleRasterError(
            f"CRS: the raster {name} has no coordinate reference system, so neither its ground "
            "resolution nor the detections' position can be known. "
            "Assign its CRS (e.g. with gdal_edit -a_srs) first."
        )
    unit, factor, geographic = _units(raster.crs_wkt)
    if factor is None and not geographic:
        raise IncompatibleRasterError(
            f"CRS: the raster {name}'s CRS ({raster.crs_name}) has no units"
            f"{f' (unit {unit!r})' if unit else ''}, so its ground resolution is unknown. "
            "Assign a projected CRS in metres or feet first."
        )
    a, b, _c, d, e, _f = raster.transform
    if b != 0 or d != 0 or e >= 0 or a <= 0:
        raise IncompatibleRasterError(
            f"Orientation: the raster {name} is rotated or not north-up (geotransform terms "
            f"a={a:g}, b={b:g}, d={d:g}, e={e:g}). Warp it to a north-up raster first "
            "(gdalwarp, or Raster ▸ Projections ▸ Warp)."
        )
    if needs.resolution:
        have = _metres_per_pixel(raster)
        trained = _model_metres(float(needs.resolution), needs.crs)
        if have and trained:
            ratio = max(have / trained, trained / have)
            msg = (
                f"Resolution: the raster {name} has {have:.3g} m pixels but the model was trained at "
                f"{trained:.3g} m ({ratio:.1f}× {'coarser' if have > trained else 'finer'})"
            )
            if ratio > options.resolution_tolerance and not options.allow_resolution_mismatch:
                raise IncompatibleRasterError(
                    msg + "; objects would look too different in size. Resample the raster to the training "
                    "resolution (gdalwarp -tr) or train on rasters of this resolution."
                )
            if ratio > options.resolution_warning:
                warnings.append(msg + "; detections may be less accurate.")
    return warnings


def check_aoi(raster: RasterInfo, aoi_geometry: Any) -> tuple[Any, list[str]]:
    """The AOI clipped to the raster; an AOI outside the raster is an :class:`IncompatibleRasterError`."""
    footprint = raster.footprint()
    name = Path(raster.path).name
    inside = aoi_geometry.intersection(footprint)
    if inside.is_empty or inside.area <= 0:
        ax0, ay0, ax1, ay1 = aoi_geometry.bounds
        rx0, ry0, rx1, ry1 = footprint.bounds
        raise IncompatibleRasterError(
            f"Area of interest: it lies outside the raster {name} (area {ax0:.6g}, {ay0:.6g} – {ax1:.6g}, "
            f"{ay1:.6g}; raster {rx0:.6g}, {ry0:.6g} – {rx1:.6g}, {ry1:.6g} in {raster.crs_name}). "
            "Choose an area over the raster."
        )
    warnings = []
    if inside.area < aoi_geometry.area * 0.999:
        share = 100.0 * (1.0 - inside.area / aoi_geometry.area)
        warnings.append(
            f"{share:.0f}% of the area of interest lies outside the raster {name}; only the rest is searched."
        )
    return inside, warnings
