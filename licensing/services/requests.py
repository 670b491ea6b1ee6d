"""Licence requests (LIC-3, LIC-9, OFF-7): submitted to the Council, proposed, given the GD's
opinion and decided by the centre head, each step with its reasons; an approved request is
applied to the licence and the office at once."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role, has_role
from core.dates import format_date
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.notify import notify
from core.records import locked, save_as
from core.transitions import apply_transition
from licensing import selectors
from licensing.models import Application, Licence, LicenceRequest, RequestStep
from licensing.services.common import config, decision_given, reasons_given
from licensing.services.licences import (
    licence_issue,
    licence_locked,
    licence_renew,
    licence_revoke,
    licence_suspend,
    licence_withdraw,
)
from offices import services as office_services
from offices.models import City, Office

# --- Licence requests (LIC-3) --------------------------------------------------------------------
HOLDER_KINDS = {
    LicenceRequest.Kind.RENEWAL,
    LicenceRequest.Kind.WITHDRAWAL,
    LicenceRequest.Kind.RELOCATION,
}
LICENCE_KINDS = {
    LicenceRequest.Kind.RENEWAL,
    LicenceRequest.Kind.WITHDRAWAL,
    LicenceRequest.Kind.REVOCATION,
    LicenceRequest.Kind.SUSPENSION,
    LicenceRequest.Kind.RELOCATION,
}
OPEN_STATES = [
    LicenceRequest.Status.SUBMITTED,
    LicenceRequest.Status.COUNCIL_REVIEW,
    LicenceRequest.Status.GD_OPINION,
    LicenceRequest.Status.AWAITING_DECISION,
]


def renewal_refusal(licence: Licence, on: dt.date) -> str | None:
    """Why `licence` cannot be renewed on `on`, or None (LIC-9): only within the renewal
    window before expiry and only an active licence; an expired one only within the grace
    period after expiry — later it needs a new application."""
    state = licence.effective_status(on)
    window = dt.timedelta(days=config("RENEWAL_WINDOW_DAYS"))
    grace = dt.timedelta(days=config("RENEWAL_GRACE_DAYS"))
    if state == Licence.Status.ACTIVE:
        if on < licence.expires_on - window:
            return _("Renewal opens %(days)d days before expiry, on %(date)s.") % {
                "days": window.days,
                "date": format_date(licence.expires_on - window, "long"),
            }
        return None
    if state == Licence.Status.EXPIRED and licence.status != Licence.Status.REVOKED:
        if on > licence.expires_on + grace:
            return _(
                "The licence expired more than %(days)d days ago; it cannot be renewed and "
                "needs a new application."
            ) % {"days": grace.days}
        return None
    return _("Only an active licence can be renewed.")


def _accepted_application(application_id) -> Application:
    application = (
        Application.objects.select_related("call", "profile").filter(pk=application_id).first()
    )
    if application is None or application.status != Application.Status.ACCEPTED:
        raise ValidationFailed(
            _("An accepted application of the manager is required."),
            code="application_required",
            fields={"application": [_("Choose an accepted application.")]},
        )
    return application


def request_submit(
    *,
    actor,
    kind: str,
    reasons: str,
    office_id: int | None = None,
    licence_id: int | None = None,
    application_id: int | None = None,
    suspend_until: dt.date | None = None,
    new_address: str = "",
    new_city: City | None = None,
    new_latitude=None,
    new_longitude=None,
) -> LicenceRequest:
    """Submit a licence request to the Council (LIC-3). The GD submits any kind; a licence
    holder may ask to renew, withdraw (give up) or relocate their own licence."""
    K = LicenceRequest.Kind
    if kind not in K.values:
        raise ValidationFailed(code="invalid", fields={"kind": [_("Unknown kind.")]})
    reasons = reasons_given(reasons)
    is_staff = has_role(actor, Role.LICENSING_STAFF)
    today = timezone.localdate()
    with transaction.atomic():
        licence = None
        if kind in LICENCE_KINDS:
            licence = selectors.licences_visible_to(actor).filter(pk=licence_id).first()
            if licence is None:
                raise (
                    NotFound()
                    if licence_id
                    else ValidationFailed(code="invalid", fields={"licence": [_("Required.")]})
                )
            licence = locked(Licence.objects, licence.pk)
            office = licence.office
            is_holder = licence.holder_id == actor.pk
            if not (is_staff or (is_holder and kind in HOLDER_KINDS)):
                raise Forbidden()
        else:
            if not is_staff:
                raise Forbidden(_("Only the General Directorate requests this."))
            office = Office.objects.filter(pk=office_id).first()
            if office is None:
                raise ValidationFailed(code="invalid", fields={"office": [_("Unknown office.")]})
        locked(Office.objects, office.pk)
        if LicenceRequest.objects.filter(office=office, kind=kind, status__in=OPEN_STATES).exists():
            raise Conflict(
                _("A request of this kind is already under way for the office."),
                code="request_pending",
            )

        application = None
        state = licence.effective_status(today) if licence else None
        if kind == K.ISSUE:
            application = _accepted_application(application_id)
            if application.call.province_id != office.province_id:
                raise ValidationFailed(
                    code="other_province",
                    fields={"application": [_("The application is for another region.")]},
                )
            if selectors.live_licence(office) is not None:
                raise Conflict(_("The office already holds a licence."), code="office_licensed")
        elif kind == K.REPLACEMENT:
            application = _accepted_application(application_id)
            current = selectors.live_licence(office)
            if current is not None and current.holder_id == application.applicant_id:
                raise ValidationFailed(
                    code="same_manager",
                    fields={"application": [_("This person already holds the licence.")]},
                )
        elif kind == K.RENEWAL:
            refusal = renewal_refusal(licence, today)
            if refusal:
                raise Conflict(refusal, code="not_renewable")
        elif kind == K.SUSPENSION:
            if state != Licence.Status.ACTIVE:
                raise Conflict(_("Only an active licence can be suspended."), code="not_active")
            if suspend_until is None or suspend_until <= today:
                raise ValidationFailed(
                    code="invalid", fields={"suspend_until": [_("A date after today.")]}
                )
        elif kind == K.RELOCATION:
            if state != Licence.Status.ACTIVE:
                raise Conflict(_("Only an active licence's office can move."), code="not_active")
            if not new_address.strip():
                raise ValidationFailed(code="invalid", fields={"new_address": [_("Required.")]})
            if new_city is not None and new_city.province_id != office.province_id:
                raise ValidationFailed(
                    code="other_province",
                    fields={"new_city": [_("The office moves within its province.")]},
                )
        elif state not in Licence.LIVE:  # withdrawal, revocation
            raise Conflict(_("The licence has already ended."), code="licence_ended")

        request = LicenceRequest(
            kind=kind,
            office=office,
            licence=licence,
            application=application,
            reasons=reasons,
            suspend_until=suspend_until if kind == K.SUSPENSION else None,
            new_address=new_address.strip() if kind == K.RELOCATION else "",
            new_city=new_city if kind == K.RELOCATION else None,
            new_latitude=new_latitude if kind == K.RELOCATION else None,
            new_longitude=new_longitude if kind == K.RELOCATION else None,
            requested_by=actor,
        )
        save_as(request, actor=actor)
    return request


def _request_transition(
    *, actor, request_id: int, name: str, step=None, decision=None, reasons: str = ""
) -> LicenceRequest:
    with transaction.atomic():
        request = locked(selectors.requests_visible_to(actor), request_id)
        kwargs = {"decision": decision, "reasons": reasons} if step else {}
        apply_transition(request, name, actor=actor, reason=reasons, **kwargs)
        if step:
            RequestStep.objects.create(
                request=request, step=step, decision=decision, reasons=reasons, actor=actor
            )
        if request.status == LicenceRequest.Status.APPROVED:
            _apply(request, actor)
        if step == RequestStep.Step.DECISION:
            _tell_decision(request)
    return request


def request_start_review(*, actor, request_id: int, reason: str = "") -> LicenceRequest:
    """A Council member takes the request up (LIC-3)."""
    return _request_transition(
        actor=actor, request_id=request_id, name="start_review", reasons=reason
    )


# The steps that record a decision with its reasons (one `RequestStep` row each).
STEPS = {
    "propose": RequestStep.Step.PROPOSAL,
    "give_opinion": RequestStep.Step.OPINION,
    "decide": RequestStep.Step.DECISION,
}


def _request_step(name, actor, request_id, decision: str, reasons: str) -> LicenceRequest:
    return _request_transition(
        actor=actor,
        request_id=request_id,
        name=name,
        step=STEPS[name],
        decision=decision_given(decision),
        reasons=reasons_given(reasons),
    )


def request_propose(*, actor, request_id: int, decision: str, reasons: str) -> LicenceRequest:
    """The Council proposes approval or rejection, with reasons (LIC-3; art. 24-c)."""
    return _request_step("propose", actor, request_id, decision, reasons)


def request_give_opinion(*, actor, request_id: int, decision: str, reasons: str) -> LicenceRequest:
    """The GD's opinion on the Council's proposal, for the centre head (LIC-3; art. 22-b)."""
    return _request_step("give_opinion", actor, request_id, decision, reasons)


def request_decide(*, actor, request_id: int, decision: str, reasons: str) -> LicenceRequest:
    """The centre head's decision (LIC-3; art. 14). An approval is applied at once."""
    return _request_step("decide", actor, request_id, decision, reasons)


def request_cancel(*, actor, request_id: int, reason: str = "") -> LicenceRequest:
    return _request_transition(actor=actor, request_id=request_id, name="cancel", reasons=reason)


def _tell_decision(request: LicenceRequest) -> None:
    people = {request.requested_by}
    if request.licence_id:
        people.add(request.licence.holder)
    if request.application_id:
        people.add(request.application.applicant)
    approved = request.status == LicenceRequest.Status.APPROVED
    for person in people:
        notify(
            person,
            purpose="licensing.request_decided",
            body=lambda: (
                (
                    _("The %(kind)s request for office %(office)s has been approved.")
                    if approved
                    else _("The %(kind)s request for office %(office)s has been rejected.")
                )
                % {"kind": request.get_kind_display(), "office": request.office.code}
            ),
        )


# --- Applying an approved request (LIC-5 … LIC-7, LIC-9, OFF-7) ----------------------------------
def _apply(request: LicenceRequest, actor) -> None:
    K = LicenceRequest.Kind
    reason = _("%(kind)s request #%(id)s approved") % {
        "kind": request.get_kind_display(),
        "id": request.pk,
    }
    office = locked(Office.objects, request.office_id)
    if request.kind == K.ISSUE:
        if selectors.live_licence(office) is not None:
            raise Conflict(_("The office already holds a licence."), code="office_licensed")
        application = request.application
        office_services.manager_install(actor=actor, office=office, profile=application.profile)
        request.resulting_licence = licence_issue(
            actor=actor, office=office, holder=application.applicant, reason=reason
        )
    elif request.kind == K.REPLACEMENT:
        current = selectors.live_licence(office)
        if current is not None:
            licence_withdraw(licence=current, actor=actor, reason=reason)
        application = request.application
        office_services.manager_install(actor=actor, office=office, profile=application.profile)
        request.resulting_licence = licence_issue(
            actor=actor, office=office, holder=application.applicant, reason=reason
        )
    elif request.kind == K.RENEWAL:
        licence = licence_locked(request.licence_id)
        refusal = renewal_refusal(licence, timezone.localdate(request.submitted_at))
        if refusal or licence.status not in (Licence.Status.ACTIVE, Licence.Status.EXPIRED):
            raise Conflict(
                refusal or _("Only an active licence can be renewed."), code="not_renewable"
            )
        licence_renew(licence=licence, actor=actor, reason=reason)
    elif request.kind == K.SUSPENSION:
        licence_suspend(
            licence=request.licence, until=request.suspend_until, actor=actor, reason=reason
        )
    elif request.kind == K.REVOCATION:
        licence_revoke(licence=request.licence, actor=actor, reason=reason)
    elif request.kind == K.WITHDRAWAL:
        licence_withdraw(licence=request.licence, actor=actor, reason=reason)
    elif request.kind == K.RELOCATION:
        licence = licence_locked(request.licence_id)
        if licence.status != Licence.Status.ACTIVE:
            raise Conflict(_("Only an active licence's office can move."), code="not_active")
        office_services.office_relocate(
            actor=actor,
            office=office,
            address=request.new_address,
            city=request.new_city,
            latitude=request.new_latitude,
            longitude=request.new_longitude,
        )
    request.save(update_fields=["resulting_licence"])
