"""The household fields, declared once: the money columns (income and expense components, whole baht), and
the fields a household event may set. The store's schema, the importer's columns, the wire format, the
province server and the monitoring rules all read these, so a fifth income component is a one-place change."""

from __future__ import annotations

INCOME = ("inc_main", "inc_second", "inc_other", "inc_produce")
EXPENSE = ("exp_production", "exp_necessary", "exp_unnecessary", "exp_debt")
MONEY = (*INCOME, *EXPENSE)

# Fields a household event may set (corrections of members and answers come with a later issue).
SETTABLE = ("status", "house_no", "head_name", *MONEY, "collector", "survey_date")


def total_income_sql(alias: str = "h.") -> str:
    """SQL for a household's total income: "(h.inc_main + h.inc_second + ...)"."""
    return "(" + " + ".join(alias + c for c in INCOME) + ")"
