"""Server-rendered screens (DIS-1 … DIS-8): the board member's agenda and case page (schedule,
attendance, votes, ruling), the centre head's objection, the GD's list, and the accused's case
page with the appeal button while the window is open. Every form posts to one action, which
calls one service; refusals come back as messages with their reason."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views import View

from core.exceptions import DomainError, NotFound
from core.transitions import available_transitions
from discipline import selectors, services
from discipline.models import GRADE_NAMES, Outcome, Ruling, Tier, current_member_ids


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
                    "visible": board_side or served is not None,
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
                "grades": sorted(GRADE_NAMES.items()),
            },
        )


def _present(request) -> list[int]:
    return [int(v) for v in request.POST.getlist("present") if v.isdigit()]


def _when(request):
    value = parse_datetime(request.POST.get("scheduled_for", "") or "")
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


ACTIONS = {
    "schedule": lambda r, pk: services.session_schedule(
        actor=r.user, case_id=pk, scheduled_for=_when(r), place=r.POST.get("place", "")
    ),
    "attendance": lambda r, pk: services.session_record_attendance(
        actor=r.user, session_id=r.POST.get("session"), present=_present(r)
    ),
    "vote": lambda r, pk: services.session_vote(
        actor=r.user,
        session_id=r.POST.get("session"),
        outcome=r.POST.get("outcome", ""),
        grade=r.POST.get("grade") or None,
        suspension_months=r.POST.get("suspension_months") or None,
        reasons=r.POST.get("reasons", ""),
    ),
    "draft": lambda r, pk: services.ruling_draft(
        actor=r.user,
        session_id=r.POST.get("session"),
        text=r.POST.get("text", ""),
        mitigation_note=r.POST.get("mitigation_note", ""),
    ),
    "issue": lambda r, pk: services.ruling_issue(actor=r.user, ruling_id=r.POST.get("ruling")),
    "appeal": lambda r, pk: services.ruling_appeal(
        actor=r.user, case_id=pk, grounds=r.POST.get("grounds", "")
    ),
    "object": lambda r, pk: services.ruling_object(
        actor=r.user, case_id=pk, grounds=r.POST.get("grounds", "")
    ),
    "refer": lambda r, pk: services.case_refer_crime(
        actor=r.user,
        case_id=pk,
        authority=r.POST.get("authority", ""),
        facts=r.POST.get("facts", ""),
        reference=r.POST.get("reference", ""),
    ),
}


class CaseActionPage(LoginRequiredMixin, View):
    """One POST per action; the service decides (404, 403, 409, 400 come back as messages)."""

    def post(self, request, pk, name):
        _case_or_404(request, pk)
        action = ACTIONS.get(name)
        if action is None:
            raise Http404
        try:
            action(request, pk)
        except NotFound:
            raise Http404 from None
        except DomainError as exc:
            details = " ".join(str(m) for msgs in exc.fields.values() for m in msgs)
            messages.error(request, f"{exc.message} {details}".strip())
        else:
            messages.success(request, _("Done."))
        return redirect("discipline:case", pk=pk)


class RulingPdf(LoginRequiredMixin, View):
    """The ruling as a PDF (WeasyPrint) for whoever may read its content."""

    def get(self, request, pk):
        ruling = selectors.rulings_visible_to(request.user).filter(pk=pk).first()
        if ruling is None or ruling.status == Ruling.Status.DRAFT:
            raise Http404
        board_side = selectors.is_board_side(request.user, ruling.case)
        if not board_side and selectors.ruling_served_at(ruling)[0] is None:
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
