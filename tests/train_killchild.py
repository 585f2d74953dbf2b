"""Child process of ``tests/test_training_checkpoints.py``: train until killed, writing checkpoints.

``python train_killchild.py WORKSPACE MODEL_ID SECONDS`` trains the model with a checkpoint
every SECONDS and no budget that could end the run first; it prints ``ready`` once torch is
imported and the run starts.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("checkout_path", ROOT / "scripts" / "checkout_path.py")
assert _spec is not None and _spec.loader is not None
_checkout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_checkout)
_checkout.use_checkout("tests")

if __name__ == "__main__":
    import torch  # noqa: F401  (imported before 'ready': the kill must hit training, not imports)

    from orca_huntr.snapshots import Workspace
    from orca_huntr.training import TrainConfig, train_model

    root, model_id, seconds = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    ws = Workspace.open(root)
    config = TrainConfig(
        max_steps=10**9, batch_size=2, device="cpu", threads=1, num_workers=0,
        checkpoint_minutes=seconds / 60, checkpoints_kept=2, validation_fraction=0.25,
    )  # fmt: skip
    print("ready", flush=True)
    train_model(ws, model_id, config)
    print("finished", flush=True)  # never reached: the parent kills the process
