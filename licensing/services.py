"""Every write of licensing (LIC-1 … LIC-9, OFF-7).

Each service takes keyword arguments and an `actor`, runs in one transaction, re-reads the row
it changes with `select_for_update(of=("self",))` and takes transitions through
`core.transitions.apply_transition` (409 for a wrong state, 403 for an actor without the
transition's permission, one log row). An object the actor may not see answers 404.

The Association's services (ASC-1 … ASC-3) are in `licensing.association`.
"""

import datetime as dt

import jdatetime
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.roles import Role, has_role
from core.dates import format_date
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.messaging import send_sms
from core.transitions import apply_transition
from licensing import selectors
from licensing.models import (
    Application,
    ApplicationDocument,
    BoardMembership,
    Call,
    CouncilMembership,
    Decision,
    FeeSchedule,
    Licence,
    LicenceRequest,
    RequestStep,
)
from offices import qualifications
from offices import services as office_services
from offices.models import City, Office, StaffProfile, StaffRole

SYSTEM = "system:sweep"


def _config(name):
    return settings.LICENSING[name]


def _require_role(actor, *roles, message=None):
    if not has_role(actor, *roles):
        raise Forbidden(message)


def _reasons(reasons: str, field: str = "reasons") -> str:
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationFailed(
            _("Give the reasons."), code="reasons_required", fields={field: [_("Required.")]}
        )
    return reasons


def _decision(decision: str) -> str:
    if decision not in Decision.values:
        raise ValidationFailed(
            code="invalid_decision", fields={"decision": [_("Approve or reject.")]}
        )
    return decision


def _locked(model, visible, pk):
    """Re-read a row the actor may see, locked for the rest of the transaction (404 if not)."""
    if not visible.filter(pk=pk).exists():
        raise NotFound()
    return model.objects.select_for_update(of=("self",)).get(pk=pk)


def _sms(user, purpose: str, text) -> None:
    if user is None or not user.mobile:
        return
    with translation.override(user.preferred_language or "fa"):
        body = text()
    send_sms(to=user.mobile, body=body, purpose=purpose, user=user)


# --- Calls for applicants (LIC-1) ----------------------------------------------------------------
def call_open(
    *, actor, title: str, province, places: int, opens_at, closes_at, description: str = ""
) -> Call:
    """The GD opens a call for applicants in a province, for a window and a number of places
    (LIC-1; art. 22-a)."""
    _require_role(actor, Role.LICENSING_STAFF)
    if closes_at <= opens_at:
        raise ValidationFailed(
            code="window", fields={"closes_at": [_("The call must close after it opens.")]}
        )
    if places < 1:
        raise ValidationFailed(code="places", fields={"places": [_("At least one place.")]})
    with transaction.atomic():
        call = Call(
            title=title,
            province=province,
            places=places,
            opens_at=opens_at,
            closes_at=closes_at,
            description=description,
            created_by=actor,
        )
        call._history_user = actor
        call.save()
    return call


# --- Applications (LIC-2) ------------------------------------------------------------------------
def _vet(application: Application, now=None) -> None:
    """Automatic vetting against art. 16-21 (OFF-3 … OFF-5): every unmet requirement with its
    article, and the priority of approved service records (art. 17, note)."""
    now = now or timezone.now()
    profile = qualifications.prefetch(StaffProfile.objects.filter(pk=application.profile_id)).get()
    today = timezone.localdate(now)
    unmet = qualifications.evaluate(profile, StaffRole.MANAGER, on=today)
    application.unmet_requirements = [u.as_dict() for u in unmet]
    application.priority_days = qualifications.approved_service_days(profile, today)
    application.vetted_at = now


def application_submit(
    *, actor, call_id: int, city=None, statement: str = "", qualifications_record=None
) -> Application:
    """Apply to a call while it is open (LIC-1, LIC-2). `qualifications_record` (sex, the
    declarations of art. 21, degrees, work periods) is recorded on the applicant's own
    qualification record first; the application is then vetted automatically."""
    if not getattr(actor, "is_usable", False):
        raise Forbidden(_("Only registered users with a verified account may apply."))
    now = timezone.now()
    with transaction.atomic():
        call = Call.objects.select_for_update(of=("self",)).filter(pk=call_id).first()
        if call is None:
            raise NotFound()
        if not call.is_open(now):
            raise Conflict(
                _("Applications are accepted only while the call is open (art. 22-a)."),
                code="call_closed",
            )
        if city is not None and city.province_id != call.province_id:
            raise ValidationFailed(
                code="other_province", fields={"city": [_("The city is not in the call's region.")]}
            )
        if (
            Application.objects.filter(call=call, applicant=actor)
            .exclude(status=Application.Status.WITHDRAWN)
            .exists()
        ):
            raise Conflict(_("You have already applied to this call."), code="already_applied")
        if qualifications_record:
            profile = office_services.qualifications_declare(actor=actor, **qualifications_record)
        else:
            profile = StaffProfile.objects.filter(user=actor).first()
        if profile is None:
            raise ValidationFailed(
                _("Declare your qualifications with the application."),
                code="qualifications_required",
                fields={"qualifications": [_("Required.")]},
            )
        application = Application(
            call=call,
            applicant=actor,
            profile=profile,
            city=city,
            statement=statement,
            submitted_at=now,
        )
        _vet(application, now)
        application._history_user = actor
        application.save()
    return application


def application_add_document(*, actor, application_id: int, kind: str, file) -> ApplicationDocument:
    """The applicant adds a document while the application awaits a decision (LIC-2)."""
    with transaction.atomic():
        application = _locked(Application, selectors.applications_visible_to(actor), application_id)
        if application.applicant_id != actor.pk:
            raise Forbidden()
        if application.status != Application.Status.SUBMITTED:
            raise Conflict(code="wrong_state")
        if kind not in ApplicationDocument.Kind.values:
            raise ValidationFailed(code="invalid", fields={"kind": [_("Unknown kind.")]})
        document = ApplicationDocument(application=application, kind=kind, file=file)
        try:
            document.full_clean(exclude=["application"])
        except ValidationError as error:
            raise ValidationFailed(code="bad_document", fields=error.message_dict) from None
        document._history_user = actor
        document.save()
    return document


def application_vet(*, actor, application_id: int) -> Application:
    """Licensing staff run the automatic vetting again (after attestations are verified)."""
    with transaction.atomic():
        application = _locked(Application, selectors.applications_visible_to(actor), application_id)
        _require_role(actor, Role.LICENSING_STAFF)
        if application.status != Application.Status.SUBMITTED:
            raise Conflict(code="wrong_state")
        _vet(application)
        application._history_user = actor
        application._change_reason = "vetting"
        application.save()
    return application


def application_accept(*, actor, application_id: int, reasons: str) -> Application:
    """Licensing staff accept a qualified applicant, within the call's places (LIC-2)."""
    reasons = _reasons(reasons)
    with transaction.atomic():
        application = _locked(Application, selectors.applications_visible_to(actor), application_id)
        if application.status == Application.Status.SUBMITTED and has_role(
            actor, Role.LICENSING_STAFF
        ):
            _vet(application)
            if application.unmet_requirements:
                application.save()
                raise ValidationFailed(
                    _("The applicant does not meet every requirement."),
                    code="unqualified",
                    fields={
                        "requirements": [
                            _("Article %(article)s: %(message)s") % u
                            for u in application.unmet_requirements
                        ]
                    },
                )
            Call.objects.select_for_update(of=("self",)).filter(pk=application.call_id).first()
            taken = Application.objects.filter(
                call_id=application.call_id, status=Application.Status.ACCEPTED
            ).count()
            if taken >= application.call.places:
                raise Conflict(_("Every place of the call is taken."), code="no_places")
        apply_transition(
            application, "accept", actor=actor, reason=reasons, by=actor, reasons=reasons
        )
        _sms(
            application.applicant,
            "licensing.application_accepted",
            lambda: (
                _("Your application to the call “%(call)s” has been accepted.")
                % {"call": application.call.title}
            ),
        )
    return application


def application_reject(*, actor, application_id: int, reasons: str) -> Application:
    reasons = _reasons(reasons)
    with transaction.atomic():
        application = _locked(Application, selectors.applications_visible_to(actor), application_id)
        apply_transition(
            application, "reject", actor=actor, reason=reasons, by=actor, reasons=reasons
        )
        _sms(
            application.applicant,
            "licensing.application_rejected",
            lambda: (
                _("Your application to the call “%(call)s” has been rejected.")
                % {"call": application.call.title}
            ),
        )
    return application


def application_withdraw(*, actor, application_id: int, reason: str = "") -> Application:
    with transaction.atomic():
        application = _locked(Application, selectors.applications_visible_to(actor), application_id)
        apply_transition(application, "withdraw", actor=actor, reason=reason)
    return application


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
    window = dt.timedelta(days=_config("RENEWAL_WINDOW_DAYS"))
    grace = dt.timedelta(days=_config("RENEWAL_GRACE_DAYS"))
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
    reasons = _reasons(reasons)
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
            licence = Licence.objects.select_for_update(of=("self",)).get(pk=licence.pk)
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
        Office.objects.select_for_update().filter(pk=office.pk).first()
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
        request._history_user = actor
        request.save()
    return request


def _request_transition(
    *, actor, request_id: int, name: str, step=None, decision=None, reasons: str = ""
) -> LicenceRequest:
    with transaction.atomic():
        request = _locked(LicenceRequest, selectors.requests_visible_to(actor), request_id)
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


def request_propose(*, actor, request_id: int, decision: str, reasons: str) -> LicenceRequest:
    """The Council proposes approval or rejection, with reasons (LIC-3; art. 24-c)."""
    return _request_transition(
        actor=actor,
        request_id=request_id,
        name="propose",
        step=RequestStep.Step.PROPOSAL,
        decision=_decision(decision),
        reasons=_reasons(reasons),
    )


def request_give_opinion(*, actor, request_id: int, decision: str, reasons: str) -> LicenceRequest:
    """The GD's opinion on the Council's proposal, for the centre head (LIC-3; art. 22-b)."""
    return _request_transition(
        actor=actor,
        request_id=request_id,
        name="give_opinion",
        step=RequestStep.Step.OPINION,
        decision=_decision(decision),
        reasons=_reasons(reasons),
    )


def request_decide(*, actor, request_id: int, decision: str, reasons: str) -> LicenceRequest:
    """The centre head's decision (LIC-3; art. 14). An approval is applied at once."""
    return _request_transition(
        actor=actor,
        request_id=request_id,
        name="decide",
        step=RequestStep.Step.DECISION,
        decision=_decision(decision),
        reasons=_reasons(reasons),
    )


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
        _sms(
            person,
            "licensing.request_decided",
            lambda approved=approved: (
                (
                    _("The %(kind)s request for office %(office)s has been approved.")
                    if approved
                    else _("The %(kind)s request for office %(office)s has been rejected.")
                )
                % {"kind": request.get_kind_display(), "office": request.office.code}
            ),
        )


# --- Applying an approved request (LIC-5 … LIC-7, LIC-9, OFF-7) ----------------------------------
def _new_number(office: Office, on: dt.date) -> str:
    year = jdatetime.date.fromgregorian(date=on).year
    sequence = Licence.objects.filter(office=office).count() + 1
    return f"{year}-{office.code}-{sequence:02d}"


def _issue_licence(*, actor, office: Office, holder, reason: str) -> Licence:
    today = timezone.localdate()
    licence = Licence(
        number=_new_number(office, today),
        office=office,
        holder=holder,
        issued_on=today,
        expires_on=today + dt.timedelta(days=_config("LICENCE_VALIDITY_DAYS")),
    )
    licence._history_user = actor
    licence._change_reason = reason
    licence.save()
    return licence


def _settle(licence: Licence, today: dt.date) -> Licence:
    """Record what the dates already say: an ended suspension, a passed expiry (LIC-6)."""
    if licence.status == Licence.Status.SUSPENDED and licence.suspended_until <= today:
        apply_transition(
            licence, "reinstate", actor=None, actor_label=SYSTEM, reason="suspension ended"
        )
    if licence.status in Licence.LIVE and licence.expires_on < today:
        apply_transition(licence, "expire", actor=None, actor_label=SYSTEM, reason="expired")
    return licence


def _lock_licence(pk) -> Licence:
    licence = Licence.objects.select_for_update(of=("self",)).get(pk=pk)
    return _settle(licence, timezone.localdate())


def licence_apply(licence: Licence, name: str, *, actor, reason: str, **kwargs) -> Licence:
    """Take a licence transition decided elsewhere: the centre head's approval of a request, or
    (for the discipline app, DIS-8) a final ruling's suspension or revocation. The caller has
    authorised `actor`; the licence is settled with today's date first."""
    with transaction.atomic():
        licence = _lock_licence(licence.pk)
        apply_transition(
            licence, name, actor=actor, reason=reason, check_permission=False, **kwargs
        )
    return licence


# Named verbs for the other apps (discipline's final rulings, DIS-8): no transition names as
# strings outside licensing. The caller has authorised `actor`.
def licence_suspend(*, licence: Licence, until, actor, reason: str) -> Licence:
    return licence_apply(licence, "suspend", actor=actor, reason=reason, until=until)


def licence_revoke(*, licence: Licence, actor, reason: str) -> Licence:
    return licence_apply(licence, "revoke", actor=actor, reason=reason)


def licence_withdraw(*, licence: Licence, actor, reason: str) -> Licence:
    return licence_apply(licence, "withdraw", actor=actor, reason=reason)


def _apply(request: LicenceRequest, actor) -> None:
    K = LicenceRequest.Kind
    reason = _("%(kind)s request #%(id)s approved") % {
        "kind": request.get_kind_display(),
        "id": request.pk,
    }
    office = Office.objects.select_for_update().get(pk=request.office_id)
    if request.kind == K.ISSUE:
        if selectors.live_licence(office) is not None:
            raise Conflict(_("The office already holds a licence."), code="office_licensed")
        application = request.application
        office_services.manager_install(actor=actor, office=office, profile=application.profile)
        request.resulting_licence = _issue_licence(
            actor=actor, office=office, holder=application.applicant, reason=reason
        )
    elif request.kind == K.REPLACEMENT:
        current = selectors.live_licence(office)
        if current is not None:
            licence_apply(current, "withdraw", actor=actor, reason=reason)
        application = request.application
        office_services.manager_install(actor=actor, office=office, profile=application.profile)
        request.resulting_licence = _issue_licence(
            actor=actor, office=office, holder=application.applicant, reason=reason
        )
    elif request.kind == K.RENEWAL:
        licence = _lock_licence(request.licence_id)
        refusal = renewal_refusal(licence, timezone.localdate(request.submitted_at))
        if refusal or licence.status not in (Licence.Status.ACTIVE, Licence.Status.EXPIRED):
            raise Conflict(
                refusal or _("Only an active licence can be renewed."), code="not_renewable"
            )
        validity = dt.timedelta(days=_config("LICENCE_VALIDITY_DAYS"))
        licence_apply(
            licence, "renew", actor=actor, reason=reason, expires_on=licence.expires_on + validity
        )
    elif request.kind == K.SUSPENSION:
        licence_apply(
            request.licence, "suspend", actor=actor, reason=reason, until=request.suspend_until
        )
    elif request.kind == K.REVOCATION:
        licence_apply(request.licence, "revoke", actor=actor, reason=reason)
    elif request.kind == K.WITHDRAWAL:
        licence_apply(request.licence, "withdraw", actor=actor, reason=reason)
    elif request.kind == K.RELOCATION:
        licence = _lock_licence(request.licence_id)
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


def licences_settle(now=None, limit: int = 1000) -> int:
    """The sweep (LIC-6): end suspensions whose end date has come and expire licences past
    their expiry day. Compares stored dates with today, so a late run catches up and a second
    run changes nothing."""
    today = timezone.localdate(now or timezone.now())
    due = list(
        Licence.objects.filter(
            status=Licence.Status.SUSPENDED, suspended_until__lte=today
        ).values_list("pk", flat=True)[:limit]
    ) + list(
        Licence.objects.filter(status__in=Licence.LIVE, expires_on__lt=today).values_list(
            "pk", flat=True
        )[:limit]
    )
    changed = 0
    for pk in dict.fromkeys(due):
        with transaction.atomic():
            licence = (
                Licence.objects.select_for_update(of=("self",), skip_locked=True)
                .filter(pk=pk)
                .first()
            )
            if licence is None:
                continue
            before = licence.status
            _settle(licence, today)
            changed += licence.status != before
    return changed


# --- Council (LIC-4) -----------------------------------------------------------------------------
def _lock_user(user):
    return get_user_model().objects.select_for_update().get(pk=user.pk)


def _overlapping(qs, starts_on, ends_on):
    return qs.filter(ended_on__isnull=True, starts_on__lte=ends_on, ends_on__gte=starts_on)


def incompatible_offices_refusal() -> Conflict:
    return Conflict(
        _(
            "Article 23, note: a member of the Council may not sit on the Association's board "
            "at the same time."
        ),
        code="council_board_incompatible",
    )


def council_appoint(
    *, actor, user, starts_on: dt.date | None = None, ends_on: dt.date | None = None
) -> CouncilMembership:
    """The centre head appoints a Council member for a term (LIC-4; art. 23): five members at
    most at a time, none of them on the Association's board during the term."""
    _require_role(
        actor, Role.CENTRE_HEAD, message=_("Council members are appointed by the centre head.")
    )
    starts_on = starts_on or timezone.localdate()
    ends_on = ends_on or starts_on + dt.timedelta(days=_config("COUNCIL_TERM_DAYS"))
    if ends_on <= starts_on:
        raise ValidationFailed(code="invalid", fields={"ends_on": [_("After the start.")]})
    with transaction.atomic():
        user = _lock_user(user)
        if _overlapping(BoardMembership.objects.filter(user=user), starts_on, ends_on).exists():
            raise incompatible_offices_refusal()
        if _overlapping(CouncilMembership.objects.filter(user=user), starts_on, ends_on).exists():
            raise Conflict(_("This person already sits on the Council."), code="already_member")
        # Every appointment locks the centre head's roster in the same order: the first row.
        CouncilMembership.objects.select_for_update().order_by("pk").first()
        if CouncilMembership.objects.current(starts_on).count() >= _config("COUNCIL_SIZE"):
            raise Conflict(
                _("The Council has %(size)d members (art. 23).")
                % {"size": _config("COUNCIL_SIZE")},
                code="council_full",
            )
        membership = CouncilMembership(
            user=user, starts_on=starts_on, ends_on=ends_on, appointed_by=actor
        )
        membership._history_user = actor
        membership.save()
        user.groups.add(Group.objects.get_or_create(name=Role.COUNCIL_MEMBER.value)[0])
    return membership


def council_end(*, actor, membership_id: int, ended_on: dt.date | None = None) -> CouncilMembership:
    _require_role(actor, Role.CENTRE_HEAD)
    with transaction.atomic():
        membership = CouncilMembership.objects.select_for_update().filter(pk=membership_id).first()
        if membership is None:
            raise NotFound()
        if membership.ended_on is not None:
            raise Conflict(code="wrong_state")
        membership.ended_on = ended_on or timezone.localdate()
        membership._history_user = actor
        membership.save(update_fields=["ended_on"])
        if not CouncilMembership.objects.current().filter(user=membership.user).exists():
            membership.user.groups.remove(*Group.objects.filter(name=Role.COUNCIL_MEMBER.value))
    return membership


# --- Fee schedules (LIC-8) -----------------------------------------------------------------------
def fee_propose(*, actor, kind: str, amount, effective_from: dt.date, reasons: str) -> FeeSchedule:
    """The Council proposes a fee (LIC-8; art. 24-b)."""
    from licensing.models import is_council_member

    if not is_council_member(actor):
        raise Forbidden(_("Fees are proposed by the Council."))
    if kind not in FeeSchedule.Kind.values:
        raise ValidationFailed(code="invalid", fields={"kind": [_("Unknown kind.")]})
    if amount is None or amount < 0:
        raise ValidationFailed(code="invalid", fields={"amount": [_("Zero or more.")]})
    with transaction.atomic():
        fee = FeeSchedule(
            kind=kind,
            amount=amount,
            effective_from=effective_from,
            proposed_by=actor,
            proposal_reasons=_reasons(reasons),
        )
        fee._history_user = actor
        fee.save()
    return fee


def fee_give_opinion(*, actor, fee_id: int, decision: str, reasons: str) -> FeeSchedule:
    """The GD's opinion on the Council's proposal (LIC-8; art. 22-c)."""
    decision, reasons = _decision(decision), _reasons(reasons)
    with transaction.atomic():
        fee = _locked(FeeSchedule, selectors.fees_visible_to(actor), fee_id)
        apply_transition(
            fee,
            "give_opinion",
            actor=actor,
            reason=reasons,
            by=actor,
            decision=decision,
            reasons=reasons,
        )
    return fee


def fee_decide(*, actor, fee_id: int, decision: str, reasons: str) -> FeeSchedule:
    """The centre head approves or rejects the fee (LIC-8; art. 22-c)."""
    decision, reasons = _decision(decision), _reasons(reasons)
    with transaction.atomic():
        fee = _locked(FeeSchedule, selectors.fees_visible_to(actor), fee_id)
        apply_transition(
            fee, "decide", actor=actor, reason=reasons, by=actor, decision=decision, reasons=reasons
        )
    return fee
