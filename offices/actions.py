"""What a person does to an appointment or a place on a waiting list, declared once for the
API and the portal's pages (`core.actions`): cancelling before its time (APT-3), moving it to
another time, and taking or declining a time the waiting list offers."""

from django.utils.translation import gettext_lazy as _

from core.actions import Action, ActionTable
from core.records import as_pk
from offices import selectors, services
from offices.api.serializers import (
    AppointmentSerializer,
    CancelSerializer,
    RescheduleSerializer,
)

APPOINTMENT_ACTIONS = ActionTable(
    lookup="appointment_id",
    # The owner's, and their office's for its staff (who may move it; cancelling stays the
    # owner's own: the service answers 404 to anyone else).
    visible=lambda user, pk: selectors.appointments_visible_to(user).filter(pk=as_pk(pk)).first(),
    actions=[
        Action(
            "cancel",
            services.appointment_cancel_own,
            CancelSerializer,
            summary="Cancel before the time; the seat is offered again (APT-3).",
            label=_("Cancel"),
            done=_("The appointment is cancelled; the time is free again."),
            transition="cancel",
            extra={"operation_id": "appointments_cancel"},
        ),
        Action(
            "reschedule",
            services.appointment_reschedule,
            RescheduleSerializer,
            summary=(
                "Move to another free slot of the same office and service; the check-in code "
                "stays (APT-1, APT-2, APT-6). The owner, or the office's staff. Refusals: 400 "
                "`same_slot`, `unknown_slot`, `slot_in_past`, `too_soon`, `too_far_ahead`, "
                "`slot_not_for_service`; 403 `booking_banned`; 409 `wrong_state`, `too_late`, "
                "`slot_full`, `limit_per_office_day`, `limit_open_bookings`."
            ),
            label=_("Move to another time"),
            done=_("The appointment was moved. Your check-in code is unchanged."),
            transition="reschedule",
            extra={"operation_id": "appointments_reschedule"},
        ),
    ],
)

WAITLIST_ACTIONS = ActionTable(
    lookup="entry_id",
    visible=lambda user, pk: selectors.waiting_of(user).filter(pk=as_pk(pk)).first(),
    actions=[
        Action(
            "accept",
            services.waitlist_accept,
            summary=(
                "Take the time held for you: it becomes a booking. 409 `wrong_state` when "
                "nothing is offered (or it was taken already), `offer_expired`."
            ),
            label=_("Take this time"),
            done=_("The time is yours: your appointment is booked."),
            transition="accept",
            result=AppointmentSerializer,
            status_code=201,
            extra={"operation_id": "waitlist_accept"},
        ),
        Action(
            "leave",
            services.waitlist_leave,
            summary="Leave the waiting list, or decline the time offered (it passes on).",
            label=_("Leave the waiting list"),
            done=_("You left the waiting list."),
            transition="leave",
            extra={"operation_id": "waitlist_leave"},
        ),
    ],
)
