"""The portal's pages (FIL-3, FIL-4, FIL-9, FIL-11): my filings, the filing page with its
wizard (locked steps shown as locked), timeline and actions, and the office's queue.

Pages are thin: each form posts one action, which calls the same service as the API.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.dates import to_persian_digits, uses_jalali
from core.exceptions import DomainError, Forbidden, NotFound
from core.listing import PageDates, row_links
from core.transitions import available_transitions
from filings import api, selectors, services
from filings.filters import FilingFilter
from filings.models import (
    CaseMode,
    DocumentType,
    ExemptionReason,
    Filing,
    Kind,
    Party,
    PartyRole,
    PresenterKind,
    RejectReason,
    ReturnReason,
)

STEP_TITLES = {
    "kind": gettext_lazy("Kind and subject"),
    "case": gettext_lazy("Case information"),
    "parties": gettext_lazy("Parties"),
    "documents": gettext_lazy("Documents"),
    "presenter": gettext_lazy("Presenter"),
    "text": gettext_lazy("Text"),
    "prepare": gettext_lazy("Prepare for fees and sending"),
    "sign": gettext_lazy("Electronic signature"),
    "fees": gettext_lazy("Fees and office"),
    "payment": gettext_lazy("Payment"),
    "send": gettext_lazy("Send to the office"),
}


def _filing_or_404(request, pk) -> Filing:
    try:
        return selectors.get_filing(actor=request.user, filing_id=pk)
    except NotFound:
        raise Http404 from None


class MyFilingsPage(LoginRequiredMixin, View):
    def get(self, request):
        filterset = FilingFilter(request.GET, queryset=selectors.my_filings(actor=request.user))
        page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
        return render(
            request,
            "filings/list.html",
            {"page": page, "filter": filterset, "kinds": Kind.choices},
        )

    def post(self, request):
        try:
            filing = services.filing_create(actor=request.user, kind=request.POST.get("kind", ""))
        except DomainError as exc:
            messages.error(request, str(exc.message))
            return redirect("filings:list")
        return redirect("filings:filing", pk=filing.pk)


def _parties_from_post(post) -> list[dict]:
    """The parties form: rows of fields named party-<n>-<field>."""
    rows: dict[int, dict] = {}
    for key, value in post.items():
        if key.startswith("party-"):
            _prefix, index, field = key.split("-", 2)
            if index.isdigit():
                rows.setdefault(int(index), {})[field] = value
    return [row for _i, row in sorted(rows.items()) if row.get("role") or row.get("person_kind")]


class FilingPage(LoginRequiredMixin, View):
    template = "filings/filing.html"

    def get(self, request, pk, errors=None, status=200):
        filing = _filing_or_404(request, pk)
        filing = selectors.detail_queryset(Filing.objects.filter(pk=filing.pk)).select_related(
            "court", "office", "filer"
        )[0]
        steps = [
            {**s, "title": STEP_TITLES.get(s["name"], s["name"])}
            for s in selectors.step_states(filing)
        ]
        parties = list(filing.parties.all())
        return render(
            request,
            self.template,
            {
                "filing": filing,
                "steps": steps,
                "step_state": {s["name"]: s["state"] for s in steps},
                "warnings": selectors.warnings(filing),
                "timeline": selectors.timeline(filing),
                "actions": available_transitions(filing, request.user),
                "parties": parties,
                "party_rows": parties + [None],
                "signature": selectors.live_signature(filing),
                "submission": getattr(filing, "submission", None) if filing.sent_at else None,
                "errors": errors or {},
                "kinds": Kind.choices,
                "case_modes": CaseMode.choices,
                "party_roles": PartyRole.choices,
                "person_kinds": Party.PersonKind.choices,
                "doc_types": DocumentType.choices,
                "presenter_kinds": PresenterKind.choices,
                "exemption_reasons": ExemptionReason.choices,
                "return_reasons": ReturnReason.choices,
                "reject_reasons": RejectReason.choices,
                "is_filer_side": request.user.pk in (filing.filer_id, filing.presenter_lawyer_id),
            },
            status=status,
        )

    def post(self, request, pk):
        # A filing the user may not see answers 404 whatever the action, even an unknown one.
        _filing_or_404(request, pk)
        action = request.POST.get("action", "")
        user, post = request.user, request.POST
        handlers = {
            "step": lambda: services.step_save(
                actor=user,
                filing_id=pk,
                step=post.get("step", ""),
                data=self._step_data(post),
                draft=post.get("draft") == "1",
            ),
            "document-add": lambda: services.document_add(
                actor=user,
                filing_id=pk,
                upload=request.FILES.get("file"),
                doc_type=post.get("doc_type", ""),
                title=post.get("title", ""),
                purpose=post.get("purpose", "document"),
            ),
            "document-remove": lambda: services.document_remove(
                actor=user, filing_id=pk, document_id=post.get("document")
            ),
            "prepare": lambda: services.filing_prepare(actor=user, filing_id=pk),
            "reopen": lambda: services.filing_reopen(actor=user, filing_id=pk),
            "cancel": lambda: services.filing_cancel(actor=user, filing_id=pk),
            "sign-code": lambda: services.sign_code_request(actor=user, filing_id=pk),
            "sign": lambda: services.filing_sign(
                actor=user,
                filing_id=pk,
                acknowledged=post.get("acknowledged") == "1",
                code=post.get("code", ""),
            ),
            "fees": lambda: services.fees_compute(
                actor=user, filing_id=pk, office_code=post.get("office", "")
            ),
            "pay-online": lambda: services.pay_online(
                actor=user, filing_id=pk, card_prefix=post.get("card_prefix", "")
            ),
            "pay-receipt": lambda: services.pay_with_receipt(
                actor=user, filing_id=pk, receipt_number=post.get("receipt_number", "")
            ),
            "pay-exempt": lambda: services.pay_exempt(
                actor=user,
                filing_id=pk,
                reason=post.get("exemption_reason", ""),
                text=post.get("exemption_text", ""),
                proof=request.FILES.get("proof"),
            ),
            "pay-reuse": lambda: services.pay_by_reuse(
                actor=user, filing_id=pk, receipt_number=post.get("receipt_number", "")
            ),
            "payment-check": lambda: services.payment_check(
                actor=user, filing_id=pk, payment_id=post.get("payment")
            ),
            "send-code": lambda: services.send_code_request(actor=user, filing_id=pk),
            "send": lambda: services.filing_send(
                actor=user,
                filing_id=pk,
                code=post.get("code", ""),
                idempotency_key=post.get("idempotency_key", ""),
                signed_in_with=api.signed_in_with(request),
            ),
            "verify": lambda: services.office_verify(
                actor=user, filing_id=pk, note=post.get("note", "")
            ),
            "forward": lambda: services.office_forward(actor=user, filing_id=pk),
            "office-return": lambda: services.office_return(
                actor=user,
                filing_id=pk,
                category=post.get("reason_category", ""),
                text=post.get("reason", ""),
            ),
            "accept": lambda: services.court_accept(
                actor=user, filing_id=pk, case_number=post.get("case_number", "")
            ),
            "reject": lambda: services.court_reject(
                actor=user,
                filing_id=pk,
                category=post.get("reason_category", ""),
                text=post.get("reason", ""),
                case_number=post.get("case_number", ""),
            ),
            "court-return": lambda: services.court_return(
                actor=user,
                filing_id=pk,
                category=post.get("reason_category", ""),
                text=post.get("reason", ""),
            ),
        }
        if action == "copy":
            try:
                copy = services.filing_copy(actor=user, filing_id=pk)
            except NotFound:
                raise Http404 from None
            except DomainError as exc:
                messages.error(request, str(exc.message))
                return redirect("filings:filing", pk=pk)
            return redirect("filings:filing", pk=copy.pk)
        handler = handlers.get(action)
        if handler is None:
            messages.error(request, _("Unknown action."))
            return redirect("filings:filing", pk=pk)
        try:
            handler()
        except NotFound:
            raise Http404 from None
        except Forbidden:
            raise PermissionDenied from None
        except DomainError as exc:
            messages.error(request, str(exc.message))
            return self.get(request, pk, errors=exc.fields, status=exc.status_code)
        messages.success(request, _("Done."))
        return redirect("filings:filing", pk=pk)

    @staticmethod
    def _step_data(post) -> dict:
        step = post.get("step")
        if step == "parties":
            return {"parties": _parties_from_post(post)}
        if step == "presenter":
            return {
                "presenter_kind": post.get("presenter_kind", ""),
                "lawyer_national_id": post.get("lawyer_national_id", ""),
            }
        fields = {
            "kind": ("kind", "subject", "court", "claim_value"),
            "case": ("case_mode", "case_number"),
            "text": ("title", "html"),
            "documents": (),
        }.get(step, ())
        return {name: post.get(name, "") for name in fields if name in post}


class DocumentFile(LoginRequiredMixin, View):
    def get(self, request, pk, document_id):
        try:
            return api.document_download(request.user, pk, document_id)
        except NotFound:
            raise Http404 from None


class ReceiptFile(LoginRequiredMixin, View):
    def get(self, request, pk):
        try:
            return api.receipt_download(request.user, pk)
        except NotFound:
            raise Http404 from None


def filter_fields(form) -> list[dict]:
    """The filter form's fields as plain values for the page's own markup (what
    ``form.as_div`` shows: labels, the values given, choices and errors, from the form
    itself) without rendering a template for every field and option."""
    fields = []
    for field in form:
        value = field.value()
        entry = {"name": field.html_name, "id": field.auto_id, "label": field.label}
        entry["errors"] = field.errors
        choices = getattr(field.field, "choices", None)
        if choices is not None:
            chosen = {str(v) for v in value or ()}
            entry["options"] = [(str(v), label, str(v) in chosen) for v, label in choices]
        else:
            entry["value"] = "" if value is None else value
        fields.append(entry)
    return fields


class OfficeQueuePage(LoginRequiredMixin, View):
    """The office's incoming filings (FIL-9): the same queue, filters and order as the API,
    25 a page. The rows are plain values of the columns shown; labels, links and dates are
    worked out once per page rather than once per row."""

    per_page = 25

    def get(self, request):
        queryset = selectors.office_queue(actor=request.user)
        if not selectors.access.staff_office_ids(request.user):
            raise Http404
        filterset = FilingFilter(request.GET, queryset=queryset)
        page = Paginator(filterset.qs, self.per_page).get_page(request.GET.get("page"))
        kinds = {value: str(label) for value, label in Kind.choices}
        statuses = {value: str(label) for value, label in Filing.Status.choices}
        link, dates = row_links("filings:filing"), PageDates()
        code_text = to_persian_digits if uses_jalali() else str
        page.object_list = [
            {
                "url": link(row["id"]),
                "code": code_text(row["tracking_code"] or row["id"]),
                "kind": kinds.get(row["kind"], row["kind"]),
                "filer": f"{row['filer__first_name']} {row['filer__last_name']}".strip(),
                "court": row["court__name"] or "—",
                "status": statuses.get(row["status"], row["status"]),
                "sent": dates(row["sent_at"]),
            }
            for row in selectors.office_queue_rows(page.object_list)
        ]
        return render(
            request,
            "filings/queue.html",
            {
                "page": page,
                "filter": filterset,
                "filter_fields": filter_fields(filterset.form),
            },
        )
