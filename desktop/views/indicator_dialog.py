"""Loading an official indicator set (JSON or XLSX) into the store, with its effect shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.models.changes import Changes
from desktop.models import indicator_sets
from desktop.models.indicators import IndicatorSet, IndicatorSetError
from desktop.views import file_dialogs, screen_fit


class IndicatorSetDialog(QDialog):
    """Choose a file, see what it holds (or what is wrong with it), install it in the writer."""

    def __init__(self, store, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.chosen: tuple[IndicatorSet, dict, Path] | None = None
        self.result_text = ""
        self.setWindowTitle(self.tr("Load an indicator set"))
        self.path_edit = QLineEdit(readOnly=True)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.summary = QPlainTextEdit(readOnly=True)
        self.summary.setPlaceholderText(self.tr("A JSON or XLSX file in the format of docs/indicator-format.md"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.install_button = self.buttons.addButton(self.tr("Load and re-evaluate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.install_button.setEnabled(False)
        self.buttons.accepted.connect(self.install)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Indicator set file:")))
        layout.addLayout(row)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        screen_fit.fit(self, 640, 420)

    def choose_file(self) -> None:
        name, _ = file_dialogs.open_file_name(self, self.tr("Indicator set file"), "",
                                              self.tr("Indicator sets (*.json *.xlsx)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        try:
            ind_set, data = indicator_sets.read_file(path)
        except IndicatorSetError as err:
            self.chosen = None
            self.summary.setPlainText(self.tr("This file cannot be used:") + "\n" + str(err).replace("; ", "\n"))
            self.install_button.setEnabled(False)
            return
        self.chosen = (ind_set, data, path)
        lines = [
            ind_set.title_th,
            self.tr("Period: %1 · survey years: %2").replace("%1", ind_set.period).replace(
                "%2", ", ".join(map(str, ind_set.survey_years))),
            self.tr("%1 indicators in %2 categories").replace("%1", str(len(ind_set.indicators))).replace(
                "%2", str(len(ind_set.categories))),
        ]
        if ind_set.provisional:
            lines.append(self.tr("Provisional set (ชุดตัวชี้วัดฉบับร่าง)"))
        self.summary.setPlainText("\n".join(lines))
        self.install_button.setEnabled(True)

    def install(self) -> None:
        if self.chosen is None:
            return
        ind_set, data, path = self.chosen
        store = self.store

        def job(progress, cancel):
            with store.begin() as conn:
                return indicator_sets.install(conn, ind_set, data, source=path.name)

        self.install_button.setEnabled(False)
        self.runner.write(job, title=self.tr("Re-evaluating households…"), on_done=self._installed,
                          on_error=lambda err: self.install_button.setEnabled(True),
                          changes=Changes(indicators=True, households=True, summaries=True), initiator=self)

    def _installed(self, result) -> None:
        self.result_text = self.tr("Re-evaluated %1 households; the results of %2 changed.").replace(
            "%1", f"{result.households:,}").replace("%2", f"{result.changed:,}")
        self.summary.appendPlainText("\n" + self.result_text)
        self.accept()
