"""What a write changed, so every screen can decide for itself whether to refresh (Anki's OpChanges).

A write operation declares its `Changes`; the window's runner broadcasts them after the write committed
(desktop/views/app_events.py). Plain data, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    households: bool = False  # household rows or their review status
    corrections: bool = False  # corrections recorded, reverted, sent
    visits: bool = False  # monitoring visits, samples, back-check answers, monitoring settings
    certifications: bool = False  # certifications, re-openings, rosters
    summaries: bool = False  # report figures (area summaries)
    areas: bool = False  # the area tree or survey years (new villages, an import, a pull)
    conflicts: bool = False  # sync conflicts opened or settled
    indicators: bool = False  # indicator sets

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def any(self, *names: str) -> bool:
        """True when any of the named kinds changed (no names: anything at all)."""
        return any(getattr(self, name) for name in (names or [f.name for f in fields(self)]))

    @classmethod
    def everything(cls) -> "Changes":
        return cls(**{f.name: True for f in fields(cls)})


REVIEW = Changes(households=True, summaries=True)
CORRECTION = Changes(households=True, corrections=True, summaries=True)
VISIT = Changes(visits=True)
CERTIFICATION = Changes(certifications=True)
