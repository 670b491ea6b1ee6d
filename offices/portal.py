"""The appointment portal's pages (APT-1, APT-2, APT-3): server-rendered, no JavaScript needed.

* ``office/<code>/`` — the office's free days and times (the calendar selector), and the
  booking form: one radio button per free slot, the service, and a submit button. Anyone may
  look; booking needs a signed-in, verified account (the service decides and says why not).
* ``""`` — my appointments, with the receipt (PDF), the calendar file (.ics), a cancel and a
  move button for each open one, and my places on waiting lists (a time offered: take it or
  decline it).
* ``<pk>/reschedule/`` — another day and time of the same office and service for a booking.
* ``waitlist/join/`` — wait for a seat on a full day (from the office's page).

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
from rest_framework.exceptions import ValidationError

from core.actions import ActionFormView, error_messages, form_data
from core.exceptions import DomainError
from core.publiccache import cache_publicly
from offices import calendar_file, receipts, scheduling, selectors, services
from offices.actions import APPOINTMENT_ACTIONS, WAITLIST_ACTIONS
from offices.api.serializers import WaitlistJoinSerializer
from offices.models import Appointment, Service, WaitingListEntry


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


def calendar_context(
    office, *, day: date | None, service: Service | None = None, exclude=None
) -> dict:
    """The office's bookable days (with free seats) for a service and the free times of the
    chosen day, and the days fully booked (which have a waiting list). `exclude` leaves one
    slot out (an appointment's own, when moving it)."""
    status = selectors.operational_status(office)
    offered = list(office.services.filter(is_active=True))
    service = service or (offered[0] if offered else None)
    today = timezone.localdate()
    days: dict[date, list] = {}
    full: list[date] = []
    if status.operational and service is not None:
        for slot in selectors.free_slots(
            office, today, scheduling.horizon_end(today), service=service
        ):
            if slot.free > 0 and slot.pk != exclude:
                days.setdefault(slot.day, []).append(slot)
            elif slot.day not in full:
                full.append(slot.day)
    if day not in days:
        day = next(iter(days), None)
    return {
        "office": office,
        "status": status,
        "days": [{"day": d, "free": sum(s.free for s in slots)} for d, slots in days.items()],
        "full_days": [d for d in full if d not in days],
        "day": day,
        "slots": days.get(day, []),
        "services": offered,
        "service": service,
        "horizon_days": settings.APPOINTMENTS["BOOKING_HORIZON_DAYS"],
    }


def _service(office, code: str | None) -> Service | None:
    return office.services.filter(is_active=True, code=code).first() if code else None


class OfficeCalendarPage(View):
    """Pick a day and a time at an office, and book it."""

    template_name = "offices/portal/office.html"

    def get(self, request, code):
        office = _office_or_404(code)
        context = calendar_context(
            office,
            day=_parse_day(request.GET.get("day")),
            service=_service(office, request.GET.get("service")),
        )
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
        context = calendar_context(office, day=day, service=_service(office, service_code))
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
        waiting = list(
            selectors.waiting_of(request.user).filter(
                status__in=[WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED]
            )[:50]
        )
        return render(
            request,
            "offices/portal/mine.html",
            {
                "appointments": appointments,
                "booked": Appointment.Status.BOOKED,
                "waiting": waiting,
                "offered": WaitingListEntry.Status.OFFERED,
            },
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


class RescheduleAppointment(ActionFormView):
    """Move a booking to another day and time of the same office and service: the day list
    and the free times, as when booking; the code stays."""

    table = APPOINTMENT_ACTIONS

    @staticmethod
    def success_url(request, pk, result=None):
        if result is None:  # refused: back to the choice, with the reason
            return reverse("offices_portal:reschedule", kwargs={"pk": pk})
        return reverse("offices_portal:mine")

    def get(self, request, pk):
        appointment = (
            selectors.appointments_of(request.user)
            .filter(pk=pk, status=Appointment.Status.BOOKED, starts_at__gt=timezone.now())
            .first()
        )
        if appointment is None:
            raise Http404
        context = calendar_context(
            appointment.office,
            day=_parse_day(request.GET.get("day")),
            service=appointment.service,
            exclude=appointment.slot_id,
        )
        context["appointment"] = appointment
        return render(request, "offices/portal/reschedule.html", context)

    def post(self, request, pk, name="reschedule"):
        return super().post(request, pk, name)


class WaitlistAction(ActionFormView):
    """Take or decline the time a waiting list offers, or leave the list."""

    table = WAITLIST_ACTIONS
    success_url = staticmethod(lambda request, pk, result: reverse("offices_portal:mine"))


class JoinWaitlist(LoginRequiredMixin, View):
    """Wait for a seat on a full day (the office's page posts here)."""

    def post(self, request):
        form = WaitlistJoinSerializer(data=form_data(request))
        back = reverse("offices_portal:mine")
        if not form.is_valid():
            for text in error_messages(ValidationError(form.errors), WaitlistJoinSerializer):
                messages.error(request, text)
            return redirect(back)
        data = form.validated_data
        try:
            services.waitlist_join(
                actor=request.user,
                office_code=data["office"],
                service=data["service"],
                day=data["day"],
            )
        except DomainError as refusal:
            if refusal.status_code == 404:
                raise Http404 from None
            messages.error(request, str(refusal.message))
            url = reverse("offices_portal:office", kwargs={"code": data["office"]})
            return redirect(f"{url}?service={data['service']}")
        messages.success(
            request,
            _("You are on the waiting list. If a time becomes free, we will send you an SMS."),
        )
        return redirect(back)


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
