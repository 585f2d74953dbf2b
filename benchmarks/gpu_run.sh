#!/usr/bin/env bash
# The one prepared run for a CUDA machine (issue #17 part 6): the CUDA tests, then bench_train
# and bench_detect on the GPU. Each benchmark's last line is its JSON object. Needs a torch built
# for CUDA in $PY's environment (the development venv's torch is the CPU build).
#   PY=python3 benchmarks/gpu_run.sh      (about 5 minutes on an H100/H200)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -c "import torch; assert torch.cuda.is_available(), 'torch sees no CUDA GPU'; print(torch.__version__, torch.cuda.get_device_name(0))"
QT_QPA_PLATFORM=offscreen "$PY" -m pytest -q -p no:cacheprovider tests/test_gpu_feed.py
"$PY" benchmarks/bench_train.py --device cuda --synthetic-scene --steps 40 --warmup 5 --batch 32 | tail -1
"$PY" benchmarks/bench_detect.py --device cuda --size 20000 --train-steps 60 --repeats 3 --batch 32 | tail -1
