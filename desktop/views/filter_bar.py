"""Filter bar above the household table: review status, corrections, a failed indicator, a search box.

Two rows, so that the centre column stays narrow enough for a 1366-px screen with the detail pane open."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from desktop.models.lookups import IndicatorChoice
from desktop.views import labels

SEARCH_DEBOUNCE_MS = 250


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.setMinimumContentsLength(8)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for code, name in labels.status_names().items():
            self.status_combo.addItem(name, code)
        self.correction_combo = QComboBox(self)
        self.correction_combo.setObjectName("correctionCombo")
        self.correction_combo.setMinimumContentsLength(10)
        self.correction_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.correction_combo.addItem(self.tr("All households"), None)
        for code, name in labels.correction_filter_names().items():
            self.correction_combo.addItem(name, code)
        self.failed_combo = QComboBox(self)
        self.failed_combo.setObjectName("failedCombo")
        self.failed_combo.setMinimumContentsLength(16)
        self.failed_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_indicators([])
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Name, house no. or last digits of an ID (Ctrl+F)"))
        self.search_edit.setMinimumWidth(120)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(4)
        cells = ((0, 0, self.tr("S&tatus:"), self.status_combo), (0, 2, self.tr("Corr&ections:"), self.correction_combo),
                 (1, 0, self.tr("F&ails indicator:"), self.failed_combo), (1, 2, self.tr("Sear&ch:"), self.search_edit))
        for row, column, text, widget in cells:
            label = QLabel(text, self)
            label.setBuddy(widget)
            layout.addWidget(label, row, column, Qt.AlignmentFlag.AlignRight)
            layout.addWidget(widget, row, column + 1)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 2)
        self.status_combo.currentIndexChanged.connect(self.changed)
        self.failed_combo.currentIndexChanged.connect(self.changed)
        self.correction_combo.currentIndexChanged.connect(self.changed)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self._search_now)
        self.setTabOrder(self.status_combo, self.correction_combo)
        self.setTabOrder(self.correction_combo, self.failed_combo)
        self.setTabOrder(self.failed_combo, self.search_edit)

    def set_indicators(self, choices: list[IndicatorChoice], lang: str = "th") -> None:
        """One entry per indicator in set order; its data is the 1-based position for HouseholdFilter."""
        current = self.failed_combo.currentData()
        self.failed_combo.blockSignals(True)
        self.failed_combo.clear()
        self.failed_combo.addItem(self.tr("Any indicator"), None)
        for choice in choices:
            name = choice.name_en if lang == "en" and choice.name_en else choice.name_th
            self.failed_combo.addItem(labels.indicator_label(choice.no, name), choice.position)
            self.failed_combo.setItemData(self.failed_combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        found = self.failed_combo.findData(current) if current is not None else 0
        self.failed_combo.setCurrentIndex(max(found, 0))
        self.failed_combo.blockSignals(False)

    def reset(self) -> None:
        """Every filter off and the search empty, without announcing it (the caller reloads)."""
        widgets = (self.status_combo, self.correction_combo, self.failed_combo, self.search_edit)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in widgets[:3]:
            combo.setCurrentIndex(0)
        self.search_edit.clear()
        self._debounce.stop()
        for widget in widgets:
            widget.blockSignals(False)

    def is_filtering(self) -> bool:
        return bool(self.status() is not None or self.correction() or self.failed_position() or self.search())

    def status(self) -> int | None:
        return self.status_combo.currentData()

    def correction(self) -> str | None:
        return self.correction_combo.currentData()

    def failed_position(self) -> int | None:
        return self.failed_combo.currentData()

    def search(self) -> str:
        return self.search_edit.text().strip()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _search_now(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()
