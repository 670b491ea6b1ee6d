"""Dashboards and exports within the viewer's scope (RPT-1, RPT-2)."""

import io

import pytest
from openpyxl import load_workbook

from reports import tallies
from reports.periods import current_month
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db


def page(client, user, url, **params):
    client.force_login(user)
    return client.get(url, params)


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def xlsx_cells(response) -> list:
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [cell for row in book.active.iter_rows(values_only=True) for cell in row]


@pytest.fixture
def both(filer, court, office, far_office):
    """One sent filing at each office, tallied."""
    mine = ff.sent(filer, court=court, office=office)
    theirs = ff.sent(filer, court=court, office=far_office)
    tallies.refresh_stale()
    return mine, theirs


def sent_total(response) -> int:
    figure = next(f for f in response.context["figures"] if f.name == "filings_sent")
    return figure.total


@pytest.mark.rule("RPT-1")
@pytest.mark.rule("RPT-2")
def test_an_association_sees_only_its_provinces_offices(
    client, both, office, far_office, tehran_board
):
    mine, theirs = both
    response = page(client, tehran_board, "/en/reports/")
    assert response.status_code == 200 and sent_total(response) == 1
    html = body(response)
    assert office.code in html and far_office.code not in html
    assert [line[1] for line in response.context["lines"]] == [office.code]

    figures = body(page(client, tehran_board, "/en/reports/export/figures.csv"))
    assert office.code in figures and far_office.code not in figures
    records = body(page(client, tehran_board, "/en/reports/export/filings.csv"))
    assert mine.tracking_code in records and theirs.tracking_code not in records
    cells = xlsx_cells(page(client, tehran_board, "/en/reports/export/filings.xlsx"))
    assert mine.tracking_code in cells and theirs.tracking_code not in cells
    cells = xlsx_cells(page(client, tehran_board, "/en/reports/export/figures.xlsx"))
    assert office.code in cells and far_office.code not in cells

    # Another province, its office and the court notices are missing for them (404).
    assert page(client, tehran_board, "/en/reports/", province="east-azerbaijan").status_code == 404
    assert page(client, tehran_board, f"/en/reports/offices/{far_office.code}/").status_code == 404
    assert page(client, tehran_board, "/en/reports/export/notices.csv").status_code == 404


@pytest.mark.rule("RPT-1")
def test_the_gd_sees_every_office_and_a_manager_their_own(client, both, office, far_office, gd):
    response = page(client, gd, "/en/reports/")
    assert sent_total(response) == 2
    assert {line[1] for line in response.context["lines"]} >= {"tehran", "east-azerbaijan"}
    response = page(client, gd, "/en/reports/", province="east-azerbaijan")
    assert sent_total(response) == 1
    assert [line[1] for line in response.context["lines"]] == [far_office.code]

    manager = office.people["manager"]
    response = page(client, manager, "/en/reports/")
    assert sent_total(response) == 1
    assert [line[1] for line in response.context["lines"]] == [office.code]
    assert page(client, manager, f"/en/reports/offices/{far_office.code}/").status_code == 404


@pytest.mark.rule("RPT-1")
def test_no_scope_no_reports(client, filer, gd, seeded):
    response = page(client, filer, "/en/reports/")
    assert response.status_code == 403
    assert 'href="/en/reports/"' not in body(page(client, filer, "/en/"))
    assert 'href="/en/reports/"' in body(page(client, gd, "/en/"))
    client.logout()
    response = client.get("/en/reports/")
    assert response.status_code == 302 and "/accounts/" in response["Location"]


@pytest.mark.rule("RPT-2")
def test_a_quiet_month_shows_zeros(client, both, gd):
    response = page(client, gd, "/en/reports/", period="1400-01")
    assert response.status_code == 200
    assert response.context["period"].code == "1400-01"
    values = [row.value for figure in response.context["figures"] for row in figure.rows]
    assert values and set(values) == {0}
    assert 'data-chart="filings_sent"' in body(response)
    # This month's chart has a bar as long as the chart allows; the quiet month's has none.
    now = body(page(client, gd, "/en/reports/", period=current_month().code))
    assert 'data-value="2"' in now


@pytest.mark.rule("RPT-2")
def test_an_unknown_export_is_missing(client, gd):
    assert page(client, gd, "/en/reports/export/figures.pdf").status_code == 404
    assert page(client, gd, "/en/reports/export/secrets.csv").status_code == 404
