"""The back-check sample: reproducible from its seed, sizes and strata as set."""

from __future__ import annotations

import pytest

from desktop.importers import demo
from desktop.models import backcheck, visits
from desktop.models import monitoring_settings as ms
from desktop.models.errors import UserError


def village(n: int, failing: int) -> list[tuple[int, str, bool]]:
    return [(1000 + i, f"520100{i:05d}", i < failing) for i in range(n)]


@pytest.mark.parametrize("n, pct, minimum, expected", [(100, 10, 3, 10), (20, 10, 3, 3), (2, 10, 3, 2), (41, 10, 3, 5),
                                                       (0, 10, 3, 0)])
def test_percent_size_with_minimum(n, pct, minimum, expected):
    s = ms.MonitoringSettings(size_percent=pct, size_minimum=minimum)
    assert s.sample_size(n) == expected


def test_fixed_size_capped_at_village():
    s = ms.MonitoringSettings(sample_mode="fixed", size_fixed=6)
    assert s.sample_size(40) == 6 and s.sample_size(4) == 4


def test_same_seed_same_sample_other_seed_other_sample():
    s = ms.MonitoringSettings()
    houses = village(200, 30)
    first = backcheck.draw(houses, s, "123", "52010101")
    assert first == backcheck.draw(list(reversed(houses)), s, "123", "52010101")  # input order does not matter
    assert first != backcheck.draw(houses, s, "124", "52010101")
    assert first != backcheck.draw(houses, s, "123", "52010102")  # each village its own stream
    assert len(first) == 20 and first == sorted(first)


def test_stratified_allocation():
    s = ms.MonitoringSettings(sample_mode="fixed", size_fixed=10)
    houses = village(100, 3)  # 3 failing, 97 passing
    picked = set(backcheck.draw(houses, s, "9", "v"))
    failing = {h[0] for h in houses if h[2]}
    assert len(picked) == 10 and len(picked & failing) == 1  # proportional: 0.3 -> at least one
    assert backcheck.allocate(10, [30, 70]) == [3, 7]
    assert backcheck.allocate(5, [1, 99]) == [1, 4]
    assert backcheck.allocate(1, [5, 5]) == [1, 0]  # smaller than the strata: the failing stratum first
    assert backcheck.allocate(10, [0, 4]) == [0, 4]  # capped at what the village holds
    assert backcheck.allocate(7, [2, 40]) == [1, 6]


def test_unstratified_can_miss_failing_households():
    s = ms.MonitoringSettings(sample_mode="fixed", size_fixed=3, stratify=False)
    houses = village(100, 1)
    misses = [seed for seed in range(20) if 1000 not in backcheck.draw(houses, s, str(seed), "v")]
    assert misses  # without strata the one failing household is usually left out


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from desktop.models import db
    from tests.conftest import PASSPHRASE

    store = db.open_store(tmp_path_factory.mktemp("demo") / "s.db", PASSPHRASE, create=True)
    demo.generate(store, province="52", households=400, districts=1, seed=3)
    yield store
    store.close()


def test_recorded_sample_redraws_the_same(demo_store):
    with demo_store.begin() as conn:
        year = conn.exec_driver_sql("SELECT max(survey_year) FROM household").scalar()
        villages = [str(v) for v in conn.exec_driver_sql(
            "SELECT DISTINCT village FROM household ORDER BY village LIMIT 3").scalars()]
        v = visits.log(conn, survey_year=year, level="district", area_code=villages[0][:4], visit_date="2025-10-01",
                       villages=villages, visitors=[visits.Visitor("ก")])
        sample = backcheck.draw_sample(conn, v.visit_id, seed="2569")
        assert backcheck.verify(conn, sample) == {}
        settings = ms.load(conn)
        for code in villages:
            n, failing = conn.exec_driver_sql(
                f"SELECT count(*), sum(n_failed > 0) FROM household WHERE village = {code}").one()
            drawn = sample.households[code]
            assert len(drawn) == settings.sample_size(n)
            got_failing = conn.exec_driver_sql(
                f"SELECT count(*) FROM household WHERE n_failed > 0 AND id IN ({','.join(map(str, drawn))})").scalar()
            assert got_failing == backcheck.allocate(len(drawn), [failing, n - failing])[0]
        again = backcheck.draw_sample(conn, v.visit_id, seed="2569", replace=True)
        assert again.households == sample.households and again.uuid != sample.uuid
        conn.rollback()


def test_sample_of_unknown_visit(demo_store):
    with demo_store.begin() as conn, pytest.raises(UserError):
        backcheck.draw_sample(conn, "no-such-visit")
