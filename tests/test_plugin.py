"""The plugin loads the way QGIS loads it, adds its GUI, and removes all of it."""

from __future__ import annotations

import sys

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QDockWidget

HEAVY = ("torch", "rasterio", "geopandas")


@pytest.fixture
def plugin(qgis_iface):
    import orca_huntr

    qgis_iface.mainWindow().show()
    instance = orca_huntr.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    if instance.action is not None:
        instance.unload()


def _our_docks(main_window):
    return [d for d in main_window.findChildren(QDockWidget) if d.objectName() == "OrcaHuntrDock"]


def test_init_gui_imports_no_heavy_package():
    """A fresh interpreter: classFactory + initGui must not pull torch & co."""
    import subprocess

    code = (
        "import sys\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "from qgis.PyQt.QtWidgets import QMainWindow\n"
        "class Iface:\n"
        "    win = QMainWindow()\n"
        "    def mainWindow(self): return self.win\n"
        "    def __getattr__(self, name): return lambda *a: None\n"
        "iface = Iface()\n"
        "import orca_huntr\n"
        "p = orca_huntr.classFactory(iface); p.initGui(); p.toggle_dock(True)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "p.unload()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout


def test_action_and_menu_entry_exist(plugin, qgis_iface):
    assert isinstance(plugin.action, QAction)
    assert plugin.action.text() == "ORCA HUNTR"
    assert plugin.action.isCheckable()
    assert plugin.provider is not None
    assert QgsApplication.processingRegistry().providerById("orcahuntr") is plugin.provider


def test_action_toggles_dock(plugin, qgis_iface):
    plugin.action.trigger()
    dock = plugin.dock
    assert dock is not None and dock.isVisible()
    assert dock.objectName() == "OrcaHuntrDock"
    plugin.action.trigger()
    assert not dock.isVisible()
    assert not plugin.action.isChecked()
    plugin.action.trigger()
    assert dock.isVisible() and plugin.action.isChecked()


def test_unload_removes_everything_and_reload_is_clean(plugin, qgis_iface):
    import orca_huntr

    plugin.action.trigger()
    main_window = qgis_iface.mainWindow()
    plugin.unload()
    QgsApplication.processEvents()
    assert plugin.action is None and plugin.dock is None
    assert QgsApplication.processingRegistry().providerById("orcahuntr") is None
    assert _our_docks(main_window) == []
    assert [a for a in main_window.findChildren(QAction) if a.objectName() == "OrcaHuntrAction"] == []

    again = orca_huntr.classFactory(qgis_iface)
    again.initGui()
    again.action.trigger()
    assert again.dock.isVisible()
    assert QgsApplication.processingRegistry().providerById("orcahuntr") is again.provider
    again.unload()
    QgsApplication.processEvents()
    assert QgsApplication.processingRegistry().providerById("orcahuntr") is None
