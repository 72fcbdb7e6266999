"""Is the data still as certified? Fingerprint lines now, "changed since certified" with field-level diffs,
`verify` of a short code or QR content, and the status board of a district or province.

Each certification keeps, per household, a 16-hex-digit digest of its fingerprint line and the review status
it had (zlib of 17-byte records: household id, 8 digest bytes, status; ~165 KB for a 15,000-household
district). Comparing them with the lines computed now names the households that changed, were added or
removed. The field-level diff comes from the history the store keeps (correction_lists.history: import
versions and correction / revert events after the certification time) and the stored review status; a change
without such history (e.g. a sync download) is listed with a note saying so.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop.certify import certification
from desktop.certify.certification import Coverage, coverage, find
from desktop.certify.messages import msg
from desktop.models import correction_lists
from desktop.models.errors import UserError
from desktop.models.locks import ACTIVE, Certification
from desktop.reports import builders
from desktop.sync import local, wire

_RECORD = struct.Struct(">q8sB")
STATUS_LABELS: dict[int | None, str] = {0: "นำเข้าแล้ว", 1: "ตรวจแล้ว", 2: "ขอแก้ไข", 3: "แก้ไขแล้วในระบบ", 4: "รับรองแล้ว"}  # schema.STATUS_*
STATUS_FIELD = "สถานะการตรวจสอบ"
CHANGED, ADDED, REMOVED = "changed", "added", "removed"
CHANGE_LABELS = {CHANGED: "ข้อมูลเปลี่ยน", ADDED: "ครัวเรือนใหม่", REMOVED: "ครัวเรือนหายไป"}
NO_FIELD_HISTORY = "ข้อมูลเปลี่ยนโดยไม่มีประวัติรายช่อง (เช่น ข้อมูลที่รับจากการซิงค์)"


def current_lines(conn: Connection, cov: Coverage, survey_year: int) -> dict[int, str]:
    return local.fingerprint_lines(conn, cov.range_code, survey_year, cov.villages)


def statuses(conn: Connection, cov: Coverage, survey_year: int) -> dict[int, int]:
    """{household id: review status} of the households a certification covers."""
    where, params = cov.scope.where()
    return dict(conn.execute(text(f"SELECT id, status FROM household WHERE survey_year = :y AND {where}"),
                             {"y": survey_year, **params}).all())


_FORMAT = b"C2"  # blobs begin with it (the first development commits wrote no such mark)


def pack_digests(lines: dict[int, str], status: dict[int, int]) -> bytes:
    body = b"".join(_RECORD.pack(hid, bytes.fromhex(wire.line_digest(line)), int(status.get(hid, 0)))
                    for hid, line in sorted(lines.items()))
    return _FORMAT + zlib.compress(body, 6)


def unpack_digests(blob: bytes) -> dict[int, tuple[str, int | None]]:
    """{household id: (line digest, review status or None when not kept)} as certified."""
    if blob[:2] != _FORMAT:  # written by an earlier development version of this feature
        raw = zlib.decompress(blob)
        if len(raw) % _RECORD.size or not len(raw) % 16:
            return {hid: (digest.hex(), None) for hid, digest in struct.iter_unpack(">q8s", raw)}
    else:
        raw = zlib.decompress(blob[2:])
    return {hid: (digest.hex(), status) for hid, digest, status in _RECORD.iter_unpack(raw)}


@dataclass
class ChangedHousehold:
    household_id: int
    change: str  # changed / added / removed
    house_no: str = ""
    village: int = 0
    diffs: list = field(default_factory=list)  # (when, what, label, member seq, old, new)
    note: str = ""


@dataclass
class Check:
    """A certification compared with the data now."""

    certification: Certification
    fingerprint_now: str
    changed: list[ChangedHousehold]

    @property
    def unchanged(self) -> bool:
        return self.fingerprint_now == self.certification.fingerprint


def _moment(iso: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(iso)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _field_diffs(conn: Connection, household_id: int, since: str) -> list[tuple]:
    after = _moment(since).replace(microsecond=0)  # imports are stamped to the second
    out = []
    for entry in correction_lists.history(conn, household_id):
        if entry.kind not in ("import", "correct", "revert") or not entry.at or _moment(entry.at) < after:
            continue
        for d in entry.diffs:
            out.append((entry.at, entry.kind, d.label, d.member_seq, d.before, d.after))
    return out


def compare(conn: Connection, cert: Certification, *, with_diffs: bool = True, limit: int = 500) -> Check:
    """The certification against the data now: which households differ (at most `limit` get field diffs)."""
    blob = conn.execute(text("SELECT line_digests FROM certification_event WHERE uuid = :u"), {"u": cert.uuid}).scalar()
    cov = coverage(conn, cert.area_code)
    lines = current_lines(conn, cov, cert.survey_year)
    if not blob:  # another office's certification: only its fingerprint came, not its per-household digests
        return Check(cert, wire.certification_fingerprint(lines.values()), [])
    stored = unpack_digests(blob)
    now = {hid: wire.line_digest(line) for hid, line in lines.items()}
    changed = [ChangedHousehold(h, CHANGED) for h in sorted(now) if h in stored and stored[h][0] != now[h]]
    changed += [ChangedHousehold(h, ADDED) for h in sorted(set(now) - set(stored))]
    changed += [ChangedHousehold(h, REMOVED) for h in sorted(set(stored) - set(now))]
    if with_diffs:
        _describe(conn, changed, cert.certified_at, limit, stored, statuses(conn, cov, cert.survey_year))
    return Check(cert, wire.certification_fingerprint(lines.values()), changed)


def _describe(conn: Connection, changed: list[ChangedHousehold], since: str, limit: int, stored: dict,
              status_now: dict[int, int]) -> None:
    ids = json.dumps([c.household_id for c in changed])
    rows = {r.id: r for r in conn.execute(text("SELECT id, house_no, village FROM household WHERE id IN"
                                               " (SELECT value FROM json_each(:ids))"), {"ids": ids})}
    for c in changed:
        if c.household_id in rows:
            c.house_no, c.village = rows[c.household_id].house_no, rows[c.household_id].village
    for c in changed[:limit]:
        c.diffs = _field_diffs(conn, c.household_id, since)
        before, after = stored.get(c.household_id, (None, None))[1], status_now.get(c.household_id)
        if c.change == CHANGED and before is not None and before != after:
            c.diffs.append(("", "status", STATUS_FIELD, None, STATUS_LABELS.get(before, str(before)),
                            STATUS_LABELS.get(after, str(after))))
        if c.change == CHANGED and not c.diffs:
            c.note = NO_FIELD_HISTORY


# ---------------------------------------------------------------- verify a code from paper

@dataclass
class Verdict:
    found: bool
    certification: Certification | None = None
    check: Check | None = None
    area_code: str = ""
    survey_year: int = 0
    fingerprint: str = ""
    fingerprint_now: str = ""

    @property
    def as_certified(self) -> bool:
        return bool(self.fingerprint) and self.fingerprint == self.fingerprint_now


def parse_code(code: str) -> dict:
    """A short code ("7K3M-9QXA", any case) or the QR content "BMN-CERT|1|area|year|short|fingerprint|uuid"."""
    raw = (code or "").strip()
    if raw.startswith("BMN-CERT|"):
        parts = raw.split("|")
        if len(parts) != 7 or not parts[3].isdigit() or len(parts[5]) != 64:
            raise UserError(msg("cert_bad_qr"))
        return {"area_code": parts[2], "survey_year": int(parts[3]), "short_code": parts[4], "fingerprint": parts[5],
                "uuid": parts[6]}
    short = wire.normal_short_code(raw)
    if len(short) != 8 or any(ch not in wire.CROCKFORD for ch in short):
        raise UserError(msg("cert_bad_short_code", code=raw))
    return {"short_code": short}


def verify(conn: Connection, code: str) -> Verdict:
    """Is the data still as certified? From the QR content this works even on a laptop that does not hold the
    certification itself (it recomputes the fingerprint over the area it names)."""
    wanted = parse_code(code)
    certs = [c for c in find(conn, short_code=wanted["short_code"])
             if "uuid" not in wanted or c.uuid == wanted["uuid"]]
    certs.sort(key=lambda c: c.status != ACTIVE)
    if certs:
        check = compare(conn, certs[0])
        return Verdict(True, certs[0], check, certs[0].area_code, certs[0].survey_year, certs[0].fingerprint,
                       check.fingerprint_now)
    if "fingerprint" not in wanted:
        return Verdict(False)
    lines = current_lines(conn, coverage(conn, wanted["area_code"]), wanted["survey_year"])
    return Verdict(False, None, None, wanted["area_code"], wanted["survey_year"], wanted["fingerprint"],
                   wire.certification_fingerprint(lines.values()))


# ---------------------------------------------------------------- status board

CERTIFIED, STALE, REOPENED, MISSING = "certified", "stale", "reopened", "missing"
BOARD_LABELS = {CERTIFIED: "รับรองแล้ว", STALE: "ข้อมูลเปลี่ยนหลังรับรอง", REOPENED: "ยกเลิกการรับรองแล้ว รอรับรองใหม่",
                MISSING: "ยังไม่รับรอง"}


@dataclass(frozen=True)
class BoardRow:
    code: str
    name: str
    state: str  # certified / stale (changed since certified) / reopened (needs a new one) / missing
    certification: Certification | None  # the active one; for reopened: the one re-opened
    changed: int  # households changed since certified (another office's: 1 when its data differs, count unknown)
    verification: str = ""  # the server's answer: accepted (verified) / needs_recheck / "" (not known)


def board(conn: Connection, area_code: str, survey_year: int) -> list[BoardRow]:
    """Each child area (and the area itself, last) with its certification state. One pass computes the lines
    of the whole area; each child certification is compared with its own slice."""
    cov = coverage(conn, area_code)
    children = certification._children(conn, cov, survey_year, required=False)
    lines = current_lines(conn, cov, survey_year)
    now = {hid: wire.line_digest(line) for hid, line in lines.items()}
    villages = _villages(conn, cov, survey_year)
    names = builders.child_names(conn, children)
    rows = []
    for code in [*children, cov.code]:
        name = names.get(code, cov.title)
        cert = certification.active(conn, code, survey_year)
        if cert is None:
            by_laos = len(code) == 6 and certification._tambon_covered_by_laos(conn, code, survey_year)
            earlier = certification.find(conn, survey_year=survey_year, area_code=code)
            state = CERTIFIED if by_laos else REOPENED if earlier else MISSING
            rows.append(BoardRow(code, name + (" (รับรองโดย อปท.)" if by_laos else ""), state,
                                 None if by_laos or not earlier else earlier[0], 0))
            continue
        verdict = certification.verification(conn, cert)
        blob = conn.execute(text("SELECT line_digests FROM certification_event WHERE uuid = :u"),
                            {"u": cert.uuid}).scalar()
        if not blob:  # another office's: its fingerprint against this laptop's slice of the data
            slice_ = lines.values() if code == cov.code else [ln for h, ln in lines.items() if villages[h].startswith(code)]
            changed = int(wire.certification_fingerprint(slice_) != cert.fingerprint)
            rows.append(BoardRow(code, name, STALE if changed else CERTIFIED, cert, changed, verdict))
            continue
        stored = {h: digest for h, (digest, _status) in unpack_digests(blob).items()}
        mine = now if code == cov.code else {h: d for h, d in now.items() if villages[h].startswith(code)}
        changed = sum(1 for h in set(stored) | set(mine) if stored.get(h) != mine.get(h))
        rows.append(BoardRow(code, name, STALE if changed else CERTIFIED, cert, changed, verdict))
    return rows


def counts(rows: list[BoardRow]) -> dict[str, int]:
    """Child areas per state (the area itself, the board's last row, left out): the province KPI reads
    counts(board(conn, province, year))[CERTIFIED] certified districts."""
    out = {state: 0 for state in BOARD_LABELS}
    for row in rows[:-1]:
        out[row.state] += 1
    return out


def _villages(conn: Connection, cov: Coverage, survey_year: int) -> dict[int, str]:
    lo, hi = local.area_range(cov.range_code)
    return {hid: str(v) for hid, v in conn.execute(
        text("SELECT id, village FROM household WHERE survey_year = :y AND village BETWEEN :lo AND :hi"),
        {"y": survey_year, "lo": lo, "hi": hi})}
