"""Report figures kept exact until they are shown, then rounded once.

Builders put exact values in a report: integers (counts, baht sums) and `Fraction`s (percentages,
averages), never a float rounded on the way. Every renderer (PDF, XLSX, CSV, the screen table) asks
`shown(value, kind)` for the figure it prints, so one figure is rounded once, half away from zero,
to the places of its column kind (PCT 1 decimal, MONEY whole baht, DECIMAL 2 decimals).

A `Decimal` in a report is a figure the builder already rounded for a reason the renderers cannot
know, and it is printed with exactly its own places:
- `shares(parts)`: percentages of one whole that must add up to 100.0 (largest remainder);
- `complement(pct)`: the failing % of a pass/fail pair, 100 − the rounded passing % (so the pair adds up);
- `against_threshold(value, threshold)`: a value compared with a threshold shown with the places the
  comparison needs (39,999.50 for a household just under 40,000, never "40,000").
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from numbers import Rational

from desktop.reports.model import CODE, DECIMAL, INT, MONEY, PCT, TEXT

PLACES = {PCT: 1, MONEY: 0, DECIMAL: 2, INT: 0}
Exact = int | Fraction


def pct(part: int, whole: int) -> Fraction | None:
    """part ÷ whole × 100, exact; None where the whole is 0."""
    return Fraction(100 * part, whole) if whole else None


def ratio(part: int, whole: int) -> Fraction | None:
    """part ÷ whole, exact; None where the whole is 0."""
    return Fraction(part, whole) if whole else None


def exact(value) -> Fraction:
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def round_exact(value, places: int, *, down: bool = False) -> Decimal:
    """An exact value (int, Fraction, Decimal; a float as the decimal it prints as: 94.96, not 94.9599…)
    rounded once to `places` decimals, half away from zero (or towards minus infinity when `down`)."""
    q = exact(value)
    scaled = q * 10**places
    if down:
        n = scaled.numerator // scaled.denominator
    else:
        n = (abs(scaled) + Fraction(1, 2)).__floor__() * (1 if scaled >= 0 else -1)
    return Decimal(n).scaleb(-places)


def shown(value, kind: str) -> Decimal | int | None:
    """The figure as printed: a Decimal already rounded by its builder as is, anything else rounded once to
    the places of `kind`. None for a missing figure; text is not a figure (returned as is)."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, (Rational, float)):
        return value
    places = PLACES.get(kind, 2)
    rounded = round_exact(value, places)
    return int(rounded) if places == 0 else rounded


def text(value, kind: str) -> str:
    """The figure as text with thousands separators ("-" for a missing number is the renderer's choice)."""
    figure = shown(value, kind)
    if figure is None:
        return ""
    if isinstance(figure, str):
        return figure
    if isinstance(figure, int):
        return f"{figure:,}"
    places = max(0, -figure.as_tuple().exponent)
    return f"{figure:,.{places}f}"


def number(value, kind: str) -> int | float | None:
    """The figure as a spreadsheet number (what the paper shows, rounded once); PCT stays a percentage."""
    figure = shown(value, kind)
    if figure is None or isinstance(figure, (int, str)):
        return figure
    return int(figure) if figure == figure.to_integral_value() and kind in (INT, MONEY) else float(figure)


def places_of(value, kind: str) -> int:
    figure = shown(value, kind)
    return max(0, -figure.as_tuple().exponent) if isinstance(figure, Decimal) else 0


def shares(parts: list[int], places: int = 1) -> list[Decimal | None]:
    """Each part as a % of their sum, rounded so that the shown figures add up to exactly 100 (largest
    remainder: the rounding units left over go to the parts that lost most by rounding down)."""
    whole = sum(parts)
    if not whole:
        return [None] * len(parts)
    unit = 10**places
    exact = [Fraction(100 * unit * p, whole) for p in parts]
    floors = [e.numerator // e.denominator for e in exact]
    left = 100 * unit - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(n).scaleb(-places) for n in floors]


def complement(passing) -> Decimal | None:
    """The failing % of a pass/fail pair: 100 − the passing % as shown, so the printed pair adds to 100."""
    if passing is None:
        return None
    return Decimal(100) - Decimal(shown(passing, PCT))


def against_threshold(value, threshold, kind: str = MONEY, *, places: int = 2):
    """`value` as its kind shows it, unless that figure would land on the other side of `threshold`: then
    with `places` decimals, cut towards the value's own side (39,999.5 against 40,000 prints 39,999.50,
    never 40,000; 39,999.996 prints 39,999.99). The printed figure never contradicts the comparison."""
    if value is None:
        return None
    below = exact(value) < exact(threshold)
    if (exact(shown(value, kind)) < exact(threshold)) == below:
        return value  # exact: rounded once when shown
    return round_exact(value, places, down=below)


def format_value(value, kind: str) -> str:
    """A cell value as printed: thousands separators, rounded once (numbers.py: PCT 1 decimal, values are
    percentages 0–100; MONEY whole baht; DECIMAL 2 decimals; a Decimal with its own places); missing
    numbers print as "-"."""
    if value is None or value == "":
        return "" if kind in (TEXT, CODE) else "-"
    if kind in (TEXT, CODE) or isinstance(value, str):
        return str(value)
    return text(value, kind)
