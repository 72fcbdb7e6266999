"""Properties of the import (Hypothesis): what it accepts round-trips export → import → export byte for
byte; a file with any one injected fault imports nothing and leaves the store as it was."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.importers import columns as C
from desktop.importers import export, national
from desktop.models import db, indicators
from tests.conftest import PASSPHRASE
from tests.fixtures import bmnfiles as F
from tests.test_import_preview import fingerprint

SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E)
TEXT = st.text(st.one_of(THAI, st.sampled_from(" .-/()'=+@#,\"ABCabc0123456789")), min_size=1, max_size=40)


def _kinds() -> dict[str, str]:
    layout = F.layout()
    return dict(zip(layout, C.answer_kinds(indicators.bundled(indicators.period_for_year(F.YEAR)), layout)))


@st.composite
def village_files(draw):
    n = draw(st.integers(1, 4))
    hh, mm = F.sample(n, members_per=2)
    kinds = _kinds()
    for h in hh:
        h["house_no"] = draw(st.one_of(TEXT, st.from_regex(r"[1-9][0-9]{0,3}(/[1-9][0-9]?)?", fullmatch=True)))
        h["head_name"] = draw(TEXT)
        h["village_name"] = draw(st.one_of(st.just(""), TEXT))
        h["collector"] = draw(st.one_of(st.just(""), TEXT))
        for name in C.MONEY_COLUMNS:
            h[name] = draw(st.integers(0, 10_000_000))
        for code, kind in kinds.items():
            h[f"q{code}"] = draw(st.sampled_from(["", "0", "1"]) if kind == C.YESNO else st.sampled_from(["", "0", "1", "2"]))
    for m in mm:
        m["first_name"], m["last_name"] = draw(TEXT), draw(TEXT)
        m["title"] = draw(st.sampled_from(["", "นาย", "นาง", "นางสาว", "ด.ช.", "ด.ญ."]))
        day = draw(st.dates(min_value=dt.date(1910, 1, 2), max_value=dt.date(2023, 12, 31)))
        m["birth_date"] = f"{day.day:02d}/{day.month:02d}/{day.year + 543}"
        m["sex"] = draw(st.sampled_from(["M", "F", "ชาย", "หญิง"]))
        m["health"] = draw(st.sampled_from(["N", "D", "C", "", "พิการ"]))
    return hh, mm


def _store(folder: Path, name: str):
    return db.open_store(folder / name, PASSPHRASE, create=True)


def _export(store, folder: Path, stem: str) -> list[bytes]:
    return [p.read_bytes() for p in export.export_area(store, "52", F.YEAR, "csv", folder / f"{stem}.csv")]


@SETTINGS
@given(village_files())
def test_accepted_files_round_trip_byte_for_byte(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = _store(folder, "a.db")
        try:
            confirmed = national.Choices(accept_warnings=True)  # ages over 100, incomes over 10 million: confirmed
            result = national.import_files(first, F.write_pair(folder, *files), choices=confirmed)
            assume(result.ok)  # refused files have nothing to round-trip (the other property covers refusals)
            exported = _export(first, folder, "one")
        finally:
            first.close()
        second = _store(folder, "b.db")
        try:
            paths = [folder / "one.csv", folder / "one-members.csv"]
            assert national.import_files(second, paths, choices=confirmed).applied
            assert _export(second, folder, "two") == exported
        finally:
            second.close()


FAULTS = {
    "excel error": ("household", "inc_main", "#DIV/0!"),
    "error text in a name": ("member", "first_name", "#N/A"),
    "control character": ("household", "head_name", "นาย\x01สมชาย"),
    "NUL": ("member", "last_name", "ใจ\x00ดี"),
    "house number made a date": ("household", "house_no", "12-Jan"),
    "too long": ("household", "head_name", "ก" * 201),
    "birth after the reference date": ("member", "birth_date", "02/01/2567"),
    "age over 120": ("member", "birth_date", "01/01/2420"),
    "bad ID check digit": ("member", "pid", "3000000000110"),
    "negative money": ("household", "exp_debt", "-5"),
    "count above members": ("household", "q1t", "9"),
}


@SETTINGS
@given(st.sampled_from(sorted(FAULTS)), st.integers(0, 5), village_files())
def test_one_injected_fault_imports_nothing(fault, at, files):
    table, column, value = FAULTS[fault]
    hh, mm = files
    rows = hh if table == "household" else mm
    rows[at % len(rows)][column] = value
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = _store(folder, "s.db")
        try:
            assert national.import_files(store, F.write_pair(folder, *F.sample(2, start=90), stem="held")).applied
            before = fingerprint(store)
            result = national.import_files(store, F.write_pair(folder, hh, mm, stem="faulty"))
            assert not result.ok and not result.applied and result.problem_count >= 1
            assert fingerprint(store) == before
        finally:
            store.close()
