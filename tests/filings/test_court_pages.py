"""The court clerk's queue page and its decisions (FIL-8): only forwarded filings of the
clerk's branches, each decision confirmed on a page of its own (no JavaScript needed) and run
by the same `accept` / `reject` actions as the API."""

import pytest
from django.test import Client

from filings.models import Filing
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db


def page_client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def forwarded(filer, court, office, staff):
    return ff.forwarded(filer, court=court, office=office, staff=staff)


@pytest.mark.rule("FIL-8")
def test_the_queue_lists_the_forwarded_filings_of_the_clerks_branch(
    forwarded, filer, court, office, clerk
):
    """FIL-8: the clerk sees the forwarded filing with its accept and reject links; a filing
    still at the office is not in the court's queue."""
    at_office = ff.sent(filer, court=court, office=office)
    body = page_client(clerk).get("/en/filings/court/").content.decode()
    assert f'data-filing="{forwarded.pk}"' in body
    assert f'data-filing="{at_office.pk}"' not in body
    assert f"/en/filings/court/{forwarded.pk}/accept/" in body
    assert f"/en/filings/court/{forwarded.pk}/reject/" in body
    assert 'data-section="court_queue"' in body  # the clerk's navigation has the queue
    desk = page_client(clerk).get("/en/portal/").content.decode()
    assert 'id="court_queue"' in desk and f"/en/filings/court/{forwarded.pk}/accept/" in desk


@pytest.mark.rule("FIL-8")
def test_others_get_the_sites_404_page(forwarded, filer, staff, clerk):
    """FIL-8: the filer and the office's staff have no court queue; the court clerk has no
    office queue; each gets the site's own 404 page (not a debug page), and nothing
    changes."""
    for user, url in (
        (filer, "/en/filings/court/"),
        (staff, "/en/filings/court/"),
        (staff, f"/en/filings/court/{forwarded.pk}/accept/"),
        (clerk, "/en/filings/office/"),
    ):
        response = page_client(user).get(url)
        assert response.status_code == 404, (user, url)
        assert "Page not found" in response.content.decode()
        assert 'class="site-header"' in response.content.decode()
    response = page_client(staff).post(f"/en/filings/court/{forwarded.pk}/reject/", {})
    assert response.status_code == 404
    assert Filing.objects.get(pk=forwarded.pk).status == Filing.Status.FORWARDED


@pytest.mark.rule("FIL-8")
def test_the_confirmation_page_decides_nothing(forwarded, clerk):
    """FIL-8: opening the rejection page shows the reason categories and a confirm button;
    the filing stays forwarded until the form is posted."""
    response = page_client(clerk).get(f"/en/filings/court/{forwarded.pk}/reject/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="reason_category"' in body and "No jurisdiction" in body
    assert "Confirm the rejection" in body
    assert Filing.objects.get(pk=forwarded.pk).status == Filing.Status.FORWARDED


@pytest.mark.rule("FIL-8")
def test_a_rejection_without_its_category_keeps_what_was_typed(forwarded, clerk):
    """FIL-8: a rejection needs a reason category; the page shows the error beside the field
    and keeps the typed reason; the filing stays forwarded."""
    response = page_client(clerk).post(
        f"/en/filings/court/{forwarded.pk}/reject/", {"reason": "Filed at the wrong branch"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="reason_category_error"' in body
    assert "Filed at the wrong branch" in body
    assert Filing.objects.get(pk=forwarded.pk).status == Filing.Status.FORWARDED


@pytest.mark.rule("FIL-8")
def test_the_clerk_rejects_with_a_reason_and_accepts(forwarded, filer, court, office, staff, clerk):
    """FIL-8: the confirmed rejection rejects the filing with its category; a second filing
    is accepted; both leave the queue."""
    client = page_client(clerk)
    response = client.post(
        f"/en/filings/court/{forwarded.pk}/reject/",
        {"reason_category": "jurisdiction", "reason": "Belongs to the Tehran branch"},
    )
    assert response.status_code == 302 and response.url == "/en/filings/court/"
    rejected = Filing.objects.get(pk=forwarded.pk)
    assert rejected.status == Filing.Status.REJECTED
    second = ff.forwarded(filer, court=court, office=office, staff=staff)
    response = client.post(f"/en/filings/court/{second.pk}/accept/", {})
    assert response.status_code == 302
    assert Filing.objects.get(pk=second.pk).status == Filing.Status.ACCEPTED
    body = client.get("/en/filings/court/").content.decode()
    assert f'data-filing="{forwarded.pk}"' not in body
    assert f'data-filing="{second.pk}"' not in body
