"""The Council (LIC-4) and the Association with its board (ASC-1)."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from licensing import association as association_services
from licensing import services
from licensing.models import Association, BoardMembership, CouncilMembership, is_council_member
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import association, centre_head, council_member, licensing_staff
from tests.factories.offices import province

pytestmark = pytest.mark.django_db
COUNCIL = "/api/v1/licensing/council/"


@pytest.mark.rule("LIC-4")
def test_only_the_centre_head_appoints_council_members_for_a_term():
    """LIC-4 (art. 23): the centre head appoints; the member holds the role while the term
    runs; licensing staff cannot appoint."""
    person = UserFactory()
    staff = client_for(licensing_staff())
    assert staff.post(COUNCIL, {"national_id": person.national_id}).status_code == 403
    response = client_for(centre_head()).post(COUNCIL, {"national_id": person.national_id})
    assert response.status_code == 201
    term = CouncilMembership.objects.get(user=person)
    assert term.ends_on == term.starts_on + dt.timedelta(days=3 * 365)
    person = type(person).objects.get(pk=person.pk)
    assert is_council_member(person)
    assert person.groups.filter(name="council_member").exists()
    assert [m["user"]["id"] for m in staff.get(COUNCIL).json()] == [person.pk]


@pytest.mark.rule("LIC-4")
def test_the_council_has_five_members():
    """LIC-4: a sixth member while five sit is refused (409)."""
    head = centre_head()
    for _ in range(5):
        services.council_appoint(actor=head, user=UserFactory())
    response = client_for(head).post(COUNCIL, {"national_id": UserFactory().national_id})
    assert response.status_code == 409 and response.json()["code"] == "council_full"
    assert CouncilMembership.objects.count() == 5


@pytest.mark.rule("LIC-4")
def test_council_member_who_joins_the_association_board_is_refused():
    """LIC-4 (art. 23, note): a sitting Council member cannot be appointed to the Association's
    board; the refusal cites the article and nothing is stored."""
    member = council_member()
    assoc = association()
    response = client_for(centre_head()).post(
        f"/api/v1/licensing/associations/{assoc.pk}/board/",
        {"national_id": member.national_id, "seat": "judge"},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "council_board_incompatible"
    assert "23" in response.json()["message"]
    assert not BoardMembership.objects.exists()


@pytest.mark.rule("LIC-4")
def test_association_board_member_cannot_be_appointed_to_the_council():
    """LIC-4 (art. 23, note), the other way round: a sitting board member cannot join the
    Council."""
    head = centre_head()
    person = UserFactory()
    association_services.board_appoint(
        actor=head, association_id=association().pk, user=person, seat="office_manager"
    )
    response = client_for(head).post(COUNCIL, {"national_id": person.national_id})
    assert response.status_code == 409
    assert response.json()["code"] == "council_board_incompatible"
    assert not CouncilMembership.objects.filter(user=person).exists()


@pytest.mark.rule("LIC-4")
def test_after_the_council_term_ends_the_person_may_join_the_board():
    """LIC-4: the incompatibility is 'at the same time': once the Council term has ended, a
    board term that starts later is allowed; the ended member may no longer act."""
    head = centre_head()
    person = UserFactory()
    term = services.council_appoint(actor=head, user=person)
    client_for(head).post(f"{COUNCIL}{term.pk}/end/")
    person = type(person).objects.get(pk=person.pk)
    assert not is_council_member(person)
    later = timezone.localdate() + dt.timedelta(days=1)
    board_term = association_services.board_appoint(
        actor=head, association_id=association().pk, user=person, seat="judge", starts_on=later
    )
    assert board_term.pk


@pytest.mark.rule("ASC-1")
def test_board_of_seven_with_three_year_terms_and_re_election():
    """ASC-1 (art. 26): a board has at most seven members, each for three years (setting);
    the same person may be appointed again for a new term after the previous one."""
    head = centre_head()
    assoc = association()
    start = timezone.localdate()
    first = None
    for _ in range(7):
        term = association_services.board_appoint(
            actor=head, association_id=assoc.pk, user=UserFactory(), seat="judge", starts_on=start
        )
        first = first or term
    assert first.ends_on == start.replace(year=start.year + 3)
    response = client_for(head).post(
        f"/api/v1/licensing/associations/{assoc.pk}/board/",
        {"national_id": UserFactory().national_id, "seat": "judge"},
    )
    assert response.status_code == 409 and response.json()["code"] == "board_full"
    # Re-election: the same person, a new term from the end of the first.
    again = association_services.board_appoint(
        actor=head,
        association_id=assoc.pk,
        user=first.user,
        seat="judge",
        starts_on=first.ends_on + dt.timedelta(days=1),
    )
    assert again.user == first.user and again.pk != first.pk
    body = client_for(UserFactory()).get(f"/api/v1/licensing/associations/{assoc.pk}/").json()
    assert len(body["board"]) == 7


@pytest.mark.rule("ASC-1")
def test_only_the_centre_head_appoints_board_members():
    """ASC-1: board members are approved by the centre head (art. 26)."""
    assoc = association()
    response = client_for(licensing_staff()).post(
        f"/api/v1/licensing/associations/{assoc.pk}/board/",
        {"national_id": UserFactory().national_id, "seat": "judge"},
    )
    assert response.status_code == 403


@pytest.mark.rule("ASC-1")
def test_a_province_without_an_association_is_served_by_the_nearest():
    """ASC-1 (art. 25, note): one Association per province; a province without one is served
    by the nearest; founding one there takes the province over."""
    staff = client_for(licensing_staff())
    tehran = staff.post(
        "/api/v1/licensing/associations/", {"name": "Tehran", "province": "tehran"}
    ).json()
    tabriz = staff.post(
        "/api/v1/licensing/associations/", {"name": "Tabriz", "province": "east-azerbaijan"}
    ).json()
    from licensing import selectors

    assert selectors.association_serving(province("alborz")).pk == tehran["id"]
    assert selectors.association_serving(province("west-azerbaijan")).pk == tabriz["id"]
    assert (
        "alborz" in tehran["serves"]
        or "alborz" in staff.get(f"/api/v1/licensing/associations/{tehran['id']}/").json()["serves"]
    )
    again = staff.post("/api/v1/licensing/associations/", {"name": "Dup", "province": "tehran"})
    assert again.status_code == 409
    staff.post("/api/v1/licensing/associations/", {"name": "Karaj", "province": "alborz"})
    assert selectors.association_serving(province("alborz")).name == "Karaj"
    assert Association.objects.count() == 3


@pytest.mark.rule("ASC-1")
@override_settings(LICENSING={"BOARD_SIZE": 7, "BOARD_TERM_YEARS": 2, "COUNCIL_SIZE": 5})
def test_board_term_length_is_a_setting():
    """ASC-1: the term length comes from the setting."""
    term = association_services.board_appoint(
        actor=centre_head(), association_id=association().pk, user=UserFactory(), seat="judge"
    )
    assert term.ends_on.year == term.starts_on.year + 2
