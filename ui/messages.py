"""Show errors and results to the user: the message bar for words, the log tab for details.

Expected errors (:class:`~orca_huntr.errors.HuntrError`) carry a message written for the
user and go to the message bar as they are. Anything else is a bug: its traceback goes
to the plugin's tab of the log panel and the bar says where to look.

The bar shows two lines: a longer text is shortened there, with a *Show more* link that
opens the whole of it, and written in full to the plugin's log tab. Messages that stay
until closed (``duration=0``) are the plugin's *sticky* messages: a new one replaces the
previous ones and a new project or an unload removes them (:func:`clear_sticky`), so that
closing one never brings an old, stale one back from QGIS's message stack.
"""

from __future__ import annotations

import contextlib

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication

from ..errors import CancelledError, HuntrError
from ..qgis_log import TAG, log_exception

BAR_SECONDS = 8
SHORT_LENGTH = 160  # characters the bar shows before a longer text gets its "Show more" link
_sticky: list = []  # (bar, item) of the plugin's messages that stay until closed


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrMessages", text)


def _bar(iface):
    try:
        return iface.messageBar()
    except Exception:  # pragma: no cover - an iface without a bar (console scripts)
        return None


def short_text(text: str, limit: int = SHORT_LENGTH) -> str:
    """What the bar shows of ``text``: its first line, at most ``limit`` characters (" …" when cut)."""
    whole = text.strip()
    first = whole.split("\n", 1)[0].strip()[: limit - 2].rstrip()
    return whole if first == whole else first + " …"


def clear_sticky(iface=None) -> None:
    """Close the plugin's messages that stay until closed (a new project, an unload)."""
    while _sticky:
        bar, item = _sticky.pop()
        with contextlib.suppress(RuntimeError, TypeError):  # already closed and deleted
            if item in bar.items():
                bar.popWidget(item)


def push(iface, text: str, level=Qgis.Info, title: str | None = None, duration: int = BAR_SECONDS) -> None:
    """Push ``text`` to QGIS's message bar under the plugin's title.

    A text too long for the bar's two lines is shortened there, with QGIS's *Show more*
    link opening the whole text, and written in full to the log tab. A sticky message
    (``duration=0``) replaces the plugin's earlier sticky ones.
    """
    bar = _bar(iface)
    if bar is None:
        return
    title = title or tr("ORCA HUNTR")
    if duration == 0:
        clear_sticky()
    shown = short_text(text)
    if shown != text.strip():
        QgsMessageLog.logMessage(f"{title}: {text}", TAG, level)
        bar.pushMessage(title, shown, text, level, duration)
    else:
        bar.pushMessage(title, text, level, duration)
    if duration == 0:
        with contextlib.suppress(AttributeError, RuntimeError):  # a bar that keeps no items
            item = bar.currentItem()
            if item is not None:
                _sticky.append((bar, item))


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
