"""Demo data is demo (issue 17): the store is marked, reports and the certification form say so, real data is not
imported beside it without asking, and `demo --remove` takes it out (reports then equal a recomputation)."""

from __future__ import annotations

from sqlalchemy import text

import main
from desktop.certify import certification as cert
from desktop.importers import demo
from desktop.models import db, demo_data, roster, summary
from desktop.reports import builders, tabular
from tests.sync import world

PASSPHRASE = "demo-mark-passphrase"


def _households(store) -> int:
    with store.read() as conn:
        return conn.execute(text("SELECT count(*) FROM household")).scalar_one()


def test_demo_is_marked_refused_for_real_imports_and_removable(tmp_path, monkeypatch, capsys):
    path = tmp_path / "demo.db"
    store = db.open_store(path, PASSPHRASE, create=True)
    try:
        demo.generate(store, households=300, districts=None, seed=5)
        with store.read() as conn:
            assert demo_data.is_demo(conn)
            report = builders.build(conn, "population", "52", 2567)
        assert report.source.startswith(demo_data.MARK_TH)
        tabular.write_csv(report, tmp_path / "population.csv")
        assert demo_data.MARK_TH in (tmp_path / "population.csv").read_text(encoding="utf-8-sig")
        with store.begin() as conn:  # a certification in a demo store carries the mark onto its form
            district = conn.execute(text("SELECT substr(CAST(village AS TEXT), 1, 4) FROM household LIMIT 1")).scalar()
            roster.set_member(conn, "district", district, "นายทดลอง", "นายอำเภอ", roster.CHAIR)
            made = cert.get(conn, cert.certify(conn, district, 2567))
        assert made.summary["demo"] is True
        from pypdf import PdfReader

        from desktop.reports import certificate_pdf

        pdf = certificate_pdf.render(made, tmp_path / "form.pdf")
        assert "สาธิต" in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    finally:
        store.close()

    monkeypatch.setenv("BMN_DB_PASSPHRASE", PASSPHRASE)
    files = world.sample_files(tmp_path / "files", (("52010101", 1, 5),))
    assert main.main(["import", *map(str, files), "--db", str(path)]) == 1  # asks first: nothing imported
    assert "--replace-demo" in capsys.readouterr().err
    store = db.open_store(path, PASSPHRASE)
    try:
        assert _households(store) == 300
    finally:
        store.close()
    assert main.main(["import", *map(str, files), "--db", str(path), "--replace-demo"]) == 0
    store = db.open_store(path, PASSPHRASE)
    try:
        assert _households(store) == 5  # the real village only: no made-up household left
        with store.read() as conn:
            assert not demo_data.is_demo(conn)
            assert conn.execute(text("SELECT count(*) FROM household_version")).scalar_one() == 0
            assert not builders.build(conn, "population", "52", 2567).source.startswith(demo_data.MARK_TH)
    finally:
        store.close()


def test_demo_remove_command_leaves_real_data_and_fresh_reports(tmp_path, monkeypatch, capsys):
    path = tmp_path / "mixed.db"
    monkeypatch.setenv("BMN_DB_PASSPHRASE", PASSPHRASE)
    files = world.sample_files(tmp_path / "files", (("52010101", 1, 4),))
    assert main.main(["import", *map(str, files), "--db", str(path)]) == 0
    store = db.open_store(path, PASSPHRASE)
    try:
        demo.generate(store, households=200, seed=2, province="50")  # another province beside the real one
        assert _households(store) == 204
    finally:
        store.close()
    assert main.main(["demo", "--remove", "--db", str(path)]) == 0
    assert "200" in capsys.readouterr().out
    store = db.open_store(path, PASSPHRASE)
    try:
        assert _households(store) == 4
        with store.begin() as conn:
            before = {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")))) for t in summary._TABLES}
            summary.rebuild(conn, 2567)
            after = {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")))) for t in summary._TABLES}
            stats = conn.execute(text("SELECT count(*) FROM area_stat WHERE village NOT LIKE '52%'")).scalar_one()
        assert before == after and stats == 0
    finally:
        store.close()
    assert main.main(["demo", "--remove", "--db", str(path)]) == 0  # nothing left to remove: says so
