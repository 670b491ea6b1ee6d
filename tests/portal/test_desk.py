"""The portal's frame: the sections each role of DOMAIN.md §1 sees (one mapping,
`accounts.navigation`), the navigation on every page and language, and the user's desk at
/portal/ where sign-in lands, with what waits for each role."""

import re

import pytest
from django.test import Client

from accounts.navigation import section_keys
from accounts.roles import Role
from tests.factories import discipline as df
from tests.factories.accounts import UserFactory
from tests.factories.licensing import council_member
from tests.factories.notices import NoticeFactory

pytestmark = pytest.mark.django_db

PARTY_SECTIONS = ["home", "notices", "filings", "cases", "hearings", "appointments"]
OFFICE = [*PARTY_SECTIONS, "office_queue", "office_desk"]
REGULATOR = [*PARTY_SECTIONS, "licensing"]

# DOMAIN.md §1: each actor and the sections of the portal their role opens.
EXPECTED = {
    Role.PARTY: PARTY_SECTIONS,
    Role.LAWYER: PARTY_SECTIONS,
    Role.OFFICE_MANAGER: [*OFFICE, "reports"],
    Role.OFFICE_LEGAL_EXPERT: OFFICE,
    Role.OFFICE_IT_EXPERT: OFFICE,
    Role.OFFICE_CLERK: OFFICE,
    Role.LICENSING_STAFF: [*REGULATOR, "discipline", "reports"],
    Role.COUNCIL_MEMBER: REGULATOR,
    Role.CENTRE_HEAD: [*REGULATOR, "discipline", "reports"],
    Role.ASSOCIATION_BOARD: [*PARTY_SECTIONS, "discipline", "reports"],
    Role.ASSOCIATION_INSPECTOR: [*PARTY_SECTIONS, "discipline"],
    Role.BOARD_MEMBER: [*PARTY_SECTIONS, "discipline"],
    Role.COURT_CLERK: [*PARTY_SECTIONS, "court_queue"],
}


def signed_in(user, language="en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def shown_sections(html: str) -> list[str]:
    return re.findall(r'data-section="([a-z_]+)"', html)


def test_every_role_is_mapped():
    """Every actor of DOMAIN.md §1 that signs in has its line in the table above."""
    assert set(EXPECTED) == set(Role)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_each_role_sees_exactly_its_sections(role):
    """DOMAIN.md §1 (object-level rule): the navigation shows the sections of the user's role
    and no other; the header of a page shows the same list."""
    user = UserFactory(roles=[role])
    assert section_keys(user) == EXPECTED[role]
    html = signed_in(user).get("/en/portal/").content.decode()
    assert shown_sections(html) == EXPECTED[role]


def test_two_roles_see_both_and_the_public_sees_none(client):
    """A clerk of a court who is also a lawyer sees both roles' sections once; a visitor who
    is not signed in sees none, and the header offers to sign in."""
    user = UserFactory(roles=[Role.LAWYER, Role.COURT_CLERK])
    assert section_keys(user) == [*PARTY_SECTIONS, "court_queue"]
    html = client.get("/en/accounts/signin/").content.decode()
    assert shown_sections(html) == []
    assert 'href="/en/accounts/signin/"' in html


@pytest.mark.parametrize("language,prefix", [("fa", ""), ("en", "/en"), ("az", "/az")])
def test_the_desk_and_navigation_in_every_language(language, prefix):
    """The desk answers in each language under its prefix, with the navigation's links in
    that language and the user's menu instead of "sign in"."""
    user = UserFactory(roles=[Role.PARTY], first_name="Sara", last_name="Rahimi")
    response = signed_in(user, language).get(f"{prefix}/portal/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert f'data-section="notices" href="{prefix}/notices/"' in html
    assert 'id="user-menu"' in html and "Sara Rahimi" in html
    assert f'href="{prefix}/accounts/signin/"' not in html


def test_the_desk_needs_sign_in(client):
    response = client.get("/en/portal/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/signin/")


def panel_count(html: str, key: str) -> int:
    found = re.search(rf'id="{key}".*?data-count="(\d+)"', html, re.S)
    assert found, f"no {key} panel"
    return int(found.group(1))


def test_a_party_sees_new_notices_and_not_the_staff_panels():
    """A party's desk counts their unread notices, links each one, and shows no staff
    panel; a notice read already is not counted."""
    party = UserFactory(roles=[Role.PARTY])
    new = NoticeFactory(recipient_user=party, subject="Summons to the hearing of 12 Azar")
    NoticeFactory(recipient_user=party, first_viewed_at=new.issued_at, view_count=1)
    NoticeFactory()  # someone else's
    html = signed_in(party).get("/en/portal/").content.decode()
    assert panel_count(html, "notices") == 1
    assert f'href="/en/notices/{new.pk}/"' in html
    assert 'id="office_queue"' not in html and 'id="court_queue"' not in html


def test_a_board_member_sees_the_boards_agenda():
    """A board member's desk lists the coming hearing of their board with its case."""
    case = df.open_case()
    board = case.test_board
    df.schedule(case, board, days=2)
    html = signed_in(board.third).get("/en/portal/").content.decode()
    assert panel_count(html, "discipline") == 1
    assert case.number in html and f'href="/en/discipline/cases/{case.pk}/"' in html


@pytest.mark.rule("LIC-3")
def test_a_council_member_sees_the_requests_at_the_councils_step():
    """LIC-3: a submitted request waits for the Council; it is on a Council member's desk."""
    from tests.factories.licensing import licence_request

    member = council_member()
    request = licence_request()
    html = signed_in(member).get("/en/portal/").content.decode()
    assert panel_count(html, "licensing") == 1
    assert f'href="/en/staff/licensing/requests/{request.pk}/"' in html
