"""The appointment portal's pages (APT-1, APT-2, APT-3): server-rendered, no JavaScript needed.

* ``office/<code>/`` — the office's free days and times (the calendar selector), and the
  booking form: one radio button per free slot, the service, and a submit button. Anyone may
  look; booking needs a signed-in, verified account (the service decides and says why not).
* ``""`` — my appointments, with the receipt (PDF), the calendar file (.ics) and a cancel
  button for each open one.

The views parse the form, call ``offices.selectors`` and ``offices.services`` and render the
result; every rule (limits, bans, notice, operational status, seats) is the service's, and
its refusal is shown as its readable message next to the form.
"""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from core.actions import ActionFormView
from core.exceptions import DomainError
from core.publiccache import cache_publicly
from offices import calendar_file, receipts, scheduling, selectors, services
from offices.actions import APPOINTMENT_ACTIONS
from offices.models import Appointment


def _office_or_404(code: str):
    office = selectors.office_detail(code)
    if office is None:
        raise Http404
    return office


def _parse_day(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def calendar_context(office, *, day: date | None) -> dict:
    """The office's bookable days (with free seats) and the free times of the chosen day."""
    status = selectors.operational_status(office)
    today = timezone.localdate()
    days: dict[date, list] = {}
    if status.operational:
        for slot in selectors.free_slots(office, today, scheduling.horizon_end(today)):
            if slot.free > 0:
                days.setdefault(slot.day, []).append(slot)
    if day not in days:
        day = next(iter(days), None)
    return {
        "office": office,
        "status": status,
        "days": [{"day": d, "free": sum(s.free for s in slots)} for d, slots in days.items()],
        "day": day,
        "slots": days.get(day, []),
        "services": list(office.services.filter(is_active=True)),
        "horizon_days": settings.APPOINTMENTS["BOOKING_HORIZON_DAYS"],
    }


class OfficeCalendarPage(View):
    """Pick a day and a time at an office, and book it."""

    template_name = "offices/portal/office.html"

    def get(self, request, code):
        office = _office_or_404(code)
        context = calendar_context(office, day=_parse_day(request.GET.get("day")))
        response = render(request, self.template_name, context)
        return cache_publicly(response, selectors.CALENDAR_CACHE_SECONDS)

    def post(self, request, code):
        office = _office_or_404(code)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        day = _parse_day(request.POST.get("day"))
        slot_id = request.POST.get("slot", "")
        service_code = request.POST.get("service", "")
        error = None
        if not slot_id.isdigit():
            error = DomainError(_("Choose a time."), code="slot_missing")
        elif not service_code:
            error = DomainError(_("Choose a service."), code="service_missing")
        else:
            try:
                appointment = services.appointment_book(
                    actor=request.user, slot_id=int(slot_id), service_code=service_code
                )
            except DomainError as refusal:
                error = refusal
            else:
                messages.success(
                    request,
                    _("Your appointment is booked. Your check-in code is %(code)s.")
                    % {"code": appointment.check_in_code},
                )
                return redirect("offices_portal:mine")
        context = calendar_context(office, day=day)
        context.update(
            {
                "error": error,
                "chosen_slot": slot_id,
                "chosen_service": service_code,
            }
        )
        return render(request, self.template_name, context, status=error.status_code)


class MyAppointmentsPage(LoginRequiredMixin, View):
    def get(self, request):
        now = timezone.now()
        appointments = list(selectors.appointments_of(request.user)[:100])
        for appointment in appointments:
            appointment.can_cancel = (
                appointment.status == Appointment.Status.BOOKED and appointment.starts_at > now
            )
        return render(
            request,
            "offices/portal/mine.html",
            {"appointments": appointments, "booked": Appointment.Status.BOOKED},
        )


class CancelAppointment(ActionFormView):
    """The owner cancels from their list (APT-3); an office's staff use their own screens.
    GET is the confirmation page (the appointment and a confirm button, no JavaScript
    needed); only its POST cancels."""

    table = APPOINTMENT_ACTIONS
    success_url = staticmethod(lambda request, pk, result: reverse("offices_portal:mine"))

    def get(self, request, pk):
        appointment = (
            selectors.appointments_of(request.user)
            .filter(pk=pk, status=Appointment.Status.BOOKED, starts_at__gt=timezone.now())
            .first()
        )
        if appointment is None:
            raise Http404
        return render(request, "offices/portal/cancel.html", {"appointment": appointment})

    def post(self, request, pk, name="cancel"):
        return super().post(request, pk, name)


class AppointmentReceipt(LoginRequiredMixin, View):
    """The receipt (APT-3) as a PDF, in the page's language."""

    def get(self, request, pk):
        appointment = (
            selectors.appointments_of(request.user).select_related("slot").filter(pk=pk).first()
        )
        if appointment is None:
            raise Http404
        pdf = receipts.render_receipt(appointment, language=get_language() or "fa")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="appointment-{appointment.check_in_code}.pdf"'
        )
        response["Cache-Control"] = "private, no-store"
        return response


class AppointmentCalendarFile(LoginRequiredMixin, View):
    """The appointment as a calendar file (.ics), in the page's language; others' are 404."""

    def get(self, request, pk):
        appointment = (
            selectors.appointments_of(request.user)
            .select_related("slot", "office", "service")
            .filter(pk=pk)
            .first()
        )
        if appointment is None:
            raise Http404
        return calendar_file.response(appointment)
