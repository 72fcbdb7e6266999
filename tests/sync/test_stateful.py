"""Three laptops and one server under a faulty link, driven by Hypothesis (see tests/sync/fuzz.py for the
rules and invariants). Bounded here; `bench/sync_fuzz.py --examples N` runs longer."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from tests.sync.fuzz import SyncMachine

SyncMachine.TestCase.settings = settings(
    max_examples=15, stateful_step_count=20, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
TestSyncFuzz = SyncMachine.TestCase
