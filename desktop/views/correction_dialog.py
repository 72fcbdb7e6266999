"""Correcting one household (ปรับปรุงแก้ไขข้อมูล): every correctable field with its value as corrected so far,
editable; changed fields highlighted; undo/redo of the edits before saving; a reason (required) and
optional evidence files. Save sends all changed fields as one correction set through the runner's writer
(desktop.models.corrections.record); a CorrectionError keeps the dialog open with its Thai message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QIcon, QKeySequence, QPixmap, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.changes import CORRECTION
from desktop.models import dates, thaiid
from desktop.models.errors import UserError
from desktop.views import file_dialogs, labels, screen_fit

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3  # the code behind a choice shown by name
CHANGED_BRUSH = QBrush(QColor("#fff1b8"))
ERROR_STYLE = ("QLabel { background: #fde7e9; color: #8a1c1c; border: 1px solid #e0a0a0; border-radius: 4px;"
               " padding: 4px 8px; }")
THUMB = 56
DEFAULT_REASONS = ("ผู้ใหญ่บ้านยืนยันในเวทีประชาคม", "เอกสารทะเบียนบ้าน", "บัตรประจำตัวประชาชน", "สอบถามครัวเรือนซ้ำ",
                   "ข้อมูลบันทึกผิดพลาด")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp"}


def tr(text: str) -> str:
    return QCoreApplication.translate("CorrectionDialog", text)


@dataclass
class EditRow:
    """One correctable value on the form; `key` is (field, member_seq or None)."""

    field: str
    member_seq: int | None
    group: str
    label: str
    kind: str
    value: str  # as shown and typed (dates in dd/mm/พ.ศ.); "" for an ID (typing one replaces it)
    shown: str = ""  # the current value column (a masked ID); defaults to value
    choices: tuple[str, ...] = ()  # allowed codes (a drop-down); empty: free text

    @property
    def key(self) -> tuple[str, int | None]:
        return self.field, self.member_seq


def shown_value(kind: str, value: object) -> str:
    if value is None:
        return ""
    if kind == "date" and isinstance(value, (str, dt.date)):
        try:
            return dates.be_date(str(value))
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def choice_name(field: str, code: str) -> str:
    """A choice code as the officer reads it, with the code kept visible: "หญิง (F)", "ใช่ (1)"."""
    if code == "":
        return tr("(no answer)")
    if field == "sex":
        name = labels.sex_name(code)
    elif field == "health":
        name = labels.health_name(code)
    else:  # yes/no fields and indicator answers
        name = {"1": tr("Yes"), "0": tr("No")}.get(code, code)
    return name if name == code else f"{name} ({code})"


def stored_value(kind: str, text: str) -> str:
    """What the form sends: dates back to ISO when they parse (else as typed, for record() to reject)."""
    text = text.strip()
    if kind == "date" and text:
        try:
            return dates.parse_date(text).isoformat()
        except (ValueError, TypeError):
            return text
    return text


def load_rows(conn, household_id: int) -> list[EditRow]:
    """The form's rows, values as corrected so far: household fields, each member's, indicator answers."""
    from desktop.models import corrections, surveys

    found = corrections.corrected_values(conn, household_id)
    if found is None:
        return []
    household, members = found
    layout = surveys.get(conn, household["survey_year"]).layout
    value = corrections.raw_value  # the API's own text form of a stored value (answers decoded)
    rows = []
    group = tr("Household")
    for spec in corrections.FIELDS.values():
        if not spec.member:
            rows.append(EditRow(spec.name, None, group, spec.label, spec.kind, value(household, spec.name, layout),
                                choices=spec.choices))
    for seq, member in members.items():
        name = " ".join(p for p in (member.get("title"), member.get("first_name"), member.get("last_name")) if p)
        group = tr("Member %1: %2").replace("%1", str(seq)).replace("%2", name)
        for spec in corrections.FIELDS.values():
            if not spec.member:
                continue
            raw = value(member, spec.name, layout)
            if spec.kind == "pid":
                rows.append(EditRow(spec.name, seq, group, spec.label, spec.kind, "", thaiid.masked(raw) if raw else ""))
            else:
                rows.append(EditRow(spec.name, seq, group, spec.label, spec.kind, shown_value(spec.kind, raw),
                                    choices=spec.choices))
    group = tr("Indicator answers")
    for spec in corrections.answer_fields(conn, household["survey_year"]):
        if spec is not None:
            choices = ("", *spec.choices) if spec.choices != ("count",) else ()  # "": no answer
            rows.append(EditRow(spec.name, None, group, spec.label, spec.kind, value(household, spec.name, layout),
                                choices=choices))
    return rows


class _ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the allowed codes for choice fields; a line edit for the rest."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        choices = index.siblingAtColumn(0).data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        field = index.siblingAtColumn(0).data(KEY_ROLE)[0]
        combo = QComboBox(parent)
        for code in choices:
            combo.addItem(choice_name(field, code), code)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt override
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(CODE_ROLE) or ""), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt override
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), CODE_ROLE)  # the dialog reads the code, then shows its name
        else:
            super().setModelData(editor, model, index)


class _EditCommand(QUndoCommand):
    def __init__(self, dialog: "CorrectionDialog", key: tuple[str, int | None], old: str, new: str):
        super().__init__(tr("Edit %1").replace("%1", dialog.rows[key].label))
        self.dialog, self.key, self.old, self.new = dialog, key, old, new

    def redo(self) -> None:
        self.dialog._apply(self.key, self.new)

    def undo(self) -> None:
        self.dialog._apply(self.key, self.old)


class CorrectionDialog(QDialog):
    saved = Signal(object, object)  # household id (64-bit), correction set uuid

    VALUE, NEW = 1, 2

    def __init__(self, store, runner, household_id: int, title: str, rows: list[EditRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        self.setWindowTitle(tr("Correct household data"))
        self.store = store
        self.runner = runner
        self.household_id = household_id
        self.rows: dict[tuple[str, int | None], EditRow] = {r.key: r for r in rows}
        self.current: dict[tuple[str, int | None], str] = {r.key: r.value for r in rows}
        self.items: dict[tuple[str, int | None], QTreeWidgetItem] = {}
        self.evidence: list[str] = []
        self.saving = False
        self._applying = False
        self.undo_stack = QUndoStack(self)
        heading = QLabel(title, self)
        heading.setObjectName("correctionTitle")
        font = heading.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        heading.setFont(font)
        hint = QLabel(tr("Double-click a value in the “New value” column to change it. Changed fields are "
                         "highlighted; all of them are saved together as one correction."), self)
        hint.setWordWrap(True)
        self.tree = self._make_tree(rows)
        self.undo_button = QPushButton(tr("&Undo"), self)
        self.redo_button = QPushButton(tr("Re&do"), self)
        self.undo_button.setObjectName("undoButton")
        self.redo_button.setObjectName("redoButton")
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        for text, keys, slot in ((tr("Undo"), QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                                 (tr("Redo"), QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.changed_label = QLabel(self)
        self.changed_label.setObjectName("changedLabel")
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("reasonCombo")
        self.reason_combo.setEditable(True)
        self.reason_combo.addItems(DEFAULT_REASONS)
        self.reason_combo.setCurrentIndex(-1)
        self.reason_combo.lineEdit().setPlaceholderText(tr("Choose or type the reason (required)"))
        self.evidence_list = QListWidget(self)
        self.evidence_list.setObjectName("evidenceList")
        self.evidence_list.setViewMode(QListView.ViewMode.IconMode)
        self.evidence_list.setIconSize(QSize(THUMB, THUMB))
        self.evidence_list.setFlow(QListView.Flow.LeftToRight)
        self.evidence_list.setWrapping(False)
        self.evidence_list.setFixedHeight(THUMB + 36)
        self.evidence_list.setResizeMode(QListView.ResizeMode.Adjust)
        add_evidence = QPushButton(tr("Add &evidence…"), self)
        add_evidence.setObjectName("addEvidenceButton")
        add_evidence.setToolTip(tr("Attach photos or scans of documents (optional)"))
        add_evidence.clicked.connect(self.choose_evidence)
        self.remove_evidence = QPushButton(tr("Remove"), self)
        self.remove_evidence.clicked.connect(self._remove_evidence)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("correctionError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(tr("&Save correction"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveCorrectionButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.undo_button)
        edit_row.addWidget(self.redo_button)
        edit_row.addSpacing(12)
        edit_row.addWidget(self.changed_label, 1)
        evidence_buttons = QVBoxLayout()
        evidence_buttons.addWidget(add_evidence)
        evidence_buttons.addWidget(self.remove_evidence)
        evidence_buttons.addStretch(1)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence_list, 1)
        evidence_row.addLayout(evidence_buttons)
        form = QFormLayout()
        reason_label = QLabel(tr("&Reason:"), self)
        reason_label.setBuddy(self.reason_combo)
        form.addRow(reason_label, self.reason_combo)
        form.addRow(tr("Evidence:"), evidence_row)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(edit_row)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_changed())
        self._update_changed()
        screen_fit.fit(self, 760, 720)

    # the form -------------------------------------------------------------------------------------------

    def _make_tree(self, rows: list[EditRow]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("correctionTree")
        tree.setColumnCount(3)
        tree.setHeaderLabels([tr("Field"), tr("Current value"), tr("New value")])
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.VALUE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.NEW, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        tree.setColumnWidth(self.VALUE, 170)
        tree.setColumnWidth(self.NEW, 170)
        bold = QFont(tree.font())
        bold.setBold(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in rows:
            group = groups.get(row.group)
            if group is None:
                group = QTreeWidgetItem(tree, [row.group])
                group.setFirstColumnSpanned(True)
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[row.group] = group
            current = choice_name(row.field, row.value) if row.choices else row.shown or row.value
            item = QTreeWidgetItem(group, [row.label, current, current if row.choices else row.value])
            item.setData(0, KEY_ROLE, row.key)
            item.setData(0, CHOICES_ROLE, list(row.choices))
            if row.choices:
                item.setData(self.NEW, CODE_ROLE, row.value)
                item.setToolTip(self.NEW, " / ".join(choice_name(row.field, c) for c in row.choices))
            item.setToolTip(0, row.label)
            if row.kind == "pid":
                item.setToolTip(self.NEW, tr("Type the full 13-digit ID to replace the one recorded"))
            elif row.kind == "date":
                item.setToolTip(self.NEW, tr("Day/month/year in B.E., e.g. 17/05/2523"))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable)
            self.items[row.key] = item
        tree.setItemDelegateForColumn(self.NEW, _ChoiceDelegate(tree))
        tree.expandAll()
        tree.itemChanged.connect(self._item_changed)
        return tree

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._applying or column != self.NEW:
            return
        key = item.data(0, KEY_ROLE)
        if key is None:
            return
        key = tuple(key)
        new = item.data(self.NEW, CODE_ROLE) if self.rows[key].choices else item.text(self.NEW)
        old = self.current[key]
        if new != old:
            self.undo_stack.push(_EditCommand(self, key, old, new))

    def set_value(self, field: str, value: str, member_seq: int | None = None) -> None:
        """Type a new value (as the person would); one undo step."""
        key = (field, member_seq)
        if self.current[key] != value:
            self.undo_stack.push(_EditCommand(self, key, self.current[key], value))

    def value(self, field: str, member_seq: int | None = None) -> str:
        return self.current[(field, member_seq)]

    def _apply(self, key: tuple[str, int | None], value: str) -> None:
        self.current[key] = value
        item = self.items[key]
        self._applying = True
        try:
            row = self.rows[key]
            if row.choices:
                item.setData(self.NEW, CODE_ROLE, value)
                item.setText(self.NEW, choice_name(row.field, value))
            else:
                item.setText(self.NEW, value)
            changed = value != row.value
            brush = CHANGED_BRUSH if changed else QBrush()
            for column in range(3):
                item.setBackground(column, brush)
            font = item.font(self.NEW)
            font.setBold(changed)
            item.setFont(self.NEW, font)
        finally:
            self._applying = False
        self.error_label.hide()

    def changed_keys(self) -> list[tuple[str, int | None]]:
        return [key for key, row in self.rows.items() if self.current[key] != row.value]

    def _update_changed(self) -> None:
        n = len(self.changed_keys())
        self.changed_label.setText(tr("%1 field(s) changed").replace("%1", str(n)) if n else tr("No changes yet"))

    # evidence ---------------------------------------------------------------------------------------------

    def choose_evidence(self) -> None:
        paths, _filter = file_dialogs.open_file_names(
            self, tr("Evidence: photos or scans"), "",
            tr("Images and documents (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)"))
        self.add_evidence(paths)

    def add_evidence(self, paths: list[str]) -> None:
        for path in paths:
            if path in self.evidence:
                continue
            self.evidence.append(path)
            name = Path(path).name
            icon = QIcon()
            if Path(path).suffix.lower() in IMAGE_SUFFIXES:
                pixmap = QPixmap(path)
                if not pixmap.isNull():
                    icon = QIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
            if icon.isNull():
                icon = self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon)
            item = QListWidgetItem(icon, name if len(name) <= 14 else name[:12] + "…", self.evidence_list)
            item.setToolTip(path)
            item.setData(KEY_ROLE, path)

    def _remove_evidence(self) -> None:
        for item in self.evidence_list.selectedItems():
            self.evidence.remove(item.data(KEY_ROLE))
            self.evidence_list.takeItem(self.evidence_list.row(item))

    # saving -------------------------------------------------------------------------------------------------

    def reason(self) -> str:
        return self.reason_combo.currentText().strip()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def save(self) -> None:
        if self.saving:
            return
        changed = self.changed_keys()
        if not changed:
            self.show_error(tr("Nothing was changed: edit at least one field first."))
            return
        if not self.reason():
            self.show_error(tr("Give the reason for the correction."))
            self.reason_combo.setFocus()
            return
        from desktop.models import corrections

        changes = [corrections.Change(field, stored_value(self.rows[(field, seq)].kind, self.current[(field, seq)]), seq)
                   for field, seq in changed]
        store, hid, reason, evidence = self.store, self.household_id, self.reason(), list(self.evidence) or None

        def job(progress, cancel):
            files = [(Path(p).name, Path(p).read_bytes()) for p in evidence or []]
            with store.begin() as conn:
                return corrections.record(conn, hid, changes, reason, files)

        self.saving = True
        self.save_button.setEnabled(False)
        self.error_label.hide()
        self.runner.write(job, title=tr("Saving the correction…"), on_done=self._saved, on_error=self._failed,
                          changes=CORRECTION, initiator=self)

    def _saved(self, set_uuid) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.saved.emit(self.household_id, set_uuid)
        self.accept()

    def _failed(self, err: BaseException) -> bool:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(err, UserError):
            self.show_error(err.message)
            return True
        return False
