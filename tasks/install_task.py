"""``InstallTask``: installs torch / safetensors with pip in the QGIS task manager.

``run()`` works on plain values only (the packages, the target folder, the accelerator,
an optional wheel folder): it finds the Python that runs QGIS, runs
:func:`orca_huntr.run_install` and reports pip's progress. Every line pip
writes goes to the ORCA HUNTR tab of the log panel (through ``qgis_log``).

Signals (main thread): ``progressed(InstallProgress)``; ``done(result, error)`` once,
from ``finished()``, where ``result`` is an ``InstallResult`` whose ``restart`` says
whether QGIS must be restarted before the packages can be used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.PyQt.QtCore import QCoreApplication

from ..errors import CancelledError
from ..installer import (
    Accelerator,
    InstallPlan,
    find_python,
    plan_install,
    restart_needed,
    run_install,
)
from .engine_task import EngineTask


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrInstallTask", text)


class InstallTask(EngineTask):
    """Install ``packages`` into ``target`` (the plugin's package folder) in the background."""

    def __init__(
        self,
        packages: list[str],
        target: Path,
        accelerator: Accelerator,
        wheels: str | None = None,
    ) -> None:
        super().__init__(tr("ORCA HUNTR: installing {packages}").format(packages=", ".join(packages)))
        self.packages = list(packages)
        self.target = Path(target)
        self.accelerator = accelerator
        self.wheels = wheels
        self.plan: InstallPlan | None = None
        self.restart: bool | None = None

    def work(self) -> Any:
        """Find QGIS's Python, run pip, check the import (worker thread)."""
        python = find_python()
        self.plan = plan_install(self.packages, self.target, python, self.accelerator, self.wheels)
        return run_install(self.plan, progress=self.report, should_stop=self.isCanceled)

    def finished(self, result: bool) -> None:
        """Decide whether QGIS must restart and report through ``done`` (main thread)."""
        if self.result is None and self.error is None:
            self.error = CancelledError(tr("The installation was cancelled."))
        if self.result is not None:
            self.restart = restart_needed(self.packages, self.target)
            self.result.restart = self.restart
        self.done.emit(self.result, self.error)
