"""The floor of the QGIS side: what the panel (``ui/``), the tasks, Processing and the console share.

Modules here may import ``qgis`` but never a widget, and never ``ui/``, ``tasks/``,
``processing/``, ``api.py`` or ``plugin.py``: every arrow of the import graph points down to it.
"""
