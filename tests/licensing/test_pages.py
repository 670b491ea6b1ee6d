"""Staff screens (/staff/licensing/): a queue per role and one button per allowed step (LIC-3)."""

import re

import pytest
from django.test import Client

from licensing.models import LicenceRequest
from tests.factories.accounts import UserFactory
from tests.factories.licensing import (
    centre_head,
    council_member,
    licence_request,
    licensing_staff,
)
from tests.licensing.conftest import log_rows

pytestmark = pytest.mark.django_db
S = LicenceRequest.Status


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def buttons(html: str) -> list[str]:
    return re.findall(r'data-transition="([a-z_]+)"', html)


@pytest.mark.rule("LIC-3")
def test_queue_page_lists_what_waits_for_the_user():
    """LIC-3: each user's queue page lists the requests waiting for their step only."""
    waiting = licence_request(status=S.GD_OPINION)
    other = licence_request(status=S.AWAITING_DECISION)
    html = browser(licensing_staff()).get("/en/staff/licensing/").content.decode()
    assert f"/staff/licensing/requests/{waiting.pk}/" in html
    assert f"/staff/licensing/requests/{other.pk}/" not in html


@pytest.mark.rule("LIC-3")
@pytest.mark.parametrize(
    ("state", "who", "expected"),
    [
        (S.SUBMITTED, council_member, ["start_review"]),
        (S.COUNCIL_REVIEW, council_member, ["propose"]),
        (S.GD_OPINION, licensing_staff, ["give_opinion"]),
        (S.AWAITING_DECISION, centre_head, ["decide"]),
        (S.AWAITING_DECISION, licensing_staff, []),
        (S.GD_OPINION, centre_head, []),
        (S.APPROVED, centre_head, []),
    ],
)
def test_request_page_shows_only_the_buttons_the_user_may_press_now(state, who, expected):
    """LIC-3: the request page shows one button per transition the signed-in user may take in
    the current state, and none for anything else; the timeline is on the page."""
    request = licence_request(status=state)
    response = browser(who()).get(f"/en/staff/licensing/requests/{request.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert buttons(html) == expected
    assert "Timeline" in html


@pytest.mark.rule("LIC-3")
def test_requester_sees_the_cancel_button_and_strangers_get_404():
    """LIC-3: the requester may cancel a submitted request; a stranger gets 404."""
    request = licence_request()
    html = browser(request.requested_by).get(f"/en/staff/licensing/requests/{request.pk}/")
    assert buttons(html.content.decode()) == ["cancel"]
    stranger = browser(UserFactory())
    assert stranger.get(f"/en/staff/licensing/requests/{request.pk}/").status_code == 404


@pytest.mark.rule("LIC-3")
def test_pressing_a_button_takes_the_step_and_a_forged_post_is_refused():
    """LIC-3: the form's POST takes the step through the service (new state, step row); a POST
    for a step the user may not take changes nothing (403), and a step out of order shows the
    refusal without changing anything."""
    request = licence_request(status=S.GD_OPINION)
    staff = browser(licensing_staff())
    url = f"/en/staff/licensing/requests/{request.pk}/"
    forged = browser(council_member()).post(
        f"{url}give_opinion/", {"decision": "approve", "reasons": "x"}
    )
    assert forged.status_code == 403
    response = staff.post(
        f"{url}give_opinion/", {"decision": "approve", "reasons": "GD agrees."}, follow=True
    )
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.status == S.AWAITING_DECISION
    assert request.steps.get(step="opinion").reasons == "GD agrees."
    again = staff.post(f"{url}give_opinion/", {"decision": "approve", "reasons": "x"}, follow=True)
    assert again.status_code == 200
    request.refresh_from_db()
    assert request.status == S.AWAITING_DECISION and request.steps.count() == 2
    timeline = again.content.decode()
    # The history reads as sentences, never the codes the services record (#16).
    assert "The General Directorate gave its opinion" in timeline and "GD agrees." in timeline
    assert "give_opinion" not in timeline.split('class="timeline"')[1]


@pytest.mark.rule("LIC-3")
def test_a_step_posted_on_a_request_the_user_may_not_see_answers_404():
    """LIC-3 and the object-level rule of DOMAIN.md §1: a POST on a request outside the
    user's scope answers 404 — with an empty or a complete form alike — instead of redirecting
    to the request's page with the form's errors."""
    request = licence_request()
    steps = request.steps.count()
    url = f"/en/staff/licensing/requests/{request.pk}/propose/"
    stranger = browser(UserFactory())
    assert stranger.post(url, {}).status_code == 404
    assert stranger.post(url, {"decision": "approve", "reasons": "x"}).status_code == 404
    request.refresh_from_db()
    assert request.status == S.SUBMITTED and request.steps.count() == steps


@pytest.mark.rule("LIC-3")
def test_the_requester_cancels_from_the_page_with_the_apis_optional_reason():
    """LIC-3: the cancel form posts the API's body (`reason`); the request is cancelled with
    that reason in its log and the page says the step was recorded."""
    request = licence_request()
    response = browser(request.requested_by).post(
        f"/en/staff/licensing/requests/{request.pk}/cancel/",
        {"reason": "Filed by mistake."},
        follow=True,
    )
    assert response.status_code == 200
    assert "Recorded." in response.content.decode()
    request.refresh_from_db()
    assert request.status == S.CANCELLED
    assert log_rows(request)[-1].reason == "Filed by mistake."


@pytest.mark.rule("LIC-3")
@pytest.mark.parametrize(
    ("prefix", "expected"), [("/en", "Decision: This field is required."), ("", "تصمیم")]
)
def test_a_form_without_a_decision_is_refused_by_the_apis_serializer(prefix, expected):
    """LIC-3: a proposal without a decision is refused by the API's serializer before the
    service; the page names the field by its label in the reader's language and nothing
    changes."""
    request = licence_request(status=S.COUNCIL_REVIEW)
    response = browser(council_member()).post(
        f"{prefix}/staff/licensing/requests/{request.pk}/propose/",
        {"reasons": "Looks fine."},
        follow=True,
    )
    assert response.status_code == 200
    assert expected in response.content.decode()
    request.refresh_from_db()
    assert request.status == S.COUNCIL_REVIEW and not request.steps.exists()
