"""Render a raster with truth polygons (green) and detections (orange) to a PNG, to look at.

python scripts/render_detections.py RASTER DETECTIONS.gpkg [--truth TRUTH.gpkg] [--window x0 y0 x1 y1]
                                     [--output out.png]
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("raster")
    parser.add_argument("detections")
    parser.add_argument("--truth")
    parser.add_argument("--truth-layer", default=None)
    parser.add_argument("--window", type=float, nargs=4, help="map extent: xmin ymin xmax ymax")
    parser.add_argument("--output", default="detections.png")
    args = parser.parse_args(argv)
    import geopandas as gpd
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    import rasterio
    from rasterio.plot import show

    with rasterio.open(args.raster) as src:
        window = None
        if args.window:
            window = rasterio.windows.from_bounds(*args.window, transform=src.transform)
        data = src.read([1, 2, 3], window=window)
        transform = src.window_transform(window) if window is not None else src.transform
    fig, ax = plt.subplots(figsize=(data.shape[2] / 100, data.shape[1] / 100), dpi=100)
    show(np.clip(data, 0, 255).astype(np.uint8), transform=transform, ax=ax)
    found = gpd.read_file(args.detections)
    if args.truth:
        truth = gpd.read_file(args.truth, layer=args.truth_layer)
        truth.boundary.plot(ax=ax, color="#00ff66", linewidth=0.8)
    found.boundary.plot(ax=ax, color="#ff7f0e", linewidth=1.0)
    if args.window:
        ax.set_xlim(args.window[0], args.window[2])
        ax.set_ylim(args.window[1], args.window[3])
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    fig.savefig(args.output)
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
