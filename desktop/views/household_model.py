"""The household table's model: an ordered id list plus rows fetched by id, a page at a time.

Nothing here loads an area into Python objects. `set_filter` shows `households.first_page` at once
(when that query is cheap), then asks the reader pool for `households.ordered_ids` (an array of
8-byte ints, ~8 MB for a million households) and switches to it. `data()` fetches PAGE rows by id
on a cache miss (a primary-key lookup of a few ms) and keeps CACHE_PAGES pages. A result that
arrives after the filter or sort changed again is dropped (generation counter).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop.models import corrections, households
from desktop.models.households import HouseholdFilter, HouseholdRow
from desktop.views import labels

PAGE = 200
CACHE_PAGES = 32
FIRST_PAGE = 100
SYNC_LIMIT = 20_000  # above this many households only an index-ordered, unfiltered first page runs on the GUI thread
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FAILED_COLOUR = QColor("#b3261e")


def tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdModel", text)


@dataclass(frozen=True)
class Column:
    key: str  # also the households.SORTS key
    title: str
    numeric: bool = False


def columns() -> list[Column]:
    return [
        Column("house", tr("House no.")),
        Column("village", tr("Village no."), True),  # house "72" of หมู่ 3 and of หมู่ 5 side by side in a tambon
        Column("house_code", tr("House code")),
        Column("head", tr("Head of household")),
        Column("members", tr("Members"), True),
        Column("income_pp", tr("Income/person (baht)"), True),
        Column("failed", tr("Indicators failed"), True),
        Column("status", tr("Review status")),
    ]


class HouseholdTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)  # True while the full id list is being fetched
    loaded = Signal(int)  # the full list is in: number of households

    def __init__(self, store, runner, parent=None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.columns = columns()
        self.filter: HouseholdFilter | None = None
        self.sort_key = "house"
        self.descending = False
        self.indicator_numbers: list[int] = []
        self.complete = False
        self._ids = array("q")
        self._seed: dict[int, HouseholdRow] = {}
        self._pages: OrderedDict[int, dict[int, HouseholdRow]] = OrderedDict()
        self._generation = 0
        self._size_hint: int | None = None
        self.as_corrected = False  # rows show corrected values (filters and order stay on the imported ones)

    # loading -------------------------------------------------------------------------------------------

    def set_filter(self, flt: HouseholdFilter, size_hint: int | None = None) -> None:
        self.filter = flt
        self._size_hint = size_hint
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self._ids, self._seed, self.complete = array("q"), {}, False
        self._pages.clear()
        first: list[HouseholdRow] | None = None
        if self._first_page_is_cheap(flt, size_hint):
            with self.store.read() as conn:
                first = households.first_page(conn, flt, self.sort_key, self.descending, limit=FIRST_PAGE)
                if self.as_corrected:
                    first = corrections.corrected_rows(conn, first)
            self._ids = array("q", (r.id for r in first))
            self._seed = {r.id: r for r in first}
        self.endResetModel()
        if first is not None and len(first) < FIRST_PAGE:
            self._finish_loading(generation)
            return
        self.loading_changed.emit(True)
        sort, descending, store = self.sort_key, self.descending, self.store

        def fetch_ids(progress, cancel):
            if generation != self._generation:
                return None  # superseded while queued behind another big list: skip the query
            with store.read() as conn:
                return households.ordered_ids(conn, flt, sort, descending)

        self.runner.read(fetch_ids, on_done=lambda ids: self._switch_to(generation, ids),
                         on_error=lambda err: self._failed(generation))

    def _first_page_is_cheap(self, flt: HouseholdFilter, size_hint: int | None) -> bool:
        if size_hint is None or size_hint <= SYNC_LIMIT:
            return True
        return self.sort_key == "house" and flt.status is None and not flt.failed_position and not flt.search.strip()

    def _switch_to(self, generation: int, ids: array) -> None:
        if generation != self._generation or ids is None:
            return  # the filter or sort changed meanwhile
        shown = len(self._ids)
        if shown and len(ids) >= shown and ids[:shown] == self._ids:
            if len(ids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = ids
            self._pages.clear()
            self.endResetModel()
        self._finish_loading(generation)

    def _failed(self, generation: int) -> bool:
        if generation == self._generation:
            self.loading_changed.emit(False)
        return False  # let the runner show the error

    def _finish_loading(self, generation: int) -> None:
        self.complete = True
        self._seed = {} if len(self._ids) > FIRST_PAGE else self._seed
        self.loading_changed.emit(False)
        self.loaded.emit(len(self._ids))

    def reload(self) -> None:
        if self.filter is not None:
            self.set_filter(self.filter, self._size_hint)

    def invalidate_rows(self) -> None:
        """Rows changed in the store (e.g. a status): refetch on demand, keep the list and selection."""
        self._pages.clear()
        self._seed = {}
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def set_as_corrected(self, on: bool) -> None:
        if on != self.as_corrected:
            self.as_corrected = on
            self.invalidate_rows()

    def set_indicator_numbers(self, numbers: list[int]) -> None:
        """Indicator numbers in set order, to name the failed positions of a row's results."""
        self.indicator_numbers = list(numbers)

    # rows ---------------------------------------------------------------------------------------------

    def household_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def row_of(self, hid: int) -> int:
        try:
            return self._ids.index(hid)
        except ValueError:
            return -1

    def household(self, row: int) -> HouseholdRow | None:
        hid = self.household_id(row)
        if hid is None:
            return None
        if hid in self._seed:
            return self._seed[hid]
        return self._page(row // PAGE).get(hid)

    def _page(self, page: int) -> dict[int, HouseholdRow]:
        found = self._pages.get(page)
        if found is not None:
            self._pages.move_to_end(page)
            return found
        ids = list(self._ids[page * PAGE:(page + 1) * PAGE])
        with self.store.read() as conn:
            rows = households.rows_by_ids(conn, ids)
            if self.as_corrected:
                rows = corrections.corrected_rows(conn, rows)
        found = {r.id: r for r in rows}
        self._pages[page] = found
        while len(self._pages) > CACHE_PAGES:
            self._pages.popitem(last=False)
        return found

    def failed_numbers(self, row: HouseholdRow) -> list[int]:
        numbers = self.indicator_numbers
        return [numbers[i] if i < len(numbers) else i + 1 for i, ch in enumerate(row.results) if ch == "F"]

    # Qt model interface -------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, ID_ROLE):
            return None
        row = self.household(index.row())
        if row is None:
            return None
        key = self.columns[index.column()].key
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.columns[index.column()].numeric:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return FAILED_COLOUR if key == "failed" and row.n_failed else None
        return self._display(row, key)

    def _display(self, row: HouseholdRow, key: str) -> str:
        if key == "house":
            return row.house_no
        if key == "village":
            return str(int(str(row.village)[-2:]))
        if key == "house_code":
            return row.house_code
        if key == "head":
            return row.head_name
        if key == "members":
            return f"{row.n_members:,}"
        if key == "income_pp":
            return f"{row.income_pp:,}"
        if key == "failed":
            return str(row.n_failed)
        return labels.status_name(row.status)

    def _tooltip(self, row: HouseholdRow, key: str) -> str | None:
        if key == "village":
            return tr("Village code %1").replace("%1", str(row.village))
        if key != "failed":
            return None
        numbers = self.failed_numbers(row)
        if not numbers:
            return tr("Passes every indicator that applies")
        return tr("Failed indicators: %1").replace("%1", ", ".join(map(str, numbers)))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.reload()
