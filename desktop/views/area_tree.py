"""Left panel: the survey-year selector and the area tree (province → district → tambon → village)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTreeView, QVBoxLayout, QWidget

from desktop.models.areas import AreaNode

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


def node_label(node: AreaNode, lang: str = "th") -> str:
    return f"{node.name(lang)} ({node.households:,})"


class AreaTree(QTreeView):
    """Click or Enter on an area selects it (arrow keys only move, so browsing stays cheap)."""

    area_selected = Signal(str, int)  # code, households

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("areaTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._items: dict[str, QStandardItem] = {}
        self.activated.connect(self._choose)
        self.clicked.connect(self._choose)

    def load(self, nodes: list[AreaNode], lang: str = "th") -> None:
        """Nodes come parents first (areas.tree); children keep code order (หมู่ 1, 2, 3 …)."""
        self._model.clear()
        self._items = {}
        root = self._model.invisibleRootItem()
        for node in nodes:
            item = QStandardItem(node_label(node, lang))
            item.setEditable(False)
            item.setData(node.code, CODE_ROLE)
            item.setData(node.households, COUNT_ROLE)
            item.setToolTip(f"{node.code} · {node.name_th}")
            parent = self._items.get(node.parent or "", root) if node.parent else root
            parent.appendRow(item)
            self._items[node.code] = item
        for row in range(self._model.rowCount()):
            self.expand(self._model.index(row, 0))

    def codes(self) -> list[str]:
        return list(self._items)

    def label_of(self, code: str) -> str:
        item = self._items.get(code)
        return item.text() if item else ""

    def households_in(self, code: str) -> int:
        item = self._items.get(code)
        return int(item.data(COUNT_ROLE)) if item else 0

    def select(self, code: str) -> bool:
        """Make an area current (parents expanded) and announce it; False if it is not in the tree."""
        item = self._items.get(code)
        if item is None:
            return False
        index = item.index()
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self._choose(index)
        return True

    def current_code(self) -> str | None:
        index = self.currentIndex()
        return index.data(CODE_ROLE) if index.isValid() else None

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.area_selected.emit(index.data(CODE_ROLE), int(index.data(COUNT_ROLE) or 0))


class AreaPanel(QWidget):
    year_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("yearCombo")
        self.tree = AreaTree(self)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        year_label = QLabel(self.tr("Survey &year (B.E.):"), self)
        year_label.setBuddy(self.year_combo)
        form.addRow(year_label, self.year_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addLayout(form)
        layout.addWidget(self.tree, 1)
        self.year_combo.currentIndexChanged.connect(self._year_picked)

    def set_years(self, years: list[int], current: int | None) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        if current in years:
            self.year_combo.setCurrentIndex(years.index(current))
        self.year_combo.blockSignals(False)

    def current_year(self) -> int | None:
        return self.year_combo.currentData()

    def _year_picked(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year is not None:
            self.year_changed.emit(int(year))
