"""A pytest plugin loaded first (``-p tests.qt_offscreen`` in pyproject.toml): no display, no abort.

pytest-qgis creates the ``QgsApplication`` before any conftest is imported; without a display
and without ``QT_QPA_PLATFORM`` Qt then aborts the whole run (rc 134, no message). Loaded
with ``-p``, this module is imported while the command line is parsed, before that. An
explicit ``QT_QPA_PLATFORM`` (``xcb`` to watch the widgets) is kept.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
