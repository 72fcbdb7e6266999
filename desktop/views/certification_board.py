"""The certification status board (a centre tab): for a district or province, each child area certified,
stale (changed since certified), re-opened or missing, when and by whom; below, the households of the selected
certification that changed since, with their field-level differences."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.models.dates import be_date


def tr(text: str) -> str:
    return QCoreApplication.translate("Certification", text)


def state_labels() -> dict[str, str]:
    return {"certified": tr("Certified"), "stale": tr("Changed since certified"),
            "reopened": tr("Re-opened: certify again"), "missing": tr("Not certified")}


STATE_COLOURS = {"certified": "#e6f4ea", "stale": "#fde2cf", "reopened": "#fff4ce", "missing": "#f1f1f1"}


class CertificationBoard(QWidget):
    """Fill with show_rows(rows) (desktop.certify.check.BoardRow); `selected(uuid)` asks for a certification's
    changes, which come back through show_changes(check)."""

    selected = Signal(str)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("certificationBoard")
        self.rows = []
        self.title = QLabel(self)
        self.title.setObjectName("boardTitle")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("boardCounts")
        refresh = QPushButton(tr("&Refresh"), self)
        refresh.clicked.connect(self.refresh_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.counts_label)
        top.addWidget(refresh)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("boardTable")
        self.table.setHorizontalHeaderLabels([tr("Code"), tr("Area"), tr("State"), tr("Certified on"), tr("By"),
                                              tr("Short code"), tr("Households changed"), tr("Province server")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.changes = QTreeWidget(self)
        self.changes.setObjectName("changesTree")
        self.changes.setHeaderLabels([tr("Household / field"), tr("Certified"), tr("Now"), tr("When")])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.changes)
        split.setSizes([400, 250])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def show_rows(self, title: str, rows, counts: dict[str, int]) -> None:
        labels = state_labels()
        self.rows = rows
        self.title.setText(f"<b>{title}</b>")
        self.counts_label.setText(tr("Certified %1 of %2 · changed since %3").replace("%1", str(counts["certified"]))
                                  .replace("%2", str(sum(counts.values()))).replace("%3", str(counts["stale"])))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cert = row.certification
            by = cert.officer.get("name", "") if cert else ""
            server = {"accepted": tr("verified"), "needs_recheck": tr("needs re-check")}.get(row.verification, "")
            if cert is not None and cert.foreign and not server:
                server = tr("not yet verified")
            values = (row.code, row.name, labels[row.state], be_date(cert.certified_at[:10]) if cert else "", by,
                      cert.short_code if cert else "", f"{row.changed:,}" if row.changed else "", server)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setBackground(QColor(STATE_COLOURS[row.state]))
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.changes.clear()

    def state_of(self, code: str) -> str | None:
        return next((row.state for row in self.rows if row.code == code), None)

    def _selection_changed(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        self.changes.clear()
        if picked:
            row = self.rows[picked[0].row()]
            if row.certification is not None:
                self.selected.emit(row.certification.uuid)

    def show_changes(self, check) -> None:
        """desktop.certify.check.Check: one item per changed household, its field differences below it."""
        from desktop.certify.check import CHANGE_LABELS

        self.changes.clear()
        if not check.changed:
            QTreeWidgetItem(self.changes, [tr("No record changed since it was certified.")])
            return
        for hh in check.changed:
            head = QTreeWidgetItem(self.changes, [f"{CHANGE_LABELS[hh.change]} · {tr('house no.')} {hh.house_no}"
                                                  f" · {hh.village} · {hh.household_id}"])
            for at, kind, label, seq, old, new in hh.diffs:
                who = f"{tr('member')} {seq} · " if seq is not None else ""
                QTreeWidgetItem(head, [f"{who}{label} ({kind})", old, new, be_date(at[:10]) if at else ""])
            if hh.note:
                QTreeWidgetItem(head, [hh.note])
            head.setExpanded(True)
        self.changes.resizeColumnToContents(0)
