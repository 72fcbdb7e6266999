"""The import's preview in words: per village, households added, changed, unchanged and missing.

Shared by `main.py import` (printed) and the window's import wizard (its table reads plan_rows).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.importers import import_messages  # noqa: F401 - registers the messages used here
from desktop.messages import msg


@dataclass(frozen=True)
class VillageRow:
    code: str
    name: str
    added: int
    changed: int
    unchanged: int
    missing: int  # kept: the file does not bring them
    removed: int  # moved to history: the file is the whole village
    new_village: bool


def plan_rows(result) -> list[VillageRow]:
    """One row per village of an ImportResult (empty when the files had problems)."""
    if result.summary is None:
        return []
    names = result.village_names
    return [VillageRow(str(v), names.get(str(v), "") or "", p.added, p.changed, p.unchanged, p.missing,
                       p.removed, p.new_village) for v, p in sorted(result.summary.plan.items())]


def totals(rows: list[VillageRow]) -> dict[str, int]:
    return {k: sum(getattr(r, k) for r in rows) for k in ("added", "changed", "unchanged", "missing", "removed")}


def preview_lines(result) -> list[str]:
    lines = [msg("imp_preview_head")]
    for row in plan_rows(result):
        lines.append(msg("imp_preview_village", village=row.code, name=row.name, added=row.added,
                         changed=row.changed, unchanged=row.unchanged))
        if row.missing:
            lines.append(msg("imp_preview_missing_kept", n=row.missing))
        if row.removed:
            lines.append(msg("imp_preview_missing_removed", n=row.removed))
        if row.new_village:
            lines.append(msg("imp_preview_new_village"))
    return lines
