"""Output features: pixel outlines placed in map coordinates and simplified (detection/features.py)."""

from __future__ import annotations

import pytest
from shapely import wkb
from shapely.affinity import affine_transform
from shapely.geometry import MultiPolygon, Polygon, box

from orca_huntr.detection import DetectOptions
from orca_huntr.detection.features import FeatureMaker, wkb_to_map
from orca_huntr.detection.vectorize import Detection

TRANSFORM = (0.5, 0.0, 500000.0, 0.0, -0.25, 5000000.0)  # a, b, c, d, e, f (non-square pixels)
MATRIX = [0.5, 0.0, 0.0, -0.25, 500000.0, 5000000.0]  # shapely's order


def ring_with_hole() -> Polygon:
    return Polygon([(0, 0), (10, 0), (10, 8), (0, 8)], [[(2, 2), (4, 2), (4, 5), (2, 5)]])


@pytest.mark.parametrize(
    "geometry",
    [ring_with_hole(), MultiPolygon([ring_with_hole(), box(20, 20, 23, 21)]), box(3, 4, 4, 5)],
    ids=["polygon-with-hole", "multipolygon", "one-pixel"],
)
def test_wkb_to_map_matches_shapely_affine(geometry):
    placed = wkb.loads(bytes(wkb_to_map(geometry.wkb, 0.5, 500000.0, -0.25, 5000000.0)))
    expected = affine_transform(geometry, MATRIX)
    assert placed.geom_type == expected.geom_type
    assert placed.equals_exact(expected, 0.0)  # same vertices, in the same order


def test_wkb_to_map_rejects_other_types():
    from shapely.geometry import Point

    with pytest.raises(ValueError, match="polygon"):
        wkb_to_map(Point(1, 2).wkb, 1.0, 0.0, -1.0, 0.0)


def staircase(steps: int = 12) -> Polygon:
    """A pixel outline with a one-pixel staircase edge (what simplification is for)."""
    points = [(0.0, 0.0)]
    for k in range(steps):
        points += [(k + 1.0, float(k)), (k + 1.0, k + 1.0)]
    points += [(0.0, float(steps))]
    return Polygon(points)


def test_feature_maker_simplifies_in_pixels_and_keeps_area_and_fields():
    names = {1: "tree"}
    # a one-pixel staircase corner lies 1/√2 pixel off the diagonal: a 1-pixel tolerance removes it
    maker = FeatureMaker("snap-1", names, TRANSFORM, DetectOptions(simplify=1.0, min_pixels=4))
    outline = staircase()
    det = Detection(1, int(outline.area), 0.87654321, outline)
    assert maker.keep(det)
    item = maker(det)
    geometry = wkb.loads(bytes(item["geometry"].ExportToWkb()))
    assert geometry.geom_type == "MultiPolygon" and geometry.is_valid
    assert len(geometry.geoms[0].exterior.coords) < len(outline.exterior.coords) // 2  # staircase gone
    placed = affine_transform(outline, MATRIX)
    assert geometry.symmetric_difference(placed).area < 0.1 * placed.area
    assert item["area"] == pytest.approx(det.pixels * 0.125)  # pixels × |a·e|
    assert (item["class_name"], item["class_id"], item["score"], item["snapshot_id"]) == (
        "tree", 1, 0.876543, "snap-1",
    )  # fmt: skip


def test_feature_maker_without_simplification_keeps_the_pixel_outline():
    maker = FeatureMaker("s", {}, TRANSFORM, DetectOptions(simplify=0))
    outline = staircase(5)
    geometry = wkb.loads(bytes(maker.geometry(outline.wkb).ExportToWkb()))
    assert geometry.equals_exact(MultiPolygon([affine_transform(outline, MATRIX)]), 0.0)


def test_feature_maker_keeps_valid_outlines_where_plain_simplification_would_break_them():
    # two squares joined by a one-pixel neck: aggressive simplification must not make it invalid
    left = [(0, 0), (5, 0), (5, 2), (6, 2), (6, 0), (11, 0)]
    right = [(11, 5), (6, 5), (6, 3), (5, 3), (5, 5), (0, 5)]
    neck = Polygon(left + right)
    maker = FeatureMaker("s", {}, (1.0, 0.0, 0.0, 0.0, -1.0, 0.0), DetectOptions(simplify=3.0))
    geometry = wkb.loads(bytes(maker.geometry(neck.wkb).ExportToWkb()))
    assert geometry.is_valid and not geometry.is_empty
    assert geometry.area == pytest.approx(neck.area, rel=0.5)


def test_feature_maker_filters_by_pixels_and_area():
    maker = FeatureMaker("s", {}, TRANSFORM, DetectOptions(min_pixels=4, min_area=1.0))
    small = box(0, 0, 1, 1)
    assert not maker.keep(Detection(1, 3, 0.9, small))  # under 4 pixels
    assert not maker.keep(Detection(1, 7, 0.9, small))  # 7 × 0.125 = 0.875 < 1 map unit²
    assert maker.keep(Detection(1, 8, 0.9, small))


def test_polygonize_gives_each_label_its_pixel_outline_as_little_endian_wkb():
    import numpy as np

    from orca_huntr.detection.vectorize import polygonize

    labels = np.zeros((12, 16), np.int32)
    labels[1:9, 2:12] = 7  # a 10 × 8 ring …
    labels[3:6, 4:6] = 0  # … with a 2 × 3 hole
    labels[10:12, 14:16] = 3  # a 2 × 2 square in the corner
    pieces = dict(polygonize(labels, col0=100, row0=50))
    assert set(pieces) == {3, 7}
    assert all(isinstance(b, bytes | bytearray) and b[0] == 1 for b in pieces.values())  # NDR
    ring = wkb.loads(bytes(pieces[7]))
    assert ring.equals(
        Polygon([(102, 51), (112, 51), (112, 59), (102, 59)], [[(104, 53), (106, 53), (106, 56), (104, 56)]])
    )
    assert wkb.loads(bytes(pieces[3])).equals(box(114, 60, 116, 62))  # x = column, y = row, integers


def test_a_detection_converts_between_wkb_and_shapely_lazily():
    outline = ring_with_hole()
    from_wkb = Detection(1, 74, 0.9, wkb=outline.wkb)
    assert from_wkb.geometry.equals(outline)
    assert Detection(1, 74, 0.9, outline).wkb == outline.wkb
    with pytest.raises(ValueError):
        Detection(1, 74, 0.9)
