"""The torch installer's logic (``installer.py``): folder, build, Python, pip commands, failures.

The pip runs here are real pip runs (this test's Python), offline: from a folder of FAKE
wheels named torch and safetensors (``fake_wheels.py``), or against an index behind a
proxy that refuses connections. pip configuration of the machine is ignored
(``PIP_CONFIG_FILE=/dev/null``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fake_wheels import FAKE_VERSION, fake_wheels, isolated_pip_env

from orca_huntr import installer
from orca_huntr.errors import CancelledError, DependencyInstallError, MissingDependencyError


def completed(stdout: str = "", returncode: int = 0):
    return subprocess.CompletedProcess([], returncode, stdout=stdout, stderr="")


# -- where --------------------------------------------------------------------------------------
def test_deps_dir_is_per_profile_and_python_version(tmp_path):
    assert installer.deps_dir(tmp_path, (3, 11)) == tmp_path / "python" / "orca_huntr_deps" / "py3.11"
    assert installer.deps_dir(tmp_path, (3, 9)).name == "py3.9"


def test_activate_puts_the_folder_first_once(tmp_path):
    path = ["/usr/share/qgis/python", "/usr/lib/python3/dist-packages"]
    folder = tmp_path / "deps"  # need not exist yet
    installer.activate(folder, path)
    installer.activate(folder, path)
    assert path == [str(folder), "/usr/share/qgis/python", "/usr/lib/python3/dist-packages"]


def test_missing_packages_finds_without_importing():
    name = "orca_huntr_no_such_package_xyz"
    assert installer.missing_packages(["json", name]) == [name]


def test_restart_needed(tmp_path, monkeypatch):
    folder = tmp_path / "deps"
    (folder / "huntr_fresh_pkg").mkdir(parents=True)
    (folder / "huntr_fresh_pkg" / "__init__.py").write_text("VALUE = 1\n")
    assert installer.restart_needed(["huntr_fresh_pkg"], folder)  # not on sys.path
    monkeypatch.setattr(sys, "path", [str(folder), *sys.path])
    assert not installer.restart_needed(["huntr_fresh_pkg"], folder)  # importable now
    # a copy already imported (or a failed import's leftovers) stays until QGIS restarts
    monkeypatch.setitem(sys.modules, "huntr_fresh_pkg._partial", object())
    assert installer.restart_needed(["huntr_fresh_pkg"], folder)


# -- which build ---------------------------------------------------------------------------------
SMI_HEADER = "| NVIDIA-SMI 550.54.14   Driver Version: 550.54.14   CUDA Version: {v}     |\n"


def test_no_nvidia_driver_means_cpu():
    acc = installer.detect_accelerator(
        platform="linux", which=lambda _n: None, exists=lambda _p: False, run=lambda *a, **k: completed()
    )
    assert (acc.kind, acc.tag, acc.label) == ("cpu", "cpu", "CPU")


@pytest.mark.parametrize(
    ("cuda", "tag"), [("12.4", "cu126"), ("12.8", "cu126"), ("13.0", "cu130"), ("11.4", "cu118")]
)
def test_nvidia_smi_picks_the_cuda_wheel_the_driver_runs(cuda, tag):
    calls = []

    def run(args, **_kw):
        calls.append(args)
        return completed(SMI_HEADER.format(v=cuda))

    acc = installer.detect_accelerator(
        platform="linux", which=lambda n: "/usr/bin/nvidia-smi", exists=lambda _p: False, run=run
    )
    assert calls == [["/usr/bin/nvidia-smi"]]
    assert (acc.kind, acc.tag) == ("cuda", tag)
    assert acc.cuda_version == tuple(int(x) for x in cuda.split("."))
    assert acc.label == f"CUDA {tag[2:-1]}.{tag[-1]}"


def test_driver_file_without_nvidia_smi_is_cuda_with_the_default_tag():
    acc = installer.detect_accelerator(
        platform="linux",
        which=lambda _n: None,
        exists=lambda p: p == "/proc/driver/nvidia/version",
        run=lambda *a, **k: pytest.fail("nothing to run"),
    )
    assert (acc.kind, acc.tag) == ("cuda", installer.CUDA_DEFAULT_TAG)


def test_windows_finds_nvidia_smi_in_its_folder_and_old_drivers_get_cpu():
    smi = r"C:\Program Files\NVIDIA Corporation\NVSMI\nvidia-smi.exe"
    acc = installer.detect_accelerator(
        platform="win32",
        which=lambda _n: None,
        exists=lambda p: p == smi,
        run=lambda *a, **k: completed(SMI_HEADER.format(v="10.2")),
        environ={"ProgramFiles": r"C:\Program Files"},
    )
    assert acc.kind == "cpu" and "too old" in acc.reason


def test_macos_never_gets_cuda():
    acc = installer.detect_accelerator(platform="darwin", which=lambda _n: "/x/nvidia-smi")
    assert acc.kind == "cpu"


# -- with which Python -----------------------------------------------------------------------------
def _probe_run(table):
    """A subprocess.run answering the version probe from ``table``: path -> (major, minor, exec_prefix)."""

    def run(args, **_kw):
        major, minor, prefix = table[args[0]]
        return completed(f"{major} {minor} {prefix}\n")

    return run


def test_find_python_skips_a_path_python_of_another_installation():
    # QGIS embedded on Debian: sys.executable is the first python3 on the PATH (a pyenv shim here)
    table = {
        "/root/.pyenv/shims/python3": (3, 12, "/root/.pyenv/versions/3.12.1"),
        "/usr/bin/python3.11": (3, 11, "/usr"),
    }
    found = installer.find_python(
        executable="/root/.pyenv/shims/python3",
        exec_prefix="/usr",
        version=(3, 11),
        platform="linux",
        exists=lambda p: p in table,
        run=_probe_run(table),
    )
    assert found == "/usr/bin/python3.11"


def test_find_python_next_to_the_qgis_binary_on_windows_and_macos():
    osgeo = r"C:\OSGeo4W\apps\Python39\python.exe"
    found = installer.find_python(
        executable=r"C:\OSGeo4W\bin\qgis-bin.exe",
        exec_prefix=r"C:\OSGeo4W\apps\Python39",
        version=(3, 9),
        platform="win32",
        exists=lambda p: p == osgeo,
        run=_probe_run({osgeo: (3, 9, r"C:\OSGeo4W\apps\Python39")}),
    )
    assert found == osgeo
    candidates = installer.python_candidates(
        r"C:\Program Files\QGIS 3.22\bin\qgis-bin.exe", r"C:\Program Files\QGIS 3.22\apps\Python39",
        (3, 9), "win32",
    )  # fmt: skip
    assert r"C:\Program Files\QGIS 3.22\apps\Python39\python.exe" in candidates
    mac = installer.python_candidates(
        "/Applications/QGIS.app/Contents/MacOS/QGIS",
        "/Applications/QGIS.app/Contents/MacOS",
        (3, 9),
        "darwin",
    )
    assert "/Applications/QGIS.app/Contents/MacOS/bin/python3.9" in mac
    assert not installer.find_python(
        executable="/opt/QGIS/QGIS", exec_prefix="/opt/QGIS", version=(3, 9), platform="linux",
        exists=lambda _p: False,
    )  # fmt: skip


def test_find_python_finds_this_interpreter_for_real():
    found = installer.find_python()
    assert found is not None
    out = subprocess.run([found, "-c", "import sys; print(sys.exec_prefix)"], capture_output=True, text=True)
    assert Path(out.stdout.strip()).resolve() == Path(sys.exec_prefix).resolve()


# -- what to run -----------------------------------------------------------------------------------
CUDA = installer.Accelerator("cuda", "cu126", "test", (12, 4))


def test_cpu_plan_uses_pytorchs_cpu_index_and_pypi_for_safetensors(tmp_path):
    plan = installer.plan_install(["torch", "safetensors"], tmp_path, "/usr/bin/python3", platform="linux")
    assert plan.packages == ("safetensors", "torch")
    safetensors, torch = (step.command("/usr/bin/python3", tmp_path) for step in plan.steps)
    assert torch[:4] == ["/usr/bin/python3", "-m", "pip", "install"]
    assert torch[torch.index("--target") + 1] == str(tmp_path)
    assert torch[-3:] == ["--index-url", "https://download.pytorch.org/whl/cpu", "torch"]
    assert "--index-url" not in safetensors and safetensors[-1] == "safetensors"
    assert plan.approx_mb == installer.APPROX_SIZE_MB["cpu"] + installer.APPROX_SIZE_MB["safetensors"]


def test_cuda_plan_uses_the_cuda_index_and_macos_uses_pypi(tmp_path):
    plan = installer.plan_install(["torch"], tmp_path, "py", CUDA, platform="linux")
    assert plan.steps[0].source == ("--index-url", "https://download.pytorch.org/whl/cu126")
    assert plan.approx_mb == installer.APPROX_SIZE_MB["cuda"]
    mac = installer.plan_install(["torch"], tmp_path, "py", platform="darwin")
    assert mac.steps[0].source == ("--index-url", "https://pypi.org/simple")


def test_wheel_folder_replaces_every_index(tmp_path):
    plan = installer.plan_install(["safetensors", "torch"], tmp_path, "py", CUDA, wheels="/w")
    assert [s.source for s in plan.steps] == [("--no-index", "--find-links", "/w")] * 2


def test_manual_command_quotes_paths_for_the_shell_of_each_system():
    target = Path("/home/me/QGIS 3/profiles/default/python/orca_huntr_deps/py3.11")
    plan = installer.plan_install(["torch"], target, "/usr/bin/python3", platform="linux")
    line = installer.manual_command(plan, platform="linux")
    assert line == (
        "/usr/bin/python3 -m pip install --upgrade --no-input --disable-pip-version-check "
        f"--progress-bar off --target '{target}' --index-url https://download.pytorch.org/whl/cpu torch"
    )
    win = installer.plan_install(
        ["torch", "safetensors"], r"C:\Users\me\AppData\Roaming\QGIS\QGIS3\profiles\default\python\deps",
        r"C:\Program Files\QGIS 3.22\apps\Python39\python.exe", platform="win32",
    )  # fmt: skip
    lines = installer.manual_command(win, platform="win32").splitlines()
    assert len(lines) == 2
    assert lines[1].startswith('"C:\\Program Files\\QGIS 3.22\\apps\\Python39\\python.exe" -m pip install')
    nothing = installer.plan_install(["torch"], target, None, platform="win32")
    assert installer.manual_command(nothing, platform="win32").startswith("python -m pip install")


# -- running it (real pip, offline) ----------------------------------------------------------------------
def test_install_from_a_wheel_folder_with_real_pip(tmp_path):
    wheels = fake_wheels(tmp_path / "wheels")
    target = tmp_path / "deps" / "py3"
    plan = installer.plan_install(["torch", "safetensors"], target, sys.executable, wheels=str(wheels))
    seen: list[installer.InstallProgress] = []
    result = installer.run_install(plan, progress=seen.append, env=isolated_pip_env())
    assert result.versions == {"safetensors": FAKE_VERSION, "torch": FAKE_VERSION}
    assert (target / "torch" / "__init__.py").exists() and (target / "safetensors" / "__init__.py").exists()
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) >= 4
    assert [p.stage for p in seen[-2:]] == ["check", "done"]
    assert {p.step for p in seen if p.stage == "pip"} == {1, 2}
    assert any(line.startswith("Successfully installed torch-") for line in result.log)


def test_offline_failure_says_offline_and_gives_the_command(tmp_path, monkeypatch):
    # every connection goes to a proxy that refuses it: what pip sees without a network
    for key, value in isolated_pip_env().items():
        monkeypatch.setenv(key, value)
    for key in [k for k in list(__import__("os").environ) if k.startswith("PIP_") and k != "PIP_CONFIG_FILE"]:
        monkeypatch.delenv(key)
    for var in ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.setenv("PIP_RETRIES", "0")
    plan = installer.plan_install(["torch"], tmp_path / "deps", sys.executable, platform="linux")
    with pytest.raises(DependencyInstallError) as caught:
        installer.run_install(plan)
    error = caught.value
    assert error.kind == "offline"
    assert isinstance(error, MissingDependencyError)
    assert error.command == installer.manual_command(plan)
    assert "--index-url https://download.pytorch.org/whl/cpu torch" in error.command
    assert error.command in str(error)


def test_offline_is_read_from_pips_connection_warnings():
    lines = [
        "Looking in indexes: https://download.pytorch.org/whl/cpu",
        "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after "
        "connection broken by 'NewConnectionError('<...>: Failed to establish a new connection: "
        "[Errno -3] Temporary failure in name resolution')': /whl/cpu/torch/",
    ]
    assert installer.is_offline_output(lines)
    assert not installer.is_offline_output(["ERROR: No matching distribution found for torch"])


def test_a_wheel_folder_without_the_package_fails_with_the_command(tmp_path):
    (tmp_path / "empty").mkdir()
    plan = installer.plan_install(
        ["torch"], tmp_path / "deps", sys.executable, wheels=str(tmp_path / "empty")
    )
    with pytest.raises(DependencyInstallError) as caught:
        installer.run_install(plan, env=isolated_pip_env(), probe=lambda _u: pytest.fail("no probe"))
    assert caught.value.kind == "failed"
    assert "--no-index --find-links" in caught.value.command
    assert "No matching distribution found for torch" in caught.value.details


def test_a_python_without_pip(tmp_path):
    python = tmp_path / "python3"
    python.write_text('#!/bin/sh\necho "$0: No module named pip" >&2\nexit 1\n')
    python.chmod(0o755)
    plan = installer.plan_install(["safetensors"], tmp_path / "deps", str(python))
    with pytest.raises(DependencyInstallError) as caught:
        installer.run_install(plan)
    assert caught.value.kind == "no_pip"
    assert caught.value.command.startswith(f"{python} -m pip install")


def test_no_python_found_still_gives_the_command(tmp_path):
    plan = installer.plan_install(["torch"], tmp_path, None, platform="linux")
    with pytest.raises(DependencyInstallError) as caught:
        installer.run_install(plan)
    assert caught.value.kind == "no_python"
    assert caught.value.command.startswith("python3 -m pip install")


def test_a_wheel_that_does_not_import_is_reported_broken(tmp_path):
    from fake_wheels import build_wheel

    wheels = tmp_path / "wheels"
    build_wheel(wheels, "safetensors", "0.0.2", "raise ImportError('libfoo.so: cannot open shared object')\n")
    plan = installer.plan_install(["safetensors"], tmp_path / "deps", sys.executable, wheels=str(wheels))
    with pytest.raises(DependencyInstallError) as caught:
        installer.run_install(plan, env=isolated_pip_env())
    assert caught.value.kind == "broken"
    assert "libfoo.so: cannot open shared object" in str(caught.value)


def test_cancel_stops_pip(tmp_path):
    python = tmp_path / "python3"
    python.write_text("#!/bin/sh\necho Collecting torch\nexec sleep 60\n")
    python.chmod(0o755)
    plan = installer.plan_install(["torch"], tmp_path / "deps", str(python))
    seen = []
    with pytest.raises(CancelledError):
        installer.run_install(plan, progress=seen.append, should_stop=lambda: bool(seen))
    assert seen[0].message == "Collecting torch"
