"""Helpers for the panel tests: answer modal dialogs the way a user would."""

from __future__ import annotations

from collections.abc import Callable

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDialogButtonBox


class DialogAnswer:
    """Waits for the next visible dialog of ``cls``, lets ``act`` fill it in.

    ``act(dialog)`` runs while the dialog's own ``exec()`` loop is running; it should
    click a button (see :func:`click_ok`). When ``act`` raises, the dialog is rejected
    and the error kept in :attr:`error` (re-raised by :meth:`check`), so that a failing
    test never hangs on a modal dialog.
    """

    def __init__(self, cls: type[QDialog], act: Callable[[QDialog], None], timeout_ms: int = 20000) -> None:
        self.cls = cls
        self.act = act
        self.seen: QDialog | None = None
        self.error: BaseException | None = None
        self._left = timeout_ms // 20
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, self.cls) and widget.isVisible():
                self.seen = widget
                try:
                    self.act(widget)
                except BaseException as exc:  # handed back by check()
                    self.error = exc
                    widget.reject()
                return
        self._left -= 1
        if self._left > 0:
            QTimer.singleShot(20, self._poll)

    def check(self) -> QDialog:
        """Raise what ``act`` raised; fail when no dialog was shown; return the dialog."""
        if self.error is not None:
            raise self.error
        assert self.seen is not None, f"no {self.cls.__name__} was shown"
        return self.seen


def ok_button(dialog: QDialog):
    """The OK button of a dialog with a ``buttons`` QDialogButtonBox."""
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def click_ok(dialog: QDialog) -> None:
    """Click OK as a user would (fails when it is disabled)."""
    button = ok_button(dialog)
    assert button.isEnabled(), f"OK is disabled: {getattr(dialog, 'problem', lambda: '')()}"
    button.click()


def open_dock(iface, qtbot):
    """The plugin's panel, shown, with QGIS's message bar cleared first; call ``shutdown()`` after."""
    from orca_huntr.ui.dock import HuntrDock

    iface.messageBar().clear_messages()
    panel = HuntrDock(iface, None)
    qtbot.addWidget(panel)
    panel.show()
    return panel
