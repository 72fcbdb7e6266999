"""The import wizard's tables: column mapping of a foreign table, the per-village preview, the problem list
and the list of warnings (unusual values the officer confirms)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
    """One table of a file whose headers are not ours: each header cell, an example value, and our
    column chosen from a list (the app's proposal preselected); the profile's name."""

    def __init__(self, label: str, header: mapping.Header, kind: str, proposal: dict[int, str],
                 examples: list[str], parent=None):
        super().__init__(parent)
        self.kind, self.labels = kind, header.labels
        kind_name = tr("household table") if kind == C.HOUSEHOLD else tr("member table")
        title = QLabel(tr("%1 (%2): the header is row %3. Choose our column for each column of the file.")
                       .replace("%1", label).replace("%2", kind_name).replace("%3", str(header.row)), self)
        title.setWordWrap(True)
        self.table = QTableWidget(len(self.labels), 3, self)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([tr("Column in the file"), tr("First value"), tr("Our column")])
        choices = [("", tr("— not used —"))] + [(c.name, f"{c.th} ({c.name})") for c in C.COLUMNS[kind]]
        answers = sorted({v for v in proposal.values() if v.startswith(C.ANSWER_PREFIX)}, key=_answer_order)
        choices += [(code, code) for code in answers]
        self.combos: list[QComboBox] = []
        for pos, text in enumerate(self.labels):
            self.table.setItem(pos, 0, _item(text))
            self.table.setItem(pos, 1, _item(examples[pos] if pos < len(examples) else ""))
            combo = QComboBox(self.table)
            for value, shown in choices:
                combo.addItem(shown, value)
            combo.setCurrentIndex(max(combo.findData(proposal.get(pos, "")), 0))
            self.table.setCellWidget(pos, 2, combo)
            self.combos.append(combo)
        _fit(self.table, 0)
        self.name_edit = QLineEdit(label, self)
        self.name_edit.setObjectName("profileName")
        name_label = QLabel(tr("Na&me of this mapping (used again for files with the same headers):"), self)
        name_label.setBuddy(self.name_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(name_label)
        layout.addWidget(self.name_edit)

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
        if len(problems) <= WRAPPED_ROWS:
            self.resizeRowsToContents()  # the whole explanation, wrapped


class WarningTable(ProblemTable):
    """The warnings: values that are unusual but may be right, listed like problems."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("warningTable")

    def _last_header(self) -> str:
        return tr("Warning: what to check")
