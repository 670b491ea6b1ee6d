"""Server-rendered screens (DIS-1 … DIS-8): the board member's agenda and case page (schedule,
attendance, votes, ruling), the centre head's objection, the GD's list, and the accused's case
page with the appeal button while the window is open. Every form posts to one action, which
calls one service; refusals come back as messages with their reason."""

import datetime as dt

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from core.actions import ActionFormView
from core.exceptions import NotFound
from core.records import as_pk
from core.transitions import available_transitions
from discipline import actions, selectors
from discipline.models import Grade, Outcome, Ruling, Tier, current_member_ids


def _case_or_404(request, pk):
    case = selectors.get_case(request.user, pk)
    if case is None:
        raise Http404
    return case


class DashboardPage(LoginRequiredMixin, View):
    def get(self, request):
        user = request.user
        cases = selectors.cases_visible_to(user).order_by("-opened_at", "-id")[:100]
        objectionable = []
        if selectors.is_regulator(user):
            for r in (
                Ruling.objects.filter(
                    tier=Tier.FIRST_INSTANCE,
                    status__in=[Ruling.Status.ISSUED, Ruling.Status.CHALLENGED],
                )
                .select_related("case", "case__office")
                .order_by("issued_at")[:100]
            ):
                window = selectors.objection_window(r)
                if window and window.is_open():
                    objectionable.append((r, window))
        return render(
            request,
            "discipline/dashboard.html",
            {
                "agenda": selectors.agenda(user),
                "cases": cases,
                "objectionable": objectionable,
                "is_centre_head": selectors.is_centre_head(user),
            },
        )


class CasePage(LoginRequiredMixin, View):
    def get(self, request, pk):
        case = _case_or_404(request, pk)
        user = request.user
        board_side = selectors.is_board_side(user, case)
        members = current_member_ids(case.current_board_id)
        rulings = []
        for r in case.rulings.select_related("notice", "board").order_by("drafted_at", "id"):
            if r.status == Ruling.Status.DRAFT and not board_side:
                continue
            served, kind = selectors.ruling_served_at(r)
            rulings.append(
                {
                    "ruling": r,
                    "visible": selectors.ruling_content_visible(user, r, board_side=board_side),
                    "served_at": served,
                    "service_kind": kind,
                    "appeal": selectors.appeal_window(r),
                    "objection": selectors.objection_window(r),
                    "can_issue": r.status == Ruling.Status.DRAFT
                    and r.board.chair_id == user.pk
                    and user.pk in members,
                }
            )
        sessions = []
        for s in case.sessions.select_related("summons", "board").order_by("scheduled_for"):
            sessions.append(
                {
                    "session": s,
                    "actions": available_transitions(s, user),
                    "attendance": list(s.attendance.select_related("member")),
                    "votes": list(s.votes.select_related("member")) if board_side else [],
                    "voted": s.votes.filter(member_id=user.pk).exists(),
                    "members": list(
                        s.board.seats.filter(ended_on__isnull=True).select_related("user")
                    ),
                }
            )
        actions = available_transitions(case, user)
        current = selectors.current_ruling(case)
        appeal_open = objection_open = False
        if current is not None and current.tier == Tier.FIRST_INSTANCE:
            window = selectors.appeal_window(current)
            appeal_open = "appeal" in actions and bool(window and window.is_open())
            window = selectors.objection_window(current)
            objection_open = "object" in actions and bool(window and window.is_open())
        return render(
            request,
            "discipline/case.html",
            {
                "case": case,
                "board_side": board_side,
                "actions": actions,
                "sessions": sessions,
                "rulings": rulings,
                "appeal_open": appeal_open,
                "objection_open": objection_open,
                "documents": selectors.documents_of(case),
                "referrals": selectors.referrals_of(case) if board_side else [],
                "outcomes": Outcome.choices,
                "grades": Grade.choices,
            },
        )


# The case page's forms name the hearing or the ruling they act on.
PARTS = ((actions.SESSION_ACTIONS, "session"), (actions.RULING_ACTIONS, "ruling"))


class CaseActionPage(ActionFormView):
    """One POST per action of the case page (`cases/<pk>/<name>/`): the case's own actions,
    and those of one of its hearings or rulings, named by the form's `session` or `ruling`
    field. Each is validated by the same serializer as its API endpoint and calls the same
    service; refusals (400, 403, 409) come back as messages, anything not visible is 404."""

    table = actions.CASE_ACTIONS

    def target(self, request, pk, name):
        case = self.table.get_visible(request.user, pk)
        if name in self.table.by_name:
            return self.table, self.table[name], case.pk
        for table, field in PARTS:
            if name in table.by_name:
                parts = case.sessions if field == "session" else case.rulings
                try:
                    part = parts.filter(pk=as_pk(request.POST.get(field))).first()
                except NotFound:
                    part = None
                if part is None:
                    raise Http404
                return table, table[name], part.pk
        raise Http404

    def success_url(self, request, pk, result):
        return reverse("discipline:case", kwargs={"pk": pk})


class RulingPdf(LoginRequiredMixin, View):
    """The ruling as a PDF (WeasyPrint) for whoever may read its content."""

    def get(self, request, pk):
        ruling = selectors.rulings_visible_to(request.user).filter(pk=pk).first()
        if ruling is None or ruling.status == Ruling.Status.DRAFT:
            raise Http404
        if not selectors.ruling_content_visible(request.user, ruling):
            raise Http404
        from weasyprint import HTML

        html = render(
            request,
            "discipline/ruling_pdf.html",
            {
                "ruling": ruling,
                "case": ruling.case,
                "votes": ruling.session.votes.select_related("member"),
                "members": ruling.board.seats.filter(ended_on__isnull=True).select_related("user"),
                "now": dt.datetime.now(tz=dt.UTC),
            },
        ).content.decode()
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="ruling-{ruling.case.number}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
