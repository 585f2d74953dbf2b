"""Forward the engine's ``logging`` records to the plugin's tab of the QGIS log panel."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "ORCA HUNTR"
_LEVELS = ((logging.ERROR, Qgis.Critical), (logging.WARNING, Qgis.Warning), (logging.NOTSET, Qgis.Info))


class QgsMessageLogHandler(logging.Handler):
    """A logging handler writing to ``QgsMessageLog`` under the plugin's tag."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level = next(q for threshold, q in _LEVELS if record.levelno >= threshold)
            QgsMessageLog.logMessage(self.format(record), TAG, level)
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)


_handler: QgsMessageLogHandler | None = None


def install() -> None:
    """Attach the handler to the ``orca_huntr`` logger (idempotent)."""
    global _handler
    if _handler is None:
        _handler = QgsMessageLogHandler()
        _handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        logger = logging.getLogger("orca_huntr")
        logger.addHandler(_handler)
        logger.setLevel(logging.INFO)


def uninstall() -> None:
    """Detach the handler (called from the plugin's ``unload``)."""
    global _handler
    if _handler is not None:
        logging.getLogger("orca_huntr").removeHandler(_handler)
        _handler = None


def log_exception(message: str, exc: BaseException) -> None:
    """Write ``message`` and the exception's traceback to the plugin's log tab."""
    import traceback

    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    QgsMessageLog.logMessage(f"{message}\n{details}", TAG, Qgis.Critical)
