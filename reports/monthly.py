"""RPT-3: each office's monthly performance report (art. 12), a PDF in Persian.

The `reports.monthly_reports` sweep, from the first day of a Jalali month, enqueues one job per
office for the month just ended (once: `MonthlyRun`); each job makes the office's report
unless it exists (the office's row lock and the unique constraint: a job run twice makes one
report). A report of a finished month is also made on demand, when first downloaded.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from offices.models import Office
from reports import periods, selectors
from reports.models import MonthlyReport, MonthlyRun
from reports.periods import Period
from reports.scope import Scope


def render_html(office: Office, period: Period, language: str = "fa") -> str:
    scope = Scope(offices=frozenset({office.pk}))
    with translation.override(language):
        return render_to_string(
            "reports/monthly.html",
            {
                "office": office,
                "period": period,
                "period_label": period.label(),
                "figures": selectors.figures(scope, period),
                "licences": selectors.licences_now(scope),
                "waiting": selectors.requests_waiting(scope),
                "made_at": timezone.now(),
                "rtl": language.startswith("fa"),
                "language": language,
            },
        )


def render_pdf(office: Office, period: Period, language: str = "fa") -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(office, period, language)).write_pdf()


def finished(period: Period) -> bool:
    return period.end <= timezone.localdate()


def ensure_report(office_id: int, year: int, month: int) -> MonthlyReport:
    """The office's report of the month: the stored one, or a new one (once)."""
    with transaction.atomic():
        office = Office.objects.select_for_update().select_related("province").get(pk=office_id)
        found = MonthlyReport.objects.filter(office=office, year=year, month=month).first()
        if found is not None:
            return found
        period = Period(year, month)
        report = MonthlyReport(office=office, year=year, month=month)
        report.pdf.save(
            f"{office.code}-{period.code}.pdf", ContentFile(render_pdf(office, period)), save=False
        )
        report.save()
        return report


@task()
def make_monthly_report(office_id: int, year: int, month: int) -> str:
    return str(ensure_report(office_id, year, month).pk)


def enqueue_last_month(now=None) -> int:
    """Enqueue the month just ended's reports, once per month."""
    period = periods.current_month().previous_month()
    run, created = MonthlyRun.objects.get_or_create(year=period.year, month=period.month)
    if not created:
        return 0
    office_ids = list(Office.objects.order_by("pk").values_list("pk", flat=True))
    for office_id in office_ids:
        make_monthly_report.enqueue(office_id, period.year, period.month)
    return len(office_ids)
