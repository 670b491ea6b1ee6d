"""The reports' pages (RPT-1 … RPT-3): the dashboard of the viewer's scope, its exports, and the
offices' monthly reports. A viewer without a scope gets 403; a province or office outside it
answers 404, as a missing one does."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from reports import charts, exports, monthly, periods, selectors
from reports.models import MonthlyReport
from reports.scope import scope_of

FORMATS = ("csv", "xlsx")


class ScopedView(LoginRequiredMixin, View):
    """Resolves the viewer's scope (403 without one), the period and the province (404 when
    outside the scope)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.scope = scope_of(request.user)
            if self.scope.empty:
                raise PermissionDenied
            self.period = periods.parse(request.GET.get("period"))
            self.province = self._province(request.GET.get("province"))
        return super().dispatch(request, *args, **kwargs)

    def _province(self, code):
        if not code:
            return None
        province = selectors.provinces_of(self.scope).filter(code=code).first()
        if province is None:
            raise Http404
        return province

    def query(self, **extra) -> str:
        params = {"period": self.period.code}
        if self.province:
            params["province"] = self.province.code
        params.update(extra)
        return urlencode(params)


class DashboardPage(ScopedView):
    def get(self, request):
        rtl = (get_language() or "fa").startswith("fa")
        figures = selectors.figures(self.scope, self.period, self.province)
        for data in figures:
            data.chart = charts.bar_chart(
                data.label,
                [(row.label, row.value) for row in data.rows],
                rtl=rtl,
                chart_id=data.name,
            )
        headings, lines = selectors.breakdown(self.scope, self.period, self.province)
        by_office = self.province is not None or not self.scope.everything
        breakdown_title = (
            _("Filings sent, by office") if by_office else _("Filings sent, by province")
        )
        query = self.query()
        return render(
            request,
            "reports/dashboard.html",
            {
                "period": self.period,
                "period_label": self.period.label(),
                "choices": [(p.code, p.label()) for p in periods.choices()],
                "provinces": selectors.provinces_of(self.scope),
                "province": self.province,
                "figures": figures,
                "headings": headings,
                "lines": lines,
                "by_office": by_office,
                "breakdown_title": breakdown_title,
                "breakdown_chart": charts.bar_chart(
                    breakdown_title,
                    [(label, values[0]) for label, _code, values in lines[:40]],
                    rtl=rtl,
                    chart_id="breakdown",
                ),
                "licences": selectors.licences_now(self.scope, self.province),
                "waiting": selectors.requests_waiting(self.scope, self.province),
                "datasets": [
                    d for d in exports.DATASETS.values() if d.office or self.scope.everything
                ],
                "query": query,
            },
        )


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404
    return fmt


class FiguresExport(ScopedView):
    def get(self, request, fmt):
        rows = exports.figure_rows(self.scope, self.period, self.province)
        return exports.respond(rows, f"daftar-figures-{self.period.code}", _format(fmt))


class RecordsExport(ScopedView):
    def get(self, request, dataset, fmt):
        found = exports.DATASETS.get(dataset)
        if found is None or (found.office is None and not self.scope.everything):
            raise Http404
        rows = exports.dataset_rows(found, self.scope, self.period, self.province)
        return exports.respond(rows, f"daftar-{dataset}-{self.period.code}", _format(fmt))


class OfficeReportsPage(ScopedView):
    """An office's monthly reports (RPT-3): the finished months of the last years."""

    def get(self, request, code):
        office = selectors.visible_office(self.scope, code)
        if office is None:
            raise Http404
        made = set(MonthlyReport.objects.filter(office=office).values_list("year", "month"))
        months = [
            {
                "label": p.label(),
                "url": reverse("reports:office-report", args=[office.code, p.code]),
                "made": (p.year, p.month) in made,
            }
            for p in periods.choices()
            if p.month and monthly.finished(p)
        ]
        return render(request, "reports/office.html", {"office": office, "months": months})


class OfficeReportPdf(ScopedView):
    def get(self, request, code, period):
        office = selectors.visible_office(self.scope, code)
        month = periods.parse(period, default=periods.Period(0))
        if office is None or not month.month:
            raise Http404
        if not monthly.finished(month):
            pdf = monthly.render_pdf(office, month)
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = (
                f'attachment; filename="{office.code}-{month.code}.pdf"'
            )
            return response
        report = monthly.ensure_report(office.pk, month.year, month.month)
        return FileResponse(
            report.pdf.open("rb"),
            as_attachment=True,
            filename=f"{office.code}-{month.code}.pdf",
            content_type="application/pdf",
        )
