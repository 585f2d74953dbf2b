"""Install torch and safetensors into a folder the plugin owns, with pip, from inside QGIS.

Widget-free and ``qgis``-free: the panel (``ui/install_banner.py``) and its task
(``tasks/install_task.py``) call these functions with plain values, and so do the tests.

* **Where.** ``<QGIS profile>/python/orca_huntr_deps/py3.11`` (one folder per Python
  version, so a QGIS upgrade to another Python never loads wheels built for the old one).
  :func:`activate` puts it at the front of ``sys.path`` when the plugin loads: it costs
  one ``os.path`` check, imports nothing, and lets the packages installed there win over
  older copies of the same libraries elsewhere (torch needs a recent ``typing_extensions``).
  QGIS's own Python and site-packages are never written to, so no administrator rights are
  needed.
* **Which build.** The CPU build by default (PyTorch's CPU index: PyPI's Linux torch pulls
  ~3 GB of CUDA libraries). The CUDA build when an NVIDIA driver is present (``nvidia-smi``
  on the PATH or in its Windows folder, or ``/proc/driver/nvidia/version``): the newest wheel
  tag of :data:`CUDA_WHEELS` that the driver's CUDA version (``nvidia-smi``'s header)
  supports. macOS gets PyPI's wheels (they use the Apple GPU through MPS).
* **With which Python.** pip runs as a subprocess of *the* Python that runs QGIS, which
  is not always ``sys.executable``: embedded in QGIS that can be the QGIS binary itself
  (Windows ``qgis-bin.exe``, macOS ``QGIS.app/Contents/MacOS/QGIS``) or whatever
  ``python3`` comes first on the PATH (a pyenv shim, on Linux). :func:`find_python` tries
  the interpreters next to ``sys.executable`` and under ``sys.exec_prefix``
  (``<OSGeo4W>/apps/Python3x/python.exe``, ``QGIS.app/Contents/MacOS/bin/python3``,
  ``/usr/bin/python3.11``) and keeps the first whose version and ``exec_prefix`` are this
  process's own.
* **Offline, or on failure**, :class:`DependencyInstallError` says why (``kind``) and
  carries the exact command to run by hand (:func:`manual_command`).

``ORCA_HUNTR_WHEELS=/a/folder`` makes every install use only the wheels in that folder
(``pip --no-index --find-links``): for machines without internet, and for the tests.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import queue
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CancelledError, DependencyInstallError

log = logging.getLogger(__name__)

PY_VERSION = (sys.version_info.major, sys.version_info.minor)
#: what the plugin installs itself, in install order (import name == distribution name)
PACKAGES = ("safetensors", "torch")
DEPS_FOLDER = "orca_huntr_deps"
WHEELS_ENV = "ORCA_HUNTR_WHEELS"
TORCH_INDEX = "https://download.pytorch.org/whl"
PYPI_INDEX = "https://pypi.org/simple"
#: PyTorch's CUDA wheel indexes, newest first: (lowest CUDA version the driver must support, tag).
#: CUDA's minor-version compatibility lets a driver of CUDA 12.x run any 12.x wheel.
CUDA_WHEELS: tuple[tuple[tuple[int, int], str], ...] = (
    ((13, 0), "cu130"),
    ((12, 0), "cu126"),
    ((11, 0), "cu118"),
)
#: the tag used when a driver is present but its CUDA version cannot be read
CUDA_DEFAULT_TAG = "cu126"
#: download sizes told to the user before they agree (torch's wheel plus its dependencies)
APPROX_SIZE_MB = {"cpu": 250, "cuda": 3000, "safetensors": 1}
#: pip output that only a network failure prints
OFFLINE_MARKERS = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Name or service not known",
    "nodename nor servname provided",
    "getaddrinfo failed",
    "Network is unreachable",
    "ConnectTimeoutError",
    "ReadTimeoutError",
    "ProxyError",
    "connection error:",
)


# -- where ---------------------------------------------------------------------------------
def deps_dir(profile_dir: str | os.PathLike[str], version: tuple[int, int] = PY_VERSION) -> Path:
    """The plugin's package folder inside QGIS profile ``profile_dir`` for Python ``version``."""
    return Path(profile_dir) / "python" / DEPS_FOLDER / f"py{version[0]}.{version[1]}"


def activate(folder: str | os.PathLike[str], path: list[str] | None = None) -> None:
    """Put ``folder`` at the front of ``sys.path`` (or of ``path``), once.

    Called at plugin load: it imports nothing. A folder that does not exist yet is added
    too, so that packages installed into it later are found without a restart.
    """
    entries = sys.path if path is None else path
    text = str(folder)
    if text not in entries:
        entries.insert(0, text)


def missing_packages(names: Iterable[str] = PACKAGES) -> list[str]:
    """Those of ``names`` that this Python cannot import (found by ``find_spec``: nothing is imported)."""
    importlib.invalidate_caches()
    missing = []
    for name in names:
        try:
            found = sys.modules.get(name) is not None or importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


def restart_needed(packages: Iterable[str], folder: str | os.PathLike[str]) -> bool:
    """Whether QGIS must restart before ``packages``, just installed into ``folder``, can be used.

    Not needed when the folder is on ``sys.path`` and none of the packages (or a
    submodule: what a failed import leaves behind) was imported yet. Imports nothing.
    """
    if str(folder) not in sys.path:
        return True
    names = list(packages)
    loaded = [m for m in sys.modules if any(m == n or m.startswith(n + ".") for n in names)]
    if loaded:
        return True
    return bool(missing_packages(names))


# -- which build -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Accelerator:
    """The torch build to install: ``kind`` "cpu" or "cuda", the wheel ``tag`` and why."""

    kind: str
    tag: str
    reason: str
    cuda_version: tuple[int, int] | None = None

    @property
    def label(self) -> str:
        """'CPU' or 'CUDA 12.6' (from the tag)."""
        if self.kind != "cuda":
            return "CPU"
        digits = self.tag[2:]
        return f"CUDA {digits[:-1]}.{digits[-1]}"


CPU = Accelerator("cpu", "cpu", "no NVIDIA driver found")

Runner = Callable[..., "subprocess.CompletedProcess[str]"]


def _no_window() -> dict:
    """subprocess options that keep Windows from flashing a console window for each child."""
    if sys.platform == "win32":
        return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
    return {}


def _nvidia_smi_paths(platform: str, environ: Mapping[str, str]) -> list[str]:
    if platform != "win32":
        return []
    import ntpath

    program_files = environ.get("ProgramFiles", r"C:\Program Files")
    windir = environ.get("SystemRoot", r"C:\Windows")
    return [
        ntpath.join(program_files, "NVIDIA Corporation", "NVSMI", "nvidia-smi.exe"),
        ntpath.join(windir, "System32", "nvidia-smi.exe"),
    ]


def cuda_tag_for(version: tuple[int, int] | None) -> str | None:
    """The newest CUDA wheel tag a driver supporting CUDA ``version`` can run (None: none)."""
    if version is None:
        return CUDA_DEFAULT_TAG
    for lowest, tag in CUDA_WHEELS:
        if version >= lowest:
            return tag
    return None


def detect_accelerator(
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
    exists: Callable[[str], bool] = os.path.exists,
    run: Runner = subprocess.run,
    environ: Mapping[str, str] = os.environ,
) -> Accelerator:
    """CUDA when an NVIDIA driver is present (and new enough for a CUDA wheel), else CPU."""
    if platform == "darwin":
        return Accelerator("cpu", "cpu", "macOS: PyPI's build (Apple GPUs through MPS)")
    smi = which("nvidia-smi") or next((p for p in _nvidia_smi_paths(platform, environ) if exists(p)), None)
    driver_file = platform.startswith("linux") and exists("/proc/driver/nvidia/version")
    if smi is None and not driver_file:
        return CPU
    version: tuple[int, int] | None = None
    if smi is not None:
        try:
            out = run([smi], capture_output=True, text=True, timeout=15, **_no_window()).stdout or ""
        except (OSError, subprocess.SubprocessError):
            out = ""
        match = re.search(r"CUDA Version:\s*(\d+)\.(\d+)", out)
        if match:
            version = (int(match.group(1)), int(match.group(2)))
        elif not driver_file and platform != "win32":
            return Accelerator("cpu", "cpu", "nvidia-smi found but it reports no driver")
    tag = cuda_tag_for(version)
    if tag is None:
        assert version is not None
        return Accelerator(
            "cpu", "cpu", f"the NVIDIA driver supports CUDA {version[0]}.{version[1]}: too old for PyTorch"
        )
    source = "nvidia-smi" if smi is not None else "/proc/driver/nvidia/version"
    where = f"CUDA {version[0]}.{version[1]}" if version else "CUDA version unknown"
    return Accelerator("cuda", tag, f"NVIDIA driver found ({source}, {where})", version)


# -- with which Python ---------------------------------------------------------------------------
def python_candidates(
    executable: str = sys.executable,
    exec_prefix: str = sys.exec_prefix,
    version: tuple[int, int] = PY_VERSION,
    platform: str = sys.platform,
) -> list[str]:
    """Where the interpreter that runs QGIS may be, most likely first (see the module's notes)."""
    import ntpath
    import posixpath

    paths = ntpath if platform == "win32" else posixpath
    major, minor = version[0], version[1]
    here = paths.dirname(executable) if executable else ""
    if platform == "win32":
        names = ["python.exe", f"python{major}.exe"]
        # OSGeo4W: <root>/bin/qgis-bin.exe and <root>/apps/Python3x/python.exe
        folders = [exec_prefix, here, paths.join(here, "..", "apps", f"Python{major}{minor}")]
    else:
        # macOS: QGIS.app/Contents/MacOS/QGIS and QGIS.app/Contents/MacOS/bin/python3
        names = [f"python{major}.{minor}", f"python{major}", "python"]
        folders = [paths.join(exec_prefix, "bin"), paths.join(here, "bin"), here]
    found = [paths.join(folder, name) for folder in folders if folder for name in names]
    if paths.basename(executable or "").lower().startswith("python"):
        found.insert(0, executable)
    return [paths.normpath(p) for p in dict.fromkeys(found)]


_PROBE = "import sys; print(sys.version_info[0], sys.version_info[1], sys.exec_prefix)"


def _same_python(path: str, run: Runner, version: tuple[int, int], exec_prefix: str) -> bool:
    try:
        out = run([path, "-c", _PROBE], capture_output=True, text=True, timeout=30, **_no_window())
    except (OSError, subprocess.SubprocessError):
        return False
    parts = (out.stdout or "").strip().split(" ", 2)
    if out.returncode != 0 or len(parts) != 3:
        return False
    same_version = (int(parts[0]), int(parts[1])) == (version[0], version[1])
    return same_version and os.path.realpath(parts[2]) == os.path.realpath(exec_prefix)


def find_python(
    executable: str = sys.executable,
    exec_prefix: str = sys.exec_prefix,
    version: tuple[int, int] = PY_VERSION,
    platform: str = sys.platform,
    exists: Callable[[str], bool] = os.path.isfile,
    run: Runner = subprocess.run,
) -> str | None:
    """The path of a Python interpreter that is the one running QGIS, or None.

    Each candidate is started once to compare its version and ``exec_prefix`` with ours:
    a ``python3`` that merely comes first on the PATH (pyenv, conda) would install wheels
    QGIS cannot load.
    """
    for path in python_candidates(executable, exec_prefix, version, platform):
        if exists(path) and _same_python(path, run, version, exec_prefix):
            return path
    return None


# -- what to run ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class InstallStep:
    """One pip run: ``package`` with the index options ``source``."""

    package: str
    source: tuple[str, ...]

    def command(self, python: str, target: str | os.PathLike[str]) -> list[str]:
        """The argument list of this pip run."""
        return [
            python, "-m", "pip", "install",
            "--upgrade", "--no-input", "--disable-pip-version-check", "--progress-bar", "off",
            "--target", str(target),
            *self.source, self.package,
        ]  # fmt: skip


@dataclass(frozen=True)
class InstallPlan:
    """What will be installed, where, and how."""

    packages: tuple[str, ...]
    target: Path
    python: str | None
    accelerator: Accelerator
    steps: tuple[InstallStep, ...]
    wheels: str | None = None

    @property
    def approx_mb(self) -> int:
        """The download the user agrees to, roughly."""
        total = APPROX_SIZE_MB["safetensors"] if "safetensors" in self.packages else 0
        if "torch" in self.packages:
            total += APPROX_SIZE_MB[self.accelerator.kind]
        return total


def torch_source(accelerator: Accelerator, platform: str = sys.platform) -> tuple[str, ...]:
    """pip's index options for torch: PyTorch's index for the build (PyPI on macOS)."""
    if platform == "darwin":
        return ("--index-url", PYPI_INDEX)
    return ("--index-url", f"{TORCH_INDEX}/{accelerator.tag}")


def plan_install(
    packages: Iterable[str],
    target: str | os.PathLike[str],
    python: str | None,
    accelerator: Accelerator = CPU,
    wheels: str | None = None,
    platform: str = sys.platform,
) -> InstallPlan:
    """The pip runs that install ``packages`` (safetensors first, torch last) into ``target``.

    ``wheels`` (a folder) replaces every index: ``--no-index --find-links``.
    """
    wanted = tuple(p for p in PACKAGES if p in set(packages))
    steps = []
    for package in wanted:
        if wheels:
            source: tuple[str, ...] = ("--no-index", "--find-links", str(wheels))
        elif package == "torch":
            source = torch_source(accelerator, platform)
        else:
            source = ()
        steps.append(InstallStep(package, source))
    return InstallPlan(wanted, Path(target), python, accelerator, tuple(steps), wheels)


def quote_command(args: Sequence[str], platform: str = sys.platform) -> str:
    """``args`` as one line to paste into a shell (cmd.exe / OSGeo4W shell on Windows)."""
    if platform == "win32":
        return subprocess.list2cmdline(list(args))
    return shlex.join(args)


def manual_command(plan: InstallPlan, platform: str = sys.platform) -> str:
    """The exact commands (one a line) that do what ``plan`` does, to run by hand."""
    python = plan.python or ("python" if platform == "win32" else "python3")
    return "\n".join(quote_command(step.command(python, plan.target), platform) for step in plan.steps)


# -- running it ----------------------------------------------------------------------------------------
@dataclass
class InstallProgress:
    """What the task reports: ``fraction`` 0…1, the ``stage`` ("pip", "check", "done") and a
    short ``message`` (pip's latest line while ``stage`` is "pip")."""

    fraction: float
    message: str
    step: int = 0
    steps: int = 1
    stage: str = "pip"


@dataclass
class InstallResult:
    """A finished install: what went where, and the versions the check import found."""

    packages: tuple[str, ...]
    target: Path
    versions: dict[str, str] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    restart: bool = False  # set in QGIS: whether it must restart before the packages can be used


# how far into one pip run a line of its output shows it is
_STAGES = (
    ("Looking in", 0.02),
    ("Collecting", 0.05),
    ("Downloading", 0.1),
    ("Processing", 0.3),
    ("Installing collected packages", 0.8),
    ("Successfully installed", 1.0),
)


def _stage(line: str) -> float | None:
    text = line.strip()
    return next((value for prefix, value in _STAGES if text.startswith(prefix)), None)


def is_offline_output(lines: Iterable[str]) -> bool:
    """Whether pip's output shows that the package index could not be reached."""
    return any(marker in line for line in lines for marker in OFFLINE_MARKERS)


def index_reachable(url: str, timeout: float = 8.0) -> bool:
    """Whether ``url`` answers at all (through the user's proxy settings, as pip would)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout):
            return True
    except urllib.error.HTTPError:
        return True  # it answered
    except (OSError, ValueError):
        return False


def _index_of(step: InstallStep) -> str:
    if "--index-url" in step.source:
        return step.source[step.source.index("--index-url") + 1]
    return PYPI_INDEX


def _tail(lines: Sequence[str], count: int = 6) -> str:
    """The last ``count`` non-empty lines."""
    return "\n".join([line for line in lines if line.strip()][-count:])


def _failure(
    plan: InstallPlan, step: InstallStep, returncode: int, lines: Sequence[str], probe: Callable[[str], bool]
) -> DependencyInstallError:
    command = manual_command(plan)
    tail = _tail(lines)
    if any("No module named pip" in line for line in lines):
        return DependencyInstallError(
            "no_pip", f"The Python that runs QGIS ({plan.python}) has no pip.", command, tail
        )
    if plan.wheels:
        return DependencyInstallError(
            "failed",
            f"pip could not install {step.package} from the wheel folder {plan.wheels} (exit {returncode}).",
            command,
            tail,
        )
    offline = is_offline_output(lines) or (
        any("No matching distribution" in line for line in lines) and not probe(_index_of(step))
    )
    if offline:
        return DependencyInstallError(
            "offline", f"pip could not reach {_index_of(step)} to download {step.package}.", command, tail
        )
    return DependencyInstallError(
        "failed", f"pip could not install {step.package} (exit {returncode}).", command, tail
    )


def _stream(proc: subprocess.Popen[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\r\n"))
        lines.put(None)

    threading.Thread(target=pump, name="orca-huntr-pip-output", daemon=True).start()
    return lines


def _run_step(
    plan: InstallPlan,
    index: int,
    progress: Callable[[InstallProgress], None],
    should_stop: Callable[[], bool],
    env: Mapping[str, str] | None,
    output: list[str],
) -> int:
    step = plan.steps[index]
    assert plan.python is not None
    args = step.command(plan.python, plan.target)
    log.info("Running: %s", quote_command(args))
    count = len(plan.steps)
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
        env=dict(env) if env is not None else None,
        **_no_window(),
    )
    lines = _stream(proc)
    done = 0.0
    while True:
        if should_stop():
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            raise CancelledError(f"The installation of {step.package} was cancelled.")
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        if line is None:
            break
        output.append(line)
        if line.strip():
            log.info("pip: %s", line)
        stage = _stage(line)
        if stage is not None:
            done = max(done, stage)
            # the last 10 % is the check import
            fraction = 0.9 * (index + done) / count
            progress(InstallProgress(fraction, line.strip()[:120], index + 1, count))
    return proc.wait()


_CHECK = (
    "import importlib, sys; sys.path.insert(0, sys.argv[1]); "
    "print(' '.join(n + '=' + str(getattr(importlib.import_module(n), '__version__', '?')) "
    "for n in sys.argv[2:]))"
)


def check_import(
    python: str, target: str | os.PathLike[str], packages: Sequence[str], env: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Import ``packages`` from ``target`` in a fresh ``python``; their versions, or DependencyInstallError.

    A fresh process, so that a wheel that cannot load (a missing system DLL, another
    Python's build) fails there and not inside QGIS.
    """
    args = [python, "-c", _CHECK, str(target), *packages]
    proc = subprocess.run(
        args, capture_output=True, text=True, errors="replace", timeout=600,
        env=dict(env) if env is not None else None, **_no_window(),
    )  # fmt: skip
    if proc.returncode != 0:
        detail = _tail((proc.stderr or "").splitlines())
        last = detail.splitlines()[-1] if detail else f"exit {proc.returncode}"
        raise DependencyInstallError("broken", f"The installed packages do not import: {last}", None, detail)
    pairs = (item.split("=", 1) for item in proc.stdout.split())
    return {name: version for name, version in pairs}


def run_install(
    plan: InstallPlan,
    progress: Callable[[InstallProgress], None] = lambda _p: None,
    should_stop: Callable[[], bool] = lambda: False,
    env: Mapping[str, str] | None = None,
    probe: Callable[[str], bool] = index_reachable,
) -> InstallResult:
    """Run ``plan``'s pip commands one after the other, then import the packages in a fresh Python.

    Every line pip writes goes to the ``orca_huntr.installer`` log. Raises
    :class:`DependencyInstallError` (with the manual command) or :class:`CancelledError`.
    """
    if plan.python is None:
        raise DependencyInstallError(
            "no_python",
            "The Python interpreter that runs QGIS was not found next to it.",
            manual_command(plan),
            "",
        )
    plan.target.mkdir(parents=True, exist_ok=True)
    output: list[str] = []
    started = time.monotonic()
    for index, step in enumerate(plan.steps):
        returncode = _run_step(plan, index, progress, should_stop, env, output)
        if returncode != 0:
            raise _failure(plan, step, returncode, output, probe)
    count = len(plan.steps)
    progress(InstallProgress(0.92, "Checking that the packages import", count, count, "check"))
    versions = check_import(plan.python, plan.target, plan.packages, env)
    log.info("Installed %s into %s in %.0f s", versions, plan.target, time.monotonic() - started)
    progress(InstallProgress(1.0, "Done", count, count, "done"))
    return InstallResult(plan.packages, plan.target, versions, output)
