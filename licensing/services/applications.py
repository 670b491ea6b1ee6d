"""Calls for applicants and applications (LIC-1, LIC-2): a call opens a window in a province;
an applicant's qualification record is vetted automatically, then accepted or rejected by
licensing staff within the call's places."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role, has_role
from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.notify import notify
from core.records import locked, save_as
from core.transitions import apply_transition
from licensing import selectors
from licensing.models import Application, ApplicationDocument, Call
from licensing.services.common import reasons_given, require_role
from offices import qualifications
from offices import services as office_services
from offices.models import StaffProfile, StaffRole


# --- Calls for applicants (LIC-1) ----------------------------------------------------------------
def call_open(
    *, actor, title: str, province, places: int, opens_at, closes_at, description: str = ""
) -> Call:
    """The GD opens a call for applicants in a province, for a window and a number of places
    (LIC-1; art. 22-a)."""
    require_role(actor, Role.LICENSING_STAFF)
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
        save_as(call, actor=actor)
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


def _locked_application(actor, application_id) -> Application:
    return locked(selectors.applications_visible_to(actor), application_id)


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
        call = locked(Call.objects, call_id)
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
        save_as(application, actor=actor)
    return application


def application_add_document(*, actor, application_id: int, kind: str, file) -> ApplicationDocument:
    """The applicant adds a document while the application awaits a decision (LIC-2)."""
    with transaction.atomic():
        application = _locked_application(actor, application_id)
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
        save_as(document, actor=actor)
    return document


def application_vet(*, actor, application_id: int) -> Application:
    """Licensing staff run the automatic vetting again (after attestations are verified)."""
    with transaction.atomic():
        application = _locked_application(actor, application_id)
        require_role(actor, Role.LICENSING_STAFF)
        if application.status != Application.Status.SUBMITTED:
            raise Conflict(code="wrong_state")
        _vet(application)
        save_as(application, actor=actor, reason="vetting")
    return application


def application_accept(*, actor, application_id: int, reasons: str) -> Application:
    """Licensing staff accept a qualified applicant, within the call's places (LIC-2)."""
    reasons = reasons_given(reasons)
    with transaction.atomic():
        application = _locked_application(actor, application_id)
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
            locked(Call.objects, application.call_id)
            taken = Application.objects.filter(
                call_id=application.call_id, status=Application.Status.ACCEPTED
            ).count()
            if taken >= application.call.places:
                raise Conflict(_("Every place of the call is taken."), code="no_places")
        apply_transition(
            application, "accept", actor=actor, reason=reasons, by=actor, reasons=reasons
        )
        _tell_applicant(application)
    return application


def application_reject(*, actor, application_id: int, reasons: str) -> Application:
    reasons = reasons_given(reasons)
    with transaction.atomic():
        application = _locked_application(actor, application_id)
        apply_transition(
            application, "reject", actor=actor, reason=reasons, by=actor, reasons=reasons
        )
        _tell_applicant(application)
    return application


def _tell_applicant(application: Application) -> None:
    """The applicant learns the decision by SMS, in their own language (LIC-2)."""
    call = application.call.title
    accepted = application.status == Application.Status.ACCEPTED
    notify(
        application.applicant,
        purpose=f"licensing.application_{'accepted' if accepted else 'rejected'}",
        body=lambda: (
            (
                _("Your application to the call “%(call)s” has been accepted.")
                if accepted
                else _("Your application to the call “%(call)s” has been rejected.")
            )
            % {"call": call}
        ),
    )


def application_withdraw(*, actor, application_id: int, reason: str = "") -> Application:
    with transaction.atomic():
        application = _locked_application(actor, application_id)
        apply_transition(application, "withdraw", actor=actor, reason=reason)
    return application
