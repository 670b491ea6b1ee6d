"""The licence-request pipeline (LIC-3): Council review and proposal → GD opinion → centre-head
decision, each step with who, when, decision and reasons; queues per role; every transition
with its allowed actor, a forbidden actor and a wrong state."""

import threading

import pytest
from django.db import close_old_connections

from licensing.models import LicenceRequest, RequestStep
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import (
    centre_head,
    council_member,
    licence_request,
    licensed_office,
    licensing_staff,
)
from tests.licensing.conftest import log_rows

pytestmark = pytest.mark.django_db
S = LicenceRequest.Status
URL = "/api/v1/licensing/requests/"

# transition endpoint → (state it starts from, state it reaches, who may take it, payload)
TRANSITIONS = {
    "start-review": (S.SUBMITTED, S.COUNCIL_REVIEW, council_member, {}),
    "propose": (
        S.COUNCIL_REVIEW,
        S.GD_OPINION,
        council_member,
        {"decision": "approve", "reasons": "The office's record is clean."},
    ),
    "opinion": (
        S.GD_OPINION,
        S.AWAITING_DECISION,
        licensing_staff,
        {"decision": "approve", "reasons": "The GD agrees with the Council."},
    ),
    "decide": (
        S.AWAITING_DECISION,
        S.APPROVED,
        centre_head,
        {"decision": "approve", "reasons": "Approved on the Council's proposal."},
    ),
}
# Someone who may see the request but may not take the step: a regulator of another role.
FORBIDDEN = {
    "start-review": licensing_staff,
    "propose": centre_head,
    "opinion": council_member,
    "decide": licensing_staff,
}


@pytest.mark.rule("LIC-3")
@pytest.mark.parametrize("endpoint", list(TRANSITIONS))
def test_allowed_actor_moves_the_request_and_writes_one_log_row(endpoint):
    """LIC-3: the allowed actor takes the step: the new state, exactly one transition log row
    with the actor and reasons, and for proposal, opinion and decision one step row."""
    source, target, who, payload = TRANSITIONS[endpoint]
    request = licence_request(status=source)
    before = len(log_rows(request))
    actor = who()
    response = client_for(actor).post(f"{URL}{request.pk}/{endpoint}/", payload)
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == target
    request.refresh_from_db()
    assert request.status == target
    rows = log_rows(request)
    assert len(rows) == before + 1
    assert (rows[-1].source, rows[-1].target, rows[-1].actor) == (source, target, actor)
    if payload:
        step = request.steps.get(actor=actor)
        assert (step.decision, step.reasons) == (payload["decision"], payload["reasons"])
        assert rows[-1].reason == payload["reasons"]


@pytest.mark.rule("LIC-3")
@pytest.mark.parametrize("endpoint", list(TRANSITIONS))
def test_forbidden_actor_gets_403_and_nothing_changes(endpoint):
    """LIC-3: only Council members review and propose, only licensing staff give the GD
    opinion, only the centre head decides; anyone else who can see the request gets 403 and
    nothing changes (no state, no log row, no step)."""
    source, _target, _who, payload = TRANSITIONS[endpoint]
    request = licence_request(status=source)
    logs, steps = len(log_rows(request)), request.steps.count()
    response = client_for(FORBIDDEN[endpoint]()).post(f"{URL}{request.pk}/{endpoint}/", payload)
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == source
    assert len(log_rows(request)) == logs and request.steps.count() == steps


@pytest.mark.rule("LIC-3")
@pytest.mark.parametrize("endpoint", list(TRANSITIONS))
def test_stranger_gets_404(endpoint):
    """LIC-3: a user who may not see the request gets 404, as for a missing one."""
    source, _target, _who, payload = TRANSITIONS[endpoint]
    request = licence_request(status=source)
    response = client_for(UserFactory()).post(f"{URL}{request.pk}/{endpoint}/", payload)
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == source


@pytest.mark.rule("LIC-3")
@pytest.mark.parametrize("endpoint", list(TRANSITIONS))
def test_wrong_state_gets_409(endpoint):
    """LIC-3: a step taken in any other state answers 409 and changes nothing."""
    source, _target, who, payload = TRANSITIONS[endpoint]
    wrong = S.APPROVED if source == S.SUBMITTED else S.SUBMITTED
    request = licence_request(status=wrong)
    logs = len(log_rows(request))
    response = client_for(who()).post(f"{URL}{request.pk}/{endpoint}/", payload)
    assert response.status_code == 409
    assert response.json()["code"] == "wrong_state"
    request.refresh_from_db()
    assert request.status == wrong and len(log_rows(request)) == logs


@pytest.mark.rule("LIC-3")
@pytest.mark.parametrize("state", [S.SUBMITTED, S.COUNCIL_REVIEW, S.GD_OPINION])
def test_a_request_cannot_skip_the_gd_opinion(state):
    """LIC-3 (art. 22-b): the centre head decides only after the GD's opinion; a decision
    before it answers 409, nothing is approved and the licence is untouched."""
    request = licence_request(status=state)
    response = client_for(centre_head()).post(
        f"{URL}{request.pk}/decide/", {"decision": "approve", "reasons": "Straight to approval."}
    )
    assert response.status_code == 409
    request.refresh_from_db()
    assert request.status == state
    assert not request.steps.filter(step=RequestStep.Step.DECISION).exists()
    request.licence.refresh_from_db()
    assert request.licence.status == "active"


@pytest.mark.rule("LIC-3")
def test_full_pipeline_records_who_when_decision_and_reasons(django_capture_on_commit_callbacks):
    """LIC-3: each step keeps its actor, time, decision and reasons; the request page shows
    them in order; the requester is told of the decision by SMS."""
    request = licence_request()
    member, staff, head = council_member(), licensing_staff(), centre_head()
    client_for(member).post(f"{URL}{request.pk}/start-review/", {})
    client_for(member).post(
        f"{URL}{request.pk}/propose/", {"decision": "reject", "reasons": "Not proportionate."}
    )
    client_for(staff).post(
        f"{URL}{request.pk}/opinion/", {"decision": "approve", "reasons": "Repeated violations."}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(head).post(
            f"{URL}{request.pk}/decide/", {"decision": "approve", "reasons": "Suspend."}
        )
    body = response.json()
    assert body["status"] == "approved"
    assert [(s["step"], s["decision"], s["actor"]["id"]) for s in body["steps"]] == [
        ("proposal", "reject", member.pk),
        ("opinion", "approve", staff.pk),
        ("decision", "approve", head.pk),
    ]
    assert all(s["created_at"] and s["reasons"] for s in body["steps"])
    assert [row.transition for row in log_rows(request)] == [
        "start_review",
        "propose",
        "give_opinion",
        "decide",
    ]


@pytest.mark.rule("LIC-3")
def test_reasons_are_required_for_every_decision_step():
    """LIC-3: a proposal, opinion or decision without reasons is refused (400)."""
    request = licence_request(status=S.COUNCIL_REVIEW)
    response = client_for(council_member()).post(
        f"{URL}{request.pk}/propose/", {"decision": "approve", "reasons": "  "}
    )
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.status == S.COUNCIL_REVIEW


@pytest.mark.rule("LIC-3")
def test_rejection_by_the_centre_head_leaves_the_licence_alone():
    """LIC-3: a rejected request is final and changes nothing on the licence."""
    request = licence_request(status=S.AWAITING_DECISION)
    response = client_for(centre_head()).post(
        f"{URL}{request.pk}/decide/", {"decision": "reject", "reasons": "Insufficient grounds."}
    )
    assert response.json()["status"] == "rejected"
    request.licence.refresh_from_db()
    assert request.licence.status == "active"


@pytest.mark.rule("LIC-3")
def test_cancel_by_the_requester_only_before_review():
    """LIC-3: the requester may cancel before the Council takes the request up (one log row);
    someone else gets 403; after the review started, 409."""
    request = licence_request()
    requester = request.requested_by
    assert client_for(licensing_staff()).post(f"{URL}{request.pk}/cancel/", {}).status_code == 403
    response = client_for(requester).post(f"{URL}{request.pk}/cancel/", {"reason": "Settled."})
    assert response.json()["status"] == "cancelled"
    assert len(log_rows(request)) == 1
    later = licence_request(status=S.COUNCIL_REVIEW)
    response = client_for(later.requested_by).post(f"{URL}{later.pk}/cancel/", {})
    assert response.status_code == 409


@pytest.mark.rule("LIC-3")
def test_each_role_sees_its_own_queue():
    """LIC-3: Council members wait on submitted and reviewed requests, licensing staff on those
    awaiting the GD opinion, the centre head on those awaiting decision."""
    submitted = licence_request()
    review = licence_request(status=S.COUNCIL_REVIEW)
    opinion = licence_request(status=S.GD_OPINION)
    deciding = licence_request(status=S.AWAITING_DECISION)
    licence_request(status=S.APPROVED)

    def queue(user):
        response = client_for(user).get(URL, {"waiting": "true"})
        return {r["id"] for r in response.json()["results"]}

    assert queue(council_member()) == {submitted.pk, review.pk}
    assert queue(licensing_staff()) == {opinion.pk}
    assert queue(centre_head()) == {deciding.pk}


@pytest.mark.rule("LIC-3")
def test_holder_follows_own_requests_and_others_are_hidden():
    """LIC-3: a licence holder sees the requests about their licence and follows their status;
    another office's manager sees none of them (404)."""
    office = licensed_office()
    holder = office.manager
    request = licence_request(kind=LicenceRequest.Kind.WITHDRAWAL, office=office, actor=holder)
    mine = client_for(holder).get(URL).json()
    assert [r["id"] for r in mine["results"]] == [request.pk]
    assert client_for(holder).get(f"{URL}{request.pk}/").json()["status"] == "submitted"
    other = licence_request().licence.holder
    assert client_for(other).get(f"{URL}{request.pk}/").status_code == 404


@pytest.mark.rule("LIC-3")
def test_timeline_endpoint_shows_the_request_history():
    """LIC-3, AUD-3: the audit timeline of a request lists its transitions for the regulator
    and answers 404 to strangers."""
    request = licence_request(status=S.GD_OPINION)
    url = f"/api/v1/audit/timeline/licensing.licencerequest/{request.pk}/"
    response = client_for(licensing_staff()).get(url)
    assert response.status_code == 200
    actions = [e["action"] for e in response.json()["entries"] if e["kind"] == "transition"]
    assert actions == ["start_review", "propose"]
    assert client_for(UserFactory()).get(url).status_code == 404


@pytest.mark.rule("LIC-3")
@pytest.mark.django_db(transaction=True)
def test_two_centre_heads_approving_at_once_give_one_approval_and_one_409():
    """LIC-3: two decisions on the same request at the same moment (real threads on
    PostgreSQL): the row lock lets one through; the other sees the new state and gets 409.
    One decision step, one log row."""
    request = licence_request(status=S.AWAITING_DECISION)
    heads = [centre_head(), centre_head()]
    barrier = threading.Barrier(2)
    codes = []

    def approve(user):
        close_old_connections()
        try:
            client = client_for(user)
            barrier.wait()
            response = client.post(
                f"{URL}{request.pk}/decide/", {"decision": "approve", "reasons": "Approved."}
            )
            codes.append(response.status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=approve, args=(h,)) for h in heads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [200, 409]
    request.refresh_from_db()
    assert request.status == S.APPROVED
    assert request.steps.filter(step=RequestStep.Step.DECISION).count() == 1
    assert [r.transition for r in log_rows(request)].count("decide") == 1
    request.licence.refresh_from_db()
    assert request.licence.status == "suspended"
