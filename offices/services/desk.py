"""The office's desk for people without an account or online access (art. 7, ID-9, ID-10).

An office's staff serve the person in front of them (or on the phone): find their account by
national ID or mobile, register them when they have none (verified in person at once), and
book an appointment at the office for them. Filing for them is the office channel of
filings (FIL-2, art. 6). Only a staff member holding a post in the office acts at its desk:
anyone else gets 404 and nothing changes. Each act names the staff member: the account's
history and its `IdentityVerification`, the appointment's `booked_by`.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts import services as account_services
from accounts.models import User
from core.exceptions import Conflict, NotFound, ValidationFailed
from core.notify import notify
from offices import selectors
from offices.models import Appointment, Office
from offices.services.appointments import appointment_book


def desk_office(actor, code) -> Office:
    """The office whose desk `actor` serves: a post in it (404 otherwise), operational."""
    office = selectors.post_office(actor, code)
    if office is None:
        raise NotFound()
    if not selectors.operational_status(office).operational:
        raise Conflict(
            _("The office is not operational and serves no one at its desk."),
            code="office_not_operational",
        )
    return office


def desk_person(national_id: str) -> User:
    """The account of a national ID, for an act of the desk on it."""
    person = User.objects.filter(national_id=str(national_id or "").strip().upper()).first()
    if person is None:
        raise ValidationFailed(
            _("No account has this national ID."),
            code="no_account",
            fields={"national_id": [_("No account has this national ID.")]},
        )
    if person.status != User.Status.ACTIVE:
        raise Conflict(_("This account is not active."), code="account_inactive")
    return person


def desk_register(*, actor, code, **card) -> User:
    """Register a walk-in who has no account, verified in person (ID-9 b, ID-10), and tell
    them by SMS how to choose a password (through recovery, ID-5: no password is sent)."""
    with transaction.atomic():
        office = desk_office(actor, code)
        person = account_services.identity_register_in_person(
            staff=actor, office_id=office.pk, **card
        )
        notify(
            person,
            purpose="desk.registered",
            body=lambda: (
                _(
                    "Judicial e-services office %(name)s (code %(code)s) opened your Daftar "
                    "account and verified your identity. Your username is your national ID. "
                    "To choose your password, open “I forgot my password” on the sign-in page "
                    "and enter your national ID, birth date, ID card serial and this mobile "
                    "number."
                )
                % {"name": office.name, "code": office.code}
            ),
        )
    return person


def desk_book(*, actor, code, national_id: str, slot: int, service: str) -> Appointment:
    """Book a seat at the actor's own office for the person (a walk-in or a phone call), with
    the rules of online booking (APT-2, APT-6); the person gets the booking's SMS."""
    office = desk_office(actor, code)
    person = desk_person(national_id)
    return appointment_book(
        actor=actor, slot_id=slot, service_code=service, person=person, office=office
    )
