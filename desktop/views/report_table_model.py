"""One ReportTable (desktop/reports/model.py) as a read-only Qt table model (its view: report_table_view.py).

GROUP rows (a หมวด heading) are bold and span the table; TOTAL rows are bold; numbers are right-aligned
with thousands separators, percentages with one decimal. `drill_target` says what a double-click on a
cell stands for: the households failing an indicator in an area, or one household.
"""

from __future__ import annotations

import re
import textwrap

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.reports import numbers
from desktop.reports.model import DATA, DECIMAL, GROUP, INT, MONEY, PCT, TOTAL, Column, ReportTable

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's drill-down key (a dict)
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value
GROUP_BACKGROUND = QColor("#e8eef7")
TOTAL_BACKGROUND = QColor("#f0f0f0")
DRILL_FOREGROUND = QColor("#0b57d0")
NUMERIC = (INT, PCT, MONEY, DECIMAL)
# a column that stands for one indicator in an areas × indicators table: "ind29", "i_29", "29", "fail_29" …
INDICATOR_COLUMN = re.compile(r"^(?:ind(?:icator)?|i|no|fail(?:ed)?)?[_-]?(\d{1,3})$")
HOUSEHOLD_KEYS = ("household", "household_id", "hid")

HEADER_LINE = 24  # a long column heading wraps at spaces, so its figures stay narrow enough to see


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportTable", text)


def format_value(value, kind: str) -> str:
    """As on paper: rounded once from the exact figure (desktop/reports/numbers.py)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if kind in NUMERIC:
        return numbers.text(value, kind)
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def column_indicator(column: Column) -> int | None:
    """The indicator number a column stands for in an areas × indicators table, else None."""
    found = INDICATOR_COLUMN.match(column.key)
    return int(found.group(1)) if found and column.kind in (INT, PCT) else None


def is_failing_column(column: Column) -> bool:
    text = f"{column.key} {column.group} {column.label} {column.label_en}".lower()
    return "fail" in text or "ไม่ผ่าน" in text


def _failing_count(table: ReportTable, row: int) -> float | None:
    for col, column in enumerate(table.columns):
        if column.kind == INT and is_failing_column(column) and col < len(table.rows[row]):
            value = table.rows[row][col]
            return value if isinstance(value, (int, float)) else None
    return None


def drill_target(table: ReportTable, row: int, column: int) -> dict | None:
    """What double-clicking a cell asks for: {"area", "indicator"} or {"area", "household"}; None if nothing.

    An indicator row (key with "area" and "indicator") drills from any cell unless nobody fails it; in an
    areas × indicators table (key with "area" only) the column names the indicator; a household row
    (key with "household") drills to that household.
    """
    if not (0 <= row < len(table.rows)) or not (0 <= column < len(table.columns)):
        return None
    key = table.row_keys[row] if row < len(table.row_keys) else {}
    kind = table.row_kinds[row] if row < len(table.row_kinds) else DATA
    if not key or kind == GROUP:
        return None
    hid = next((key[k] for k in HOUSEHOLD_KEYS if key.get(k) is not None), None)
    if hid is not None:
        return {"area": key.get("area"), "household": int(hid)}
    if not key.get("area"):
        return None
    if key.get("indicator") is not None:
        if _failing_count(table, row) == 0:
            return None
        return {"area": str(key["area"]), "indicator": int(key["indicator"])}
    number = column_indicator(table.columns[column])
    value = table.rows[row][column] if column < len(table.rows[row]) else None
    if number is None or not isinstance(value, (int, float)) or not value:
        return None
    return {"area": str(key["area"]), "indicator": number}


def highlighted(table: ReportTable, row: int, column: int) -> bool:
    """Drillable cells that carry the count being drilled into are shown as links (household rows are not:
    a whole list in link colour is hard to read; their tooltip says what a double-click does)."""
    target = drill_target(table, row, column)
    if target is None:
        return False
    col = table.columns[column]
    if "household" in target:
        return False
    return column_indicator(col) is not None or (col.kind == INT and is_failing_column(col))


class ReportTableModel(QAbstractTableModel):
    def __init__(self, table: ReportTable, lang: str = "th", parent=None):
        super().__init__(parent)
        self.table = table
        self.lang = lang
        self._bold = QFont()
        self._bold.setBold(True)
        self._links: dict[tuple[int, int], bool] = {}  # filled as cells are painted

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.table.columns)

    def row_kind(self, row: int) -> str:
        kinds = self.table.row_kinds
        return kinds[row] if row < len(kinds) else DATA

    def group_rows(self) -> list[int]:
        return [r for r in range(len(self.table.rows)) if self.row_kind(r) == GROUP]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.table.columns)):
            return None
        column = self.table.columns[section]
        english = self.lang == "en" and bool(column.label_en)
        label = column.label_en if english else column.label
        group = "" if english else column.group  # the English label says it all ("Passed %"); groups are Thai
        if role == Qt.ItemDataRole.DisplayRole:
            label = "\n".join(textwrap.wrap(label, HEADER_LINE, break_long_words=False)) if len(label) > HEADER_LINE else label
            return f"{group}\n{label}" if group else label
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{group} {label}" if group else label
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        values = self.table.rows[row]
        value = values[col] if col < len(values) else None
        column = self.table.columns[col]
        kind = self.row_kind(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == GROUP:  # the heading spans the row: show its first non-empty text
                return next((str(v) for v in values if v not in (None, "")), "") if col == 0 else ""
            return format_value(value, column.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in NUMERIC and kind != GROUP:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and kind in (GROUP, TOTAL):
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush({GROUP: GROUP_BACKGROUND, TOTAL: TOTAL_BACKGROUND}[kind]) if kind in (GROUP, TOTAL) else None
        if role == Qt.ItemDataRole.ForegroundRole and self._link(row, col):
            return QBrush(DRILL_FOREGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            target = drill_target(self.table, row, col)
            text = value if isinstance(value, str) and len(value) > 12 else ""  # may be elided
            if target and "household" in target:
                return "\n".join(filter(None, [text, tr("Double-click to show this household")]))
            if target:
                return "\n".join(filter(None, [text, tr("Double-click to list these households")]))
            return text or None
        if role == KEY_ROLE:
            return drill_target(self.table, row, col)
        if role == VALUE_ROLE:
            return value
        return None

    def _link(self, row: int, col: int) -> bool:
        found = self._links.get((row, col))
        if found is None:
            found = self._links[(row, col)] = highlighted(self.table, row, col)
        return found

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
