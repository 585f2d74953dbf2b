"""onnxruntime as the CPU backend of detection, and the ONNX graph both it and the export use.

When the optional package ``onnxruntime`` is installed, detection on the CPU runs the
prepared network (batch norms folded) through it instead of torch (``backend="auto"``;
``"torch"`` or ``"onnxruntime"`` choose one). The scheme is the engine's: one tile per
worker thread, and here one onnxruntime session per worker thread with one intra-op
thread each, so no worker waits for another inside the network. Only the network runs
in onnxruntime; the softmax/sigmoid and the blend window stay in torch
(:class:`~.infer.Predictor`), so both backends feed the same code.

The graph comes from torch's TorchScript-based ONNX exporter (``dynamo=False``: it needs
neither ``onnx`` nor ``onnxscript``) with a fixed tile size and a dynamic batch.
Anything going wrong while exporting or opening the session makes ``auto`` fall back to
torch (with a log line); an explicit ``"onnxruntime"`` turns it into an error.

Exporting takes a second or more, so detection keeps the graph of each snapshot
(:class:`GraphCache`, in the workspace's ``.cache/``, see ``snapshots/derived.py``), keyed by
:func:`graph_key`: the weights' checksum and every setting the graph depends on. A second
detection from the same snapshot reads the graph instead of exporting it again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import logging
import threading
import warnings
from typing import Any

import numpy as np

from ..deps import require
from ..errors import InputDataError

log = logging.getLogger(__name__)

BACKENDS = ("auto", "torch", "onnxruntime")
OPSET = 17
INPUT, OUTPUT = "input", "logits"


def onnxruntime_available() -> bool:
    """Whether the optional ``onnxruntime`` package can be imported (checked without importing it)."""
    return importlib.util.find_spec("onnxruntime") is not None


def export_graph(
    model: Any,
    in_channels: int,
    tile: int,
    output_names: tuple[str, ...] = (OUTPUT,),
) -> bytes:
    """``model`` (a torch module in eval mode on the CPU) as an ONNX graph: input ``input``
    ``(batch, in_channels, tile, tile)`` float32, batch dynamic; the outputs as the module returns
    them, named ``output_names``."""
    torch = require("torch")
    example = torch.zeros((1, int(in_channels), int(tile), int(tile)), dtype=torch.float32)
    axes = {name: {0: "batch"} for name in (INPUT, *output_names)}
    buffer = io.BytesIO()
    with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation notices
        torch.onnx.export(
            model,
            (example,),
            buffer,
            dynamo=False,
            input_names=[INPUT],
            output_names=list(output_names),
            dynamic_axes=axes,
            opset_version=OPSET,
            do_constant_folding=True,
        )
    return buffer.getvalue()


def session_options(threads: int = 1) -> Any:
    """onnxruntime options for one worker: ``threads`` intra-op threads, sequential, all graph
    optimisations."""
    ort = require("onnxruntime")
    options = ort.SessionOptions()
    options.intra_op_num_threads = int(threads)
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only
    return options


def open_session(graph: bytes, threads: int = 1) -> Any:
    """An onnxruntime CPU session of ``graph``."""
    ort = require("onnxruntime")
    return ort.InferenceSession(graph, session_options(threads), providers=["CPUExecutionProvider"])


def graph_key(weights: dict[str, Any], in_channels: int, tile: int, variant: str = "") -> str:
    """Fingerprint of the graph :func:`export_graph` makes from a network with ``weights``:
    sha256 of the weights (names, dtypes, shapes, values) and of the input size, the
    ``variant`` (e.g. flip averaging), the opset and the torch version that exports it."""
    torch = require("torch")
    digest = hashlib.sha256()
    settings = {"in": int(in_channels), "tile": int(tile), "variant": variant, "opset": OPSET}
    digest.update(json.dumps({**settings, "torch": torch.__version__}, sort_keys=True).encode())
    for name in sorted(weights):
        array = np.ascontiguousarray(np.asarray(weights[name]))
        digest.update(f"{name}|{array.dtype.str}|{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


class GraphCache:
    """Where the ONNX graph of one snapshot is kept: ``derived`` (a workspace's
    :class:`~orca_huntr.snapshots.derived.DerivedFiles`) under ``key`` (:func:`graph_key`)."""

    SUFFIX = ".onnx"

    def __init__(self, derived: Any, model_id: str, snapshot_id: str, key: str) -> None:
        self.derived, self.model_id, self.snapshot_id, self.key = derived, model_id, snapshot_id, key

    def load(self) -> bytes | None:
        return self.derived.read(self.model_id, self.snapshot_id, self.key, self.SUFFIX)

    def save(self, graph: bytes) -> None:
        self.derived.write(self.model_id, self.snapshot_id, self.key, self.SUFFIX, graph)

    def discard(self) -> None:
        self.derived.discard(self.model_id, self.snapshot_id, self.key, self.SUFFIX)


def _network(model: Any, in_channels: int, tile: int, cache: GraphCache | None) -> OnnxNetwork:
    """An :class:`OnnxNetwork` of ``model``: from the cached graph when there is one that
    onnxruntime opens, else exported now (and kept in ``cache``)."""
    graph = cache.load() if cache is not None else None
    if graph is not None:
        try:
            network = OnnxNetwork(graph, tile)
            network.cached = True
            return network
        except Exception as exc:  # a damaged file: export again, replacing it
            log.warning("the cached ONNX graph could not be opened (%s); exporting it again", exc)
            cache.discard()  # type: ignore[union-attr]
    network = OnnxNetwork(export_graph(model, in_channels, tile), tile)
    if cache is not None:
        cache.save(network.graph)
    return network


class OnnxNetwork:
    """The network run by onnxruntime, called like the torch module it was exported from:
    a ``(b, C, t, t)`` float32 torch tensor in, the logits as a torch tensor out.

    Each calling thread gets a session of its own (made on its first call), with
    ``threads`` intra-op threads (1: the engine's one-tile-per-thread scheme). Inputs are
    expected in plain NCHW order (``channels_last`` False tells :class:`~.infer.Predictor`
    not to make channels-last copies).
    """

    channels_last = False
    backend = "onnxruntime"
    cached = False  # True when the graph came from a GraphCache (not exported by this run)

    def __init__(self, graph: bytes, tile: int, threads: int = 1) -> None:
        self.graph = graph
        self.tile = int(tile)
        self.threads = int(threads)
        self._local = threading.local()
        self._sessions: list[Any] = []  # all of them, for counting and closing
        self._lock = threading.Lock()
        self.session()  # open one now: a graph onnxruntime cannot load fails here, not in a worker

    def session(self) -> Any:
        """This thread's session."""
        sess = getattr(self._local, "session", None)
        if sess is None:
            sess = self._local.session = open_session(self.graph, self.threads)
            with self._lock:
                self._sessions.append(sess)
        return sess

    @property
    def sessions(self) -> int:
        return len(self._sessions)

    def run(self, batch: np.ndarray) -> np.ndarray:
        """The logits of a C-contiguous float32 numpy batch."""
        return self.session().run(None, {INPUT: batch})[0]

    def __call__(self, x: Any) -> Any:
        torch = require("torch")
        if x.shape[-2:] != (self.tile, self.tile):
            raise InputDataError(
                f"The onnxruntime network was prepared for tiles of {self.tile} px, not "
                f"{tuple(x.shape[-2:])}; run detection with the torch backend."
            )
        array = np.ascontiguousarray(x.detach().cpu().numpy(), dtype=np.float32)
        return torch.from_numpy(self.run(array))

    def eval(self) -> OnnxNetwork:
        return self


def cpu_network(
    model: Any, in_channels: int, tile: int, backend: str = "auto", cache: GraphCache | None = None
) -> Any:
    """What runs the network on the CPU: ``model`` itself (torch), or an :class:`OnnxNetwork`
    made from it (``"onnxruntime"``, or ``"auto"`` when onnxruntime is installed), its graph
    read from ``cache`` when it holds one, else exported and kept there.

    ``auto`` falls back to torch when onnxruntime is missing or cannot run the graph;
    ``"onnxruntime"`` asked for explicitly raises instead."""
    backend = (backend or "auto").lower()
    if backend not in BACKENDS:
        raise InputDataError(f"Unknown detection backend '{backend}': choose one of {', '.join(BACKENDS)}.")
    if backend == "torch" or (backend == "auto" and not onnxruntime_available()):
        return model
    if backend == "onnxruntime":
        require("onnxruntime")  # MissingDependencyError with the install hint
    try:
        return _network(model, in_channels, tile, cache)
    except Exception as exc:
        if backend == "onnxruntime":
            raise InputDataError(
                f"onnxruntime could not run this snapshot's network ({type(exc).__name__}: {exc}). "
                "Run detection with the torch backend."
            ) from exc
        log.warning("onnxruntime could not run the network (%s); detecting with torch instead", exc)
        return model


def backend_of(network: Any) -> str:
    """``"onnxruntime"`` or ``"torch"``: what runs ``network``."""
    return str(getattr(network, "backend", "torch"))
