"""The "ORCA HUNTR" Processing provider: it only lists the algorithms."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

ICON = Path(__file__).resolve().parent.parent / "icons" / "orca_huntr.svg"


class HuntrProvider(QgsProcessingProvider):
    """Provider id ``orcahuntr``; algorithm ids are ``orcahuntr:<name>``."""

    def id(self) -> str:
        return "orcahuntr"

    def name(self) -> str:
        return QCoreApplication.translate("HuntrProvider", "ORCA HUNTR")

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def loadAlgorithms(self) -> None:
        for alg in algorithms():
            self.addAlgorithm(alg)


def algorithms() -> list:
    """One instance of every algorithm (each lives in its own module)."""
    from .compare_snapshots import CompareSnapshotsAlgorithm
    from .create_model import CreateModelAlgorithm
    from .detect import DetectAlgorithm
    from .detect_many import DetectManyAlgorithm
    from .export_onnx import ExportOnnxAlgorithm
    from .export_snapshot import ExportSnapshotAlgorithm
    from .import_snapshot import ImportSnapshotAlgorithm
    from .list_snapshots import ListSnapshotsAlgorithm
    from .model_from_snapshot import ModelFromSnapshotAlgorithm
    from .purge_expired import PurgeExpiredAlgorithm
    from .rename_snapshot import RenameSnapshotAlgorithm
    from .revert_to_snapshot import RevertToSnapshotAlgorithm
    from .save_snapshot import SaveSnapshotAlgorithm
    from .set_retention import SetRetentionAlgorithm
    from .train_model import TrainModelAlgorithm
    from .undo_revert import UndoRevertAlgorithm

    return [
        CreateModelAlgorithm(),
        TrainModelAlgorithm(),
        DetectAlgorithm(),
        DetectManyAlgorithm(),
        ListSnapshotsAlgorithm(),
        SaveSnapshotAlgorithm(),
        RenameSnapshotAlgorithm(),
        RevertToSnapshotAlgorithm(),
        ModelFromSnapshotAlgorithm(),
        PurgeExpiredAlgorithm(),
        SetRetentionAlgorithm(),
        UndoRevertAlgorithm(),
        ExportSnapshotAlgorithm(),
        ImportSnapshotAlgorithm(),
        CompareSnapshotsAlgorithm(),
        ExportOnnxAlgorithm(),
    ]
