"""Log a monitoring visit: level, date, visitors, visited villages, the process checklist and notes.

The dialog only collects; the controller writes through the runner (visits.log) and closes it on success,
so a mistake shows the Thai message and the form stays as typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop.models import dates
from desktop.views import screen_fit


def tr(text: str) -> str:
    return QCoreApplication.translate("Monitoring", text)


class VisitDialog(QDialog):
    submitted = Signal(dict)  # the keyword arguments of visits.log

    def __init__(self, survey_year: int, area_code: str, villages: list[tuple[str, str, int]],
                 checklist: tuple[tuple[str, str], ...], officer=None, parent=None):
        super().__init__(parent)
        self.setObjectName("visitDialog")
        self.setWindowTitle(tr("Log a monitoring visit"))
        self.survey_year = survey_year
        self.level_combo = QComboBox(self)
        self.level_combo.addItem(tr("District"), "district")
        self.level_combo.addItem(tr("Province"), "province")
        if officer is not None and getattr(officer, "level", "") == "province":
            self.level_combo.setCurrentIndex(1)
        self.area_edit = QLineEdit(area_code, self)
        self.level_combo.currentIndexChanged.connect(self._level_changed)
        self._level_changed()
        self.date_edit = QLineEdit(dates.be_date(dt.date.today().isoformat()), self)
        self.date_edit.setPlaceholderText(tr("DD/MM/YYYY (Buddhist era)"))
        self.visitors_edit = QPlainTextEdit(self)
        self.visitors_edit.setPlaceholderText(tr("One visitor a line: name | position"))
        if officer is not None and getattr(officer, "name", ""):
            self.visitors_edit.setPlainText(f"{officer.name} | {officer.position}")
        self.visitors_edit.setFixedHeight(70)
        self.village_list = QListWidget(self)
        for code, name, count in villages:
            item = QListWidgetItem(f"{name} ({code}) · {count:,}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.village_list.addItem(item)
        self.checks: dict[str, QCheckBox] = {}
        box = QGroupBox(tr("Process checklist"), self)
        box_layout = QVBoxLayout(box)
        for key, label in checklist:
            self.checks[key] = QCheckBox(label, box)
            box_layout.addWidget(self.checks[key])
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(60)
        self.supersedes: str | None = None  # editing: the event this version replaces
        self.withdraw_box = QCheckBox(tr("Withdraw this visit (it no longer counts)"), self)
        self.withdraw_box.setVisible(False)
        form = QFormLayout()
        form.addRow(tr("Level"), self.level_combo)
        form.addRow(tr("Visiting office (area code)"), self.area_edit)
        form.addRow(tr("Date"), self.date_edit)
        form.addRow(tr("Visitors"), self.visitors_edit)
        form.addRow(tr("Villages visited"), self.village_list)
        form.addRow(box)
        form.addRow(tr("Notes"), self.notes_edit)
        form.addRow(self.withdraw_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        screen_fit.fit(self, 560, 640)

    def _level_changed(self) -> None:
        text = self.area_edit.text().strip()
        want = 4 if self.level_combo.currentData() == "district" else 2
        self.area_edit.setText(text[:want])

    def prefill(self, visit) -> None:
        """Edit a logged visit: its values in the form; saving records a new version superseding it."""
        self.setWindowTitle(tr("Correct a monitoring visit"))
        self.supersedes = visit.uuid
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(visit.level)))
        self.area_edit.setText(visit.area_code)
        self.date_edit.setText(dates.be_date(visit.visit_date))
        self.visitors_edit.setPlainText("\n".join(f"{p.name} | {p.position}".rstrip(" |") for p in visit.visitors))
        self.set_villages_checked(visit.villages)
        for key, box in self.checks.items():
            box.setChecked(visit.checklist.get(key) is True)
        self.notes_edit.setPlainText(visit.notes)
        self.withdraw_box.setVisible(True)

    def set_villages_checked(self, codes) -> None:
        codes = set(codes)
        for row in range(self.village_list.count()):
            item = self.village_list.item(row)
            state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def values(self) -> dict:
        from desktop.models.visits import Visitor

        visitors = []
        for line in self.visitors_edit.toPlainText().splitlines():
            name, _, position = line.partition("|")
            if name.strip():
                visitors.append(Visitor(name.strip(), position.strip()))
        villages = [self.village_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.village_list.count())
                    if self.village_list.item(r).checkState() == Qt.CheckState.Checked]
        return {"survey_year": self.survey_year, "level": self.level_combo.currentData(),
                "area_code": self.area_edit.text().strip(), "visit_date": self.date_edit.text().strip(),
                "villages": villages, "visitors": visitors,
                "checklist": {k: box.isChecked() for k, box in self.checks.items()},
                "notes": self.notes_edit.toPlainText().strip(), "supersedes": self.supersedes,
                "withdrawn": self.withdraw_box.isChecked()}

    def submit(self) -> None:
        self.submitted.emit(self.values())
