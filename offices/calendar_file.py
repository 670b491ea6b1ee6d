"""An appointment as a calendar file (core.ics): offered on "my appointments" and attached to
the booking's e-mail. The UID is the appointment's, and the SEQUENCE grows with each change of
it, so a calendar moves or cancels the event it has instead of adding another."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from core import ics
from offices import formatting

MIME_TYPE = "text/calendar"


def _event(appointment) -> list[str]:
    office = appointment.office
    return ics.event(
        uid=f"appointment-{appointment.pk}@daftar",
        starts_at=appointment.starts_at,
        ends_at=appointment.slot.ends_at,
        summary=_("Appointment at judicial e-services office %(name)s") % {"name": office.name},
        location=f"{office.name} — {office.address}",
        description=_(
            "Service: %(service)s. Office code: %(code)s. Time: %(when)s. "
            "Check-in code: %(checkin)s. Bring it with your national ID card."
        )
        % {
            "service": appointment.service.name,
            "code": office.code,
            "when": formatting.moment(appointment.starts_at),
            "checkin": appointment.check_in_code,
        },
        sequence=appointment.history.count(),
        cancelled=appointment.status == appointment.Status.CANCELLED,
    )


def filename(appointment) -> str:
    return f"appointment-{appointment.check_in_code}.ics"


def render(appointment) -> str:
    """The calendar file of one appointment, in the active language."""
    return ics.calendar([_event(appointment)], name=_("Appointment"), product="Appointments")


def attachment(appointment) -> tuple[str, str, str]:
    """(file name, text, MIME type) for core.notify's `attachment`."""
    return filename(appointment), render(appointment), MIME_TYPE


def response(appointment) -> HttpResponse:
    """The file as a download (the portal's link and the API's)."""
    answer = HttpResponse(render(appointment), content_type=f"{MIME_TYPE}; charset=utf-8")
    answer["Content-Disposition"] = f'attachment; filename="{filename(appointment)}"'
    answer["Cache-Control"] = "private, no-store"
    return answer
