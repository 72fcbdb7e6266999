"""Dialogs of the certification feature: certifying an area (what is being certified first, then who is present,
where, and the override reason when child areas are missing) and the working-group roster editor.

Reads call desktop.certify.certification / roster inside store.read(); writes go through the runner's writer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from desktop.models.changes import CERTIFICATION
from desktop.models.roster import role_name  # a small module: no store, no Qt
from desktop.views import buttons as buttons_module
from desktop.views import screen_fit


def tr(text: str) -> str:
    return QCoreApplication.translate("Certification", text)


def _number(value) -> str:
    return f"{value:,}"


class CertifyDialog(QDialog):
    """Shows a certification.Preview, then certifies through the runner; `certified(uuid)` when saved."""

    certified = Signal(str)

    def __init__(self, store, runner, preview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("certifyDialog")
        self.store, self.runner, self.preview = store, runner, preview
        cov = preview.coverage
        self.setWindowTitle(tr("Certify %1 · %2").replace("%1", cov.title).replace("%2", str(preview.survey_year)))
        screen_fit.fit(self, 640, 720)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{cov.description}</b> ({cov.code}) · {tr('survey year')} {preview.survey_year}", self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self._summary_box())
        layout.addWidget(self._checks_box())
        layout.addWidget(self._roster_box(), 1)
        form = QFormLayout()
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("placeEdit")
        self.place_edit.setPlaceholderText(tr("e.g. the district office meeting room"))
        form.addRow(tr("&Place of the meeting:"), self.place_edit)
        self.override_edit = QLineEdit(self)
        self.override_edit.setObjectName("overrideEdit")
        self.override_edit.setPlaceholderText(tr("required: why certify before the child areas"))
        self.override_label = QLabel(tr("&Override reason:"), self)
        self.override_label.setBuddy(self.override_edit)
        form.addRow(self.override_label, self.override_edit)
        needs_override = bool(preview.missing_children)
        self.override_edit.setVisible(needs_override)
        self.override_label.setVisible(needs_override)
        layout.addLayout(form)
        self.problem_label = QLabel("\n".join(preview.problems), self)
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020")
        self.problem_label.setVisible(bool(preview.problems))
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(self)
        self.certify_button = QPushButton(tr("&Certify"), self)
        self.certify_button.setObjectName("certifyButton")
        buttons.addButton(self.certify_button, QDialogButtonBox.ButtonRole.ActionRole)  # never the default
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.certify_button.clicked.connect(self.save)
        buttons_module.never_on_enter(self.certify_button)  # certifying is a click, never a stray Enter
        layout.addWidget(buttons)
        self.override_edit.textChanged.connect(self.update_button)
        self.roster_list.itemChanged.connect(self.update_button)
        self.update_button()

    def _summary_box(self) -> QGroupBox:
        s = self.preview.summary
        box = QGroupBox(tr("What is being certified (as corrected)"), self)
        form = QFormLayout(box)
        rows = (
            (tr("Villages"), _number(s["villages"])),
            (tr("Households"), _number(s["households"])),
            (tr("Population"), tr("%1 (male %2, female %3)").replace("%1", _number(s["persons"]))
             .replace("%2", _number(s["male"])).replace("%3", _number(s["female"]))),
            (tr("Indicators failed"), tr("%1 of %2").replace("%1", str(s["indicators_failed"]))
             .replace("%2", str(s["indicators"]))),
            (tr("Average income per person"), tr("%1 baht a year").replace("%1", _number(s["income_per_person"]))),
            (tr("Indicator set"), self.preview.indicator_set),
        )
        for label, value in rows:
            shown = QLabel(value, box)
            shown.setWordWrap(True)
            form.addRow(label + ":", shown)
        return box

    def _checks_box(self) -> QGroupBox:
        pv = self.preview
        box = QGroupBox(tr("Before certifying"), self)
        form = QFormLayout(box)
        self.open_label = QLabel(_number(pv.open_corrections), box)
        self.unreviewed_label = QLabel(_number(pv.unreviewed), box)
        missing = ", ".join(f"{name} ({code})" for code, name in pv.missing_children) or tr("none")
        self.missing_label = QLabel(missing, box)
        self.missing_label.setObjectName("missingLabel")
        self.missing_label.setWordWrap(True)
        for label, value in ((self.open_label, pv.open_corrections), (self.unreviewed_label, pv.unreviewed),
                             (self.missing_label, len(pv.missing_children))):
            if value:
                label.setStyleSheet("color: #9a3412; font-weight: bold")
        form.addRow(tr("Open corrections:"), self.open_label)
        form.addRow(tr("Households not reviewed:"), self.unreviewed_label)
        form.addRow(tr("Child areas not certified:"), self.missing_label)
        form.addRow(tr("Levels that certify this year:"), self._levels_label(box))
        return box

    def _levels_label(self, parent) -> QLabel:
        from desktop import messages
        from desktop.models import cert_levels

        english = messages.language() == "en"
        levels = cert_levels.for_year(self.preview.survey_year)
        label = QLabel(f"{levels.labels(english)} ({levels.source_en if english else levels.source_th})", parent)
        label.setObjectName("levelsLabel")
        label.setWordWrap(True)
        return label

    def _roster_box(self) -> QGroupBox:
        box = QGroupBox(tr("Working group present (each signs the form)"), self)
        layout = QVBoxLayout(box)
        self.roster_list = QListWidget(box)
        self.roster_list.setObjectName("rosterPresentList")
        for m in self.preview.roster:
            item = QListWidgetItem(f"{role_name(m.role)}: {m.name} — {m.position}", self.roster_list)
            item.setData(Qt.ItemDataRole.UserRole, m.member_uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        layout.addWidget(self.roster_list)
        return box

    def present(self) -> list[str]:
        items = (self.roster_list.item(i) for i in range(self.roster_list.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def update_button(self, *_args) -> None:
        blocked = bool(self.preview.problems) or not self.present()
        if self.preview.missing_children and not self.override_edit.text().strip():
            blocked = True
        self.certify_button.setEnabled(not blocked)

    def save(self) -> None:
        from desktop.certify import certification

        store, code, year = self.store, self.preview.coverage.code, self.preview.survey_year
        present, place, reason = self.present(), self.place_edit.text(), self.override_edit.text()
        self.certify_button.setEnabled(False)

        def job(progress, cancel):
            with store.begin() as conn:
                return certification.certify(conn, code, year, present=present, place=place, override_reason=reason)

        def done(cert_uuid: str) -> None:
            self.certified.emit(cert_uuid)
            self.accept()

        # on a refusal the runner shows the message; the button comes back for another try
        self.runner.write(job, title=tr("Certifying…"), on_done=done, on_error=lambda _err: self.update_button(),
                          changes=CERTIFICATION, initiator=self)


class RosterDialog(QDialog):
    """The working-group roster of one level and area: add, change, remove (each an event, history kept)."""

    changed = Signal()

    def __init__(self, store, runner, level: str, area_code: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        from desktop.models import roster

        self.setObjectName("rosterDialog")
        self.store, self.runner, self.level, self.area_code = store, runner, level, area_code
        self.setWindowTitle(tr("Working group · %1").replace("%1", title))
        screen_fit.fit(self, 720, 520)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("rosterTable")
        self.table.setHorizontalHeaderLabels([tr("Role"), tr("Name"), tr("Position")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        form = QHBoxLayout()
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("roleCombo")
        for role in roster.ROLES:
            self.role_combo.addItem(role_name(role), role)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(tr("Name and surname"))
        self.position_edit = QLineEdit(self)
        self.position_edit.setObjectName("positionEdit")
        self.position_edit.setPlaceholderText(tr("Position"))
        for widget in (self.role_combo, self.name_edit, self.position_edit):
            form.addWidget(widget, 1 if widget is not self.role_combo else 0)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("&Add"), self)
        self.add_button.setObjectName("addMemberButton")
        self.update_button = QPushButton(tr("&Change selected"), self)
        self.remove_button = QPushButton(tr("&Remove selected"), self)
        close = QPushButton(tr("Cl&ose"), self)
        for b in (self.add_button, self.update_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.save(None))
        self.update_button.clicked.connect(lambda: self.save(self.selected()))
        self.remove_button.clicked.connect(self.remove)
        close.clicked.connect(self.accept)
        buttons_module.on_enter(self.add_button)  # Enter after typing a name adds the member
        buttons_module.never_on_enter(self.update_button, self.remove_button)
        self.table.itemSelectionChanged.connect(self._fill_form)
        self.members = []
        self.load()

    def load(self) -> None:
        from desktop.models import roster

        with self.store.read() as conn:
            self.members = roster.current(conn, self.level, self.area_code)
        self.table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            for col, value in enumerate((role_name(m.role), m.name, m.position)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.members[rows[0].row()].member_uuid if rows else None

    def _fill_form(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            m = self.members[rows[0].row()]
            self.name_edit.setText(m.name)
            self.position_edit.setText(m.position)
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(m.role)))

    def _write(self, fn) -> None:
        store = self.store

        def job(progress, cancel):
            with store.begin() as conn:
                return fn(conn)

        def done(_result) -> None:
            self.load()
            self.changed.emit()

        self.runner.write(job, title=tr("Saving the roster…"), on_done=done, changes=CERTIFICATION, initiator=self)

    def save(self, member_uuid: str | None) -> None:
        from desktop.models import roster

        name, position, role = self.name_edit.text(), self.position_edit.text(), self.role_combo.currentData()
        level, area = self.level, self.area_code
        self._write(lambda conn: roster.set_member(conn, level, area, name, position, role, member_uuid=member_uuid))
        if member_uuid is None:
            self.name_edit.clear()
            self.position_edit.clear()

    def remove(self) -> None:
        from desktop.models import roster

        member = self.selected()
        if member is not None:
            level, area = self.level, self.area_code
            self._write(lambda conn: roster.remove_member(conn, level, area, member))
