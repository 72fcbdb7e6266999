"""schemathesis against /openapi.json: malformed or random input never makes the server answer 500.

Bounded: EXAMPLES cases per operation, each sent as generated (mostly without valid credentials) and with a
valid token. schemathesis's own pytest plugin (schema.parametrize / from_fixture) does not work with
pytest 9.2 ('Function' object has no attribute '_nodeid'), so its strategies are driven by Hypothesis here."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from tests.sync import world  # noqa: E402

EXAMPLES = 20


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    from province import auth

    province = world.Province.create(f"sqlite:///{tmp_path_factory.mktemp('api') / 'p.db'}", rate=0)
    with province.db.write() as conn:  # every area code in scope, so generated areas reach the queries
        _, token = auth.add_officer(conn, "fuzz", [f"{i:02d}" for i in range(100)])
    yield schemathesis.openapi.from_asgi("/openapi.json", province.app), token
    province.close()


def test_no_server_errors_on_any_operation(api):
    schema, token = api
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/v1/push", "/v1/pull", "/v1/fetch", "/v1/receipt", "/v1/bundle"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(checks=[not_a_server_error])
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])

        check()
