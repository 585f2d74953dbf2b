"""The "ORCA HUNTR" Processing provider and its algorithms (QGIS side)."""
