"""`main.py indicators list|load FILE`: the indicator sets in use, and loading an official one."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import common
from desktop.messages import language
from desktop.models import indicator_sets, indicators
from desktop.models.indicators import IndicatorSetError


def add_parser(sub) -> None:
    p = sub.add_parser("indicators", help="list the indicator sets, or load one from a JSON/XLSX file")
    p.add_argument("action", choices=("list", "load"))
    p.add_argument("file", nargs="?", type=Path, help="with load: the set file (.json or .xlsx)")
    common.add_db_option(p)
    p.set_defaults(run=run)


def _say(th: str, en: str) -> None:
    print(en if language() == "en" else th)


def run(args) -> int:
    return common.with_store(args, lambda store: _load(store, args.file) if args.action == "load" else _list(store))


def _list(store) -> int:
    with store.read() as conn:
        installed = indicators.installed(conn)
    periods = sorted(set(indicators.bundled_periods()) | set(installed))
    for period in periods:
        ind_set = installed.get(period) or indicators.bundled(period)
        n, loaded = len(ind_set.indicators), period in installed
        title_th, title_en = ind_set.title_th, ind_set.title_en or ind_set.title_th
        draft = ind_set.provisional  # said once: a draft set's own title may say so already
        _say(f"{period}: {title_th} ({n} ตัวชี้วัด, {'โหลดเข้าฐานข้อมูล' if loaded else 'มากับโปรแกรม'})"
             + (" — ชุดตัวชี้วัดฉบับร่าง" if draft and "ร่าง" not in title_th else ""),
             f"{period}: {title_en} ({n} indicators, {'loaded into the store' if loaded else 'bundled'})"
             + (" — draft set" if draft and "draft" not in title_en.lower() else ""))
    return 0


def _load(store, path: Path | None) -> int:
    if path is None:
        _say("ระบุไฟล์ชุดตัวชี้วัด (.json หรือ .xlsx)", "Give the indicator-set file (.json or .xlsx).")
        return 1
    try:
        ind_set, data = indicator_sets.read_file(path)
    except IndicatorSetError as err:
        _say(f"ไฟล์ชุดตัวชี้วัดใช้ไม่ได้: {err}", f"The indicator-set file cannot be used: {err}")
        return 1
    with store.begin() as conn:
        result = indicator_sets.install(conn, ind_set, data, source=path.name)
    _say(
        f"โหลดชุดตัวชี้วัด {result.period} แล้ว: ประเมินใหม่ {result.households:,} ครัวเรือน"
        f" ผลเปลี่ยน {result.changed:,} ครัวเรือน (ปีสำรวจ {', '.join(map(str, result.survey_years)) or '-'})",
        f"Loaded indicator set {result.period}: re-evaluated {result.households:,} households,"
        f" {result.changed:,} changed (survey years {', '.join(map(str, result.survey_years)) or '-'})",
    )
    return 0
