"""Last first-run page: fill the store with the demo province or with files from the national system."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.views import file_dialogs
from desktop.views.async_page import AsyncPage
from desktop.views.first_run_server import ServerFields, download_job

FILE_FILTER = "CSV / Excel (*.csv *.xlsx *.txt);;All files (*)"


class ProblemsTable(QTableWidget):
    """Problems an import found (file, row, column, value, message)."""

    def __init__(self, parent=None):
        super().__init__(0, 5, parent)
        self.setObjectName("problemsTable")
        self.setHorizontalHeaderLabels([self.tr("File"), self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                        self.tr("Problem")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def fill(self, problems: list, limit: int = 2000) -> None:
        problems = list(problems)[:limit]
        self.setRowCount(len(problems))
        for row, p in enumerate(problems):
            values = (Path(str(p.file)).name if p.file else "", "" if p.row is None else p.row, p.column or "",
                      p.value or "", p.message)
            for column, value in enumerate(values):
                self.setItem(row, column, QTableWidgetItem(str(value)))


class DataPage(AsyncPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Household data"))
        self.setSubTitle(self.tr("Start with the demo province to try the program, import the files exported "
                                 "from the national BMN system, or download your area from the province server."))
        self.demo_choice = QRadioButton(self.tr("Load the &demo province (Lampang, made-up households)"), self)
        self.demo_choice.setObjectName("demoChoice")
        self.import_choice = QRadioButton(self.tr("&Import files from the national system"), self)
        self.import_choice.setObjectName("importChoice")
        self.server_choice = QRadioButton(self.tr("&Connect to the province server"), self)
        self.server_choice.setObjectName("serverChoice")
        self.server_fields = ServerFields(self)
        self.demo_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.demo_choice)
        group.addButton(self.import_choice)
        group.addButton(self.server_choice)
        self.pick_button = QPushButton(self.tr("Choose &files…"), self)
        self.pick_button.clicked.connect(self.pick_files)
        self.files_label = QLabel(self)
        self.files_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("dataResult")
        self.result_label.setWordWrap(True)
        self.problems = ProblemsTable(self)
        self.problems.hide()
        self.paths: list[Path] = []
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(self.pick_button)
        row.addWidget(self.files_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo_choice)
        layout.addWidget(self.import_choice)
        layout.addLayout(row)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_fields)
        layout.addWidget(self.result_label)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        self.import_choice.toggled.connect(self._choice_changed)
        self.server_choice.toggled.connect(self._choice_changed)
        self.server_fields.server.textChanged.connect(self.completeChanged)
        self.server_fields.token.textChanged.connect(self.completeChanged)
        self._choice_changed()
        self.setFinalPage(True)

    def _choice_changed(self, *_args) -> None:
        importing = self.import_choice.isChecked()
        self.pick_button.setEnabled(importing)
        self.files_label.setEnabled(importing)
        self.server_fields.setEnabled(self.server_choice.isChecked())
        self.completeChanged.emit()

    def pick_files(self) -> None:
        names, _ = file_dialogs.open_file_names(self, self.tr("Files from the national system"), str(Path.home()),
                                                FILE_FILTER)
        if names:
            self.set_files([Path(n) for n in names])

    def set_files(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.files_label.setText(", ".join(p.name for p in self.paths))
        self.problems.hide()
        self.completeChanged.emit()

    def ready(self) -> bool:
        if self.server_choice.isChecked():
            return self.server_fields.ready()
        return self.demo_choice.isChecked() or bool(self.paths)

    def start_job(self, on_done, on_error, on_cancel) -> None:
        wizard = self.wizard()
        store, runner = wizard.store, wizard.runner
        self.result_label.clear()
        self.problems.hide()
        if self.demo_choice.isChecked():
            size = wizard.demo_households

            def job(progress, cancel):
                from desktop.importers import demo

                return demo.generate(store, households=size, progress=progress, cancel=cancel)

            runner.write(job, title=self.tr("Making the demo province…"), on_done=on_done, on_error=on_error,
                         on_cancel=on_cancel)
            return
        if self.server_choice.isChecked():
            job = download_job(store, self.server_fields.server.text(), self.server_fields.token.text())
            runner.write(job, title=self.tr("Downloading your area from the province server…"), on_done=on_done,
                         on_error=on_error, on_cancel=on_cancel)
            return
        paths = list(self.paths)

        def job(progress, cancel):
            from desktop.importers import national

            return national.import_files(store, paths, progress=progress, cancel=cancel)

        runner.write(job, title=self.tr("Importing files…"), on_done=lambda r: self._imported(r, on_done),
                     on_error=on_error, on_cancel=on_cancel)

    def _imported(self, result, on_done) -> None:
        if getattr(result, "ok", False):
            on_done(result)
            return
        self._set_running(False)
        self.result_label.setText(self.tr("Nothing was imported: %1 problem(s) found. Fix the files and try again.")
                                  .replace("%1", f"{result.problem_count:,}"))
        self.problems.fill(result.problems)
        self.problems.show()
