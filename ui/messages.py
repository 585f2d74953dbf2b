"""Show errors and results to the user: the message bar for words, the log tab for details.

Expected errors (:class:`~orca_huntr.errors.HuntrError`) carry a message written for the
user and go to the message bar as they are. Anything else is a bug: its traceback goes
to the plugin's tab of the log panel and the bar says where to look.
"""

from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication

from ..errors import CancelledError, HuntrError
from ..qgis_log import log_exception

BAR_SECONDS = 8


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrMessages", text)


def _bar(iface):
    try:
        return iface.messageBar()
    except Exception:  # pragma: no cover - an iface without a bar (console scripts)
        return None


def push(iface, text: str, level=Qgis.Info, title: str | None = None, duration: int = BAR_SECONDS) -> None:
    """Push ``text`` to QGIS's message bar under the plugin's title."""
    bar = _bar(iface)
    if bar is not None:
        bar.pushMessage(title or tr("ORCA HUNTR"), text, level, duration)


def info(iface, text: str) -> None:
    """A short informational message."""
    push(iface, text, Qgis.Info)


def success(iface, text: str) -> None:
    """A short success message."""
    push(iface, text, Qgis.Success)


def show_error(iface, exc: BaseException, doing: str | None = None) -> None:
    """Tell the user that ``doing`` failed with ``exc``.

    A :class:`HuntrError` is shown in plain words (its message is written for users);
    a cancellation is only an info; anything else logs a traceback to the plugin's log
    tab and says so.
    """
    prefix = f"{doing}: " if doing else ""
    if isinstance(exc, CancelledError):
        push(iface, prefix + str(exc), Qgis.Info)
    elif isinstance(exc, HuntrError):
        push(iface, prefix + str(exc), Qgis.Warning, duration=0)
    else:
        log_exception(doing or tr("Unexpected error"), exc)
        push(
            iface,
            prefix
            + tr(
                "Unexpected error ({error}). The details are in the ORCA HUNTR tab of the log panel."
            ).format(error=type(exc).__name__),
            Qgis.Critical,
            duration=0,
        )
