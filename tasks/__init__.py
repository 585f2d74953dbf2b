"""QgsTask adapters that run engine work in the background (QGIS side)."""
