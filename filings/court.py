"""The court clerk's pages (FIL-8): the filings forwarded to the clerk's branches, and a
confirmation page for each decision (accept with the case number, reject with a reason
category and text). The decision posts the `accept` or `reject` action of
`filings.actions.FILING_ACTIONS`, validated and run exactly as the API runs it; the page
works without JavaScript, and nothing is decided before the clerk confirms on that page.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from core.actions import ActionFormView
from core.api.errors import field_errors
from core.dates import to_persian_digits, uses_jalali
from core.listing import PageDates
from filings import access, selectors
from filings.actions import FILING_ACTIONS
from filings.models import CaseMode, Filing, Kind, RejectReason

DECISIONS = ("accept", "reject")


def awaiting_court(actor):
    """The forwarded filings of the clerk's branches that wait for the court's decision."""
    return selectors.court_queue(actor=actor).filter(status=Filing.Status.FORWARDED)


def _code(filing) -> str:
    code = filing.tracking_code or str(filing.pk)
    return to_persian_digits(code) if uses_jalali() else code


class CourtQueuePage(LoginRequiredMixin, View):
    """The clerk's incoming filings, oldest first, 25 a page; other users get the 404 page."""

    per_page = 25

    def get(self, request):
        if not access.clerk_branch_ids(request.user):
            raise Http404
        queue = awaiting_court(request.user).select_related("office", "filer", "court")
        page = Paginator(queue, self.per_page).get_page(request.GET.get("page"))
        dates, kinds = PageDates(), dict(Kind.choices)
        page.object_list = [
            {
                "pk": f.pk,
                "url": reverse("filings:filing", args=[f.pk]),
                "code": _code(f),
                "kind": kinds.get(f.kind, f.kind),
                "subject": f.subject,
                "filer": f.filer.get_full_name() if f.filer_id else "—",
                "office": f.office.name if f.office_id else "—",
                "court": f.court.name if f.court_id else "—",
                "forwarded": dates(f.forwarded_at),
            }
            for f in page.object_list
        ]
        return render(request, "filings/court_queue.html", {"page": page})


class CourtDecisionPage(ActionFormView):
    """GET: the decision's confirmation form; POST: the decision, back to the queue. A refused
    decision shows the form again with what was typed and why."""

    table = FILING_ACTIONS
    template = "filings/court_decision.html"
    success_url = staticmethod(lambda request, pk, result: reverse("filings:court-queue"))

    def _filing(self, request, pk, name) -> Filing:
        if name not in DECISIONS or not access.clerk_branch_ids(request.user):
            raise Http404
        filing = awaiting_court(request.user).select_related("office", "court").filter(pk=pk)
        found = filing.first()
        if found is None:
            raise Http404
        return found

    def get(self, request, pk, name, form=None, errors=None, status=200):
        filing = self._filing(request, pk, name)
        context = {
            "filing": filing,
            "code": _code(filing),
            "decision": name,
            "needs_case_number": filing.case_mode != CaseMode.EXISTING,
            "reject_reasons": RejectReason.choices,
            "form": form or {},
            "errors": errors or {},
        }
        return render(request, self.template, context, status=status)

    def post(self, request, pk, name):
        self._filing(request, pk, name)
        return super().post(request, pk, name)

    def invalid(self, request, pk, act, exc):
        errors = field_errors(exc.detail)
        return self.get(request, pk, act.name, request.POST, errors, status=400)

    def refused(self, request, pk, act, exc):
        messages.error(request, str(exc.message))
        return self.get(request, pk, act.name, request.POST, exc.fields, exc.status_code)
