"""The import's plausibility limits, declared once (rowchecks.py, vectorrows.py and storechecks.py read them).

Beyond a hard limit a value is a problem: the file is not imported. Between a warning limit and the
hard limit a value is unusual but may be right: a warning to confirm (national.Choices.accept_warnings).
"""

from __future__ import annotations

MAX_AGE = 120  # years at the survey's reference date: older is a problem (imp_too_old)
WARN_AGE = 100  # years: older, up to MAX_AGE, is a warning (imp_warn_old)
WARN_MEMBERS = 20  # member rows of one household: more is a warning (imp_warn_members)
WARN_INCOME = 10_000_000  # baht a year, the income components summed (fields.INCOME): more is a warning
