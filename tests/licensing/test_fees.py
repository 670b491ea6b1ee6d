"""Fee schedules (LIC-8): proposed by the Council, the GD's opinion, the centre head's approval;
Decimal money, effective dates."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from licensing import selectors
from licensing.models import FeeSchedule
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import centre_head, council_member, licensing_staff
from tests.licensing.conftest import log_rows

pytestmark = pytest.mark.django_db
URL = "/api/v1/licensing/fees/"


def propose(amount="2500000", effective_from=None, kind="vetting"):
    effective_from = effective_from or timezone.localdate()
    response = client_for(council_member()).post(
        URL,
        {
            "kind": kind,
            "amount": amount,
            "effective_from": effective_from.isoformat(),
            "reasons": "Costs of vetting have risen.",
        },
    )
    assert response.status_code == 201, response.json()
    return response.json()


@pytest.mark.rule("LIC-8")
def test_only_the_council_proposes_fees():
    """LIC-8 (art. 24-b): licensing staff or the centre head cannot propose a fee."""
    payload = {"kind": "call", "amount": "100", "effective_from": "2026-01-01", "reasons": "x"}
    assert client_for(licensing_staff()).post(URL, payload).status_code == 403
    assert client_for(centre_head()).post(URL, payload).status_code == 403


@pytest.mark.rule("LIC-8")
def test_fee_is_in_force_only_after_opinion_and_approval_from_its_effective_date():
    """LIC-8 (art. 22-c): proposal → GD opinion → centre-head approval; the approved amount is
    a Decimal and is in force from its effective date until a later approved fee."""
    today = timezone.localdate()
    fee = propose("2500000", today)
    assert selectors.fee_in_force("vetting", today) is None
    staff, head = client_for(licensing_staff()), client_for(centre_head())
    assert (
        head.post(f"{URL}{fee['id']}/decide/", {"decision": "approve", "reasons": "x"}).status_code
        == 409
    )  # the GD opinion cannot be skipped
    assert (
        staff.post(
            f"{URL}{fee['id']}/opinion/", {"decision": "approve", "reasons": "Reasonable."}
        ).json()["status"]
        == "gd_reviewed"
    )
    assert (
        head.post(
            f"{URL}{fee['id']}/decide/", {"decision": "approve", "reasons": "Approved."}
        ).json()["status"]
        == "approved"
    )
    in_force = selectors.fee_in_force("vetting", today)
    assert in_force.amount == Decimal("2500000") and isinstance(in_force.amount, Decimal)
    later = propose("3000000", today + dt.timedelta(days=30))
    staff.post(f"{URL}{later['id']}/opinion/", {"decision": "approve", "reasons": "ok"})
    head.post(f"{URL}{later['id']}/decide/", {"decision": "approve", "reasons": "ok"})
    assert selectors.fee_in_force("vetting", today).amount == Decimal("2500000")
    assert selectors.fee_in_force("vetting", today + dt.timedelta(days=30)).amount == Decimal(
        "3000000"
    )
    assert [r.transition for r in log_rows(FeeSchedule.objects.get(pk=fee["id"]))] == [
        "give_opinion",
        "decide",
    ]


@pytest.mark.rule("LIC-8")
@pytest.mark.parametrize(
    ("endpoint", "start", "allowed", "forbidden", "target"),
    [
        ("opinion", "proposed", licensing_staff, centre_head, "gd_reviewed"),
        ("decide", "gd_reviewed", centre_head, licensing_staff, "approved"),
    ],
)
def test_fee_transitions(endpoint, start, allowed, forbidden, target):
    """LIC-8: each step by its actor only (403 for others, nothing changes), one log row, 409
    in a wrong state; the public sees only approved fees (a proposal is 404 to them)."""
    fee = propose()
    if start == "gd_reviewed":
        client_for(licensing_staff()).post(
            f"{URL}{fee['id']}/opinion/", {"decision": "approve", "reasons": "ok"}
        )
    url = f"{URL}{fee['id']}/{endpoint}/"
    payload = {"decision": "approve", "reasons": "Reasons."}
    assert client_for(UserFactory()).post(url, payload).status_code == 404
    assert client_for(forbidden()).post(url, payload).status_code == 403
    obj = FeeSchedule.objects.get(pk=fee["id"])
    assert obj.status == start
    count = len(log_rows(obj))
    assert client_for(allowed()).post(url, payload).json()["status"] == target
    assert len(log_rows(obj)) == count + 1
    assert client_for(allowed()).post(url, payload).status_code == 409
    assert client_for(UserFactory()).get(f"{URL}{fee['id']}/").status_code == (
        200 if target == "approved" else 404
    )


@pytest.mark.rule("LIC-8")
def test_rejected_fee_is_never_in_force():
    """LIC-8: a fee the centre head rejects never applies."""
    fee = propose()
    client_for(licensing_staff()).post(
        f"{URL}{fee['id']}/opinion/", {"decision": "reject", "reasons": "Too high."}
    )
    client_for(centre_head()).post(
        f"{URL}{fee['id']}/decide/", {"decision": "reject", "reasons": "Too high."}
    )
    assert selectors.fee_in_force("vetting") is None
