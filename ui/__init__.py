"""The dock panel, dialogs and layer styling (QGIS side)."""
