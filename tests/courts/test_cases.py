"""CAS-2: a case is opened when the court accepts a filing that starts one, with its
participants from the filing's parties and lawyers; a filing into that case joins it; the
court clerk manages participants, judge, status and result."""

import pytest

from courts.models import Case
from filings import services as filing_services
from filings.models import Kind
from tests.factories import UserFactory
from tests.factories import courts as cf
from tests.factories import filings as ff
from tests.factories.offices import operational_office

pytestmark = pytest.mark.rule("CAS-2")
NUMBER = "1404000000000123"


@pytest.fixture
def office(db):
    ff.ensure_fee_schedule()
    return operational_office()


def _accepted(filer, *, branch, clerk, office, kind=Kind.PETITION, presenter=None, **kwargs):
    filing = ff.forwarded(
        filer,
        court=branch,
        office=office,
        staff=office.people["clerk"][0],
        kind=kind,
        presenter=presenter,
        signer=presenter,
        **kwargs,
    )
    if filing.case_mode == "new":
        return filing_services.court_accept(actor=clerk, filing_id=filing.pk, case_number=NUMBER)
    return filing_services.court_accept(actor=clerk, filing_id=filing.pk)


def test_accepting_a_filing_that_starts_a_case_opens_it(db, office, lawyer):
    branch = cf.branch_of("IR-THR-GEN", 2)
    clerk = cf.clerk_of(branch)
    filer = UserFactory(first_name="Sara", last_name="Ahmadi")
    opponent = UserFactory(national_id=ff.national_code(77))
    filing = _accepted(filer, branch=branch, clerk=clerk, office=office, presenter=lawyer)
    case = Case.objects.get(number=NUMBER)
    assert filing.case == case and case.branch == branch and case.court_type == "general"
    rows = {(p.role, p.user_id): p for p in case.participants.all()}
    # The filing's parties: the filer ("myself", defendant in the factory's brief) and the
    # plaintiff, who has an account; the presenting lawyer acts for the filer.
    assert ("defendant", filer.pk) in rows
    assert ("claimant", opponent.pk) in rows
    lawyer_row = rows[("lawyer", lawyer.pk)]
    assert lawyer_row.represents == rows[("defendant", filer.pk)]
    assert sorted(p.sub_row for p in rows.values()) == [1, 2, 3]


def test_a_filing_into_the_existing_case_joins_it(db, office, lawyer):
    branch = cf.branch_of("IR-THR-GEN", 2)
    clerk = cf.clerk_of(branch)
    filer = UserFactory()
    case = cf.case(
        branch=branch, clerk=clerk, parties=[("claimant", UserFactory())], number=ff.EXISTING_CASE
    )
    filing = _accepted(filer, branch=branch, clerk=clerk, office=office, kind=Kind.DEFENCE_BRIEF)
    assert filing.case == case
    assert case.participants.filter(user=filer, role="defendant").count() == 1
    # Accepting a second filing of the same person does not add them twice.
    _accepted(filer, branch=branch, clerk=clerk, office=office, kind=Kind.DEFENCE_BRIEF)
    assert case.participants.filter(user=filer).count() == 1


def test_the_clerk_manages_the_case(the_case, clerk, party, stranger, client_for):
    api = client_for(clerk)
    url = f"/api/v1/courts/cases/{the_case.pk}/"
    response = api.post(
        url + "update/", {"judge": "Judge Moradi", "status": "decided", "result": "Allowed."}
    )
    assert response.status_code == 200 and response.json()["status"] == "decided"
    the_case.refresh_from_db()
    assert (the_case.judge, the_case.result) == ("Judge Moradi", "Allowed.")
    expert = UserFactory()
    response = api.post(
        url + "participants/",
        {"role": "expert", "name": "Expert", "national_id": expert.national_id},
    )
    assert response.status_code == 201 and response.json()["role"] == "expert"
    sub_row = response.json()["sub_row"]
    assert the_case.participants.get(sub_row=sub_row).user == expert
    response = api.post(url + f"participants/{sub_row}/remove/")
    assert response.status_code == 200
    assert the_case.participants.get(sub_row=sub_row).left_at is not None
    # A party may see the case but not manage it; a stranger does not see it at all.
    response = client_for(party).post(url + "update/", {"status": "closed"})
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    response = client_for(stranger).post(url + "update/", {"status": "closed"})
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    the_case.refresh_from_db()
    assert the_case.status == "decided"
