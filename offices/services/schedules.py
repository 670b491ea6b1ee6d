"""An office's slot length and seats per service it offers (the manager's setting)."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.exceptions import ValidationFailed
from core.records import locked, save_as
from offices import scheduling, selectors
from offices.models import Office, Service, ServiceSchedule


def service_schedule_set(
    *, actor, office_code: str, service: str, slot_minutes=None, slot_capacity=None
) -> Office:
    """Give a service its own slot length and seats at the office, or (both empty) let it
    share the office's slots again; the office's slots are generated anew at once. Offices
    the actor does not manage answer 404."""
    with transaction.atomic():
        managed = selectors.offices_managed_by(actor).filter(code=office_code)
        office = locked(managed, managed.values_list("pk", flat=True).first())
        offered = Service.objects.filter(code=service, offices=office).first()
        if offered is None:
            raise ValidationFailed(
                _("The office does not offer this service."),
                code="service_not_offered",
                fields={"service": [_("The office does not offer this service.")]},
            )
        current = ServiceSchedule.objects.filter(office=office, service=offered).first()
        if slot_minutes is None and slot_capacity is None:
            if current is not None:
                current.delete()
        else:
            schedule = current or ServiceSchedule(office=office, service=offered)
            schedule.slot_minutes = slot_minutes or office.slot_minutes
            schedule.slot_capacity = slot_capacity or office.slot_capacity
            save_as(schedule, actor=actor, reason="slots per service")
        scheduling.generate(office)
    return office
