"""Centre: the household table view (sorting by header click happens in SQL, see HouseholdTableModel)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.views.household_model import HouseholdTableModel

WIDTHS = (72, 58, 108, 190, 62, 118, 92, 110)


class HouseholdTable(QTableView):
    current_household_changed = Signal(object)  # household id or None

    def __init__(self, model: HouseholdTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("householdTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            self.setColumnWidth(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        model.modelReset.connect(lambda: self.current_household_changed.emit(None))

    def household_model(self) -> HouseholdTableModel:
        return self.model()

    def selected_ids(self) -> list[int]:
        model = self.household_model()
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [hid for hid in (model.household_id(r) for r in rows) if hid is not None]

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.selectionModel().setCurrentIndex(index, flags)
            self.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hid = self.household_model().household_id(current.row()) if current.isValid() else None
        self.current_household_changed.emit(hid)
