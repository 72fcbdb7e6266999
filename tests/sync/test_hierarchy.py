"""The hierarchy closes (issue 17): a tambon officer, a district officer and a province officer, each with their own
laptop, work offline and sync; the province sees the district's certification (verified by the server), its
visit, its back-checks and the tambon's correction, certifies the province without an override and prints the
form. Once with the real server process on PostgreSQL, once through offline bundles only. A laptop started from
the server reaches the same receipts as one started from the file. After every sync each laptop's report
summaries equal a full recomputation."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from desktop.certify import certification as cert
from desktop.certify import check
from desktop.models import backcheck, confidence, corrections, meta, roster, visits
from desktop.models.corrections import Change
from desktop.sync import bundle, local
from desktop.sync.client import SyncClient, compare_receipts
from tests.sync import world
from tests.sync.conftest import _TABLES, pg_url  # noqa: F401 (fixture)
from tests.sync.test_cli import ROOT, _free_port

YEAR = 2567
VILLAGES = (("52010101", 1, 8), ("52010102", 20, 6))  # one district: the province certifies after it
OFFICERS = (("tambon", "520101", "นางตำบล ทดสอบ"), ("district", "5201", "นายอำเภอ ทดสอบ"),
            ("province", "52", "นายจังหวัด ทดสอบ"))


def _files(tmp_path: Path) -> list[Path]:
    return world.sample_files(tmp_path / "files", VILLAGES)


@pytest.fixture
def server(pg_url, tmp_path):  # noqa: F811
    """`main.py serve` (a real process) on a clean PostgreSQL database loaded with the files; one token per officer."""
    from province import auth
    from province.db import ServerDB

    db = ServerDB(pg_url, pool_size=2)
    db.upgrade()
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(_TABLES)} RESTART IDENTITY"))
        conn.execute(text("UPDATE counter SET value = 0"))
    from province import load

    assert load.load_files(db, _files(tmp_path)).ok
    with db.write() as conn:
        tokens = [auth.add_officer(conn, name, [area])[1] for _level, area, name in OFFICERS]
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve", "--db", pg_url, "--port", str(port),
                             "--rate", "0"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{url}/v1/health", timeout=1)
            break
        except httpx.TransportError:
            assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.2)
    yield url, tokens, db
    proc.terminate()
    proc.wait(10)
    db.dispose()


def _laptop(tmp_path: Path, level: str, area: str, name: str, *, from_file: bool = False):
    store = world.open_laptop(tmp_path / f"{level}.db", store_id=f"laptop-{level}")
    with store.begin() as conn:
        meta.set_officer(conn, meta.Officer(name, "พัฒนากร", level, area))
    if from_file:
        from desktop.importers import national

        assert national.import_files(store, _files(tmp_path / level)).ok
    return store


def _sync(store, url: str, token: str):
    client = SyncClient(store, url, token)
    try:
        report = client.sync()
    finally:
        client.close()
    assert report.receipt_equal and not report.open_conflicts, report.receipts
    _reports_equal_recomputation(store)
    return report


def _reports_equal_recomputation(store) -> None:
    from desktop.models import summary

    def snapshot(conn):
        return {t: sorted(tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))) for t in summary._TABLES}

    class Undo(Exception):
        pass

    try:
        with store.begin() as conn:  # rebuilt, compared, rolled back
            years = list(conn.execute(text("SELECT DISTINCT survey_year FROM household")).scalars())
            before = snapshot(conn)
            for year in years:
                summary.rebuild(conn, year)
            after = snapshot(conn)
            raise Undo
    except Undo:
        pass
    assert years and before == after


def _tambon_work(store) -> tuple[int, str]:
    with store.begin() as conn:
        hid = conn.execute(text("SELECT id FROM household WHERE village = 52010101 ORDER BY id LIMIT 1")).scalar()
        set_uuid = corrections.record(conn, hid, [Change("inc_main", "77777")], reason="ตรวจพบรายได้ผิด")
    return hid, set_uuid


def _district_work(store) -> tuple[str, str]:
    with store.begin() as conn:
        v = visits.log(conn, survey_year=YEAR, level="district", area_code="5201", visit_date="2026-11-01",
                       villages=["52010101", "52010102"], visitors=[visits.Visitor("นายติดตาม", "พัฒนากร")])
        sample = backcheck.draw_sample(conn, v.visit_id, seed="17")
        for n, hid in enumerate(sample.all_ids()):
            members = conn.execute(text("SELECT count(*) FROM member WHERE household_id = :h"), {"h": hid}).scalar()
            backcheck.record_answers(conn, v.visit_id, hid, {"members": str(members + (1 if n == 0 else 0))},
                                     checker="นางตรวจ ซ้ำ", asked_on="2026-11-02")
        roster.set_member(conn, "district", "5201", "นายอำเภอ ทดสอบ", "นายอำเภอ", roster.CHAIR)
        pv = cert.preview(conn, "5201", YEAR)
        assert pv.missing_children == []  # 2567: tambons do not certify
        cert_uuid = cert.certify(conn, "5201", YEAR, place="ที่ว่าการอำเภอ")
    return v.visit_id, cert_uuid


def _province_sees_and_certifies(store, district: dict, tmp_path: Path, *, verdict: str) -> str:
    """What the province laptop must see of the district's work; then it certifies and prints."""
    hid, set_uuid, visit_id, cert_uuid = district["hid"], district["set"], district["visit"], district["cert"]
    with store.read() as conn:
        found = cert.get(conn, cert_uuid)
        assert found.foreign and found.office.get("name") and found.verdict == verdict
        board = {r.code: r for r in check.board(conn, "52", YEAR)}
        assert board["5201"].state == check.CERTIFIED and board["5201"].verification == verdict
        assert board["5201"].certification.short_code == found.short_code
        assert cert.counts_as_certified(conn, found)
        assert [v.visit_id for v in visits.visits(conn, YEAR, "52")] == [visit_id]
        top, rows = confidence.kpi_board(conn, YEAR, "52")
        (row,) = rows
        assert (row.area_code, row.visits_done, row.visits_required) == ("5201", 1, 1)
        assert (top.visits_done, top.visits_required) == (0, 2)
        figure = confidence.summary(conn, YEAR, "52").overall
        assert figure.compared == district["compared"] and figure.matched == district["matched"]
        mine = corrections.corrections_of(conn, hid)
        assert [c.new_value for c in mine] == ["77777"] and mine[0].set_uuid == set_uuid
    with store.begin() as conn:
        roster.set_member(conn, "province", "52", "นายจังหวัด ทดสอบ", "ผู้ว่าราชการจังหวัด", roster.CHAIR)
        assert cert.preview(conn, "52", YEAR).missing_children == []
        province_cert = cert.certify(conn, "52", YEAR, place="ศาลากลางจังหวัด")  # no override reason
    from pypdf import PdfReader

    from desktop.reports import certificate_pdf

    with store.read() as conn:
        made = cert.get(conn, province_cert)
    assert made.override_reason == "" and made.summary["missing_children"] == []
    pdf = certificate_pdf.render(made, tmp_path / "province-form.pdf")
    words = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "ยกเว้นลำดับ" not in words and "ยกเว" not in words
    assert certificate_pdf.spaced_code(made.short_code).replace(" ", "") in words.replace(" ", "")
    return province_cert


def _district_facts(store, hid, set_uuid, visit_id, cert_uuid) -> dict:
    with store.read() as conn:
        figure = confidence.summary(conn, YEAR, "5201").overall
    assert figure.compared > 0 and figure.matched < figure.compared
    return {"hid": hid, "set": set_uuid, "visit": visit_id, "cert": cert_uuid, "compared": figure.compared,
            "matched": figure.matched}


def test_three_offices_through_the_server_on_postgresql(server, tmp_path, capsys, monkeypatch):
    import main

    url, tokens, db = server
    tambon, district, province = (_laptop(tmp_path, *o) for o in OFFICERS)
    try:
        for store, token in zip((tambon, district, province), tokens):
            _sync(store, url, token)  # every laptop starts from the server
        hid, set_uuid = _tambon_work(tambon)  # offline work
        _sync(tambon, url, tokens[0])
        _sync(district, url, tokens[1])  # brings the tambon's correction
        with district.read() as conn:
            assert [c.new_value for c in corrections.corrections_of(conn, hid)] == ["77777"]
        visit_id, cert_uuid = _district_work(district)
        report = _sync(district, url, tokens[1])
        assert report.push.accepted >= 4 and not report.push.needs_recheck  # the server verified the certification
        facts = _district_facts(district, hid, set_uuid, visit_id, cert_uuid)
        _sync(province, url, tokens[2])
        province_cert = _province_sees_and_certifies(province, facts, tmp_path, verdict="accepted")
        report = _sync(province, url, tokens[2])
        assert report.push.accepted >= 2 and not report.push.needs_recheck
        _sync(district, url, tokens[1])  # the province's certification flows down to the district
        with district.read() as conn:
            seen = cert.get(conn, province_cert)
            assert seen.foreign and seen.verdict == "accepted"
            assert check.board(conn, "5201", YEAR)[-1].state == check.CERTIFIED
        from province import status

        with db.read() as conn:
            data = status.report(conn, "52")
        (row,) = data["districts"]
        assert row["code"] == "5201" and row["visits_district"] == 1 and row["open_corrections"] == 1
        assert [(c["area"], c["verified"]) for c in row["certifications"]] == [("5201", True)]
        assert (row["compared"], row["matched"]) == (facts["compared"], facts["matched"])
        assert [(c["area"], c["verified"]) for c in data["certifications"]] == [("52", True)]
        capsys.readouterr()
        assert main.main(["serve", "admin", "status", "--area", "52", "--db", db.url]) == 0
        printed = capsys.readouterr().out.splitlines()
        assert printed[0].startswith("52: 52 province") and "(ตรวจแล้ว)" in printed[0]
        assert printed[2].startswith("5201  14  5201 district") and f"({facts['matched']}/{facts['compared']})  1" in printed[2]
        monkeypatch.setenv("BMN_DB_PASSPHRASE", world.RAW_KEY)
        assert main.main(["certification", "board", "--area", "52", "--year", str(YEAR), "--db",
                          str(province.path)]) == 0
        (row,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("5201")]
        assert "[เซิร์ฟเวอร์ตรวจแล้ว]" in row and "จาก นายอำเภอ ทดสอบ" in row
    finally:
        for s in (tambon, district, province):
            s.close()


def test_three_offices_through_offline_bundles_only(tmp_path):
    """Each laptop starts from the national file and meets the server once (its key registered, the province's
    list of keys received: what a bundle's signature is checked against); then only bundles travel."""
    from province import auth, load
    from province.app import create_app
    from province.db import ServerDB
    from province.inprocess import InProcessTransport

    db = ServerDB(f"sqlite:///{tmp_path / 'server.db'}")
    db.upgrade()
    assert load.load_files(db, _files(tmp_path)).ok
    with db.write() as conn:
        tokens = [auth.add_officer(conn, name, [area])[1] for _level, area, name in OFFICERS]
    transport = InProcessTransport(create_app(db))
    tambon, district, province = (_laptop(tmp_path, *o, from_file=True) for o in OFFICERS)
    try:
        for store, token in zip((tambon, district, province), tokens):
            client = SyncClient(store, world.SERVER_URL, token, insecure_http=True,  # in-process
                                http=httpx.Client(transport=transport, base_url=world.SERVER_URL))
            try:
                assert client.sync().receipt_equal
            finally:
                client.close()
        transport.close()  # no network from here on
        hid, set_uuid = _tambon_work(tambon)
        bundle.export(tambon, tmp_path / "tambon.bmnbundle")
        bundle.import_file(district, tmp_path / "tambon.bmnbundle")
        with district.read() as conn:
            assert [c.new_value for c in corrections.corrections_of(conn, hid)] == ["77777"]
        visit_id, cert_uuid = _district_work(district)
        facts = _district_facts(district, hid, set_uuid, visit_id, cert_uuid)
        bundle.export(district, tmp_path / "district.bmnbundle")  # its own events and the tambon's it relays
        bundle.import_file(province, tmp_path / "district.bmnbundle")
        _province_sees_and_certifies(province, facts, tmp_path, verdict="")
        for store in (tambon, district, province):
            _reports_equal_recomputation(store)
    finally:
        for s in (tambon, district, province):
            s.close()
        db.dispose()


def test_a_laptop_started_from_the_server_matches_one_started_from_the_file(server, tmp_path, monkeypatch,
                                                                             memory_keyring):
    url, tokens, _db = server
    import main

    monkeypatch.setenv("BMN_DB_PASSPHRASE", world.RAW_KEY)
    fresh = tmp_path / "fresh.db"
    assert main.main(["sync", "--first", "--server", url, "--token", tokens[1], "--db", str(fresh)]) == 0
    assert main.main(["sync", "--first", "--server", url, "--token", tokens[1], "--db", str(fresh)]) == 1  # not empty
    from_file = _laptop(tmp_path, "district", "5201", "นายอำเภอ ทดสอบ", from_file=True)
    started = world.open_laptop(fresh)
    try:
        _sync(from_file, url, tokens[1])
        with from_file.read() as a, started.read() as b:
            mine, theirs = local.receipt(a, "5201"), local.receipt(b, "5201")
        assert mine and all(r["equal"] for r in compare_receipts(mine, theirs))
        _reports_equal_recomputation(started)
    finally:
        from_file.close()
        started.close()
