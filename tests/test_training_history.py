"""The compact training curve a snapshot keeps (``training/history.py``)."""

from __future__ import annotations

import math

from orca_huntr.training.history import MAX_POINTS, RunHistory


def test_a_short_run_keeps_every_step():
    history = RunHistory()
    for step in range(11, 16):
        history.add_loss(step, 1.0 / step)
    history.add_loss(16, math.nan)  # a diverged step is left out, not stored as NaN
    history.add_validation(15, {"val_loss": 0.5, "f1": 0.25, "iou": {"1": 0.1}})
    history.add_validation(16, {})  # no validation area: nothing measured
    stored = history.to_dict()
    assert stored["loss"] == [[s, round(1.0 / s, 6)] for s in range(11, 16)]
    assert stored["validation"] == [[15, 0.5, 0.25, None]]


def test_a_long_run_is_averaged_down_to_a_hundred_points():
    history = RunHistory()
    for step in range(1, 1001):
        history.add_loss(step, float(step))
    for step in range(10, 1001, 5):  # 199 validations
        history.add_validation(step, {"val_loss": step / 1000, "mean_iou": 0.5})
    stored = history.to_dict()
    assert len(stored["loss"]) == MAX_POINTS
    # ten steps a point, each the mean of its steps and placed at its last step
    assert stored["loss"][0] == [10, 5.5] and stored["loss"][-1] == [1000, 995.5]
    validation = stored["validation"]
    assert len(validation) == MAX_POINTS
    assert validation[0][0] == 10 and validation[-1][0] == 1000  # the first and last are kept
    assert [v[0] for v in validation] == sorted({v[0] for v in validation})
