"""Names shown for codes: review status, indicator results, officer levels, money fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.models import engine
from desktop.models.schema import (
    STATUS_CERTIFIED,
    STATUS_CORRECTED_UPSTREAM,
    STATUS_CORRECTION_REQUESTED,
    STATUS_IMPORTED,
    STATUS_REVIEWED,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_names() -> dict[int, str]:
    return {
        STATUS_IMPORTED: tr("Imported"),
        STATUS_REVIEWED: tr("Reviewed"),
        STATUS_CORRECTION_REQUESTED: tr("Correction requested"),
        STATUS_CORRECTED_UPSTREAM: tr("Corrected upstream"),
        STATUS_CERTIFIED: tr("Certified"),
    }


def correction_filter_names() -> dict[str, str]:
    """Choices of the household table's correction filter (keys: desktop.models.corrections statuses)."""
    return {
        "any": tr("Any correction"),
        "open": tr("Open corrections"),
        "recorded": tr("Correction recorded"),
        "sent": tr("Correction sent upstream"),
        "confirmed": tr("Correction confirmed"),
        "not_applied": tr("Correction not applied"),
        "reverted": tr("Correction reverted"),
    }


def status_name(code: int) -> str:
    return status_names().get(code, str(code))


def result_name(status: str) -> str:
    return {engine.PASS: tr("Pass"), engine.FAIL: tr("Fail")}.get(status, tr("Not applicable"))


RESULT_COLOURS = {engine.PASS: QColor("#1b7a3a"), engine.FAIL: QColor("#b3261e")}
NOT_APPLICABLE_COLOUR = QColor("#6b6b6b")


def result_colour(status: str) -> QColor:
    return RESULT_COLOURS.get(status, NOT_APPLICABLE_COLOUR)


def level_names() -> dict[str, str]:
    return {"tambon": tr("Tambon coordinator"), "district": tr("District officer"), "province": tr("Province officer")}


def sex_name(code: str) -> str:
    return {"M": tr("Male"), "F": tr("Female")}.get(code, code)


def health_name(code: str) -> str:
    return {"N": tr("Normal"), "D": tr("Disabled"), "C": tr("Chronically ill")}.get(code, code)


def income_names() -> dict[str, str]:
    return {
        "inc_main": tr("Main occupation"),
        "inc_second": tr("Secondary occupation"),
        "inc_other": tr("Other income"),
        "inc_produce": tr("Own produce (value)"),
    }


def expense_names() -> dict[str, str]:
    return {
        "exp_production": tr("Production costs"),
        "exp_necessary": tr("Necessary spending"),
        "exp_unnecessary": tr("Unnecessary spending"),
        "exp_debt": tr("Debt repayment"),
    }


def baht(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def indicator_label(no: int, name: str) -> str:
    return tr("No. %1 %2").replace("%1", str(no)).replace("%2", name)
