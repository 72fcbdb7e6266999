"""Model-based sync fuzzing (Hypothesis stateful testing): four laptops of two officers with different areas
(three of อำเภอเมือง 5201, one of อำเภอแจ้ห่ม 5202 that also carries bundles) and one server in-process, a
transport that drops requests and replies, delivers some twice and some late (after newer ones), clients
killed between a chunk and its commit, skewed laptop clocks, offline bundles relayed through other laptops,
national reloads on the server, people settling conflicts, and attacks (issue 14): other officers sending
events under known UUIDs, forged and re-signed bundles, poison events, and the server restored from an
earlier backup (with or without a new generation id).

Invariants after every step:
- no acknowledged event lost: every event a laptop holds as answered is on the server, with that answer;
- no event applied twice: each household's status on the server is what its last accepted event set
  (or the reset of a later national reload), so a replayed old event never changed anything;
- no silent overwrite: a household with unsent work shows that work; an event the server refused as a
  conflict has a conflict row a person can see (or one they already settled);
- audit chains intact on every laptop;
- no officer's event voided or refused because of another's action: every event a laptop made and holds as
  answered is on the server under (uuid, its own key) with that answer, and none of them is `rejected`;
- no reply carries out-of-scope data: the 5202 laptop's stored answers name no 5201 household;
- nothing from a forged or re-signed bundle reaches a laptop or the server.
After a restore, a laptop is checked once it has met the restored server (it re-sends what the server lacks).
At the end (teardown) every conflict is settled, every laptop syncs over a clean link, and all replicas
must converge: no unsent events, receipts equal to the server's for every village.

Used by tests/sync/test_stateful.py (bounded) and bench/sync_fuzz.py (longer runs).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import uuid
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import text

from desktop.models import audit, events, households, meta
from desktop.sync import bundle, conflicts, outbox
from desktop.sync.client import SyncOffline, SyncRefused
from tests.sync import world

LAPTOPS = 4
AREA = "5201"
OFFICER = (0, 0, 0, 1)  # token index per laptop: อำเภอเมือง x3, อำเภอแจ้ห่ม (5202) x1
AREAS = ("5201", "5201", "5201", "5202")
FORGED = "FORGED"
FAULTS = (
    {},
    {"drop_request": 0.2},
    {"drop_reply": 0.25},
    {"duplicate": 0.3},
    {"delay": 0.25},
    {"drop_request": 0.1, "drop_reply": 0.1, "duplicate": 0.15, "delay": 0.15},
)
HOUSEHOLD_KINDS = ("household.status", "household.set")
HOT = 6  # edits go to the first few households, so that laptops meet on the same ones
PICKS = st.lists(st.integers(0, HOT - 1), min_size=1, max_size=3, unique=True)


class Killed(Exception):
    """The laptop's process died (power cut, task manager) at a chosen point."""


_templates: dict = {}


def templates() -> dict:
    """A seeded server file and a laptop that synced with it, made once per process."""
    if not _templates:
        base = world.workdir() / "fuzz-templates"
        base.mkdir(exist_ok=True)
        province = world.Province.create(f"sqlite:///{base / 'server.db'}")
        laptop = world.open_laptop(base / "laptop.db", store_id="template")
        client = province.sync_client(laptop)
        client.sync()
        client.close()
        with laptop.begin() as conn:
            conn.execute(text("DELETE FROM meta WHERE key = :k"), {"k": bundle.KEY_META})
            ids = list(conn.execute(text("SELECT id FROM household ORDER BY id")).scalars())
        laptop.close()
        with province.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with province.db.read() as conn:
            other = list(conn.execute(text("SELECT id FROM household WHERE village / 10000 = 5202 ORDER BY id")).scalars())
        _templates.update(server=base / "server.db", laptop=base / "laptop.db", tokens=province.tokens, ids=ids,
                          other=other)
        province.close()
    return _templates


def _copy_db(src: Path, dst: Path) -> None:
    shutil.copy(src, dst)
    for suffix in ("-wal", "-shm"):
        if Path(str(src) + suffix).exists():
            shutil.copy(str(src) + suffix, str(dst) + suffix)


class SyncMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        t = templates()
        self.dir = Path(tempfile.mkdtemp(prefix="bmn-fuzz-", dir=world.workdir()))
        _copy_db(t["server"], self.dir / "server.db")
        from province.app import create_app
        from province.db import ServerDB
        from province.inprocess import InProcessTransport

        db = ServerDB(f"sqlite:///{self.dir / 'server.db'}", pool_size=2)
        app = create_app(db, rate=0)
        self.province = world.Province(db, app, list(t["tokens"]), InProcessTransport(app))
        self.ids = t["ids"]
        self.other_ids = t["other"]  # 5202: the second officer's households
        self.backup: tuple[Path, int] | None = None
        self.laptops = []
        for i in range(LAPTOPS):
            _copy_db(t["laptop"], self.dir / f"laptop{i}.db")
            self.laptops.append(world.open_laptop(self.dir / f"laptop{i}.db", store_id=f"laptop-{i}"))
        self.skew = [0.0] * LAPTOPS
        self.late: list = []  # fault transports holding requests back
        self.bundles: list[Path] = []
        self.reset_after: dict[int, int] = {}  # household -> server event seq when a national reload reset it

    # --- helpers --------------------------------------------------------------------------------

    def _as(self, lap: int):
        real = events.clock
        skew = self.skew[lap]

        class _Clock:
            def __enter__(_self):
                events.clock = lambda: real() + dt.timedelta(seconds=skew)

            def __exit__(_self, *exc):
                events.clock = real

        return _Clock()

    def _client(self, lap: int, faults: dict, seed: int):
        client = self.province.sync_client(self.laptops[lap], self.province.tokens[OFFICER[lap]], faults=faults,
                                           seed=seed)
        self.late.append(client.transport.http._transport)
        return client

    # --- rules ----------------------------------------------------------------------------------

    @rule(lap=st.integers(0, LAPTOPS - 1), picks=PICKS, status=st.integers(0, 3))
    def edit(self, lap, picks, status):
        pool = self.ids if OFFICER[lap] == 0 else self.other_ids
        ids = sorted({pool[i % len(pool)] for i in picks})
        with self._as(lap), self.laptops[lap].begin() as conn:
            households.set_status(conn, ids, status)

    @rule(lap=st.integers(0, LAPTOPS - 1), picks=PICKS, status=st.integers(0, 3), faults=st.sampled_from(FAULTS),
          seed=st.integers(0, 2**16))
    def edit_and_sync(self, lap, picks, status, faults, seed):
        self.edit(lap, picks, status)
        self.sync(lap, faults, seed)

    @rule(lap=st.integers(0, LAPTOPS - 1), faults=st.sampled_from(FAULTS), seed=st.integers(0, 2**16))
    def sync(self, lap, faults, seed):
        client = self._client(lap, faults, seed)
        try:
            with self._as(lap):
                client.sync()
        except (SyncOffline, SyncRefused):
            pass  # the link gave up: nothing may be lost (checked by the invariants)
        finally:
            client.close()

    @rule(lap=st.integers(0, LAPTOPS - 1), seed=st.integers(0, 2**16))
    def pull_only(self, lap, seed):
        """A link whose uploads fail while downloads work: changes arrive over unsent local work."""
        client = self._client(lap, {"drop_reply": 0.1}, seed)
        try:
            with self._as(lap):
                client.pull(AREAS[lap])
        except (SyncOffline, SyncRefused):
            pass
        finally:
            client.close()

    @rule(lap=st.integers(0, LAPTOPS - 1), stage=st.sampled_from(["push", "pull", "refetch"]), nth=st.integers(1, 3),
          seed=st.integers(0, 2**16))
    def sync_killed(self, lap, stage, nth, seed):
        client = self._client(lap, {"drop_reply": 0.1}, seed)
        client.pull_limit = 4
        seen = []

        def die(at, _conn):
            if at == stage:
                seen.append(at)
                if len(seen) == nth:
                    raise Killed(f"{stage} #{nth}")

        client.before_commit = die
        try:
            with self._as(lap):
                client.sync()
        except (Killed, SyncOffline, SyncRefused):
            pass
        finally:
            client.close()

    @rule()
    def deliver_late(self):
        for transport in self.late:
            transport.release()

    @rule(lap=st.integers(0, LAPTOPS - 1))
    def export_bundle(self, lap):
        path = self.dir / f"bundle-{len(self.bundles)}.bmn"
        try:
            with self._as(lap):
                bundle.export(self.laptops[lap], path)
        except bundle.BundleError:
            return  # nothing pending
        self.bundles.append(path)

    @precondition(lambda self: self.bundles)
    @rule(which=st.integers(0, 50), lap=st.integers(0, LAPTOPS - 1))
    def import_bundle_on_laptop(self, which, lap):
        with self._as(lap):
            try:
                bundle.import_file(self.laptops[lap], self.bundles[which % len(self.bundles)])
            except bundle.BundleError:
                pass  # a signer this laptop's key list does not know (yet): refused whole, nothing applied

    @precondition(lambda self: self.bundles)
    @rule(which=st.integers(0, 50), seed=st.integers(0, 2**16))
    def relay(self, which, seed):
        """The other district's laptop carries a bundle of อำเภอเมือง and syncs it with its own token."""
        self.import_bundle_on_laptop(which, 3)
        self.sync(3, {}, seed)

    @rule(lap=st.integers(0, LAPTOPS - 1), officer=st.sampled_from([1, 2]), pick=st.integers(0, HOT - 1))
    def squat(self, lap, officer, pick):
        """Another officer sends something under a UUID of a laptop's unsent event, first."""
        with self.laptops[lap].read() as conn:
            pending = outbox.pending(conn, 5)
        if not pending:
            return
        hid = self.other_ids[pick % len(self.other_ids)]
        event = {"uuid": pending[0]["uuid"], "kind": "household.status", "target": str(hid), "created_at": "",
                 "origin": "squatter", "payload": {"household": hid, "status": 3, "base": {"status": 9}}}
        resp = self.province.http().post("/v1/push", json={"store_id": "squatter", "events": [event]},
                                         headers={"Authorization": f"Bearer {self.province.tokens[officer]}"})
        assert resp.status_code == 200, resp.text

    @rule(lap=st.integers(0, LAPTOPS - 1), pick=st.integers(0, HOT - 1), resign=st.booleans())
    def forged_bundle(self, lap, pick, resign):
        """A file signed with a fresh key, or re-signed with the other district's vouched key around a forged
        event: never applied anywhere."""
        from desktop.sync import signing
        from tests.sync.test_trust import raw_bundle

        hid = self.ids[pick]
        event = {"uuid": str(uuid.uuid4()), "kind": "household.set", "target": str(hid), "created_at": "",
                 "origin": "laptop-3", "payload": {"household": hid, "set": {"head_name": FORGED}, "base": {}}}
        if resign:
            with self.laptops[3].begin() as conn:
                key = bundle.signing_key(conn)
            event = signing.sign_event(key, event)  # a real signature of a 5202 officer, for a 5201 household
        else:
            key = signing.new_private()
        path = self.dir / f"forged-{uuid.uuid4().hex[:8]}.bmn"
        path.write_bytes(raw_bundle(key, [event], store_id="laptop-3" if resign else "forger"))
        try:
            result = bundle.import_file(self.laptops[lap], path)
        except bundle.BundleError:
            return
        assert result.new == 0 or lap == 3, result

    @rule(hid_pick=st.integers(0, HOT - 1), poison=st.sampled_from(["big", "surrogate", "nul"]))
    def poison(self, hid_pick, poison):
        note = {"big": 2**64, "surrogate": "\ud800", "nul": "a\x00b"}[poison]
        hid = self.ids[hid_pick]
        event = {"uuid": str(uuid.uuid4()), "kind": "household.status", "target": str(hid), "created_at": "",
                 "origin": "", "payload": {"household": hid, "status": 1, "base": {"status": 0}, "note": note}}
        resp = self.province.http().post("/v1/push", content=json.dumps({"store_id": "p", "events": [event]}).encode(),
                                         headers={"Authorization": f"Bearer {self.province.tokens[0]}",
                                                  "Content-Type": "application/json"})
        assert resp.status_code == 200 and resp.json()["acks"][0]["status"] == "rejected", resp.text

    @rule()
    def take_backup(self):
        import sqlite3

        out = self.dir / f"backup-{uuid.uuid4().hex[:8]}.db"
        src, dst = sqlite3.connect(self.dir / "server.db"), sqlite3.connect(out)
        src.backup(dst)
        src.close()
        dst.close()
        with self.province.db.read() as conn:
            self.backup = (out, conn.execute(text("SELECT value FROM counter WHERE name = 'household'")).scalar())

    @precondition(lambda self: self.backup is not None)
    @rule(new_generation=st.booleans())
    def restore_backup(self, new_generation):
        """The province puts an earlier backup back (documented restore, or a bare file copy)."""
        from province import server_meta
        from province.app import create_app
        from province.db import ServerDB
        from province.inprocess import InProcessTransport

        self.deliver_late()
        self.late = []
        self.province.close()
        path = self.dir / "server.db"
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        shutil.copy(self.backup[0], path)
        db = ServerDB(f"sqlite:///{path}", pool_size=2)
        if new_generation:
            with db.write() as conn:
                server_meta.new_generation(conn)
        app = create_app(db, rate=0)
        self.province = world.Province(db, app, self.province.tokens, InProcessTransport(app))
        self.reset_after = {h: v for h, v in self.reset_after.items() if v[1] <= self.backup[1]}

    @precondition(lambda self: self.bundles)
    @rule(which=st.integers(0, 50))
    def upload_bundle(self, which):
        http = self.province.http()
        http.post("/v1/bundle", content=self.bundles[which % len(self.bundles)].read_bytes(),
                  headers={"Authorization": f"Bearer {self.province.tokens[2]}"})

    @rule(picks=st.lists(st.integers(0, HOT + 1), min_size=1, max_size=2, unique=True), bump=st.integers(1, 5000))
    def national_reload(self, picks, bump):
        """The province loads a new national export touching some households: new content, new version,
        review status back to 'imported' (as province.load does)."""
        from desktop.sync import wire
        from province import households as server_households

        with self.province.db.write() as conn:
            layouts = server_households.layouts(conn)
            last_event = conn.execute(text("SELECT coalesce(max(seq), 0) FROM events")).scalar()
            seq = conn.execute(text("SELECT value FROM counter WHERE name = 'household'")).scalar()
            for i in picks:
                hid = self.ids[i]
                row = server_households.current(conn, hid)
                seq += 1
                row.update(inc_main=row["inc_main"] + bump, version=row["version"] + 1, status=0, seq=seq)
                row["content_hash"] = wire.household_digest(row, layouts[row["survey_year"]], row["members_hash"])
                conn.execute(text("UPDATE household SET inc_main = :inc_main, version = :version, status = 0,"
                                  " seq = :seq, content_hash = :content_hash WHERE id = :id"), row)
                self.reset_after[hid] = (last_event, seq)
            conn.execute(text("UPDATE counter SET value = :v WHERE name = 'household'"), {"v": seq})

    @rule(lap=st.integers(0, LAPTOPS - 1), choice=st.sampled_from(["mine", "theirs", "values"]),
          status=st.integers(0, 3))
    def resolve(self, lap, choice, status):
        with self._as(lap), self.laptops[lap].begin() as conn:
            found = conflicts.list_conflicts(conn)
            if not found:
                return
            c = found[0]
            if choice == "values":
                conflicts.resolve(conn, c, values={"status": status})
            else:
                conflicts.resolve(conn, c, choice=choice)

    @rule(lap=st.integers(0, LAPTOPS - 1), hours=st.integers(-24 * 400, 24 * 400))
    def skew_clock(self, lap, hours):
        self.skew[lap] = hours * 3600.0

    # --- invariants -----------------------------------------------------------------------------

    def _server_events(self) -> dict[tuple[str, str], dict]:
        with self.province.db.read() as conn:
            return {(r.uuid, r.author): {"status": r.status, "seq": r.seq, "kind": r.kind, "payload": r.payload}
                    for r in conn.execute(text("SELECT uuid, author, status, seq, kind, payload FROM events"))}

    def _met_restored_server(self, store) -> bool:
        """False while a laptop still remembers a server from before a restore (it has not synced since)."""
        from desktop.sync import recovery
        from province import server_meta

        with store.read() as conn:
            before = recovery.remembered(conn, world.SERVER_URL)
        if before is None:
            return True
        with self.province.db.read() as conn:
            now_ = {"generation": server_meta.generation(conn), "events_seq": server_meta.events_seq(conn),
                    "server_seq": conn.execute(text("SELECT value FROM counter WHERE name = 'household'")).scalar()}
        return not (before["generation"] != now_["generation"] or before["events_seq"] > now_["events_seq"]
                    or before["server_seq"] > now_["server_seq"])

    @invariant()
    def acknowledged_events_are_on_the_server(self):
        """Under (uuid, author): another officer's event under the same UUID never stands in for it."""
        from desktop.sync import trust

        server = self._server_events()
        for i, store in enumerate(self.laptops):
            if not self._met_restored_server(store):
                continue
            with store.begin() as conn:
                own, key = meta.get(conn, "store_id"), bundle.public_key_hex(conn)
                rows = conn.execute(text("SELECT uuid, state, origin FROM outbox WHERE state NOT IN ('pending',"
                                         " 'dropped')")).all()
                relays = trust.dict_of_relays(conn, [u for u, _, o in rows if o != own])
            for u, state, origin in rows:
                author = key if origin == own else relays.get(u, ("",))[0]
                if not author:
                    continue
                found = server.get((u, author))
                assert found is not None, f"laptop {i}: acknowledged event {u} is not on the server"
                assert found["status"] == state, (i, u, state, found["status"])
                assert origin != own or state != "rejected", f"laptop {i}: own event {u} refused"

    @invariant()
    def replies_stay_in_scope(self):
        with self.laptops[3].read() as conn:
            for (answer,) in conn.execute(text("SELECT answer FROM outbox WHERE answer LIKE '%\"current\"%'")):
                village = str(json.loads(answer)["current"]["village"])
                assert village.startswith("5202"), f"the 5202 laptop was told about household in {village}"

    @invariant()
    def nothing_forged_arrives(self):
        with self.province.db.read() as conn:
            assert not conn.execute(text("SELECT 1 FROM household WHERE head_name = :f"), {"f": FORGED}).first()
        for i, store in enumerate(self.laptops):
            with store.read() as conn:
                assert not conn.execute(text("SELECT 1 FROM household WHERE head_name = :f"), {"f": FORGED}).first(), i

    @invariant()
    def server_state_is_the_fold_of_accepted_events(self):
        server = self._server_events()
        last: dict[int, tuple[int, int]] = {}
        for e in sorted(server.values(), key=lambda e: e["seq"]):
            if e["status"] != "accepted" or e["kind"] not in HOUSEHOLD_KINDS:
                continue
            p = json.loads(e["payload"])
            value = p.get("status") if e["kind"] == "household.status" else (p.get("set") or {}).get("status")
            if value is not None:
                last[p["household"]] = (e["seq"], value)
        with self.province.db.read() as conn:
            actual = dict(conn.execute(text("SELECT id, status FROM household")).all())
        for hid in (*self.ids, *self.other_ids):
            expected = 0
            if hid in last and last[hid][0] > self.reset_after.get(hid, (-1, 0))[0]:
                expected = last[hid][1]
            assert actual[hid] == expected, f"household {hid}: server status {actual[hid]}, events say {expected}"

    @invariant()
    def unsent_work_is_never_overwritten(self):
        for i, store in enumerate(self.laptops):
            with store.read() as conn:
                rows = conn.execute(text(
                    "SELECT o.seq, o.kind, o.payload, o.uuid, o.origin FROM outbox o"
                    " JOIN outbox_household l ON l.uuid = o.uuid WHERE o.state = 'pending' ORDER BY o.seq")).all()
                latest: dict[int, tuple] = {}
                for seq, kind, payload, u, _origin in rows:
                    p = json.loads(payload)
                    value = p.get("status") if kind == "household.status" else (p.get("set") or {}).get("status")
                    if value is not None:
                        latest[p["household"]] = (seq, value, u)
                for hid, (seq, value, u) in latest.items():
                    settled = conn.execute(text(
                        "SELECT 1 FROM outbox o JOIN outbox_household l ON l.uuid = o.uuid WHERE l.household_id = :h"
                        " AND o.kind = 'conflict.resolved' AND o.seq > :s UNION SELECT 1 FROM sync_conflict"
                        " WHERE household_id = :h AND (event_uuid = :u OR state = 'open')"), {"h": hid, "s": seq, "u": u}
                    ).first()
                    if settled:
                        continue  # a person decided, or must decide: shown, not silent
                    status = conn.execute(text("SELECT status FROM household WHERE id = :h"), {"h": hid}).scalar()
                    assert status == value, f"laptop {i}: household {hid} shows {status}, unsent work says {value}"

    @invariant()
    def refused_changes_are_visible(self):
        for i, store in enumerate(self.laptops):
            with store.read() as conn:
                # (another laptop's event relayed from a bundle shows as a conflict on that laptop)
                hidden = conn.execute(text(
                    "SELECT o.uuid FROM outbox o JOIN outbox_household l ON l.uuid = o.uuid"
                    " WHERE o.state = 'conflict' AND o.origin = (SELECT value FROM meta WHERE key = 'store_id')"
                    " AND NOT EXISTS (SELECT 1 FROM sync_conflict c"
                    " WHERE c.household_id = l.household_id) AND NOT EXISTS (SELECT 1 FROM outbox r"
                    " JOIN outbox_household rl ON rl.uuid = r.uuid WHERE rl.household_id = l.household_id"
                    " AND r.kind = 'conflict.resolved' AND r.seq > o.seq)")).all()
                assert not hidden, f"laptop {i}: conflicts nobody can see: {hidden}"

    @invariant()
    def audit_chains_intact(self):
        for i, store in enumerate(self.laptops):
            with store.read() as conn:
                verdict = audit.verify(conn)
                assert verdict.ok, (i, verdict)

    # --- the end --------------------------------------------------------------------------------

    def converge(self, rounds: int = 6) -> None:
        """Settle every conflict (the server's version), sync everything over a clean link until quiet."""
        self.deliver_late()
        for _ in range(rounds):
            quiet = True
            for lap, store in enumerate(self.laptops):
                with store.begin() as conn:
                    for c in conflicts.list_conflicts(conn):
                        conflicts.resolve(conn, c, choice="theirs")
                client = self.province.sync_client(store, self.province.tokens[OFFICER[lap]])
                report = client.sync()
                client.close()
                with store.read() as conn:
                    pending = outbox.counts(conn)["pending"]
                quiet = quiet and report.push.sent == 0 and report.receipt_equal and not report.open_conflicts \
                    and pending == 0 and report.pull.received == 0
            if quiet:
                return
        raise AssertionError("replicas did not converge after a clean sync")

    def check_converged(self) -> None:
        from desktop.sync import local
        from province import households as server_households

        for i, store in enumerate(self.laptops):
            with self.province.db.read() as conn:
                truth = server_households.receipt(conn, AREAS[i])
            with store.read() as conn:
                assert local.receipt(conn, AREAS[i]) == truth, f"laptop {i} differs from the server"
                assert outbox.counts(conn)["pending"] == 0
                assert meta.get(conn, "store_id") == f"laptop-{i}"

    def teardown(self):
        try:
            self.converge()
            self.check_converged()
            self.acknowledged_events_are_on_the_server()
            self.server_state_is_the_fold_of_accepted_events()
            self.audit_chains_intact()
        finally:
            for store in self.laptops:
                store.close()
            self.province.close()
            shutil.rmtree(self.dir, ignore_errors=True)
