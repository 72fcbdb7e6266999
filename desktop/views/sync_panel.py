"""The sync panel: server and token, what will go up and come down, Sync now with progress and Cancel,
and the receipt per village afterwards. All work goes through the SyncController (sync_ui.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.messages import msg
from desktop.views import screen_fit
from desktop.views.buttons import never_on_enter

EQUAL_COLOUR = QColor("#1b7a3a")
DIFFER_COLOUR = QColor("#b3261e")


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncPanel", text)


def kind_names() -> dict[str, str]:
    return {
        "household.status": tr("Review status"),
        "household.set": tr("Household fields"),
        "conflict.resolved": tr("Conflict decisions"),
        "profile.set": tr("Officer profile"),
        "indicators.install": tr("Indicator sets"),
        "correction.record": tr("Corrections"),
        "correction.revert": tr("Reverted corrections"),
        "certification": tr("Certifications"),
        "certification.reopen": tr("Re-opened certifications"),
        "certification.roster": tr("Certification rosters"),
        "visit.log": tr("Visits"),
        "backcheck.sample": tr("Back-check samples"),
        "backcheck.answer": tr("Back-check answers"),
    }


def differ_names() -> dict[str, str]:
    return {"households": tr("household count"), "members": tr("member count"), "content": tr("content"),
            "missing_here": tr("not on this laptop"), "missing_on_server": tr("not on the server")}


class SyncPanel(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("syncPanel")
        self.setWindowTitle(tr("Sync with the province server"))
        screen_fit.fit(self, 720, 560)
        self._make_widgets()
        self._layout()
        controller._bridge.stage.connect(self.show_stage)
        controller._bridge.retrying.connect(self.show_retrying)
        self.server_edit.setText(controller.remembered_server())
        self._token_state()

    def _make_widgets(self) -> None:
        self.server_edit = QLineEdit(self)
        self.server_edit.setObjectName("serverEdit")
        self.server_edit.setPlaceholderText("https://bmn.province.example")
        self.server_edit.editingFinished.connect(self._token_state)
        self.token_edit = QLineEdit(self)
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_token_button = QPushButton(tr("Save token"), self)
        self.save_token_button.clicked.connect(self.save_token)
        self.up_label = QLabel(self)
        self.up_label.setObjectName("upLabel")
        self.up_label.setWordWrap(True)
        self.down_label = QLabel(self)
        self.down_label.setObjectName("downLabel")
        self.down_label.setWordWrap(True)
        self.preview_button = QPushButton(tr("&Preview"), self)
        self.preview_button.clicked.connect(self.preview)
        self.sync_button = QPushButton(tr("S&ync now"), self)
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton(tr("Export bundle…"), self)
        self.export_button.clicked.connect(lambda: self.controller.export_bundle())
        self.import_button = QPushButton(tr("Import bundle…"), self)
        self.import_button.clicked.connect(lambda: self.controller.import_bundle())
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setWordWrap(True)
        self.retry_label = QLabel(self)
        self.retry_label.setObjectName("retryLabel")
        self.retry_label.setStyleSheet("color: #9a5b00;")
        self.retry_label.setWordWrap(True)
        self.retry_label.hide()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receipt_table = QTableWidget(0, 4, self)
        self.receipt_table.setObjectName("receiptTable")
        self.receipt_table.setHorizontalHeaderLabels(
            [tr("Village"), tr("Households (here / server)"), tr("Members (here / server)"), tr("Result")])
        self.receipt_table.verticalHeader().hide()
        self.receipt_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.receipt_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.refused_table = QTableWidget(0, 4, self)
        self.refused_table.setObjectName("refusedTable")
        self.refused_table.setHorizontalHeaderLabels([tr("What"), tr("Household / target"), tr("Answer"),
                                                      tr("Reason")])
        self.refused_table.verticalHeader().hide()
        self.refused_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.refused_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.receipt_table, tr("Receipt per village"))
        self.tabs.addTab(self.refused_table, tr("Refused by the server"))
        self.tabs.addTab(self._make_quarantine(), tr("Set aside"))
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.clicked.connect(self.hide)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Server:"), self.server_edit)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_edit, 1)
        token_row.addWidget(self.save_token_button)
        form.addRow(tr("Token:"), token_row)
        form.addRow(tr("Will send:"), self.up_label)
        form.addRow(tr("Will receive:"), self.down_label)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.sync_button, self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.retry_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    # inputs ----------------------------------------------------------------------------------------------

    def server(self) -> str:
        return self.server_edit.text().strip()

    def _token_state(self) -> None:
        saved = self.controller.has_token(self.server())
        self.token_edit.setPlaceholderText(tr("Saved in the system keyring") if saved
                                           else tr("Paste the token from the province administrator"))

    def save_token(self) -> bool:
        token = self.token_edit.text().strip()
        if not self.server() or not token:
            self.show_error(msg("no_server") if not self.server() else msg("no_token", server=self.server()))
            return False
        kept, text = self.controller.save_token(self.server(), token)
        self.show_message(text)
        if kept:
            self.token_edit.clear()
            self._token_state()
        return kept

    def _token_for_request(self) -> str:
        """A token typed here is kept in the keyring first (if there is one), and used either way."""
        token = self.token_edit.text().strip()
        if token and self.server():
            kept, text = self.controller.save_token(self.server(), token)
            if kept:
                self._token_state()
            else:  # no keyring here: used for this sync only; say how to keep it
                self.show_message(text)
        return token

    # what will go up and come down ----------------------------------------------------------------------

    def refresh_local(self) -> None:
        up = self.controller.outbox_summary()
        names = kind_names()
        kinds = ", ".join(f"{names.get(k, k)} {n:,}" for k, n in up["by_kind"].items())
        text = tr("%1 unsent event(s)").replace("%1", f"{up['pending']:,}")
        self.up_label.setText(f"{text} ({kinds})" if kinds else text)
        if up["open_conflicts"]:
            self.up_label.setText(self.up_label.text() + " · " + tr("%1 conflict(s) waiting for a decision")
                                  .replace("%1", f"{up['open_conflicts']:,}"))
        if not self.down_label.text():
            self.down_label.setText(tr("Press Preview to ask the server."))
        self.fill_refused(self.controller.refused_events())
        self.fill_quarantine(self.controller.quarantined())

    def _make_quarantine(self) -> QWidget:
        """Events set aside after the server failed on them again and again: a list, Retry and Drop."""
        page = QWidget(self)
        self.quarantine_table = QTableWidget(0, 3, page)
        self.quarantine_table.setObjectName("quarantineTable")
        self.quarantine_table.setHorizontalHeaderLabels([tr("What"), tr("Target"), tr("Why")])
        self.quarantine_table.verticalHeader().hide()
        self.quarantine_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.quarantine_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.quarantine_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.retry_button = QPushButton(tr("&Retry at the next sync"), page)
        self.drop_button = QPushButton(tr("Do&n't send"), page)
        self.retry_button.clicked.connect(lambda: self._settle_quarantined("retry"))
        self.drop_button.clicked.connect(lambda: self._settle_quarantined("drop"))
        never_on_enter(self.drop_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.quarantine_table, 1)
        layout.addLayout(buttons)
        self.quarantine_uuids: list[str] = []
        return page

    def fill_quarantine(self, events: list[dict]) -> None:
        names = kind_names()
        self.quarantine_uuids = [e["uuid"] for e in events]
        self.quarantine_table.setRowCount(len(events))
        for row, e in enumerate(events):
            for column, value in enumerate((names.get(e["kind"], e["kind"]), e["target"], e["reason"])):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.quarantine_table.setItem(row, column, item)
        if events and self.quarantine_table.currentRow() < 0:
            self.quarantine_table.selectRow(0)
        self.retry_button.setEnabled(bool(events))
        self.drop_button.setEnabled(bool(events))
        self.tabs.setTabText(2, tr("Set aside (%1)").replace("%1", f"{len(events):,}") if events else tr("Set aside"))

    def _settle_quarantined(self, action: str) -> None:
        row = self.quarantine_table.currentRow()
        if 0 <= row < len(self.quarantine_uuids):
            self.controller.settle_quarantined(self.quarantine_uuids[row], action)

    def fill_refused(self, events: list[dict]) -> None:
        """Events the server refused or wants checked again: kept and shown, never dropped."""
        names = kind_names()
        self.refused_table.setRowCount(len(events))
        for row, e in enumerate(events):
            hh = e["household"]
            target = (tr("House %1 · %2 · village %3").replace("%1", str(hh["house_no"]))
                      .replace("%2", str(hh["head_name"])).replace("%3", str(hh["village"])) if hh else e["target"])
            answer = tr("Refused") if e["state"] == "rejected" else tr("Needs re-check")
            for column, value in enumerate((names.get(e["kind"], e["kind"]), target, answer, e["reason"])):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 2:
                    item.setForeground(DIFFER_COLOUR)
                self.refused_table.setItem(row, column, item)
        self.tabs.setTabText(1, tr("Refused by the server (%1)").replace("%1", f"{len(events):,}") if events
                             else tr("Refused by the server"))

    def preview(self) -> None:
        self.down_label.setText(tr("Asking the server…"))
        self.controller.preview(self.server(), self._token_for_request(), self.show_preview, self._preview_failed)

    def _preview_failed(self, text: str) -> None:
        self.down_label.setText("")
        self.show_error(text)

    def show_preview(self, data: dict) -> None:
        parts = [tr("%1: about %2 household(s), %3 removed").replace("%1", area)
                 .replace("%2", f"{d['households']:,}").replace("%3", f"{d['removed']:,}")
                 for area, d in sorted(data["down"].items())]
        if data.get("held"):
            parts.append(tr("%1 household(s) with unsent work or conflicts are not overwritten")
                         .replace("%1", f"{data['held']:,}"))
        self.down_label.setText("\n".join(parts) or tr("Nothing new on the server."))
        self.refresh_local()

    # sync ------------------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.controller.running:
            return
        self.receipt_table.setRowCount(0)
        self.result_label.clear()
        self._set_running(True)
        self.stage_label.setText(tr("Connecting…"))
        self.controller.start_sync(self.server(), self._token_for_request())

    def cancel(self) -> None:
        self.stage_label.setText(tr("Stopping after the current step…"))
        self.controller.cancel_sync()

    def _set_running(self, running: bool) -> None:
        self.retry_label.hide()
        for button in (self.sync_button, self.preview_button, self.export_button, self.import_button):
            button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress_bar.setRange(0, 0 if running else 1)
        self.progress_bar.setValue(0)

    @Slot(str, int, int)
    def show_stage(self, stage: str, done: int, total: int) -> None:
        self.retry_label.hide()  # the connection is back
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.stage_label.setText(f"{stage} {done:,} / {total:,}")
        else:
            self.progress_bar.setRange(0, 0)
            self.stage_label.setText(f"{stage} {done:,}" if done else stage)

    @Slot(str)
    def show_retrying(self, text: str) -> None:
        self.retry_label.setText(text)
        self.retry_label.show()

    def show_report(self, report, village_names: dict[str, str]) -> None:
        from desktop.views.sync_ui import summary

        self._set_running(False)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.stage_label.setText(tr("Done."))
        lines = [summary(report)]
        differ = [r for r in report.receipts if not r["equal"]]
        lines.append(msg("receipt_equal", n=len(report.receipts)) if not differ else
                     msg("receipt_differs", equal=len(report.receipts) - len(differ), differ=len(differ),
                         example=f"{differ[0]['key']}: "
                                 + ", ".join(differ_names().get(d, d) for d in differ[0]["differs"])))
        if report.open_conflicts:
            lines.append(tr("%1 household(s) have conflicts waiting for a decision: Sync → Conflicts…")
                         .replace("%1", f"{report.open_conflicts:,}"))
        self.result_label.setStyleSheet("")
        self.result_label.setText("\n".join(lines))
        self.fill_receipts(report.receipts, village_names)
        self.down_label.setText(tr("Press Preview to ask the server."))  # the earlier preview is out of date
        self.refresh_local()

    def fill_receipts(self, receipts: list[dict], names: dict[str, str]) -> None:
        self.receipt_table.setRowCount(len(receipts))
        differ = differ_names()
        for row, r in enumerate(receipts):
            here, there = r["local"] or {}, r["server"] or {}
            result = tr("Equal") if r["equal"] else tr("Differs: %1").replace(
                "%1", ", ".join(differ.get(d, d) for d in r["differs"]))
            cells = [f"{r['key']} {names.get(r['key'], '')}".strip(),
                     f"{here.get('households', '–')} / {there.get('households', '–')}",
                     f"{here.get('members', '–')} / {there.get('members', '–')}", result]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if column == 3:
                    item.setForeground(EQUAL_COLOUR if r["equal"] else DIFFER_COLOUR)
                self.receipt_table.setItem(row, column, item)

    def show_error(self, text: str) -> None:
        self._set_running(False)
        self.stage_label.setText("")
        self.result_label.setStyleSheet("color: #b3261e;")
        self.result_label.setText(text)

    def show_cancelled(self, text: str) -> None:
        self._set_running(False)
        self.stage_label.setText("")
        self.result_label.setStyleSheet("")
        self.result_label.setText(text)

    def show_message(self, text: str) -> None:
        self.result_label.setStyleSheet("")
        self.result_label.setText(text)
