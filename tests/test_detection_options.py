"""Plain values of the detection engine: options, areas of interest, the gate's rules."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from orca_huntr.detection.aoi import AreaOfInterest, coerce_aoi
from orca_huntr.detection.gate import InputRequirements, RasterInfo, check_aoi, check_raster
from orca_huntr.detection.options import DetectOptions
from orca_huntr.errors import IncompatibleRasterError, InputDataError


def test_options_from_the_detection_dialog():
    dialog = {"overlap": 0.25, "score_threshold": 0.6, "min_area": 2.5, "batch_size": 4, "device": "cpu"}
    options = DetectOptions.from_dict({**dialog, "unknown_key": 1})
    assert (options.score_threshold, options.min_area, options.batch_size) == (0.6, 2.5, 4)
    assert options.tile_size is None  # "as trained"
    assert options.overlap_pixels(256) == 64
    assert DetectOptions(overlap=40).overlap_pixels(256) == 40  # ≥ 1 reads as pixels
    assert DetectOptions(overlap=0.9).overlap_pixels(64) == 31  # always below half a tile
    assert DetectOptions(tile_size=0).tile_size is None
    with pytest.raises(ValueError):
        DetectOptions(score_threshold=1.5)


def test_aoi_forms():
    extent = coerce_aoi((10.0, 20.0, 30.0, 40.0))
    assert extent.geometry("EPSG:32612").equals(box(10, 20, 30, 40))
    assert coerce_aoi(None) is None
    shapely_aoi = coerce_aoi(Point(0, 0).buffer(5))
    assert shapely_aoi.geometry("EPSG:32612").area == pytest.approx(Point(0, 0).buffer(5).area)
    from_dict = coerce_aoi({"extent": [0, 0, 1, 1], "crs": "EPSG:4326"})
    utm = from_dict.geometry("EPSG:32631")  # 0..1° E at the equator: in UTM zone 31
    assert 100_000 < utm.bounds[0] < 170_000 and utm.area == pytest.approx(111_000**2 * 1.0, rel=0.05)
    with pytest.raises(InputDataError):
        AreaOfInterest.from_extent(5, 5, 5, 10)
    with pytest.raises(InputDataError, match="no polygon"):
        AreaOfInterest(["LINESTRING(0 0, 1 1)"]).geometry(None)


def _info(**kw):
    base = {
        "path": "/data/scene.tif",
        "width": 100,
        "height": 100,
        "count": 3,
        "dtypes": ["uint8"] * 3,
        "crs_wkt": "EPSG:32612",
        "crs_name": "EPSG:32612",
        "transform": (0.5, 0.0, 500000.0, 0.0, -0.5, 4000000.0),
        "nodata": None,
    }
    base.update(kw)
    return RasterInfo(**base)


NEEDS = InputRequirements([1, 2, 3], "uint8", "EPSG:32612", 0.5)


def test_gate_accepts_a_matching_raster_and_converts_units():
    assert check_raster(_info(), NEEDS, DetectOptions()) == []
    # the same 0.5 m pixels, in a CRS in US feet: still compatible
    feet = _info(crs_wkt="EPSG:2868", transform=(0.5 / 0.3048006, 0, 0, 0, -0.5 / 0.3048006, 0))
    assert check_raster(feet, NEEDS, DetectOptions()) == []


def test_gate_resolution_error_can_be_waived():
    coarse = _info(transform=(2.0, 0.0, 0.0, 0.0, -2.0, 0.0))
    with pytest.raises(IncompatibleRasterError, match=r"4\.0× coarser"):
        check_raster(coarse, NEEDS, DetectOptions())
    notes = check_raster(coarse, NEEDS, DetectOptions(allow_resolution_mismatch=True))
    assert len(notes) == 1 and "coarser" in notes[0]


def test_gate_south_up_is_not_north_up():
    with pytest.raises(IncompatibleRasterError, match="not north-up"):
        check_raster(_info(transform=(0.5, 0.0, 0.0, 0.0, 0.5, 0.0)), NEEDS, DetectOptions())


def test_aoi_partly_outside_is_clipped_with_a_warning():
    raster = _info()
    x0, y0, _x1, y1 = raster.footprint().bounds
    inside, notes = check_aoi(raster, box(x0 - 25, y0, x0 + 25, y1))
    assert inside.area == pytest.approx(25 * (y1 - y0)) and "50%" in notes[0]
