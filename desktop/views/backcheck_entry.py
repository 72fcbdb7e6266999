"""Entering back-check answers, one sheet after another, from the keyboard.

Type or scan the sheet's short code (a USB scanner types the QR text and Enter), fill the answers with Tab
between fields, Ctrl+Enter saves and the cursor returns to the code box for the next sheet. Nothing of the
record is shown: the form is blank, or holds this household's earlier back-check answers when it is entered
again to correct them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from desktop.views import screen_fit

YES_NO = (("", ""), ("1", "1 ใช่"), ("0", "0 ไม่ใช่"))  # typing 1 or 0 picks the answer


def tr(text: str) -> str:
    return QCoreApplication.translate("Monitoring", text)


class BackcheckEntry(QDialog):
    lookup_requested = Signal(str)  # the code typed or scanned
    submitted = Signal(object, object, dict, str, str)  # visit id, household id, answers, checker, date

    def __init__(self, checker: str = "", asked_on: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("backcheckEntry")
        self.setWindowTitle(tr("Enter back-check answers"))
        self.form_data = None
        self.fields: dict[str, QWidget] = {}
        self.ages: QTableWidget | None = None
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setPlaceholderText(tr("Scan the QR code or type the code on the sheet, then Enter"))
        self.code_edit.returnPressed.connect(lambda: self.lookup_requested.emit(self.code_edit.text()))
        self.identity = QLabel(tr("No household open."), self)
        self.identity.setWordWrap(True)
        self.checker_edit = QLineEdit(checker, self)
        self.date_edit = QLineEdit(asked_on, self)
        self.date_edit.setPlaceholderText(tr("DD/MM/YYYY (Buddhist era)"))
        self.body = QWidget(self)
        self.body_layout = QFormLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.save_button = QPushButton(tr("&Save and next"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.submit)
        close_button = QPushButton(tr("Close"), self)
        close_button.clicked.connect(self.reject)
        for button in (self.save_button, close_button):  # Enter after a scan looks the code up, never saves
            button.setAutoDefault(False)
            button.setDefault(False)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        top = QFormLayout()
        top.addRow(tr("Sheet code"), self.code_edit)
        top.addRow(tr("Checked by"), self.checker_edit)
        top.addRow(tr("Date asked"), self.date_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.identity)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        screen_fit.fit(self, 640, 720)

    # opening a household -----------------------------------------------------------------------------------

    def show_form(self, form) -> None:
        """Build the blank fields for a backcheck.EntryForm (None: the code was not found)."""
        self._clear()
        self.form_data = form
        if form is None:
            self.identity.setText(tr("No sampled household has this code."))
            self.save_button.setEnabled(False)
            self.code_edit.selectAll()
            return
        self.identity.setText(f"<b>{form.code}</b><br>{form.identity}")
        for item in form.items:  # in sheet order: member count, ages, indicator answers, incomes
            self.fields[item.key] = widget = self._field_for(item, form.previous.get(item.key, ""))
            self.body_layout.addRow(item.label, widget)
            if item.kind == "members" and form.member_rows:
                self._add_ages(form)
        if form.member_rows and self.ages is None:
            self._add_ages(form)
        self.save_button.setEnabled(True)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()

    def _add_ages(self, form) -> None:
        self.ages = QTableWidget(form.member_rows, 1, self.body)
        self.ages.setObjectName("agesTable")
        self.ages.setHorizontalHeaderLabels([tr("Age (years)")])
        self.ages.setVerticalHeaderLabels([str(r + 1) for r in range(form.member_rows)])
        self.ages.setTabKeyNavigation(True)  # Tab from one member to the next, out after the last
        for r in range(form.member_rows):
            self.ages.setItem(r, 0, QTableWidgetItem(form.previous.get(f"age:{r + 1}", "")))
        self.ages.setMinimumHeight(220)
        self.body_layout.addRow(tr("Ages by member number"), self.ages)

    def _field_for(self, item, previous: str) -> QWidget:
        if item.kind == "answer" and not item.count:
            combo = QComboBox(self.body)
            for value, label in YES_NO:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(previous)))
            return combo
        edit = QLineEdit(previous, self.body)
        edit.setPlaceholderText(tr("baht a year") if item.kind == "income" else tr("number"))
        return edit

    def _clear(self) -> None:
        while self.body_layout.rowCount():
            self.body_layout.removeRow(0)
        self.fields = {}
        self.ages = None

    # saving ---------------------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        out = {}
        for key, widget in self.fields.items():
            value = widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()
            if value:
                out[key] = value
        if self.ages is not None:
            for r in range(self.ages.rowCount()):
                cell = self.ages.item(r, 0)
                if cell is not None and cell.text().strip():
                    out[f"age:{r + 1}"] = cell.text().strip()
        return out

    def submit(self) -> None:
        if self.form_data is None:
            return
        self.submitted.emit(self.form_data.visit.visit_id, self.form_data.household_id, self.values(),
                            self.checker_edit.text(), self.date_edit.text())

    def saved(self, message: str) -> None:
        """After a successful save: ready for the next sheet."""
        self._clear()
        self.form_data = None
        self.save_button.setEnabled(False)
        self.identity.setText(message)
        self.code_edit.clear()
        self.code_edit.setFocus()

