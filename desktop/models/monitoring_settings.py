"""Settings of monitoring visits and back-checks, kept as JSON in the meta table (key "monitoring_settings").

The official confidence form (แบบสรุปความเชื่อมั่นคุณภาพของข้อมูล จปฐ.) is not public (shared/domain/bmn.md §6.1),
so every rule of the method is a setting with a documented default that an office can change: the process
checklist, the sample size, stratification, which items are re-asked, the tolerance and class of each item,
how confidence is aggregated, and how many visits each level must make. docs/monitoring.md explains them.

Item keys: "members" (member count), "age" (each member's age; "age:<seq>" for one member), "answer"
("answer:<code>" for one answer code of the year's layout), "income" ("income:<column>" for one component).
A tolerance or class given for a full key overrides the one given for its kind.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy import Connection

from desktop.models import audit, meta
from desktop.models.errors import UserError
from desktop.models.fields import INCOME
from desktop.models.monitoring_messages import msg, problems_text

META_KEY = "monitoring_settings"
INCOME_COLUMNS = INCOME  # the income components a back-check may ask about
ITEM_KINDS = ("members", "age", "answer", "income")
AGGREGATIONS = ("items", "villages")  # weighted by items / mean of village percentages
# bcstats classes: 1 should never change, 2 hard to ask, 3 expected to vary
CLASS_LABELS = {1: "ไม่ควรเปลี่ยนแปลง", 2: "ถามยาก", 3: "เปลี่ยนแปลงได้"}

DEFAULT_CHECKLIST = (
    ("working_group", "แต่งตั้งคณะทำงานจัดเก็บข้อมูลแล้ว"),
    ("collectors_trained", "อบรมผู้จัดเก็บข้อมูลแล้ว"),
    ("forms_signed", "แบบสอบถามลงนามครบ (ผู้ให้ข้อมูล ผู้จัดเก็บ ผู้ตรวจสอบ)"),
    ("village_meeting", "นำเสนอผลต่อเวทีประชาคมหมู่บ้านแล้ว"),
    ("corrections_sent", "ส่งรายการแก้ไขข้อมูลให้ผู้มีสิทธิ์แก้ไขแล้ว"),
)


@dataclass(frozen=True)
class MonitoringSettings:
    checklist: tuple[tuple[str, str], ...] = DEFAULT_CHECKLIST  # (key, Thai label)
    sample_mode: str = "percent"  # "percent" (size_percent of N, at least size_minimum) or "fixed" (size_fixed)
    size_percent: float = 10.0
    size_minimum: int = 3
    size_fixed: int = 5
    stratify: bool = True  # households failing at least one indicator / the others
    items: tuple[str, ...] = ITEM_KINDS  # which kinds are re-asked
    answer_codes: tuple[str, ...] = ()  # answer codes re-asked; () = household yes/no questions of the set,
    answer_max: int = 8  # ... at most this many, spread evenly over the set (one sheet stays one page)
    tolerances: dict = field(default_factory=lambda: {"members": {"abs": 0}, "age": {"abs": 1}, "answer": {"abs": 0},
                                                      "income": {"pct": 10}})
    classes: dict = field(default_factory=lambda: {"members": 1, "age": 1, "answer": 2, "income": 3})
    aggregation: str = "items"
    required_visits: dict = field(default_factory=lambda: {"district": 1, "province": 2})
    kpi_target: float = 95.0  # green at or above
    kpi_warning: float = 90.0  # amber at or above, red below

    def tolerance(self, key: str) -> dict:
        kind = key.split(":", 1)[0]
        return dict(self.tolerances.get(key) or self.tolerances.get(kind) or {"abs": 0})

    def item_class(self, key: str) -> int:
        kind = key.split(":", 1)[0]
        return int(self.classes.get(key) or self.classes.get(kind) or 2)

    def sample_size(self, n: int) -> int:
        """Households to draw from a village of n: a fixed number, or a share with a minimum; never above n."""
        import math

        if self.sample_mode == "fixed":
            want = self.size_fixed
        else:
            want = max(self.size_minimum, math.ceil(self.size_percent * n / 100 - 1e-9))
        return max(0, min(n, want))

    def kpi_colour(self, percent: float | None) -> str:
        if percent is None:
            return "none"
        return "green" if percent >= self.kpi_target else "amber" if percent >= self.kpi_warning else "red"

    def sample_part(self) -> dict:
        """What the draw depends on (recorded with every sample so anyone can redraw it)."""
        return {"sample_mode": self.sample_mode, "size_percent": self.size_percent, "size_minimum": self.size_minimum,
                "size_fixed": self.size_fixed, "stratify": self.stratify}

    def to_json(self) -> str:
        data = asdict(self)
        data["checklist"] = [list(pair) for pair in self.checklist]
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)


def from_dict(data: dict) -> MonitoringSettings:
    """Settings from a (possibly partial) dict; unknown keys and bad values raise UserError listing every problem."""
    if not isinstance(data, dict):
        raise UserError(msg("mon_settings_not_object"))
    base = MonitoringSettings()
    known = set(asdict(base))
    problems = [msg("mon_set_unknown", item=k) for k in data if k not in known]
    values = {k: v for k, v in data.items() if k in known}
    if "checklist" in values:
        try:
            values["checklist"] = tuple((str(k), str(label)) for k, label in values["checklist"])
        except (TypeError, ValueError):
            problems.append(msg("mon_set_checklist_shape"))
            values.pop("checklist")
    for key in ("items", "answer_codes"):
        if key in values:
            values[key] = tuple(str(v) for v in values[key])
    try:
        settings = replace(base, **values)
    except TypeError as err:
        raise UserError(problems_text("mon_settings_invalid", [str(err)])) from None
    problems += _problems(settings)
    if problems:
        raise UserError(problems_text("mon_settings_invalid", problems))
    return settings


def _number(value, lo: float, hi: float | None = None) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= lo and (hi is None or value <= hi)


def _problems(s: MonitoringSettings) -> list[str]:
    out = []
    if s.sample_mode not in ("percent", "fixed"):
        out.append(msg("mon_set_sample_mode"))
    if not _number(s.size_percent, 0.1, 100):
        out.append(msg("mon_set_percent"))
    for name in ("size_minimum", "size_fixed", "answer_max"):
        if not isinstance(getattr(s, name), int) or getattr(s, name) < 1:
            out.append(msg("mon_set_positive", name=name))
    out += [msg("mon_set_item", item=k) for k in s.items if k not in ITEM_KINDS]
    for key, tol in s.tolerances.items():
        if key.split(":", 1)[0] not in ITEM_KINDS or not isinstance(tol, dict) or set(tol) - {"abs", "pct"} \
                or not all(_number(v, 0) for v in tol.values()):
            out.append(msg("mon_set_tolerance", item=key))
    for key, cls in s.classes.items():
        if key.split(":", 1)[0] not in ITEM_KINDS or cls not in CLASS_LABELS:
            out.append(msg("mon_set_class", item=key))
    if s.aggregation not in AGGREGATIONS:
        out.append(msg("mon_set_aggregation"))
    for level in ("district", "province"):
        if not isinstance(s.required_visits.get(level), int) or s.required_visits[level] < 0:
            out.append(msg("mon_set_visits", level=level))
    if not (_number(s.kpi_target, 0, 100) and _number(s.kpi_warning, 0, 100) and s.kpi_warning <= s.kpi_target):
        out.append(msg("mon_set_kpi"))
    keys = [k for k, _ in s.checklist]
    if len(set(keys)) != len(keys) or not all(keys):
        out.append(msg("mon_set_checklist_keys"))
    return out


def load(conn: Connection) -> MonitoringSettings:
    raw = meta.get(conn, META_KEY)
    return from_dict(json.loads(raw)) if raw else MonitoringSettings()


def save(conn: Connection, settings: MonitoringSettings) -> None:
    """Store the settings (validated) with an audit entry, in the caller's transaction."""
    problems = _problems(settings)
    if problems:
        raise UserError(problems_text("mon_settings_invalid", problems))
    meta.put(conn, META_KEY, settings.to_json())
    audit.append(conn, "monitoring.settings", target=META_KEY, detail=json.loads(settings.to_json()))


def load_file(path) -> MonitoringSettings:
    from pathlib import Path

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise UserError(msg("mon_settings_file", path=path, error=err)) from None
    return from_dict(data)
