"""The recipient's web pages (NOT-3, NOT-4, NOT-8).

A GET never serves a notice. The notice page of a new notice shows a "receive and view"
button; pressing it (a POST) is the recipient's view that serves it, and redirects to the
page that shows the content. Every press counts in the view count, as in seed 003.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts import identity
from core.exceptions import Conflict, Forbidden, Locked, NotFound, ValidationFailed
from notices import selectors, services
from notices.api import attachment_response, client_ip
from notices.dates import parse_issue_date


def _get_or_404(request, pk):
    try:
        return selectors.get_notice(actor=request.user, notice_id=pk)
    except NotFound:
        raise Http404 from None


class InboxPage(LoginRequiredMixin, View):
    def get(self, request):
        tab = "viewed" if request.GET.get("tab") == "viewed" else "new"
        qs = selectors.inbox(actor=request.user, seen=(tab == "viewed"))
        page = Paginator(qs, 25).get_page(request.GET.get("page"))
        return render(
            request,
            "notices/inbox.html",
            {
                "tab": tab,
                "page": page,
                "unseen_count": selectors.unseen_count(actor=request.user),
                "verification_needed": None
                if identity.has_level(request.user, "notices")
                else identity.VerificationRequired(identity.MESSAGES["notices"]),
            },
        )


class NoticePage(LoginRequiredMixin, View):
    def get(self, request, pk):
        notice = _get_or_404(request, pk)
        recipient_side = selectors.is_recipient_side(request.user, notice)
        if recipient_side and not notice.is_seen:
            return render(request, "notices/open.html", {"notice": notice})
        return render(
            request,
            "notices/notice.html",
            {
                "notice": notice,
                "recipient_side": recipient_side,
                "service": services.served_at(notice),
                "attachments": notice.attachments.all(),
            },
        )

    def post(self, request, pk):
        """Receive and view: the recipient's open, which serves the notice."""
        try:
            services.view_notice(actor=request.user, notice_id=pk, ip=client_ip(request))
        except NotFound:
            raise Http404 from None
        except Forbidden:
            raise PermissionDenied from None
        return redirect("notices:notice", pk=pk)


class PrintPage(LoginRequiredMixin, View):
    def get(self, request, pk):
        notice = _get_or_404(request, pk)
        if not notice.is_seen and not selectors.is_issuer_side(request.user, notice):
            return redirect("notices:notice", pk=pk)
        return render(
            request,
            "notices/print.html",
            {
                "notice": notice,
                "attachments": notice.attachments.all(),
                "service": services.served_at(notice),
            },
        )


class AttachmentPage(LoginRequiredMixin, View):
    def get(self, request, pk, attachment_id):
        try:
            return attachment_response(request.user, pk, attachment_id)
        except NotFound:
            raise Http404 from None
        except Conflict:
            return redirect("notices:notice", pk=pk)


class LookupPage(LoginRequiredMixin, View):
    """Retrieval by case number + sub-row + case password, or by notice number + issue date."""

    template = "notices/lookup.html"

    def get(self, request):
        return render(request, self.template, {"results": None})

    def post(self, request):
        form = request.POST.get("form")
        results, error, status = None, None, 200
        try:
            if form == "case":
                case_number = request.POST.get("case_number", "").strip()
                sub_row = request.POST.get("case_sub_row", "").strip()
                if not (case_number.isdigit() and len(case_number) == 16 and sub_row.isdigit()):
                    raise ValidationFailed()
                results = list(
                    selectors.by_case_password(
                        actor=request.user,
                        case_number=case_number,
                        sub_row=int(sub_row),
                        password=request.POST.get("password", ""),
                        ip=client_ip(request),
                    )[:200]
                )
            elif form == "number":
                try:
                    issue_date = parse_issue_date(request.POST.get("issue_date", ""))
                except ValueError:
                    raise ValidationFailed() from None
                results = [
                    selectors.by_number(
                        actor=request.user,
                        notice_number=request.POST.get("notice_number", ""),
                        issue_date=issue_date,
                    )
                ]
            else:
                raise ValidationFailed()
        except identity.VerificationRequired as exc:
            error, status = f"{exc.message} {exc.fields['identity'][0]}", 403
        except NotFound:
            error = _("No notice matches what you entered.")
        except Locked:
            error, status = _("Too many failed attempts. Try again later."), 429
        except ValidationFailed:
            error = _("Check what you entered.")
        if error:
            messages.error(request, error)
        return render(request, self.template, {"results": results, "form": form}, status=status)
