"""The notices API answers as its OpenAPI schema says (found by tests/fuzz)."""

import pytest

from tests.fuzz.conformance import assert_conforms

pytestmark = pytest.mark.django_db


@pytest.mark.rule("NOT-3")
def test_unopened_notice_in_the_inbox_conforms_to_the_schema(issue, recipient, client_for):
    """NOT-3: until opened, the inbox row and the detail show no case number, subject,
    branch or body (nulls the schema allows); the recipient's `id` is an integer."""
    notice = issue()
    api = client_for(recipient)
    listed = api.get("/api/v1/notices/")
    assert listed.json()["results"][0]["subject"] is None
    assert listed.json()["results"][0]["recipient"]["id"] == recipient.pk
    assert_conforms(listed, "GET", "/api/v1/notices/")
    detail = api.get(f"/api/v1/notices/{notice.pk}/")
    assert detail.json()["body"] is None and detail.json()["attachments"] is None
    assert_conforms(detail, "GET", "/api/v1/notices/{id}/")


@pytest.mark.rule("NOT-4")
def test_issued_list_of_an_unserved_notice_conforms_to_the_schema(issue, clerk, client_for):
    """NOT-4: a notice not yet served has no service moment: `served_at` is null."""
    issue()
    issued = client_for(clerk).get("/api/v1/notices/issued/")
    assert issued.json()["results"][0]["served_at"] is None
    assert_conforms(issued, "GET", "/api/v1/notices/issued/")
