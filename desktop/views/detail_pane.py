"""Right: one household in full — header, members (IDs masked), income and expense, indicator results."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import dates
from desktop.models.households import HouseholdDetail
from desktop.views import labels
from desktop.views.detail_tables import IndicatorTree, MembersTable, MoneyTable
from desktop.views.history_view import HistoryView

LOCK_STYLE = ("QLabel { background: #e8f0fe; color: #1a3e72; border: 1px solid #8fb0e0; border-radius: 4px;"
              " padding: 4px 8px; }")
BANNER_STYLE = ("QLabel { background: #fff4ce; color: #6b4e00; border: 1px solid #e0c060; border-radius: 4px;"
                " padding: 4px 8px; font-weight: bold; }")


class DetailPane(QWidget):
    reveal_requested = Signal(object, int)  # household id (64-bit), member seq
    mark_reviewed_requested = Signal()
    correct_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.detail: HouseholdDetail | None = None
        self.lang = "th"
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # with two buttons beside it the pane must still fit a 1400-px window
        self.banner = QLabel(self.tr("Draft indicator set (ชุดตัวชี้วัดฉบับร่าง): not yet confirmed; "
                                     "do not certify with it"), self)
        self.banner.setObjectName("provisionalBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.lock_banner = QLabel(self)
        self.lock_banner.setObjectName("lockBanner")
        self.lock_banner.setStyleSheet(LOCK_STYLE)
        self.lock_banner.setWordWrap(True)
        self.lock_banner.hide()
        self.locked = ""
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, text in (("area", self.tr("Village:")), ("head", self.tr("Head:")), ("status", self.tr("Status:")),
                          ("version", self.tr("Record version:")), ("surveyed", self.tr("Surveyed:"))):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(text, value)
        self.members = MembersTable(self)
        self.money = MoneyTable(self)
        self.indicator_tree = IndicatorTree(self)
        self.reveal_button = QPushButton(self.tr("Sho&w ID"), self)
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setToolTip(self.tr("Show the full national ID of the selected member (recorded in the audit log)"))
        self.reveal_button.clicked.connect(self._reveal_clicked)
        self.review_button = QPushButton(self.tr("Mar&k reviewed"), self)
        self.review_button.setObjectName("reviewButton")
        self.review_button.setToolTip(self.tr("Mark the selected households as reviewed (Ctrl+R)"))
        self.review_button.clicked.connect(self.mark_reviewed_requested)
        self.correct_button = QPushButton(self.tr("Correct data…"), self)
        self.correct_button.setObjectName("correctButton")
        self.correct_button.setToolTip(self.tr("Correct this household's data (Ctrl+E)"))
        self.correct_button.clicked.connect(self.correct_requested)
        self.history = HistoryView(self)
        members_tab = QWidget(self)
        members_layout = QVBoxLayout(members_tab)
        members_layout.addWidget(self.members, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        members_layout.addLayout(buttons)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(members_tab, self.tr("Mem&bers"))
        self.tabs.addTab(self.money, self.tr("Income and e&xpense"))
        self.tabs.addTab(self.indicator_tree, self.tr("I&ndicators"))
        self.tabs.addTab(self.history, self.tr("H&istory"))
        self.empty = QLabel(self.tr("Select a household in the table to see its details."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.correct_button)
        top.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.lock_banner)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        self.setTabOrder(self.review_button, self.tabs)
        self.setTabOrder(self.tabs, self.members)
        self.setTabOrder(self.members, self.reveal_button)
        self.clear()

    def clear(self) -> None:
        self.detail = None
        self.title.setText(self.tr("No household selected"))
        for value in self.fields.values():
            value.clear()
        self.members.setRowCount(0)
        self.money.setRowCount(0)
        self.indicator_tree.clear()
        self.tabs.hide()
        self.reveal_button.setEnabled(False)
        self.review_button.setEnabled(False)
        self.correct_button.setEnabled(False)
        self.set_locked("")
        self.history.clear()
        self.empty.show()

    def show_household(self, detail: HouseholdDetail, area_path: list[tuple[str, str]], lang: str = "th") -> None:
        self.detail = detail
        self.lang = lang
        self.title.setText(self.tr("House no. %1 · house code %2").replace("%1", detail.house_no)
                           .replace("%2", detail.house_code))
        self.fields["area"].setText(" › ".join(name for _code, name in area_path))
        self.fields["head"].setText(detail.head_name)
        self.fields["status"].setText(labels.status_name(detail.status))
        self.fields["version"].setText(str(detail.version))
        self.fields["surveyed"].setText(self._surveyed_text(detail))
        self.banner.setVisible(detail.provisional)
        self.members.fill(detail.members)
        self.money.fill(detail)
        ind_set = detail.indicator_set
        self.indicator_tree.fill(detail, ind_set, lang)
        self.empty.hide()
        self.tabs.show()
        self.reveal_button.setEnabled(bool(detail.members))
        self.review_button.setEnabled(True)
        self.correct_button.setEnabled(True)

    def set_locked(self, reason: str) -> None:
        """A certification covers this household: say so before anyone edits, and how to re-open."""
        self.locked = reason
        self.history.locked = reason
        if reason:
            how = self.tr("To correct it, re-open the certification first (Certification → Re-open the "
                          "certification…).")
            self.lock_banner.setText(f"🔒 {reason}\n{how}")
            self.correct_button.setToolTip(f"{reason}\n{how}")
        else:
            self.correct_button.setToolTip(self.tr("Correct this household's data (Ctrl+E)"))
        self.lock_banner.setVisible(bool(reason))
        self.correct_button.setEnabled(self.detail is not None and not reason)
        self.history._update_button()

    def _surveyed_text(self, detail: HouseholdDetail) -> str:
        parts = []
        if detail.survey_date:
            try:
                parts.append(dates.long_date(dt.date.fromisoformat(detail.survey_date), self.lang))
            except ValueError:
                parts.append(detail.survey_date)
        if detail.collector:
            parts.append(self.tr("by %1").replace("%1", detail.collector))
        return " ".join(parts)

    def show_full_id(self, seq: int, pid: str) -> None:
        self.members.show_full_id(seq, pid)

    def _reveal_clicked(self) -> None:
        seq = self.members.selected_seq()
        if self.detail is not None and seq is not None:
            self.reveal_requested.emit(self.detail.id, seq)
