"""What laptops and the province server exchange, and the rules both sides apply the same way.

- Household and member columns on the wire, chunks as gzip(msgpack(...)) holding tables column by column
  ({"columns": [...], "data": [[values of column 1], ...]}), not one object per row (../shared/perf/floors.md §6:
  column order compresses about a quarter better than row order at gzip level 1).
- Content digests: a household's digest covers what people review (house, head, money, answers by code,
  collector, date, review status) and its members' digest; a village's digest covers its households'.
  Both sides compute them the same way, so a receipt after a sync compares like with like.
- The three-way rule for concurrent edits: a field changed on one side only takes that side's value;
  changed on both sides to different values is a conflict for a person to settle.
"""

from __future__ import annotations

import gzip
import hashlib
from typing import Iterable, Mapping, Sequence

import msgpack

from desktop.models.fields import MONEY, SETTABLE as SETTABLE  # declared once; also wire.SETTABLE

PROTOCOL = 1

# Fields compared when both sides changed a household; "members" stands for the members' digest.
MERGE_FIELDS = ("village", "house_no", "head_name", *MONEY, "answers", "collector", "survey_date", "status", "members")

HOUSEHOLD_WIRE = ("id", "survey_year", "village", "house_no", "house_code", "head_name", *MONEY, "answers", "collector",
                  "survey_date", "status", "version", "seq", "deleted", "members_hash", "members_version")
MEMBER_WIRE = ("household_id", "seq", "pid", "title", "first_name", "last_name", "sex", "birth_date", "relation",
               "education", "occupation", "health", "self_reliant", "in_school")

STATUS_MAX = 4  # schema.STATUS_CERTIFIED

CHUNK_TYPE = "application/x-bmn-chunk"  # body = gzip(msgpack(map)); not Content-Encoding, so proxies leave it alone


# --- chunks --------------------------------------------------------------------------------------

def pack(data: Mapping) -> bytes:
    return gzip.compress(msgpack.packb(data, use_bin_type=True), compresslevel=1, mtime=0)


def unpack(body: bytes, max_size: int = 1 << 30) -> dict:
    raw = gzip.decompress(body)
    if len(raw) > max_size:
        raise ValueError("chunk too large")
    return msgpack.unpackb(raw, raw=False, strict_map_key=False)


_BINARY = {"members_hash"}  # hex digests travel as bytes


def table(columns: Sequence[str], rows: Sequence[Sequence]) -> dict:
    """Rows as a column-ordered table for the wire."""
    data = [list(values) for values in zip(*rows)] if rows else [[] for _ in columns]
    for i, name in enumerate(columns):
        if name in _BINARY:
            data[i] = [bytes.fromhex(v) if v else b"" for v in data[i]]
    return {"columns": list(columns), "data": data}


def tuples(tab: Mapping | None) -> list[tuple]:
    if not tab or not tab.get("columns"):
        return []
    data = list(tab["data"])
    for i, name in enumerate(tab["columns"]):
        if name in _BINARY:
            data[i] = [v.hex() if isinstance(v, (bytes, bytearray)) else v for v in data[i]]
    return list(zip(*data))


def records(tab: Mapping | None) -> list[dict]:
    columns = list(tab["columns"]) if tab else []
    return [dict(zip(columns, row)) for row in tuples(tab)]


# --- digests -------------------------------------------------------------------------------------

US, RS = "\x1f", "\x1e"  # unit and record separators: never in survey text


def answers_by_code(answers: str, layout: Sequence[str]) -> dict[str, str]:
    """Answers keyed by answer code, unanswered ('-') left out: independent of a set's column order."""
    return {code: ch for code, ch in zip(layout, answers or "") if ch != "-"}


def member_line(values: Sequence) -> str:
    """One member (MEMBER_WIRE order without household_id) as canonical text; local.members_hashes builds the
    same text in SQL."""
    return US.join([str(int(values[0])), *map(str, values[1:-2]), str(int(values[-2])), str(int(values[-1]))])


def digest_text(text: str) -> str:
    # 64 bits: enough to tell whether a household's members changed, and cheap on the wire (every pulled row)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def members_digest(members: Iterable[Mapping | Sequence]) -> str:
    """Digest of a household's members (dicts or MEMBER_WIRE-ordered sequences), in seq order."""
    rows = []
    for m in members:
        values = [m[c] for c in MEMBER_WIRE[1:]] if isinstance(m, Mapping) else list(m[1:len(MEMBER_WIRE)])
        rows.append((int(values[0]), member_line(values)))
    rows.sort()
    return digest_text(RS.join(line for _seq, line in rows))


EMPTY_MEMBERS = members_digest([])


def household_digest(hh: Mapping, layout: Sequence[str], members_hash: str) -> str:
    answers = ",".join(f"{code}={ch}" for code, ch in sorted(answers_by_code(hh["answers"], layout).items()))
    parts = [str(int(hh["id"])), str(int(hh["village"])), hh["house_no"], hh["house_code"], hh["head_name"],
             *(str(int(hh[c])) for c in MONEY), answers, hh["collector"], hh["survey_date"], str(int(hh["status"])),
             members_hash]
    return hashlib.sha256(US.join(parts).encode("utf-8")).hexdigest()


def village_digest(pairs: Iterable[tuple[int, str]]) -> str:
    """Digest of (household id, household digest) pairs, in id order."""
    h = hashlib.sha256()
    for hid, digest in sorted(pairs):
        h.update(f"{hid}:{digest}\n".encode("ascii"))
    return h.hexdigest()


def corrections_digest(changes: Iterable[tuple[str, str, int | None, str]]) -> str:
    """Digest of a household's active (not reverted) corrections as (uuid, field, member seq, new value);
    "" when there are none. Order-independent: the lines are sorted."""
    lines = sorted(US.join((str(u), str(f), "" if m is None else str(int(m)), "" if v is None else str(v)))
                   for u, f, m, v in changes)
    if not lines:
        return ""
    return hashlib.sha256(RS.join(lines).encode("utf-8")).hexdigest()


def fingerprint_line(household_id: int, content_digest: str, corrections: str) -> str:
    """One household's part of a certification fingerprint: `id:content digest:corrections digest`."""
    return f"{int(household_id)}:{content_digest}:{corrections}"


def line_digest(line: str) -> str:
    """A short digest of one fingerprint line, kept per household to tell which records changed since."""
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]


def certification_fingerprint(lines: Iterable[str]) -> str:
    """sha256 over the sorted fingerprint lines of every covered household (as corrected): independent of
    row order and storage; the laptop and the province server compute it the same way."""
    h = hashlib.sha256()
    for line in sorted(lines):
        h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()


CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread on paper


def short_code(fingerprint: str) -> str:
    """The first 40 bits of a hex fingerprint as 8 Crockford base32 characters."""
    value = int(fingerprint[:10], 16)
    return "".join(CROCKFORD[(value >> shift) & 31] for shift in range(35, -1, -5))


def normal_short_code(code: str) -> str:
    """A typed short code as stored: upper case, no spaces or dashes, O->0 and I/L->1 (Crockford's rule)."""
    code = "".join(ch for ch in str(code).upper() if ch not in " -")
    return code.translate(str.maketrans("OIL", "011"))


# --- the three-way rule --------------------------------------------------------------------------

def comparable(snapshot: Mapping, layout: Sequence[str] | None = None) -> dict:
    """A household snapshot reduced to MERGE_FIELDS, with answers by code when the layout is known."""
    out = {}
    for f in MERGE_FIELDS:
        if f == "members":
            out[f] = snapshot.get("members_hash")
        elif f == "answers" and layout is not None and isinstance(snapshot.get("answers"), str):
            out[f] = answers_by_code(snapshot["answers"], layout)
        elif f in snapshot:
            value = snapshot[f]
            out[f] = int(value) if f in MONEY or f in ("status", "village") else value
    return out


_MISSING = object()


def three_way(base: Mapping, mine: Mapping, theirs: Mapping, changed_here: Iterable[str] = ()) -> tuple[dict, dict]:
    """(merged values, conflicts {field: {"base", "mine", "theirs"}}) over the fields all three know.

    `changed_here`: fields unsent local events set, which count as changed here even when the value is the
    base's (an officer confirming a value is a change the server may not silently undo)."""
    merged, conflicts = {}, {}
    forced = set(changed_here)
    for f in MERGE_FIELDS:
        if f not in mine or f not in theirs:
            continue
        b, m, t = base.get(f, _MISSING), mine[f], theirs[f]
        if b is _MISSING:
            b = t  # no base: the server's value counts as the base (only local changes are "mine")
        if m == t or (m == b and f not in forced):
            merged[f] = t
        elif t == b:
            merged[f] = m
        else:
            conflicts[f] = {"base": b, "mine": m, "theirs": t}
    return merged, conflicts


def field_conflicts(current: Mapping, base: Mapping, changes: Mapping) -> dict:
    """Server side of the rule for one event: a field the event sets conflicts when the server's value
    moved away from the event's base to something other than the event's own value."""
    out = {}
    for f, new in changes.items():
        cur = current.get(f)
        if cur == new or f not in base:
            continue
        if cur != base[f]:
            out[f] = {"base": base[f], "mine": new, "theirs": cur}
    return out
