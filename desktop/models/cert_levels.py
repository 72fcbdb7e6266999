"""Which levels certify in a survey year: data, a small file per year (resources/certification_levels/<year>.json,
else default.json), read like an indicator set.

2567 follows the province's letter of 27 June 2567 (docs/certification.md): the village- and อปท.-level
activities were cancelled, so districts and the province certify. The child-first rule asks only for the
certifying level just below an area's own (a 2567 district waits for nobody; a province for its districts); the
dialog and the printed form say which levels certify that year. A level that does not certify that year may
still certify (nothing forbids a working group to meet), but nobody waits for it.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from desktop.models.errors import UserError
from desktop.paths import resources_dir

ORDER = ("tambon", "lao", "district", "province")  # lowest first; tambon and อปท. are the same step
LABELS = {"tambon": ("ตำบล", "tambon"), "lao": ("อปท.", "LAO"), "district": ("อำเภอ", "district"),
          "province": ("จังหวัด", "province")}


@dataclass(frozen=True)
class YearLevels:
    year: int
    levels: tuple[str, ...]
    source_th: str
    source_en: str
    from_file: str  # "2567" or "default"

    def certifies(self, level: str) -> bool:
        return level in self.levels

    def child_level(self, level: str) -> str | None:
        """The certifying level an area of `level` waits for: "tambon" (tambon or อปท.), "district", or None."""
        below = {"province": ("district", "tambon"), "district": ("tambon",)}.get(level, ())
        for candidate in below:
            if candidate in self.levels or (candidate == "tambon" and "lao" in self.levels):
                return candidate
        return None

    def labels(self, english: bool = False) -> str:
        return ", ".join(LABELS[lv][1 if english else 0] for lv in ORDER if lv in self.levels)


def _directory():
    return resources_dir() / "certification_levels"


@functools.lru_cache(maxsize=32)
def for_year(year: int) -> YearLevels:
    path = _directory() / f"{int(year)}.json"
    name = str(int(year))
    if not path.exists():
        path, name = _directory() / "default.json", "default"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        levels = tuple(data["levels"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise UserError(f"แฟ้มระดับการรับรองข้อมูล {path.name} อ่านไม่ได้ ({err}) / the certification levels file"
                        f" {path.name} cannot be read") from err
    unknown = [lv for lv in levels if lv not in ORDER]
    if unknown or not levels:
        raise UserError(f"แฟ้ม {path.name}: ระดับไม่ถูกต้อง {unknown or '[]'} (ใช้ได้: {', '.join(ORDER)}) /"
                        f" {path.name}: unknown levels {unknown or '[]'}")
    return YearLevels(int(year), levels, str(data.get("source_th", "")), str(data.get("source_en", "")), name)
