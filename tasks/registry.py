"""Keeps a Python reference to every running QgsTask until it has finished.

A QgsTask that Python has forgotten is garbage-collected mid-run and QGIS crashes
(qgis/QGIS#38583). Every task the plugin starts goes through :func:`start`.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsTask

_live: set[QgsTask] = set()


def start(task: QgsTask) -> QgsTask:
    """Keep ``task`` alive until it completes or terminates, and start it.

    A task cancelled before it was started never finishes: it is not kept.
    """
    if task.isCanceled():
        return task
    _live.add(task)

    def _forget(*_args: object) -> None:
        _live.discard(task)

    task.taskCompleted.connect(_forget)
    task.taskTerminated.connect(_forget)
    QgsApplication.taskManager().addTask(task)
    return task


def running() -> list[QgsTask]:
    """The plugin's tasks that have not finished yet."""
    return list(_live)


def cancel_all(wait_ms: int = 30000) -> None:
    """Cancel every live task and wait for each to finish (used by ``unload``)."""
    for task in list(_live):
        task.cancel()
    for task in list(_live):
        task.waitForFinished(wait_ms)
    _live.clear()
