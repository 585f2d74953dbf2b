"""The lineage view: every model of the workspace as a tree — which model came from which snapshot.

Opened from the timeline's *Lineage…* button. Rows are built by the engine
(``Workspace.lineage_tree``, ``snapshots/lineage.py``); this widget only shows them. A model
made from a snapshot (or imported from its package) sits under that snapshot, what a revert
took back under the snapshot it went back to. Double-clicking a snapshot (or *Show in
timeline*) asks the panel to show it (:attr:`LineageView.snapshotChosen`).
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .timeline import badge_text, format_timestamp, key_metric, reverted_text


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrLineageView", text)


ROLE = Qt.ItemDataRole.UserRole  # (model id, snapshot id or "", shown in the timeline) of a row
NAME, KIND, CREATED, METRIC = range(4)
KIND_COLOURS = {"current": "#2e7d32", "saved": "#1565c0", "temporary": "#9a6700"}  # the badges' hues
GREY = "#757575"  # what a revert took back


def origin_text(origin: str) -> str:
    """What a model row says about where it came from (``LineageItem.origin``)."""
    from ..snapshots import lineage

    return {
        lineage.FROM_SNAPSHOT: tr("AI model made from this snapshot"),
        lineage.FROM_PACKAGE: tr("AI model imported from a package of this snapshot"),
        lineage.FROM_MISSING: tr("AI model made from a snapshot no longer in the timeline"),
    }.get(origin, tr("AI model"))


class LineageView(QDialog):
    """A non-modal window with the lineage tree of one workspace."""

    snapshotChosen = pyqtSignal(str, str)  # model id, snapshot id

    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HuntrLineageView")
        self.setWindowTitle(tr("Lineage of the AI Models"))
        self.resize(940, 420)
        self.workspace = workspace
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Which model came from which snapshot: a model made from a snapshot, or imported from "
                "its package, is shown under it; what a revert took back is shown under the snapshot "
                "it went back to. Double-click a snapshot to show it in the timeline."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("HuntrLineageTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Model / snapshot"), tr("Kind"), tr("Created"), tr("Metric")])
        for column in (NAME, KIND, CREATED):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._choose(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button = QPushButton(tr("Show in timeline"), self)
        self.show_button.setObjectName("HuntrLineageShow")
        self.show_button.clicked.connect(lambda: self._choose(self.tree.currentItem()))
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Read the lineage again from the workspace (raises what the store raises); the row
        that was current stays current."""
        current = self.tree.currentItem()
        keep = current.data(NAME, ROLE)[:2] if current is not None else None
        self.tree.clear()
        rows = self.workspace.lineage_tree() if self.workspace is not None else []
        self._modes = {m.id: m.mode for m in self.workspace.list_models()} if rows else {}
        for row in rows:
            self.tree.addTopLevelItem(self._item(row))
        self.tree.expandAll()
        again = next((i for i in self._all_items() if keep and i.data(NAME, ROLE)[:2] == keep), None)
        if again is not None:
            self.tree.setCurrentItem(again)
        self._update_buttons()

    def _item(self, row) -> QTreeWidgetItem:
        from ..snapshots import lineage

        item = QTreeWidgetItem()
        in_timeline = row.snapshot is not None and row.snapshot.kind != "reverted"
        item.setData(NAME, ROLE, (row.model_id, row.snapshot_id or "", in_timeline))
        if row.kind == lineage.MODEL:
            item.setText(NAME, row.name)
            item.setText(KIND, origin_text(row.origin))
            font = QFont(item.font(NAME))
            font.setBold(True)
            item.setFont(NAME, font)
        elif row.kind == lineage.REVERTED:
            item.setText(NAME, reverted_text(row.reverted))
            item.setText(KIND, tr("Reverted"))
            item.setText(CREATED, format_timestamp(row.reverted.reverted_at))
            item.setToolTip(NAME, tr("Restore it with Undo in the timeline of this model"))
            item.setForeground(NAME, QBrush(QColor(GREY)))
        else:
            snap = row.snapshot
            reverted = snap.kind == "reverted"
            item.setText(NAME, snap.name)
            item.setText(KIND, tr("Reverted") if reverted else badge_text(snap))
            item.setText(CREATED, format_timestamp(snap.created_at))
            item.setText(METRIC, key_metric(snap.metrics, self._modes.get(row.model_id)))
            item.setToolTip(NAME, snap.id)
            colour = QBrush(QColor(GREY if reverted else KIND_COLOURS.get(snap.kind, GREY)))
            for column in range(4) if reverted else (KIND,):
                item.setForeground(column, colour)
        for child in row.children:
            item.addChild(self._item(child))
        return item

    def rows(self) -> list[tuple[int, str, str]]:
        """``(depth, name column, kind column)`` of every row, depth first (for tests)."""
        out: list[tuple[int, str, str]] = []

        def visit(item: QTreeWidgetItem, depth: int) -> None:
            out.append((depth, item.text(NAME), item.text(KIND)))
            for i in range(item.childCount()):
                visit(item.child(i), depth + 1)

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i), 0)
        return out

    def find(self, snapshot_id: str) -> QTreeWidgetItem | None:
        """The row of ``snapshot_id`` (None when it is not shown)."""
        for item in self._all_items():
            if item.data(NAME, ROLE)[1] == snapshot_id:
                return item
        return None

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return out

    def _timeline_row(self, item: QTreeWidgetItem | None) -> tuple[str, str] | None:
        """(model id, snapshot id) of a row the timeline shows (not a reverted snapshot)."""
        if item is None:
            return None
        model_id, snapshot_id, in_timeline = item.data(NAME, ROLE)
        return (model_id, snapshot_id) if in_timeline else None

    def _update_buttons(self) -> None:
        self.show_button.setEnabled(self._timeline_row(self.tree.currentItem()) is not None)

    def _choose(self, item: QTreeWidgetItem | None) -> None:
        chosen = self._timeline_row(item)
        if chosen is not None:
            self.snapshotChosen.emit(*chosen)
