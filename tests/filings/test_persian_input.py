"""Numbers typed as Iranians type them: the claim value with Persian digits and separators,
tracking and case numbers in Persian digits, on the pages and in the API (FIL-3, FIL-11)."""

from decimal import Decimal

import pytest

from core.dates import to_persian_digits
from filings.models import Filing
from tests.factories import filings as ff
from tests.filings.test_pages import browser

pytestmark = pytest.mark.django_db


@pytest.mark.rule("FIL-3")
@pytest.mark.parametrize("typed", ["500000000", "۵۰۰٬۰۰۰٬۰۰۰", "500,000,000", "٥٠٠٬٠٠٠٬٠٠٠"])
def test_claim_value_as_typed_is_the_same_number_api(filer, client_for, typed):
    api = client_for(filer)
    pk = api.post("/api/v1/filings/", {"kind": "petition"}, format="json").json()["id"]
    response = api.put(
        f"/api/v1/filings/{pk}/steps/kind/?draft=true", {"claim_value": typed}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert Filing.objects.get(pk=pk).claim_value == Decimal("500000000")


@pytest.mark.rule("FIL-3")
def test_claim_value_and_case_number_in_persian_digits_from_the_page(filer, court):
    web = browser(filer)
    pk = web.post("/filings/", {"kind": "petition"})["Location"].split("/")[-2]
    response = web.post(
        f"/filings/{pk}/",
        {
            "action": "step",
            "step": "kind",
            "subject": "مطالبه وجه",
            "court": to_persian_digits(court.code),
            "claim_value": "۵۰۰٬۰۰۰٬۰۰۰",
            "draft": "1",
        },
    )
    assert response.status_code == 302
    filing = Filing.objects.get(pk=pk)
    assert filing.claim_value == Decimal("500000000") and filing.court == court


@pytest.mark.rule("FIL-11")
def test_tracking_code_in_persian_digits_finds_the_filing(filer, court, office, client_for):
    filing = ff.sent(filer, court=court, office=office)
    assert filing.tracking_code.isascii()
    typed = to_persian_digits(filing.tracking_code)
    found = client_for(filer).get("/api/v1/filings/", {"q": typed}).json()
    assert [row["id"] for row in found["results"]] == [filing.pk]
    page = browser(filer).get("/filings/", {"q": typed}).content.decode()
    assert f'href="/filings/{filing.pk}/"' in page
