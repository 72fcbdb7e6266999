"""The tables inside the detail pane: members, income and expense, indicator results by category."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from desktop.models import dates, engine, thaiid
from desktop.models.households import HouseholdDetail, Member
from desktop.models.indicators import IndicatorSet
from desktop.views import labels

SEQ_ROLE = Qt.ItemDataRole.UserRole + 1
PID_COLUMN = 2


def tr(text: str) -> str:
    return QCoreApplication.translate("DetailTables", text)


def _item(text: object, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _read_only(table: QTableWidget | QTreeWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)


class MembersTable(QTableWidget):
    def __init__(self, parent=None):
        headers = [tr("No."), tr("Name"), tr("National ID"), tr("Sex"), tr("Age"), tr("Birth date (B.E.)"),
                   tr("Relation"), tr("Education"), tr("Occupation"), tr("Health")]
        super().__init__(0, len(headers), parent)
        self.setObjectName("membersTable")
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        _read_only(self)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def fill(self, members: list[Member]) -> None:
        self.setRowCount(len(members))
        for row, m in enumerate(members):
            health = labels.health_name(m.health)
            if m.health == "D" and not m.self_reliant:
                health += " " + tr("(not self-reliant)")
            cells = [_item(m.seq, True), _item(m.full_name), _item(thaiid.masked(m.pid)), _item(labels.sex_name(m.sex)),
                     _item(m.age, True), _item(dates.be_date(m.birth_date)), _item(m.relation), _item(m.education),
                     _item(m.occupation), _item(health)]
            cells[0].setData(SEQ_ROLE, m.seq)
            cells[PID_COLUMN].setToolTip(tr("ID hidden; use “Show ID” (the reveal is recorded in the audit log)"))
            for column, cell in enumerate(cells):
                self.setItem(row, column, cell)
        if members:
            self.selectRow(0)

    def selected_seq(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return self.item(rows[0].row(), 0).data(SEQ_ROLE)

    def show_full_id(self, seq: int, pid: str) -> None:
        for row in range(self.rowCount()):
            if self.item(row, 0).data(SEQ_ROLE) == seq:
                cell = self.item(row, PID_COLUMN)
                cell.setText(thaiid.formatted(pid))
                cell.setToolTip(tr("Full ID shown; this was recorded in the audit log"))

    def id_text(self, seq: int) -> str:
        for row in range(self.rowCount()):
            if self.item(row, 0).data(SEQ_ROLE) == seq:
                return self.item(row, PID_COLUMN).text()
        return ""


class MoneyTable(QTableWidget):
    """Income and expense components, totals, per person, and the income threshold of the year."""

    def __init__(self, parent=None):
        super().__init__(0, 2, parent)
        self.setObjectName("moneyTable")
        self.setHorizontalHeaderLabels([tr("Item"), tr("Baht per year")])
        self.verticalHeader().hide()
        _read_only(self)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def fill(self, detail: HouseholdDetail) -> None:
        rows: list[tuple[str, int | None, bool]] = [(tr("Income"), None, True)]
        rows += [(name, detail.income.get(key, 0), False) for key, name in labels.income_names().items()]
        total_income = sum(detail.income.values())
        rows.append((tr("Total income"), total_income, True))
        rows.append((tr("Income per person"), detail.income_pp, True))
        if detail.threshold is not None:
            rows.append((tr("Threshold per person (this survey year)"), detail.threshold, False))
        rows.append((tr("Expense"), None, True))
        rows += [(name, detail.expense.get(key, 0), False) for key, name in labels.expense_names().items()]
        total_expense = sum(detail.expense.values())
        rows.append((tr("Total expense"), total_expense, True))
        n = len(detail.members)
        rows.append((tr("Expense per person"), total_expense // n if n else 0, True))
        self.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (name, value, strong) in enumerate(rows):
            left, right = _item(name), _item(labels.baht(value), True)
            if strong:
                left.setFont(bold)
                right.setFont(bold)
            self.setItem(row, 0, left)
            self.setItem(row, 1, right)
        if detail.threshold is not None and detail.income_pp < detail.threshold:
            for row, (name, _v, _s) in enumerate(rows):
                if name == tr("Income per person"):
                    self.item(row, 1).setForeground(QBrush(labels.result_colour(engine.FAIL)))


def answer_text(result: engine.IndicatorResult, income_pp: int) -> str:
    ind = result.indicator
    if ind.rule == "income":
        return tr("%1 baht/person").replace("%1", f"{income_pp:,}")
    shown = []
    for code, raw in result.answers.items():
        if code.endswith("t"):
            continue
        if raw == "-":
            value = "–"
        elif ind.unit == "household":
            value = tr("Yes") if raw == "1" else tr("No") if raw == "0" else raw
        else:
            count = engine.decode_count(raw)
            value = str(count) if count is not None else raw
        shown.append(value if len(result.answers) == 1 else f"{code}: {value}")
    return ", ".join(shown)


class _WrappedText(QStyledItemDelegate):
    """Row height for text wrapped at the column's current width (QTreeView measures one line only)."""

    def sizeHint(self, option, index):  # noqa: N802 - Qt override
        base = super().sizeHint(option, index)
        width = self.parent().columnWidth(index.column()) - 8
        text = index.data() or ""
        if width <= 20 or not text:
            return base
        lines = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(base.width(), max(base.height(), lines.height() + 4))


class IndicatorTree(QTreeWidget):
    """Results grouped by category: number, wording, result (coloured), target, failing, answer."""

    COLUMNS = 6
    RESULT, ANSWER = 2, 5

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("indicatorTree")
        self.setColumnCount(self.COLUMNS)
        self.setHeaderLabels([tr("Item no."), tr("Indicator"), tr("Result"), tr("Target"), tr("Failing"), tr("Answer")])
        _read_only(self)
        self.setRootIsDecorated(False)
        self.setIndentation(8)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)  # the wording wraps in a narrow pane instead of being cut to a few characters
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.ANSWER, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(self.ANSWER, 70)
        self.setItemDelegateForColumn(1, _WrappedText(self))
        header.sectionResized.connect(lambda *_args: self.scheduleDelayedItemsLayout())  # wrapped rows re-measure

    def fill(self, detail: HouseholdDetail, ind_set: IndicatorSet | None, lang: str = "th") -> None:
        self.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        categories = {c.no: c for c in ind_set.categories} if ind_set else {}
        for result in detail.results:
            ind = result.indicator
            group = groups.get(ind.category)
            if group is None:
                cat = categories.get(ind.category)
                title = (cat.name_en if lang == "en" and cat.name_en else cat.name_th) if cat else str(ind.category)
                group = QTreeWidgetItem(self, [tr("Category %1: %2").replace("%1", str(ind.category)).replace("%2", title)])
                group.setFirstColumnSpanned(True)
                group.setFont(0, bold)
                groups[ind.category] = group
            applies = result.status != engine.NOT_APPLICABLE
            answer = answer_text(result, detail.income_pp)
            item = QTreeWidgetItem(group, [
                str(ind.no), ind.name(lang), labels.result_name(result.status),
                str(result.target) if applies else "", str(result.failing) if applies else "", answer,
            ])
            item.setToolTip(1, ind.name(lang))
            item.setToolTip(self.ANSWER, answer)
            item.setForeground(self.RESULT, QBrush(labels.result_colour(result.status)))
            if result.status == engine.FAIL:
                item.setFont(self.RESULT, bold)
            for column in (0, 3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.expandAll()

    def results_text(self) -> dict[int, str]:
        """{indicator number: result name} (tests, copy)."""
        out = {}
        for g in range(self.topLevelItemCount()):
            group = self.topLevelItem(g)
            for c in range(group.childCount()):
                child = group.child(c)
                out[int(child.text(0))] = child.text(self.RESULT)
        return out
