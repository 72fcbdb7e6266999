"""`main.py info`: households and members per level and survey year."""

from __future__ import annotations

import json

from desktop import messages
from desktop.cli import common
from desktop.models import areas, surveys
from desktop.models.schema import LEVEL_DISTRICT, LEVEL_PROVINCE, LEVEL_TAMBON, LEVEL_VILLAGE


messages.register({
    "info_store": ("ฐานข้อมูล: {path}", "Store: {path}"),
    "info_empty": ("ยังไม่มีข้อมูลครัวเรือน", "No households yet."),
    "info_year": (
        "ปีสำรวจ {year} (ชุดตัวชี้วัด {period}): จังหวัด {provinces}  อำเภอ {districts}  ตำบล {tambons}"
        "  หมู่บ้าน {villages}  ครัวเรือน {households:,}  คน {members:,}",
        "Survey year {year} (indicator set {period}): provinces {provinces}  districts {districts}"
        "  tambons {tambons}  villages {villages}  households {households:,}  members {members:,}",
    ),
})


def add_parser(sub) -> None:
    p = sub.add_parser("info", help="counts per level and survey year")
    common.add_db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(run=run)


def summary(store) -> dict:
    out: dict = {"store": str(store.path), "years": {}}
    with store.read() as conn:
        for year in surveys.years(conn):
            nodes = areas.tree(conn, year)
            survey = surveys.get(conn, year)
            levels = {
                name: sum(1 for n in nodes if n.level == level)
                for name, level in (("provinces", LEVEL_PROVINCE), ("districts", LEVEL_DISTRICT),
                                    ("tambons", LEVEL_TAMBON), ("villages", LEVEL_VILLAGE))
            }
            out["years"][str(year)] = {
                "indicator_set": survey.period if survey else None,
                **levels,
                "households": sum(n.households for n in nodes if n.level == LEVEL_PROVINCE),
                "members": sum(n.members for n in nodes if n.level == LEVEL_PROVINCE),
                "provinces_detail": [
                    {"code": n.code, "name": n.name_th, "households": n.households, "members": n.members}
                    for n in nodes if n.level == LEVEL_PROVINCE
                ],
            }
    return out


def run(args) -> int:
    return common.with_store(args, lambda store: _print(summary(store), args.json))


def _print(data: dict, as_json: bool) -> int:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(messages.msg("info_store", path=data["store"]))
    if not data["years"]:
        print(messages.msg("info_empty"))
    for year, y in data["years"].items():
        print(messages.msg("info_year", year=year, period=y["indicator_set"], **{
            k: y[k] for k in ("provinces", "districts", "tambons", "villages", "households", "members")}))
    return 0
