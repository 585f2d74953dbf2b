"""The panel's offer to install torch / safetensors when QGIS's Python lacks them.

A thin widget over :mod:`orca_huntr.installer` (what to install, where, how) and
:class:`~orca_huntr.tasks.install_task.InstallTask` (pip in the background). It is hidden
when nothing is missing. Its states: the offer (a line and an *Install…* button), the
confirmation (build, size, folder), progress (a bar and pip's latest line), and the
result: ready now, restart QGIS, or what went wrong with the exact command to run by hand.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..installer import (
    CPU,
    WHEELS_ENV,
    Accelerator,
    InstallPlan,
    deps_dir,
    detect_accelerator,
    manual_command,
    missing_packages,
    plan_install,
)
from . import messages

log = logging.getLogger(__name__)

DISPLAY_NAMES = {"torch": "PyTorch", "safetensors": "safetensors"}
# the frame's colour says the state: an offer, done, or a problem
STYLE = """
#HuntrInstallBanner { border: 1px solid #c8b560; border-radius: 3px; background: #fff8dc; }
#HuntrInstallBanner[state="done"] { border-color: #7fb77e; background: #eef8ee; }
#HuntrInstallBanner[state="failed"] { border-color: #d08770; background: #fdf0ec; }
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrInstallBanner", text)


def package_names(packages: list[str] | tuple[str, ...]) -> str:
    """'PyTorch and safetensors' (in the user's words, PyTorch first)."""
    names = [DISPLAY_NAMES.get(p, p) for p in sorted(packages, key=lambda p: p != "torch")]
    if len(names) <= 1:
        return "".join(names)
    return tr("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def failure_reason(error: BaseException) -> str:
    """Why an install failed, in the user's words (by the error's ``kind``)."""
    kind = getattr(error, "kind", "")
    details = (getattr(error, "details", "") or "").strip().splitlines()
    last = details[-1] if details else str(error)
    return {
        "offline": tr(
            "The package index could not be reached: this computer seems to be offline, "
            "or a proxy or firewall blocks pip."
        ),
        "no_pip": tr(
            "The Python that runs QGIS has no pip (on Debian or Ubuntu: sudo apt-get install python3-pip)."
        ),
        "no_python": tr("The Python interpreter that runs QGIS was not found next to QGIS."),
        "broken": tr("The packages were installed but do not import: {details}").format(details=last),
    }.get(kind, tr("pip failed: {details}").format(details=last))


class InstallBanner(QFrame):
    """Offers to install the missing packages; hidden when none is missing."""

    installFinished = pyqtSignal(object, object)  # InstallResult | None, error | None

    def __init__(self, iface, parent=None, target: Path | None = None, missing: list[str] | None = None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("HuntrInstallBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(STYLE)
        self.target = target or deps_dir(QgsApplication.qgisSettingsDirPath())
        self.missing = missing_packages() if missing is None else list(missing)
        self.task = None
        self.command = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.text = QLabel(self)
        self.text.setObjectName("HuntrInstallText")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.command_box = QPlainTextEdit(self)
        self.command_box.setObjectName("HuntrInstallCommand")
        self.command_box.setReadOnly(True)
        # one command a line (scroll sideways, or Copy command): the panel keeps its height
        self.command_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.command_box.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.command_box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.command_box.hide()
        layout.addWidget(self.command_box)
        self.status = QLabel(self)
        self.status.setObjectName("HuntrInstallStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 8pt;")
        self.status.hide()
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.copy_button = QPushButton(tr("Copy command"), self)
        self.copy_button.setObjectName("HuntrInstallCopy")
        self.copy_button.clicked.connect(self.copy_command)
        self.copy_button.hide()
        row.addWidget(self.copy_button)
        self.hide_button = QPushButton(tr("Hide"), self)
        self.hide_button.setObjectName("HuntrInstallHide")
        self.hide_button.clicked.connect(self.hide)
        self.hide_button.hide()
        row.addWidget(self.hide_button)
        self.install_button = QPushButton(self)
        self.install_button.setObjectName("HuntrInstallButton")
        self.install_button.clicked.connect(lambda: self.start_install())
        row.addWidget(self.install_button)
        layout.addLayout(row)
        self.show_offer()

    # -- states ------------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)
        self.updateGeometry()

    def show_offer(self) -> None:
        """The offer: what is missing and an Install… button (hidden when nothing is)."""
        self.setVisible(bool(self.missing))
        if not self.missing:
            return
        self._set_state("offer")
        names = package_names(self.missing)
        if len(self.missing) == 1:
            text = tr(
                "Training and detection need {packages}, which the Python that runs QGIS does not have. "
                "ORCA HUNTR can install it for you, into a folder of its own."
            )
        else:
            text = tr(
                "Training and detection need {packages}, which the Python that runs QGIS does not have. "
                "ORCA HUNTR can install them for you, into a folder of its own."
            )
        self.text.setText(text.format(packages=names))
        self.install_button.setText(tr("Install {packages}…").format(packages=names))
        self.install_button.setToolTip(tr("Installs with pip into {folder}").format(folder=str(self.target)))
        self.install_button.setEnabled(True)

    def confirm(self, plan: InstallPlan, cuda: Accelerator | None) -> bool | None:
        """Ask before downloading; None when declined, else whether to install the CUDA build."""
        names = package_names(list(plan.packages))
        if plan.wheels:
            source = tr("from the wheel folder {folder}").format(folder=plan.wheels)
        else:
            source = tr("from the internet (about {size} MB)").format(size=plan.approx_mb)
        text = tr(
            "Install {packages} {source} with pip into a folder of the plugin:\n{folder}\n\n"
            "QGIS's own Python is not changed. This can take several minutes: the panel shows "
            "the progress, and every line pip writes goes to the ORCA HUNTR tab of the log panel."
        ).format(packages=names, source=source, folder=str(plan.target))
        buttons = QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
        title = tr("Install {packages}").format(packages=names)
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, self)
        box.setObjectName("HuntrInstallConfirm")
        box.button(QMessageBox.StandardButton.Ok).setText(tr("Install"))
        check = None
        if cuda is not None and "torch" in plan.packages:
            check = QCheckBox(
                tr("The {build} build of PyTorch, for the NVIDIA GPU ({reason})").format(
                    build=cuda.label, reason=cuda.reason
                ),
                box,
            )
            check.setChecked(True)
            box.setCheckBox(check)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return None
        return bool(check is not None and check.isChecked())

    def start_install(self, ask: bool = True):
        """Confirm (unless ``ask`` is False), then start the install task; returns it (or None)."""
        from ..tasks import registry
        from ..tasks.install_task import InstallTask

        self.missing = missing_packages()
        if not self.missing or self.task is not None:
            self.show_offer()
            return None
        accelerator = detect_accelerator()
        cuda = accelerator if accelerator.kind == "cuda" else None
        wheels = os.environ.get(WHEELS_ENV) or None
        plan = plan_install(self.missing, self.target, None, accelerator, wheels)
        if ask:
            use_cuda = self.confirm(plan, cuda)
            if use_cuda is None:
                return None
            accelerator = accelerator if use_cuda else CPU
        task = InstallTask(self.missing, self.target, accelerator, wheels)
        task.progressed.connect(self._progressed)
        task.done.connect(self._done)
        self.task = task
        self.install_button.setEnabled(False)
        self.command_box.hide()
        self.copy_button.hide()
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(tr("Starting pip…"))
        self.status.show()
        self.text.setText(
            tr("Installing {packages} ({build} build) into {folder}…").format(
                packages=package_names(self.missing), build=accelerator.label, folder=str(self.target)
            )
        )
        registry.start(task)
        return task

    def _progressed(self, progress) -> None:
        self.progress.setValue(round(100 * float(progress.fraction or 0.0)))
        stage = getattr(progress, "stage", "pip")
        if stage == "check":
            self.status.setText(tr("Checking that the packages import…"))
        elif stage == "pip" and progress.message:
            self.status.setText(progress.message)  # pip's own words

    def _done(self, result, error) -> None:
        plan = getattr(self.task, "plan", None)
        self.task = None
        self.progress.hide()
        if result is not None:
            self.show_success(result)
        else:
            self.show_failure(error, plan)
        self.installFinished.emit(result, error)

    def show_success(self, result) -> None:
        """Installed: ready to use now, or after a restart of QGIS."""
        names = sorted(result.versions, key=lambda name: name != "torch")
        versions = ", ".join(f"{DISPLAY_NAMES.get(name, name)} {result.versions[name]}" for name in names)
        if result.restart:
            text = tr("{versions} installed into {folder}. Restart QGIS to use them.")
        else:
            text = tr("{versions} installed into {folder}. They are ready: no restart is needed.")
        self.text.setText(text.format(versions=versions, folder=str(result.target)))
        self.status.hide()
        self.install_button.hide()
        self.hide_button.show()
        self.missing = []
        self._set_state("done")
        level = Qgis.Warning if result.restart else Qgis.Success
        messages.push(self.iface, text.format(versions=versions, folder=str(result.target)), level)

    def show_failure(self, error, plan: InstallPlan | None = None) -> None:
        """What went wrong and the exact command to run by hand (``plan``'s when the error has none)."""
        from ..errors import CancelledError

        self.install_button.setEnabled(True)
        self.install_button.setText(tr("Try again"))
        self._set_state("failed")
        if isinstance(error, CancelledError):
            self.text.setText(tr("The installation was cancelled."))
            self.status.hide()
            return
        reason = failure_reason(error)
        self.command = getattr(error, "command", None) or ""
        if not self.command and plan is not None and getattr(error, "kind", "") != "broken":
            self.command = manual_command(plan)
        if self.command:
            self.text.setText(
                tr(
                    "{reason}\nRun this command by hand (in the OSGeo4W Shell on Windows, a terminal "
                    "elsewhere), then restart QGIS:"
                ).format(reason=reason)
            )
            self.command_box.setPlainText(self.command)
            self.command_box.setToolTip(self.command)
            lines = min(4, len(self.command.splitlines()))
            scrollbar = self.command_box.horizontalScrollBar().sizeHint().height()
            margins = 2 * (self.command_box.document().documentMargin() + self.command_box.frameWidth())
            height = round(lines * self.command_box.fontMetrics().lineSpacing() + scrollbar + margins + 4)
            self.command_box.setFixedHeight(height)
            self.command_box.show()
            self.copy_button.show()
        else:
            self.text.setText(reason)
        self.status.setText(tr("The details are in the ORCA HUNTR tab of the log panel."))
        self.status.show()
        details = getattr(error, "details", "")
        log.warning("installing %s failed: %s\n%s", ", ".join(self.missing), error, details)
        messages.push(
            self.iface,
            tr("Could not install {packages}: {reason} The ORCA HUNTR panel shows what to do.").format(
                packages=package_names(self.missing), reason=reason
            ),
            Qgis.Warning,
            duration=0,
        )

    def copy_command(self) -> None:
        """Put the manual command on the clipboard."""
        QApplication.clipboard().setText(self.command)

    def shutdown(self) -> None:
        """Cancel a running install (the plugin is unloading)."""
        if self.task is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.task.done.disconnect()
            self.task.cancel()
            self.task = None
