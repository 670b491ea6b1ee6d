"""The recipient's web pages: inbox, notice (opening it serves it), print (NOT-3, NOT-4, NOT-8)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from tests.factories.notices import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.mark.rule("NOT-3")
def test_inbox_page_has_new_and_viewed_tabs_with_unseen_count(issue, recipient, browser):
    """NOT-3: the inbox page shows the new notices with their count, and the viewed ones."""
    a = issue(subject="Hearing summons")
    b = issue(subject="Expert report")
    web = browser(recipient)
    web.post(f"/en/notices/{a.pk}/")
    page = web.get("/en/notices/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="badge badge-unseen"' in html and ">1<" in html
    assert b.notice_number in html and "Expert report" not in html  # not opened yet
    viewed = web.get("/en/notices/?tab=viewed").content.decode()
    assert a.notice_number in viewed and "Hearing summons" in viewed and a.case_number in viewed


@pytest.mark.rule("NOT-8")
@pytest.mark.rule("NOT-4")
def test_get_never_serves_the_post_of_the_recipient_does(issue, recipient, browser):
    """NOT-8: following a link to the notice page (GET) shows a 'receive and view' button and
    serves nothing; the recipient's press of it (POST) is the view that serves."""
    notice = issue(body="The body of the summons.", attachments=[pdf_upload()])
    web = browser(recipient)
    page = web.get(f"/en/notices/{notice.pk}/")
    assert page.status_code == 200
    assert "The body of the summons." not in page.content.decode()
    assert web.get(f"/en/notices/{notice.pk}/print/").status_code == 302
    att = notice.attachments.get()
    assert web.get(f"/en/notices/{notice.pk}/attachments/{att.pk}/").status_code == 302
    notice.refresh_from_db()
    assert notice.first_viewed_at is None

    opened = web.post(f"/en/notices/{notice.pk}/")
    assert opened.status_code == 302
    notice.refresh_from_db()
    assert notice.first_viewed_at is not None and notice.view_count == 1
    shown = web.get(f"/en/notices/{notice.pk}/").content.decode()
    assert "The body of the summons." in shown
    printed = web.get(f"/en/notices/{notice.pk}/print/")
    assert printed.status_code == 200 and "The body of the summons." in printed.content.decode()
    assert web.get(f"/en/notices/{notice.pk}/attachments/{att.pk}/").status_code == 200
    notice.refresh_from_db()
    assert notice.view_count == 1


@pytest.mark.rule("NOT-7")
def test_pages_of_someone_elses_notice_are_404(issue, stranger, browser):
    """NOT-7: a stranger gets 404 on the page, the print page and the POST."""
    notice = issue()
    web = browser(stranger)
    assert web.get(f"/en/notices/{notice.pk}/").status_code == 404
    assert web.get(f"/en/notices/{notice.pk}/print/").status_code == 404
    assert web.post(f"/en/notices/{notice.pk}/").status_code == 404
    notice.refresh_from_db()
    assert notice.first_viewed_at is None and notice.view_count == 0


def test_inbox_needs_sign_in(client):
    """An anonymous visitor is sent to the sign-in page, which brings them back to the inbox."""
    response = client.get("/en/notices/")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path.endswith("/accounts/signin/")
    assert parse_qs(location.query)["next"] == ["/en/notices/"]


@pytest.mark.rule("NOT-3")
def test_lookup_page(issue, recipient, browser):
    """NOT-3: the lookup page finds a notice by number + Jalali issue date."""
    import jdatetime
    from django.utils import timezone

    notice = issue()
    day = jdatetime.date.fromgregorian(date=timezone.localdate(notice.issued_at))
    web = browser(recipient)
    assert web.get("/en/notices/lookup/").status_code == 200
    found = web.post(
        "/en/notices/lookup/",
        {
            "form": "number",
            "notice_number": notice.notice_number,
            "issue_date": day.strftime("%Y/%m/%d"),
        },
    )
    assert notice.notice_number in found.content.decode()
    miss = web.post(
        "/en/notices/lookup/",
        {"form": "case", "case_number": notice.case_number, "case_sub_row": "1", "password": "x"},
    )
    assert miss.status_code == 200 and "No notice matches" in miss.content.decode()


def test_persian_page_uses_jalali_dates(issue, recipient, browser):
    notice = issue()
    web = browser(recipient)
    web.post(f"/notices/{notice.pk}/")
    html = web.get("/notices/?tab=viewed").content.decode()
    assert "۱۴۰" in html  # a Jalali year in Persian digits
