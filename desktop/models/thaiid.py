"""The 13-digit Thai national ID (เลขประจำตัวประชาชน): check digit, display and masking."""

from __future__ import annotations

_STRIP = str.maketrans("", "", " -")


def normalise(value: str) -> str:
    return str(value).translate(_STRIP)


def check_digit(first12: str) -> int:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return (11 - total % 11) % 10


def is_valid(value: str) -> bool:
    """Valid when 13 digits and the last equals the mod-11 check digit (python-stdnum's rule)."""
    digits = normalise(value)
    return len(digits) == 13 and digits.isdigit() and int(digits[12]) == check_digit(digits[:12])


def formatted(pid: str) -> str:
    """3100600445635 -> 3-1006-00445-63-5."""
    d = normalise(pid)
    return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}" if len(d) == 13 else pid


def masked(pid: str) -> str:
    """3100600445635 -> 3-1006-xxxxx-xx-5: the office and check digit stay, the person is hidden."""
    d = normalise(pid)
    return f"{d[0]}-{d[1:5]}-xxxxx-xx-{d[12]}" if len(d) == 13 else "x" * len(d)
