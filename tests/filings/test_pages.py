"""The portal's pages: my filings, the wizard with its locked steps, the office queue
(FIL-4, FIL-9, FIL-11)."""

import pytest
from django.test import Client

from filings import services
from filings.models import Filing, Payment
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db


def browser(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.rule("FIL-11")
def test_my_filings_page_lists_and_creates(filer, court):
    filing = ff.draft(filer, court=court)
    page = browser(filer).get("/filings/")
    assert page.status_code == 200
    assert f'href="/filings/{filing.pk}/"' in page.content.decode()
    response = browser(filer).post("/filings/", {"kind": "petition"})
    created = Filing.objects.filter(filer=filer, kind="petition").get()
    assert response.status_code == 302 and response["Location"] == f"/filings/{created.pk}/"


@pytest.mark.rule("FIL-4")
def test_the_wizard_page_shows_locked_steps_and_saves_a_step(filer, court):
    filing = Filing.objects.get(
        pk=browser(filer).post("/filings/", {"kind": "defence_brief"})["Location"].split("/")[-2]
    )
    client = browser(filer)
    html = client.get(f"/filings/{filing.pk}/").content.decode()
    assert html.count("filing-step--locked") >= 10
    assert 'id="step-kind"' in html and 'id="step-case"' not in html
    response = client.post(
        f"/filings/{filing.pk}/",
        {"action": "step", "step": "kind", "subject": "Defence", "court": court.code},
    )
    assert response.status_code == 302
    html = client.get(f"/filings/{filing.pk}/").content.decode()
    assert 'id="step-case"' in html
    response = client.post(f"/filings/{filing.pk}/", {"action": "prepare"})
    assert response.status_code == 400
    html = response.content.decode()
    # The refusal names the step by its label and links to it, never by its key.
    assert '<a href="#f-documents"><strong>مدارک</strong></a>' in html
    assert "<strong>documents</strong>" not in html


@pytest.mark.rule("FIL-9")
def test_the_office_queue_page_is_the_offices_own(
    filer, court, office, staff, other_office, other_staff, stranger
):
    mine = ff.sent(filer, court=court, office=office)
    html = browser(staff).get("/filings/office/").content.decode()
    link = f'href="/filings/{mine.pk}/"'
    assert link in html
    assert link not in browser(other_staff).get("/filings/office/").content.decode()
    assert browser(stranger).get("/filings/office/").status_code == 404
    assert browser(other_staff).get(f"/filings/{mine.pk}/").status_code == 404
    response = browser(staff).post(f"/filings/{mine.pk}/", {"action": "verify"})
    assert response.status_code == 302
    assert Filing.objects.get(pk=mine.pk).status == "verified"


@pytest.mark.rule("FIL-5")
def test_page_downloads_are_permission_checked(filer, court, stranger):
    filing = ff.draft(filer, court=court)
    document = filing.documents.get()
    url = f"/filings/{filing.pk}/documents/{document.pk}/"
    assert browser(filer).get(url).status_code == 200
    assert browser(stranger).get(url).status_code == 404


@pytest.mark.rule("FIL-11")
def test_a_post_to_someone_elses_filing_page_answers_404(filer, court, stranger):
    """FIL-11 and the object-level rule of DOMAIN.md §1: a filing the user may not see looks
    missing to every POST of its page, an unknown action included (it used to redirect)."""
    filing = ff.draft(filer, court=court)
    url = f"/filings/{filing.pk}/"
    for action in ("", "no-such-action", "cancel"):
        assert browser(stranger).post(url, {"action": action}).status_code == 404, action
    assert browser(filer).post(url, {"action": "no-such-action"}).status_code == 302
    assert Filing.objects.get(pk=filing.pk).status == "draft"


@pytest.mark.rule("FIL-8")
def test_the_page_checks_a_form_with_the_apis_serializer(filer, court, office, staff):
    """FIL-8: the office's return from the page is validated by the API's serializer: a
    reason not on the list shows the page again (400) naming the field, and nothing changes;
    a listed reason returns the filing."""
    filing = ff.sent(filer, court=court, office=office)
    url = f"/filings/{filing.pk}/"
    response = browser(staff).post(
        url, {"action": "office-return", "reason_category": "bogus", "reason": "Pages missing."}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#f-reason_category"><strong>دلیل</strong></a>' in html  # by its label
    assert "<strong>reason_category</strong>" not in html
    assert Filing.objects.get(pk=filing.pk).status == "sent"
    response = browser(staff).post(
        url,
        {
            "action": "office-return",
            "reason_category": "incomplete_documents",
            "reason": "Pages missing.",
        },
    )
    assert response.status_code == 302 and response["Location"] == url
    returned = Filing.objects.get(pk=filing.pk)
    assert returned.status == "returned" and returned.reason_text == "Pages missing."


@pytest.mark.rule("FIL-8")
def test_copy_from_the_page_opens_the_new_draft(filer, court, office, staff):
    """FIL-8: copying a returned filing from its page leads to the new draft."""
    filing = ff.sent(filer, court=court, office=office)
    services.office_return(
        actor=staff, filing_id=filing.pk, category="incomplete_documents", text="Pages missing."
    )
    response = browser(filer).post(f"/filings/{filing.pk}/", {"action": "copy"})
    copy = Filing.objects.get(copied_from=filing)
    assert response.status_code == 302 and response["Location"] == f"/filings/{copy.pk}/"
    assert copy.status == "draft"


@pytest.mark.rule("FIL-3")
def test_the_parties_form_saves_its_rows_and_skips_the_spare_one(filer, court):
    """FIL-3: the parties step from the page: each row of the form is a party, the empty
    spare row is not, and "Save draft" keeps the step open."""
    filing = ff.draft(filer, court=court)
    client = browser(filer)
    response = client.post(
        f"/filings/{filing.pk}/",
        {
            "action": "step",
            "step": "parties",
            "draft": "1",
            "party-0-role": "lawyer",
            "party-0-person_kind": "myself",
            "party-1-role": "",
            "party-1-person_kind": "",
            "party-1-contract_signed_on": "",
        },
    )
    assert response.status_code == 302
    filing.refresh_from_db()
    assert [(p.role, p.person_kind) for p in filing.parties.all()] == [("lawyer", "myself")]
    assert "parties" not in filing.steps_done


@pytest.mark.rule("FIL-7")
def test_the_pages_payment_forms_are_the_one_pay_action(filer, court, office):
    """FIL-7: the page's "pay online" form pays through the same action as the API's
    `payments/` with the online method."""
    filing = ff.signed(filer, court=court)
    services.fees_compute(actor=filer, filing_id=filing.pk, office_code=office.code)
    response = browser(filer).post(
        f"/filings/{filing.pk}/", {"action": "pay-online", "card_prefix": "603799"}
    )
    assert response.status_code == 302
    payment = Payment.objects.get(filing=filing)
    assert (payment.method, payment.status) == ("online", "succeeded")


@pytest.mark.rule("FIL-3")
def test_a_refused_step_keeps_what_was_typed_with_errors_beside_the_fields(filer, court):
    """FIL-3: a party row the serializer refuses comes back with what was typed, the error
    beside the field (aria-invalid, aria-describedby) and the summary naming the field by
    its label and row, never the raw path."""
    filing = ff.draft(filer, court=court)
    response = browser(filer).post(
        f"/en/filings/{filing.pk}/",
        {
            "action": "step",
            "step": "parties",
            "party-0-role": "defendant",
            "party-0-person_kind": "no-such-kind",
            "party-0-first_name": "Maryam",
            "party-0-last_name": "Ahmadi",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Maryam"' in html and 'value="Ahmadi"' in html  # what was typed
    assert "parties.0" not in html
    assert '<a href="#f-parties-0-person_kind"><strong>Party 1: Person</strong></a>' in html
    assert (
        'id="f-parties-0-person_kind" name="party-0-person_kind" aria-invalid="true" '
        'aria-describedby="f-parties-0-person_kind-error"'
    ) in html
    assert 'class="field-error" id="f-parties-0-person_kind-error"' in html
