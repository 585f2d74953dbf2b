"""Drive the panel's "Install PyTorch" offer in the real QGIS, offline, and grab screenshots.

    python scripts/install_screenshots.py --output docs/screenshots

QGIS starts under ``xvfb-run`` with a throw-away profile and *without* this checkout's
venv on its ``sys.path``, so its Python (Debian's) has neither torch nor safetensors:
the panel offers to install them. The script, running inside QGIS, then

1. grabs the offer (``install_offer.png``) and the confirmation (``install_confirm.png``);
2. installs with every connection sent to a proxy that refuses it (``https_proxy=127.0.0.1:9``):
   the offline failure with the command to run by hand (``install_offline.png``);
3. installs again from a local wheel folder (``ORCA_HUNTR_WHEELS``, ``pip --no-index
   --find-links``) holding FAKE wheels named torch and safetensors (``tests/fake_wheels.py``:
   a few bytes each, not PyTorch): the result (``install_done.png``), and imports the fake
   torch inside QGIS from the plugin's folder without a restart.

pip is real, QGIS is real, the panel's widgets are clicked; only the wheels are fakes and the
network is never used. ``tests/test_qgis_app_installer.py`` runs this and checks the report.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkout_path import ROOT

sys.path.insert(0, str(ROOT / "tests"))

SHOTS = ("install_offer.png", "install_confirm.png", "install_offline.png", "install_done.png")

QGIS_SCRIPT = r"""
import json, os, sys, traceback
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox
from qgis.utils import iface, plugins

SPEC = json.loads(os.environ["HUNTR_INSTALL"])
OUT = SPEC["output"]
report = {"sys_executable": sys.executable, "exec_prefix": sys.exec_prefix}
pip_lines = []
PROXY_VARS = ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY")


def log(text):
    with open(SPEC["log"], "a") as fh:
        fh.write(text + "\n")


def later(ms, fn, *args):
    def run():
        try:
            fn(*args)
        except Exception:
            log(traceback.format_exc())
            finish()
    QTimer.singleShot(ms, run)


def on_log(message, tag, level):
    if tag == "ORCA HUNTR" and "pip: " in message:
        pip_lines.append(message)


QgsApplication.messageLog().messageReceived.connect(on_log)


def save(widget, name):
    path = os.path.join(OUT, name)
    widget.grab().save(path)
    log("wrote " + path)


def start():
    window = iface.mainWindow()
    window.resize(1600, 1000)
    window.showMaximized()
    report["torch_importable_before"] = __import__("importlib").util.find_spec("torch") is not None
    plugin = plugins["orca_huntr"]
    plugin.toggle_dock(True)
    global dock, banner
    dock = plugin.dock
    banner = dock.install_banner
    report["missing"] = list(banner.missing)
    report["offer_visible"] = banner.isVisible()
    report["offer_text"] = banner.text.text()
    report["button_text"] = banner.install_button.text()
    report["target"] = str(banner.target)
    report["target_on_sys_path"] = str(banner.target) in sys.path
    later(1500, offline_attempt)


def answer_confirm(name, left=250):
    # the confirmation is modal: look for it while its exec() runs, grab it, click Install
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    box = next((w for w in boxes if w.objectName() == "HuntrInstallConfirm"), None)
    if box is None:
        if left > 0:
            QTimer.singleShot(40, lambda: answer_confirm(name, left - 1))
        else:
            log("no confirmation dialog")
        return
    report.setdefault("confirm_texts", []).append(box.text())
    if name:
        save(box, name)
    box.button(QMessageBox.StandardButton.Ok).click()


def offline_attempt():
    save(dock, "install_offer.png")
    for var in PROXY_VARS:
        os.environ[var] = "http://127.0.0.1:9"  # a closed port: no connection can be made
    os.environ["PIP_RETRIES"] = "0"
    os.environ.pop("ORCA_HUNTR_WHEELS", None)
    banner.installFinished.connect(offline_done)
    QTimer.singleShot(0, lambda: answer_confirm("install_confirm.png"))
    banner.install_button.click()


def offline_done(result, error):
    banner.installFinished.disconnect(offline_done)
    report["offline_result"] = result is not None
    report["offline_kind"] = getattr(error, "kind", type(error).__name__)
    report["offline_text"] = banner.text.text()
    report["offline_command"] = banner.command_box.toPlainText()
    report["offline_command_visible"] = banner.command_box.isVisible()
    report["retry_text"] = banner.install_button.text()
    banner.copy_button.click()
    report["clipboard"] = QApplication.clipboard().text()
    later(800, offline_shot)


def offline_shot():
    save(dock, "install_offline.png")
    for var in PROXY_VARS:
        os.environ.pop(var, None)
    os.environ.pop("PIP_RETRIES", None)
    os.environ["ORCA_HUNTR_WHEELS"] = SPEC["wheels"]
    banner.installFinished.connect(wheels_done)
    QTimer.singleShot(0, lambda: answer_confirm(None))
    banner.install_button.click()


def wheels_done(result, error):
    report["error"] = None if error is None else "%s: %s" % (type(error).__name__, error)
    report["versions"] = getattr(result, "versions", None)
    report["restart"] = getattr(result, "restart", None)
    report["done_text"] = banner.text.text()
    report["button_visible_after"] = banner.install_button.isVisible()
    report["installed_files"] = sorted(os.listdir(banner.target)) if os.path.isdir(banner.target) else []
    if error is None:
        import torch, safetensors
        report["torch_fake"] = getattr(torch, "FAKE", False)
        report["torch_file"] = torch.__file__
        report["safetensors_file"] = safetensors.__file__
    report["pip_log_lines"] = len(pip_lines)
    report["pip_log_success"] = any("Successfully installed torch-" in line for line in pip_lines)
    later(800, done_shot)


def done_shot():
    save(dock, "install_done.png")
    finish()


def finish():
    with open(SPEC["report"], "w") as fh:
        json.dump(report, fh, indent=1)
    log("done")
    QTimer.singleShot(3000, lambda: os._exit(0))  # QGIS sometimes waits on exit under xvfb
    iface.actionExit().trigger()


later(2500, start)
"""


def qgis_env(work: Path, output: Path, wheels: Path) -> dict[str, str]:
    """QGIS's environment: no venv on its path, no pip configuration, the spec for the script."""
    from fake_wheels import isolated_pip_env

    env = isolated_pip_env()
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen, not offscreen
    env.pop("PYTHONPATH", None)  # QGIS's own Python only: no torch, no safetensors
    env.pop("ORCA_HUNTR_WHEELS", None)
    for var in ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY"):
        env.pop(var, None)
    spec = {
        "output": str(output),
        "wheels": str(wheels),
        "log": str(work / "install.log"),
        "report": str(work / "report.json"),
    }
    env["HUNTR_INSTALL"] = json.dumps(spec)
    return env


def run(work: Path, output: Path, timeout: int = 600) -> dict:
    """Run the scenario in the real QGIS; return the report (plus ``qgis_rc`` and ``log``)."""
    from fake_wheels import fake_wheels
    from qgis_profile import make_profile

    for tool in ("xvfb-run", "qgis"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed: run `make setup` (it installs qgis and xvfb)")
    work.mkdir(parents=True, exist_ok=True)
    output.mkdir(parents=True, exist_ok=True)
    wheels = fake_wheels(work / "wheels")
    profiles = work / "profiles"
    make_profile(profiles)
    script = work / "install_offer.py"
    script.write_text(QGIS_SCRIPT)
    cmd = [
        "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
        "qgis", "--profiles-path", str(profiles), "--nologo", "--noversioncheck", "--code", str(script),
    ]  # fmt: skip
    proc = subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, env=qgis_env(work, output, wheels)
    )
    report_file = work / "report.json"
    report = json.loads(report_file.read_text()) if report_file.exists() else {}
    log_file = work / "install.log"
    report["log"] = log_file.read_text() if log_file.exists() else ""
    report["qgis_rc"] = proc.returncode
    report["stderr_tail"] = proc.stderr[-3000:]
    return report


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--timeout", type=int, default=600, help="seconds QGIS may run")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="huntr-install-"))
    try:
        report = run(work, args.output.resolve(), args.timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(report.pop("log"))
    missing = [name for name in SHOTS if not (args.output / name).exists()]
    print(json.dumps({k: v for k, v in report.items() if k != "stderr_tail"}))
    if missing or report.get("error") or "versions" not in report:
        sys.stderr.write(report.get("stderr_tail", ""))
        raise SystemExit(1)


if __name__ == "__main__":
    main()
