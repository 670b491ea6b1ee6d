"""What a person does to an appointment, declared once for the API and the portal's pages
(`core.actions`): cancelling it before its time (APT-3)."""

from django.utils.translation import gettext_lazy as _

from core.actions import Action, ActionTable
from core.records import as_pk
from offices import selectors, services
from offices.api.serializers import CancelSerializer

APPOINTMENT_ACTIONS = ActionTable(
    lookup="appointment_id",
    visible=lambda user, pk: selectors.appointments_of(user).filter(pk=as_pk(pk)).first(),
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
    ],
)
