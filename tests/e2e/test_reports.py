"""The GD's dashboard in the browser (RPT-1, RPT-2): from the home page to the sign-in and the
reports, a change of period that changes the chart, and the XLSX export downloaded."""

import io
import re

import pytest
from openpyxl import load_workbook

from accounts.roles import Role
from cms_pages.seed import seed_pages
from reports import tallies
from reports.periods import current_month
from tests.e2e.conftest import sign_in, submit
from tests.factories import UserFactory
from tests.factories import filings as ff
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.notices import BranchFactory
from tests.factories.offices import operational_office


def bars(page) -> list[str]:
    chart = page.locator('main svg[data-chart="filings_sent"]')
    return chart.locator("rect").evaluate_all(
        "rects => rects.map(r => r.getAttribute('data-value'))"
    )


@pytest.mark.rule("RPT-2")
def test_the_gd_opens_the_dashboard_changes_the_period_and_downloads_the_xlsx(page, sms_outbox):
    seed_pages()
    ff.ensure_fee_schedule()
    office = operational_office()
    ff.sent(UserFactory(), court=BranchFactory(), office=office)
    tallies.refresh_stale()
    gd = UserFactory(roles=[Role.LICENSING_STAFF])

    page.goto("/")
    page.click('header a[href^="/accounts/signin/"]')
    sign_in(page, gd, DEFAULT_PASSWORD, sms_outbox)
    page.click('header a[href="/reports/"]')
    page.wait_for_url(re.compile(r"/reports/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "1" in bars(page)  # this month: one filing sent

    last_year = str(current_month().year - 1)
    page.select_option("main select[name=period]", last_year)
    submit(page, page.locator("main form.reports-filter button[type=submit]"))
    assert f"period={last_year}" in page.url
    assert set(bars(page)) == {"0"}  # a quiet year: every bar empty

    this_year = str(current_month().year)
    page.select_option("main select[name=period]", this_year)
    submit(page, page.locator("main form.reports-filter button[type=submit]"))
    assert "1" in bars(page)

    with page.expect_download() as download:
        page.click('main a[href^="/reports/export/figures.xlsx"]')
    assert download.value.suggested_filename == f"daftar-figures-{this_year}.xlsx"
    with open(download.value.path(), "rb") as file:
        book = load_workbook(io.BytesIO(file.read()), read_only=True)
    cells = [cell for row in book.active.iter_rows(values_only=True) for cell in row]
    assert office.code in cells
