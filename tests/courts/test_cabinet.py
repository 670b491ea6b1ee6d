"""CAS-3, CAS-4: my cases (own, for a legal person, as lawyer) with search and filters; the
case page with its one timeline and downloads; a stranger's case is 404."""

import pytest
from guardian.shortcuts import assign_perm

from accounts.models import LegalPerson, Representation
from tests.factories import UserFactory
from tests.factories import courts as cf


def _represent(user, legal):
    Representation.objects.create(legal_person=legal, user=user)
    assign_perm("accounts.act_for_legalperson", user, legal)


@pytest.mark.rule("CAS-3")
def test_a_party_sees_their_case_and_not_a_strangers(the_case, party, stranger, client_for):
    mine = client_for(party).get("/api/v1/courts/cases/").json()["results"]
    assert [c["number"] for c in mine] == [the_case.number]
    assert mine[0]["my_roles"] == ["claimant"]
    response = client_for(stranger).get(f"/api/v1/courts/cases/{the_case.pk}/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client_for(stranger).get("/api/v1/courts/cases/").json()["results"] == []


@pytest.mark.rule("CAS-3")
def test_a_lawyer_sees_the_cases_of_their_clients_only(the_case, lawyer, branch, clerk, client_for):
    other = cf.case(branch=branch, clerk=clerk, parties=[("claimant", UserFactory())])
    api = client_for(lawyer)
    rows = api.get("/api/v1/courts/cases/").json()["results"]
    assert [(c["number"], c["my_roles"]) for c in rows] == [(the_case.number, ["lawyer"])]
    assert api.get(f"/api/v1/courts/cases/{other.pk}/").status_code == 404
    assert api.get("/api/v1/courts/cases/", {"as": "lawyer"}).json()["count"] == 1
    assert api.get("/api/v1/courts/cases/", {"as": "self"}).json()["count"] == 0


@pytest.mark.rule("CAS-3")
def test_a_representative_sees_the_legal_persons_cases(branch, clerk, client_for):
    legal = LegalPerson.objects.create(name="Pars Trading Co.", legal_id="10101234567")
    rep, former = UserFactory(), UserFactory()
    _represent(rep, legal)
    case = cf.case(branch=branch, clerk=clerk, parties=[("defendant", legal)])
    rows = client_for(rep).get("/api/v1/courts/cases/", {"as": "legal"}).json()["results"]
    assert [c["number"] for c in rows] == [case.number]
    assert client_for(former).get(f"/api/v1/courts/cases/{case.pk}/").status_code == 404


@pytest.mark.rule("CAS-3")
def test_my_cases_search_and_filters(the_case, party, branch, clerk, client_for):
    second = cf.case(branch=branch, clerk=clerk, parties=[("defendant", party)])
    api = client_for(party)
    assert api.get("/api/v1/courts/cases/").json()["count"] == 2
    found = api.get("/api/v1/courts/cases/", {"number": the_case.number[:14]}).json()
    assert found["count"] >= 1 and the_case.number in [c["number"] for c in found["results"]]
    found = api.get("/api/v1/courts/cases/", {"participant": "Karimi"}).json()["results"]
    assert [c["number"] for c in found] == [the_case.number]
    found = api.get("/api/v1/courts/cases/", {"court": branch.code}).json()
    assert found["count"] == 2
    second.status = "closed"
    second.save()
    found = api.get("/api/v1/courts/cases/", {"status": "closed"}).json()["results"]
    assert [c["number"] for c in found] == [second.number]


def _hearing_in_nine_days(case, clerk, room):
    from datetime import timedelta

    from django.utils import timezone

    from courts import services

    return services.hearing_schedule(
        actor=clerk, case_id=case.pk, starts_at=timezone.now() + timedelta(days=9), room=room
    )


@pytest.mark.rule("CAS-4")
def test_the_case_page_shows_parties_and_one_timeline(the_case, party, client, clerk):
    _hearing_in_nine_days(the_case, clerk, "Room 12")
    client.force_login(party)
    page = client.get(f"/en/cases/{the_case.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert the_case.number in text and "Reza Karimi" in text and "Room 12" in text
    # The timeline holds the hearing and the notices served on this party.
    timeline = page.context["timeline"]
    assert {"hearing", "notice"} <= {e.kind for e in timeline}
    assert page.context["clerk"] is False


@pytest.mark.rule("CAS-4")
def test_a_strangers_case_page_is_404(the_case, stranger, client):
    client.force_login(stranger)
    assert client.get(f"/en/cases/{the_case.pk}/").status_code == 404


@pytest.mark.rule("ID-9")
@pytest.mark.rule("CAS-3")
def test_an_unverified_account_sees_no_case(the_case, party, client_for):
    party.identity_verified_at = None
    party.save()
    response = client_for(party).get(f"/api/v1/courts/cases/{the_case.pk}/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client_for(party).get("/api/v1/courts/cases/").json()["results"] == []


@pytest.mark.rule("CAS-4")
def test_the_persian_case_page_reads_its_numbers_in_persian_digits(the_case, party, client, clerk):
    """Persian first: the case number, in the heading and in the timeline's notices, is read
    in Persian digits; nothing on the page shows it in Latin ones."""
    from core.dates import to_persian_digits

    _hearing_in_nine_days(the_case, clerk, "اتاق 12")
    client.force_login(party)
    page = client.get(f"/cases/{the_case.pk}/")
    assert page.status_code == 200 and page.context["case"] == the_case
    html = page.content.decode()
    timeline = html[html.index('<ol class="timeline">') :]
    assert to_persian_digits(the_case.number) in timeline
    assert "اتاق ۱۲" in timeline
    assert the_case.number not in html
