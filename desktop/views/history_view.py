"""The "ประวัติ" tab of the detail pane: each import version and each correction or revert of a household,
newest last, with date (พ.ศ.), who, reason and a field-by-field before → after. A correction can be
reverted ("ยกเลิกการแก้ไข…"), the whole set (select its row) or one field (select the field): the view
asks for nothing itself; it emits `revert_requested` with the correction uuids, and
corrections_ui.CorrectionsController asks for the reason and runs corrections.revert in the writer.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import dates
from desktop.models.correction_lists import display_value

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
REVERTED_BRUSH = QBrush(QColor("#777777"))


def tr(text: str) -> str:
    return QCoreApplication.translate("HistoryView", text)


def kind_names() -> dict[str, str]:
    return {"import": tr("Imported"), "correction": tr("Correction"), "revert": tr("Revert"), "status": tr("Status")}


def when_text(value: object) -> str:
    """A timestamp or date (ISO text or datetime) in พ.ศ., with the time when there is one."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            try:
                value = dt.date.fromisoformat(value[:10])
            except ValueError:
                return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        day = dates.thai_date(value.date(), short=True)
        return day if (value.hour, value.minute) == (0, 0) else f"{day} {value:%H:%M}"
    if isinstance(value, dt.date):
        return dates.thai_date(value, short=True)
    return str(value)


@dataclass
class Diff:
    field: str
    label: str
    member_seq: int | None
    before: str
    after: str
    uuid: str = ""  # the field's correction (revertible while active)
    status: str = ""


@dataclass
class Entry:
    kind: str  # import / correction / revert
    at: str
    who: str = ""
    reason: str = ""
    status: str = ""
    version: int | None = None
    diffs: list[Diff] = field(default_factory=list)

    @property
    def active_uuids(self) -> list[str]:
        return [d.uuid for d in self.diffs if d.uuid and d.status != "reverted"]


def history_entries(conn, found) -> list[Entry]:
    """The household's timeline from corrections.history(), each correction's fields with their own uuid and
    status (from corrections.corrections_of) so that they can be reverted."""
    from desktop.models import corrections

    states = {(st.set_uuid, st.member_seq, st.field): st for st in corrections.corrections_of(conn, found.id)}
    return [_from_api(e, states) for e in corrections.history(conn, found.id)]


def _who(officer: object) -> str:
    """The officer profile (JSON text) as a name."""
    if not officer:
        return ""
    try:
        data = json.loads(officer) if isinstance(officer, str) else officer
    except ValueError:
        return str(officer)
    return str(data.get("name") or "") if isinstance(data, dict) else str(data)


def _shown(name: str, value: str) -> str:
    return display_value(name, value)


def _from_api(e, states: dict) -> Entry:
    """A corrections.history() entry (kinds import / correct / revert / status) for the view."""
    kind = {"correct": "correction"}.get(e.kind, e.kind)
    diffs = []
    for d in e.diffs or []:
        state = states.get((e.uuid, d.member_seq, d.field)) if kind == "correction" else None
        diffs.append(Diff(d.field, d.label, d.member_seq, _shown(d.field, d.before), _shown(d.field, d.after),
                          state.uuid if state else "", state.status if state else ""))
    status = e.status or ""
    if kind == "correction":
        found = {d.status for d in diffs if d.status}
        status = found.pop() if len(found) == 1 else ""
    return Entry(kind, e.at, _who(e.officer), e.reason or "", status, e.version, diffs)


def _text(value: object) -> str:
    if value is None or value == "":
        return "–"
    return str(value)


class HistoryView(QWidget):
    revert_requested = Signal(object)  # list of correction uuids (a whole set, or one field)

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyView")
        self.entries: list = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyTree")
        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setHeaderLabels([tr("Date / field"), tr("Event / before"), tr("By / after"), tr("Reason")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.revert_button = QPushButton(tr("Revert correction…"), self)
        self.revert_button.setObjectName("revertButton")
        self.revert_button.setToolTip(tr("Undo the selected correction; you will be asked for the reason"))
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self._revert_clicked)
        self.locked = ""  # why corrections cannot be reverted now (a certification covers the household)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_button())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def clear(self) -> None:
        self.entries = []
        self.tree.clear()
        self._update_button()

    def fill(self, entries: list) -> None:
        """`entries`: history_entries() in time order."""
        self.entries = list(entries)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        names = kind_names()
        for entry in self.entries:
            kind = entry.kind
            event = names.get(kind, kind)
            if kind == "import" and entry.version is not None:
                event = tr("Imported (version %1)").replace("%1", str(entry.version))
            if kind in ("correction", "status") and entry.status:
                event += f" · {status_name(entry.status)}"
            item = QTreeWidgetItem(self.tree, [when_text(entry.at), event, entry.who, entry.reason])
            item.setFont(1, bold)
            item.setToolTip(3, entry.reason)
            item.setData(0, UUID_ROLE, entry.active_uuids)
            for diff in entry.diffs:
                label = diff.label
                if diff.member_seq is not None:
                    label = tr("Member %1: %2").replace("%1", str(diff.member_seq)).replace("%2", label)
                child = QTreeWidgetItem(item, [label, _text(diff.before), "→ " + _text(diff.after), ""])
                child.setData(0, UUID_ROLE, [diff.uuid] if diff.uuid and diff.status != "reverted" else [])
                if diff.status == "reverted":
                    child.setText(3, status_name("reverted"))
                    for column in range(self.COLUMNS):
                        child.setForeground(column, REVERTED_BRUSH)
        self.tree.expandAll()
        self._fit_columns()
        if self.tree.topLevelItemCount():
            self.tree.scrollToItem(self.tree.topLevelItem(self.tree.topLevelItemCount() - 1))
        self._update_button()

    def _fit_columns(self) -> None:
        """Each column as wide as its widest text (measured: Qt's own hint is short for indented Thai rows)."""
        metrics = self.tree.fontMetrics()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        for column in range(self.COLUMNS - 1):
            widest = self.tree.header().fontMetrics().horizontalAdvance(self.tree.headerItem().text(column)) + 8
            for i in range(self.tree.topLevelItemCount()):
                top = self.tree.topLevelItem(i)
                m = bold_metrics if column == 1 else metrics
                widest = max(widest, m.horizontalAdvance(top.text(column)) + (self.tree.indentation() if column == 0 else 0))
                for c in range(top.childCount()):
                    indent = 2 * self.tree.indentation() if column == 0 else 0
                    widest = max(widest, metrics.horizontalAdvance(top.child(c).text(column)) + indent)
            self.tree.setColumnWidth(column, widest + 16)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override; sizes need the laid-out viewport
        super().showEvent(event)
        self._fit_columns()

    def select_entry(self, row: int) -> None:
        self.tree.setCurrentItem(self.tree.topLevelItem(row))

    def events_text(self) -> list[str]:
        """Each top-level row's event column (tests)."""
        return [self.tree.topLevelItem(i).text(1) for i in range(self.tree.topLevelItemCount())]

    def _selected_uuids(self) -> list[str]:
        item = self.tree.currentItem()
        return list(item.data(0, UUID_ROLE) or []) if item is not None else []

    def _update_button(self) -> None:
        self.revert_button.setEnabled(bool(self._selected_uuids()) and not self.locked)

    def _revert_clicked(self) -> None:
        uuids = self._selected_uuids()
        if uuids:
            self.revert_requested.emit(uuids)


def status_names() -> dict[str, str]:
    return {"recorded": tr("recorded"), "sent": tr("sent"), "confirmed": tr("confirmed"),
            "not_applied": tr("not applied"), "reverted": tr("reverted")}


def status_name(status: str) -> str:
    return status_names().get(status, status)
