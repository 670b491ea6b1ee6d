"""Demo data for `make run`: loads once, idempotent, and shows one case that went the whole way
to a reprimand published on the centre's website (DIS-7, DIS-8, CMS-4)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import demo as accounts_demo
from cms_pages.seed import seed_pages
from core.models import TransitionLog
from discipline import demo, selectors
from discipline.history import case_history
from discipline.models import Board, Case, Challenge, Outcome, Ruling, Seat, Session, Tier
from notices.models import Notice
from offices import demo as offices_demo
from offices.models import Office
from tests.discipline.conftest import log_rows

pytestmark = pytest.mark.django_db


def seeded_demo():
    accounts_demo.seed_users()
    offices_demo.load()
    demo.seed()


def entries(body: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'data-reprimand="(\d+)"', body)}


@pytest.mark.rule("DIS-2")
@pytest.mark.rule("DIS-3")
def test_demo_seed_is_idempotent():
    """DIS-2, DIS-3: a first-instance and an appeal board, each complete with its elected
    chair; the pending case waits for its hearing. A second run adds nothing at all."""
    seeded_demo()

    def counts():
        models = (Board, Case, Session, Ruling, Notice, TransitionLog)
        return [model.objects.count() for model in models]

    before = counts()
    demo.seed()
    assert counts() == before
    first = Board.objects.get(tier=Tier.FIRST_INSTANCE)
    appeal = Board.objects.get(tier=Tier.APPEAL)
    assert first.chair.national_id == demo.MEMBER_ID
    assert appeal.chair is not None
    assert selectors.composition_problems(first) == []
    assert selectors.composition_problems(appeal) == []
    pending = Case.objects.get(status=Case.Status.FIRST_INSTANCE)
    assert pending.sessions.get().status == Session.Status.SCHEDULED
    assert Case.objects.count() == 2
    # The demo sign-ins keep their roles: the superuser sits on no board.
    assert not Seat.objects.filter(user__is_superuser=True).exists()


@pytest.mark.rule("DIS-7")
@pytest.mark.rule("DIS-8")
@pytest.mark.rule("DIS-13")
def test_demo_has_one_reprimand_final_and_enforced_through_the_services():
    """DIS-8: the demo's reprimand is a grade-4 sanction ruled on appeal, so final on issue
    and enforced at once; DIS-7: it got there through the centre head's objection to the
    first-instance written reprimand (grade 3), which it replaced; DIS-13: every step is in
    the case's history and the accused got the summonses and rulings as notices."""
    seeded_demo()
    [ruling] = selectors.published_reprimands()
    case = ruling.case
    assert (ruling.tier, ruling.outcome, ruling.grade) == (Tier.APPEAL, Outcome.SANCTION, 4)
    assert ruling.status == Ruling.Status.ENFORCED
    assert ruling.final_at == ruling.issued_at
    assert ruling.final_at <= ruling.enforced_at <= timezone.now()
    assert case.status == Case.Status.CLOSED
    assert case.accused.national_id == demo.MANAGER_ID
    first = case.rulings.get(tier=Tier.FIRST_INSTANCE)
    assert (first.grade, first.status) == (3, Ruling.Status.SUPERSEDED)
    objection = Challenge.objects.get(ruling=first)
    assert objection.kind == Challenge.Kind.OBJECTION
    assert objection.lodged_by.national_id == demo.HEAD_ID
    assert [s.status for s in case.sessions.order_by("id")] == [Session.Status.CONCLUDED] * 2
    assert len(log_rows(ruling, "finalise")) == 1
    assert len(log_rows(ruling, "enforce")) == 1
    steps = [(e["object"], e["action"]) for e in case_history(case)]
    for step in [
        ("case", "open"),
        ("case", "schedule_hearing"),
        ("session", "record_attendance"),
        ("vote", "recorded"),
        ("ruling", "issue"),
        ("case", "rule"),
        ("case", "object"),
        ("case", "assign_appeal_board"),
        ("ruling", "supersede"),
        ("case", "rule_on_appeal"),
        ("ruling", "finalise"),
        ("ruling", "enforce"),
    ]:
        assert step in steps, step
    assert steps.count(("vote", "recorded")) == 6
    notices = [s.summons_id for s in case.sessions.all()] + [first.notice_id, ruling.notice_id]
    assert None not in notices
    assert Notice.objects.filter(pk__in=notices, recipient_user=case.accused).count() == 4


@pytest.mark.rule("CMS-4")
@pytest.mark.rule("DIS-8")
def test_the_demo_reprimand_is_listed_on_the_public_pages_with_its_own_page(client):
    """CMS-4: `/reprimands/` (and `/en/reprimands/`) list the demo's reprimand instead of the
    empty state, and its entry page answers 200; seeding again still lists exactly one."""
    seeded_demo()
    seed_pages()
    demo.seed()
    [ruling] = selectors.published_reprimands()
    name = ruling.case.accused.get_full_name()
    for index in ("/reprimands/", "/en/reprimands/"):
        response = client.get(index)
        assert response.status_code == 200
        body = response.content.decode()
        assert entries(body) == {ruling.pk}
        assert name in body
        detail = client.get(f"{index}{ruling.pk}/")
        assert detail.status_code == 200
        assert name in detail.content.decode()
        assert ruling.case.office.code in detail.content.decode()


@pytest.mark.rule("DIS-8")
def test_a_demo_database_seeded_before_the_reprimand_gets_it_on_the_next_run():
    """DIS-8: a development database that already has the first-instance board and its pending
    case (the demo as it was) gets the published reprimand on the next `seed_demo`, once."""
    accounts_demo.seed_users()
    offices_demo.load()
    User = get_user_model()
    office = Office.objects.get(manager__national_id=demo.MANAGER_ID)
    pending = demo._board_and_pending_case(
        head=User.objects.get(national_id=demo.HEAD_ID),
        gd=User.objects.get(national_id=demo.GD_ID),
        chair=User.objects.get(national_id=demo.MEMBER_ID),
        manager=office.manager,
        office=office,
    )
    assert not selectors.published_reprimands().exists()
    demo.seed()
    demo.seed()
    assert selectors.published_reprimands().count() == 1
    assert Board.objects.filter(tier=Tier.FIRST_INSTANCE).count() == 1
    assert Case.objects.filter(status=Case.Status.FIRST_INSTANCE).get() == pending
