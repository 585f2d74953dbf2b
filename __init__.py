"""ORCA HUNTR for QGIS: train AI models on imagery, keep a snapshot timeline, detect."""


def classFactory(iface):
    """QGIS entry point: build the plugin object (imports stay lazy)."""
    from .plugin import OrcaHuntrPlugin

    return OrcaHuntrPlugin(iface)
