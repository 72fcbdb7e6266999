"""File → นำเข้าข้อมูล… (Ctrl+I): choose files, map foreign columns, preview per village, import.

The same functions as `main.py import` (desktop/importers): the preview is the import worked out in
full and rolled back (Choices(preview=True)); the officer then ticks the villages the files hold
whole, confirms new villages and any unusual values listed as warnings, and imports. Reading, checking and importing run on the runner
(views/runner.py) with progress and Cancel; problems are listed and can be saved as CSV.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.importers import mapping, national, preview, readers
from desktop.models import demo_data
from desktop.models.changes import Changes
from desktop.views import file_dialogs
from desktop.views.import_pages import MappingTable, ProblemTable, VillageTable, WarningTable

log = logging.getLogger(__name__)
FILE_FILTER = "CSV / Excel (*.csv *.xlsx *.txt);;All files (*)"
FILES, MAPPING, PREVIEW, DONE = range(4)
IMPORT = Changes(households=True, corrections=True, summaries=True, areas=True)  # an import can touch all of these


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def import_action(window) -> QAction:
    """The File-menu action that opens the wizard."""
    action = QAction(tr("&Import data…"), window)
    action.setObjectName("importAction")
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.triggered.connect(lambda _checked=False: open_wizard(window))
    return action


def open_wizard(window) -> ImportWizard:
    wizard = ImportWizard(window)
    window.import_wizard = wizard  # kept while it is open
    wizard.show()
    return wizard


def inspect(paths: list[Path], saved: list[mapping.Profile]) -> list[mapping.ForeignTable]:
    """Tables whose header is not ours and no saved profile knows (mapping.foreign_table)."""
    foreign = []
    for path in paths:
        try:
            tables = readers.sheet_heads(path)
        except Exception:  # noqa: BLE001 - an unreadable file is reported, with its reason, by the check after this
            log.info("no header read from %s; the check reports why", path, exc_info=True)
            continue
        for label, head in tables:
            table = mapping.foreign_table(label, head, saved)
            if table is not None:
                foreign.append(table)
    return foreign


class ImportWizard(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("importWizard")
        self.setWindowTitle(tr("Import data"))
        self.window_ = window
        self.store, self.runner = window.store, window.runner
        self.paths: list[Path] = []
        self.given: list[mapping.Profile] = []
        self.result = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._files_page())
        self.mapping_tabs = QTabWidget(self)
        self.pages.addWidget(self._page(tr("These tables have column names the app does not know. Check the"
                                           " proposed columns; the mapping is saved for next time."),
                                        self.mapping_tabs))
        self.pages.addWidget(self._preview_page())
        self.done_label = QLabel(self)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        self.pages.addWidget(self._page("", self.done_label))
        self.back_button = QPushButton(tr("< &Back"), self)
        self.next_button = QPushButton(tr("&Next >"), self)
        self.import_button = QPushButton(tr("&Import"), self)
        self.close_button = QPushButton(tr("&Close"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(1000, 620)
        self._show(FILES)

    # ---- pages ---------------------------------------------------------------------------------------

    def _page(self, text: str, *widgets) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        if text:
            label = QLabel(text, page)
            label.setWordWrap(True)
            layout.addWidget(label)
        for widget in widgets:
            layout.addWidget(widget, 1 if widget is widgets[0] else 0)
        return page

    def _files_page(self) -> QWidget:
        self.files_list = QListWidget(self)
        self.files_list.setObjectName("filesList")
        add = QPushButton(tr("&Add files…"), self)
        add.setObjectName("addFiles")
        add.clicked.connect(self.add_files)
        remove = QPushButton(tr("&Remove"), self)
        remove.clicked.connect(self.remove_file)
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(add)
        row_layout.addWidget(remove)
        row_layout.addStretch(1)
        return self._page(tr("Choose the household and member files (CSV or Excel .xlsx). Nothing changes"
                             " until you have seen the preview and pressed Import."), self.files_list, row)

    def _preview_page(self) -> QWidget:
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setWordWrap(True)
        self.villages = VillageTable(self)
        self.villages.itemChanged.connect(self._update_buttons)
        self.problems = ProblemTable(self)
        self.save_problems = QPushButton(tr("&Save problem list…"), self)
        self.save_problems.setObjectName("saveProblems")
        self.save_problems.clicked.connect(self.save_problem_list)
        self.confirm_new = QCheckBox(self)
        self.confirm_new.setObjectName("confirmNewVillages")
        self.confirm_new.toggled.connect(self._update_buttons)
        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("warningsLabel")
        self.warnings_label.setWordWrap(True)
        self.warnings = WarningTable(self)
        self.confirm_warnings = QCheckBox(self)
        self.confirm_warnings.setObjectName("confirmWarnings")
        self.confirm_warnings.toggled.connect(self._update_buttons)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.villages, 1)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings, 1)
        layout.addWidget(self.confirm_new)
        layout.addWidget(self.confirm_warnings)
        row = QHBoxLayout()
        row.addWidget(self.save_problems)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        page = self.pages.currentIndex()
        self.back_button.setVisible(page in (MAPPING, PREVIEW))
        self.next_button.setVisible(page in (FILES, MAPPING))
        self.next_button.setEnabled(bool(self.paths))
        r = self.result
        ready = (page == PREVIEW and r is not None and r.ok and not r.applied
                 and (not r.new_villages or self.confirm_new.isChecked())
                 and (not r.warning_count or self.confirm_warnings.isChecked()) and self._would_change())
        self.import_button.setVisible(page == PREVIEW)
        self.import_button.setEnabled(bool(ready))
        self.close_button.setText(tr("&Close") if page == DONE else tr("Cancel"))

    def _would_change(self) -> bool:
        rows = preview.plan_rows(self.result)
        return any(r.added or r.changed for r in rows) or bool(self.villages.whole_villages())

    # ---- steps ---------------------------------------------------------------------------------------

    def add_files(self) -> None:
        names, _ = file_dialogs.open_file_names(self, tr("Files to import"), "", FILE_FILTER)
        for name in names:
            if Path(name) not in self.paths:
                self.paths.append(Path(name))
                self.files_list.addItem(Path(name).name)
        self._update_buttons()

    def remove_file(self) -> None:
        row = self.files_list.currentRow()
        if row >= 0:
            self.files_list.takeItem(row)
            del self.paths[row]
        self._update_buttons()

    def back(self) -> None:
        self._show(MAPPING if self.pages.currentIndex() == PREVIEW and self.mapping_tabs.count() else FILES)

    def next(self) -> None:
        if self.pages.currentIndex() == MAPPING:
            self._save_mappings()
            self.check()
            return
        paths, saved = list(self.paths), mapping.load_profiles(mapping.profile_dir())
        self.runner.read(lambda progress, cancel: inspect(paths, saved), title=tr("Reading the headers…"),
                         on_done=self._inspected, show_progress=True)

    def _inspected(self, foreign: list[mapping.ForeignTable]) -> None:
        self.mapping_tabs.clear()
        for table in foreign:
            self.mapping_tabs.addTab(MappingTable(table, self.mapping_tabs), table.label)
        if foreign:
            self._show(MAPPING)
        else:
            self.check()

    def _save_mappings(self) -> None:
        folder = mapping.profile_dir()
        self.given = []
        for i in range(self.mapping_tabs.count()):
            profile = self.mapping_tabs.widget(i).profile()
            if not profile.columns:
                continue  # a sheet the officer left out (notes, a pivot): nothing to save
            mapping.save_profile(folder, profile)
            self.given.append(profile)

    def _job(self, choices: national.Choices):
        store, paths, given = self.store, list(self.paths), list(self.given)
        saved = mapping.load_profiles(mapping.profile_dir())

        def job(progress, cancel):
            return national.import_files(store, paths, progress=progress, cancel=cancel, choices=choices,
                                         mappings=given, saved_mappings=saved)
        return job

    def check(self) -> None:
        job = self._job(national.Choices(preview=True))
        if self._holds_demo():  # real data does not go in beside the made-up households without asking
            if not self._remove_demo_asked():
                return
            store, preview_job = self.store, job

            def job(progress, cancel):
                with store.begin() as conn:
                    demo_data.remove(conn)
                return preview_job(progress, cancel)
        self.runner.write(job, title=tr("Checking the files…"), on_done=self._checked)

    def _holds_demo(self) -> bool:
        with self.store.read() as conn:
            return demo_data.is_demo(conn)

    def _remove_demo_asked(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, tr("This store holds demo data"),
                          tr("The store holds the demo province (made-up households). Real data imported beside it "
                             "would be counted with it in every report. Remove the demo data first?"), parent=self)
        box.setObjectName("importDemoQuestion")
        remove = box.addButton(tr("&Remove the demo, then check the files"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is remove

    def _checked(self, result) -> None:
        self.result = result
        ok = result.ok
        self.villages.setVisible(ok)
        self.problems.setVisible(not ok)
        self.save_problems.setVisible(not ok or bool(result.warning_count))  # the list also holds the warnings
        if not ok:
            self.problems.show_problems(result.problems)
            self.preview_label.setText(tr("%1 problem(s) found: nothing can be imported. Fix the files (the list"
                                          " says where and how) and try again.").replace("%1", f"{result.problem_count:,}"))
        else:
            rows = preview.plan_rows(result)
            self.villages.show_rows(rows)
            t = preview.totals(rows)
            text = tr("Nothing has been changed yet. Added %1, changed %2, unchanged %3 households. Households"
                      " of these villages that are not in the files (%4) are kept, unless you tick that a file"
                      " is the whole village.").replace("%1", f"{t['added']:,}").replace("%2", f"{t['changed']:,}") \
                .replace("%3", f"{t['unchanged']:,}").replace("%4", f"{t['missing']:,}")
            if not self._would_change():
                text = tr("Every household in the files is as the store already holds it: there is nothing to import.")
            self.preview_label.setText(text)
        self.confirm_new.setVisible(bool(ok and result.new_villages))
        self.confirm_new.setChecked(False)
        self.confirm_new.setText(tr("The store does not know these villages yet: %1. I have checked the codes;"
                                    " create them.").replace("%1", ", ".join(result.new_villages)))
        self._show_warnings(result)
        self._show(PREVIEW)

    def _show_warnings(self, result) -> None:
        """The unusual values (shown with problems too); with no problem, a tick confirms them."""
        n = result.warning_count
        self.warnings_label.setVisible(bool(n))
        self.warnings.setVisible(bool(n))
        self.confirm_warnings.setVisible(bool(n and result.ok))
        self.confirm_warnings.setChecked(False)
        if not n:
            return
        self.warnings.show_problems(result.warnings)
        self.warnings_label.setText(tr("%1 unusual value(s): they may be right, but check each one (the list says"
                                       " where and what to check).").replace("%1", f"{n:,}"))
        self.confirm_warnings.setText(tr("I have checked the %1 unusual value(s) listed; they are correct: import"
                                         " them.").replace("%1", f"{n:,}"))

    def start_import(self) -> None:
        choices = national.Choices(whole_villages=self.villages.whole_villages(),
                                   allow_new_villages=self.confirm_new.isChecked(),
                                   accept_warnings=self.confirm_warnings.isChecked())
        self.import_button.setEnabled(False)
        self.runner.write(self._job(choices), title=tr("Importing…"), on_done=self._imported,
                          on_cancel=self._update_buttons, changes=IMPORT, initiator=self)

    def _imported(self, result) -> None:
        if result is None or not result.applied:
            self._checked(result)  # the files changed since the preview: show what they hold now
            return
        t = preview.totals(preview.plan_rows(result))
        self.done_label.setText(tr("Imported: added %1, changed %2, unchanged %3 households; %4 moved to history,"
                                   " %5 not in the files kept.").replace("%1", f"{t['added']:,}")
                                .replace("%2", f"{t['changed']:,}").replace("%3", f"{t['unchanged']:,}")
                                .replace("%4", f"{t['removed']:,}").replace("%5", f"{t['missing']:,}"))
        self.result = None
        self._show(DONE)

    def save_problem_list(self) -> None:
        name, _ = file_dialogs.save_file_name(self, tr("Save problem list"),
                                              str(Path(file_dialogs.default_folder()) / "import-problems.csv"),
                                              "CSV (*.csv)")
        if name:
            national.write_problem_report(self.result.problems, name, total=self.result.problem_count,
                                          warnings=self.result.warnings)
