"""The hash-chained audit log finds edits, removals in the middle and truncation at the end."""

from __future__ import annotations

from sqlalchemy import text

from desktop.models import audit, meta


def _three_entries(store):
    with store.begin() as conn:
        meta.set_officer(conn, meta.Officer("นางสาวพัฒนา ดีงาม", "พัฒนากร", "district", "5201"))
        audit.append(conn, "test.one", "a", {"x": 1})
        audit.append(conn, "test.two", "b", {"x": 2})


def test_intact_chain_verifies(store):
    _three_entries(store)
    with store.read() as conn:
        verdict = audit.verify(conn)
        entries = audit.recent(conn)
    assert verdict.ok and verdict.entries == 3
    assert "พัฒนา" in entries[0]["officer"]


def test_edited_entry_is_found(store):
    _three_entries(store)
    with store.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET detail = '{\"x\": 99}' WHERE seq = 2"))
    with store.read() as conn:
        verdict = audit.verify(conn)
    assert not verdict.ok and verdict.broken_at == 2 and "edited" in verdict.reason


def test_removed_entry_is_found(store):
    _three_entries(store)
    with store.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 2"))
    with store.read() as conn:
        verdict = audit.verify(conn)
    assert not verdict.ok and verdict.broken_at == 3


def test_truncated_tail_is_found(store):
    _three_entries(store)
    with store.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 3"))
    with store.read() as conn:
        verdict = audit.verify(conn)
    assert not verdict.ok and "removed" in verdict.reason


def test_cli_verify_reports_the_break(store, db_path, env_passphrase, capsys):
    import main

    _three_entries(store)
    assert main.main(["audit", "verify", "--db", str(db_path)]) == 0
    assert "3" in capsys.readouterr().out
    with store.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET action = 'forged' WHERE seq = 1"))
    assert main.main(["audit", "verify", "--db", str(db_path)]) == 3
    assert "1" in capsys.readouterr().out
