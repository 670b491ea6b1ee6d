"""How the OpenAPI schema documents field types (found by tests/fuzz)."""

import pytest

from tests.fuzz.conformance import served_schema

pytestmark = pytest.mark.django_db


def test_times_of_day_are_documented_as_local_times():
    """Office hours are wall-clock times ("08:00:00"), not RFC 3339 times with an offset."""
    raw = served_schema().raw_schema
    opens = raw["components"]["schemas"]["Hours"]["properties"]["opens"]
    assert "format" not in opens
    assert opens["pattern"].startswith("^")
