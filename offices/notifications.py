"""What the offices app tells a person about their appointment, beyond the booking SMS (APT-3):
the booking's e-mail with its calendar file, the reminder the day before, and the cancellation.
Each goes through core.notify, so it is written in the reader's language (Jalali dates and
Persian digits in Persian, as the booking SMS)."""

from django.utils.translation import gettext as _

from core.notify import notify
from offices import calendar_file, formatting


def _facts(appointment) -> dict:
    return {
        "name": appointment.office.name,
        "code": appointment.office.code,
        "when": formatting.moment(appointment.starts_at),
        "checkin": appointment.check_in_code,
    }


def appointment_booked_email(appointment) -> None:
    """The booking's e-mail (to an account with an address), with the calendar file."""
    notify(
        appointment.user,
        purpose="appointments.booked_email",
        sms=False,
        subject=lambda: _("Your appointment at office %(name)s") % _facts(appointment),
        body=lambda: (
            _(
                "Your appointment at judicial e-services office %(name)s (code %(code)s) is "
                "booked for %(when)s, at %(address)s. Check-in code: %(checkin)s. Bring it "
                "with your national ID card. The attached file adds it to your calendar."
            )
            % {**_facts(appointment), "address": appointment.office.address}
        ),
        attachment=lambda: calendar_file.attachment(appointment),
    )


def appointment_reminder(appointment) -> None:
    notify(
        appointment.user,
        purpose="appointments.reminder",
        body=lambda: (
            _(
                "Reminder: your appointment at judicial e-services office %(name)s "
                "(code %(code)s) is tomorrow, %(when)s. Check-in code: %(checkin)s. "
                "If you cannot come, cancel it."
            )
            % _facts(appointment)
        ),
    )


def appointment_cancelled(appointment, *, actor, reason: str = "") -> None:
    """To the person: they cancelled, or the office did (with its reason)."""
    by_office = actor is not None and actor.pk != appointment.user_id

    def body():
        if not by_office:
            return _(
                "Your appointment at judicial e-services office %(name)s (code %(code)s) "
                "on %(when)s is cancelled."
            ) % _facts(appointment)
        text = _(
            "Judicial e-services office %(name)s (code %(code)s) cancelled your "
            "appointment on %(when)s."
        ) % _facts(appointment)
        return f"{text} {_('Reason: %(reason)s') % {'reason': reason}}" if reason else text

    notify(appointment.user, purpose="appointments.cancelled", body=body)
