"""What calibrating a snapshot's detection settings costs at every stop of training, one run.

Takes the count model that ``eval_trees.py`` trained (its ``--workdir``, by default
``build/eval_trees``: run ``make eval-trees`` first) and times the final validation of
training (:func:`orca_huntr.training.validate.validate`, which predicts the validation areas
and calibrates the settings on a grid) three ways, alternating ``--repeats`` times, the best
time of each counting:

* *strip*: the validation areas alone (``calibration_pixels=0``, as before the training
  window);
* *window*: the default, the validation areas and ``validate.CALIBRATION_PIXELS`` of the
  training areas;
* *window, reference growth*: the same with ``detection.vectorize._grow`` replaced by
  ``tests/grow_reference.py`` (the ring growth that looks at every pixel left in every
  ring, as it was first written).

It checks that the reference growth calibrates the same settings and scores, and reports
the window's cost over the strip and what the frontier growth saves. The last line printed
is one JSON object.

    python benchmarks/bench_calibration.py [--workdir build/eval_trees] [--repeats 2] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from checkout_path import use_checkout  # noqa: E402

SETTINGS = ("score_threshold", "boundary_threshold", "marker_window", "min_pixels")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the cost of calibrating detection settings at a stop")
    parser.add_argument("--workdir", default=str(ROOT / "build" / "eval_trees"), help="eval_trees' folder")
    parser.add_argument("--repeats", type=int, default=2, help="rounds of the three ways, best time counts")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (all cores)")
    args = parser.parse_args(argv)
    store = Path(args.workdir) / "eval.huntr"
    if not store.exists():
        print(f"no eval_trees workspace at {store}: run `make eval-trees` (or eval_trees.py --workdir) first")
        return 2
    use_checkout("scripts", "tests")
    import grow_reference
    import torch

    from orca_huntr.detection import vectorize
    from orca_huntr.snapshots import Workspace
    from orca_huntr.training import loop, validate
    from orca_huntr.training.network import build_network
    from orca_huntr.training.state import load_weights
    from orca_huntr.training.tiles import SceneReader

    torch.set_num_threads(args.threads)
    ws = Workspace.open(store)
    model = next(m for m in ws.list_models() if m.mode == "count")
    current = ws.current_snapshot(model.id)
    snapshot = ws.load_snapshot(model.id, current.id)
    config, train = snapshot.config, snapshot.config["train"]
    setup = loop.ModelSetup.from_model(model)
    inputs = loop.model_inputs(ws, model.id, setup, train["validation_fraction"])
    setup.size_from(loop._resume_state(ws, model.id, setup), inputs)
    net = build_network(len(setup.bands), setup.num_classes, setup.mode, setup.network)
    load_weights(net, snapshot.weights)
    scales = loop.scene_scales(inputs, setup.bands, config["normalization"])
    call = (
        net, inputs, SceneReader(), scales, setup.tile_size, setup.mode, torch.device("cpu"),
        config["boundary_width"], train["max_validation_pixels"], config["boundary_target"], None,
        loop.recorded_spread(config) or validate.CENTRE_SIGMA,
    )  # fmt: skip
    frontier = vectorize._grow

    def strip():
        return validate.validate(*call, calibration_pixels=0)

    def window():
        return validate.validate(*call)

    def window_reference():
        vectorize._grow = grow_reference.grow_every_pixel
        try:
            return validate.validate(*call)
        finally:
            vectorize._grow = frontier

    ways = {"strip": strip, "window": window, "window_reference_growth": window_reference}
    best: dict[str, float] = {}
    found: dict[str, dict] = {}
    for _ in range(max(args.repeats, 1)):
        for name, run in ways.items():
            t0 = time.perf_counter()
            found[name] = run()
            seconds = time.perf_counter() - t0
            best[name] = min(best.get(name, seconds), seconds)
            print(f"{name}: {seconds:.1f} s", file=sys.stderr)
    same = found["window"] == found["window_reference_growth"]  # scores and settings alike
    out = {
        "benchmark": "calibration",
        "snapshot": current.id,
        "threads": args.threads,
        "seconds": {k: round(v, 2) for k, v in best.items()},
        "window_over_strip": round(best["window"] / best["strip"], 2),
        "window_extra_seconds": round(best["window"] - best["strip"], 1),
        "reference_growth_over_frontier": round(best["window_reference_growth"] / best["window"], 2),
        "same_result_with_reference_growth": same,
        "calibrated_on": found["window"]["detection"]["calibrated_on"],
        "settings": {k: found["window"]["detection"][k] for k in SETTINGS},
        "strip_settings": {k: found["strip"]["detection"][k] for k in SETTINGS},
    }
    print(json.dumps(out))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
