"""Every read of filings, already filtered by what the actor may see (FIL-9, FIL-11).

- the filer sees their filings, and a presenting lawyer the filings they present;
- an office's staff see the filings sent to their office, and those made at it (FIL-2);
- a court clerk sees the filings forwarded to their court branch;
- anything else answers 404, exactly like a missing filing.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from core import audit
from core.exceptions import NotFound
from filings import access
from filings.models import (
    Document,
    DocumentPurpose,
    Filing,
    Kind,
    Payment,
    PresenterKind,
    Signature,
)

WIZARD_STEPS = ["kind", "case", "parties", "documents", "presenter", "text"]
SHORT_WIZARD_STEPS = ["kind", "case", "documents"]  # a document into an existing case (FIL-10)
AFTER_STEPS = ["prepare", "sign", "fees", "payment", "send"]


def wizard_steps(kind: str) -> list[str]:
    return SHORT_WIZARD_STEPS if kind == Kind.CASE_DOCUMENT else WIZARD_STEPS


def _base() -> QuerySet[Filing]:
    return Filing.objects.select_related("filer", "court", "office", "presenter_lawyer")


def _listing() -> QuerySet[Filing]:
    """What the lists show of a filing (the court and the office), not the filer's and the
    lawyer's accounts, whose phone numbers are parsed on every load."""
    return Filing.objects.select_related("court", "office")


def visibility(actor) -> Q | None:
    if not getattr(actor, "is_authenticated", False):
        return None
    if actor.is_superuser:
        return Q()
    condition = Q(filer=actor) | Q(presenter_lawyer=actor, presenter_kind=PresenterKind.LAWYER)
    offices = access.staff_office_ids(actor)
    if offices:
        condition |= Q(office_id__in=offices) & (Q(sent_at__isnull=False) | Q(channel="office"))
    branches = access.clerk_branch_ids(actor)
    if branches:
        condition |= Q(court_id__in=branches, forwarded_at__isnull=False)
    return condition


def filings_visible_to(actor) -> QuerySet[Filing]:
    condition = visibility(actor)
    if condition is None:
        return Filing.objects.none()
    return _base().filter(condition)


def get_filing(*, actor, filing_id) -> Filing:
    try:
        pk = int(filing_id)
    except (TypeError, ValueError):
        raise NotFound() from None
    filing = filings_visible_to(actor).filter(pk=pk).first()
    if filing is None:
        raise NotFound()
    return filing


def my_filings(*, actor) -> QuerySet[Filing]:
    """The filer's list (FIL-11): their own filings and those they present as the lawyer."""
    if not getattr(actor, "is_authenticated", False):
        return Filing.objects.none()
    return (
        _listing()
        .filter(Q(filer=actor) | Q(presenter_lawyer=actor, presenter_kind=PresenterKind.LAWYER))
        .order_by("-created_at", "-id")
    )


def office_queue(*, actor, office_id=None) -> QuerySet[Filing]:
    """Filings sent to (or made at) the actor's office (FIL-9); never another office's."""
    offices = access.staff_office_ids(actor)
    if office_id is not None:
        offices = offices & {int(office_id)}
    if not offices:
        return Filing.objects.none()
    return (
        _listing()
        .filter(Q(office_id__in=offices) & (Q(sent_at__isnull=False) | Q(channel="office")))
        .order_by("sent_at", "id")
    )


# The columns of the office queue page, read as plain rows (no model instances).
QUEUE_PAGE_COLUMNS = (
    "id",
    "tracking_code",
    "kind",
    "status",
    "sent_at",
    "filer__first_name",
    "filer__last_name",
    "court__name",
)


def office_queue_rows(queryset: QuerySet[Filing]) -> QuerySet:
    """A page of the office queue (filtered and sliced) as rows of the page's columns only;
    counting is done on the queue itself, without the joins of these columns."""
    return queryset.values(*QUEUE_PAGE_COLUMNS)


def court_queue(*, actor) -> QuerySet[Filing]:
    branches = access.clerk_branch_ids(actor)
    if not branches:
        return Filing.objects.none()
    return (
        _base()
        .filter(court_id__in=branches, forwarded_at__isnull=False)
        .order_by("forwarded_at", "id")
    )


def detail_queryset(queryset: QuerySet[Filing]) -> QuerySet[Filing]:
    return queryset.prefetch_related(
        "parties",
        Prefetch("documents", queryset=Document.objects.order_by("id")),
        Prefetch("payments", queryset=Payment.objects.order_by("id")),
        Prefetch(
            "signatures",
            queryset=Signature.objects.select_related("signer").order_by("signed_at", "id"),
        ),
    )


def get_document(*, actor, filing_id, document_id) -> tuple[Filing, Document]:
    filing = get_filing(actor=actor, filing_id=filing_id)
    document = Document.objects.filter(filing=filing, pk=document_id).first()
    if document is None:
        raise NotFound()
    return filing, document


def live_signature(filing: Filing) -> Signature | None:
    return filing.signatures.filter(voided_at__isnull=True).select_related("signer").first()


def live_payment(filing: Filing) -> Payment | None:
    return (
        filing.payments.filter(status__in=[Payment.Status.PENDING, Payment.Status.SUCCEEDED])
        .order_by("-id")
        .first()
    )


def paid(filing: Filing) -> Payment | None:
    return filing.payments.filter(status=Payment.Status.SUCCEEDED).order_by("-id").first()


# --- The wizard's steps (FIL-3, FIL-4) ----------------------------------------------------------
def step_states(filing: Filing) -> list[dict]:
    """Each step with its state: done, open or locked (seed 000's locked menu)."""
    states = []
    draft = filing.status == Filing.Status.DRAFT
    previous_done = True
    for name in wizard_steps(filing.kind):
        done = name in (filing.steps_done or [])
        if not draft:
            state = "frozen" if filing.prepared_at or filing.sent_at else "locked"
        elif done:
            state = "done"
        elif previous_done:
            state = "open"
        else:
            state = "locked"
        states.append({"name": name, "state": state})
        previous_done = previous_done and done
    confirmed = filing.status == Filing.Status.CONFIRMED
    beyond = filing.status not in (Filing.Status.DRAFT, Filing.Status.CONFIRMED)
    signed = confirmed and live_signature(filing) is not None
    fees = filing.fees_computed_at is not None
    payment = paid(filing) if confirmed else None
    after = {
        "prepare": "done" if not draft else ("open" if previous_done else "locked"),
        "sign": "done" if signed or beyond else ("open" if confirmed else "locked"),
        "fees": "done" if (fees and (confirmed or beyond)) else ("open" if confirmed else "locked"),
        "payment": "done" if payment or beyond else ("open" if confirmed and fees else "locked"),
        "send": "done"
        if filing.sent_at
        else ("open" if confirmed and signed and payment else "locked"),
    }
    if filing.status == Filing.Status.CANCELLED:
        after = dict.fromkeys(after, "locked")
    states.extend({"name": name, "state": after[name]} for name in AFTER_STEPS)
    return states


def warnings(filing: Filing) -> dict[str, list[str]]:
    """Early warnings (FIL-4): shown while editing, refused only at preparation."""
    found = {}
    if (
        filing.status == Filing.Status.DRAFT
        and not filing.documents.filter(purpose=DocumentPurpose.DOCUMENT).exists()
    ):
        found["documents"] = [_("Add at least one document: preparing needs it.")]
    return found


# --- Timeline (FIL-11) ------------------------------------------------------------------------
def timeline(filing: Filing) -> list[dict]:
    """The filing's history and transitions (core.audit), with its signatures, payments and
    sending, oldest first."""
    entries = audit.timeline(filing)
    for signature in filing.signatures.select_related("signer").order_by("signed_at"):
        entries.append(
            {
                "kind": "signature",
                "time": signature.signed_at,
                "actor": {"id": signature.signer_id, "name": str(signature.signer)},
                "action": "signed",
                "reason": "",
                "changes": [],
            }
        )
        if signature.voided_at:
            entries.append(
                {
                    "kind": "signature",
                    "time": signature.voided_at,
                    "actor": None,
                    "action": "signature voided",
                    "reason": signature.void_reason,
                    "changes": [],
                }
            )
    for payment in filing.payments.order_by("created_at"):
        entries.append(
            {
                "kind": "payment",
                "time": payment.settled_at or payment.created_at,
                "actor": None,
                "action": f"payment {payment.method}: {payment.status}",
                "reason": payment.failure_message,
                "changes": [],
            }
        )
    entries.sort(key=lambda e: e["time"])
    return entries


def filing_timeline_visible(actor) -> QuerySet[Filing]:
    return filings_visible_to(actor)
