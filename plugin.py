"""The QGIS plugin object: toolbar button, menu entry, dock panel, Processing provider.

Nothing heavy is imported here: torch, rasterio and geopandas are loaded by the code
that needs them, when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

PLUGIN_DIR = Path(__file__).resolve().parent
MENU = "&ORCA HUNTR"


def tr(text: str) -> str:
    return QCoreApplication.translate("OrcaHuntrPlugin", text)


def user_locale() -> str:
    """QGIS's UI locale ('fr', 'de', …): the override setting first, then the system's."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "", type=str)
    else:
        name = QLocale.system().name()
    return (name or "en")[:2]


class OrcaHuntrPlugin:
    """Created by ``classFactory``; QGIS calls ``initGui`` and ``unload``."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.action: QAction | None = None
        self.dock: Any = None
        self.provider = None
        self.translator: QTranslator | None = None
        self._install_translator()
        self._activate_dependencies()

    # -- translations -------------------------------------------------------------
    def _install_translator(self) -> None:
        qm = PLUGIN_DIR / "i18n" / f"orca_huntr_{user_locale()}.qm"
        if qm.exists():
            translator = QTranslator()
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                self.translator = translator

    # -- packages installed from the panel ---------------------------------------------
    @staticmethod
    def _activate_dependencies() -> None:
        """Put the plugin's own package folder (torch installed from the panel) on sys.path."""
        from .installer import activate, deps_dir

        activate(deps_dir(QgsApplication.qgisSettingsDirPath()))

    # -- Processing -------------------------------------------------------------
    def initProcessing(self) -> None:
        """Register the Processing provider (also called headless by qgis_process)."""
        if self.provider is None:
            from .processing.provider import HuntrProvider

            self.provider = HuntrProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI ----------------------------------------------------------------------
    def initGui(self) -> None:
        from .qgis_log import install

        install()
        self.initProcessing()
        self.action = QAction(
            QIcon(str(PLUGIN_DIR / "icons" / "orca_huntr.svg")), tr("ORCA HUNTR"), self.iface.mainWindow()
        )
        self.action.setObjectName("OrcaHuntrAction")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Show or hide the ORCA HUNTR panel"))
        self.action.triggered.connect(self.toggle_dock)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(MENU, self.action)

    def _ensure_dock(self):
        if self.dock is None:
            from .ui.dock import HuntrDock

            self.dock = HuntrDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self._sync_action)
            self.dock.hide()
        return self.dock

    def toggle_dock(self, checked: bool | None = None) -> None:
        """Show the panel when hidden, hide it when shown."""
        dock = self._ensure_dock()
        show = (not dock.isVisible()) if checked is None else bool(checked)
        dock.setVisible(show)
        if show:
            dock.raise_()
        self._sync_action(show)

    def _sync_action(self, visible: bool) -> None:
        if self.action is not None and self.action.isChecked() != visible:
            self.action.setChecked(visible)

    def unload(self) -> None:
        """Remove every action, dock and provider added; cancel running tasks."""
        from .qgis_log import uninstall
        from .tasks import registry

        registry.cancel_all()
        if self.dock is not None:
            if hasattr(self.dock, "shutdown"):
                self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            self.iface.removePluginMenu(MENU, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.setParent(None)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        uninstall()
