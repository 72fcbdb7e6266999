"""What laptops and the province server exchange, and the rules both sides apply the same way.

- Household and member columns on the wire, chunks as gzip(msgpack({"columns", "rows", ...})): columns + rows
  rather than one object per row (../shared/perf/floors.md §6).
- Content digests: a household's digest covers what people review (house, head, money, answers by code,
  collector, date, review status) and its members' digest; a village's digest covers its households'.
  Both sides compute them the same way, so a receipt after a sync compares like with like.
- The three-way rule for concurrent edits: a field changed on one side only takes that side's value;
  changed on both sides to different values is a conflict for a person to settle.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Iterable, Mapping, Sequence

import msgpack

PROTOCOL = 1

MONEY = ("inc_main", "inc_second", "inc_other", "inc_produce", "exp_production", "exp_necessary", "exp_unnecessary",
         "exp_debt")
# Fields a household event may set (corrections of members and answers come with a later issue).
SETTABLE = ("status", "house_no", "head_name", *MONEY, "collector", "survey_date")
# Fields compared when both sides changed a household; "members" stands for the members' digest.
MERGE_FIELDS = ("village", "house_no", "head_name", *MONEY, "answers", "collector", "survey_date", "status", "members")

HOUSEHOLD_WIRE = ("id", "survey_year", "village", "house_no", "house_code", "head_name", *MONEY, "answers", "collector",
                  "survey_date", "status", "version", "seq", "deleted", "members_hash", "content_hash")
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


def rows_as_dicts(columns: Sequence[str], rows: Iterable[Sequence]) -> list[dict]:
    return [dict(zip(columns, r)) for r in rows]


# --- digests -------------------------------------------------------------------------------------

def _sha(doc: object) -> str:
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).hexdigest()


def answers_by_code(answers: str, layout: Sequence[str]) -> dict[str, str]:
    """Answers keyed by answer code, unanswered ('-') left out: independent of a set's column order."""
    return {code: ch for code, ch in zip(layout, answers or "") if ch != "-"}


def members_digest(members: Iterable[Mapping | Sequence]) -> str:
    """Digest of a household's members (dicts or MEMBER_WIRE-ordered sequences), in seq order."""
    rows = []
    for m in members:
        values = [m[c] for c in MEMBER_WIRE[1:]] if isinstance(m, Mapping) else list(m[1:len(MEMBER_WIRE)])
        values[-2] = int(values[-2])  # self_reliant
        values[-1] = int(values[-1])  # in_school
        rows.append(values)
    rows.sort(key=lambda r: r[0])
    return _sha(rows)


def household_digest(hh: Mapping, layout: Sequence[str], members_hash: str) -> str:
    answers = sorted(answers_by_code(hh["answers"], layout).items())
    doc = [int(hh["id"]), int(hh["village"]), hh["house_no"], hh["house_code"], hh["head_name"],
           [int(hh[c]) for c in MONEY], answers, hh["collector"], hh["survey_date"], int(hh["status"]), members_hash]
    return _sha(doc)


def village_digest(pairs: Iterable[tuple[int, str]]) -> str:
    """Digest of (household id, household digest) pairs, in id order."""
    h = hashlib.sha256()
    for hid, digest in sorted(pairs):
        h.update(f"{hid}:{digest}\n".encode("ascii"))
    return h.hexdigest()


def stand_in_fingerprint(pairs: Iterable[tuple[int, int]]) -> str:
    """Stand-in certification fingerprint: sha256 over the area's sorted household ids and record versions."""
    h = hashlib.sha256()
    for hid, version in sorted(pairs):
        h.update(f"{hid}:{version}\n".encode("ascii"))
    return h.hexdigest()


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


def three_way(base: Mapping, mine: Mapping, theirs: Mapping) -> tuple[dict, dict]:
    """(merged values, conflicts {field: {"base", "mine", "theirs"}}) over the fields all three know."""
    merged, conflicts = {}, {}
    for f in MERGE_FIELDS:
        if f not in mine or f not in theirs:
            continue
        b, m, t = base.get(f, _MISSING), mine[f], theirs[f]
        if b is _MISSING:
            b = t  # no base: the server's value counts as the base (only local changes are "mine")
        if m == t or m == b:
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
