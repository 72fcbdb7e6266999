"""Monitoring settings: defaults, saving with an audit entry, loading an office's file, clear errors."""

from __future__ import annotations

import json

import pytest

from desktop.models import audit
from desktop.models import monitoring_settings as ms
from desktop.models.errors import UserError


def test_defaults_and_round_trip(store):
    with store.begin() as conn:
        assert ms.load(conn) == ms.MonitoringSettings()
        custom = ms.from_dict({"size_percent": 5, "size_minimum": 2, "aggregation": "villages",
                               "checklist": [["a", "ข้อหนึ่ง"]], "tolerances": {"income:inc_other": {"pct": 30}}})
        ms.save(conn, custom)
        assert ms.load(conn) == custom
        assert audit.recent(conn, 1)[0]["action"] == "monitoring.settings"
    assert custom.tolerance("income:inc_other") == {"pct": 30}
    assert custom.tolerance("income:inc_main") == {"abs": 0}  # a partial tolerances dict replaces the defaults
    assert ms.MonitoringSettings().tolerance("income:inc_main") == {"pct": 10}
    assert ms.MonitoringSettings().item_class("age:3") == 1


def test_bad_settings_list_every_problem(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"sample_mode": "some", "size_minimum": 0, "classes": {"age": 4}, "colour": "x",
                                "aggregation": "median", "tolerances": {"income": {"pct": -1}}}), encoding="utf-8")
    with pytest.raises(UserError) as err:
        ms.load_file(path)
    for part in ("sample_mode", "size_minimum", "classes.age", "colour", "aggregation", "tolerances.income"):
        assert part in str(err.value)
    with pytest.raises(UserError, match="อ่านไฟล์ค่าตั้ง"):
        ms.load_file(tmp_path / "missing.json")
