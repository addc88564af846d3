"""schemathesis against the API's own OpenAPI schema: whatever it sends, valid or not, no answer is a server error
or breaks the schema. Bounded (30 examples an operation and mode) so it runs in CI on every change, against a store
of its own (it may add articles)."""

from __future__ import annotations

import itertools

import pytest
import schemathesis
from conftest import DEMO
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store
from storyline.tracker import refresh_stories
from storyline.web import create_app


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    from conftest import new_store_address

    address = new_store_address(tmp_path_factory.mktemp("fuzz"), "fuzz")
    with open_store(address) as store:
        ingest(store, read_paths([str(DEMO)]), workers=1)
        refresh_stories(store)
    return schemathesis.openapi.from_asgi("/api/openapi.json", create_app(address))


CHECKS = [content_type_conformance, response_schema_conformance]


def test_no_request_gets_a_server_error_or_an_answer_outside_the_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8
    for operation, mode in itertools.product(operations, GenerationMode):  # valid requests and invalid ones
        @given(case=operation.as_strategy(mode))
        @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code}"
            case.validate_response(response, checks=CHECKS)

        try:
            check()
        except Unsatisfiable:  # an operation with no parameter to make invalid
            assert mode is GenerationMode.NEGATIVE, operation.label
