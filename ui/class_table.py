"""An editable list of classes: a name and a colour each, optionally with a fixed count."""

from __future__ import annotations

from qgis.gui import QgsColorButton
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..adapters.inputs import PALETTE

CELL_MARGIN = 3


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrClassTable", text)


class ClassTable(QWidget):
    """Class names and colours; with ``fixed_count`` rows cannot be added or removed."""

    changed = pyqtSignal()

    def __init__(self, parent: QWidget | None = None, fixed_count: bool = False) -> None:
        super().__init__(parent)
        self.fixed_count = fixed_count
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([tr("Class name"), tr("Colour")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setToolTip(tr("Class ids are the row numbers; 0 is the background"))
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add class"), self)
        self.add_button.setToolTip(tr("Add a class to the model"))
        self.remove_button = QPushButton(tr("Remove class"), self)
        self.remove_button.setToolTip(tr("Remove the selected class"))
        self.add_button.clicked.connect(lambda: self.add_class())
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.setVisible(not fixed_count)
        self.remove_button.setVisible(not fixed_count)

    def add_class(self, name: str | None = None, colour: str | None = None) -> None:
        """Append a class (default name and colour when not given)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(
            row, 0, QTableWidgetItem(name if name is not None else tr("Class {n}").format(n=row + 1))
        )
        shown = QColor(colour or PALETTE[row % len(PALETTE)])
        if self.fixed_count:  # the colours come with the model: show them, do not edit them
            swatch = QLabel(self.table)
            swatch.setProperty("colour", shown.name())
            swatch.setStyleSheet(
                f"background: {shown.name()}; margin: 5px 8px; border: 1px solid palette(mid);"
            )
            swatch.setToolTip(tr("Colour of this class (kept from the snapshot's model)"))
            self.table.setCellWidget(row, 1, swatch)
        else:
            # inside a cell with a margin, in a column as wide as the button and its menu
            # arrow: the arrow never overflows onto the table's border
            cell = QWidget(self.table)
            margins = QHBoxLayout(cell)
            margins.setContentsMargins(CELL_MARGIN, 1, CELL_MARGIN, 1)
            button = QgsColorButton(cell)
            button.setObjectName("HuntrClassColour")
            button.setColor(shown)
            button.setAllowOpacity(False)
            button.setToolTip(tr("Colour of this class in labels and detections"))
            button.colorChanged.connect(lambda _c: self.changed.emit())
            margins.addWidget(button)
            self.table.setCellWidget(row, 1, cell)
            self._fit_colour_column(button)
        self._fit_height()
        self.changed.emit()

    def colour_button(self, row: int) -> QgsColorButton | None:
        """The colour button of class row ``row`` (None for a fixed colour)."""
        cell = self.table.cellWidget(row, 1)
        return cell.findChild(QgsColorButton) if cell is not None else None

    def _fit_colour_column(self, button: QgsColorButton) -> None:
        header = self.table.horizontalHeader()
        width = max(button.sizeHint().width() + 2 * CELL_MARGIN + 2, header.sectionSizeHint(1))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, width)

    def _fit_height(self) -> None:
        """As tall as the rows (a few spare rows' room when classes can be added)."""
        rows = self.table.rowCount() + (0 if self.fixed_count else 2)
        row_height = self.table.verticalHeader().defaultSectionSize()
        height = self.table.horizontalHeader().sizeHint().height() + max(rows, 1) * row_height + 4
        self.table.setFixedHeight(min(height, 8 * row_height))

    def remove_selected(self) -> None:
        """Remove the selected class rows (the last one when none is selected)."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.rowCount() - 1]
        for row in rows:
            self.table.removeRow(row)
        self._fit_height()
        self.changed.emit()

    def set_classes(self, classes) -> None:
        """Replace the rows with ``classes`` (objects with ``name`` and ``color``)."""
        self.table.setRowCount(0)
        for spec in classes:
            self.add_class(spec.name, spec.color)

    def set_name(self, row: int, name: str) -> None:
        """Set the name of class row ``row`` (0-based)."""
        self.table.item(row, 0).setText(name)

    def names(self) -> list[str]:
        """The class names, stripped, in order."""
        return [
            (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            for r in range(self.table.rowCount())
        ]

    def colours(self) -> list[str]:
        """The class colours as #rrggbb, in order."""
        colours = []
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, 1)
            button = None if self.fixed_count else self.colour_button(row)
            colours.append(widget.property("colour") if button is None else button.color().name())
        return colours

    def problem(self) -> str | None:
        """Why the classes cannot be used, or None."""
        names = self.names()
        if not names:
            return tr("Add at least one class.")
        if any(not n for n in names):
            return tr("Every class needs a name.")
        if len(set(n.lower() for n in names)) != len(names):
            return tr("Two classes have the same name.")
        return None
