"""The portal's pages (FIL-3, FIL-4, FIL-9, FIL-11): my filings, the filing page with its
wizard (locked steps shown as locked), timeline and actions, and the office's queue.

Pages are thin: each form posts one action of `filings.actions`, validated by the same
serializer and run by the same service as the API.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from rest_framework import serializers

from accounts.models import User
from core import pickers
from core.actions import ActionFormView, error_messages, form_data, labelled_errors
from core.api.errors import field_errors
from core.dates import local_digits, to_persian_digits, uses_jalali
from core.exceptions import DomainError, Forbidden, NotFound, ValidationFailed
from core.listing import PageDates, row_links
from core.transitions import available_transitions
from courts import selectors as court_selectors
from courts.models import CourtBranch
from filings import selectors, services
from filings.actions import FILING_ACTIONS, STEP_TITLES
from filings.api.filing import document_download, receipt_download
from filings.filters import FilingFilter
from filings.models import (
    CaseMode,
    DocumentType,
    ExemptionReason,
    Filing,
    Kind,
    Party,
    PartyRole,
    Payment,
    PresenterKind,
    RejectReason,
    ReturnReason,
)
from filings.serializers import CreateSerializer, OfficeCreateSerializer
from filings.story import told
from offices.models import Office


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
        return open_draft(request, CreateSerializer, services.filing_create, back="filings:list")


def open_draft(request, serializer_class, service, *, back, done="", hidden=False):
    """A page's form that opens a draft: validated by `serializer_class`, opened by
    `service(actor=…, **data)`, then the filing's page; a refusal goes `back` with its
    messages (with `hidden`, a 403 or 404 of the service answers 404)."""
    serializer = serializer_class(data=request.POST)
    try:
        serializer.is_valid(raise_exception=True)
        filing = service(actor=request.user, **serializer.validated_data)
    except serializers.ValidationError as exc:
        for text in error_messages(exc, serializer_class):
            messages.error(request, text)
        return redirect(back)
    except DomainError as exc:
        if hidden and isinstance(exc, (NotFound, Forbidden)):
            raise Http404 from None
        messages.error(request, str(exc.message))
        return redirect(back)
    if done:
        messages.success(request, done)
    return redirect("filings:filing", pk=filing.pk)


def _parties_from_form(post) -> list[dict]:
    """The parties form: rows of fields named party-<n>-<field>; rows with neither a role nor
    a kind of person are the form's spare row, and empty fields are not given."""
    rows: dict[int, dict] = {}
    for key, value in post.items():
        if key.startswith("party-"):
            _prefix, index, field = key.split("-", 2)
            if index.isdigit() and value != "":
                rows.setdefault(int(index), {})[field] = value
    return [row for _i, row in sorted(rows.items()) if row.get("role") or row.get("person_kind")]


# The four payment forms of the page are the one "pay" action with its method chosen.
PAY_FORMS = {
    "pay-online": Payment.Method.ONLINE,
    "pay-receipt": Payment.Method.ALREADY_PAID,
    "pay-exempt": Payment.Method.EXEMPT,
    "pay-reuse": Payment.Method.REUSED,
}


class _Values:
    """What a step's inputs show: what was typed in a refused form, else the filing's."""

    STORED = {"court": lambda f: f.court.code if f.court_id else "", "html": "text_html"}

    def __init__(self, filing, typed):
        self.filing, self.typed = filing, typed

    def __getitem__(self, name):
        if name in self.typed:
            return self.typed[name]
        stored = self.STORED.get(name, name)
        value = stored(self.filing) if callable(stored) else getattr(self.filing, stored, "")
        return "" if value is None else value


class FilingPage(ActionFormView):
    """The filing with its wizard, timeline and actions. Each form posts `action` (and a
    step's form its `step`) to the page itself; the action is run from
    `filings.actions.FILING_ACTIONS` with the same serializer as the API. Refusals show the
    page again with the fields at fault and the refusal's status."""

    template = "filings/filing.html"
    table = FILING_ACTIONS

    def get(self, request, pk, errors=None, status=200, act=None):
        filing = _filing_or_404(request, pk)
        filing = selectors.detail_queryset(Filing.objects.filter(pk=filing.pk)).select_related(
            "court", "office", "filer"
        )[0]
        steps = [
            {**s, "title": STEP_TITLES.get(s["name"], s["name"])}
            for s in selectors.step_states(filing)
        ]
        parties = list(filing.parties.all())
        # A refused form shows what was typed, not what is stored (a GET shows the filing).
        typed = request.POST if request.method == "POST" and errors else {}
        party_rows = parties + [None]
        if act is not None and act.name == "step_parties" and typed:
            party_rows = _parties_from_form(typed) + [None]
        court_branch = CourtBranch.objects.filter(pk=filing.court_id).select_related("court")
        court_type = court_branch[0].court.court_type if court_branch else ""
        return render(
            request,
            self.template,
            {
                "filing": filing,
                "steps": steps,
                "step_state": {s["name"]: s["state"] for s in steps},
                "warnings": selectors.warnings(filing),
                "timeline": told(selectors.timeline(filing)),
                "reason_category": dict(
                    RejectReason.choices
                    if filing.status == Filing.Status.REJECTED
                    else ReturnReason.choices
                ).get(filing.reason_category, ""),
                "actions": available_transitions(filing, request.user),
                "parties": parties,
                "party_rows": party_rows,
                "values": _Values(filing, typed),
                "signature": selectors.live_signature(filing),
                "submission": getattr(filing, "submission", None) if filing.sent_at else None,
                "errors": errors or {},
                "error_list": labelled_errors(errors, act.input if act else None, STEP_TITLES),
                "kinds": Kind.choices,
                # CAS-1: the court picker's branches, and the kinds of application and the
                # categories of the picked court's type (all types before a court is picked).
                "court_branches": court_selectors.court_branches(),
                "application_types": court_selectors.application_types(court_type),
                "categories": court_selectors.categories(court_type),
                "case_modes": CaseMode.choices,
                "party_roles": PartyRole.choices,
                "person_kinds": Party.PersonKind.choices,
                "doc_types": DocumentType.choices,
                "presenter_kinds": PresenterKind.choices,
                "exemption_reasons": ExemptionReason.choices,
                "return_reasons": ReturnReason.choices,
                "reject_reasons": RejectReason.choices,
                "is_filer_side": request.user.pk in (filing.filer_id, filing.presenter_lawyer_id),
                # A payment under way on a card gateway's page: the way back to that page.
                "payer_url": next(
                    (url for p in filing.payments.all() if (url := services.payer_url(p))), ""
                ),
            },
            status=status,
        )

    @staticmethod
    def action_name(form) -> str:
        """The table's action a form posts: `step` with its `step`, the payment forms as `pay`."""
        name = form.get("action", "")
        if name == "step":
            return f"step_{form.get('step', '')}"
        if name in PAY_FORMS:
            return "pay"
        return name.replace("-", "_")

    def post(self, request, pk):
        # A filing the user may not see answers 404 whatever the action, even an unknown one.
        self.table.get_visible(request.user, pk)
        act = self.table.by_name.get(self.action_name(request.POST))
        if act is None:
            messages.error(request, _("Unknown action."))
            return redirect("filings:filing", pk=pk)
        return self.perform(request, pk, act)

    def form_input(self, request, act):
        data = form_data(request)
        if act.name == "step_parties":
            return {"parties": _parties_from_form(request.POST)}
        if act.name == "pay":
            data["method"] = PAY_FORMS[request.POST["action"]]
        return data

    def redirect_to(self, request, pk, result=None):
        # An online payment through a redirect gateway goes on to the gateway's page.
        if isinstance(result, Payment) and services.payer_url(result):
            return redirect(services.payer_url(result))
        # A copy opens the new draft; every other action comes back to this filing.
        target = result.pk if isinstance(result, Filing) else pk
        return redirect("filings:filing", pk=target)

    def invalid(self, request, pk, act, exc):
        return self.refused(request, pk, act, ValidationFailed(fields=field_errors(exc.detail)))

    def refused(self, request, pk, act, exc):
        if act.name == "copy":  # a refused copy comes back to the filing as a message
            return super().refused(request, pk, act, exc)
        if isinstance(exc, Forbidden):
            raise PermissionDenied from None
        messages.error(request, str(exc.message))
        return self.get(request, pk, errors=exc.fields, status=exc.status_code, act=act)


@method_decorator(csrf_exempt, name="dispatch")
class PaymentCallback(View):
    """Where the card gateway sends the payer back (a GET, or a form POST from the gateway's
    page, hence no CSRF token). Nothing in the request is trusted: it names the payment and
    its token, and the payment is verified with the gateway server to server. Then the payer
    sees their filing; anyone else who may not see it gets 404, as does a forged callback."""

    def get(self, request):
        return self.answer(request, request.GET)

    def post(self, request):
        return self.answer(request, request.POST)

    def answer(self, request, params):
        try:
            payment = services.payment_callback(
                reference=params.get("reference", ""),
                token=params.get("token", ""),
                amount=params.get("amount", ""),
            )
        except NotFound:
            raise Http404 from None
        target = reverse("filings:filing", args=[payment.filing_id])
        if not request.user.is_authenticated:
            return redirect_to_login(target)
        _filing_or_404(request, payment.filing_id)
        if payment.status == Payment.Status.SUCCEEDED:
            messages.success(
                request,
                _("The fee is paid. Receipt number: %(receipt)s")
                % {"receipt": local_digits(payment.receipt_number or payment.gateway_transaction)},
            )
        elif payment.status == Payment.Status.FAILED:
            messages.error(
                request, _("The payment did not go through: the fee is not paid. Pay again.")
            )
        else:
            messages.warning(
                request,
                _("The bank has not confirmed the payment yet; it is settled shortly."),
            )
        return redirect(f"{target}#step-payment")


class DocumentFile(LoginRequiredMixin, View):
    def get(self, request, pk, document_id):
        try:
            return document_download(request.user, pk, document_id)
        except NotFound:
            raise Http404 from None


class ReceiptFile(LoginRequiredMixin, View):
    def get(self, request, pk):
        try:
            return receipt_download(request.user, pk)
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
        if isinstance(field.field.widget, pickers.DateInput):
            entry["date_attrs"] = pickers.render_attrs("date", value)
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


class OfficeFilingPage(LoginRequiredMixin, View):
    """The office channel from the office's desk (FIL-2, art. 6-7): a staff member starts a
    filing for the person in front of them; it is the person's, made by the staff member,
    and continues in the same wizard. Only the office's own staff: anyone else gets 404."""

    def _office_and_person(self, request, code, national_id):
        office = Office.objects.filter(code=str(code)).first()
        if office is None or office.pk not in selectors.access.staff_office_ids(request.user):
            raise Http404
        person = User.objects.filter(national_id=str(national_id).strip().upper()).first()
        if person is None:
            raise Http404
        return office, person

    def get(self, request):
        office, person = self._office_and_person(
            request, request.GET.get("office", ""), request.GET.get("national_id", "")
        )
        return render(
            request,
            "filings/office_new.html",
            {"office": office, "person": person, "kinds": Kind.choices},
        )

    def post(self, request):
        office, person = self._office_and_person(
            request, request.POST.get("office", ""), request.POST.get("filer_national_id", "")
        )
        query = {"office": office.code, "national_id": person.national_id}
        return open_draft(
            request,
            OfficeCreateSerializer,
            services.filing_open_at_office,
            back=f"{request.path}?{urlencode(query)}",
            done=_("The draft is open for %(name)s.") % {"name": person.get_full_name()},
            hidden=True,
        )
