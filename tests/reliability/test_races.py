"""Racing transitions on PostgreSQL: two people acting on one object at the same instant, each
request in its own thread with its own database connection. Exactly one wins where only one may,
nothing is lost or duplicated (rows, transition log, outbox), and the loser gets a clean domain
error (JSON code, 4xx), never a 500.

Races proven elsewhere and not repeated here: two bookings of one slot (APT-2,
tests/offices/test_concurrency.py), two first views of one notice (NOT-4,
tests/notices/test_service.py), two centre heads deciding one licence request (LIC-3,
tests/licensing/test_pipeline.py), two sends of one filing with the same Idempotency-Key
(FIL-12, tests/filings/test_sending.py).
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from core.models import OutboundMessage, TransitionLog
from tests.factories.clients import client_for
from tests.reliability.conftest import outcome, race

pytestmark = pytest.mark.django_db(transaction=True)


def log_rows(obj, transition):
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return TransitionLog.objects.filter(
        content_type=ct, object_id=str(obj.pk), transition=transition
    ).count()


def messages_since(moment, **filters):
    return OutboundMessage.objects.filter(created_at__gte=moment, **filters).count()


# --- Discipline --------------------------------------------------------------------------------
@pytest.fixture
def discipline_catalogue():
    """The violation catalogue (loaded by a migration, removed by a transactional flush)."""
    from discipline.models import Violation
    from discipline.violations import load

    if Violation.objects.count() != 14:
        load(Violation)


def _vote(user, session, grade=3):
    return lambda: client_for(user).post(
        f"/api/v1/discipline/sessions/{session.pk}/vote/",
        {"outcome": "sanction", "grade": grade, "reasons": "Proven."},
        format="json",
    )


@pytest.mark.rule("DIS-4")
@pytest.mark.rule("DIS-13")
def test_two_members_casting_the_deciding_votes_at_once_both_count(discipline_catalogue):
    """DIS-4, DIS-13: the last two members vote at the same instant: both votes are recorded
    (no lost update), each with its own log row; one member pressing twice at once gets one
    vote and a clean 409 `already_voted`."""
    from discipline.models import Vote
    from tests.factories import discipline as f

    case = f.open_case()
    board = case.test_board
    session = f.held_session(case, board)
    first, second = race(_vote(board.judges[0], session), _vote(board.judges[0], session))
    assert sorted([outcome(first), outcome(second)]) == [(200, None), (409, "already_voted")]
    results = race(_vote(board.judges[1], session), _vote(board.third, session, grade=2))
    assert [outcome(r) for r in results] == [(200, None), (200, None)]
    assert Vote.objects.filter(session=session).count() == 3
    assert set(Vote.objects.filter(session=session).values_list("member_id", flat=True)) == {
        m.pk for m in board.members
    }
    assert log_rows(session, "vote") == 3


@pytest.mark.rule("DIS-4")
@pytest.mark.rule("DIS-6")
@pytest.mark.rule("NOT-2")
def test_the_chair_drafting_and_issuing_the_ruling_twice_at_once_gives_one_ruling_one_notice(
    discipline_catalogue,
):
    """DIS-4, DIS-6, NOT-2: two drafts of the ruling at the same instant give one ruling (the
    other 409); two issues at the same instant serve one notice, log one `issue` and send the
    accused one SMS; the loser gets 409."""
    from discipline.models import Ruling
    from notices.models import Notice
    from tests.factories import discipline as f

    case = f.open_case()
    board = case.test_board
    session = f.held_session(case, board)
    f.decide(session, board)
    chair = client_for(board.chair)
    url = f"/api/v1/discipline/sessions/{session.pk}/ruling/"

    def draft():
        return chair.post(url, {"text": "The board finds the violation proven."})

    drafted = sorted(outcome(r) for r in race(draft, draft))
    assert drafted[0] == (201, None) and drafted[1][0] == 409, drafted
    assert Ruling.objects.filter(case=case).count() == 1
    assert log_rows(session, "conclude") == 1

    ruling = Ruling.objects.get(case=case)
    before = timezone.now()

    def issue():
        return client_for(board.chair).post(f"/api/v1/discipline/rulings/{ruling.pk}/issue/")

    issued = sorted(outcome(r) for r in race(issue, issue))
    assert issued[0] == (200, None) and issued[1][0] == 409, issued
    assert log_rows(ruling, "issue") == 1
    assert log_rows(case, "rule") == 1
    ruling.refresh_from_db()
    assert ruling.notice_id is not None
    assert Notice.objects.filter(case_number=case.number, recipient_user=case.accused).count() == 2
    # the summons of the hearing and the ruling: one each
    assert messages_since(before, channel="sms", user=case.accused) == 1


# --- Licensing ---------------------------------------------------------------------------------
APPLICATIONS = "/api/v1/licensing/applications/"


@pytest.mark.rule("LIC-2")
def test_two_staff_deciding_one_application_at_once_give_one_decision():
    """LIC-2: one licensing officer accepts while another rejects the same application at the
    same instant: one decision stands (one log row, one SMS to the applicant), the other
    officer gets 409 and the status matches the winner."""
    from licensing import services
    from licensing.models import Application
    from offices.models import StaffRole
    from tests.factories.licensing import CallFactory, licensing_staff
    from tests.factories.offices import qualified_profile

    profile = qualified_profile(StaffRole.MANAGER)
    application = services.application_submit(actor=profile.user, call_id=CallFactory().pk)
    url = f"{APPLICATIONS}{application.pk}/"
    officers = [client_for(licensing_staff()), client_for(licensing_staff())]
    before = timezone.now()
    accepted, rejected = race(
        lambda: officers[0].post(f"{url}accept/", {"reasons": "Meets every condition."}),
        lambda: officers[1].post(f"{url}reject/", {"reasons": "Incomplete file."}),
    )
    results = {"accepted": outcome(accepted), "rejected": outcome(rejected)}
    winners = [k for k, v in results.items() if v == (200, None)]
    assert len(winners) == 1, results
    loser = next(v for k, v in results.items() if k not in winners)
    assert loser[0] == 409, results
    application.refresh_from_db()
    assert application.status == winners[0]
    assert log_rows(application, "accept") + log_rows(application, "reject") == 1
    assert messages_since(before, channel="sms", user=profile.user) == 1
    assert Application.objects.filter(call=application.call, status="accepted").count() == (
        1 if winners == ["accepted"] else 0
    )


@pytest.mark.rule("LIC-1")
@pytest.mark.rule("LIC-2")
def test_two_acceptances_for_the_last_place_of_a_call_at_once_give_one():
    """LIC-1, LIC-2: a call with one place; two officers accept two qualified applicants at
    the same instant: the call's row lock lets one through, the other gets 409 `no_places`."""
    from licensing import services
    from licensing.models import Application
    from offices.models import StaffRole
    from tests.factories.licensing import CallFactory, licensing_staff
    from tests.factories.offices import qualified_profile

    call = CallFactory(places=1)
    ids = [
        services.application_submit(
            actor=qualified_profile(StaffRole.MANAGER).user, call_id=call.pk
        ).pk
        for _ in range(2)
    ]
    officers = [client_for(licensing_staff()), client_for(licensing_staff())]
    results = race(
        *[
            (lambda o=o, pk=pk: o.post(f"{APPLICATIONS}{pk}/accept/", {"reasons": "Qualified."}))
            for o, pk in zip(officers, ids, strict=True)
        ]
    )
    assert sorted(outcome(r) for r in results) == [(200, None), (409, "no_places")]
    assert Application.objects.filter(call=call, status="accepted").count() == 1


# --- Filings -----------------------------------------------------------------------------------
@pytest.mark.rule("FIL-12")
def test_two_sends_of_one_filing_with_different_keys_give_one_submission():
    """FIL-12: two sends of one filing at the same instant from two tabs (different
    Idempotency-Keys): one submission, one `send` log row, one SMS to the filer; the other tab
    gets 409 `already_sent`."""
    from filings.models import Submission
    from tests.factories import UserFactory
    from tests.factories import filings as ff
    from tests.factories.notices import BranchFactory
    from tests.factories.offices import operational_office

    ff.ensure_fee_schedule()
    filer = UserFactory(mobile="+989141234568")
    filing = ff.paid(filer, court=BranchFactory(), office=operational_office())
    code = ff.request_code(filer, filing, "send")
    before = timezone.now()

    def send(key):
        return lambda: client_for(filer).post(
            f"/api/v1/filings/{filing.pk}/send/",
            {"code": code},
            format="json",
            HTTP_IDEMPOTENCY_KEY=key,
        )

    results = race(send("tab-1"), send("tab-2"))
    assert sorted(outcome(r) for r in results) == [(201, None), (409, "already_sent")]
    assert Submission.objects.filter(filing=filing).count() == 1
    assert log_rows(filing, "send") == 1
    assert messages_since(before, channel="sms", purpose="filings.sent") == 1
