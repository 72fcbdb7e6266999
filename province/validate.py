"""Every field of an incoming event checked before anything is stored: whole numbers within int64 (what
PostgreSQL and SQLite can hold), finite numbers, valid Unicode (no lone surrogates), no NUL or other control
characters in text (tab and line breaks allowed), bounded nesting. A problem answers that event `rejected`
with the reason; it never reaches the database, so it can never answer 500."""

from __future__ import annotations

import math

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_DEPTH = 12
ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def text_problem(value: str, name: str) -> str | None:
    for ch in value:
        o = ord(ch)
        if 0xD800 <= o <= 0xDFFF:
            return f"{name}: not valid Unicode (a lone surrogate)"
        if (o < 0x20 and ch not in ALLOWED_CONTROLS) or o == 0x7F:
            return f"{name}: control character U+{o:04X} is not allowed"
    return None


def value_problem(value, name: str, depth: int = 0) -> str | None:
    if depth > MAX_DEPTH:
        return f"{name}: nested too deeply"
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if INT64_MIN <= value <= INT64_MAX else f"{name}: number out of range"
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{name}: not a finite number"
    if isinstance(value, str):
        return text_problem(value, name)
    if isinstance(value, list):
        for i, item in enumerate(value):
            problem = value_problem(item, f"{name}[{i}]", depth + 1)
            if problem:
                return problem
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"{name}: keys must be text"
            problem = text_problem(key, f"{name} key") or value_problem(item, f"{name}.{key[:40]}", depth + 1)
            if problem:
                return problem
        return None
    return f"{name}: unsupported value"


def event_problem(ev) -> str | None:
    """The first problem of an Incoming event's fields, or None."""
    for name in ("kind", "target", "created_at", "origin", "author", "signature"):
        problem = text_problem(getattr(ev, name) or "", name)
        if problem:
            return problem
    return value_problem(ev.payload, "payload")
