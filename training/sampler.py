"""Where to cut training tiles: random windows inside training areas, rare classes favoured."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .inputs import SceneInput


@dataclass(frozen=True)
class TileSpec:
    """A window to read: scene index and upper-left pixel."""

    scene: int
    row: int
    col: int


class TileSampler:
    """Draws tile windows of ``size`` pixels.

    With probability ``label_focus`` a tile is centred (with jitter) on a label inside a
    training area, each class being drawn equally often whatever its label count —
    so rare classes are seen as often as common ones; otherwise the tile's centre is a
    uniform random point of the training areas (weighted by area).
    """

    def __init__(self, scenes: list[SceneInput], size: int, label_focus: float = 0.5) -> None:
        self.scenes = scenes
        self.size = size
        self.label_focus = label_focus
        self.pieces = [(i, geom) for i, s in enumerate(scenes) for geom in s.train_areas]
        self.piece_bounds = [geom.bounds for _, geom in self.pieces]  # shapely's bounds cost ~20 µs a call
        areas = np.array([g.area / scenes[i].pixel_area for i, g in self.pieces], dtype=np.float64)
        self.piece_weights = areas / areas.sum()
        # labels that meet a training area, grouped by class
        self.anchors: dict[int, list[tuple[int, int]]] = {}
        for i, s in enumerate(scenes):
            for j, geom in enumerate(s.labels):
                if any(geom.intersects(a) for a in s.train_areas):
                    self.anchors.setdefault(int(s.label_classes[j]), []).append((i, j))

    def sample(self, rng: np.random.Generator) -> TileSpec:
        """One random tile window."""
        if self.anchors and rng.random() < self.label_focus:
            classes = sorted(self.anchors)
            items = self.anchors[classes[rng.integers(len(classes))]]
            si, li = items[rng.integers(len(items))]
            scene = self.scenes[si]
            minx, miny, maxx, maxy = scene.label_bounds[li].tolist()  # the label's bounds
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            jitter = self.size / 4
            col, row = ~scene.transform * (x, y)
            return self._window(si, row + rng.uniform(-jitter, jitter), col + rng.uniform(-jitter, jitter))
        k = rng.choice(len(self.pieces), p=self.piece_weights)
        si, geom = self.pieces[k]
        x, y = self._point_in(geom, self.piece_bounds[k], rng)
        col, row = ~self.scenes[si].transform * (x, y)
        return self._window(si, row, col)

    def _point_in(self, geom, bounds: tuple[float, ...], rng: np.random.Generator) -> tuple[float, float]:
        from shapely.geometry import Point

        minx, miny, maxx, maxy = bounds
        for _ in range(50):
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            if geom.contains(Point(x, y)):
                return x, y
        p = geom.representative_point()
        return p.x, p.y

    def _window(self, si: int, row_c: float, col_c: float) -> TileSpec:
        scene = self.scenes[si]
        s = self.size
        row = round(row_c - s / 2)
        col = round(col_c - s / 2)
        # keep the window inside the scene when the scene is large enough
        row = min(max(row, 0), scene.height - s) if scene.height >= s else 0
        col = min(max(col, 0), scene.width - s) if scene.width >= s else 0
        return TileSpec(si, row, col)
