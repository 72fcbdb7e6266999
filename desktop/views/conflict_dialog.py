"""The conflict list: households changed here and on the server (or by another laptop's bundle) on the same
field. For each field: the value both sides started from (base), this laptop's (mine) and the server's
(theirs); the person keeps one side per field or types a merged value. Settling goes through the
SyncController (writer thread); nothing is changed until "Settle" is pressed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import dates
from desktop.models.errors import UserError
from desktop.sync import session, wire
from desktop.sync.messages import msg
from desktop.views import labels
from desktop.views import screen_fit
from desktop.views.buttons import never_on_enter

MINE, THEIRS, TYPED = "mine", "theirs", "typed"
FIELD_COLUMNS = ("field", "base", "mine", "theirs", "use", "value")


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def field_names() -> dict[str, str]:
    return {"status": tr("Review status"), "house_no": tr("House no."), "head_name": tr("Head of household"),
            **labels.income_names(), **labels.expense_names(), "collector": tr("Collector"),
            "survey_date": tr("Survey date"), "village": tr("Village"), "answers": tr("Answers"),
            "members": tr("Members"), "deleted": tr("Removed")}


def show_value(field: str, value, others: tuple = ()) -> str:
    """A field's value as a person reads it; for answers only the codes where the sides differ."""
    if value is None:
        return "–"
    if field == "status":
        return labels.status_name(int(value))
    if field in wire.MONEY:
        return labels.baht(int(value))
    if field == "survey_date":
        try:
            return dates.be_date(str(value))
        except ValueError:
            return str(value)
    if field == "answers" and isinstance(value, dict):
        codes = sorted({c for o in others if isinstance(o, dict) for c in set(o) | set(value)
                        if o.get(c) != value.get(c)})
        return ", ".join(f"{c}={value.get(c, '-')}" for c in codes[:12]) or tr("(same)")
    if field == "members":
        return tr("members %1").replace("%1", str(value)[:8])
    if field == "deleted":
        return tr("removed") if value else tr("kept")
    return str(value)


class ConflictDialog(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.conflicts: list = []
        self.villages: dict[int, str] = {}
        self.setObjectName("conflictDialog")
        self.setWindowTitle(tr("Conflicts waiting for a decision"))
        screen_fit.fit(self, 900, 620)
        self._make_widgets()
        self._layout()

    def _make_widgets(self) -> None:
        self.list_table = QTableWidget(0, 5, self)
        self.list_table.setObjectName("conflictList")
        self.list_table.setHorizontalHeaderLabels([tr("No."), tr("House no."), tr("Head of household"),
                                                   tr("Village"), tr("Fields")])
        self.list_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.list_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list_table.verticalHeader().hide()
        self.list_table.horizontalHeader().setStretchLastSection(True)
        self.list_table.currentCellChanged.connect(lambda row, *_: self.show_conflict(row))
        self.fields_table = QTableWidget(0, len(FIELD_COLUMNS), self)
        self.fields_table.setObjectName("conflictFields")
        self.fields_table.setHorizontalHeaderLabels([tr("Field"), tr("Before (base)"), tr("This laptop (mine)"),
                                                     tr("Server (theirs)"), tr("Keep"), tr("Merged value")])
        self.fields_table.verticalHeader().hide()
        self.fields_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.fields_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.fields_table.horizontalHeader().setStretchLastSection(True)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("conflictMessage")
        self.message_label.setWordWrap(True)
        self.all_mine_button = QPushButton(tr("Keep &mine for all"), self)
        self.all_mine_button.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs_button = QPushButton(tr("Take the ser&ver's for all"), self)
        self.all_theirs_button.clicked.connect(lambda: self.choose_all(THEIRS))
        self.settle_button = QPushButton(tr("&Settle this conflict"), self)
        self.settle_button.setObjectName("settleButton")
        self.settle_button.clicked.connect(self.settle)
        never_on_enter(self.all_mine_button, self.all_theirs_button, self.settle_button)
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.clicked.connect(self.hide)

    def _layout(self) -> None:
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.source_label)
        lower_layout.addWidget(self.fields_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list_table)
        splitter.addWidget(lower)
        splitter.setSizes([220, 380])
        buttons = QHBoxLayout()
        for button in (self.all_mine_button, self.all_theirs_button, self.settle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)

    # the list --------------------------------------------------------------------------------------------

    def reload(self) -> None:
        from desktop.models import areas
        from desktop.sync import conflicts

        with self.controller.window.store.read() as conn:
            self.conflicts = conflicts.list_conflicts(conn)
            self.villages = {}
            for c in self.conflicts:
                village = c.mine.get("village") or c.theirs.get("village")
                path = areas.name_path(conn, str(village)) if village else []
                self.villages[c.id] = f"{village} {path[-1][1]}" if path else str(village or "")
        names = field_names()
        self.list_table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            cells = (str(c.id), c.house_no, c.head_name, self.villages[c.id],
                     ", ".join(names.get(f, f) for f in c.fields))
            for column, value in enumerate(cells):
                self.list_table.setItem(row, column, QTableWidgetItem(value))
        self.list_table.resizeColumnsToContents()
        enabled = bool(self.conflicts)
        for button in (self.all_mine_button, self.all_theirs_button, self.settle_button):
            button.setEnabled(enabled)
        if enabled:
            self.list_table.setCurrentCell(0, 0)  # shows it (currentCellChanged) ...
            self.show_conflict(0)  # ... or shows it again when the first row was already current
        else:
            self.fields_table.setRowCount(0)
            self.source_label.setText("")
            self.message_label.setText(msg("no_conflicts"))

    def current(self):
        row = self.list_table.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def show_conflict(self, row: int) -> None:
        if not 0 <= row < len(self.conflicts):
            return
        c = self.conflicts[row]
        self.source_label.setText(tr("From the server's data") if c.source != "bundle"
                                  else tr("From another laptop's bundle: the server decides at the next sync"))
        self.message_label.setText("")
        names = field_names()
        self.fields_table.setRowCount(0)  # drops the old rows' editors with them
        self.fields_table.setRowCount(len(c.fields))
        for r, (field, sides) in enumerate(c.fields.items()):
            values = (sides.get("base"), sides.get("mine"), sides.get("theirs"))
            cells = [names.get(field, field)] + [show_value(field, v, tuple(o for o in values if o is not v))
                                                  for v in values]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, field)
                self.fields_table.setItem(r, column, item)
            combo = QComboBox()  # owned by the table once set in a cell
            combo.addItem(tr("Mine"), MINE)
            combo.addItem(tr("Server's"), THEIRS)
            if field in wire.SETTABLE:
                combo.addItem(tr("Typed value"), TYPED)
            editor = QLineEdit()
            editor.setEnabled(False)
            raw = sides.get("mine")
            editor.setText("" if raw is None or isinstance(raw, dict) else
                           show_value(field, raw) if field in ("survey_date", "status") else str(raw))
            combo.currentIndexChanged.connect(lambda _i, cb=combo, ed=editor: ed.setEnabled(cb.currentData() == TYPED))
            self.fields_table.setCellWidget(r, 4, combo)
            self.fields_table.setCellWidget(r, 5, editor)

    # deciding --------------------------------------------------------------------------------------------

    def _rows(self):
        for r in range(self.fields_table.rowCount()):
            yield (self.fields_table.item(r, 0).data(Qt.ItemDataRole.UserRole), self.fields_table.cellWidget(r, 4),
                   self.fields_table.cellWidget(r, 5))

    def choose_all(self, side: str) -> None:
        for _field, combo, _editor in self._rows():
            combo.setCurrentIndex(combo.findData(side))

    def choose(self, field: str, side: str, typed: str | None = None) -> None:
        """Choose one field's side (tests and keyboard users); `typed` fills the merged value."""
        for name, combo, editor in self._rows():
            if name == field:
                combo.setCurrentIndex(combo.findData(side))
                if typed is not None:
                    editor.setText(typed)

    def decision(self, conflict) -> dict:
        """{"choice": ...} when one side is kept for every field, else {"values": {field: value}}."""
        picks = [(field, combo.currentData(), editor.text()) for field, combo, editor in self._rows()]
        sides = {side for _f, side, _t in picks}
        if sides in ({MINE}, {THEIRS}):
            return {"choice": sides.pop()}
        values = {}
        for field, side, typed in picks:
            if field not in wire.SETTABLE:
                if side != THEIRS:  # the whole household's answers/members/village: one side only
                    raise UserError(msg("merge_whole_only", field=field_names().get(field, field)))
                continue
            if side == TYPED:
                if field == "status":  # the name as shown, or the code
                    typed = {name: str(code) for code, name in labels.status_names().items()}.get(typed.strip(), typed)
                values[field] = session.parse_value(field, typed, field_names().get(field, field))
            else:
                values[field] = conflict.fields[field].get("mine" if side == MINE else "theirs")
        return {"values": values}

    def settle(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        try:
            decision = self.decision(conflict)
        except UserError as err:
            self.message_label.setText(err.message)
            return
        self.settle_button.setEnabled(False)
        self.controller.resolve(conflict.id, self._settled, self._failed, **decision)

    def _settled(self, _events) -> None:
        self.reload()
        if self.conflicts:
            self.message_label.setText(tr("Settled. %1 more waiting.").replace("%1", f"{len(self.conflicts):,}"))

    def _failed(self, text: str) -> None:
        self.settle_button.setEnabled(True)
        self.message_label.setText(text)
