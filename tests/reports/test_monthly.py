"""RPT-3: each office's monthly report, a Persian PDF made once per month by the jobs worker
and on demand, downloadable by the office's manager, its Association and the GD."""

import io

import pytest
from pypdf import PdfReader

from reports import monthly, sweeps
from reports.models import MonthlyReport, MonthlyRun
from reports.periods import current_month

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.rule("RPT-3")
def test_the_monthly_job_run_twice_makes_one_report(office, far_office):
    last = current_month().previous_month()
    assert sweeps.monthly_reports(None) == 2
    assert sweeps.monthly_reports(None) == 0
    monthly.make_monthly_report.call(office.pk, last.year, last.month)
    assert MonthlyRun.objects.count() == 1
    reports = MonthlyReport.objects.filter(year=last.year, month=last.month)
    assert sorted(reports.values_list("office_id", flat=True)) == sorted([office.pk, far_office.pk])
    report = reports.get(office=office)
    data = report.pdf.read()
    assert data.startswith(b"%PDF")
    html = monthly.render_html(office, last)
    assert 'dir="rtl"' in html and "گزارش عملکرد ماهانه" in html  # "Monthly performance report"
    assert office.code in pdf_text(data)


@pytest.mark.rule("RPT-3")
def test_who_may_download_an_offices_report(client, office, far_office, gd, tehran_board):
    last = current_month().previous_month()
    url = f"/en/reports/offices/{office.code}/{last.code}.pdf"
    for user in (office.people["manager"], tehran_board, gd):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert MonthlyReport.objects.filter(office=office).count() == 1  # made on the first download
    client.force_login(far_office.people["manager"])
    assert client.get(url).status_code == 404
    assert not MonthlyReport.objects.filter(office=far_office).exists()
