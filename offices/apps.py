from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import audit


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = _("Offices and appointments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from offices import selectors
        from offices.models import Appointment, Office, StaffProfile

        audit.register(Office, visible=selectors.offices_staffed_by)
        audit.register(Appointment, visible=selectors.appointments_visible_to)
        audit.register(StaffProfile, visible=selectors.staff_visible_to)
