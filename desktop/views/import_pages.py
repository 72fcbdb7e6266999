"""The import wizard's tables: column mapping of a foreign table, the per-village preview, the problem list
and the list of warnings (unusual values the officer confirms)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.importers import columns as C
from desktop.importers import mapping


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportPages", text)


def _item(text: object, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(f"{text:,}" if number and isinstance(text, int) else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _fit(table: QTableWidget, stretch: int) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)


class MappingTable(QWidget):
    """One table of a file whose headers are not ours: each column of the file with its first values,
    and what it is, chosen from a list of every column of ours and every indicator answer of the
    survey year's layout (the app's proposal preselected), or not imported; the kind of table; the
    profile's name. The lists come from mapping.choices; the page only shows and edits the choice."""

    def __init__(self, table: mapping.ForeignTable, parent=None):
        super().__init__(parent)
        self.source = table
        self.labels = table.header.labels
        self.kind = table.kind
        text = tr("%1: the header is row %2. Choose, for each column of the file, which column of ours or which"
                  " indicator answer it holds.").replace("%1", table.label).replace("%2", str(table.header.row))
        if not table.recognised:
            text += " " + tr("No column name was recognised: check that this row is the header.")
        title = QLabel(text, self)
        title.setWordWrap(True)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("mappingKind")
        self.kind_combo.addItem(tr("household table"), C.HOUSEHOLD)
        self.kind_combo.addItem(tr("member table"), C.MEMBER)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(table.kind))
        kind_label = QLabel(tr("&Table holds:"), self)
        kind_label.setBuddy(self.kind_combo)
        shown = len(table.rows)
        self.table = QTableWidget(len(self.labels), shown + 2, self)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels(
            [tr("Column in the file")] + [tr("Row %1").replace("%1", str(table.header.row + 1 + i)) for i in range(shown)]
            + [tr("Our column")])
        self.combos: list[QComboBox] = []
        for pos, label in enumerate(self.labels):
            self.table.setItem(pos, 0, _item(label))
            for i, row in enumerate(table.rows):
                self.table.setItem(pos, 1 + i, _item(row[pos] if pos < len(row) else ""))
            combo = QComboBox(self.table)
            combo.setObjectName(f"mappingColumn{pos}")
            self.table.setCellWidget(pos, shown + 1, combo)
            self.combos.append(combo)
        self._fill_choices(table.proposal)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        _fit(self.table, 0)
        self.name_edit = QLineEdit(table.label, self)
        self.name_edit.setObjectName("profileName")
        name_label = QLabel(tr("Na&me of this mapping (used again for files with the same headers):"), self)
        name_label.setBuddy(self.name_edit)
        kind_row = QHBoxLayout()
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.kind_combo)
        kind_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(kind_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(name_label)
        layout.addWidget(self.name_edit)

    def _fill_choices(self, selected: dict[int, str]) -> None:
        entries = [("", tr("— not imported —"))]
        known = set()
        for choice in mapping.choices(self.kind, self.source.survey_year()):
            known.add(choice.value)
            if choice.value.startswith(C.ANSWER_PREFIX):
                text = (tr("Indicator %1 (target persons): %2") if choice.target else tr("Indicator %1: %2"))
                entries.append((choice.value, text.replace("%1", choice.code).replace("%2", choice.text)))
            else:
                entries.append((choice.value, f"{choice.text} ({choice.code})"))
        for value in sorted(set(selected.values()) - known, key=_answer_order):  # answers of another year's layout
            entries.append((value, tr("Indicator %1").replace("%1", value[len(C.ANSWER_PREFIX):])))
        for pos, combo in enumerate(self.combos):
            combo.blockSignals(True)
            combo.clear()
            for value, shown in entries:
                combo.addItem(shown, value)
            combo.setCurrentIndex(max(combo.findData(selected.get(pos, "")), 0))
            combo.blockSignals(False)

    def _kind_changed(self, _index: int) -> None:
        self.kind = self.kind_combo.currentData()
        self._fill_choices(self.source.proposal if self.kind == self.source.kind else {})

    def chosen(self) -> dict[int, str]:
        return {pos: combo.currentData() for pos, combo in enumerate(self.combos) if combo.currentData()}

    def profile(self) -> mapping.Profile:
        return mapping.profile_from(self.name_edit.text().strip() or "mapping", self.kind, self.labels, self.chosen())


def _answer_order(code: str) -> tuple:
    digits = code[len(C.ANSWER_PREFIX):].split(".")
    return tuple(int("".join(ch for ch in d if ch.isdigit()) or 0) for d in digits), code


class VillageTable(QTableWidget):
    """The preview: one row per village; the last-but-one column is the "whole village" tick."""

    WHOLE = 6

    def __init__(self, parent=None):
        super().__init__(0, 8, parent)
        self.setObjectName("previewTable")
        self.setHorizontalHeaderLabels([tr("Village"), tr("Name"), tr("Added"), tr("Changed"), tr("Unchanged"),
                                        tr("Not in the file"), tr("File is the whole village"), tr("Note")])
        _fit(self, 1)
        self.codes: list[str] = []

    def show_rows(self, rows) -> None:
        self.setRowCount(len(rows))
        self.codes = [r.code for r in rows]
        for i, r in enumerate(rows):
            for col, value in enumerate((r.code, r.name, r.added, r.changed, r.unchanged, r.missing)):
                self.setItem(i, col, _item(value, number=col >= 2))
            whole = QTableWidgetItem(tr("move %1 to history").replace("%1", f"{r.missing:,}") if r.missing else "")
            whole.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled if r.missing
                           else Qt.ItemFlag.ItemIsEnabled)
            if r.missing:
                whole.setCheckState(Qt.CheckState.Unchecked)
            self.setItem(i, self.WHOLE, whole)
            note = tr("New village: check the code") if r.new_village else (
                tr("%1 kept").replace("%1", f"{r.missing:,}") if r.missing else "")
            self.setItem(i, 7, _item(note))

    def whole_villages(self) -> frozenset[int]:
        return frozenset(int(code) for i, code in enumerate(self.codes)
                         if self.item(i, self.WHOLE).checkState() == Qt.CheckState.Checked)


WRAPPED_ROWS = 300  # beyond this, rows keep one line (sizing each costs time); the tooltip has the text


class ProblemTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 5, parent)
        self.setObjectName("problemTable")
        self.setHorizontalHeaderLabels([tr("File"), tr("Row"), tr("Column"), tr("Value"), self._last_header()])
        _fit(self, 4)
        self.setWordWrap(True)

    def _last_header(self) -> str:
        return tr("Problem")

    def show_problems(self, problems) -> None:
        self.setRowCount(len(problems))
        for i, p in enumerate(problems):
            for col, value in enumerate((p.file, "" if p.row is None else p.row, p.column, p.value, p.message)):
                item = _item(value)
                item.setToolTip(str(value))
                self.setItem(i, col, item)
        # a few rows show the whole explanation, wrapped, and keep fitting it when the page is laid out
        mode = QHeaderView.ResizeMode.ResizeToContents if len(problems) <= WRAPPED_ROWS else QHeaderView.ResizeMode.Interactive
        self.verticalHeader().setSectionResizeMode(mode)


class WarningTable(ProblemTable):
    """The warnings: values that are unusual but may be right, listed like problems."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("warningTable")

    def _last_header(self) -> str:
        return tr("Warning: what to check")
